"""The demo library: every directive of the 2024 plan, exactly numbered, live; idempotent."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from wagtail.models import Locale, Page, Site

from core.demo import DemoContext
from courses.blocks import stream_plain_text
from courses.demo import HOME_TITLE, ensure_content, reading_minutes, seed_content
from courses.demo_data import COURSES, DIRECTIVES
from courses.models import CourseIndexPage, CoursePage, DirectiveIndexPage, DirectivePage, LessonPage

pytestmark = pytest.mark.django_db

DOMAIN_FILE = Path(__file__).resolve().parents[3] / "shared" / "domain" / "directives-2024.md"
TYPES = {
    "Quyết định": "quyet_dinh", "Chỉ thị": "chi_thi", "Kết luận": "ket_luan", "Luật": "luat",
    "Nghị định": "nghi_dinh", "Nghị quyết": "nghi_quyet", "Quy định": "quy_dinh", "Kế hoạch": "ke_hoach",
    "Công văn": "cong_van",
}



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


def test_every_directive_has_a_body_and_is_taught_by_a_live_lesson_with_real_content():
    ensure_content()
    for page in DirectivePage.objects.live():
        assert len(page.body) >= 3 and [b.block_type for b in page.body].count("heading") >= 2, page.number
        lessons = LessonPage.objects.live().filter(directives=page)
        assert lessons.exists(), page.number
        for lesson in lessons:
            kinds = [block.block_type for block in lesson.body]
            assert kinds.count("heading") >= 3 and kinds.count("paragraph") >= 3, (page.number, lesson.slug)
            assert page.number in lesson.title or page.number in lesson.intro, (page.number, lesson.slug)
    taught = {n for course in COURSES for lesson in course["lessons"] for n in lesson["directives"]}
    assert taught == {row["number"] for row in DIRECTIVES}
    for course in COURSES:  # a course lists every directive its lessons teach
        assert {n for lesson in course["lessons"] for n in lesson["directives"]} <= set(course["directives"])


def test_reading_minutes_counts_words_at_200_a_minute_with_a_floor_of_three():
    assert reading_minutes("") == 3
    assert reading_minutes(" ".join(["chữ"] * 699)) == 3
    assert reading_minutes(" ".join(["chữ"] * 700)) == 4  # 3.5 rounds up
    assert reading_minutes(" ".join(["chữ"] * 1000)) == 5
    # 2 + 2 + 3 × 332 = 1000 words: "## ", "- ", "> " and <b> are not words
    assert reading_minutes("## Tiêu đề", "- <b>một</b> hai", "\n".join(["> ba bốn năm"] * 332)) == 5
    assert reading_minutes("## Tiêu đề", "- <b>một</b> hai", "\n".join(["> ba bốn năm"] * 298)) == 4  # 898 words


def test_lesson_reading_times_follow_the_text_not_a_guess():
    ensure_content()
    lessons = {lesson.slug: lesson for lesson in LessonPage.objects.live()}
    for course in COURSES:
        for row in course["lessons"]:
            lesson = lessons[row["slug"]]
            assert lesson.estimated_minutes == reading_minutes(row["intro"], row["body"]), row["slug"]
            # the same order of magnitude from the published page's own text
            words = len(f"{lesson.intro} {stream_plain_text(lesson.body)}".split())
            assert abs(max(3, words / 200) - lesson.estimated_minutes) < 1, (row["slug"], words)


def test_unverified_documents_say_so_and_summaries_avoid_the_old_wording():
    ensure_content()
    for row in DIRECTIVES:
        page = DirectivePage.objects.get(number=row["number"])
        text = stream_plain_text(page.body)
        if row.get("unverified"):
            assert "chưa được đối chiếu với bản gốc" in text and "bản gốc" in page.summary, row["number"]
    law = DirectivePage.objects.get(number="10/2022/QH15")
    assert "được biết" in law.summary and "được công khai thông tin" not in law.summary


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
    assert (first.directives_created, first.courses_created, first.lessons_created) == (19, 4, 12)
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
