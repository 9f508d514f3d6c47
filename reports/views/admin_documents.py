"""Admin actions on the documents the agency issues: download the annual report (PDF/.docx),
freeze it, submit the scoring dossier. Each finds its object among the user's own (404 outside)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from learning.selectors.campaigns import visible_campaigns
from org.selectors.access import administered
from reports.exporters.annual_report import DOCX
from reports.models import AnnualReport, ScoringDossier
from reports.services.annual_report import annual_report_docx, annual_report_freeze, annual_report_pdf
from reports.services.scoring import dossier_submit


def _require(request, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _report(request, pk: int) -> AnnualReport:
    return get_object_or_404(AnnualReport.objects.for_actor(request.user)
                             .filter(campaign__in=visible_campaigns(request.user))
                             .select_related("campaign__agency"), pk=pk)


def annual_report_download(request, pk: int, fmt: str):
    _require(request, "reports.view_annualreport")
    report = _report(request, pk)
    if fmt == "pdf":
        content, mimetype = annual_report_pdf(report), "application/pdf"
    elif fmt == "docx":
        content, mimetype = annual_report_docx(report), DOCX
    else:
        raise Http404
    response = HttpResponse(content, content_type=mimetype)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{report.campaign.slug}.{fmt}"'
    return response


@require_POST
def annual_report_freeze_view(request, pk: int):
    _require(request, "reports.change_annualreport")
    report = _report(request, pk)
    try:
        annual_report_freeze(report=report, actor=request.user)
        messages.success(request, _("Đã chốt báo cáo: nội dung và số liệu được giữ như khi ban hành."))
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("annual_reports:edit", report.pk)


@require_POST
def dossier_submit_view(request, pk: int):
    _require(request, "reports.change_scoringdossier")
    dossier = get_object_or_404(administered(ScoringDossier, request.user), pk=pk)
    try:
        dossier_submit(dossier=dossier, actor=request.user)
        messages.success(request, _("Đã nộp hồ sơ tự chấm điểm: điểm và minh chứng được khóa."))
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("scoring_dossiers:index")
