"""The REST API in the two-agency attack suite (#10, #15): every route of /api/v1/ is tried with
agency B's tokens (read and write) against agency A's campaign slugs, staff codes and evidence
ids; none may read, change or even confirm anything of agency A (404 where agency A's object is
named). Agency A's own token is the positive control. The API tokens admin screen is attacked by
the suite's users (anonymous, a peer learner, a unit head, HR of agency B)."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.test import Client

from api.models import ApiToken, ExternalEvidence
from api.routes import api
from api.services.tokens import api_token_create
from org.models import Employee
from tests.security import scenario
from tests.security.checks import MARKERS, body_text, is_refusal

pytestmark = pytest.mark.django_db

A_EXTERNAL_ID = "lms-a-0001"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def s():
    world = scenario.build()
    world.objects["token_a"], world.objects["secret_a"] = api_token_create(agency=world.agency_a, name="A", write=True)
    _, world.objects["secret_b_read"] = api_token_create(agency=world.agency_b, name="B đọc")
    _, world.objects["secret_b_write"] = api_token_create(agency=world.agency_b, name="B ghi", write=True)
    world.objects["b_person"] = Employee.objects.get(employee_code="HRB01")
    # agency A's evidence from its outside system, with the caller's id B will try to reuse
    response = _call(world.secret_a, "post", "/api/v1/evidence", {
        "employee_code": scenario.VICTIM_CODE, "directive": world.directive.number,
        "date": world.manual.date.isoformat(), "source": "LMS A", "external_id": A_EXTERNAL_ID})
    assert response.status_code == 201, response.content
    return world


def _call(secret, method, url, body=None):
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    if method == "post":
        return client.post(url, body or {}, content_type="application/json", **headers)
    return client.get(url, **headers)


def _victim_row(s, **change):
    victim = s.victim
    return {"employee_code": victim.employee_code, "full_name": "Đổi Tên Kẻ Tấn Công", "unit": "PB",
            "category": victim.category, **change}


# Each attack: (method, route as in the OpenAPI schema, what is sent, statuses an attacker may get).
# The statuses allowed are refusals, or success on B's own data that leaves A's untouched (checked below).
# In this order: the roster cases last, since one of them gives B a person with the victim's code.
ATTACKS = {
    ("get", "/api/v1/campaigns"): [
        ("get", "/api/v1/campaigns", None, {200}),
    ],
    ("get", "/api/v1/campaigns/{slug}/compliance"): [
        ("get", "/api/v1/campaigns/ke-hoach-a/compliance", None, {404}),
        ("get", "/api/v1/campaigns/ke-hoach-a/compliance?as_of=2024-12-01&page=1", None, {404}),
        ("get", "/api/v1/campaigns/ke-hoach-a/compliance?page=2&page_size=1", None, {404}),
    ],
    ("get", "/api/v1/campaigns/{slug}/certificates"): [  # the scenario's victim holds one in campaign A
        ("get", "/api/v1/campaigns/ke-hoach-a/certificates", None, {404}),
    ],
    ("get", "/api/v1/campaigns/{slug}/agencies"): [  # province tokens only
        ("get", "/api/v1/campaigns/ke-hoach-a/agencies", None, {403}),
        ("get", "/api/v1/campaigns/ke-hoach-a/agencies?as_of=2024-12-01", None, {403}),
    ],
    ("post", "/api/v1/evidence"): [
        ("post", "/api/v1/evidence", lambda s: {
            "employee_code": scenario.VICTIM_CODE, "directive": s.directive.number,
            "date": s.manual.date.isoformat(), "source": "B", "external_id": "b-1"}, {403, 404}),
        # A's caller id reused by B: B's own record (or refused), never A's record
        ("post", "/api/v1/evidence", lambda s: {
            "employee_code": "HRB01", "directive": s.directive.number,
            "date": s.manual.date.isoformat(), "source": "B", "external_id": A_EXTERNAL_ID}, {201, 403}),
    ],
    ("post", "/api/v1/roster"): [
        # A's unit named from B: unknown there
        ("post", "/api/v1/roster", lambda s: {"rows": [_victim_row(s, unit="PY")]}, {403, 422}),
        # the victim's code in B is simply another person of B (codes are per agency): A's victim unchanged
        ("post", "/api/v1/roster", lambda s: {"rows": [_victim_row(s)], "dry_run": True}, {200, 403}),
        ("post", "/api/v1/roster", lambda s: {"rows": [_victim_row(s)]}, {200, 403}),
        # the victim's email: refused without naming who holds it
        ("post", "/api/v1/roster", lambda s: {"rows": [_victim_row(s, employee_code="B999",
                                                                   email=s.victim.email)]}, {403, 422}),
    ],
}


def test_every_api_route_is_attacked():
    schema = api.get_openapi_schema()
    routes = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert routes == set(ATTACKS), "a route of /api/v1/ without attack cases in this file"


@pytest.mark.parametrize("attacker", ["secret_b_read", "secret_b_write"])
def test_agency_b_tokens_read_and_change_nothing_of_agency_a(s, attacker):
    victim_before = Employee.objects.filter(pk=s.victim.pk).values().get()
    a_evidence_before = list(ExternalEvidence.objects.filter(agency=s.agency_a).values())
    problems = []
    for cases in ATTACKS.values():
        for method, url, body, allowed in cases:
            data = body(s) if callable(body) else body
            response = _call(getattr(s, attacker), method, url, data)
            sent = url + json.dumps(data, ensure_ascii=False)
            label = f"{method.upper()} {url}"
            if response.status_code not in allowed:
                problems.append(f"{label}: {response.status_code}, allowed {sorted(allowed)}: {response.content[:200]}")
            # whatever the status, a 404 or 422 must not name agency A's things either (beyond
            # echoing what the attacker sent)
            text = body_text(response)
            found = [m for m in (*MARKERS["hr_b"], s.campaign.slug, s.victim.email, s.unit_y.name)
                     if m in text and m not in sent]
            if found:
                problems.append(f"{label}: shows {found}")
    assert not problems, "\n".join(problems)
    assert Employee.objects.filter(pk=s.victim.pk).values().get() == victim_before
    assert list(ExternalEvidence.objects.filter(agency=s.agency_a).values()) == a_evidence_before
    assert not ExternalEvidence.objects.filter(employee__agency=s.agency_a).exclude(agency=s.agency_a).exists()
    assert not ExternalEvidence.objects.filter(agency=s.agency_b).exclude(employee__agency=s.agency_b).exists()


@pytest.mark.parametrize("method, template, real, made_up", [
    ("get", "/api/v1/campaigns/{}/compliance", "ke-hoach-a", "khong-co-ke-hoach-nay"),
    ("post", "/api/v1/evidence", scenario.VICTIM_CODE, "KHONGCO01"),
])
def test_agency_as_things_look_like_things_that_do_not_exist(s, method, template, real, made_up):
    """B cannot even tell that A's campaign or person exists: the answer is the one for a made-up name."""
    def ask(name):
        if method == "get":
            return _call(s.secret_b_write, "get", template.format(name))
        return _call(s.secret_b_write, "post", template, {
            "employee_code": name, "directive": s.directive.number, "date": s.manual.date.isoformat(),
            "source": "B", "external_id": f"probe-{name}"})

    theirs, nothing = ask(real), ask(made_up)
    assert theirs.status_code == nothing.status_code == 404
    assert theirs.content.decode().replace(real, "X") == nothing.content.decode().replace(made_up, "X")


def test_reusing_agency_as_external_id_gives_b_its_own_record(s):
    response = _call(s.secret_b_write, "post", "/api/v1/evidence", {
        "employee_code": "HRB01", "directive": s.directive.number, "date": s.manual.date.isoformat(),
        "source": "B", "external_id": A_EXTERNAL_ID})
    assert response.status_code == 201  # not 200: B never learns that A used this id
    assert response.json()["employee_code"] == "HRB01"


def test_agency_a_token_is_served_its_own_data(s):
    """The positive control: the slugs and codes above are right, so the refusals mean something."""
    campaigns = _call(s.secret_a, "get", "/api/v1/campaigns").json()
    assert s.campaign.slug in [c["slug"] for c in campaigns]
    rows = _call(s.secret_a, "get", f"/api/v1/campaigns/{s.campaign.slug}/compliance").json()["results"]
    assert scenario.VICTIM_CODE in {r["employee_code"] for r in rows}
    held = _call(s.secret_a, "get", f"/api/v1/campaigns/{s.campaign.slug}/certificates").json()
    assert [c["employee_code"] for c in held] == [scenario.VICTIM_CODE]
    again = _call(s.secret_a, "post", "/api/v1/evidence", {
        "employee_code": scenario.VICTIM_CODE, "directive": s.directive.number,
        "date": s.manual.date.isoformat(), "source": "LMS A", "external_id": A_EXTERNAL_ID})
    assert again.status_code == 200
    dry = _call(s.secret_a, "post", "/api/v1/roster", {"rows": [_victim_row(s, unit="PY")], "dry_run": True})
    assert dry.json() == {"created": 0, "updated": 1, "unchanged": 0}


def test_a_province_token_of_agency_bs_province_reads_nothing_of_agency_a(s):
    """Agency B belongs to a province, agency A does not: that province's token sees B only, and
    never a person's row or a write, whatever it names."""
    from org.models import Province

    province = Province.objects.create(code="PB", name="Tỉnh của B")
    s.agency_b.province = province
    s.agency_b.save()
    _, secret = api_token_create(province=province, name="Sở Nội vụ B")
    assert s.campaign.slug not in _call(secret, "get", "/api/v1/campaigns").content.decode()
    assert _call(secret, "get", f"/api/v1/campaigns/{s.campaign.slug}/agencies").status_code == 404
    assert _call(secret, "get", f"/api/v1/campaigns/{s.campaign.slug}/compliance").status_code == 403
    assert _call(secret, "get", f"/api/v1/campaigns/{s.campaign.slug}/certificates").status_code == 403
    for url, body in (("/api/v1/roster", {"rows": [_victim_row(s, unit="PY")]}),
                      ("/api/v1/evidence", {"employee_code": scenario.VICTIM_CODE, "directive": s.directive.number,
                                            "date": s.manual.date.isoformat(), "source": "P", "external_id": "p"})):
        response = _call(secret, "post", url, body)
        assert response.status_code == 403
        assert scenario.VICTIM_NAME not in response.content.decode()
    s.victim.refresh_from_db()
    assert s.victim.full_name == scenario.VICTIM_NAME


@pytest.mark.parametrize("role", ["hr_a", "victim"])
def test_a_browser_session_opens_nothing(s, role):
    """The API knows tokens only: a logged-in browser (even HR of A) gets 401, so a cross-site
    request riding its cookies (CSRF) reaches nothing; the API's views need no CSRF token."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(s.users[role])
    assert client.get("/api/v1/campaigns").status_code == 401
    assert client.get(f"/api/v1/campaigns/{s.campaign.slug}/compliance").status_code == 401
    row = _victim_row(s, unit="PY")
    assert client.post("/api/v1/roster", {"rows": [row]}, content_type="application/json").status_code == 401
    assert client.post("/api/v1/evidence", {}, content_type="application/json").status_code == 401
    s.victim.refresh_from_db()
    assert s.victim.full_name == scenario.VICTIM_NAME


TOKENS_ADMIN = "/admin/khoa-api/"


@pytest.mark.parametrize("role", ["anonymous", "peer", "head_x", "hr_b"])
def test_the_tokens_screen_is_closed_to_outsiders(s, role):
    client = Client()
    if role != "anonymous":
        client.force_login(s.users[role])
    listing = client.get(TOKENS_ADMIN)
    if role == "hr_b":  # HR of B manages B's tokens: A's are not listed
        assert listing.status_code == 200
        assert [t.name for t in listing.context["tokens"]] == ["B ghi", "B đọc"]
        created = client.post(TOKENS_ADMIN, {"agency": s.agency_a.pk, "name": "vào A"})
        assert created.status_code == 200 and created.context["form"].errors
    else:
        assert is_refusal(listing)
        assert is_refusal(client.post(TOKENS_ADMIN, {"agency": s.agency_a.pk, "name": "vào A"}))
    assert is_refusal(client.post(f"{TOKENS_ADMIN}{s.token_a.pk}/thu-hoi/"))
    assert not ApiToken.objects.filter(agency=s.agency_a).exclude(pk=s.token_a.pk).exists()
    s.token_a.refresh_from_db()
    assert s.token_a.revoked_at is None
