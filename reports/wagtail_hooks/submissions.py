"""Wagtail admin wiring of the submission to the province and its review: the agency's pages
(HR: send, rounds, published results) and the province's (officers: queue, review, results)."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from org.selectors.access import visible_provinces
from reports.views import admin_review as review
from reports.views import admin_submissions as agency

agency_urls = [
    path("", agency.index, name="index"),
    path("<int:pk>/", agency.detail, name="detail"),
    path("<int:pk>/gui/", agency.send, name="send"),
    path("<int:pk>/lan/<int:number>/ho-so-minh-chung.zip", agency.pack, name="pack"),
    path("<int:pk>/ket-qua/", agency.results, name="results"),
]

review_urls = [
    path("", review.queue, name="index"),
    path("<int:pk>/", review.submission, name="submission"),
    path("<int:pk>/cham-diem/", review.review, name="review"),
    path("<int:pk>/tra-lai/", review.return_, name="return"),
    path("<int:pk>/hoan-thanh/", review.finalise, name="finalise"),
    path("<int:pk>/lan/<int:number>/ho-so-minh-chung.zip", review.pack, name="pack"),
    path("ket-qua/", review.results, name="results"),
    path("ket-qua/cong-bo/", review.publish, name="publish"),
]


@hooks.register("register_admin_urls")
def register_submission_urls():
    return [
        path("gui-tinh/", include((agency_urls, "agency_submissions"), namespace="agency_submissions")),
        path("toan-tinh/tham-dinh/", include((review_urls, "province_review"), namespace="province_review")),
    ]


class AgencyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reports.view_submission")


class ProvinceMenuItem(MenuItem):
    def is_shown(self, request):
        return visible_provinces(request.user).exists()


@hooks.register("register_reports_menu_item")
def agency_submissions_menu_item():
    return AgencyMenuItem(_("Gửi hồ sơ lên tỉnh"), reverse("agency_submissions:index"), icon_name="upload", order=25)


@hooks.register("register_reports_menu_item")
def province_review_menu_item():
    return ProvinceMenuItem(_("Thẩm định hồ sơ các cơ quan"), reverse("province_review:index"), icon_name="tick",
                            order=1)
