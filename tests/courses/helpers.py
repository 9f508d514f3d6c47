"""Small page builders for the courses tests (the full demo seed is `courses.demo.ensure_content`)."""

from __future__ import annotations

import datetime as dt

from courses.demo import ensure_home
from courses.models import CourseIndexPage, CoursePage, DirectiveIndexPage, DirectivePage, LessonPage


def library() -> DirectiveIndexPage:
    existing = DirectiveIndexPage.objects.first()
    if existing:
        return existing
    page = DirectiveIndexPage(title="Thư viện văn bản", slug="van-ban")
    ensure_home().add_child(instance=page)
    return page


def course_index() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    page = CourseIndexPage(title="Chuyên đề học tập", slug="chuyen-de")
    ensure_home().add_child(instance=page)
    return page


def directive(number: str, *, doc_type: str = "quyet_dinh", issued: dt.date = dt.date(2021, 7, 30),
              issuer: str = "Ban Chấp hành Trung ương", subject: str = "về một nội dung", title: str | None = None,
              summary: str = "", tags: tuple[str, ...] = (), live: bool = True, body=None) -> DirectivePage:
    page = DirectivePage(
        title=title or f"Văn bản {number}", number=number, doc_type=doc_type, issue_date=issued, issuer=issuer,
        subject=subject, summary=summary, live=live, body=body or [],
    )
    page.tags.add(*tags)
    library().add_child(instance=page)
    return page


def course(title: str = "Chuyên đề dân vận", directives=()) -> CoursePage:
    page = CoursePage(title=title)
    page.directives = list(directives)
    course_index().add_child(instance=page)
    return page


def lesson(parent: CoursePage, title: str = "Bài học", *, directives=(), minutes: int = 10, intro: str = "",
           body=None, live: bool = True) -> LessonPage:
    page = LessonPage(title=title, estimated_minutes=minutes, intro=intro, body=body or [], live=live)
    page.directives = list(directives)
    parent.add_child(instance=page)
    return page


def video_lesson(parent: CoursePage, title: str = "Bài giảng có video", *, directives=(), threshold: int = 90,
                 live: bool = True) -> LessonPage:
    """A lesson with the 6-second sample video (courses.demo.attach_demo_video)."""
    from courses.demo import attach_demo_video

    return attach_demo_video(lesson(parent, title, directives=directives, live=live), threshold=threshold)
