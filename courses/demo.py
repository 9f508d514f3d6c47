"""Demo content: the directive library of the 2024 plan, courses and lessons, as live Wagtail pages.

`seed_content(ctx)` is the `seed_demo` step; tests call `ensure_content()` directly. Idempotent:
a page that already exists (directive by number and issue date, others by slug) is left as the
editors made it, so re-running never duplicates or overwrites.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.demo import CONTENT, demo_step
from core.text import directive_key, fold, normalise_directive_number

from .demo_data import COURSES, DIRECTIVES
from .models import CourseIndexPage, CoursePage, DirectiveIndexPage, DirectivePage, DirectiveType, LessonPage

HOME_TITLE = "Học tập, quán triệt văn bản — Sở Công Thương Tây Ninh"
LIBRARY_SLUG = "van-ban"
LIBRARY_TITLE = "Thư viện văn bản"
LIBRARY_INTRO = (
    "Các văn bản chỉ đạo về công tác dân vận, cải cách hành chính, dân chủ ở cơ sở và tiếp công dân mà Kế hoạch "
    "năm 2024 của Sở Công Thương Tây Ninh yêu cầu cán bộ, công chức, viên chức học tập, quán triệt. Phần tóm tắt "
    "và bài học do nhóm xây dựng phần mềm biên soạn; bản gốc chưa được đính kèm vì nhóm không tải được văn bản "
    "từ nguồn phát hành chính thức. Cơ quan tải bản gốc lên tại mục “Văn bản gốc” của từng văn bản."
)
# Reading speed on a phone, in words (Vietnamese syllables) per minute; a lesson takes at least 3 minutes.
WORDS_PER_MINUTE = 200
MIN_READING_MINUTES = 3
COURSES_SLUG = "chuyen-de"
COURSES_TITLE = "Chuyên đề học tập"
COURSES_INTRO = "Bài học ngắn, đọc được trên điện thoại, giúp nắm nhanh nội dung chính của từng nhóm văn bản."
_WAGTAIL_DEFAULT_HOME_TITLE = "Welcome to your new Wagtail site!"


@dataclass
class ContentResult:
    directives_created: int = 0
    courses_created: int = 0
    lessons_created: int = 0

    def __str__(self) -> str:
        return (
            f"{self.directives_created} directives, {self.courses_created} courses, "
            f"{self.lessons_created} lessons created"
        )


@demo_step(CONTENT, 20)
def seed_content(ctx) -> str:
    return str(ensure_content())


def ensure_content() -> ContentResult:
    # The reference index is rebuilt once per new page at the end instead of on each of its saves.
    with disable_reference_index_auto_update():
        result, created = _ensure_pages()
    for page in created:
        ReferenceIndex.create_or_update_for_object(page)
    return result


def _ensure_pages() -> tuple[ContentResult, list[Page]]:
    result = ContentResult()
    created_pages: list[Page] = []
    home = ensure_home()
    library, _ = _ensure_child(home, DirectiveIndexPage, LIBRARY_SLUG, title=LIBRARY_TITLE, intro=LIBRARY_INTRO)
    by_number: dict[str, DirectivePage] = {}
    for row in DIRECTIVES:
        page, created = _ensure_directive(library, row)
        by_number[row["number"]] = page
        result.directives_created += created
        created_pages += [page] if created else []
    index, _ = _ensure_child(home, CourseIndexPage, COURSES_SLUG, title=COURSES_TITLE, intro=COURSES_INTRO)
    for course_row in COURSES:
        course, created = _ensure_child(
            index, CoursePage, course_row["slug"], title=course_row["title"], intro=course_row["intro"],
            directives=[by_number[n] for n in course_row["directives"]],
        )
        result.courses_created += created
        created_pages += [course] if created else []
        for lesson_row in course_row["lessons"]:
            lesson, created = _ensure_child(
                course, LessonPage, lesson_row["slug"], title=lesson_row["title"], intro=lesson_row["intro"],
                estimated_minutes=reading_minutes(lesson_row["intro"], lesson_row["body"]),
                body=blocks_from_text(lesson_row["body"]),
                directives=[by_number[n] for n in lesson_row["directives"]],
            )
            result.lessons_created += created
            created_pages += [lesson] if created else []
    return result, created_pages


def ensure_home() -> Page:
    """The default site's root page, retitled: "/" is the learner's Django page, so this page only
    anchors the library and the courses (and names the site in the admin explorer)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        home = _ensure_root().add_child(instance=Page(title=HOME_TITLE, slug="home"))
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME
        )
    home = site.root_page
    if home.title == _WAGTAIL_DEFAULT_HOME_TITLE:
        home.title = home.draft_title = HOME_TITLE
        home.save(update_fields=["title", "draft_title"])
    if not site.site_name:
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save(update_fields=["site_name"])
    return home


def _ensure_root() -> Page:
    """Wagtail's migrations create the tree root and the default locale; a database flushed by a
    transactional test has neither, so recreate them as those migrations do."""
    try:
        Locale.get_default()
    except Locale.DoesNotExist:
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def _publish_new(parent: Page, page: Page) -> Page:
    """Create `page` live with a first revision that is its live revision, as publishing does,
    in two saves instead of publish()'s three: the seed runs in every test that needs content."""
    page.live = True
    parent.add_child(instance=page)
    revision = page.save_revision(clean=False)
    now = timezone.now()
    Page.objects.filter(pk=page.pk).update(
        live_revision=revision, has_unpublished_changes=False, first_published_at=now, last_published_at=now
    )
    page.refresh_from_db(fields=["live_revision", "has_unpublished_changes", "first_published_at", "last_published_at"])
    return page


def _ensure_child(parent: Page, model, slug: str, *, directives=None, **fields) -> tuple[Page, bool]:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    if directives is not None:
        page.directives = directives
    return _publish_new(parent, page), True


def _ensure_directive(library: DirectiveIndexPage, row: dict) -> tuple[DirectivePage, bool]:
    issued = dt.date.fromisoformat(row["date"])
    existing = DirectivePage.objects.filter(number_key=directive_key(row["number"]), issue_date=issued).first()
    if existing is not None:
        return existing, False
    type_name = str(DirectiveType(row["type"]).label)
    page = DirectivePage(
        title=row.get("title") or f"{type_name} {row['number']} {row['subject']}",
        slug=_directive_slug(library, type_name, row["number"], issued),
        number=normalise_directive_number(row["number"]),
        doc_type=row["type"],
        issuer=row["issuer"],
        issue_date=issued,
        effective_date=dt.date.fromisoformat(row["effective"]) if row.get("effective") else None,
        subject=row["subject"],
        summary=row["summary"],
        body=blocks_from_text(row.get("body", "")),
    )
    page.tags.add(*row.get("tags", []))
    return _publish_new(library, page), True


def _directive_slug(library: Page, type_name: str, number: str, issued: dt.date) -> str:
    """"quyet-dinh-23-qd-tw"; the year is added when the number was reused."""
    slug = slugify(fold(f"{type_name} {number}").replace("/", "-"))
    if Page.objects.child_of(library).filter(slug=slug).exists():
        slug = f"{slug}-{issued.year}"
    return slug


def reading_minutes(*texts: str) -> int:
    """Minutes to read the demo markup `texts` on a phone: words at WORDS_PER_MINUTE, rounded half up,
    at least MIN_READING_MINUTES. Markup ("## ", "- ", "> ", <b>) is not counted."""
    plain = re.sub(r"<[^>]+>|^\s*(#{2,3}|>|-)\s", " ", "\n".join(texts), flags=re.MULTILINE)
    words = len(plain.split())
    return max(MIN_READING_MINUTES, int(words / WORDS_PER_MINUTE + 0.5))


def blocks_from_text(text: str) -> list[tuple[str, object]]:
    """BaseStreamBlock content from the light markup of demo_data: "## "/"### " headings, "> " quotes,
    "- " list items (one list per run), other lines joined into paragraphs (<b>/<i> kept)."""
    stream: list[tuple[str, object]] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            stream.append(("paragraph", RichText("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")))
            items.clear()
        if paragraph:
            stream.append(("paragraph", RichText(f"<p>{_inline(' '.join(paragraph))}</p>")))
            paragraph.clear()

    for raw in (text or "").strip().splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{2,3}) (.+)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            stream.append(("heading", {"text": heading.group(2), "size": "h2" if len(heading.group(1)) == 2 else "h3"}))
        elif line.startswith("> "):
            flush()
            stream.append(("quote", {"text": line[2:], "source": ""}))
        elif line.startswith("- "):
            if paragraph:
                flush()
            items.append(line[2:])
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return stream


def _inline(text: str) -> str:
    """Escape everything but the <b>, </b>, <i>, </i> tags the demo text uses."""
    escaped = html.escape(text, quote=False)
    return re.sub(r"&lt;(/?)(b|i)&gt;", r"<\1\2>", escaped)


# --- The sample lecture video ----------------------------------------------------------------

DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"
VIDEO_LESSON_SLUG = "luat-thuc-hien-dan-chu-o-co-so"  # 10/2022/QH15: required by the current demo campaign
VIDEO_SECONDS = 6


@demo_step(CONTENT, 25)
def seed_video(ctx) -> str:
    lesson = LessonPage.objects.filter(slug=VIDEO_LESSON_SLUG).first()
    if lesson is None or lesson.video_id:
        return "sample video: nothing to do"
    attach_demo_video(lesson, publish=True)
    return f'sample video attached to "{lesson.title}"'


def attach_demo_video(lesson: LessonPage, *, publish: bool = False, threshold: int = 90) -> LessonPage:
    """Give `lesson` the 6-second sample video (courses/demo_media), its poster and Vietnamese
    captions. Agencies upload their real lectures; this only shows the player and the recording."""
    from django.core.files import File
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    from org.services.documents import library_collection_ensure

    library = library_collection_ensure()  # lessons are shared content: their files are the library's

    def document(title: str, name: str) -> Document:
        with open(DEMO_MEDIA / name, "rb") as handle:
            return Document.objects.create(title=title, file=File(handle, name=name), collection=library)

    lesson.video = document("Bài giảng mẫu (video)", "bai-giang-mau.webm")
    lesson.video_captions = document("Bài giảng mẫu (phụ đề)", "bai-giang-mau.vtt")
    with open(DEMO_MEDIA / "bai-giang-mau.jpg", "rb") as handle:
        lesson.video_poster = Image.objects.create(title="Bài giảng mẫu (ảnh bìa)",
                                                   file=File(handle, name="bai-giang-mau.jpg"))
    lesson.video_duration, lesson.video_threshold = VIDEO_SECONDS, threshold
    if publish:
        lesson.save_revision(clean=False).publish()
    else:
        lesson.save()
    return lesson
