"""The API tokens screen of the admin: HR creates a token of its own agency and sees the secret once,
which then works against the API; revoking refuses it; another agency's tokens are neither listed
nor revocable; learners have no access."""

from __future__ import annotations

import re

import pytest

from api.models import ApiToken
from api.services.tokens import api_token_create, token_digest
from org import roles
from org.models import AuditLog
from tests.api.conftest import bearer
from tests.factories import EmployeeFactory, give_role

pytestmark = pytest.mark.django_db

INDEX = "/admin/khoa-api/"


def login(client, agency, code, role):
    person = EmployeeFactory(agency=agency, unit=agency, employee_code=code)
    give_role(person.user, role)
    client.force_login(person.user)
    return person


def test_hr_creates_a_token_shown_once_that_works(client, world):
    hr = login(client, world["agency"], "SCT900", roles.HR)
    page = client.get(INDEX)
    assert page.status_code == 200
    assert [a.code for a in page.context["form"].fields["agency"].queryset] == ["SCT"]
    created = client.post(INDEX, {"agency": world["agency"].pk, "name": "LMS tỉnh", "can_write": "on"})
    assert created.status_code == 200 and "no-store" in created["Cache-Control"]
    secret = re.search(r'id="api-token-secret"[^>]*>(ctk_[^<]+)<', created.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert token.digest == token_digest(secret) and token.can_write and token.created_by == hr.user
    assert secret not in client.get(INDEX).content.decode()  # shown once
    client.logout()
    assert client.get("/api/v1/campaigns", **bearer(secret)).status_code == 200
    assert AuditLog.objects.filter(action="api_token.create", actor=hr.user).exists()


def test_hr_cannot_create_for_another_agency(client, world):
    login(client, world["agency"], "SCT900", roles.HR)
    response = client.post(INDEX, {"agency": world["other"].pk, "name": "x"})
    assert response.status_code == 200 and response.context["form"].errors["agency"]
    assert not ApiToken.objects.exists()


def test_revoke_own_but_not_another_agencys(client, world):
    ours, secret = api_token_create(agency=world["agency"], name="Ours")
    theirs, their_secret = api_token_create(agency=world["other"], name="Theirs")
    login(client, world["agency"], "SCT900", roles.HR)
    listed = client.get(INDEX).context["tokens"]
    assert list(listed) == [ours]
    assert client.post(f"/admin/khoa-api/{theirs.pk}/thu-hoi/").status_code == 404
    assert client.post(f"/admin/khoa-api/{ours.pk}/thu-hoi/").status_code == 302
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.revoked_at is not None and theirs.revoked_at is None
    client.logout()
    assert client.get("/api/v1/campaigns", **bearer(secret)).status_code == 401
    assert client.get("/api/v1/campaigns", **bearer(their_secret)).status_code == 200


def test_learners_and_unit_heads_have_no_access(client, world):
    login(client, world["agency"], "SCT901", roles.UNIT_HEAD)
    assert client.get(INDEX).status_code in (302, 403)
    assert client.post(INDEX, {"agency": world["agency"].pk, "name": "x"}).status_code in (302, 403)
    assert not ApiToken.objects.exists()


def test_superuser_sees_every_agency(client, world, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.vn", "x")
    client.force_login(admin)
    codes = {a.code for a in client.get(INDEX).context["form"].fields["agency"].queryset}
    assert codes == {"SCT", "SYT"}
