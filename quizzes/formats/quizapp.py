"""django-quiz-app (tomwalker/django_quiz) `dumpdata` JSON: parser and writer.

Models read: `quiz.category` (category), `quiz.question` (content, explanation, category; the
multi-table parent of every question), `multichoice.mcquestion` + `multichoice.answer` (question,
content, correct), `true_false.tf_question` (correct), `essay.essay_question`; the django-parler
releases' `*translation` rows (master, language_code, content/explanation/category) are honoured.
Ignored as not questions: `quiz.quiz`, `quiz.subcategory`, `quiz.progress`, `quiz.sitting`. Any
other model is refused with the position of its object.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.utils.translation import gettext

from core.errors import ImportRefused, Problem

from . import ParsedAnswer, ParsedQuestion
from .gift import FALSE_TEXT, TRUE_TEXT

IGNORED = {"quiz.quiz", "quiz.subcategory", "quiz.progress", "quiz.sitting", "quiz.quiztranslation",
           "quiz.subcategorytranslation"}
KNOWN = {"quiz.category", "quiz.categorytranslation", "quiz.question", "quiz.questiontranslation",
         "multichoice.mcquestion", "multichoice.answer", "multichoice.answertranslation",
         "true_false.tf_question", "essay.essay_question"}


def _text(fields: dict, name: str) -> str:
    value = fields.get(name, fields.get(f"_{name}"))
    return (value or "").strip() if isinstance(value, str) else ""


def parse(data: bytes | str, default_category: str = "") -> list[ParsedQuestion]:
    try:
        objects = json.loads(data.decode("utf-8-sig") if isinstance(data, bytes) else data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise ImportRefused([Problem(gettext("không phải tệp JSON dumpdata (%(error)s)") % {"error": exc.__class__.__name__},
                                     row=line,
                                     unit="line")]) from exc
    if not isinstance(objects, list):
        raise ImportRefused([Problem(gettext("không phải tệp JSON dumpdata: cần một danh sách đối tượng"), row=1,
                                     unit="line")])
    problems: list[Problem] = []
    by_model: dict[str, dict] = {name: {} for name in KNOWN}
    position: dict[tuple[str, object], int] = {}
    for index, obj in enumerate(objects, start=1):
        if not isinstance(obj, dict) or "model" not in obj or not isinstance(obj.get("fields"), dict):
            problems.append(Problem(gettext("không phải đối tượng dumpdata (model, pk, fields)"), row=index, unit="object"))
            continue
        model = str(obj["model"]).lower()
        if model in IGNORED:
            continue
        if model not in KNOWN:
            problems.append(Problem(gettext('không hỗ trợ model "%(model)s"') % {"model": model}, row=index, unit="object"))
            continue
        by_model[model][obj.get("pk")] = obj["fields"]
        position[(model, obj.get("pk"))] = index
    translations = {}
    for model, field_names in (("quiz.questiontranslation", ("content", "explanation")),
                               ("multichoice.answertranslation", ("content",)),
                               ("quiz.categorytranslation", ("category",))):
        for fields in by_model[model].values():
            key = (model, fields.get("master"))
            if key not in translations or fields.get("language_code") in ("vi", "vi-vn"):
                translations[key] = {n: (fields.get(n) or "").strip() for n in field_names}
    categories = {}
    for pk, fields in by_model["quiz.category"].items():
        name = _text(fields, "category") or translations.get(("quiz.categorytranslation", pk), {}).get("category", "")
        categories[pk] = name
    answers: dict[object, list[tuple[object, dict]]] = {}
    for pk, fields in sorted(by_model["multichoice.answer"].items(), key=lambda kv: str(kv[0]).zfill(12)):
        answers.setdefault(fields.get("question"), []).append((pk, fields))
    questions = []
    for pk, fields in by_model["quiz.question"].items():
        where = position[("quiz.question", pk)]
        tr = translations.get(("quiz.questiontranslation", pk), {})
        text = _text(fields, "content") or tr.get("content", "")
        explanation = _text(fields, "explanation") or tr.get("explanation", "")
        category = categories.get(fields.get("category")) or default_category
        q = ParsedQuestion(qtype="", text=text, category=category, general_feedback=explanation, line=where)
        if not text:
            problems.append(Problem(gettext("câu hỏi trống"), row=where, unit="object"))
            continue
        if pk in by_model["multichoice.mcquestion"]:
            rows = answers.get(pk, [])
            right = [f for _, f in rows if f.get("correct")]
            if len(rows) < 2 or not right:
                problems.append(Problem(gettext("câu trắc nghiệm cần hai phương án và một đáp án đúng"), row=where,
                                        unit="object"))
                continue
            share = (Decimal(1) / len(right)).quantize(Decimal("0.00001"))
            q.qtype, q.multiple = "multichoice", len(right) > 1
            for answer_pk, f in rows:
                content = _text(f, "content") or translations.get(("multichoice.answertranslation", answer_pk), {}).get(
                    "content", "")
                q.answers.append(ParsedAnswer(text=content, fraction=share if f.get("correct") else Decimal("0.00000")))
            if any(not a.text for a in q.answers):
                problems.append(Problem(gettext("phương án không có nội dung"), row=where, unit="object"))
                continue
        elif pk in by_model["true_false.tf_question"]:
            correct = bool(by_model["true_false.tf_question"][pk].get("correct"))
            q.qtype = "truefalse"
            q.answers = [ParsedAnswer(TRUE_TEXT, Decimal("1.00000") if correct else Decimal("0.00000")),
                         ParsedAnswer(FALSE_TEXT, Decimal("0.00000") if correct else Decimal("1.00000"))]
        elif pk in by_model["essay.essay_question"]:
            q.qtype = "essay"
        else:
            problems.append(Problem(gettext("câu hỏi không thuộc loại nào đã biết (multichoice, true_false, essay)"), row=where,
                                    unit="object"))
            continue
        questions.append(q)
    if problems:
        raise ImportRefused(problems)
    if not questions:
        raise ImportRefused([Problem(gettext("tệp không có câu hỏi nào"), row=1, unit="line")])
    questions.sort(key=lambda q: q.line or 0)
    return questions


def write(questions: list[ParsedQuestion]) -> bytes:
    """A dumpdata-shaped JSON that django-quiz-app can `loaddata` (short answers cannot be held)."""
    out, categories, answer_pk = [], {}, 0
    for q in questions:
        if q.category and q.category not in categories:
            categories[q.category] = len(categories) + 1
            out.append({"model": "quiz.category", "pk": categories[q.category], "fields": {"category": q.category}})
    for pk, q in enumerate(questions, start=1):
        if q.qtype not in ("multichoice", "truefalse", "essay") or (q.qtype == "multichoice" and any(a.fraction < 0 for a in q.answers)):
            raise ImportRefused([Problem(gettext('django-quiz-app không chứa được "%(text)s"') % {"text": q.text[:40]})])
        out.append({"model": "quiz.question", "pk": pk, "fields": {
            "quiz": [], "category": categories.get(q.category), "sub_category": None, "figure": "",
            "content": q.text, "explanation": q.general_feedback}})
        if q.qtype == "multichoice":
            out.append({"model": "multichoice.mcquestion", "pk": pk, "fields": {"answer_order": "random"}})
            for a in q.answers:
                answer_pk += 1
                out.append({"model": "multichoice.answer", "pk": answer_pk, "fields": {
                    "question": pk, "content": a.text, "correct": a.fraction > 0}})
        elif q.qtype == "truefalse":
            right = next(a for a in q.answers if a.fraction > 0)
            out.append({"model": "true_false.tf_question", "pk": pk, "fields": {"correct": right.text == TRUE_TEXT}})
        else:
            out.append({"model": "essay.essay_question", "pk": pk, "fields": {}})
    return (json.dumps(out, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
