"""Sessions stored with their account (`org.sessions`): a signed-in request reads its session, its
account, the staff profile and the admin access in one query, and every rule of Django's sessions
and authentication still holds (logout, a changed password, a deactivated or deleted account)."""

from __future__ import annotations

import datetime as dt
import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.core.signals import request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from org.context_processors import can_open_admin
from org.models import LoginSession
from org.sessions import SessionStore, session_account
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db
SEARCH = "courses:search"


def signed_in(client, user) -> str:
    client.force_login(user)
    return client.session.session_key


def access_admin() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def test_the_session_row_names_its_account_once_signed_in(client):
    user = EmployeeFactory().user
    key = signed_in(client, user)
    assert LoginSession.objects.get(session_key=key).user_id == user.pk
    client.logout()
    assert not LoginSession.objects.filter(session_key=key).exists()
    anonymous = SessionStore()
    anonymous["seen"] = 1
    anonymous.save()
    assert LoginSession.objects.get(session_key=anonymous.session_key).user_id is None


def test_one_query_reads_session_account_profile_and_admin_access(client):
    employee = EmployeeFactory()
    key = signed_in(client, employee.user)
    store = SessionStore(key)
    with CaptureQueriesContext(connection) as queries:
        assert store["_auth_user_id"] == str(employee.user.pk)
        account = session_account(employee.user.pk)
        assert account.employee.pk == employee.pk
        assert can_open_admin(account) is False
    assert len(queries) == 1


def test_a_page_reads_no_account_apart_from_its_session(client):
    signed_in(client, EmployeeFactory().user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(SEARCH)).status_code == 200
    account_reads = [q["sql"] for q in queries if 'FROM "auth_user"' in q["sql"]]
    assert account_reads == []
    session_reads = [q["sql"] for q in queries if 'FROM "org_loginsession"' in q["sql"]]
    assert len(session_reads) == 1


@pytest.mark.parametrize("how", ["own", "group", "none"])
def test_the_admin_access_read_with_the_session_is_the_permission_check(client, how):
    user = EmployeeFactory().user
    if how == "own":
        user.user_permissions.add(access_admin())
    elif how == "group":
        editors = Group.objects.create(name="Biên tập thử")
        editors.permissions.add(access_admin())
        user.groups.add(editors)
    key = signed_in(client, user)
    SessionStore(key).load()
    fresh = type(user).objects.get(pk=user.pk)
    assert can_open_admin(session_account(user.pk)) == fresh.has_perm("wagtailadmin.access_admin")
    assert ('<a href="/admin/">' in client.get(reverse(SEARCH)).content.decode()) == (how != "none")


def test_the_account_is_handed_over_for_its_own_request_only(client):
    user = EmployeeFactory().user
    SessionStore(signed_in(client, user)).load()
    assert session_account(user.pk) is not None
    assert session_account(user.pk + 1) is None
    request_started.send(sender=None)
    assert session_account(user.pk) is None


def test_a_changed_password_still_ends_other_sessions(client):
    user = EmployeeFactory().user
    signed_in(client, user)
    assert client.get(reverse(SEARCH)).wsgi_request.user.is_authenticated
    user.set_password("mật-khẩu-mới-2026")
    user.save()
    assert not client.get(reverse(SEARCH)).wsgi_request.user.is_authenticated


def test_a_deactivated_account_is_signed_out_and_a_deleted_one_loses_its_sessions(client):
    user = EmployeeFactory().user
    key = signed_in(client, user)
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert not client.get(reverse(SEARCH)).wsgi_request.user.is_authenticated
    other = UserFactory()
    other_key = signed_in(client, other)
    other.delete()
    assert not LoginSession.objects.filter(session_key=other_key).exists()
    assert key != other_key


def test_the_upgrade_copies_open_sessions_with_their_account():
    migration = importlib.import_module("org.migrations.0006_login_sessions")
    user = UserFactory()
    later = timezone.now() + dt.timedelta(days=1)
    codec = DjangoSessionStore()  # Django's own engine wrote them
    Session.objects.create(session_key="k" * 32, session_data=codec.encode({"_auth_user_id": str(user.pk)}),
                           expire_date=later)
    Session.objects.create(session_key="a" * 32, session_data=codec.encode({"seen": 1}), expire_date=later)
    Session.objects.create(session_key="x" * 32, session_data=codec.encode({"_auth_user_id": str(user.pk)}),
                           expire_date=timezone.now() - dt.timedelta(days=1))
    from django.apps import apps

    migration.copy_open_sessions(apps, SimpleNamespace(connection=connection))  # only its connection is read
    copied = dict(LoginSession.objects.values_list("session_key", "user_id"))
    assert copied == {"k" * 32: user.pk, "a" * 32: None}
    assert SessionStore("k" * 32)["_auth_user_id"] == str(user.pk)



def test_the_hand_written_read_matches_the_orm(client):
    employee = EmployeeFactory()
    key = signed_in(client, employee.user)
    store = SessionStore(key)
    store.load()
    account = session_account(employee.user.pk)
    expected = LoginSession.objects.select_related("user__employee__unit").get(session_key=key)
    with CaptureQueriesContext(connection) as queries:
        for instance, orm in ((account, expected.user), (account.employee, expected.user.employee),
                              (account.employee.unit, expected.user.employee.unit)):
            for field in type(orm)._meta.concrete_fields:
                assert getattr(instance, field.attname) == getattr(orm, field.attname), field.name
        assert account.employee.user is account
    assert len(queries) == 0


def test_an_account_without_a_profile_reads_as_having_none(client):
    user = UserFactory()
    key = signed_in(client, user)
    SessionStore(key).load()
    account = session_account(user.pk)
    with CaptureQueriesContext(connection) as queries:
        assert not hasattr(account, "employee")  # RelatedObjectDoesNotExist, as select_related leaves it
    assert len(queries) == 0


def test_an_expired_session_reads_as_empty(client):
    user = EmployeeFactory().user
    key = signed_in(client, user)
    LoginSession.objects.filter(session_key=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None and session_account(user.pk) is None
