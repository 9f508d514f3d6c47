"""The evidence pack screen (Hồ sơ minh chứng) in the Wagtail admin: HR requests a pack for a campaign
and date, the build runs as a background task (`export_job_request`), the page lists the agency's jobs
with their progress and offers the ZIP only once a job is done and its file exists."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from core.jobs.views import job_file_response, jobs_context
from learning.models import Campaign
from org.selectors.access import administered, is_hr
from reports.models import ExportJob, ExportJobKind
from reports.services.evidence_pack import export_job_request

RECENT_JOBS = 20


def may_build_evidence_pack(user) -> bool:
    """HR of an agency (and superusers); unit heads see figures but do not assemble the dossier."""
    return is_hr(user) and user.has_perm("wagtailadmin.access_admin")


def pack_campaigns(user):
    return administered(Campaign, user).order_by("-year", "title")


def pack_jobs(user):
    return (administered(ExportJob, user).filter(kind=ExportJobKind.EVIDENCE_PACK)
            .select_related("campaign", "requested_by"))


def download_name(job: ExportJob) -> str:
    """The name the builder gives the pack, without the random part that only protects storage."""
    return f"ho-so-minh-chung-{job.campaign.slug}-{job.as_of.isoformat()}.zip"


class HROnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_build_evidence_pack(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PackRequestForm(forms.Form):
    campaign = forms.ModelChoiceField(queryset=Campaign.objects.none(), label=_("Kế hoạch học tập"),
                                      empty_label=None)
    as_of = forms.DateField(label=_("Tính đến ngày"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                            help_text=_("Để trống: hôm nay."),
                            widget=AdminDateInput())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = pack_campaigns(user)


class EvidencePackView(HROnlyMixin, WagtailAdminTemplateMixin, View):
    page_title = _("Hồ sơ minh chứng")
    header_icon = "download"
    template_name = "reports/admin/evidence_pack.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render(PackRequestForm(user=request.user, initial={"as_of": timezone.localdate()}))

    def post(self, request):
        form = PackRequestForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(form)
        job = export_job_request(campaign=form.cleaned_data["campaign"], as_of=form.cleaned_data["as_of"],
                                 requested_by=request.user)
        messages.success(request, _("Đã đưa vào hàng đợi: %(job)s.") % {"job": job})
        return redirect("learning_evidence_pack:index")

    def render(self, form):
        return self.render_to_response(self.get_context_data(
            form=form, **jobs_context(ExportJob, pack_jobs(self.request.user)[:RECENT_JOBS])))


class EvidencePackDownloadView(HROnlyMixin, View):
    def get(self, request, pk):
        return job_file_response(ExportJob, pack_jobs(request.user), pk, filename=download_name)
