"""Audit log scope (issue 8, item 3): each entry carries the agency of its object (else of its
actor); HR reads its own agency's entries only, commands' entries included; an entry of no agency
is for superusers only. Also the backfill of the entries written before the agency existed."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from learning.models import Campaign, StudySession
from org.models import AuditLog
from org.selectors.access import visible_audit_entries
from org.services.audit import agency_id_of, audit_log
from tests.factories import EmployeeFactory, UserFactory, give_role, make_agency, make_unit, roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    a, b = make_agency("SCA", "Sở A"), make_agency("SCB", "Sở B")
    unit = make_unit(a, "PX")
    hr_a = EmployeeFactory(agency=a, unit=a, employee_code="HRA")
    hr_b = EmployeeFactory(agency=b, unit=b, employee_code="HRB")
    head = EmployeeFactory(agency=a, unit=unit, employee_code="HEAD")
    person = EmployeeFactory(agency=a, unit=unit, employee_code="NV1", full_name="Người Của A")
    give_role(hr_a.user, roles.HR)
    give_role(hr_b.user, roles.HR)
    give_role(head.user, roles.UNIT_HEAD)
    today = timezone.localdate()
    campaign = Campaign.objects.create(agency=a, slug="a", title="KH A", year=today.year, start=today,
                                       due=today + dt.timedelta(days=9))
    return dict(a=a, b=b, unit=unit, hr_a=hr_a, hr_b=hr_b, head=head, person=person, campaign=campaign)


def test_the_agency_comes_from_the_object_then_the_actor_then_the_argument(two):
    a, b = two["a"], two["b"]
    session = StudySession.objects.create(campaign=two["campaign"], title="HN", date=timezone.localdate())
    assert agency_id_of(two["unit"]) == a.pk and agency_id_of(a) == a.pk
    assert agency_id_of(two["person"]) == a.pk and agency_id_of(session) == a.pk
    # a command (no actor) acting on an object of agency A
    assert audit_log(actor=None, action="x", obj=session).agency == a
    # the object wins over the actor (a superuser or HR of B touching A's object)
    assert audit_log(actor=two["hr_b"].user, action="x", obj=two["person"]).agency == a
    # no object of any agency: the actor's agency; an explicit agency wins over both
    assert audit_log(actor=two["hr_b"].user, action="x").agency == b
    assert audit_log(actor=None, action="x", obj=two["person"], agency=b).agency == b
    assert audit_log(actor=None, action="x").agency is None


def test_hr_sees_its_own_agency_only_and_nobody_but_superusers_the_rest(two):
    mine = audit_log(actor=None, action="cmd.a", obj=two["campaign"])       # a command's entry of A
    theirs = audit_log(actor=None, action="cmd.b", obj=two["b"])            # a command's entry of B
    by_a = audit_log(actor=two["hr_a"].user, action="hr.a", obj=two["person"])
    nobody = audit_log(actor=None, action="cmd.none")                       # of no agency
    assert set(visible_audit_entries(two["hr_a"].user)) == {mine, by_a}
    assert set(visible_audit_entries(two["hr_b"].user)) == {theirs}
    assert not visible_audit_entries(two["head"].user).exists()
    assert not visible_audit_entries(two["person"].user).exists()
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert set(visible_audit_entries(root)) == {mine, theirs, by_a, nobody}


def test_admin_listing_inspect_and_filters_are_scoped(client, two):
    mine = audit_log(actor=None, action="cmd.a", obj=two["person"], after={"x": 1})
    foreign = audit_log(actor=None, action="cmd.b", obj=two["b"])
    nobody = audit_log(actor=None, action="cmd.none")
    client.force_login(two["hr_b"].user)
    index = reverse("org_auditlog:index")
    response = client.get(index)
    assert list(response.context["object_list"]) == [foreign]
    assert "Người Của A" not in response.content.decode()
    for entry in (mine, nobody):
        assert client.get(reverse("org_auditlog:inspect", args=[entry.pk])).status_code == 404
    exported = b"".join(client.get(index + "?export=csv").streaming_content).decode("utf-8-sig")
    assert "cmd.b" in exported and "cmd.a" not in exported and "cmd.none" not in exported
    client.force_login(two["hr_a"].user)
    assert list(client.get(index).context["object_list"]) == [mine]
    assert client.get(reverse("org_auditlog:inspect", args=[mine.pk])).status_code == 200
    # the filters still narrow the scoped list, and offer only what is in scope
    response = client.get(index + "?action=cmd.a")
    assert list(response.context["object_list"]) == [mine]
    assert [c for c, _ in response.context["filters"].filters["action"].extra["choices"]] == ["cmd.a"]
    # another agency's action is not a choice: the filter is refused, the list stays A's
    assert list(client.get(index + "?action=cmd.b").context["object_list"]) == [mine]
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    assert set(client.get(index).context["object_list"]) == {mine, foreign, nobody}
    assert list(client.get(index + f"?agency={two['b'].pk}").context["object_list"]) == [foreign]


def _backfill_as_then(migration) -> None:
    """Run the backfill on the models as that migration saw them: units, staff and the audit log
    belonged to the learning app then (they moved to org later, keeping their tables), and so did
    their content types."""
    state = MigrationExecutor(connection).loader.project_state(
        ("learning", "0005_auditlog_agency_backfill"), at_end=True)
    moved = ContentType.objects.filter(app_label="org")
    names = list(moved.values_list("model", flat=True))
    moved.update(app_label="learning")
    try:
        migration.backfill(state.apps, None)
    finally:
        ContentType.objects.filter(app_label="learning", model__in=names).update(app_label="org")
        ContentType.objects.clear_cache()


def test_backfill_derives_the_agency_of_earlier_entries(two):
    migration = importlib.import_module("learning.migrations.0005_auditlog_agency_backfill")
    session = StudySession.objects.create(campaign=two["campaign"], title="HN", date=timezone.localdate())
    of_object = audit_log(actor=None, action="session.create", obj=session)
    of_unit = audit_log(actor=None, action="roster.import", obj=two["unit"])
    of_actor = audit_log(actor=two["hr_b"].user, action="campaign.delete", obj=two["campaign"])
    gone = audit_log(actor=None, action="campaign.delete", obj=session)
    nothing = audit_log(actor=None, action="cmd")
    AuditLog.objects.update(agency=None)  # as they were before the column existed
    AuditLog.objects.filter(pk=of_actor.pk).update(object_id="999999")  # its object was deleted since
    AuditLog.objects.filter(pk=gone.pk).update(object_id="999999")
    _backfill_as_then(migration)
    agencies = dict(AuditLog.objects.values_list("pk", "agency_id"))
    assert agencies == {of_object.pk: two["a"].pk, of_unit.pk: two["a"].pk, of_actor.pk: two["b"].pk,
                        gone.pk: None, nothing.pk: None}
