"""Wagtail admin wiring: the certificate register (sổ cấp giấy chứng nhận) with filters, search,
PDF download and revoke per row, the register as xlsx, and the background-jobs screen.

Certificates are never created or edited by hand here (a certificate is issued by the services
and its printed data is a snapshot), so the add/edit/delete views are disabled."""

from __future__ import annotations

import django_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from certificates.codes import normalise_code
from certificates.models import Certificate, CertificateStatus, QuizCertificate
from certificates.selectors import downloadable_certificates
from certificates.views import admin as admin_views
from core.text import fold


class CertificateFilterSet(WagtailFilterSet):
    campaign = django_filters.ModelChoiceFilter(
        label=_("Kế hoạch học tập"), queryset=lambda request: admin_views.campaigns_for(request.user)
    )
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=CertificateStatus.choices)
    serial_year = django_filters.NumberFilter(label=_("Năm cấp"))

    class Meta:
        model = Certificate
        fields = ["campaign", "status", "serial_year"]


class ScopedMixin:
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=downloadable_certificates(self.request.user).values("pk"))

    def get_base_object_queryset(self):
        return super().get_base_object_queryset().filter(
            pk__in=downloadable_certificates(self.request.user).values("pk"))


class NoChangeMixin:
    """No hand-made or hand-edited certificates: issue and revoke go through the services."""

    def get_add_url(self, *args):
        return None

    def get_edit_url(self, *args):
        return None

    def get_delete_url(self, *args):
        return None

    def get_copy_url(self, *args):
        return None


class DeniedView(generic.CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class CertificateIndexView(NoChangeMixin, ScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return downloadable_certificates(self.request.user).select_related("employee", "campaign")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        return queryset.filter(
            Q(employee__search_name__contains=fold(query)) | Q(serial__icontains=query)
            | Q(employee__employee_code__iexact=query) | Q(code=normalise_code(query))
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("serial"),
            Column("holder_name", label=_("Họ và tên"), sort_key="holder_name"),
            Column("employee_code", label=_("Mã cán bộ"), accessor="employee.employee_code"),
            Column("subject", label=_("Chứng nhận cho"), accessor=lambda c: c.campaign or c.quiz),
            Column("issued_on", label=_("Ngày cấp"), accessor=lambda c: c.issued_on.strftime("%d/%m/%Y"),
                   sort_key="issued_on"),
            Column("status", label=_("Trạng thái"), accessor="get_status_display", sort_key="status"),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(ListingButton(_("Tải PDF"), url=reverse("certificates:download", args=[instance.pk]),
                                     icon_name="download", priority=5))
        buttons.append(ListingButton(_("Trang xác thực"), url=instance.verify_path(), icon_name="link",
                                     priority=6))
        if instance.is_valid and self.request.user.has_perm("certificates.revoke_certificate"):
            buttons.append(ListingButton(_("Thu hồi"), url=reverse("certificates_admin:revoke", args=[instance.pk]),
                                         icon_name="warning", priority=40))
        return buttons

    @cached_property
    def header_buttons(self):
        campaign = self.request.GET.get("campaign", "")
        query = f"?campaign={campaign}" if campaign.isdigit() else ""
        return [
            HeaderButton(_("Tải sổ (Excel)"), url=reverse("certificates_admin:register_xlsx") + query,
                         icon_name="download"),
            HeaderButton(_("Cấp hàng loạt / tải ZIP"), url=reverse("certificates_jobs:index") + query,
                         icon_name="resubmit"),
        ]


class CertificateInspectView(NoChangeMixin, ScopedMixin, generic.InspectView):
    def get_object(self):  # Wagtail's InspectView looks in the whole model: outside the scope → 404
        return get_object_or_404(downloadable_certificates(self.request.user), pk=unquote(str(self.pk)))


class CertificateViewSet(ModelViewSet):
    model = Certificate
    add_to_reference_index = False  # records, not content: no reference-index task per save
    name = "certificates_certificate"
    url_prefix = "so-cap-giay-chung-nhan"
    icon = "doc-full-inverse"
    menu_label = _("Sổ cấp giấy chứng nhận")
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    add_view_class = DeniedView
    edit_view_class = DeniedView
    delete_view_class = DeniedView
    form_fields = ["holder_name"]
    filterset_class = CertificateFilterSet
    search_fields = ["holder_name", "serial"]
    ordering = ["-serial_year", "-serial_number"]
    inspect_view_fields = ["serial", "holder_name", "employee", "campaign", "wording", "title", "issued_on",
                           "issued_by", "status", "revoked_at", "revoked_by", "revoked_reason", "agency_name",
                           "signer_title", "signer_name"]
    list_export = ["serial", "issued_on", "holder_name", "employee", "campaign", "status", "revoked_at",
                   "revoked_reason"]
    export_filename = "so-cap-giay-chung-nhan"


class QuizCertificateViewSet(ModelViewSet):
    """Which quizzes give their own certificate when passed."""

    model = QuizCertificate
    name = "certificates_quizcertificate"
    url_prefix = "giay-chung-nhan-bai-kiem-tra"
    icon = "tick-inverse"
    menu_label = _("Theo bài kiểm tra")
    form_fields = ["quiz", "enabled", "wording"]
    list_display = ["quiz", "enabled", "wording"]
    copy_view_enabled = False


class CertificatesGroup(ViewSetGroup):
    menu_label = _("Giấy chứng nhận")
    menu_icon = "doc-full-inverse"
    menu_order = 400
    items = (CertificateViewSet, QuizCertificateViewSet)


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return CertificatesGroup()


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    admin_urls = [
        path("thu-hoi/<int:pk>/", admin_views.RevokeView.as_view(), name="revoke"),
        path("so-cap.xlsx", admin_views.RegisterExportView.as_view(), name="register_xlsx"),
    ]
    job_urls = [
        path("", admin_views.JobsView.as_view(), name="index"),
        path("<int:pk>/tai-ve/", admin_views.JobDownloadView.as_view(), name="download"),
    ]
    return [
        path("giay-chung-nhan/", include((admin_urls, "certificates_admin"), namespace="certificates_admin")),
        path("giay-chung-nhan/tac-vu/", include((job_urls, "certificates_jobs"), namespace="certificates_jobs")),
    ]
