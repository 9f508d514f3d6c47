from decimal import Decimal
from pathlib import Path

import pytest

from core.errors import ImportRefused
from quizzes.formats import gift

# The parsers' problems in English, as import_questions prints them (the web shows Vietnamese).
pytestmark = pytest.mark.usefixtures("english")

FILES = Path(__file__).parent / "files"


def parse_file(name):
    return gift.parse((FILES / name).read_bytes())


def problems_of(text):
    with pytest.raises(ImportRefused) as exc:
        gift.parse(text)
    return [str(p) for p in exc.value.problems]


def test_every_supported_construct():
    qs = parse_file("bank.gift")
    assert [(q.qtype, q.multiple) for q in qs] == [
        ("multichoice", False), ("truefalse", False), ("multichoice", True), ("shortanswer", False),
        ("essay", False), ("multichoice", False), ("truefalse", False)]
    first = qs[0]
    assert first.name == "Cơ quan ban hành" and first.category == "23-QĐ/TW" and first.line == 6
    assert first.answers[0].feedback == "Đúng: ban hành ngày 30/07/2021."
    assert first.general_feedback.startswith("Quyết định 23-QĐ/TW ngày 30/07/2021")
    tf = qs[1]
    assert [(a.text, a.fraction, a.feedback) for a in tf.answers] == [
        ("Đúng", Decimal(1), "Chính xác."), ("Sai", Decimal(0), "Chưa đúng.")]
    assert [a.fraction for a in qs[2].answers] == [Decimal("0.5"), Decimal("0.5"), Decimal("-1")]
    assert qs[3].category == "10/2022/QH15" and [a.fraction for a in qs[3].answers] == [1, Decimal("0.5")]
    assert qs[4].general_feedback == "Tham khảo Chương III của Luật." and qs[4].answers == []
    assert "_____" in qs[5].text  # missing word
    assert qs[6].text == "Ký tự đặc biệt: {ngoặc} # ~ = và dòng\nmới" and qs[6].answers[1].fraction == 1


def test_comments_and_default_category():
    qs = gift.parse("// chú thích\nCâu? {=a ~b}\n// cuối", default_category="Mặc định")
    assert len(qs) == 1 and qs[0].category == "Mặc định" and qs[0].line == 2


def test_malformed_file_names_every_line():
    with pytest.raises(ImportRefused) as exc:
        parse_file("malformed.gift")
    found = [(p.row, p.unit) for p in exc.value.problems]
    assert found == [(3, "line"), (7, "line"), (9, "line"), (11, "line"), (14, "line"), (19, "line"), (23, "line")]
    text = "\n".join(str(p) for p in exc.value.problems)
    for words in ("unclosed", "empty question", "bad escape", '"ba" is not a number', '"->"', "unknown answer marker",
                  "70%"):
        assert words in text


@pytest.mark.parametrize("source, expected", [
    ("Q {=a ~b", "line 1: unclosed"),
    ("Q =a ~b}", 'line 1: "}" without "{"'),
    ("Q {=a {~b}", 'line 1: "{" inside'),
    ("Q {=a ~b} rồi {=c ~d}", "more than one answer block"),
    ("::t Q {=a ~b}", "unclosed title"),
    ("Q {~a ~b}", "no right answer"),
    ("Q {=a}\n\nQ2 {~%150%a =b}", "line 3: answer weight"),
    ("Q {=a ~}", "empty answer"),
    ("Q {T#a#b#c}", "at most two feedbacks"),
    ("Q cuối\\ {=a ~b}", "bad escape"),
    ("Q {=1 -> 2}", "at least two pairs"),
    ("Q {=1 -> 2 ~3 -> 4}", "not ~"),
    ("Q {=1 -> 2 =3 ->}", 'nothing after "->"'),
    ("Q {#năm}", '"năm" is not a number'),
    ("Q {\n#5:x\n}", 'line 2: the tolerance "x" is not a number'),
    ("Q {#5..1}", "ends before it starts"),
    ("Q {#=%0%5}", "positive weight"),
    ("Q {#5 =6}", "either one answer"),
    ("Q {#5 ~oops#x}", 'after "~"'),
])
def test_malformed_constructs(source, expected):
    assert any(expected in p for p in problems_of(source)), problems_of(source)


def test_not_utf8_is_refused_with_its_line():
    assert problems_of("Q {=a ~b}\n\nCâu {=x ~y}".encode("cp1258")) == ["line 3: the file is not UTF-8 text"]


def test_writer_is_canonical_and_round_trips():
    qs = parse_file("bank.gift")
    once = gift.write(qs)
    again = gift.write(gift.parse(once))
    assert once == again
    assert once.startswith("$CATEGORY: 23-QĐ/TW\n\n::Cơ quan ban hành::".encode())
    assert b"\tTRUE#Ch\xc6\xb0a \xc4\x91\xc3\xbang.#Ch\xc3\xadnh x\xc3\xa1c.\n" in once
    assert "Ký tự đặc biệt\\: \\{ngoặc\\} \\# \\~ \\= và dòng\\nmới {".encode() in once
