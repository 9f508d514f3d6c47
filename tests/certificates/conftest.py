"""Scenario builders for certificate tests: an agency, a two-directive campaign, completers."""

from __future__ import annotations

import datetime as dt

import pytest
from wagtail.models import Page

from courses.models import DirectivePage
from learning.models import Campaign, Exemption, ManualEvidence, Requirement
from tests.factories import EmployeeFactory, make_agency, make_unit

D = dt.date
ISSUED = D(2023, 1, 1)
STUDIED = D(2024, 5, 10)


def wagtail_root() -> Page:
    """Transactional tests flush the tables, and with them the locale and root page that Wagtail's
    migrations made; directives need both."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    locale, _ = Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.objects.filter(depth=1).first()
    return root or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def make_directive(number: str, issue_date: dt.date = ISSUED) -> DirectivePage:
    page = DirectivePage(
        title=f"Văn bản {number}", number=number, doc_type="chi_thi", issuer="Ban Bí thư",
        issue_date=issue_date, subject=f"Về việc {number}",
    )
    wagtail_root().add_child(instance=page)
    return page


def make_campaign(agency, directives, slug="dan-van-2024") -> Campaign:
    campaign = Campaign.objects.create(
        agency=agency, slug=slug, year=2024, start=D(2024, 4, 1), due=D(2024, 10, 31),
        title="Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024",
    )
    for order, directive in enumerate(directives):
        Requirement.objects.create(campaign=campaign, directive=directive, order=order)
    return campaign


class Scenario:
    def __init__(self):
        self.agency = make_agency()
        self.unit = make_unit(self.agency, "VP", "Văn phòng Sở")
        self.directives = [make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")]
        self.campaign = make_campaign(self.agency, self.directives)

    def person(self, code: str, name: str = "Nguyễn Thị Hồng Nhung"):
        return EmployeeFactory(agency=self.agency, unit=self.unit, employee_code=code, full_name=name)

    def study(self, employee, directives=None, date: dt.date = STUDIED) -> None:
        for directive in directives if directives is not None else self.directives:
            ManualEvidence.objects.create(employee=employee, directive=directive, date=date)

    def exempt(self, employee) -> None:
        Exemption.objects.create(campaign=self.campaign, employee=employee, reason="Nghỉ thai sản")


@pytest.fixture
def scenario(db) -> Scenario:
    return Scenario()
