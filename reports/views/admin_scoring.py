"""Admin screens of the scoring dossier that are not plain model editing: the self-assessment
sheet download and the criteria import (xlsx/csv, all-or-nothing, with a dry run)."""

from __future__ import annotations

import io

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import exporters
from core.downloads import download_response
from core.errors import DomainError, ImportRefused
from org.selectors.access import visible_agencies
from reports.services.scoring import (
    CRITERIA_COLUMNS,
    CRITERIA_SHEET,
    RATING_COLUMNS,
    RATINGS_SHEET,
    criteria_import,
    criteria_read,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ScopeForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=None, empty_label=None)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = visible_agencies(user)
        self.fields["year"].initial = timezone.localdate().year


class DownloadForm(ScopeForm):
    format = forms.ChoiceField(label=_("Định dạng"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(cls.identifier, cls.verbose_name)
                                         for cls in exporters.menu(exporters.Scope.AGENCY_YEAR)]


class ImportForm(ScopeForm):
    file = forms.FileField(label=_("Tệp tiêu chí (.xlsx)"))
    dry_run = forms.BooleanField(label=_("Chỉ kiểm tra, chưa ghi"), required=False, initial=True)


def _require(request, perm: str):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def download(request):
    _require(request, "reports.view_scoringcriterion")
    form = DownloadForm(request.GET or None, user=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        rendered = exporters.get(data["format"]).render(agency=data["agency"], year=data["year"])
        return download_response(rendered)
    return TemplateResponse(request, "reports/admin/scoring/download.html", {
        "form": form, "page_title": _("Bảng tự chấm điểm"), "header_title": _("Bảng tự chấm điểm"),
    })


def criteria_template(request):
    """An empty criteria file with the expected header and one example row (clearly an example)."""
    _require(request, "reports.add_scoringcriterion")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = CRITERIA_SHEET
    sheet.append([c.label for c in CRITERIA_COLUMNS])
    sheet.append(["1", "(Ví dụ — thay bằng nội dung tiêu chí của tỉnh)", 10, "", "", "Quyết định …/QĐ-UBND"])
    sheet.append(["1.1", "(Ví dụ — tiêu chí con; cột Đo tự động nhận completion:<mã kế hoạch>)", 10,
                  "(cách chấm)", "", ""])
    for column, width in zip("ABCDEF", (10, 70, 12, 40, 26, 30), strict=True):
        sheet.column_dimensions[column].width = width
    bands = book.create_sheet(RATINGS_SHEET)
    bands.append([c.label for c in RATING_COLUMNS[:2]])
    for rating, low in (("(Ví dụ) Tốt", 80), ("(Ví dụ) Khá", 65), ("(Ví dụ) Trung bình", 50), ("(Ví dụ) Kém", 0)):
        bands.append([rating, low])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-tieu-chi-cham-diem.xlsx"'
    return response


def import_criteria(request):
    _require(request, "reports.add_scoringcriterion")
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    problems, result = [], None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            # bytes capped at IMPORT_MAX_UPLOAD_BYTES + 1: read_table refuses anything larger
            content = upload.read(settings.IMPORT_MAX_UPLOAD_BYTES + 1)
            criteria, ratings = criteria_read(content, filename=upload.name)
            result = criteria_import(agency=data["agency"], year=data["year"], criteria=criteria, ratings=ratings,
                                     dry_run=data["dry_run"], actor=request.user)
        except ImportRefused as exc:
            problems = [str(p) for p in exc.problems] or [str(exc)]
        except DomainError as exc:
            problems = [str(exc)]
        if result is not None and not data["dry_run"]:
            messages.success(request, _("Đã nhập tiêu chí: %(line)s") % {"line": result.line()})
            return redirect("scoring_criteria:index")
    return TemplateResponse(request, "reports/admin/scoring/import.html", {
        "form": form, "problems": problems, "result": result, "columns": CRITERIA_COLUMNS,
        "rating_columns": RATING_COLUMNS,
        "page_title": _("Nhập tiêu chí chấm điểm"), "header_title": _("Nhập tiêu chí chấm điểm"),
    })
