"""create_agency: a new agency with the role groups; re-running updates, never duplicates."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from org import roles
from org.models import OrgUnit

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("create_agency", *args, stdout=out)
    return out.getvalue().strip()


def test_create_agency_then_update():
    assert run("SYT", "Sở Y tế Tây Ninh", "--governing-body", "UBND TỈNH TÂY NINH") == "created agency SYT"
    agency = OrgUnit.objects.get(depth=1, code="SYT")
    assert agency.kind == "agency" and agency.governing_body == "UBND TỈNH TÂY NINH"
    assert Group.objects.filter(name=roles.HR).exists()
    assert run("syt", "Sở Y tế tỉnh Tây Ninh") == "updated agency SYT"
    assert OrgUnit.objects.filter(depth=1).count() == 1
    assert OrgUnit.objects.get(pk=agency.pk).name == "Sở Y tế tỉnh Tây Ninh"


def test_empty_name_is_refused():
    with pytest.raises(CommandError):
        run("X", " ")


@pytest.mark.django_db
def test_each_app_declares_the_permissions_of_its_models_for_the_roles():
    from django.contrib.auth.models import Group

    from org.roles import HR, UNIT_HEAD
    from org.services.roles import roles_ensure

    roles_ensure()
    hr = {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=HR).permissions.all()}
    assert {"org.change_employee", "learning.add_campaign", "quizzes.change_question", "reports.view_reminder",
            "certificates.revoke_certificate"} <= hr
    head = {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=UNIT_HEAD).permissions.all()}
    assert {"org.view_employee", "learning.view_campaign"} <= head and "learning.add_campaign" not in head
