"""L8 and forced password change: "Quên mật khẩu?" on the login page, password resets rate-limited
per address and per account, and the shared initial roster password changed before anything else."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from tests.factories import EmployeeFactory, make_agency

pytestmark = pytest.mark.django_db
INITIAL = "Chao-mung-2026"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


def test_the_learner_login_page_links_to_password_reset(client):
    html = client.get(reverse("login")).content.decode()
    assert 'href="/quen-mat-khau/"' in html and "Quên mật khẩu?" in html
    page = client.get("/quen-mat-khau/")
    assert page.status_code == 200 and "Quên mật khẩu" in page.content.decode()


def test_password_reset_by_mail_end_to_end(client, mailoutbox):
    person = EmployeeFactory(employee_code="NV0301")
    response = client.post("/quen-mat-khau/", {"email": person.user.email.upper()})
    assert response.status_code == 302 and response["Location"] == "/quen-mat-khau/da-gui/"
    assert len(mailoutbox) == 1 and "Đặt lại mật khẩu" in mailoutbox[0].subject
    link = next(line for line in mailoutbox[0].body.splitlines() if "/quen-mat-khau/" in line).strip()
    assert link.startswith("http://testserver/quen-mat-khau/")
    form = client.get(link.replace("http://testserver", ""), follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "Mat-khau-rieng-77", "new_password2": "Mat-khau-rieng-77"})
    assert done.status_code == 302
    assert client.post(reverse("login"), {"username": "NV0301", "password": "Mat-khau-rieng-77"}).status_code == 302


def test_l8_password_reset_is_rate_limited_per_address(client, mailoutbox):
    """Before: 20 mails in seconds."""
    person = EmployeeFactory(employee_code="NV0302")
    statuses = [client.post("/quen-mat-khau/", {"email": f"x{n}@example.vn"}, REMOTE_ADDR="10.3.0.1").status_code
                for n in range(10)]
    assert statuses == [302] * 10
    limited = client.post("/quen-mat-khau/", {"email": person.user.email}, REMOTE_ADDR="10.3.0.1")
    assert limited.status_code == 429 and limited["Retry-After"] == "3600"
    assert "Quá nhiều yêu cầu" in limited.content.decode()
    assert not mailoutbox
    assert client.post("/quen-mat-khau/", {"email": person.user.email}, REMOTE_ADDR="10.3.0.2").status_code == 302
    assert len(mailoutbox) == 1


def test_l8_password_reset_is_rate_limited_per_account(client, mailoutbox):
    person = EmployeeFactory(employee_code="NV0303")
    for n in range(20):
        response = client.post("/quen-mat-khau/", {"email": person.user.email}, REMOTE_ADDR=f"10.4.0.{n}")
        assert response.status_code == 302  # the same answer: nothing tells the limit from an unknown address
    assert len(mailoutbox) == 3


def test_the_admin_password_reset_without_limits_is_off(client):
    assert client.get("/admin/password_reset/").status_code == 404


def _import_with_initial_password(tmp_path, settings, *codes):
    settings.ROSTER_INITIAL_PASSWORD = INITIAL
    make_agency()
    roster = tmp_path / "r.csv"
    rows = "".join(f"{code},Người {code},SCT,Công chức\n" for code in codes)
    roster.write_text("Mã cán bộ,Họ và tên,Đơn vị,Loại\n" + rows, encoding="utf-8")
    call_command("import_roster", str(roster), stdout=io.StringIO())


def test_the_shared_initial_password_must_be_changed_before_anything_else(client, tmp_path, settings):
    _import_with_initial_password(tmp_path, settings, "NV0401", "NV0402")
    response = client.post(reverse("login"), {"username": "NV0401", "password": INITIAL})
    assert response.status_code == 302
    for path in ("/", "/bai-kiem-tra/", "/chung-nhan/", "/admin/", "/minh-chung/1/tep/"):
        blocked = client.get(path)
        assert blocked.status_code == 302 and blocked["Location"].startswith("/doi-mat-khau/?next="), path
    page = client.get(client.get("/").url)
    assert "mật khẩu ban đầu được cấp chung" in page.content.decode()
    # the initial password is refused as the new one
    same = client.post("/doi-mat-khau/", {"old_password": INITIAL, "new_password1": INITIAL, "new_password2": INITIAL})
    assert same.status_code == 200 and "không được trùng với mật khẩu ban đầu" in same.content.decode()
    changed = client.post("/doi-mat-khau/", {"old_password": INITIAL, "new_password1": "Rieng-Cua-Toi-88",
                                             "new_password2": "Rieng-Cua-Toi-88", "next": "/bai-kiem-tra/"})
    assert changed.status_code == 302 and changed["Location"] == "/bai-kiem-tra/"
    assert client.get("/").status_code == 200
    client.logout()
    assert client.post(reverse("login"), {"username": "NV0401", "password": "Rieng-Cua-Toi-88"}).status_code == 302
    assert client.get("/").status_code == 200


def test_accounts_imported_under_an_earlier_initial_password_are_caught_too(client, tmp_path, settings):
    """The setting changed (or was removed) since the import: the stored hash, shared by the accounts
    of one import, still tells."""
    _import_with_initial_password(tmp_path, settings, "NV0411", "NV0412")
    settings.ROSTER_INITIAL_PASSWORD = ""
    client.post(reverse("login"), {"username": "NV0411", "password": INITIAL})
    assert client.get("/")["Location"].startswith("/doi-mat-khau/")


def test_an_own_password_is_not_forced_even_if_another_person_chose_the_same(client, settings):
    settings.ROSTER_INITIAL_PASSWORD = INITIAL
    for code in ("NV0421", "NV0422"):
        person = EmployeeFactory(employee_code=code)
        person.user.set_password("Trung-Hop-55")
        person.user.save()
    client.post(reverse("login"), {"username": "NV0421", "password": "Trung-Hop-55"})
    assert client.get("/").status_code == 200
