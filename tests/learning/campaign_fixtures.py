"""Builders shared by the campaign, exemption, evidence and home-page tests."""

from __future__ import annotations

import datetime as dt

from wagtail.models import Page

from courses.models import DirectiveIndexPage, DirectivePage

D = dt.date


def directive_index() -> DirectiveIndexPage:
    index = DirectiveIndexPage.objects.first()
    if index is None:
        index = DirectiveIndexPage(title="Thư viện văn bản", slug="van-ban")
        Page.objects.get(depth=1).add_child(instance=index)
    return index


def make_directive(number: str, issue_date: dt.date | None = None, doc_type: str = "chi_thi",
                   title: str | None = None) -> DirectivePage:
    page = DirectivePage(
        title=title or f"Văn bản {number}", slug=f"vb-{DirectivePage.objects.count() + 1}", number=number,
        doc_type=doc_type, issuer="Thủ tướng Chính phủ", issue_date=issue_date or D(2021, 7, 30), subject=f"Về việc {number}",
    )
    directive_index().add_child(instance=page)
    return page


def plan_directives() -> dict[str, DirectivePage]:
    """A few directives of the 2024 plan, including the reused number 16/CT-TTg."""
    return {
        "23-QĐ/TW": make_directive("23-QĐ/TW", D(2021, 7, 30), "quyet_dinh"),
        "33/CT-TTg": make_directive("33/CT-TTg", D(2021, 11, 26)),
        "16/CT-TTg@2016": make_directive("16/CT-TTg", D(2016, 5, 16)),
        "16/CT-TTg@2020": make_directive("16/CT-TTg", D(2020, 3, 31)),
        "59/2023/NĐ-CP": make_directive("59/2023/NĐ-CP", D(2023, 8, 14), "nghi_dinh"),
    }
