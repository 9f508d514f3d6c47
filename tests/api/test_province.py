"""Province tokens: read-only; the campaigns of the province's agencies (with the agency's code) and
each agency's figures for a campaign (the province_report CSV as JSON); never a person's row, never
a write, nothing of another province's agencies."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from api.models import ApiToken
from org.models import AuditLog, Province
from tests.api.conftest import bearer, create_token
from tests.learning.compliance_helpers import make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(world):
    """SCT and SYT in province TN (SYT gets the same campaign slug); a third agency elsewhere."""
    tn = Province.objects.create(code="TN", name="Tỉnh Tây Ninh")
    elsewhere = Province.objects.create(code="LA", name="Tỉnh Long An")
    world["agency"].province = tn
    world["agency"].save()
    world["other"].province = tn
    world["other"].save()
    make_campaign(world["other"], [world["d1"]], slug="dan-van-2024")
    from tests.factories import make_agency

    outside = make_agency("SLA", "Sở Long An")
    outside.province = elsewhere
    outside.save()
    make_campaign(outside, [world["d1"]], slug="long-an-2024")
    return tn


def province_token(code="TN") -> str:
    out = io.StringIO()
    call_command("create_api_token", "--province", code, "--name", "Sở Nội vụ", stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_a_province_token_is_read_only(province):
    with pytest.raises(CommandError, match="read-only"):
        call_command("create_api_token", "--province", "TN", "--name", "x", "--write", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("create_api_token", "--province", "TN", "--agency", "SCT", "--name", "x", stdout=io.StringIO())
    secret = province_token()
    token = ApiToken.objects.get()
    assert token.province == province and token.agency is None and not token.can_write
    assert secret.startswith("ctk_")


def test_campaigns_of_the_provinces_agencies_with_their_code(client, province):
    body = client.get("/api/v1/campaigns", **bearer(province_token())).json()
    assert sorted((c["agency"], c["slug"]) for c in body) == [
        ("SCT", "dan-van-2024"), ("SYT", "dan-van-2024"), ("SYT", "syt-2024")]
    agency_view = client.get("/api/v1/campaigns", **bearer(create_token("SCT"))).json()
    assert all("agency" not in c for c in agency_view)  # the contract's shape for agency tokens


def test_figures_per_agency_are_the_province_report(client, province, tmp_path):
    out = tmp_path / "p.csv"
    call_command("province_report", "--province", "TN", "--campaign", "dan-van-2024", "--format", "csv",
                 "--out", str(out), "--as-of", "2024-12-01", stdout=io.StringIO())
    expected = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    response = client.get("/api/v1/campaigns/dan-van-2024/agencies?as_of=2024-12-01", **bearer(province_token()))
    assert response.status_code == 200
    rows = response.json()
    assert [r["agency_code"] for r in rows] == ["SCT", "SYT"]
    as_text = [{k: ("" if v is None else f"{v:.1f}" if k == "people_rate" else str(v)) for k, v in r.items()}
               for r in rows]
    assert as_text == expected
    assert rows[0]["audience"] == 4 and rows[0]["exempt"] == 1


def test_no_person_rows_no_writes_no_other_province(client, province):
    secret = province_token()
    person_rows = client.get("/api/v1/campaigns/dan-van-2024/compliance", **bearer(secret))
    assert person_rows.status_code == 403 and "/agencies" in person_rows.json()["message"]
    assert client.post("/api/v1/roster", {"rows": []}, content_type="application/json",
                       **bearer(secret)).status_code == 403
    assert client.post("/api/v1/evidence", {"employee_code": "SCT002", "directive": "33/CT-TTg", "date": "2024-06-01",
                                            "source": "x", "external_id": "1"},
                       content_type="application/json", **bearer(secret)).status_code == 403
    assert client.get("/api/v1/campaigns/long-an-2024/agencies", **bearer(secret)).status_code == 404
    assert client.get("/api/v1/campaigns/dan-van-2024/agencies", **bearer(province_token("LA"))).status_code == 404


def test_agency_tokens_get_no_figures_per_agency(client, province):
    response = client.get("/api/v1/campaigns/dan-van-2024/agencies", **bearer(create_token("SCT")))
    assert response.status_code == 403


def test_province_calls_are_audited(client, province):
    client.get("/api/v1/campaigns", **bearer(province_token()))
    entry = AuditLog.objects.get(action="api.call")
    assert entry.agency_id is None and entry.after["status"] == 200
    assert entry.object_id == str(ApiToken.objects.get().pk)
