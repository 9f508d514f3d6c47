"""Wagtail admin wiring of the province dashboard: URLs and the Reports menu item."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports.views import admin_province as views

urlpatterns = [
    path("", views.ProvinceDashboardView.as_view(), name="index"),
    path("co-quan/<int:agency_id>/", views.ProvinceAgencyView.as_view(), name="agency"),
    path("co-quan/<int:agency_id>/chi-tiet.csv", views.ProvinceAgencyDetailView.as_view(), name="agency_detail"),
    path("bao-cao/", views.ProvinceReportDownloadView.as_view(), name="report"),
]


@hooks.register("register_admin_urls")
def register_province_urls():
    return [path("toan-tinh/", include((urlpatterns, "province_dashboard"), namespace="province_dashboard"))]


class ProvinceMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_province(request.user)


@hooks.register("register_reports_menu_item")
def province_menu_item():
    return ProvinceMenuItem(_("Tổng hợp toàn tỉnh"), reverse("province_dashboard:index"), icon_name="site", order=0)
