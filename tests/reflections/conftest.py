"""An agency with two units: a learner and a peer in unit Y, the head of Y, the head of X, HR; a
running campaign whose first requirement asks for a reflection (rubric)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from org import roles
from reflections.models import GradingScheme, ReflectionPrompt
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit
from tests.learning.compliance_helpers import make_campaign, make_directive


@dataclass
class World:
    agency: object
    unit_x: object
    unit_y: object
    learner: object
    peer: object
    head_y: object
    head_x: object
    hr: object
    campaign: object
    d1: object
    d2: object
    prompt: ReflectionPrompt


@pytest.fixture
def world(db) -> World:
    agency = make_agency()
    unit_x = make_unit(agency, "PX", "Phòng Kế hoạch")
    unit_y = make_unit(agency, "PY", "Phòng Quản lý Công nghiệp")
    learner = EmployeeFactory(agency=agency, unit=unit_y, employee_code="SCT011", full_name="Nguyễn Thị Hồng Nhung")
    peer = EmployeeFactory(agency=agency, unit=unit_y, employee_code="SCT012", full_name="Trần Văn Bình")
    head_y = EmployeeFactory(agency=agency, unit=unit_y, employee_code="SCT010", full_name="Lê Quang Vinh")
    head_x = EmployeeFactory(agency=agency, unit=unit_x, employee_code="SCT020", full_name="Phạm Đức Hải")
    hr = EmployeeFactory(agency=agency, unit=agency, employee_code="SCT001", full_name="Võ Thị Thu")
    for person, role in ((learner, roles.LEARNER), (peer, roles.LEARNER), (head_y, roles.UNIT_HEAD),
                         (head_x, roles.UNIT_HEAD), (hr, roles.HR)):
        give_role(person.user, role)
    today = timezone.localdate()
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2], slug="hoc-tap-nam", start=today - dt.timedelta(days=30),
                             due=today + dt.timedelta(days=30))
    prompt = ReflectionPrompt.objects.create(campaign=campaign, directive=d1, scheme=GradingScheme.RUBRIC,
                                             instructions="Liên hệ với nhiệm vụ của phòng.")
    return World(agency, unit_x, unit_y, learner, peer, head_y, head_x, hr, campaign, d1, d2, prompt)


ESSAY = ("Sau khi học tập Quy định 23-QĐ/TW về công tác dân vận, tôi nhận thức rõ trách nhiệm của "
         "người cán bộ trong việc gần dân, hiểu dân, học dân và có trách nhiệm với dân. Tại Phòng Quản lý "
         "Công nghiệp, tôi sẽ chủ động lắng nghe ý kiến của doanh nghiệp, giải quyết hồ sơ đúng hạn, "
         "công khai quy trình và thái độ phục vụ tận tình.")
