"""load_campaign --province: the same campaign in every agency, re-loading updates it, agencies keep
their own audience adjustments and exemptions; the province sees who has not adopted or changed
it; compliance_tables (many campaigns at once) gives exactly compliance_table's rows."""

import datetime as dt
import io

import pandas as pd
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from learning.models import Attendance, Campaign, Exemption, ProvinceCampaign, StudySession
from learning.selectors.compliance import LEAN_COLUMNS, compliance_table, compliance_tables
from learning.selectors.province import ADOPTED, CHANGED, NOT_ADOPTED, province_adoption
from learning.services.campaigns import campaign_save
from org.models import OrgUnit, Province
from tests.factories import EmployeeFactory, make_unit
from tests.learning.compliance_helpers import make_directive

pytestmark = pytest.mark.django_db

PLAN = """\
slug: chung-2024
title: Kế hoạch chung của tỉnh
start: 2024-04-01
due: 2024-10-31
audience:
  categories: [cong_chuc, vien_chuc]
requirements:
  - directive: 23-QĐ/TW
"""


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def setup(tmp_path):
    make_directive("23-QĐ/TW")
    make_directive("33/CT-TTg")
    run("create_province", "TN", "Tỉnh Tây Ninh")
    for code in ("SCT", "SYT"):
        run("create_agency", code, f"Sở {code}", "--province", "TN")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    return plan


def test_load_creates_then_updates_in_every_agency_keeping_their_own(setup, django_assert_max_num_queries):
    plan = setup
    out = run("load_campaign", str(plan), "--province", "TN")
    assert "SCT: created campaign chung-2024: 1 requirements" in out
    assert out.strip().splitlines()[-1] == "province TN: campaign chung-2024 in 2 agencies (created 2, updated 0, unchanged 0)"
    sct = Campaign.objects.get(agency__code="SCT", slug="chung-2024")
    syt = Campaign.objects.get(agency__code="SYT", slug="chung-2024")
    assert ProvinceCampaign.objects.get(province__code="TN").title == "Kế hoạch chung của tỉnh"

    # SYT adjusts its audience and exempts someone; SCT changes nothing.
    person = EmployeeFactory(agency=syt.agency, unit=syt.agency)
    Exemption.objects.create(campaign=syt, employee=person, reason="Nghỉ thai sản")
    syt.audience_categories = ["cong_chuc"]
    syt.save()

    plan.write_text(PLAN.replace("  - directive: 23-QĐ/TW\n", "  - directive: 23-QĐ/TW\n  - directive: 33/CT-TTg\n")
                    .replace("[cong_chuc, vien_chuc]", "[can_bo, cong_chuc, vien_chuc]"), encoding="utf-8")
    out = run("load_campaign", str(plan), "--province", "TN")
    assert "SYT: updated campaign chung-2024" in out and "(kept its own audience)" in out
    assert "(created 0, updated 2, unchanged 0)" in out
    sct.refresh_from_db()
    syt.refresh_from_db()
    assert sct.requirements.count() == syt.requirements.count() == 2
    assert sct.audience_categories == ["can_bo", "cong_chuc", "vien_chuc"]  # followed the province
    assert syt.audience_categories == ["cong_chuc"]  # kept its own
    assert Exemption.objects.filter(campaign=syt, employee=person).exists()
    # Re-loading the same file changes nothing.
    assert "(created 0, updated 0, unchanged 2)" in run("load_campaign", str(plan), "--province", "TN")

    states = {a.agency.code: (a.state, a.changed) for a in province_adoption(province=Province.objects.get(),
                                                                             slug="chung-2024")}
    assert states == {"SCT": (ADOPTED, []), "SYT": (CHANGED, ["audience"])}
    campaign_save(agency=sct.agency, campaign=sct, data={"slug": "chung-2024", "title": "Tên riêng",
                                                         "start": "2024-04-01", "due": "2024-11-30",
                                                         "requirements": ["23-QĐ/TW", "33/CT-TTg"],
                                                         "audience": {"categories": ["can_bo", "cong_chuc",
                                                                                     "vien_chuc"]}})
    run("create_agency", "SXD", "Sở Xây dựng", "--province", "TN")
    province = Province.objects.get()
    with django_assert_max_num_queries(7):  # 5 + one per directive, whatever the number of agencies
        states = {a.agency.code: (a.state, a.changed) for a in province_adoption(province=province,
                                                                                 slug="chung-2024")}
    assert states["SCT"] == (CHANGED, ["title", "due"]) and states["SXD"] == (NOT_ADOPTED, [])


def test_a_file_one_agency_cannot_take_writes_nothing(setup):
    plan = setup
    make_unit(OrgUnit.objects.get(depth=1, code="SCT"), "VP")
    plan.write_text(PLAN.replace("audience:\n", "audience:\n  units: [VP]\n"), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("load_campaign", str(plan), "--province", "TN", stdout=io.StringIO(), stderr=err)
    assert 'agency SYT: unknown unit code "VP"' in err.getvalue()
    assert not Campaign.objects.exists() and not ProvinceCampaign.objects.exists()
    # A fault of the file itself is said once, not once per agency.
    plan.write_text(PLAN.replace("due: 2024-10-31", "due: 31/13/2024"), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_campaign", str(plan), "--province", "TN", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().count('"due"') == 1 and "agency" not in err.getvalue()


def test_dry_run_and_agency_province_are_exclusive(setup):
    plan = setup
    assert "dry run" in run("load_campaign", str(plan), "--province", "TN", "--dry-run")
    assert not Campaign.objects.exists()
    with pytest.raises(CommandError):
        run("load_campaign", str(plan), "--province", "TN", "--agency", "SCT")


def test_compliance_tables_is_compliance_table_per_campaign(setup):
    plan = setup
    run("load_campaign", str(plan), "--province", "TN")
    campaigns = list(Campaign.objects.order_by("agency__code"))
    for index, campaign in enumerate(campaigns):
        agency = campaign.agency
        unit = make_unit(agency, f"P{index}")
        people = [EmployeeFactory(agency=agency, unit=unit, category=c) for c in ("cong_chuc", "vien_chuc",
                                                                                  "nguoi_lao_dong")]
        session = StudySession.objects.create(campaign=campaign, title="HN", date=dt.date(2024, 5, 1 + index))
        session.directives.set([r.directive_id for r in campaign.requirements.all()])
        Attendance.objects.create(session=session, employee=people[0], status="present")
        Exemption.objects.create(campaign=campaign, employee=people[1], reason="x")
    campaigns[1].start = dt.date(2024, 5, 2)  # a start of its own: evidence of 01/05 would not count
    campaigns[1].save()
    for as_of in (dt.date(2024, 6, 1), dt.date(2024, 12, 1)):
        together = compliance_tables(campaigns=campaigns, as_of=as_of)
        assert list(together.columns) == LEAN_COLUMNS
        one_by_one = pd.concat([compliance_table(campaign=c, as_of=as_of).assign(campaign_id=c.pk)
                                for c in campaigns], ignore_index=True)
        columns = ["campaign_id", "employee_id", "requirement_id", "status", "evidence", "evidence_date"]
        assert together[columns].to_dict("records") == one_by_one[columns].to_dict("records")
