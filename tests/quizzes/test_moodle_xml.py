"""Moodle XML: Moodle's own test fixtures (tests/quizzes/files/moodle, see its README) import
completely or are refused naming the question and its line; every type round-trips; what cannot
be kept is reported by question name; the parser refuses entities and DTDs (defusedxml)."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from core.errors import ImportRefused
from quizzes.formats import ParsedAnswer, ParsedQuestion, gift, moodle_xml, xlsx
from quizzes.models import Question, QuestionCategory
from quizzes.services.bank import questions_export, questions_import

from .factories import make_quiz

# The parsers' problems in English, as import_questions prints them (the web shows Vietnamese).
pytestmark = pytest.mark.usefixtures("english")

MOODLE = Path(__file__).parent / "files" / "moodle"


def parse(name):
    return moodle_xml.parse((MOODLE / name).read_bytes())


def problems_of(data):
    with pytest.raises(ImportRefused) as exc:
        moodle_xml.parse(data)
    return [str(p) for p in exc.value.problems]


def test_nested_categories_keep_their_path_and_description():
    qs = parse("xml_nested_categories_with_questions.xml")
    assert [(q.category, q.qtype, q.name) for q in qs] == [
        ("Iota", "truefalse", "Iota Question"), ("Iota/Kappa", "essay", "Kappa Essay Question"),
        ("Iota/Kappa", "truefalse", "Kappa Question"), ("Iota/Kappa/Lambda", "truefalse", "Lambda Question"),
        ("Iota/Mu", "truefalse", "Mu Question")]
    assert qs[1].category_info == "This is Kappa category for test"
    assert (qs[0].text, qs[0].text_format, qs[0].penalty) == ("<p>Testing Iota Question</p>", "html", 1)
    assert [(a.text, a.fraction) for a in qs[0].answers] == [("Đúng", 1), ("Sai", 0)]
    assert parse("xml_nested_categories.xml")[0].category == "Delta/Epsilon/Zeta"


def test_more_of_moodles_fixtures():
    (alpha,) = parse("xml_html_chars_in_idnumbers.xml")
    assert (alpha.category, alpha.idnumber) == ("Alpha", "T & F")
    assert alpha.notes == ['the idnumber "The inequalities < & >" of category "Alpha" was not kept']
    assert b"<idnumber>T &amp; F</idnumber>" in moodle_xml.write([alpha])
    tau, sigma = parse("xml_categories_reverse_order.xml")  # a child category before its parent
    assert (tau.category, tau.qtype, sigma.category, sigma.qtype) == ("Sigma/Tau", "essay", "Sigma", "shortanswer")
    assert [(a.text, a.fraction) for a in sigma.answers] == [("yes", 1), ("no", 0), ("may be", 0)]
    assert [(q.category, q.idnumber) for q in parse("xml_old_format_file.xml")] == [("Pi", ""), ("Pi/Rho", "")]


def test_cloze_with_images_keeps_the_images_inside_the_question():
    (q,) = parse("xml_multianswer.xml")
    assert (q.qtype, q.name, q.mark, q.penalty) == ("multianswer", "cloze with images", 5, Decimal("0.3333333"))
    assert "@@PLUGINFILE@@" not in q.text and q.text.count("data:image/png;name=") == 2
    assert 'src="data:image/png;name=moodle.png;base64,iVBORw0KGgo' in q.general_feedback
    written = moodle_xml.write([q]).decode()
    assert '<file name="arizona_2.png" path="/" encoding="base64">iVBORw0KGgo' in written
    assert "@@PLUGINFILE@@/california-state-flag.png" in written


def test_broken_cloze_fixture_is_refused_naming_each_question_and_line():
    problems = problems_of((MOODLE / "xml_broken_cloze_questions.xml").read_bytes())
    assert [p.split(":")[0] for p in problems] == ["line 4", "line 20", "line 36", "line 52", "line 68"]
    assert 'question "Multianswer question without subquestions": no embedded answers' in problems[0]
    assert "needs at least two choices" in problems[2] and "no fully right choice" in problems[3]
    assert 'the answer "zero" is not a number' in problems[4]


def test_invalid_grades_fixture_is_refused_as_moodle_does():
    (problem,) = problems_of((MOODLE / "xml_error_invalid_grades.xml").read_bytes())
    assert problem.startswith('line 4: question "Question with <strong>invalid grades</strong> : x > 1 & x < 2": '
                              "answer 2: the grade 33% is not one Moodle allows")


@pytest.mark.parametrize("data, expected", [
    (b"<quiz><question type='truefalse'>", "not well-formed XML"),
    (b"<?xml version='1.0'?>\n<!DOCTYPE quiz [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;'>]>\n<quiz>&b;</quiz>", "refused XML"),
    (b"<?xml version='1.0'?>\n<quiz>\n<question type='calculated'><name><text>C</text></name></question>\n</quiz>",
     'line 3: question "C": type "calculated" is not supported'),
    (b"<questions/>", "root element is <questions>"),
])
def test_malformed_or_unsupported_xml_is_refused(data, expected):
    assert any(expected in p for p in problems_of(data)), problems_of(data)


NOT_KEPT = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="shortanswer">
    <name><text>Case</text></name>
    <questiontext format="html"><text>Thủ đô?</text></questiontext>
    <usecase>1</usecase>
    <hint format="html"><text>Miền Bắc</text></hint>
    <answer fraction="100" format="html"><text><![CDATA[<p>Hà Nội</p>]]></text></answer>
  </question>
</quiz>
""".encode()


def test_what_cannot_be_kept_is_reported_by_question_name():
    (q,) = moodle_xml.parse(NOT_KEPT)
    assert q.answers[0].text == "Hà Nội"
    assert any("case-sensitive" in n for n in q.notes) and any("hint" in n for n in q.notes)
    assert any("HTML formatting reduced" in n for n in q.notes)


def test_html_choices_keep_their_images_and_go_back_out():
    xml = ('<quiz><question type="multichoice"><name><text>Cờ</text></name><questiontext format="html">'
           "<text>Cờ nào?</text></questiontext>"
           '<answer fraction="100" format="html"><text><![CDATA[<p><img src="@@PLUGINFILE@@/vn.png" alt="VN"> Việt Nam</p>]]>'
           '</text><file name="vn.png" encoding="base64">iVBORw0KGgo=</file></answer>'
           '<answer fraction="0" format="html"><text><![CDATA[<p>Lào</p>]]></text></answer>'
           "</question></quiz>").encode()
    (q,) = moodle_xml.parse(xml)
    assert q.answers[0].text == '<p><img src="data:image/png;name=vn.png;base64,iVBORw0KGgo=" alt="VN"> Việt Nam</p>'
    assert not q.notes
    written = moodle_xml.write([q])
    assert b'<file name="vn.png" path="/" encoding="base64">iVBORw0KGgo=</file>' in written
    assert moodle_xml.write(moodle_xml.parse(written)) == written


def test_old_style_image_elements_are_appended_or_reported():
    xml = ('<quiz><question type="truefalse"><name><text>Ảnh</text></name><questiontext format="html">'
           "<text>Đây là cờ?</text></questiontext><image>flag.png</image><image_base64>iVBORw0KGgo=</image_base64>"
           '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
           '</question><question type="truefalse"><name><text>Link</text></name><questiontext format="moodle_auto_format">'
           "<text>Cờ?</text></questiontext><image>http://example.org/flag.png</image>"
           '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
           "</question></quiz>").encode()
    inline, link = moodle_xml.parse(xml)
    assert inline.text.endswith('<img src="data:image/png;name=flag.png;base64,iVBORw0KGgo=" alt="">')
    assert link.notes == ['the old-style image "http://example.org/flag.png" was not kept']


def test_display_settings_not_kept_are_reported():
    xml = ('<quiz><question type="multichoice"><name><text>Thứ tự</text></name><questiontext><text>Chọn</text>'
           "</questiontext><shuffleanswers>false</shuffleanswers><answernumbering>123</answernumbering>"
           '<answer fraction="100"><text>a</text></answer><answer fraction="0"><text>b</text></answer>'
           "</question></quiz>").encode()
    notes = moodle_xml.parse(xml)[0].notes
    assert any("fixed answer order" in n for n in notes) and any('numbering "123"' in n for n in notes)


def every_type():
    answers = [ParsedAnswer("Hà Nội", Decimal(1), "Đúng & đủ"), ParsedAnswer("Huế", Decimal("-0.33333"), "<b>Sai</b>")]
    return [
        ParsedQuestion("multichoice", "Thủ đô <nước> ta?", name="MC", category="A/B", answers=answers, penalty=Decimal("0.1"),
                       idnumber="mc-1", tags=["địa lý", "dễ"], mark=Decimal("2"), general_feedback="Xem bài 1",
                       category_info="Nhóm con"),
        ParsedQuestion("multichoice", "Chọn hai", name="MR", category="A/B", multiple=True, answers=[
            ParsedAnswer("a", Decimal("0.5")), ParsedAnswer("b", Decimal("0.5")), ParsedAnswer("c", Decimal(-1))],
            category_info="Nhóm con"),
        ParsedQuestion("truefalse", "Đúng?", name="TF", category="A", answers=[
            ParsedAnswer(gift.TRUE_TEXT, Decimal(0), "sai rồi"), ParsedAnswer(gift.FALSE_TEXT, Decimal(1), "đúng")]),
        ParsedQuestion("shortanswer", "Ngắn", category="A", answers=[ParsedAnswer("Hà*", Decimal(1))]),
        ParsedQuestion("numerical", "Năm?", category="A", answers=[
            ParsedAnswer("2013", Decimal(1), tolerance=Decimal(0)), ParsedAnswer("2013", Decimal("0.5"), tolerance=Decimal(1)),
            ParsedAnswer("*", Decimal(0), "Sai", tolerance=Decimal(0))]),
        ParsedQuestion("matching", "Ghép", category="A", text_format="html", answers=[
            ParsedAnswer("<i>x</i>", match_text="1"), ParsedAnswer("y", match_text="2"), ParsedAnswer("", match_text="3")]),
        ParsedQuestion("essay", "Viết", category="A", general_feedback="gợi ý"),
        ParsedQuestion("description", "Phần II", category="A", text_format="markdown"),
        ParsedQuestion("multianswer", "Thủ đô {1:SA:=Hà Nội} năm {2:NM:=1010:0}", category="A", mark=Decimal(3)),
    ]


def test_every_type_round_trips_through_moodle_xml():
    once = moodle_xml.write(every_type())
    back = moodle_xml.parse(once)
    assert [q.fingerprint() for q in back] == [q.fingerprint() for q in every_type()]
    assert [(q.category, q.category_info) for q in back][:2] == [("A/B", "Nhóm con")] * 2
    assert moodle_xml.write(back) == once


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["moodle-xml", "gift", "xlsx"])
def test_export_import_export_is_byte_identical(fmt):
    source = {"moodle-xml": every_type(), "gift": every_type()[:-1],
              "xlsx": [q for q in every_type() if q.qtype != "multianswer"]}[fmt]
    for q in source:  # GIFT and the Excel template hold no mark, penalty, idnumber or tags
        if fmt != "moodle-xml":
            q.tags, q.idnumber, q.penalty, q.mark = [], "", None, None
        if fmt == "xlsx":  # nor text formats
            q.text_format = ""
    first = make_quiz(slug="mot")
    questions_import(quiz=first, questions=source)
    once = questions_export(quiz=first, fmt=fmt)
    second = make_quiz(slug="hai")
    parser = {"moodle-xml": moodle_xml.parse, "gift": gift.parse, "xlsx": xlsx.parse}[fmt]
    result = questions_import(quiz=second, questions=parser(once))
    assert result.created == 0 and result.reused == len(source)  # the same content, found again
    assert questions_export(quiz=second, fmt=fmt) == once


@pytest.mark.django_db
def test_command_imports_moodle_fixtures_and_exports_them(tmp_path):
    quiz = make_quiz(slug="moodle")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_questions", str(MOODLE / "xml_nested_categories_with_questions.xml"), "--quiz", "moodle",
                 stdout=out, stderr=err)
    call_command("import_questions", str(MOODLE / "xml_multianswer.xml"), "--quiz", "moodle", stdout=out, stderr=err)
    assert "imported 5 questions" in out.getvalue() and "imported 1 questions" in out.getvalue()
    assert QuestionCategory.objects.get(name="Iota/Kappa").description == "This is Kappa category for test"
    cloze = Question.objects.get(qtype="multianswer")
    assert cloze.default_mark == 5 and cloze.penalty == Decimal("0.3333333")
    target = tmp_path / "bank.xml"
    call_command("export_questions", "--quiz", quiz.slug, "--format", "moodle-xml", "--out", str(target),
                 stdout=out, stderr=err)
    assert moodle_xml.parse(target.read_bytes())[-1].name == "cloze with images"
    err = io.StringIO()
    call_command("import_questions", str(MOODLE / "xml_multianswer.xml"), "--quiz", "moodle", "--dry-run",
                 stdout=io.StringIO(), stderr=err)
    assert "dry run" in err.getvalue() and Question.objects.count() == 6
