"""GET /api/v1/campaigns and /campaigns/{slug}/compliance: the token's agency only, the contract
CSV as JSON (same rows, same values, same order), paginated, as of a date; every call audited."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command

from api.models import ApiToken
from api.services.tokens import api_token_revoke
from org.models import AuditLog
from tests.api.conftest import bearer, create_token

pytestmark = pytest.mark.django_db


def csv_rows(campaign, tmp_path, as_of: str) -> list[dict]:
    out = tmp_path / "report.csv"
    call_command("compliance_report", "--campaign", campaign.slug, "--format", "csv", "--out", str(out),
                 "--as-of", as_of, stdout=io.StringIO())
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


def test_command_prints_the_token_alone_on_the_last_line_and_keeps_only_its_hash(world):
    out = io.StringIO()
    call_command("create_api_token", "--agency", "SCT", "--name", "LMS tỉnh", stdout=out)
    secret = out.getvalue().splitlines()[-1]
    assert secret.startswith("ctk_") and " " not in secret and len(secret) > 40
    token = ApiToken.objects.get()
    assert token.agency == world["agency"] and not token.can_write and token.name == "LMS tỉnh"
    assert secret not in {token.digest, token.prefix} and len(token.digest) == 64
    assert AuditLog.objects.filter(action="api_token.create", agency=world["agency"]).exists()


def test_campaigns_of_the_tokens_agency_only(client, world):
    response = client.get("/api/v1/campaigns", **bearer(create_token("SCT")))
    assert response.status_code == 200
    assert response.json() == [{"slug": "dan-van-2024", "title": "Kế hoạch dan-van-2024",
                                "start": "2024-04-01", "due": "2024-10-31"}]
    other = client.get("/api/v1/campaigns", **bearer(create_token("SYT"))).json()
    assert [c["slug"] for c in other] == ["syt-2024"]


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer ctk_not-a-token", "Token abc", "Basic dXNlcjpwYXNz"])
def test_no_valid_token_is_401(client, world, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/api/v1/campaigns", **extra)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "message" in response.json()


def test_a_revoked_token_is_refused(client, world):
    secret = create_token("SCT")
    assert client.get("/api/v1/campaigns", **bearer(secret)).status_code == 200
    api_token_revoke(token=ApiToken.objects.get())
    assert client.get("/api/v1/campaigns", **bearer(secret)).status_code == 401


def test_compliance_is_the_contract_csv_as_json(client, world, tmp_path):
    response = client.get("/api/v1/campaigns/dan-van-2024/compliance?as_of=2024-12-01", **bearer(create_token("SCT")))
    assert response.status_code == 200
    body = response.json()
    expected = csv_rows(world["campaign"], tmp_path, "2024-12-01")
    assert body["count"] == len(expected) == 8
    assert body["next"] is None
    assert body["results"] == expected
    assert list(body["results"][0]) == ["employee_code", "full_name", "unit", "category", "requirement", "status",
                                        "evidence", "evidence_date"]
    binh = [r for r in body["results"] if r["employee_code"] == "SCT002"]
    assert [(r["status"], r["evidence"], r["evidence_date"]) for r in binh] == [
        ("completed_late", "manual", "2024-11-03"), ("overdue", "", "")]


def test_as_of_changes_the_statuses(client, world):
    rows = client.get("/api/v1/campaigns/dan-van-2024/compliance?as_of=2024-06-01",
                      **bearer(create_token("SCT"))).json()["results"]
    binh = [r["status"] for r in rows if r["employee_code"] == "SCT002"]
    assert binh == ["pending", "pending"]


def test_pages_follow_next_and_keep_the_date(client, world, tmp_path):
    headers = bearer(create_token("SCT"))
    url = "/api/v1/campaigns/dan-van-2024/compliance?as_of=2024-12-01&page_size=3"
    seen, counts = [], set()
    while url:
        body = client.get(url, **headers).json()
        counts.add(body["count"])
        seen += body["results"]
        url = body["next"]
        assert url is None or ("as_of=2024-12-01" in url and url.startswith("http"))
    assert counts == {8}
    assert seen == csv_rows(world["campaign"], tmp_path, "2024-12-01")
    page3 = client.get("/api/v1/campaigns/dan-van-2024/compliance?as_of=2024-12-01&page_size=3&page=3", **headers)
    assert len(page3.json()["results"]) == 2 and page3.json()["next"] is None
    assert client.get("/api/v1/campaigns/dan-van-2024/compliance?page_size=3&page=9", **headers).status_code == 404


def test_without_as_of_the_next_link_pins_today(client, world, time_machine):
    time_machine.move_to("2024-12-01 09:00 +07:00")
    body = client.get("/api/v1/campaigns/dan-van-2024/compliance?page_size=5", **bearer(create_token("SCT"))).json()
    assert "as_of=2024-12-01" in body["next"] and "page=2" in body["next"]


@pytest.mark.parametrize("query", ["as_of=01-12-2024", "as_of=2024-13-01", "page=0", "page=x"])
def test_bad_parameters_are_422(client, world, query):
    response = client.get(f"/api/v1/campaigns/dan-van-2024/compliance?{query}", **bearer(create_token("SCT")))
    assert response.status_code == 422
    assert response.json()["problems"]


def test_another_agencys_campaign_is_not_found(client, world):
    response = client.get("/api/v1/campaigns/syt-2024/compliance", **bearer(create_token("SCT")))
    assert response.status_code == 404
    assert response.json() == {"message": 'unknown campaign "syt-2024"'}


def test_every_call_is_audited_under_the_tokens_agency(client, world):
    secret = create_token("SCT")
    client.get("/api/v1/campaigns", **bearer(secret))
    client.get("/api/v1/campaigns/syt-2024/compliance", **bearer(secret))
    client.get("/api/v1/campaigns", HTTP_AUTHORIZATION="Bearer ctk_wrong")
    calls = list(AuditLog.objects.filter(action="api.call").order_by("id"))
    assert [(c.agency_id, c.after["path"], c.after["status"]) for c in calls] == [
        (world["agency"].pk, "/api/v1/campaigns", 200),
        (world["agency"].pk, "/api/v1/campaigns/syt-2024/compliance", 404),
        (None, "/api/v1/campaigns", 401),
    ]
    token = ApiToken.objects.get()
    assert calls[0].object_id == str(token.pk) and token.last_used_at is not None


def test_rate_limited_per_token(client, world, settings):
    settings.API_RATE_LIMIT = 3
    secret = create_token("SCT")
    statuses = [client.get("/api/v1/campaigns", **bearer(secret)).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert client.get("/api/v1/campaigns", **bearer(create_token("SYT"))).status_code == 200  # per token
    refused = AuditLog.objects.filter(action="api.call", after__status=429)
    assert refused.count() == 2 and {e.agency_id for e in refused} == {world["agency"].pk}


def test_refused_calls_are_limited_per_address(client, world, settings):
    settings.API_REFUSED_LIMIT = 2
    statuses = [client.get("/api/v1/campaigns", HTTP_AUTHORIZATION="Bearer ctk_x").status_code for _ in range(4)]
    assert statuses == [401, 401, 429, 429]
    assert AuditLog.objects.filter(action="api.call").count() == 2


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 8, 50])
def test_a_page_is_the_same_slice_of_the_whole_table(world, size):
    """Pages compute only their own people; glued together they are the whole table, row for row."""
    from learning.selectors.compliance import compliance_table, compliance_table_slice
    from tests.learning.compliance_helpers import D

    whole = compliance_table(campaign=world["campaign"], as_of=D(2024, 12, 1))
    glued, offset = [], 0
    while True:
        count, part = compliance_table_slice(campaign=world["campaign"], as_of=D(2024, 12, 1), offset=offset,
                                             limit=size)
        assert count == len(whole)
        if part.empty:
            break
        glued += part.to_dict(orient="records")
        offset += size
    assert glued == whole.reset_index(drop=True).to_dict(orient="records")


def test_certificates_of_a_campaign(client, world):
    from certificates.services.issuing import certificate_issue
    from org.models import Employee

    giam_doc = Employee.objects.get(employee_code="SCT001")
    certificate, _ = certificate_issue(employee=giam_doc, campaign=world["campaign"], check_completion=False)
    body = client.get("/api/v1/campaigns/dan-van-2024/certificates", **bearer(create_token("SCT"))).json()
    assert body == [{"code": certificate.display_code, "serial": certificate.serial, "employee_code": "SCT001",
                     "full_name": "Lê Văn Giám", "issued_on": certificate.issued_on.isoformat(), "status": "valid",
                     "verify_url": certificate.verify_url()}]
    assert client.get("/api/v1/campaigns/syt-2024/certificates", **bearer(create_token("SCT"))).status_code == 404
    assert client.get("/api/v1/campaigns/syt-2024/certificates", **bearer(create_token("SYT"))).json() == []
