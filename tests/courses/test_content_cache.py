"""Published content cached per content version (courses.content_cache, issue 17 item 2): read
without a query once built, rebuilt after publish, unpublish, a move or a deletion — also when
another process bumped the version — and the learner pages' queries do not grow with the content."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from courses import content_cache
from courses.search import directive_facets
from courses.selectors import course_lessons, lessons_for_directives
from tests.courses import helpers
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    law = helpers.directive("10/2022/QH15", doc_type="luat", issued=dt.date(2022, 11, 10))
    decree = helpers.directive("59/2023/NĐ-CP", doc_type="nghi_dinh", issued=dt.date(2023, 8, 14))
    course = helpers.course(directives=[law, decree])
    first = helpers.lesson(course, "Luật Thực hiện dân chủ ở cơ sở", directives=[law], minutes=20)
    second = helpers.lesson(course, "Nghị định 59", directives=[decree, law], minutes=10)
    return {"law": law, "decree": decree, "course": course, "first": first, "second": second}


def titles(found, directive) -> list[str]:
    return [lesson.title for lesson in found[directive.pk]]


def test_built_once_then_read_without_a_query(content, django_assert_num_queries):
    law = content["law"]
    assert titles(lessons_for_directives([law.pk]), law) == ["Luật Thực hiện dân chủ ở cơ sở", "Nghị định 59"]
    course_lessons(content["course"]), directive_facets()
    with django_assert_num_queries(0):  # the test cache is in memory: no query at all
        again = lessons_for_directives([law.pk])
        course_lessons(content["course"]), directive_facets()
    assert titles(again, law) == ["Luật Thực hiện dân chủ ở cơ sở", "Nghị định 59"]


def test_callers_get_their_own_copies(content):
    law = content["law"]
    lessons_for_directives([law.pk])[law.pk][0].reading = "someone's reading"
    course_lessons(content["course"])[0].reading = "someone's reading"
    assert not hasattr(lessons_for_directives([law.pk])[law.pk][0], "reading")
    assert not hasattr(course_lessons(content["course"])[0], "reading")


def test_publish_and_unpublish_change_what_is_read(content, django_capture_on_commit_callbacks):
    law, course = content["law"], content["course"]
    assert len(lessons_for_directives([law.pk])[law.pk]) == 2
    draft = helpers.lesson(course, "Bài mới", directives=[law], live=False)
    assert len(lessons_for_directives([law.pk])[law.pk]) == 2  # a draft is not content yet
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()  # Wagtail's page_published
    assert titles(lessons_for_directives([law.pk]), law)[-1] == "Bài mới"
    assert [lesson.title for lesson in course_lessons(course)][-1] == "Bài mới"
    with django_capture_on_commit_callbacks(execute=True):
        content["first"].unpublish()  # page_unpublished
    assert titles(lessons_for_directives([law.pk]), law) == ["Nghị định 59", "Bài mới"]
    assert "Luật Thực hiện dân chủ ở cơ sở" not in [lesson.title for lesson in course_lessons(course)]
    types_before = [t[0] for t in directive_facets().types]
    with django_capture_on_commit_callbacks(execute=True):
        content["decree"].unpublish()
    assert [t[0] for t in directive_facets().types] == [t for t in types_before if t != "nghi_dinh"]


def test_a_deleted_or_moved_page_is_forgotten(content):
    law, course = content["law"], content["course"]
    assert len(lessons_for_directives([law.pk])[law.pk]) == 2
    Page.objects.get(pk=content["second"].pk).delete()
    assert titles(lessons_for_directives([law.pk]), law) == ["Luật Thực hiện dân chủ ở cơ sở"]
    other = helpers.course("Chuyên đề khác")
    content["first"].move(other, pos="last-child")
    assert course_lessons(course) == [] and [p.title for p in course_lessons(other)] == ["Luật Thực hiện dân chủ ở cơ sở"]


def test_another_process_publishing_is_seen(content, django_assert_max_num_queries):
    """Another worker bumps the shared version: this process rebuilds instead of serving its copy."""
    law = content["law"]
    lessons_for_directives([law.pk])
    LessonPage = type(content["first"])
    LessonPage.objects.filter(pk=content["first"].pk).update(live=False)  # no signal in this process
    assert len(lessons_for_directives([law.pk])[law.pk]) == 2  # still this process's version
    cache.incr(content_cache.VERSION_KEY)  # what the other worker's receiver did
    assert titles(lessons_for_directives([law.pk]), law) == ["Nghị định 59"]


# --- queries of the learner pages do not grow with the content (no N+1) --------------------------


def _queries(client, url) -> int:
    client.get(url)  # content cached, as after the first visitor
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_library_and_lesson_queries_do_not_grow_with_the_content(client, content):
    client.force_login(EmployeeFactory().user)
    library, lesson = helpers.library().url, content["second"].url
    few = (_queries(client, library), _queries(client, lesson), _queries(client, content["course"].url))
    for number in range(6):
        directive = helpers.directive(f"{number + 1}/CT-TTg", doc_type="chi_thi", tags=(f"chu-de-{number}",))
        helpers.lesson(content["course"], f"Bài {number}", directives=[directive, content["law"]])
    many = (_queries(client, library), _queries(client, lesson), _queries(client, content["course"].url))
    assert many == few


def test_page_urls_are_cached_until_a_page_or_site_changes(content, rf):
    from django.template import Context, Template
    from wagtail.models import Site

    lesson = content["first"]
    template = Template("{% load content_urls %}{% content_pageurl lesson %}")

    def url():
        request = rf.get("/", HTTP_HOST="localhost")
        return template.render(Context({"request": request, "lesson": lesson}))

    before = url()
    assert before == lesson.get_url()
    Page.objects.filter(pk=lesson.pk).update(url_path="/khac/")  # no signal: the cached URL stays
    assert url() == before
    lesson.refresh_from_db()
    lesson.slug = "doi-ten"
    lesson.save()  # a save bumps the content version
    assert url() == lesson.get_url() and url().endswith("/doi-ten/")
    version = content_cache.content_version()
    Site.objects.get(is_default_site=True).save()  # a site's host or root decides the URLs too
    assert content_cache.content_version() > version
