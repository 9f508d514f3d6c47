"""Wagtail admin wiring of the annual report (Báo cáo kết quả): one per campaign, a ModelViewSet
with the StreamField narrative; download as PDF/.docx and freeze from the list and the edit page."""

from __future__ import annotations

from django import forms
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from core.errors import DomainError
from learning.selectors.campaigns import visible_campaigns
from reports.models import AnnualReport
from reports.services.annual_report import ReportFrozen, annual_report_save
from reports.views import admin_documents


class AnnualReportForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "campaign" in self.fields:
            self.fields["campaign"].queryset = visible_campaigns(self.for_user)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_frozen:
            raise forms.ValidationError(_("Báo cáo đã được chốt: không sửa được nữa."))
        return cleaned


class ActionsColumn(Column):
    def get_value(self, instance):
        links = [format_html('<a href="{}">PDF</a>', reverse("annual_report_download", args=[instance.pk, "pdf"])),
                 format_html('<a href="{}">Word</a>', reverse("annual_report_download", args=[instance.pk, "docx"]))]
        state = _("đã chốt %(date)s") % {"date": f"{instance.frozen_at:%d/%m/%Y}"} if instance.is_frozen else _(
            "đang soạn")
        return format_html("{} · {} ({})", links[0], links[1], state)


class ScopedReportsMixin:
    def get_base_object_queryset(self):
        return AnnualReport.objects.filter(campaign__in=visible_campaigns(self.request.user))

    def get_queryset(self):  # Wagtail's edit and delete views find their object here: outside → 404
        return self.get_base_object_queryset()


class ReportIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (AnnualReport.objects.filter(campaign__in=visible_campaigns(self.request.user))
                .select_related("campaign"))


class ReportSaveMixin:
    def save_instance(self):
        report = self.form.save(commit=False)
        return annual_report_save(report=report, actor=self.request.user, save=self.form.save)


class ReportCreateView(ReportSaveMixin, generic.CreateView):
    pass


class ReportEditView(ScopedReportsMixin, ReportSaveMixin, generic.EditView):
    template_name = "reports/admin/annual_report/edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pdf_url"] = reverse("annual_report_download", args=[self.object.pk, "pdf"])
        context["docx_url"] = reverse("annual_report_download", args=[self.object.pk, "docx"])
        context["freeze_url"] = reverse("annual_report_freeze", args=[self.object.pk])
        return context

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ReportFrozen, DomainError) as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)


class ReportDeleteView(ScopedReportsMixin, generic.DeleteView):
    pass


class AnnualReportViewSet(ModelViewSet):
    model = AnnualReport
    icon = "doc-full"
    menu_label = _("Báo cáo kết quả")
    url_prefix = "bao-cao-ket-qua"
    add_to_admin_menu = False
    index_view_class = ReportIndexView
    add_view_class = ReportCreateView
    edit_view_class = ReportEditView
    delete_view_class = ReportDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["campaign", "number", "issued_on", ActionsColumn("actions", label=_("Tải về"))]
    ordering = ["-campaign__year", "campaign__title"]
    edit_handler = ObjectList([
        FieldPanel("campaign"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("number"), FieldPanel("place"), FieldPanel("issued_on")]),
            FieldPanel("as_of"),
            FieldPanel("subject"),
            FieldPanel("plan_reference"),
        ], heading=_("Văn bản")),
        FieldPanel("body"),
        MultiFieldPanel([
            FieldPanel("recipients"), FieldPanel("archive"), FieldPanel("signer_title"), FieldPanel("signer_name"),
        ], heading=_("Nơi nhận, người ký")),
    ], base_form_class=AnnualReportForm)


annual_report_viewset = AnnualReportViewSet("annual_reports")


@hooks.register("register_admin_urls")
def register_annual_report_urls():
    return [
        path("bao-cao-ket-qua/<int:pk>/tai-ve/<str:fmt>/", admin_documents.annual_report_download,
             name="annual_report_download"),
        path("bao-cao-ket-qua/<int:pk>/chot/", admin_documents.annual_report_freeze_view, name="annual_report_freeze"),
    ]
