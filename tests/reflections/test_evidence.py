"""A reflection graded Đạt is evidence: the compliance table, the contract CSV, one person's
statuses and the learner page see it, dated on the submission; the learner page offers to write one."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core import evidence, exporters
from learning.selectors.compliance import compliance_table, employee_campaign_status
from reflections.services.grading import reflection_grade, reflection_return
from reflections.services.writing import reflection_save
from tests.reflections.conftest import ESSAY

pytestmark = pytest.mark.django_db


def _row(table, person, directive):
    return table[(table.requirement == directive.number) & (table.employee_code == person.employee_code)].iloc[0]


def test_passed_reflection_completes_the_requirement_dated_on_its_submission(world):
    submitted_on = timezone.localdate()
    reflection = reflection_save(campaign=world.campaign, directive=world.d1, actor=world.learner.user, text=ESSAY,
                                 submit=True)
    assert _row(compliance_table(campaign=world.campaign), world.learner, world.d1).status == "pending"
    later = timezone.now() + dt.timedelta(days=5)
    with time_machine.travel(later):
        reflection_grade(reflection=reflection, actor=world.head_y.user, passed=True)
        as_of = timezone.localdate()
        row = _row(compliance_table(campaign=world.campaign, as_of=as_of), world.learner, world.d1)
        assert (row.status, row.evidence, row.evidence_date) == ("completed", "reflection", submitted_on)
        text = exporters.get("compliance-csv").render(campaign=world.campaign, as_of=as_of).content.decode("utf-8-sig")
        rows = [r for r in csv.DictReader(io.StringIO(text)) if r["employee_code"] == world.learner.employee_code]
        assert [(r["requirement"], r["status"], r["evidence"], r["evidence_date"]) for r in rows] == [
            ("23-QĐ/TW", "completed", "reflection", submitted_on.isoformat()), ("33/CT-TTg", "pending", "", "")]
        (status,) = employee_campaign_status(employee=world.learner, as_of=as_of)
        assert [(i.status, i.evidence) for i in status.items] == [("completed", "reflection"), ("pending", "")]
    assert evidence.evidence_label("reflection") == "Bài thu hoạch"


def test_returned_or_failed_is_no_evidence(world):
    reflection = reflection_save(campaign=world.campaign, directive=world.d1, actor=world.learner.user, text=ESSAY,
                                 submit=True)
    reflection_return(reflection=reflection, actor=world.hr.user, comment="Sửa")
    assert _row(compliance_table(campaign=world.campaign), world.learner, world.d1).status == "pending"


def test_the_learner_page_offers_to_write_then_to_change_a_returned_one(client, world):
    client.force_login(world.learner.user)
    url = reverse("reflections:write", kwargs={"campaign_id": world.campaign.pk, "directive_id": world.d1.pk})
    html = client.get(reverse("home")).content.decode()
    assert f'href="{url}"' in html and "Viết bài thu hoạch" in html
    reflection = reflection_save(campaign=world.campaign, directive=world.d1, actor=world.learner.user, text=ESSAY,
                                 submit=True)
    reflection_return(reflection=reflection, actor=world.hr.user, comment="Sửa")
    assert "Sửa bài thu hoạch được trả lại" in client.get(reverse("home")).content.decode()
    reflection = reflection_save(campaign=world.campaign, directive=world.d1, actor=world.learner.user, text=ESSAY,
                                 submit=True)
    reflection_grade(reflection=reflection, actor=world.hr.user, passed=True)
    html = client.get(reverse("home")).content.decode()
    assert f'href="{url}"' not in html and "Bài thu hoạch ·" in html
