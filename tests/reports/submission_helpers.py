"""A province with two agencies, each with the year's criteria, bands, self-scores and a frozen
annual report: what a submission needs (shared by the service, view and browser tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from learning.models import Campaign
from org import roles
from org.services.agencies import agency_ensure
from org.services.provinces import province_ensure, province_officer_ensure
from reports.models import AnnualReport, RatingBand, ScoringCriterion, SelfScore, SelfScoreEvidence
from reports.services.annual_report import annual_report_freeze
from reports.services.scoring import dossier_for, self_score_save
from tests.factories import EmployeeFactory, UserFactory, give_role

YEAR = 2024
BANDS = (("Xuất sắc", 90), ("Tốt", 80), ("Khá", 65), ("Trung bình", 50), ("Kém", 0))


@dataclass
class World:
    province: object
    other_province: object
    agency_a: object
    agency_b: object
    hr_a: object
    hr_b: object
    officer: object
    stranger: object  # an officer of another province
    dossier_a: object
    report_a: object
    dossier_b: object
    report_b: object


def criteria_for(agency, scores=(Decimal("18"), Decimal("9.5"), Decimal("55"))):
    """1 (30 points: 1.1 of 20, 1.2 of 10) and 2 (70): three leaves, self-scored."""
    c1 = ScoringCriterion.objects.create(agency=agency, year=YEAR, code="1", order=1, max_points=30,
                                         text="Lãnh đạo, chỉ đạo công tác dân vận chính quyền")
    c11 = ScoringCriterion.objects.create(agency=agency, year=YEAR, code="1.1", order=2, max_points=20, parent=c1,
                                          text="Ban hành kế hoạch thực hiện Quy chế dân chủ ở cơ sở")
    c12 = ScoringCriterion.objects.create(agency=agency, year=YEAR, code="1.2", order=3, max_points=10, parent=c1,
                                          text="Học tập, quán triệt Quyết định 23-QĐ/TW")
    c2 = ScoringCriterion.objects.create(agency=agency, year=YEAR, code="2", order=4, max_points=70,
                                         text="Thực hiện dân chủ trong hoạt động của cơ quan")
    for rating, low in BANDS:
        RatingBand.objects.create(agency=agency, year=YEAR, rating=rating, min_points=low)
    return [c11, c12, c2], scores


def build_world() -> World:
    from wagtail.models import Collection

    if not Collection.objects.exists():  # a flushed database (browser tests) has no root collection
        Collection.add_root(name="Root")
    province, _ = province_ensure(code="TN", name="Tỉnh Tây Ninh")
    other, _ = province_ensure(code="BP", name="Tỉnh Bình Phước")
    agencies = []
    for code, name in (("SCT", "Sở Công Thương Tây Ninh"), ("SYT", "Sở Y tế Tây Ninh")):
        agencies.append(agency_ensure(code=code, name=name, province=province)[0])
    hrs, dossiers, reports = [], [], []
    for agency, code in zip(agencies, ("HRA", "HRB"), strict=True):
        employee = EmployeeFactory(agency=agency, unit=agency, employee_code=code,
                                   full_name=f"Văn phòng {agency.code}")
        give_role(employee.user, roles.HR)
        hrs.append(employee.user)
        leaves, scores = criteria_for(agency)
        document = Document(title=f"Kế hoạch dân vận {agency.code}")
        document.file.save(f"ke-hoach-{agency.code}.pdf", ContentFile(b"%PDF-1.4 ke hoach"), save=False)
        document.save()
        for criterion, points in zip(leaves, scores, strict=True):
            score = self_score_save(score=SelfScore(criterion=criterion, points=points, comment="Đã thực hiện đầy đủ"),
                                    actor=employee.user)
            SelfScoreEvidence.objects.create(score=score, document=document)
        campaign = Campaign.objects.create(agency=agency, slug="dan-van-2024", title="Dân vận chính quyền 2024",
                                           year=YEAR, start=dt.date(2024, 3, 1), due=dt.date(2024, 10, 31))
        report = AnnualReport.objects.create(campaign=campaign, number=f"45/BC-{agency.code}",
                                             as_of=dt.date(2024, 10, 25))
        reports.append(annual_report_freeze(report=report, actor=employee.user))
        dossiers.append(dossier_for(agency=agency, year=YEAR))
    officer = UserFactory(username="sonoivu")
    province_officer_ensure(user=officer, province=province, body="Sở Nội vụ")
    stranger = UserFactory(username="snvbp")
    province_officer_ensure(user=stranger, province=other, body="Sở Nội vụ")
    return World(province=province, other_province=other, agency_a=agencies[0], agency_b=agencies[1],
                 hr_a=hrs[0], hr_b=hrs[1], officer=officer, stranger=stranger, dossier_a=dossiers[0],
                 report_a=reports[0], dossier_b=dossiers[1], report_b=reports[1])
