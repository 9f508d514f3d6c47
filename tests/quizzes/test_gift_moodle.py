"""GIFT as Moodle writes it: Moodle's own example file and test fixtures (tests/quizzes/files/moodle,
see its README) import completely, and every type Moodle's importer accepts round-trips."""

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from core.errors import ImportRefused
from quizzes.formats import gift

# The parsers' problems in English, as import_questions prints them (the web shows Vietnamese).
pytestmark = pytest.mark.usefixtures("english")

MOODLE = Path(__file__).parent / "files" / "moodle"


def parse(name):
    return gift.parse((MOODLE / name).read_bytes())


def test_moodles_gift_examples_import_completely():
    qs = parse("gift_examples.txt")
    assert len(qs) == 43
    assert Counter(q.qtype for q in qs) == {"multichoice": 18, "shortanswer": 9, "numerical": 8,
                                           "truefalse": 5, "matching": 3}
    born = qs[4]  # When was Ulysses S. Grant born?{#1822:1}
    assert (born.qtype, born.answers[0].text, born.answers[0].tolerance) == ("numerical", "1822", 1)
    pi_range = qs[17]  # {#3.141..3.142}: a range is stored as its middle and half its width
    assert [(a.text, a.tolerance) for a in pi_range.answers] == [("3.1415", Decimal("0.0005"))]
    partial = qs[-1]  # =1822:0 #Correct! … =%50%1822:2 #He was born in 1822. …
    assert [(a.text, a.fraction, a.tolerance) for a in partial.answers] == [
        ("1822", 1, 0), ("1822", Decimal("0.5"), 2)]
    assert partial.name == "Numerical example" and partial.answers[0].feedback == "Correct! 100% credit"
    capitals = qs[14]
    assert [(a.text, a.match_text) for a in capitals.answers] == [
        ("Canada", "Ottawa"), ("Italy", "Rome"), ("Japan", "Tokyo"), ("India", "New Delhi")]
    markdown = qs[24]
    assert markdown.text_format == "markdown" and markdown.text == "Who's buried in **Grant's tomb**?"
    negative = qs[30]
    assert [a.fraction for a in negative.answers] == [Decimal("-0.5"), Decimal("0.5"), Decimal("0.5"), Decimal("-0.5")]
    control = qs[32]
    assert [a.text for a in control.answers] == ["~", "=", "#", "{", "}", "\\"]
    assert control.answers[5].fraction == 1


def test_moodles_gift_test_fixtures_import_completely():
    qs = parse("gift_questions.gift.txt")
    assert [q.qtype for q in qs] == ["essay", "matching", "multichoice", "multichoice", "numerical", "shortanswer",
                                     "truefalse", "truefalse", "truefalse"]
    activities = qs[1]
    assert activities.text_format == "html" and activities.text == "Match the <b>activity</b> to the description."
    assert activities.answers[-1].text == "" and activities.answers[-1].match_text == "Chat"  # an extra wrong match
    assert activities.answers[0].text == "An activity supporting asynchronous discussions."  # [html] dropped
    wrong_any = qs[4]  # {#3:2~#Completely wrong}
    assert [(a.text, a.fraction, a.feedback) for a in wrong_any.answers] == [
        ("3", 1, ""), ("*", 0, "Completely wrong")]
    general = qs[6]  # true/false with general feedback, text after the block
    assert general.general_feedback == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    assert [(a.fraction, a.feedback) for a in general.answers] == [
        (0, "42 is the Ultimate Answer."), (1, "You gave the right answer.")]
    in_category = parse("gift_questions_in_category.gift.txt")
    assert {q.category for q in in_category} == {"Default for New Features"}
    assert in_category[1].text.startswith('<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3">')


@pytest.mark.parametrize("name", ["gift_examples.txt", "gift_questions.gift.txt",
                                  "gift_questions_in_category.gift.txt"])
def test_moodle_files_round_trip_byte_identical(name):
    once = gift.write(parse(name))
    assert gift.write(gift.parse(once)) == once
    assert [q.fingerprint() for q in gift.parse(once)] == [q.fingerprint() for q in parse(name)]


def test_description_and_formats():
    qs = gift.parse("::Giới thiệu::[html]<p>Phần II: Luật Tiếp công dân</p>\n\n[plain]Câu? {=a ~b}")
    assert (qs[0].qtype, qs[0].name, qs[0].text_format, qs[0].text) == (
        "description", "Giới thiệu", "html", "<p>Phần II: Luật Tiếp công dân</p>")
    assert qs[1].text_format == "plain"
    assert gift.write(qs).decode() == ("::Giới thiệu::[html]<p>Phần II\\: Luật Tiếp công dân</p>\n\n"
                                       "[plain]Câu? {\n\t=a\n\t~b\n}\n")


def test_numerical_writer_is_canonical():
    q = gift.parse("Năm? {#=2013:0#Đúng =%50%2013..2015 ~#Sai}")[0]
    text = gift.write([q]).decode()
    assert text == "Năm? {\n\t#\n\t=2013:0#Đúng\n\t=%50%2014:1\n\t~#Sai\n}\n"
    assert gift.parse(text)[0].fingerprint() == q.fingerprint()


def test_cloze_cannot_be_written_as_gift():
    from quizzes.formats import ParsedQuestion
    with pytest.raises(ImportRefused) as exc:
        gift.write([ParsedQuestion(qtype="multianswer", text="Thủ đô {1:SA:=Hà Nội}", name="Thủ đô")])
    assert 'question "Thủ đô"' in str(exc.value.problems[0])
