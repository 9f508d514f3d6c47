"""The audit log: append-only, written by every campaign/exemption/evidence service, read-only in the
admin with filters, scoped to the agency."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from learning.services.campaigns import campaign_delete, campaign_load
from learning.services.evidence import manual_evidence_record, manual_evidence_update
from org.models import AuditLog
from org.services.audit import audit_log
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.campaign_fixtures import make_directive

pytestmark = pytest.mark.django_db

PLAN = "slug: a\ntitle: A\nstart: 2024-04-01\ndue: 2024-10-31\nrequirements:\n  - 33/CT-TTg\n"


@pytest.fixture
def hr():
    agency = make_agency()
    person = EmployeeFactory(agency=agency, unit=make_unit(agency, "VP"), employee_code="SCT0002")
    give_role(person.user, roles.HR)
    make_directive("33/CT-TTg")
    return person


def test_entries_cannot_be_changed_or_deleted(hr):
    entry = audit_log(actor=hr.user, action="test.action", obj=hr, before={"a": 1}, after={"a": 2})
    entry.action = "changed"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
    assert AuditLog.objects.get().action == "test.action"


def test_services_record_before_and_after(hr):
    campaign = campaign_load(agency=hr.agency, data=PLAN, actor=hr.user).campaign
    evidence = manual_evidence_record(employee=hr, directive=campaign.requirements.get().directive,
                                      date=dt.date(2024, 5, 2), note="a", actor=hr.user)
    manual_evidence_update(evidence=evidence, date=dt.date(2024, 5, 3), note="b", actor=hr.user)
    manual_evidence_update(evidence=evidence, date=dt.date(2024, 5, 3), note="b", actor=hr.user)  # no change
    update = AuditLog.objects.get(action="manual_evidence.update")
    assert (update.before["date"], update.after["date"]) == ("2024-05-02", "2024-05-03")
    assert (update.before["note"], update.after["note"]) == ("a", "b")
    evidence.delete()
    campaign_delete(campaign=campaign, actor=hr.user)
    deleted = AuditLog.objects.get(action="campaign.delete")
    assert deleted.before["slug"] == "a" and deleted.after is None and deleted.object_repr == "A"
    assert list(AuditLog.objects.order_by("id").values_list("action", flat=True)) == [
        "campaign.create", "manual_evidence.record", "manual_evidence.update", "campaign.delete"]


def test_admin_listing_is_read_only_filterable_and_scoped(client, hr):
    campaign_load(agency=hr.agency, data=PLAN, actor=hr.user)
    campaign_load(agency=hr.agency, data=PLAN.replace("title: A", "title: B"), actor=hr.user)
    stranger = EmployeeFactory(agency=make_agency("SNV", "Sở Nội vụ"))
    give_role(stranger.user, roles.HR)
    audit_log(actor=stranger.user, action="campaign.create", before=None, after={"slug": "khac"})
    client.force_login(hr.user)
    index = reverse("org_auditlog:index")
    html = client.get(index).content.decode()
    assert "campaign.create" in html and "campaign.update" in html
    listed = client.get(index + "?action=campaign.update").content.decode()
    assert "campaign.update" in listed and "title" in listed
    assert client.get(index + "?action=campaign.update").context["object_list"].count() == 1
    scoped = client.get(index).context["object_list"]
    assert {e.actor_id for e in scoped} == {hr.user.pk}
    entry = AuditLog.objects.filter(actor=hr.user).first()
    assert client.get(reverse("org_auditlog:inspect", args=[entry.pk])).status_code == 200
    for name in ("org_auditlog:edit", "org_auditlog:delete"):
        assert client.get(reverse(name, args=[entry.pk])).status_code in (302, 403)
    assert client.post(reverse("org_auditlog:delete", args=[entry.pk])).status_code in (302, 403)
    assert client.get(reverse("org_auditlog:add")).status_code in (302, 403)
    assert AuditLog.objects.count() == 3
    foreign = AuditLog.objects.get(actor=stranger.user)
    assert client.get(reverse("org_auditlog:inspect", args=[foreign.pk])).status_code == 404


def test_learners_do_not_see_the_log(client, hr):
    learner = EmployeeFactory(agency=hr.agency, unit=hr.unit)
    client.force_login(learner.user)
    assert client.get(reverse("org_auditlog:index")).status_code in (302, 403)
