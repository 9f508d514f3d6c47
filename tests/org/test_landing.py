"""Role-aware entry: each role lands on its own page after signing in; an admin-only account with no
staff profile gets a clear page instead of learner links that lead nowhere."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from org import roles
from tests.factories import EmployeeFactory, UserFactory, give_role

pytestmark = pytest.mark.django_db


def _login(client, user, **extra):
    user.set_password("pw")
    user.save()
    return client.post(reverse("login") + extra.get("query", ""), {"username": user.username, "password": "pw"})


@pytest.mark.parametrize("role, target", [
    (roles.HR, "learning_dashboard:by_unit"),
    (roles.UNIT_HEAD, "learning_dashboard:by_unit"),
    (roles.EDITOR, "wagtailadmin_home"),
    (roles.LEARNER, "home"),
])
def test_each_role_lands_on_its_page(client, role, target):
    employee = EmployeeFactory()
    give_role(employee.user, role)
    response = _login(client, employee.user)
    assert response.status_code == 302 and response["Location"] == reverse(target)


def test_next_still_wins(client):
    employee = EmployeeFactory()
    give_role(employee.user, roles.HR)
    response = _login(client, employee.user, query="?next=/bai-kiem-tra/")
    assert response["Location"] == "/bai-kiem-tra/"


def test_superuser_and_staff_without_profile_land_in_the_admin(client):
    root = get_user_model().objects.create_superuser("root", "root@example.vn", "pw")
    assert _login(client, root)["Location"] == reverse("wagtailadmin_home")
    client.logout()
    staff = UserFactory(is_staff=True)
    assert _login(client, staff)["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("url", ["/bai-kiem-tra/", "/chung-nhan/"])
def test_an_account_without_profile_gets_a_clear_page_not_a_404(client, url):
    root = get_user_model().objects.create_superuser("root", "root@example.vn", "pw")
    client.force_login(root)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and "chưa gắn với hồ sơ cán bộ" in html
    assert 'href="/bai-kiem-tra/"' not in html and 'href="/chung-nhan/"' not in html  # the header hides them


def test_a_learner_keeps_the_learner_links(client):
    client.force_login(EmployeeFactory().user)
    html = client.get("/").content.decode()
    assert 'href="/bai-kiem-tra/"' in html and 'href="/chung-nhan/"' in html
