import json

import pytest

from core.errors import ImportRefused
from quizzes.formats import quizapp

# The parsers' problems in English, as import_questions prints them (the web shows Vietnamese).
pytestmark = pytest.mark.usefixtures("english")

DUMP = [
    {"model": "quiz.category", "pk": 1, "fields": {"category": "dan-van"}},
    {"model": "quiz.quiz", "pk": 1, "fields": {"title": "Cũ", "url": "cu", "pass_mark": 50}},
    {"model": "quiz.question", "pk": 10, "fields": {"quiz": [1], "category": 1, "sub_category": None, "figure": "",
                                                    "content": "Câu trắc nghiệm?", "explanation": "Giải thích."}},
    {"model": "multichoice.mcquestion", "pk": 10, "fields": {"answer_order": "random"}},
    {"model": "multichoice.answer", "pk": 1, "fields": {"question": 10, "content": "Đúng", "correct": True}},
    {"model": "multichoice.answer", "pk": 2, "fields": {"question": 10, "content": "Sai", "correct": False}},
    {"model": "quiz.question", "pk": 11, "fields": {"quiz": [1], "category": None, "_content": "Trời xanh?",
                                                    "_explanation": ""}},
    {"model": "true_false.tf_question", "pk": 11, "fields": {"correct": False}},
    {"model": "quiz.question", "pk": 12, "fields": {"quiz": [1], "category": 1, "content": "Viết đoạn văn.",
                                                    "explanation": ""}},
    {"model": "essay.essay_question", "pk": 12, "fields": {}},
    {"model": "quiz.question", "pk": 13, "fields": {"quiz": [1], "category": 1, "content": "Chọn hai.",
                                                    "explanation": ""}},
    {"model": "multichoice.mcquestion", "pk": 13, "fields": {"answer_order": "none"}},
    {"model": "multichoice.answer", "pk": 3, "fields": {"question": 13, "content": "x", "correct": True}},
    {"model": "multichoice.answer", "pk": 4, "fields": {"question": 13, "content": "y", "correct": True}},
    {"model": "multichoice.answer", "pk": 5, "fields": {"question": 13, "content": "z", "correct": False}},
    {"model": "quiz.sitting", "pk": 1, "fields": {"user": 1, "quiz": 1}},
]


def test_reads_every_question_type():
    qs = quizapp.parse(json.dumps(DUMP).encode(), default_category="Mặc định")
    assert [(q.qtype, q.multiple) for q in qs] == [("multichoice", False), ("truefalse", False), ("essay", False),
                                                  ("multichoice", True)]
    assert qs[0].category == "dan-van" and qs[0].general_feedback == "Giải thích."
    assert qs[1].category == "Mặc định" and [a.fraction for a in qs[1].answers] == [0, 1]
    assert [str(a.fraction) for a in qs[3].answers] == ["0.50000", "0.50000", "0.00000"]


def test_parler_translations_are_read():
    dump = [
        {"model": "quiz.question", "pk": 1, "fields": {"category": None}},
        {"model": "quiz.questiontranslation", "pk": 1, "fields": {"master": 1, "language_code": "vi",
                                                                  "content": "Nội dung?", "explanation": "Vì vậy."}},
        {"model": "true_false.tf_question", "pk": 1, "fields": {"correct": True}},
    ]
    (q,) = quizapp.parse(json.dumps(dump))
    assert q.text == "Nội dung?" and q.general_feedback == "Vì vậy."


def test_unknown_models_and_orphans_are_refused_with_their_position():
    dump = DUMP + [{"model": "matching.question", "pk": 1, "fields": {}},
                   {"model": "quiz.question", "pk": 99, "fields": {"content": "Loại nào?", "category": None}}]
    with pytest.raises(ImportRefused) as exc:
        quizapp.parse(json.dumps(dump))
    assert [str(p) for p in exc.value.problems] == [
        'object 17: model "matching.question" is not supported',
        "object 18: a question of no known type (multichoice, true_false, essay)",
    ]


def test_writer_output_reads_back():
    qs = quizapp.parse(json.dumps(DUMP))
    assert quizapp.write(quizapp.parse(quizapp.write(qs))) == quizapp.write(qs)
