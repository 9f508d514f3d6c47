"""The header's admin link (`can_open_admin`): staff, superusers and whoever has Wagtail's
access_admin (own or through a group) see it; a learner does not — in one query at most."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from org.context_processors import can_open_admin
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db
ADMIN_LINK = '<a href="/admin/">'


def access_admin() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def shows_admin_link(client, user) -> bool:
    client.force_login(user)
    return ADMIN_LINK in client.get(reverse("courses:search")).content.decode()


def test_a_learner_sees_no_admin_link_for_one_query(client):
    user = EmployeeFactory().user
    assert not shows_admin_link(client, user)
    with CaptureQueriesContext(connection) as queries:
        assert can_open_admin(user) is False
    assert len(queries) == 1


def test_staff_superusers_and_access_admin_see_the_link(client):
    assert shows_admin_link(client, UserFactory(is_staff=True))
    assert shows_admin_link(client, UserFactory(is_superuser=True))
    own = EmployeeFactory().user
    own.user_permissions.add(access_admin())
    assert shows_admin_link(client, own)
    editors = Group.objects.create(name="Biên tập thử")
    editors.permissions.add(access_admin())
    member = EmployeeFactory().user
    member.groups.add(editors)
    assert shows_admin_link(client, member)


def test_the_same_answer_as_has_perm():
    editors = Group.objects.create(name="Biên tập thử")
    editors.permissions.add(access_admin())
    people = [EmployeeFactory().user for _ in range(3)]
    people[1].groups.add(editors)
    people[2].user_permissions.add(access_admin())
    for user in people:
        fresh = type(user).objects.get(pk=user.pk)
        assert can_open_admin(fresh) == (fresh.is_staff or fresh.has_perm("wagtailadmin.access_admin"))
