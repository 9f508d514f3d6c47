"""Pieces of the library and lesson pages rendered once per content version (`{% content_fragment %}`)
and lessons routed from the content cache (`CachedRouteMixin`): what an editor publishes shows at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.courses import helpers
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def paragraph(text: str) -> list:
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def learner_client(client):
    client.force_login(EmployeeFactory().user)
    return client


def test_library_shows_a_published_directive_at_once(learner_client, django_capture_on_commit_callbacks):
    helpers.directive("10/2022/QH15", title="Luật Thực hiện dân chủ ở cơ sở")
    library = helpers.library()
    assert "Luật Thực hiện dân chủ ở cơ sở" in learner_client.get(library.url).content.decode()
    draft = helpers.directive("59/2023/NĐ-CP", title="Nghị định hướng dẫn", live=False)
    assert "Nghị định hướng dẫn" not in learner_client.get(library.url).content.decode()  # cached, and a draft
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    page = learner_client.get(library.url).content.decode()
    assert "Nghị định hướng dẫn" in page and "2 văn bản" in page


def test_library_filters_are_not_served_from_the_fragment(learner_client):
    helpers.directive("10/2022/QH15", title="Luật Thực hiện dân chủ ở cơ sở", doc_type="luat")
    helpers.directive("33/CT-TTg", title="Chỉ thị về dân vận", doc_type="chi_thi")
    library = helpers.library()
    learner_client.get(library.url)  # the unfiltered listing cached
    page = learner_client.get(library.url, {"type": "chi_thi"}).content.decode()
    assert "Chỉ thị về dân vận" in page and "Luật Thực hiện dân chủ ở cơ sở" not in page


def test_library_fragment_served_without_search_queries(learner_client):
    for number in range(3):
        helpers.directive(f"{number + 1}/CT-TTg", doc_type="chi_thi")
    library = helpers.library()
    learner_client.get(library.url)
    with CaptureQueriesContext(connection) as queries:
        assert learner_client.get(library.url).status_code == 200
    assert not any("courses_directivepage" in q["sql"] for q in queries.captured_queries)


def test_lesson_body_and_route_follow_publication(learner_client, django_capture_on_commit_callbacks):
    course = helpers.course()
    lesson = helpers.lesson(course, "Bài một", body=paragraph("Nội dung cũ của bài học"))
    assert "Nội dung cũ của bài học" in learner_client.get(lesson.url).content.decode()
    lesson.body = paragraph("Nội dung mới: dân chủ ở cơ sở")
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    page = learner_client.get(lesson.url).content.decode()
    assert "Nội dung mới: dân chủ ở cơ sở" in page and "Nội dung cũ" not in page
    old_url = lesson.url
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    assert learner_client.get(old_url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    other = helpers.course("Chuyên đề khác")
    lesson.move(other, pos="last-child")
    lesson.refresh_from_db()
    assert learner_client.get(old_url).status_code == 301  # Wagtail's redirect, not the cached page
    assert learner_client.get(lesson.url).status_code == 200


def test_lesson_routed_from_the_cache(learner_client):
    lesson = helpers.lesson(helpers.course(), "Bài một")
    learner_client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        assert learner_client.get(lesson.url).status_code == 200
    assert not any('"courses_lessonpage"."body"' in q["sql"] for q in queries.captured_queries)
    assert learner_client.get(lesson.url + "khong-co/").status_code == 404


def test_a_document_or_image_save_bumps_the_content_version():
    from wagtail.documents import get_document_model

    from courses import content_cache

    before = content_cache.content_version()
    get_document_model().objects.create(title="Văn bản gốc", file="documents/a.pdf")
    assert content_cache.content_version() > before


def test_previews_render_afresh(rf):
    from django.template import Context, Template

    template = Template('{% load content_urls %}{% content_fragment "x" 1 %}{{ text }}{% endcontent_fragment %}')
    request = rf.get("/", HTTP_HOST="localhost")
    assert template.render(Context({"request": request, "text": "một"})) == "một"
    assert template.render(Context({"request": request, "text": "hai"})) == "một"  # same version and key
    request.is_preview = True
    assert template.render(Context({"request": request, "text": "hai"})) == "hai"


def test_view_restrictions_of_a_routed_lesson_follow_their_changes(learner_client, django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    course = helpers.course()
    lesson = helpers.lesson(course, "Bài một")
    learner_client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        assert learner_client.get(lesson.url).status_code == 200
    assert not any("wagtailcore_pageviewrestriction" in q["sql"] for q in queries.captured_queries)
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=course, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert 'name="password"' in learner_client.get(lesson.url).content.decode()  # the form, not the lesson
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert 'name="password"' not in learner_client.get(lesson.url).content.decode()


def test_the_admin_reads_a_routed_pages_restrictions_afresh(learner_client):
    from wagtail.models import PageViewRestriction

    from courses.models import LessonPage

    lesson = helpers.lesson(helpers.course(), "Bài một")
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)
    routed = LessonPage.objects.get(pk=lesson.pk)
    routed._routed_content_version = 1
    assert [r.restriction_type for r in routed.get_view_restrictions()] == ["login"]
    assert routed.get_view_restrictions().order_by("-page__depth").count() == 1  # a clone: read again
