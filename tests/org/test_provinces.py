"""The province above its agencies: create_province, create_agency --province, officers, grants."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.errors import DomainError, NotFound, PermissionDenied
from org.models import AuditLog, OrgUnit, Province, ProvinceAccessGrant
from org.roles import HR
from org.selectors.access import (
    is_province_officer,
    province_aggregates_required,
    province_person_grant,
    visible_agencies,
    visible_employees,
    visible_provinces,
)
from org.selectors.provinces import province_agencies
from org.services.provinces import province_access_grant, province_access_revoke, province_officer_ensure
from tests.factories import EmployeeFactory, UserFactory, give_role

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()


def test_create_province_then_agencies_in_it():
    assert run("create_province", "TN", "Tỉnh Tây Ninh") == "created province TN"
    province = Province.objects.get(code="TN")
    assert province.governing_body == "UBND TỈNH TÂY NINH" and province.issuing_body == "SỞ NỘI VỤ"
    assert run("create_province", "tn", "Tỉnh Tây Ninh") == "updated province TN"
    assert Province.objects.count() == 1

    assert run("create_agency", "SYT", "Sở Y tế Tây Ninh", "--province", "TN") == "created agency SYT in province TN"
    assert run("create_agency", "SCT", "Sở Công Thương Tây Ninh", "--province", "tn") == \
        "created agency SCT in province TN"
    agency = OrgUnit.objects.get(depth=1, code="SYT")
    assert agency.province == province and agency.governing_body == "UBND TỈNH TÂY NINH"
    assert [a.code for a in province_agencies(province)] == ["SCT", "SYT"]
    # Re-creating without --province keeps the agency's province.
    run("create_agency", "SYT", "Sở Y tế tỉnh Tây Ninh")
    assert OrgUnit.objects.get(pk=agency.pk).province == province


def test_unknown_province_is_refused():
    with pytest.raises(CommandError, match='unknown province "XX"'):
        run("create_agency", "SYT", "Sở Y tế", "--province", "XX")
    assert not OrgUnit.objects.exists()


@pytest.fixture
def province_setup():
    run("create_province", "TN", "Tỉnh Tây Ninh")
    run("create_agency", "SCT", "Sở Công Thương", "--province", "TN")
    run("create_agency", "SYT", "Sở Y tế", "--province", "TN")
    province = Province.objects.get(code="TN")
    sct, syt = OrgUnit.objects.get(code="SCT"), OrgUnit.objects.get(code="SYT")
    officer_user = UserFactory(username="sonoivu")
    officer = province_officer_ensure(user=officer_user, province=province, body="Sở Nội vụ")
    return province, sct, syt, officer


def test_officer_sees_the_province_in_aggregate_but_no_person(province_setup):
    province, sct, syt, officer = province_setup
    EmployeeFactory(agency=sct, unit=sct)
    user = officer.user
    assert is_province_officer(user)
    assert list(visible_provinces(user)) == [province]
    province_aggregates_required(user=user, province=province)
    other = Province.objects.create(code="BD", name="Tỉnh Bình Dương")
    with pytest.raises(PermissionDenied):
        province_aggregates_required(user=user, province=other)
    # No person-level data and no agency scope without a grant.
    assert not visible_employees(user).exists() and not visible_agencies(user).exists()
    assert province_person_grant(user=user, agency=sct) is None


def test_grant_is_the_agencys_own_and_is_audited(province_setup):
    province, sct, syt, officer = province_setup
    hr_other = give_role(EmployeeFactory(agency=syt, unit=syt).user, HR)
    until = dt.date.today() + dt.timedelta(days=30)
    # HR of another agency cannot grant SCT's data: SCT is not found for it (org.scoping)
    with pytest.raises(NotFound):
        province_access_grant(officer=officer, agency=sct, purpose="Thẩm định", valid_until=until, actor=hr_other)
    with pytest.raises(NotFound):  # nor can the officer grant itself (no agency of its own)
        province_access_grant(officer=officer, agency=sct, purpose="Thẩm định", valid_until=until, actor=officer.user)
    with pytest.raises(DomainError, match="purpose"):
        province_access_grant(officer=officer, agency=sct, purpose=" ", valid_until=until, actor=None)

    hr = give_role(EmployeeFactory(agency=sct, unit=sct).user, HR)
    grant = province_access_grant(officer=officer, agency=sct, purpose="Thẩm định hồ sơ 2024", valid_until=until,
                                  actor=hr)
    assert province_person_grant(user=officer.user, agency=sct) == grant
    assert province_person_grant(user=officer.user, agency=syt) is None
    entry = AuditLog.objects.get(action="province.grant")
    assert entry.agency_id == sct.pk and entry.actor == hr and entry.after["purpose"] == "Thẩm định hồ sơ 2024"

    province_access_revoke(grant=grant, actor=hr)
    assert province_person_grant(user=officer.user, agency=sct) is None
    assert AuditLog.objects.filter(action="province.revoke", agency=sct).exists()


def test_expired_grant_gives_nothing(province_setup):
    province, sct, syt, officer = province_setup
    grant = province_access_grant(officer=officer, agency=sct, purpose="x", valid_until=dt.date.today(), actor=None)
    ProvinceAccessGrant.objects.filter(pk=grant.pk).update(valid_until=dt.date.today() - dt.timedelta(days=1))
    assert province_person_grant(user=officer.user, agency=sct) is None


def test_grant_command(province_setup):
    until = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    assert run("grant_province_access", "--agency", "SCT", "--officer", "sonoivu", "--purpose", "Thẩm định",
               "--until", until).startswith("granted sonoivu access to SCT")
    assert run("grant_province_access", "--agency", "SCT", "--officer", "sonoivu", "--revoke") == "revoked 1"
    with pytest.raises(CommandError, match="not a province officer"):
        run("grant_province_access", "--agency", "SCT", "--officer", "nobody", "--until", until)


def test_add_province_officer_command():
    run("create_province", "TN", "Tỉnh Tây Ninh")
    assert run("add_province_officer", "bandanvan", "--province", "TN", "--body", "Ban Dân vận Tỉnh ủy") == \
        "created province officer bandanvan (TN)"
    from django.contrib.auth import get_user_model
    user = get_user_model().objects.get(username="bandanvan")
    assert is_province_officer(user) and not user.has_usable_password()
