"""PostgreSQL restarted under load (issue 8, item 5): every server-side connection of the test
database is terminated between two requests (what a restart does to the app's connections).
The next requests must fail cleanly or recover — never a half-written change — and the one after
must succeed. CONN_HEALTH_CHECKS (config/settings/base.py) makes Django notice a dead persistent
connection before using it."""

from __future__ import annotations

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from tests.security import scenario

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _terminate_all_backends():
    params = connection.get_connection_params()
    dbname = connection.settings_dict["NAME"]
    with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", [dbname])


class ServerLikeClient(Client):
    """The test client keeps one connection for the whole test; a WSGI server instead runs
    `close_old_connections` at the start and end of every request (request_started/finished),
    which is where CONN_MAX_AGE and CONN_HEALTH_CHECKS act."""

    def request(self, **request):
        close_old_connections()
        try:
            return super().request(**request)
        finally:
            close_old_connections()


@pytest.mark.parametrize("persistent", [0, 60], ids=["no-persistent-connections", "conn-max-age-60"])
def test_requests_recover_after_the_database_drops_every_connection(settings, persistent):
    settings.DATABASES["default"]["CONN_MAX_AGE"] = persistent
    connection.settings_dict["CONN_MAX_AGE"] = persistent
    s = scenario.build()
    client = ServerLikeClient(raise_request_exception=False)
    client.force_login(s.users["victim"])
    assert client.get(reverse("home")).status_code == 200
    _terminate_all_backends()
    first = client.get(reverse("home"))
    assert first.status_code in (200, 500)  # recovers at once, or a clean error page
    second = client.get(reverse("home"))
    assert second.status_code == 200
    # A write right after the restart: done completely, or not at all.
    _terminate_all_backends()
    from courses.models import LessonReading

    before = LessonReading.objects.filter(employee=s.victim, acknowledged_at__isnull=False).count()
    response = client.post(reverse("courses:lesson_acknowledge", args=[s.lesson.pk]))
    after = LessonReading.objects.filter(employee=s.victim, acknowledged_at__isnull=False).count()
    assert (response.status_code < 500 and after == before + 1) or (response.status_code == 500 and after == before)
    assert client.get(reverse("home")).status_code == 200
