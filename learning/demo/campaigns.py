"""Demo campaigns: `dan-van-2024` (every directive of the 2024 plan, in plan order) and a small
current campaign for 2026, plus a few exemptions and manual records for the full demo.

Everything goes through the services (so the demo's audit log looks like real use) and is idempotent:
loading the same campaign again changes nothing; exemptions and records are only added when absent.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from core.demo import ACTIVITY, CONTENT, demo_step
from courses.demo_data import DIRECTIVES
from courses.selectors import directive_resolve
from learning.models import Campaign, ManualEvidence
from learning.services.campaigns import campaign_load
from learning.services.evidence import manual_evidence_record
from learning.services.exemptions import exemption_grant
from org.models import Employee

DAN_VAN_2024 = "dan-van-2024"
CURRENT_2026 = "chuyen-de-2026"

# The plan's 2024 reports are due 01/11/2024: staff must have studied by the day before.
DAN_VAN_YAML = """\
slug: dan-van-2024
title: Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024
start: 2024-04-01
due: 2024-10-31
requirements:
{requirements}"""

# A current campaign, so that "Việc học của tôi" has something pending in the demo (today: 26/11/2026).
CURRENT_YAML = """\
slug: chuyen-de-2026
title: Học tập chuyên đề năm 2026
start: 2026-10-01
due: 2026-12-31
audience:
  categories: [can_bo, cong_chuc, vien_chuc]
requirements:
  - directive: 59/2023/NĐ-CP
  - directive: 10/2022/QH15
  - directive: 33/CT-TTg
"""

# (employee code, campaign, reason)
EXEMPTIONS = [
    ("SCT0024", DAN_VAN_2024, "Nghỉ thai sản từ 01/03/2024 đến 31/08/2024"),
    ("SCT0047", DAN_VAN_2024, "Biệt phái sang Sở Nội vụ từ tháng 5/2024"),
    ("SCT0047", CURRENT_2026, "Đi học tập trung dài hạn tại Học viện Chính trị khu vực II"),
]
# (employee code, directive number, date, note): studied outside the system, confirmed by HR.
MANUAL_RECORDS = [
    ("SCT0021", "23-QĐ/TW", dt.date(2024, 5, 20), "Học tập tại Hội nghị Đảng ủy khối cơ quan, có biên bản"),
    ("SCT0021", "33/CT-TTg", dt.date(2024, 5, 20), "Học tập tại Hội nghị Đảng ủy khối cơ quan, có biên bản"),
    ("SCT0035", "10/2022/QH15", dt.date(2024, 11, 8), "Lớp bồi dưỡng tại Trường Chính trị tỉnh (nộp muộn)"),
    ("SCT0011", "59/2023/NĐ-CP", dt.date(2026, 10, 15), "Lớp bồi dưỡng Luật Thực hiện dân chủ ở cơ sở của tỉnh"),
]
HR_LOGIN = "vanphong"


def _plan_requirements() -> str:
    # number@date: unambiguous even if the library later gains another 16/CT-TTg.
    return "".join(f"  - directive: {row['number']}@{row['date']}\n" for row in DIRECTIVES)


@demo_step(CONTENT, 40)
def seed_campaigns(ctx) -> str:
    said = []
    for text in (DAN_VAN_YAML.format(requirements=_plan_requirements()), CURRENT_YAML):
        said.append(campaign_load(agency=ctx.agency, data=text, actor=None).summary())
    return "; ".join(said)


def _hr_user():
    return get_user_model().objects.filter(username=HR_LOGIN).first()


@demo_step(ACTIVITY, 30)
def seed_evidence(ctx) -> str:
    actor = _hr_user()
    staff = {e.employee_code: e for e in Employee.objects.filter(agency=ctx.agency)}
    campaigns = {c.slug: c for c in Campaign.objects.filter(agency=ctx.agency)}
    exempted = recorded = 0
    for code, slug, reason in EXEMPTIONS:
        if code in staff and slug in campaigns:
            _, changed = exemption_grant(campaign=campaigns[slug], employee=staff[code], reason=reason, actor=actor)
            exempted += changed
    for code, number, day, note in MANUAL_RECORDS:
        directive = directive_resolve(number)
        employee = staff.get(code)
        if employee is None or ManualEvidence.objects.filter(employee=employee, directive=directive, date=day).exists():
            continue
        manual_evidence_record(employee=employee, directive=directive, date=day, note=note, actor=actor)
        recorded += 1
    return f"{exempted} exemptions, {recorded} manual records added"
