"""L7: the 403/404/429/500 pages are Vietnamese (English through the catalogue), also under the
Wagtail admin's paths, with DEBUG off as in production."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import path, reverse

from config.urls import urlpatterns as site_urlpatterns
from org import roles
from tests.factories import EmployeeFactory, give_role

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("loi-thu/", boom), *site_urlpatterns]
PRODUCTION_LIKE = {"DEBUG": False, "ROOT_URLCONF": __name__}


def _text(response) -> str:
    return response.content.decode()


@override_settings(**PRODUCTION_LIKE)
def test_l7_404_is_vietnamese_on_the_site_and_under_the_admin(client):
    page = client.get("/khong-co-trang-nay/")
    assert page.status_code == 404 and "Không tìm thấy trang" in _text(page) and 'lang="vi"' in _text(page)
    assert "Not Found" not in _text(page)
    hr = EmployeeFactory(employee_code="HR404")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    admin = client.get("/admin/khong-co-trang-nay/")
    assert admin.status_code == 404 and "Không tìm thấy trang" in _text(admin)
    missing = client.get("/admin/can-bo/edit/999999/")
    assert missing.status_code == 404 and "Không tìm thấy trang" in _text(missing)


@override_settings(**PRODUCTION_LIKE)
def test_l7_403_is_vietnamese(client):
    from tests.security import scenario

    s = scenario.build()
    client.force_login(s.users["peer"])
    page = client.get(reverse("session_projector", args=[s.session.pk]))
    assert page.status_code == 403 and "Không có quyền truy cập" in _text(page)
    assert "403 Forbidden" not in _text(page)


@override_settings(**PRODUCTION_LIKE)
def test_l7_500_is_vietnamese_and_standalone():
    client = Client(raise_request_exception=False)
    page = client.get("/loi-thu/")
    assert page.status_code == 500 and "Lỗi hệ thống" in _text(page) and "Server Error" not in _text(page)


@override_settings(**PRODUCTION_LIKE, VERIFY_RATE_LIMIT=0)
def test_l7_429_is_vietnamese(client):
    from django.core.cache import cache

    cache.clear()
    page = client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/")
    assert page.status_code == 429 and "quá nhiều" in _text(page).lower()
    with override_settings(PASSWORD_RESET_PER_ADDRESS=0):
        page = client.post(reverse("password_reset"), {"email": "a@b.vn"})
    assert page.status_code == 429 and "Quá nhiều yêu cầu" in _text(page) and page["Retry-After"] == "3600"


@override_settings(**PRODUCTION_LIKE)
def test_error_pages_in_english_when_chosen(client):
    client.cookies["django_language"] = "en"
    page = client.get("/khong-co-trang-nay/")
    assert page.status_code == 404 and "Page not found" in _text(page) and 'lang="en"' in _text(page)
    broken = Client(raise_request_exception=False)
    broken.cookies["django_language"] = "en"
    assert "Server error" in _text(broken.get("/loi-thu/"))
