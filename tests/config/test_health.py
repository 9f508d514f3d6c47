"""`/healthz`: 200 with the database up, 503 without; never cached, no login needed."""

from __future__ import annotations

import json
import logging

import pytest
from django.db import DatabaseError

from config.logging import JsonFormatter

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["database_ms"] >= 0
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_503_when_the_database_fails(client, monkeypatch):
    from config import health

    class BrokenCursor:
        def __enter__(self):
            raise DatabaseError("connection refused")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(health.connection, "cursor", lambda: BrokenCursor())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


def test_json_log_lines():
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Lỗi %s", ("máy chủ",), None)
    record.status_code = 500
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "ERROR" and line["logger"] == "django.request"
    assert line["message"] == "Lỗi máy chủ" and line["status_code"] == 500
    assert line["time"].endswith("+00:00")
