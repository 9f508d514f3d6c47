"""The agency's side of the province's review (HR): send the year's annual report and scoring
dossier to the province, see every round with the province's comments and scores once returned
or finalised, download what was sent, and read the province's published results table."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.params import id_param
from org.selectors.access import administered
from reports.exporters.province_results import results_csv, results_xlsx, status_label
from reports.models import AnnualReport, ScoringDossier, Submission, SubmissionStatus
from reports.selectors.submissions import published_results_for_agency, review_sheet
from reports.services.submissions import submission_send


def _require(request, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _dossier(request, pk: int) -> ScoringDossier:
    return get_object_or_404(administered(ScoringDossier, request.user).select_related("agency"), pk=pk)


def _frozen_reports(dossier: ScoringDossier):
    return (AnnualReport.objects.for_agency(dossier.agency).filter(campaign__year=dossier.year, frozen_at__isnull=False)
            .select_related("campaign").order_by("campaign__title"))


def index(request):
    """The agency's dossiers by year, each with where it stands with the province."""
    _require(request, "reports.view_submission")
    dossiers = administered(ScoringDossier, request.user).select_related("agency").order_by("-year", "agency__code")
    submissions = {s.dossier_id: s for s in Submission.objects.for_actor(request.user).filter(dossier__in=dossiers)}
    rows = [{"dossier": d, "submission": submissions.get(d.pk),
             "link": reverse("agency_submissions:detail", args=[d.pk])} for d in dossiers]
    return TemplateResponse(request, "reports/admin/submissions/index.html", {
        "rows": rows, "page_title": _("Gửi hồ sơ lên tỉnh"), "header_title": _("Gửi hồ sơ lên tỉnh"),
    })


def detail(request, pk: int):
    """One year's dossier: the send form (first time, or after a return), every round, and the
    province's review once it came back (returned) or was finalised."""
    _require(request, "reports.view_submission")
    dossier = _dossier(request, pk)
    submission = Submission.objects.for_actor(request.user).filter(dossier=dossier).first()
    rounds = list(submission.rounds.order_by("-number")) if submission else []
    can_send = submission is None or submission.status == SubmissionStatus.RETURNED
    # the province's scores are the agency's to read once the province has spoken
    shown = submission is not None and submission.status != SubmissionStatus.SUBMITTED
    publication = published_results_for_agency(agency=dossier.agency, year=dossier.year)
    return TemplateResponse(request, "reports/admin/submissions/detail.html", {
        "dossier": dossier, "submission": submission, "rounds": rounds, "can_send": can_send,
        "reports": _frozen_reports(dossier) if can_send else [],
        "review": review_sheet(submission) if shown else None,
        "publication": publication,
        "results_url": reverse("agency_submissions:results", args=[dossier.pk]) if publication else "",
        "page_title": _("Hồ sơ gửi tỉnh năm %(year)s") % {"year": dossier.year},
        "header_title": _("Hồ sơ gửi tỉnh năm %(year)s") % {"year": dossier.year},
        "pack_url_name": "agency_submissions:pack", "pack_pk": dossier.pk,
    })


@require_POST
def send(request, pk: int):
    _require(request, "reports.change_scoringdossier")
    dossier = _dossier(request, pk)
    report = _frozen_reports(dossier).filter(pk=id_param(request.POST.get("report"))).first()
    if report is None:
        messages.error(request, _("Chọn báo cáo kết quả đã chốt của năm %(year)s") % {"year": dossier.year})
        return redirect("agency_submissions:detail", dossier.pk)
    try:
        round_ = submission_send(dossier=dossier, report=report, actor=request.user)
        messages.success(request, _("Đã gửi hồ sơ lên tỉnh (lần %(n)s): báo cáo, bảng tự chấm điểm và hồ sơ minh "
                                    "chứng được khóa như khi gửi.") % {"n": round_.number})
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("agency_submissions:detail", dossier.pk)


def pack(request, pk: int, number: int):
    _require(request, "reports.view_submission")
    dossier = _dossier(request, pk)
    submission = get_object_or_404(Submission.objects.for_actor(request.user), dossier=dossier)
    round_ = get_object_or_404(submission.rounds, number=number)
    return pack_response(round_)


def pack_response(round_) -> FileResponse:
    try:
        handle = round_.pack.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    name = f"ho-so-minh-chung-{round_.submission.agency.code}-{round_.submission.year}-lan-{round_.number}.zip"
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/zip")


def results(request, pk: int):
    """The province's published results table of the dossier's year (404 before publication)."""
    _require(request, "reports.view_submission")
    dossier = _dossier(request, pk)
    publication = published_results_for_agency(agency=dossier.agency, year=dossier.year)
    if publication is None:
        raise Http404
    return results_page(request, publication, back=reverse("agency_submissions:detail", args=[dossier.pk]),
                        own_code=dossier.agency.code)


def results_page(request, publication, *, back: str, own_code: str = "", extra: dict | None = None):
    fmt = request.GET.get("format")
    if fmt in ("xlsx", "csv"):
        filename, mimetype, content = (results_xlsx if fmt == "xlsx" else results_csv)(publication)
        response = HttpResponse(content, content_type=mimetype)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    rows = [{**r, "status_label": status_label(r["status"]), "own": r["agency_code"] == own_code}
            for r in publication.rows]
    title = _("Kết quả thẩm định năm %(year)s") % {"year": publication.year}
    return TemplateResponse(request, "reports/admin/review/results.html", {
        "publication": publication, "rows": rows, "back": back, "page_title": title, "header_title": title,
        **(extra or {}),
    })
