"""The editors' directive listing and the read-only list of lesson readings in the Wagtail admin."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from courses.services import lesson_acknowledge
from tests.courses import helpers
from tests.factories import EmployeeFactory, UserFactory, give_role, make_agency, make_unit, roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="quantri", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def directives():
    return [
        helpers.directive("23-QĐ/TW", tags=("Dân vận",)),
        helpers.directive("10/2022/QH15", doc_type="luat", issuer="Quốc hội (khóa XV)", issued=dt.date(2022, 11, 10)),
    ]


def test_directive_listing_filters_by_type_year_and_topic(admin_client, directives):
    html = admin_client.get("/admin/directives/", {"doc_type": "luat"}).content.decode()
    assert "10/2022/QH15" in html and "23-QĐ/TW" not in html
    assert "10/11/2022" in html
    html = admin_client.get("/admin/directives/", {"year": "2021"}).content.decode()
    assert "23-QĐ/TW" in html and "10/2022/QH15" not in html


def test_directive_listing_exports_the_metadata(admin_client, directives):
    response = admin_client.get("/admin/directives/", {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig") if response.streaming else response.content.decode()
    header, *rows = list(csv.reader(io.StringIO(content)))
    assert header[:4] == ["Số, ký hiệu", "Tiêu đề", "Loại văn bản", "Cơ quan ban hành"]
    assert ["10/2022/QH15", "Luật", "Quốc hội (khóa XV)", "2022-11-10"] in [[r[0], r[2], r[3], r[4]] for r in rows]


def test_readings_are_read_only_and_scoped_to_what_the_user_may_see(client):
    agency = make_agency()
    unit_a, unit_b = make_unit(agency, "QLCN"), make_unit(agency, "QLTM")
    reader_a = EmployeeFactory(unit=unit_a, full_name="Người Đọc A")
    reader_b = EmployeeFactory(unit=unit_b, full_name="Người Đọc B")
    lesson = helpers.lesson(helpers.course(), "Bài một")
    for reader in (reader_a, reader_b):
        lesson_acknowledge(lesson=lesson, employee=reader)
    head = EmployeeFactory(unit=unit_a)
    give_role(head.user, roles.UNIT_HEAD)
    client.force_login(head.user)
    html = client.get("/admin/luot-doc-bai/").content.decode()
    assert "Người Đọc A" in html and "Người Đọc B" not in html
    assert client.get("/admin/luot-doc-bai/new/").status_code in (302, 403)
    hr = EmployeeFactory(unit=unit_b)
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    html = client.get("/admin/luot-doc-bai/").content.decode()
    assert "Người Đọc A" in html and "Người Đọc B" in html


def test_a_plain_staff_user_needs_the_model_permission(client):
    user = UserFactory(username="nhanvien", is_staff=True)
    user.user_permissions.add(*_perm("view_lessonreading"), *_perm_admin())
    client.force_login(user)
    assert client.get("/admin/luot-doc-bai/").status_code == 200


def test_a_learner_cannot_open_the_readings(client):
    learner = EmployeeFactory()
    give_role(learner.user, roles.LEARNER)
    client.force_login(learner.user)
    assert client.get("/admin/luot-doc-bai/").status_code in (302, 403)


def _perm(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename=codename, content_type__app_label="courses")


def _perm_admin():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin", content_type__app_label="wagtailadmin")
