import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.errors import ImportRefused
from quizzes.formats import gift, xlsx

# The parsers' problems in English, as import_questions prints them (the web shows Vietnamese).
pytestmark = pytest.mark.usefixtures("english")

FILES = Path(__file__).parent / "files"


def sheet(rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_blank_template_is_readable_and_deterministic():
    data = xlsx.blank_template()
    assert data == xlsx.blank_template()
    qs = xlsx.parse(data)
    assert [q.qtype for q in qs] == ["multichoice", "multichoice", "truefalse", "shortanswer", "essay"]
    header = [c.value for c in load_workbook(io.BytesIO(data)).active[1]]
    assert header[:5] == ["Nhóm câu hỏi", "Tiêu đề", "Loại", "Câu hỏi", "Phản hồi chung"]


def test_gift_bank_survives_xlsx_round_trip():
    qs = gift.parse((FILES / "bank.gift").read_bytes())
    data = xlsx.write(qs)
    back = xlsx.parse(data)
    assert [(q.qtype, q.text, q.category) for q in back] == [(q.qtype, q.text, q.category) for q in qs]
    assert xlsx.write(back) == data


def test_english_headers_and_lower_case_types():
    data = sheet([["category", "type", "question", "answer_1", "weight_1", "answer_2"],
                  ["X", "single", "Câu?", "a", 100, "b"]])
    (q,) = xlsx.parse(data)
    assert q.category == "X" and [a.fraction for a in q.answers] == [1, 0]


def test_every_bad_row_is_named():
    data = sheet([
        ["Loại", "Câu hỏi", "Phương án 1", "Điểm 1 (%)", "Phương án 2", "Điểm 2 (%)"],
        ["Một đáp án", "Không có đáp án đúng", "a", None, "b", None],
        ["Kiểu lạ", "?", None, None, None, None],
        ["Nhiều đáp án", "Tổng 80", "a", 40, "b", 40],
        ["Đúng/Sai", "Sai cú pháp", "Có", 100, "Không", None],
        ["Một đáp án", None, "a", 100, "b", None],
        ["Tự luận", "Viết", "a", None, None, None],
        ["Một đáp án", "Điểm chữ", "a", "abc", "b", None],
    ])
    with pytest.raises(ImportRefused) as exc:
        xlsx.parse(data)
    rows = sorted({p.row for p in exc.value.problems})
    assert rows == [2, 3, 4, 5, 6, 7, 8]
    assert any('row 3, column "Loại": unknown type "Kiểu lạ"' in str(p) for p in exc.value.problems)


def test_numerical_matching_and_description_rows():
    from quizzes.formats import ParsedAnswer, ParsedQuestion

    qs = [ParsedQuestion("numerical", "Năm?", answers=[ParsedAnswer("2013", Decimal(1), "Đúng", tolerance=Decimal(0)),
                                                      ParsedAnswer("2013", Decimal("0.5"), tolerance=Decimal(1))]),
          ParsedQuestion("matching", "Ghép", answers=[ParsedAnswer("A", match_text="1"), ParsedAnswer("B", match_text="2"),
                                                      ParsedAnswer("", match_text="3")]),
          ParsedQuestion("description", "Phần II")]
    back = xlsx.parse(xlsx.write(qs))
    assert [q.fingerprint() for q in back] == [q.fingerprint() for q in qs]
    assert (back[0].answers[1].text, back[0].answers[1].tolerance) == ("2013", 1)


def test_bad_numerical_and_matching_cells_are_refused_with_their_place():
    wb = Workbook()
    ws = wb.active
    ws.append(["Loại", "Câu hỏi", "Phương án 1", "Điểm 1 (%)", "Phương án 2", "Điểm 2 (%)"])
    ws.append(["Số", "Năm?", "hai nghìn", "100"])
    ws.append(["Ghép đôi", "Ghép", "A 1", "", "B -> 2", "50"])
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(ImportRefused) as exc:
        xlsx.parse(buffer.getvalue())
    found = [str(p) for p in exc.value.problems]
    assert any(p.startswith('row 2, column "Phương án 1": "hai nghìn" is not a number') for p in found), found
    assert any(p.startswith('row 3, column "Phương án 1": "A 1": write a pair') for p in found), found
    assert any(p.startswith('row 3, column "Điểm 2 (%)": a matching pair takes no weight') for p in found), found
