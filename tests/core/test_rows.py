"""`core.rows.ModelColumns`: a hand-written query's row becomes the instance the ORM would make."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection

from core.rows import ModelColumns, column, order_by, table

pytestmark = pytest.mark.django_db


def _select(sql: str, params=()) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def test_a_row_becomes_the_instance_the_orm_reads():
    made = User.objects.create_user("rows", email="r@example.org", password="x", last_login=None)
    user = ModelColumns.of(User, "u")
    row = _select(f"SELECT {user.select()} FROM {table(User)} u WHERE u.{column(User, 'pk')} = %s", [made.pk])
    read, expected = user.instance(row), User.objects.get(pk=made.pk)
    for field in User._meta.concrete_fields:
        assert getattr(read, field.attname) == getattr(expected, field.attname), field.name
    assert isinstance(read.date_joined, dt.datetime) and read.date_joined.tzinfo is not None  # SQLite: converted
    assert read.is_active is True and read.last_login is None
    assert read._state.adding is False and read._state.db == connection.alias


def test_parts_follow_each_other_and_a_missing_join_is_none():
    made = User.objects.create_user("alone", password="x")
    user = ModelColumns.of(User, "u")
    group = ModelColumns.of(Group, "g", user.end)
    assert group.start == len(User._meta.concrete_fields)
    row = _select(f"SELECT {user.select()}, {group.select()} FROM {table(User)} u"
                  f" LEFT JOIN {table(Group)} g ON g.{column(Group, 'pk')} = -1 WHERE u.{column(User, 'pk')} = %s",
                  [made.pk])
    assert user.instance(row).username == "alone"
    assert group.instance(row) is None


def test_order_by_follows_a_querysets_ordering():
    for name in ("b", "a", "c"):
        User.objects.create_user(name, password="x", is_staff=name != "a")
    users = ModelColumns.of(User, "u")
    ordering = ("-is_staff", "username")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {users.select()} FROM {table(User)} u {order_by(User, 'u', ordering)}")
        read = [users.instance(row).username for row in cursor.fetchall()]
    assert read == list(User.objects.order_by(*ordering).values_list("username", flat=True)) == ["b", "c", "a"]
