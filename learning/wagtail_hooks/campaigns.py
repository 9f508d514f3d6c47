"""Wagtail admin wiring of campaigns (kế hoạch học tập): list, create/edit through the campaign
service (validated and audited like `load_campaign`), the audience with progress and exemptions,
and the YAML download. Scoped to the user's agency; writes are HR's (model permissions of the role)."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from core.errors import DomainError
from learning.models import Campaign, Exemption
from learning.selectors.kept import kept_recomputing
from learning.services.campaigns import campaign_delete, campaign_save
from learning.services.exemptions import exemption_grant, exemption_lift
from learning.views import admin_campaigns
from learning.views.admin_campaigns import CampaignForm, scoped_campaigns
from learning.wagtail_hooks.evidence import ManualEvidenceViewSet
from org.models import Employee
from org.selectors.access import administered, is_hr
from org.wagtail_hooks.audit import AuditLogViewSet
from org.wagtail_hooks.org import ScopedMixin, ServiceErrorsOnFormMixin


class ScopedCampaignsMixin(ScopedMixin):
    scope = staticmethod(scoped_campaigns)


class CampaignIndexView(generic.IndexView):
    def get_base_queryset(self):
        return scoped_campaigns(self.request.user).annotate(requirement_count=Count("requirements"))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(ListingButton(_("Thành phần, tình hình"), icon_name="group", priority=5,
                                     url=reverse("learning_campaign:audience", args=[instance.pk])))
        buttons.append(ListingButton(_("Tải YAML"), icon_name="download", priority=40,
                                     url=reverse("learning_campaign:yaml", args=[instance.pk])))
        if is_hr(self.request.user):
            buttons.append(ListingButton(_("Tạo kế hoạch năm sau"), icon_name="copy", priority=45,
                                         url=reverse("learning_campaign:rollover", args=[instance.pk])))
        return buttons

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if is_hr(self.request.user):
            buttons.append(HeaderButton(_("Nạp tệp YAML"), url=reverse("learning_campaign:upload"), icon_name="upload"))
        return buttons

    @cached_property
    def columns(self):
        return [
            self._get_title_column("title"),
            Column("year", label=_("Năm"), sort_key="year"),
            Column("start", label=_("Bắt đầu"), sort_key="start", accessor=lambda c: f"{c.start:%d/%m/%Y}"),
            Column("due", label=_("Hạn"), sort_key="due", accessor=lambda c: f"{c.due:%d/%m/%Y}"),
            Column("requirement_count", label=_("Số văn bản"), sort_key="requirement_count"),
            Column("figures", label=_("Số liệu"),
                   accessor=lambda c: RECOMPUTING if c.pk in self.recomputing else ""),
        ]

    @cached_property
    def recomputing(self) -> set[int]:
        return kept_recomputing(campaign_ids=[c.pk for c in self.object_list])


RECOMPUTING = _("Đang tính lại")


class CampaignSaveMixin:
    """Save through `campaign_save`: the same validation, transaction and audit as `load_campaign`."""

    def save_instance(self):
        form = self.form
        result = campaign_save(agency=form.agency, data=form.campaign_data(),
                               campaign=self.object if getattr(self.object, "pk", None) else None,
                               actor=self.request.user)
        if result.recomputing:
            messages.info(self.request, _("Đang tính lại số liệu của kế hoạch (vài phút). Trong lúc chờ, "
                                          "báo cáo và bảng theo dõi vẫn đúng nhưng mở chậm hơn."))
        return result.campaign

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DomainError as exc:  # refused by the service (a race, or no permission): shown on the form
            form.add_error(None, str(exc))
            self.produced_error_message = str(exc)
            return self.form_invalid(form)


class CampaignCreateView(CampaignSaveMixin, generic.CreateView):
    pass


class CampaignEditView(ScopedCampaignsMixin, CampaignSaveMixin, generic.EditView):
    pass


class CampaignDeleteView(ScopedCampaignsMixin, generic.DeleteView):
    def form_valid(self, form):
        try:
            campaign_delete(campaign=self.object, actor=self.request.user)
        except DomainError as exc:
            messages.error(self.request, _("Không xóa được: %(reason)s") % {"reason": exc})
            return redirect(self.get_success_url())
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())


class CampaignViewSet(ModelViewSet):
    model = Campaign
    name = "learning_campaign"
    url_prefix = "ke-hoach-hoc-tap"
    icon = "date"
    menu_label = _("Kế hoạch học tập")
    menu_order = 100
    copy_view_enabled = False
    index_view_class = CampaignIndexView
    add_view_class = CampaignCreateView
    edit_view_class = CampaignEditView
    delete_view_class = CampaignDeleteView
    search_fields = ["title", "slug"]
    list_filter = ["year"]
    ordering = ["-year", "due"]

    def get_form_class(self, for_update=False):
        return CampaignForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/thanh-phan/", admin_campaigns.CampaignAudienceView.as_view(), name="audience"),
            path("<int:pk>/mien-hoc/", admin_campaigns.CampaignExemptView.as_view(), name="exempt"),
            path("<int:pk>/yaml/", admin_campaigns.campaign_yaml, name="yaml"),
            path("<int:pk>/nam-sau/", admin_campaigns.CampaignRolloverView.as_view(), name="rollover"),
            path("nap-tep/", admin_campaigns.CampaignUploadView.as_view(), name="upload"),
        ]


# --- exemptions (miễn học) ----------------------------------------------------------------------


def scoped_exemptions(user):
    return administered(Exemption, user)


class ExemptionForm(WagtailAdminModelForm):
    employee_code = forms.CharField(label=_("Mã cán bộ"), max_length=32)

    class Meta:
        model = Exemption
        fields = ["campaign", "reason"]

    field_order = ["campaign", "employee_code", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = scoped_campaigns(self.for_user).order_by("-year", "title")
        if self.instance.pk:  # only the reason changes; a different person is a new exemption
            self.fields["campaign"].disabled = True
            self.fields["employee_code"].disabled = True
            self.initial["employee_code"] = self.instance.employee.employee_code

    def clean(self):
        cleaned = super().clean()
        campaign, code = cleaned.get("campaign"), (cleaned.get("employee_code") or "").strip()
        if campaign and code:
            self.employee = Employee.objects.filter(agency=campaign.agency, employee_code__iexact=code).first()
            if self.employee is None:
                self.add_error("employee_code", _("Không có cán bộ mã %(code)s trong cơ quan.") % {"code": code})
        return cleaned

    def validate_unique(self):
        pass  # a second exemption of the same person updates the reason (exemption_grant)


class ExemptionSaveMixin(ServiceErrorsOnFormMixin):
    def save_instance(self):
        form = self.form
        employee = self.object.employee if getattr(self.object, "pk", None) else form.employee
        exemption, _changed = exemption_grant(campaign=form.cleaned_data["campaign"], employee=employee,
                                              reason=form.cleaned_data["reason"], actor=self.request.user)
        return exemption



class ScopedExemptionsMixin(ScopedMixin):
    scope = staticmethod(scoped_exemptions)


class ExemptionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return scoped_exemptions(self.request.user).select_related("employee", "campaign", "created_by")


class ExemptionCreateView(ExemptionSaveMixin, generic.CreateView):
    pass


class ExemptionEditView(ScopedExemptionsMixin, ExemptionSaveMixin, generic.EditView):
    pass


class ExemptionDeleteView(ScopedExemptionsMixin, generic.DeleteView):
    def form_valid(self, form):
        try:
            exemption_lift(campaign=self.object.campaign, employee=self.object.employee, actor=self.request.user)
        except DomainError as exc:
            messages.error(self.request, str(exc))
        else:
            messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())


class ExemptionFilterSet(WagtailFilterSet):
    campaign = django_filters.ModelChoiceFilter(
        label=_("Kế hoạch"), queryset=lambda request: scoped_campaigns(request.user))

    class Meta:
        model = Exemption
        fields = ["campaign"]


class ExemptionViewSet(ModelViewSet):
    model = Exemption
    add_to_reference_index = False  # records, not content: no reference-index task per save
    name = "learning_exemption"
    url_prefix = "mien-hoc"
    icon = "user"
    menu_label = _("Miễn học")
    menu_order = 200
    copy_view_enabled = False
    index_view_class = ExemptionIndexView
    add_view_class = ExemptionCreateView
    edit_view_class = ExemptionEditView
    delete_view_class = ExemptionDeleteView
    filterset_class = ExemptionFilterSet
    ordering = ["-created_at"]
    list_display = [
        Column("employee", label=_("Cán bộ"), accessor="employee"),
        Column("campaign", label=_("Kế hoạch"), accessor="campaign.title"),
        "reason",
        Column("created_by", label=_("Người quyết định"), accessor="created_by"),
        DateColumn("created_at", label=_("Ngày"), sort_key="created_at"),
    ]

    def get_form_class(self, for_update=False):
        return ExemptionForm


class LearningGroup(ViewSetGroup):
    menu_label = _("Học tập")
    menu_icon = "date"
    menu_order = 260
    items = (CampaignViewSet, ExemptionViewSet, ManualEvidenceViewSet, AuditLogViewSet)


@hooks.register("register_admin_viewset")
def register_learning():
    return LearningGroup()
