"""The demo library: every directive of the 2024 plan, exactly numbered, live; idempotent."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from wagtail.models import Locale, Page, Site

from courses.demo import HOME_TITLE, ensure_content, seed_content
from courses.models import CourseIndexPage, CoursePage, DirectiveIndexPage, DirectivePage, LessonPage
from learning.demo import DemoContext

pytestmark = pytest.mark.django_db

DOMAIN_FILE = Path(__file__).resolve().parents[3] / "shared" / "domain" / "directives-2024.md"
TYPES = {
    "Quyết định": "quyet_dinh", "Chỉ thị": "chi_thi", "Kết luận": "ket_luan", "Luật": "luat",
    "Nghị định": "nghi_dinh", "Nghị quyết": "nghi_quyet", "Quy định": "quy_dinh", "Kế hoạch": "ke_hoach",
    "Công văn": "cong_van",
}
MAIN = ["23-QĐ/TW", "33/CT-TTg", "10/2022/QH15", "59/2023/NĐ-CP", "76/NQ-CP", "114-KL/TW", "120-KL/TW",
        "42/2013/QH13"]


def plan_rows() -> list[dict]:
    if not DOMAIN_FILE.exists():
        pytest.skip(f"domain file not found: {DOMAIN_FILE}")
    rows = []
    for line in DOMAIN_FILE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] in {"number", "---"} or set(cells[0]) <= {"-"}:
            continue
        number, kind, issuer, date, subject, _section = cells
        day = dt.datetime.strptime(date[:10], "%d/%m/%Y").date()
        force = re.search(r"in force (\d\d/\d\d/\d{4})", date)
        rows.append({
            "number": number, "type": TYPES[kind], "issuer": issuer, "date": day,
            "effective": dt.datetime.strptime(force.group(1), "%d/%m/%Y").date() if force else None,
            "subject": subject.replace(" (unverified)", ""),
        })
    return rows


def test_every_directive_of_the_plan_is_a_live_page_with_its_exact_metadata():
    rows = plan_rows()
    assert len(rows) == 19
    ensure_content()
    pages = {p.number: p for p in DirectivePage.objects.live()}
    assert set(pages) == {row["number"] for row in rows}
    for row in rows:
        page = pages[row["number"]]
        assert (page.doc_type, page.issuer, page.issue_date, page.effective_date, page.subject) == (
            row["type"], row["issuer"], row["date"], row["effective"], row["subject"]
        ), row["number"]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", page.summary) if s]
        assert 3 <= len(sentences) <= 6, (row["number"], len(sentences))
        assert page.tags.exists(), row["number"]
        assert page.get_url() and page.get_latest_revision() is not None


def test_main_directives_have_a_body_and_a_live_lesson_with_real_content():
    ensure_content()
    for number in MAIN:
        page = DirectivePage.objects.get(number=number)
        assert len(page.body) >= 2, number
        lessons = LessonPage.objects.live().filter(directives=page)
        assert lessons.exists(), number
        lesson = lessons.first()
        kinds = [block.block_type for block in lesson.body]
        assert kinds.count("heading") >= 3 and kinds.count("paragraph") >= 3, number
        assert lesson.estimated_minutes >= 5


def test_tree_home_library_and_courses():
    ensure_content()
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    assert home.title == HOME_TITLE
    library = DirectiveIndexPage.objects.get()
    assert (library.slug, library.title, library.get_parent().pk) == ("van-ban", "Thư viện văn bản", home.pk)
    assert library.url == "/van-ban/"
    index = CourseIndexPage.objects.get()
    assert (index.slug, index.title) == ("chuyen-de", "Chuyên đề học tập")
    assert CoursePage.objects.child_of(index).live().count() == 4
    assert DirectivePage.objects.get(number="23-QĐ/TW").url == "/van-ban/quyet-dinh-23-qd-tw/"


def test_idempotent_and_leaves_editors_changes_alone():
    first = ensure_content()
    assert first.directives_created == 19 and first.lessons_created >= 8
    page = DirectivePage.objects.get(number="33/CT-TTg")
    page.summary = "Tóm tắt do biên tập viên sửa."
    page.save_revision().publish()
    counts = (Page.objects.count(), DirectivePage.objects.count(), LessonPage.objects.count())
    ctx = DemoContext()
    message = seed_content(ctx)
    assert message == "0 directives, 0 courses, 0 lessons created"
    assert (Page.objects.count(), DirectivePage.objects.count(), LessonPage.objects.count()) == counts
    assert DirectivePage.objects.get(number="33/CT-TTg").summary == "Tóm tắt do biên tập viên sửa."


def test_works_on_a_database_flushed_by_a_transactional_test():
    Site.objects.all().delete()
    Page.objects.all().delete()
    Locale.objects.all().delete()
    ensure_content()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.get_parent().depth == 1
    assert DirectivePage.objects.live().count() == 19
    assert DirectivePage.objects.get(number="23-QĐ/TW").url == "/van-ban/quyet-dinh-23-qd-tw/"
