"""seed_demo --province --agencies N --employees M --seed S: a province TN of N agencies, the first
the demo's Sở Công Thương, M staff in all with the scale demo's activity, the campaign in every
agency; and province_report reads it."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from learning.models import Attendance, Campaign, Exemption
from org.models import Employee, OrgUnit, Province

pytestmark = pytest.mark.django_db


def test_province_demo(tmp_path):
    call_command("seed_demo", "--province", "--agencies", "4", "--employees", "240", "--seed", "3",
                 stdout=io.StringIO())
    province = Province.objects.get(code="TN")
    agencies = list(OrgUnit.objects.filter(depth=1, province=province).order_by("pk"))
    assert len(agencies) == 4 and agencies[0].code == "SCT"
    assert Employee.objects.filter(agency__province=province).count() == 240
    assert sorted(Employee.objects.filter(agency=a).count() for a in agencies) == [60, 60, 60, 60]
    assert Campaign.objects.filter(slug="dan-van-2024").count() == 4
    for agency in agencies:  # activity in every agency
        assert Attendance.objects.filter(employee__agency=agency).exists()
    assert Exemption.objects.filter(campaign__agency__in=agencies).exists()
    out = tmp_path / "tn.csv"
    call_command("province_report", "--province", "TN", "--campaign", "dan-van-2024", "--format", "csv",
                 "--out", str(out), "--as-of", "2024-12-31", stdout=io.StringIO())
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(line.split(",")[2] != "0" for line in lines[1:])
