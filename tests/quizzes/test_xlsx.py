import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.errors import ImportRefused
from quizzes.formats import gift, xlsx

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
