"""HR screens in the Wagtail admin: revoke a certificate, the register as xlsx, and background
jobs (bulk issuing, the ZIP of a campaign's PDFs) with their progress and download."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from certificates.exporters import CertificateRegisterXlsx
from certificates.models import Certificate, CertificateJob, JobKind
from certificates.selectors import downloadable_certificates
from certificates.services import certificate_revoke
from certificates.services.jobs import certificate_job_start
from core.downloads import download_response
from core.errors import DomainError
from core.jobs.views import job_file_response, jobs_context
from core.params import id_param
from learning.models import Campaign
from org.selectors.access import administered, is_hr

REGISTER_URL = "certificates_certificate:index"


def campaigns_for(user):
    return administered(Campaign, user).select_related("agency").order_by("-year", "title")


class HRRequiredMixin:
    permission = "certificates.view_certificate"

    def dispatch(self, request, *args, **kwargs):
        if not (is_hr(request.user) and request.user.has_perm(self.permission)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- revoke ---------------------------------------------------------------------------------------


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Lý do thu hồi"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class RevokeView(HRRequiredMixin, WagtailAdminTemplateMixin, View):
    permission = "certificates.revoke_certificate"
    page_title = _("Thu hồi giấy chứng nhận")
    header_icon = "warning"
    template_name = "certificates/admin/revoke.html"

    def get_certificate(self, pk) -> Certificate:
        return get_object_or_404(downloadable_certificates(self.request.user), pk=pk)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse(REGISTER_URL), "label": _("Sổ cấp giấy chứng nhận")},
                {"url": "", "label": self.page_title}]

    def get(self, request, pk):
        return self.render(self.get_certificate(pk), RevokeForm())

    def post(self, request, pk):
        certificate = self.get_certificate(pk)
        form = RevokeForm(request.POST)
        if not form.is_valid():
            return self.render(certificate, form)
        try:
            certificate_revoke(certificate=certificate, reason=form.cleaned_data["reason"], actor=request.user)
        except DomainError as exc:
            messages.error(request, str(exc))
            return redirect(REGISTER_URL)
        messages.success(request, _("Đã thu hồi giấy chứng nhận số %(serial)s của %(name)s.") % {
            "serial": certificate.serial, "name": certificate.holder_name})
        return redirect(REGISTER_URL)

    def render(self, certificate, form):
        return self.render_to_response(self.get_context_data(certificate=certificate, form=form))


# --- register xlsx --------------------------------------------------------------------------------


class RegisterExportView(HRRequiredMixin, View):
    def get(self, request):
        campaign = None
        if request.GET.get("campaign"):
            campaign = campaigns_for(request.user).filter(pk=id_param(request.GET["campaign"])).first()
            if campaign is None:
                raise Http404
        rendered = CertificateRegisterXlsx().render(campaign=campaign,
                                                    queryset=downloadable_certificates(request.user))
        return download_response(rendered)


# --- background jobs ------------------------------------------------------------------------------


class JobForm(forms.Form):
    campaign = forms.ModelChoiceField(queryset=Campaign.objects.none(), label=_("Kế hoạch học tập"))
    kind = forms.ChoiceField(choices=JobKind.choices, label=_("Việc cần làm"), widget=forms.RadioSelect,
                             initial=JobKind.ISSUE)
    as_of = forms.DateField(label=_("Tính đến ngày (cấp hàng loạt)"), required=False,
                            help_text=_("Để trống: hôm nay. Cũng là ngày cấp in trên giấy chứng nhận."),
                            input_formats=["%d/%m/%Y", "%Y-%m-%d"], widget=AdminDateInput())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns_for(user)


class JobsView(HRRequiredMixin, WagtailAdminTemplateMixin, View):
    page_title = _("Cấp hàng loạt và tải ZIP")
    header_icon = "download"
    template_name = "certificates/admin/jobs.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse(REGISTER_URL), "label": _("Sổ cấp giấy chứng nhận")},
                {"url": "", "label": self.page_title}]

    def jobs(self):
        return CertificateJob.objects.filter(campaign__in=campaigns_for(self.request.user)).select_related(
            "campaign", "created_by")

    def get(self, request):
        return self.render(JobForm(user=request.user, initial={"campaign": request.GET.get("campaign")}))

    def post(self, request):
        if not request.user.has_perm("certificates.add_certificatejob"):
            raise PermissionDenied
        form = JobForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(form)
        job = certificate_job_start(kind=form.cleaned_data["kind"], campaign=form.cleaned_data["campaign"],
                                    as_of=form.cleaned_data["as_of"], actor=request.user)
        messages.success(request, _("Đã đưa vào hàng đợi: %(job)s.") % {"job": job.get_kind_display()})
        return redirect("certificates_jobs:index")

    def render(self, form):
        return self.render_to_response(self.get_context_data(form=form, **jobs_context(CertificateJob,
                                                                                         self.jobs()[:20])))


class JobDownloadView(HRRequiredMixin, View):
    def get(self, request, pk):
        jobs = CertificateJob.objects.filter(campaign__in=campaigns_for(request.user), kind=JobKind.ZIP)
        return job_file_response(CertificateJob, jobs, pk, filename=lambda job: f"giay-chung-nhan-{job.campaign.slug}.zip")
