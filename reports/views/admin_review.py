"""The province's review (thẩm định) in the Wagtail admin, for province officers and superusers:
the queue of a year's submissions with deadlines and late flags, one submission (every round, what
was sent, the evidence pack), the review form (each criterion's maximum, self-score, explanation and
evidence beside the reviewer's score and comment), returning with comments, finalising, and the
year's results table with its publication and exports."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.params import id_param
from org.selectors.access import visible_provinces
from reports.exporters.province_results import status_label
from reports.models import SubmissionStatus
from reports.selectors.submissions import (
    province_queue,
    publication_latest,
    results_rows,
    review_sheet,
    reviewable_submissions,
)
from reports.services.submissions import (
    ReviewEntry,
    results_publish,
    review_save,
    submission_finalise,
    submission_pack_read_log,
    submission_return,
)
from reports.views.admin_dashboard import forbidden
from reports.views.admin_submissions import pack_response, results_page


def _officer_only(view):
    def wrapped(request, *args, **kwargs):
        if not visible_provinces(request.user).exists():
            return forbidden(request)
        return view(request, *args, **kwargs)
    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


class YearForm(forms.Form):
    province = forms.ModelChoiceField(label=gettext_lazy("Tỉnh"), queryset=None, empty_label=None)
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=2000, max_value=2100)

    def __init__(self, data, *, user):
        provinces = visible_provinces(user).order_by("code")
        data = data.copy()
        data.setdefault("province", str(provinces[0].pk) if provinces else "")
        data.setdefault("year", str(timezone.localdate().year))
        super().__init__(data)
        self.fields["province"].queryset = provinces

    def scope(self):
        if not self.is_valid():
            raise Http404
        return self.cleaned_data["province"], self.cleaned_data["year"]


def _submission(request, pk: int):
    return get_object_or_404(reviewable_submissions(request.user).select_related("agency", "dossier"), pk=pk)


def _title(submission) -> str:
    return _("%(agency)s — hồ sơ năm %(year)s") % {"agency": submission.agency.name, "year": submission.year}


@_officer_only
def queue(request):
    """The year's submissions of the province: waiting for review first; deadline and late flags."""
    form = YearForm(request.GET, user=request.user)
    province, year = form.scope()
    rows = province_queue(province=province, year=year)
    for row in rows:
        if row["submission"] is not None:
            row["link"] = reverse("province_review:submission", args=[row["submission"].pk])
    query = f"province={province.pk}&year={year}"
    return TemplateResponse(request, "reports/admin/review/queue.html", {
        "form": form, "rows": rows, "province": province, "year": year,
        "waiting": sum(1 for r in rows if r["status"] == SubmissionStatus.SUBMITTED),
        "results_url": reverse("province_review:results") + "?" + query,
        "page_title": _("Thẩm định hồ sơ"), "header_title": _("Thẩm định hồ sơ"),
    })


@_officer_only
def submission(request, pk: int):
    """One agency's submission: its state, every round (what was sent, when, the return comments),
    the criteria as last sent with the self-score and the province's score, and the actions."""
    item = _submission(request, pk)
    rounds = list(item.rounds.select_related("annual_report", "submitted_by", "returned_by").order_by("-number"))
    return TemplateResponse(request, "reports/admin/review/submission.html", {
        "submission": item, "rounds": rounds, "review": review_sheet(item, rounds[0]),
        "open": item.status == SubmissionStatus.SUBMITTED,
        "queue_url": reverse("province_review:index") + f"?province={item.agency.province_id}&year={item.year}",
        "pack_url_name": "province_review:pack", "pack_pk": item.pk,
        "page_title": _title(item), "header_title": _title(item),
    })


@_officer_only
def review(request, pk: int):
    """The review form: one line per criterion; leaves take the reviewer's score and comment."""
    item = _submission(request, pk)
    if item.status != SubmissionStatus.SUBMITTED:
        messages.error(request, _("Hồ sơ không ở trạng thái chờ thẩm định"))
        return redirect("province_review:submission", item.pk)
    sheet = review_sheet(item)
    errors = ""
    if request.method == "POST":
        entries = [ReviewEntry(r.row.code, request.POST.get(f"points-{r.row.code}", "").strip(),
                               request.POST.get(f"comment-{r.row.code}", ""))
                   for r in sheet.leaves if request.POST.get(f"points-{r.row.code}", "").strip()]
        try:
            changed = review_save(submission=item, entries=entries, actor=request.user)
            messages.success(request, _("Đã lưu điểm thẩm định (%(n)s tiêu chí thay đổi).") % {"n": changed})
            return redirect("province_review:submission", item.pk)
        except DomainError as exc:
            errors = str(exc)
            for row in sheet.leaves:  # keep what was typed
                row.typed = request.POST.get(f"points-{row.row.code}", "")
                row.comment = request.POST.get(f"comment-{row.row.code}", row.comment)
    return TemplateResponse(request, "reports/admin/review/review.html", {
        "submission": item, "review": sheet, "errors": errors,
        "back": reverse("province_review:submission", args=[item.pk]),
        "page_title": _("Thẩm định: %(title)s") % {"title": _title(item)},
        "header_title": _("Thẩm định: %(title)s") % {"title": _title(item)},
    }, status=400 if errors else 200)


@require_POST
@_officer_only
def return_(request, pk: int):
    item = _submission(request, pk)
    try:
        submission_return(submission=item, comment=request.POST.get("comment", ""), actor=request.user)
        messages.success(request, _("Đã trả lại hồ sơ kèm ý kiến: cơ quan sửa và gửi lại."))
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("province_review:submission", item.pk)


@require_POST
@_officer_only
def finalise(request, pk: int):
    item = _submission(request, pk)
    try:
        item = submission_finalise(submission=item, actor=request.user)
        messages.success(request, _("Đã hoàn thành thẩm định: %(total)s điểm, xếp loại %(rating)s.")
                         % {"total": f"{item.reviewed_total.normalize():f}", "rating": item.rating})
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("province_review:submission", item.pk)


@_officer_only
def pack(request, pk: int, number: int):
    """A round's evidence pack as sent (it names people: each download is in the agency's log)."""
    item = _submission(request, pk)
    round_ = get_object_or_404(item.rounds, number=number)
    response = pack_response(round_)
    submission_pack_read_log(round_=round_, actor=request.user)
    return response


@_officer_only
def results(request):
    """The year's results table: as it stands (to publish), or the published one for export."""
    form = YearForm(request.GET, user=request.user)
    province, year = form.scope()
    publication = publication_latest(province=province, year=year)
    query = f"province={province.pk}&year={year}"
    if request.GET.get("format") and publication is not None:
        return results_page(request, publication, back="")
    if request.GET.get("format"):
        raise Http404
    rows = [{**r, "status_label": status_label(r["status"])} for r in results_rows(province=province, year=year)]
    title = _("Kết quả thẩm định năm %(year)s") % {"year": year}
    return TemplateResponse(request, "reports/admin/review/results.html", {
        "form": form, "rows": rows, "publication": publication, "province": province, "year": year,
        "live": True, "export_query": query, "publish_url": reverse("province_review:publish"),
        "can_publish": any(r["status"] == SubmissionStatus.ACCEPTED for r in rows),
        "back": reverse("province_review:index") + "?" + query, "page_title": title, "header_title": title,
    })


@require_POST
@_officer_only
def publish(request):
    province = visible_provinces(request.user).filter(pk=id_param(request.POST.get("province"))).first()
    year = id_param(request.POST.get("year"))
    if province is None or year is None:
        raise Http404
    try:
        results_publish(province=province, year=year, actor=request.user)
        messages.success(request, _("Đã công bố kết quả thẩm định năm %(year)s: các cơ quan trong tỉnh xem được.")
                         % {"year": year})
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect(reverse("province_review:results") + f"?province={province.pk}&year={year}")
