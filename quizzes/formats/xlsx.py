"""The project's own question spreadsheet (documented in docs/quiz-formats.md).

One row per question. Columns: Nhóm câu hỏi [category], Tiêu đề [title], Loại [type], Câu hỏi
[question], Phản hồi chung [general_feedback], then for i = 1..8: Phương án i [answer_i],
Điểm i (%) [weight_i], Phản hồi i [feedback_i]. Types: "Một đáp án" [single], "Nhiều đáp án"
[multiple], "Đúng/Sai" [truefalse] (options "Đúng" and "Sai", the right one weighted 100),
"Trả lời ngắn" [shortanswer] (accepted answers), "Tự luận" [essay] (no options).

The writer is deterministic: fixed workbook properties and fixed zip timestamps, so exporting the
same questions twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext

from core.errors import ImportRefused, Problem
from core.tables import Column, read_table, xlsx_formulas_as_text
from core.text import fold

from . import ParsedAnswer, ParsedQuestion, number_text, percent_text
from .gift import FALSE_TEXT, TRUE_TEXT

MAX_OPTIONS = 8
TYPES = [
    ("single", "Một đáp án"),
    ("multiple", "Nhiều đáp án"),
    ("truefalse", "Đúng/Sai"),
    ("shortanswer", "Trả lời ngắn"),
    ("essay", "Tự luận"),
    ("numerical", "Số"),
    ("matching", "Ghép đôi"),
    ("description", "Mô tả"),
]
_ARROW = re.compile(r"\s*(?:->|→)\s*")
_TOLERANCE = re.compile(r"\s*(?::|±|\+/-)\s*")
_TYPE_KEYS = {fold(k).replace(" ", ""): k for k, _ in TYPES} | {fold(v).replace(" ", ""): k for k, v in TYPES}


def columns() -> list[Column]:
    cols = [
        Column("category", "Nhóm câu hỏi"),
        Column("title", "Tiêu đề"),
        Column("type", "Loại", required=True),
        Column("question", "Câu hỏi", required=True),
        Column("general_feedback", "Phản hồi chung"),
    ]
    for i in range(1, MAX_OPTIONS + 1):
        cols += [
            Column(f"answer_{i}", f"Phương án {i}"),
            Column(f"weight_{i}", f"Điểm {i} (%)", aliases=(f"Điểm {i}",)),
            Column(f"feedback_{i}", f"Phản hồi {i}"),
        ]
    return cols


def _weight(row, i: int, problems: list[Problem]) -> Decimal:
    raw = row.text(f"weight_{i}").rstrip("%").strip().replace(",", ".")
    if not raw:
        return Decimal("0")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        problems.append(Problem(gettext('"%(raw)s" không phải tỉ lệ phần trăm') % {"raw": raw}, row=row.number,
                                column=f"Điểm {i} (%)"))
        return Decimal("0")
    if not Decimal(-100) <= value <= Decimal(100):
        problems.append(Problem(gettext("%(raw)s nằm ngoài khoảng -100..100") % {"raw": raw}, row=row.number,
                                column=f"Điểm {i} (%)"))
    return (value / 100).quantize(Decimal("0.00001"))


def _row_question(row, default_category: str, problems: list[Problem]) -> ParsedQuestion | None:
    before = len(problems)
    kind = _TYPE_KEYS.get(fold(row.text("type")).replace(" ", ""))
    if kind is None:
        known = ", ".join(v for _, v in TYPES)
        problems.append(Problem(gettext('loại câu hỏi "%(type)s" không được nhận (ghi %(known)s)')
                                % {"type": row.text("type"), "known": known}, row=row.number, column="Loại"))
        return None
    text = row.text("question")
    if not text:
        problems.append(Problem(gettext("câu hỏi trống"), row=row.number, column="Câu hỏi"))
    answers = []
    for i in range(1, MAX_OPTIONS + 1):
        option = row.text(f"answer_{i}")
        weight = _weight(row, i, problems)
        feedback = row.text(f"feedback_{i}")
        if not option:
            if weight or feedback:
                problems.append(Problem(gettext("có điểm hoặc phản hồi mà không có phương án"), row=row.number,
                                        column=f"Phương án {i}"))
            continue
        answer = ParsedAnswer(text=option, fraction=weight, feedback=feedback)
        if kind == "numerical" and not _numerical_cell(answer):
            problems.append(Problem(gettext('"%(option)s" không phải số (ghi 2013, 2013 ± 1 hoặc *)') % {"option": option},
                                    row=row.number,
                                    column=f"Phương án {i}"))
        if kind == "matching":
            if weight:
                problems.append(Problem(gettext("cặp ghép nối không có điểm riêng: mọi mục tính như nhau"),
                                        row=row.number, column=f"Điểm {i} (%)"))
            if not _ARROW.search(option):
                problems.append(Problem(gettext('"%(option)s": ghi một cặp dạng "mục -> vế ghép"') % {"option": option[:30]},
                                        row=row.number,
                                        column=f"Phương án {i}"))
            else:
                item, match = _ARROW.split(option, maxsplit=1)
                answer = ParsedAnswer(text=item.strip(), fraction=Decimal("0.00000"), match_text=match.strip())
        answers.append(answer)
    q = ParsedQuestion(qtype="multichoice" if kind in ("single", "multiple") else kind, text=text,
                       name=row.text("title"), category=row.text("category") or default_category,
                       multiple=kind == "multiple", general_feedback=row.text("general_feedback"),
                       answers=answers, line=row.number)
    positive = sum((a.fraction for a in answers if a.fraction > 0), Decimal(0))
    if kind in ("essay", "description") and answers:
        problems.append(Problem(gettext("câu tự luận không có phương án") if kind == "essay"
                                else gettext("phần mô tả không có phương án"),
                                row=row.number, column="Phương án 1"))
    elif kind == "numerical" and positive <= 0:
        problems.append(Problem(gettext("câu hỏi dạng số cần một số được chấp nhận có điểm trên 0"),
                                row=row.number, column="Phương án 1"))
    elif kind == "matching" and sum(1 for a in q.answers if a.text and a.match_text) < 2:
        problems.append(Problem(gettext("câu ghép nối cần ít nhất hai cặp"), row=row.number,
                                column="Phương án 2"))
    elif kind in ("single", "multiple"):
        if len(answers) < 2:
            problems.append(Problem(gettext("câu trắc nghiệm cần ít nhất hai phương án trả lời"), row=row.number,
                                    column="Phương án 2"))
        elif positive <= 0:
            problems.append(Problem(gettext("không có phương án đúng: cho một phương án 100 điểm"), row=row.number,
                                    column="Điểm 1 (%)"))
        elif kind == "multiple" and abs(positive - 1) > Decimal("0.0002"):
            problems.append(Problem(gettext("tổng điểm các phương án đúng là %(total)s%%, không phải 100%%")
                                    % {"total": percent_text(positive)},
                                    row=row.number, column="Điểm 1 (%)"))
    elif kind == "truefalse":
        texts = [fold(a.text) for a in answers]
        if sorted(texts) != ["dung", "sai"] or sorted(a.fraction for a in answers) != [Decimal(0), Decimal(1)]:
            problems.append(Problem(gettext('câu đúng/sai có hai phương án "Đúng" và "Sai", phương án đúng được 100'),
                                    row=row.number, column="Phương án 1"))
        else:
            by = {fold(a.text): a for a in answers}
            q.answers = [ParsedAnswer(TRUE_TEXT, by["dung"].fraction, by["dung"].feedback),
                         ParsedAnswer(FALSE_TEXT, by["sai"].fraction, by["sai"].feedback)]
    elif kind == "shortanswer" and positive <= 0:
        problems.append(Problem(gettext("câu trả lời ngắn cần một đáp án được chấp nhận có điểm trên 0"),
                                row=row.number, column="Phương án 1"))
    return q if len(problems) == before else None


def _numerical_cell(answer: ParsedAnswer) -> bool:
    """"2013", "2013 ± 1", "3,14:0,01" or "*" → the answer's number and tolerance."""
    parts = _TOLERANCE.split(answer.text.strip(), maxsplit=1)
    try:
        value = "*" if parts[0] == "*" else number_text(Decimal(parts[0].replace(",", ".")))
        tolerance = abs(Decimal(parts[1].replace(",", "."))) if len(parts) > 1 else Decimal(0)
    except (InvalidOperation, ValueError):
        return False
    answer.text, answer.tolerance = value, tolerance.normalize()
    return True


def _cell(q: ParsedQuestion, a: ParsedAnswer) -> str:
    if q.qtype == "matching":
        return f"{a.text} -> {a.match_text}".strip()
    if q.qtype == "numerical" and a.tolerance:
        return f"{a.text} ± {number_text(a.tolerance)}"
    return a.text


def parse(data: bytes, default_category: str = "") -> list[ParsedQuestion]:
    table = read_table(data, columns(), filename="questions.xlsx")
    problems: list[Problem] = []
    questions = [q for row in table.rows if (q := _row_question(row, default_category, problems))]
    if problems:
        raise ImportRefused(problems)
    if not questions:
        raise ImportRefused([Problem(gettext("trang tính không có câu hỏi nào"), row=2)])
    return questions


FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)


def _deterministic(data: bytes) -> bytes:
    """Rewrite the zip with fixed member timestamps and order (openpyxl stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            content = source.read(name)
            if name == "docProps/core.xml":  # openpyxl sets "modified" to now on every save
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>2024-01-01T00:00:00Z\g<2>", content)
            target.writestr(info, content)
    return out.getvalue()


def write(questions: list[ParsedQuestion]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Câu hỏi"
    cols = columns()
    ws.append([c.label for c in cols])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    labels = dict(TYPES)
    cannot = [Problem(gettext('câu hỏi "%(name)s": mẫu Excel không có loại cho câu này (%(type)s); '
                              "hãy xuất dạng gift hoặc moodle-xml") % {"name": q.name or q.text[:40], "type": q.qtype})
              for q in questions if q.qtype not in ("multichoice", *labels)]
    if cannot:
        raise ImportRefused(cannot)
    for q in questions:
        if q.qtype == "multichoice":
            kind = "multiple" if q.multiple else "single"
        else:
            kind = q.qtype
        row = [q.category, q.name, labels[kind], q.text, q.general_feedback]
        for i in range(MAX_OPTIONS):
            if i < len(q.answers):
                a = q.answers[i]
                row += [_cell(q, a), percent_text(a.fraction) if a.fraction else "", a.feedback]
            else:
                row += ["", "", ""]
        ws.append([v if v != "" else None for v in row])
    if len(questions) and max((len(q.answers) for q in questions), default=0) > MAX_OPTIONS:
        raise ImportRefused([Problem(gettext("có câu hỏi nhiều hơn %(n)s phương án: dùng GIFT") % {"n": MAX_OPTIONS})])
    widths = {"A": 24, "B": 18, "C": 14, "D": 60, "E": 30}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    for cells in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    xlsx_formulas_as_text(ws)  # a question or answer text starting with "=" stays text (M6)
    wb.properties.creator = "hoc-tap-van-ban"
    wb.properties.lastModifiedBy = "hoc-tap-van-ban"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    return _deterministic(buffer.getvalue())


def blank_template() -> bytes:
    """The empty template with one example row of each type, for HR to download."""
    from decimal import Decimal as D

    examples = [
        ParsedQuestion("multichoice", "Quy chế công tác dân vận của hệ thống chính trị được ban hành kèm theo văn bản nào?",
                       name="Ví dụ một đáp án", category="Ví dụ", answers=[
                           ParsedAnswer("Quyết định số 23-QĐ/TW", D(1), "Chính xác."),
                           ParsedAnswer("Chỉ thị số 33/CT-TTg", D(0), "Chỉ thị 33/CT-TTg là của Thủ tướng Chính phủ."),
                       ]),
        ParsedQuestion("multichoice", "Những văn bản nào do Thủ tướng Chính phủ ban hành?", name="Ví dụ nhiều đáp án",
                       category="Ví dụ", multiple=True, answers=[
                           ParsedAnswer("Chỉ thị số 33/CT-TTg", D("0.5")),
                           ParsedAnswer("Chỉ thị số 16/CT-TTg", D("0.5")),
                           ParsedAnswer("Luật số 10/2022/QH15", D("-1")),
                       ]),
        ParsedQuestion("truefalse", "Luật Tiếp công dân có hiệu lực từ ngày 01/07/2014.", name="Ví dụ đúng/sai",
                       category="Ví dụ", answers=[ParsedAnswer(TRUE_TEXT, D(1)), ParsedAnswer(FALSE_TEXT, D(0))]),
        ParsedQuestion("shortanswer", "Luật Thực hiện dân chủ ở cơ sở có số hiệu là gì?", name="Ví dụ trả lời ngắn",
                       category="Ví dụ", answers=[ParsedAnswer("10/2022/QH15", D(1))]),
        ParsedQuestion("essay", "Nêu ba việc làm cụ thể để thực hiện tốt công tác dân vận tại đơn vị.",
                       name="Ví dụ tự luận", category="Ví dụ"),
    ]
    return write(examples)
