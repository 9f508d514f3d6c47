from pathlib import Path

import pytest

from core.errors import ImportRefused
from quizzes.formats import aiken

# The parsers' problems in English, as import_questions prints them (the web shows Vietnamese).
pytestmark = pytest.mark.usefixtures("english")

FILES = Path(__file__).parent / "files"


def test_parses_both_option_styles():
    qs = aiken.parse((FILES / "bank.aiken").read_bytes(), default_category="42/2013/QH13")
    assert len(qs) == 2
    assert [a.fraction for a in qs[1].answers] == [0, 1, 0, 0]
    assert qs[1].answers[1].text == "Luật Thực hiện dân chủ ở cơ sở" and qs[0].category == "42/2013/QH13"
    assert aiken.write(aiken.parse(aiken.write(qs), default_category="42/2013/QH13")) == aiken.write(qs)


def test_malformed_file_names_each_line():
    with pytest.raises(ImportRefused) as exc:
        aiken.parse((FILES / "malformed.aiken").read_bytes())
    assert [str(p) for p in exc.value.problems] == [
        'line 4: unknown answer letter "E" (options are A, B)',
        "line 8: a question needs at least two options",
        'line 13: option "C" out of order: expected "B"',
    ]


@pytest.mark.parametrize("source, expected", [
    ("Q\nA. a\nB. b", "missing ANSWER line at the end"),
    ("Q\nA. a\nB. b\n\nQ2\nA. c\nB. d\nANSWER: A", "line 4: missing ANSWER"),
    ("ANSWER: A", "empty question"),
    ("Q\nA. a\nB. b\nlạc dòng\nANSWER: A", 'line 4: "lạc dòng" is neither'),
    ("Q\nA. a\nB. b\nANSWER: AB", 'unknown answer letter "AB"'),
])
def test_malformed_cases(source, expected):
    with pytest.raises(ImportRefused) as exc:
        aiken.parse(source)
    assert any(expected in str(p) for p in exc.value.problems), exc.value.problems


def test_writer_refuses_what_aiken_cannot_hold():
    from quizzes.formats import ParsedQuestion

    with pytest.raises(ImportRefused):
        aiken.write([ParsedQuestion("essay", "Viết")])
