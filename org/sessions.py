"""SESSION_ENGINE (issue 17): Django's database sessions, kept in `LoginSession` with the account
they belong to, so that a signed-in request reads its session, its account, the account's staff
profile and whether it may open the admin in ONE query (Django's own engine and auth middleware
take two, and the header's admin link a third).

The account read with the session is handed to `EmployeeCodeOrEmailBackend.get_user` for the same
request only: Django's `auth.get_user` still checks the session's backend and password hash, and
the hand-off is dropped when the next request starts."""

from __future__ import annotations

import functools
import logging
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import SuspiciousOperation
from django.core.signals import request_started
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from core.rows import ModelColumns, column, table

ACCESS_ADMIN = ("wagtailadmin", "access_admin")

_account: ContextVar[object | None] = ContextVar("org_session_account", default=None)


def access_admin_sql(user_id_sql: str) -> tuple[str, tuple[str, str]]:
    """SQL true when the account whose id is `user_id_sql` (a column of the outer query) holds
    Wagtail's access_admin permission, itself or through a group (staff and superusers are decided
    from the account's own flags), with its parameters."""
    user_model = get_user_model()
    table = connection.ops.quote_name
    sql = (
        f"EXISTS (SELECT 1 FROM {table(Permission._meta.db_table)} p"
        f" INNER JOIN {table(ContentType._meta.db_table)} ct ON ct.id = p.content_type_id"
        " WHERE ct.app_label = %s AND p.codename = %s AND ("
        f"EXISTS (SELECT 1 FROM {table(user_model.user_permissions.through._meta.db_table)} up"
        f" WHERE up.permission_id = p.id AND up.user_id = {user_id_sql})"
        f" OR EXISTS (SELECT 1 FROM {table(user_model.groups.through._meta.db_table)} ug"
        f" INNER JOIN {table(Group.permissions.through._meta.db_table)} gp ON gp.group_id = ug.group_id"
        f" WHERE gp.permission_id = p.id AND ug.user_id = {user_id_sql})))"
    )
    return sql, ACCESS_ADMIN


def access_admin(model, user_id_field: str) -> RawSQL:
    """`access_admin_sql` as an annotation of `model`'s queries, for the account whose id is its
    `user_id_field`. Written as SQL: the same two EXISTS built with the ORM cost ≈ 2 ms of Python per
    request, more than the rest of the session's query."""
    table = connection.ops.quote_name
    column = f"{table(model._meta.db_table)}.{table(model._meta.get_field(user_id_field).column)}"
    return RawSQL(*access_admin_sql(column), output_field=BooleanField())


def session_account(user_id) -> object | None:
    """The account this request's session was read with, when it is `user_id`'s."""
    account = _account.get()
    if account is not None and str(account.pk) == str(user_id):
        return account
    return None


def _forget_account(**kwargs) -> None:
    _account.set(None)


request_started.connect(_forget_account, dispatch_uid="org-session-account-forget")


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from org.models import LoginSession

        return LoginSession

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        try:
            session.user_id = int(data.get("_auth_user_id"))
        except (TypeError, ValueError):
            session.user_id = None
        return session

    def _get_session_from_db(self):
        """Django's lookup, with the account (and its profile and unit) when signed in; the unit is
        read here because the landing page's header shows it (one query less there)."""
        _account.set(None)
        try:
            session = _session_read(self.session_key)
        except SuspiciousOperation as error:
            logging.getLogger(f"django.security.{error.__class__.__name__}").warning(str(error))
            session = None
        if session is None:
            self._session_key = None
            return None
        if session.user is not None:
            _account.set(session.user)
        return session


@functools.cache
def _session_query() -> tuple[str, tuple[ModelColumns, ...]]:
    """The session's query and the models of its row, built once per process: every signed-in
    request pays for this query, and Django's compiler costs more Python than the query itself."""
    from org.models import Employee, LoginSession, OrgUnit

    user_model = get_user_model()
    session = ModelColumns.of(LoginSession, "s")
    user = ModelColumns.of(user_model, "u", session.end)
    employee = ModelColumns.of(Employee, "e", user.end)
    unit = ModelColumns.of(OrgUnit, "o", employee.end)
    user_pk = f"u.{column(user_model, 'pk')}"
    admin_sql, _params = access_admin_sql(user_pk)
    sql = (
        f"SELECT {session.select()}, {user.select()}, {employee.select()}, {unit.select()}, {admin_sql}"
        f" FROM {table(LoginSession)} s"
        f" LEFT JOIN {table(user_model)} u ON {user_pk} = s.{column(LoginSession, 'user')}"
        f" LEFT JOIN {table(Employee)} e ON e.{column(Employee, 'user')} = {user_pk}"
        f" LEFT JOIN {table(OrgUnit)} o ON o.{column(OrgUnit, 'pk')} = e.{column(Employee, 'unit')}"
        f" WHERE s.{column(LoginSession, 'session_key')} = %s AND s.{column(LoginSession, 'expire_date')} > %s"
    )
    return sql, (session, user, employee, unit)


def _session_read(session_key: str):
    """The open session `session_key` with its account, the account's staff profile and unit
    (cached on the instances as select_related would) and the account's admin access, or None."""
    sql, parts = _session_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ACCESS_ADMIN, session_key, timezone.now()])
        row = cursor.fetchone()
    if row is None:
        return None
    session, user, employee, unit = (part.instance(row) for part in parts)
    type(session).user.field.set_cached_value(session, user)
    if user is not None:
        user._access_admin = bool(row[-1])
        type(user).employee.related.set_cached_value(user, employee)  # None: the account has no profile
        if employee is not None:
            type(employee).user.field.set_cached_value(employee, user)
            type(employee).unit.field.set_cached_value(employee, unit)
    return session
