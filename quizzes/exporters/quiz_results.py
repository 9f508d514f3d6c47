"""Results of one quiz (online and paper) as an xlsx, for the evidence pack: every final attempt,
passed or not, so retests show next to the first try."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pandas as pd
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.exporters import Exporter, Rendered, Scope, neutralise_code, neutralise_text, register
from quizzes.models import Attempt

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SOURCE_LABELS = {"online": "Trực tuyến", "paper": "Trên giấy"}
COLUMNS = ["STT", "Mã cán bộ", "Họ và tên", "Đơn vị", "Lượt", "Hình thức", "Ngày làm bài", "Điểm", "Điểm tối đa",
           "Tỷ lệ (%)", "Kết quả"]


def quiz_results_frame(*, quiz, as_of: dt.date | None = None, employees: QuerySet | None = None,
                       since: dt.date | None = None) -> pd.DataFrame:
    """Final attempts of `quiz` (one query) up to `as_of`; limited to `employees` (a queryset of
    staff, e.g. a campaign's audience) and to attempts on or after `since` when given."""
    attempts = Attempt.objects.filter(quiz=quiz, state="finished")
    if as_of is not None:
        attempts = attempts.filter(evidence_date__lte=as_of)
    if employees is not None:
        attempts = attempts.filter(employee__in=employees.values("pk"))
    if since is not None:
        attempts = attempts.filter(evidence_date__gte=since)
    rows = attempts.order_by("employee__unit__name", "employee__employee_code", "number").values(
        "number", "source", "evidence_date", "score", "max_score", "percent", "passed",
        code=F("employee__employee_code"), name=F("employee__full_name"), unit=F("employee__unit__name"),
    )
    frame = pd.DataFrame(list(rows), columns=["code", "name", "unit", "number", "source", "evidence_date", "score",
                                              "max_score", "percent", "passed"])
    out = pd.DataFrame({
        "STT": range(1, len(frame) + 1),
        "Mã cán bộ": frame["code"].map(neutralise_code),
        "Họ và tên": neutralise_text(frame["name"]),
        "Đơn vị": neutralise_text(frame["unit"]),
        "Lượt": frame["number"],
        "Hình thức": frame["source"].map(lambda s: SOURCE_LABELS.get(s, s)),
        "Ngày làm bài": frame["evidence_date"],
        "Điểm": frame["score"].map(lambda v: None if v is None else float(v)),
        "Điểm tối đa": frame["max_score"].map(lambda v: None if v is None else float(v)),
        "Tỷ lệ (%)": frame["percent"].map(lambda v: None if v is None else float(v)),
        "Kết quả": frame["passed"].map(lambda p: "Đạt" if p else "Chưa đạt"),
    })
    return out[COLUMNS]


def quiz_results_xlsx(frame: pd.DataFrame, *, quiz, heading: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Kết quả", startrow=3, index=False)
        ws = writer.sheets["Kết quả"]
        ws["A1"] = f"KẾT QUẢ BÀI KIỂM TRA: {quiz.title}".upper()
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = heading
        ws["A2"].font = Font(italic=True)
        for cell in ws[4]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="D9E1F2")
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for (cell,) in ws.iter_rows(min_row=5, min_col=7, max_col=7):
            cell.number_format = "DD/MM/YYYY"
        for index, width in enumerate([6, 14, 28, 34, 7, 12, 13, 8, 10, 10, 10], start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A5"
        ws.print_title_rows = "4:4"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    return buffer.getvalue()


@register
class QuizResultsXlsx(Exporter):
    identifier = "quiz-results-xlsx"
    scope = Scope.QUIZ
    format = "xlsx"
    menu = 1
    verbose_name = _("Kết quả bài kiểm tra (Excel)")

    def render(self, *, quiz, as_of: dt.date | None = None, employees: QuerySet | None = None,
               since: dt.date | None = None, scope_title: str = "", **_: Any) -> Rendered:
        """`employees`, `since` and `scope_title`: a campaign's audience, start and title in its pack."""
        as_of = as_of or timezone.localdate()
        frame = quiz_results_frame(quiz=quiz, as_of=as_of, employees=employees, since=since)
        scope = f"{scope_title} — " if scope_title else ""
        content = quiz_results_xlsx(frame, quiz=quiz, heading=f"{scope}tính đến ngày {as_of:%d/%m/%Y}")
        return Rendered(f"ket-qua-{quiz.slug}.xlsx", XLSX, content)
