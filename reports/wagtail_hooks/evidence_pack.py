"""Wagtail admin wiring of the evidence pack screen: its URLs and a Reports menu item for HR."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports.views import admin_evidence_pack as views

urlpatterns = [
    path("", views.EvidencePackView.as_view(), name="index"),
    path("<int:pk>/tai-ve/", views.EvidencePackDownloadView.as_view(), name="download"),
]


@hooks.register("register_admin_urls")
def register_evidence_pack_urls():
    return [path("ho-so-minh-chung/", include((urlpatterns, "learning_evidence_pack"),
                                              namespace="learning_evidence_pack"))]


class EvidencePackMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_build_evidence_pack(request.user)


@hooks.register("register_reports_menu_item")
def evidence_pack_menu_item():
    return EvidencePackMenuItem(_("Hồ sơ minh chứng"), reverse("learning_evidence_pack:index"),
                                icon_name="download", order=6)
