"""Exempting someone from a campaign (miễn học), lifting it, the `exempt` command, and the status."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.errors import NotFound, PermissionDenied
from learning.models import Exemption
from learning.selectors.compliance import employee_campaign_status
from learning.services.campaigns import campaign_load
from learning.services.exemptions import ExemptionRefused, NotExempt, exemption_grant, exemption_lift
from org.models import AuditLog
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.campaign_fixtures import make_directive

pytestmark = pytest.mark.django_db

PLAN = """\
slug: dan-van-2024
title: Dân vận 2024
start: 2024-04-01
due: 2024-10-31
audience:
  units: [VP]
requirements:
  - directive: 33/CT-TTg
"""


@pytest.fixture
def setup():
    agency = make_agency()
    vp, other = make_unit(agency, "VP"), make_unit(agency, "QLCN")
    make_directive("33/CT-TTg")
    campaign = campaign_load(agency=agency, data=PLAN).campaign
    person = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0050")
    hr = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0002")
    give_role(hr.user, roles.HR)
    outside = EmployeeFactory(agency=agency, unit=other, employee_code="SCT0070")
    return campaign, person, hr, outside


def test_grant_is_audited_and_makes_the_status_exempt(setup):
    campaign, person, hr, _ = setup
    exemption, changed = exemption_grant(campaign=campaign, employee=person, reason="Nghỉ thai sản", actor=hr.user)
    assert changed and exemption.created_by == hr.user
    entry = AuditLog.objects.get(action="exemption.grant")
    assert entry.actor == hr.user and entry.before is None
    assert entry.after == {"campaign": "dan-van-2024", "employee": "SCT0050", "reason": "Nghỉ thai sản"}
    [status] = employee_campaign_status(employee=person, as_of=dt.date(2024, 11, 5))
    assert [item.status for item in status.items] == ["exempt"]


def test_same_reason_again_changes_nothing_and_a_new_reason_is_an_audited_update(setup):
    campaign, person, hr, _ = setup
    exemption_grant(campaign=campaign, employee=person, reason="Nghỉ thai sản", actor=hr.user)
    _, changed = exemption_grant(campaign=campaign, employee=person, reason=" Nghỉ thai sản ", actor=hr.user)
    assert not changed and AuditLog.objects.filter(action__startswith="exemption").count() == 1
    _, changed = exemption_grant(campaign=campaign, employee=person, reason="Biệt phái", actor=hr.user)
    assert changed and Exemption.objects.get().reason == "Biệt phái"
    update = AuditLog.objects.get(action="exemption.update")
    assert (update.before["reason"], update.after["reason"]) == ("Nghỉ thai sản", "Biệt phái")


def test_lift_is_audited_and_the_person_must_study_again(setup):
    campaign, person, hr, _ = setup
    exemption_grant(campaign=campaign, employee=person, reason="Ốm dài ngày", actor=hr.user)
    exemption_lift(campaign=campaign, employee=person, actor=hr.user)
    assert not Exemption.objects.exists()
    lift = AuditLog.objects.get(action="exemption.lift")
    assert lift.before["reason"] == "Ốm dài ngày" and lift.actor == hr.user
    [status] = employee_campaign_status(employee=person, as_of=dt.date(2024, 11, 5))
    assert [item.status for item in status.items] == ["overdue"]
    with pytest.raises(NotExempt):
        exemption_lift(campaign=campaign, employee=person, actor=hr.user)


def test_refusals(setup):
    campaign, person, hr, outside = setup
    with pytest.raises(ExemptionRefused) as caught:
        exemption_grant(campaign=campaign, employee=person, reason="  ", actor=hr.user)
    assert caught.value.code == "reason_required"
    with pytest.raises(ExemptionRefused) as caught:
        exemption_grant(campaign=campaign, employee=outside, reason="x", actor=hr.user)
    assert caught.value.code == "not_in_audience"
    stranger = EmployeeFactory(agency=make_agency("SNV", "Sở Nội vụ"))
    with pytest.raises(NotFound):  # another agency's person: as if there were none (org.scoping)
        exemption_grant(campaign=campaign, employee=stranger, reason="x", actor=hr.user)
    with pytest.raises(PermissionDenied):
        exemption_grant(campaign=campaign, employee=person, reason="x", actor=person.user)
    assert not Exemption.objects.exists()


def test_exempt_command_and_undo(setup):
    campaign, person, _, _ = setup
    out = StringIO()
    call_command("exempt", "--campaign", "dan-van-2024", "--employee", "sct0050", "--reason", "Nghỉ thai sản",
                 stdout=out)
    assert out.getvalue() == "SCT0050 exempted from dan-van-2024\n"
    assert Exemption.objects.get().reason == "Nghỉ thai sản"
    assert AuditLog.objects.get(action="exemption.grant").actor is None
    out = StringIO()
    call_command("exempt", "--campaign", "dan-van-2024", "--employee", "SCT0050", "--reason", "Nghỉ thai sản",
                 stdout=out)
    assert out.getvalue() == "SCT0050 already exempt from dan-van-2024 (unchanged)\n"
    out = StringIO()
    call_command("exempt", "--campaign", "dan-van-2024", "--employee", "SCT0050", "--undo", stdout=out)
    assert out.getvalue() == "lifted exemption of SCT0050 from dan-van-2024\n"
    assert not Exemption.objects.exists()


def test_exempt_command_errors(setup):
    with pytest.raises(CommandError, match='unknown campaign "nope"'):
        call_command("exempt", "--campaign", "nope", "--employee", "SCT0050", "--reason", "x")
    with pytest.raises(CommandError, match='unknown employee "SCT9999"'):
        call_command("exempt", "--campaign", "dan-van-2024", "--employee", "SCT9999", "--reason", "x")
    with pytest.raises(CommandError, match="a reason is required"):
        call_command("exempt", "--campaign", "dan-van-2024", "--employee", "SCT0050")
    with pytest.raises(CommandError, match="SCT0050 is not exempt"):
        call_command("exempt", "--campaign", "dan-van-2024", "--employee", "SCT0050", "--undo")


def test_admin_exemption_create_edit_and_delete_go_through_the_service(client, setup):
    from django.urls import reverse

    campaign, person, hr, _ = setup
    client.force_login(hr.user)
    response = client.post(reverse("learning_exemption:add"),
                           {"campaign": campaign.pk, "employee_code": "sct0050", "reason": "Nghỉ thai sản"})
    assert response.status_code == 302
    exemption = Exemption.objects.get()
    assert AuditLog.objects.get(action="exemption.grant").actor == hr.user
    response = client.post(reverse("learning_exemption:edit", args=[exemption.pk]),
                           {"campaign": campaign.pk, "employee_code": "SCT0050", "reason": "Biệt phái"})
    assert response.status_code == 302 and Exemption.objects.get().reason == "Biệt phái"
    assert AuditLog.objects.filter(action="exemption.update").count() == 1
    response = client.post(reverse("learning_exemption:add"),
                           {"campaign": campaign.pk, "employee_code": "SCT0070", "reason": "x"})
    assert response.status_code == 200 and "not in the audience" in response.content.decode()
    client.post(reverse("learning_exemption:delete", args=[exemption.pk]))
    assert not Exemption.objects.exists() and AuditLog.objects.filter(action="exemption.lift").count() == 1
