"""Reading a lesson: opening starts the clock, the acknowledgement stops it; who may acknowledge."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from courses.models import LessonPage, LessonReading
from courses.selectors import lesson_readings_for, lessons_for_directives
from courses.services import (
    EmployeeInactive,
    LessonUnavailable,
    lesson_acknowledge,
    lesson_open,
    reading_cap_seconds,
)
from tests.courses import helpers
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

BUTTON = "Tôi đã đọc và hiểu nội dung bài học"
T0 = dt.datetime(2024, 5, 6, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def content():
    law = helpers.directive("10/2022/QH15", doc_type="luat", issued=dt.date(2022, 11, 10))
    decree = helpers.directive("59/2023/NĐ-CP", doc_type="nghi_dinh", issued=dt.date(2023, 8, 14))
    other = helpers.directive("42/2013/QH13", doc_type="luat", issued=dt.date(2013, 11, 25))
    course = helpers.course(directives=[law, decree])
    first = helpers.lesson(course, "Luật Thực hiện dân chủ ở cơ sở", directives=[law], minutes=20)
    second = helpers.lesson(course, "Nghị định 59", directives=[decree, law], minutes=10)
    helpers.lesson(course, "Bản nháp", directives=[other], live=False)
    return {"law": law, "decree": decree, "other": other, "course": course, "first": first, "second": second}


@pytest.fixture
def employee():
    return EmployeeFactory(full_name="Nguyễn Thị Hồng Nhung")


def test_acknowledge_records_reading_time_from_the_opening(content, employee):
    lesson = content["first"]
    lesson_open(lesson=lesson, employee=employee, now=T0)
    reading = lesson_acknowledge(lesson=lesson, employee=employee, now=T0 + dt.timedelta(minutes=12, seconds=30))
    assert (reading.opened_at, reading.acknowledged_at, reading.seconds_spent) == (
        T0, T0 + dt.timedelta(minutes=12, seconds=30), 750)
    assert reading.minutes_spent == 12


def test_reading_time_is_capped(content, employee):
    lesson = content["second"]  # 10 minutes: cap = max(3 × 10, 30) minutes
    assert reading_cap_seconds(lesson) == 30 * 60
    assert reading_cap_seconds(content["first"]) == 60 * 60
    lesson_open(lesson=lesson, employee=employee, now=T0)
    reading = lesson_acknowledge(lesson=lesson, employee=employee, now=T0 + dt.timedelta(hours=9))
    assert reading.seconds_spent == 30 * 60


def test_the_latest_opening_counts_and_a_second_acknowledgement_changes_nothing(content, employee):
    lesson = content["first"]
    lesson_open(lesson=lesson, employee=employee, now=T0)
    lesson_open(lesson=lesson, employee=employee, now=T0 + dt.timedelta(days=1))
    first = lesson_acknowledge(lesson=lesson, employee=employee, now=T0 + dt.timedelta(days=1, minutes=5))
    assert first.seconds_spent == 300
    lesson_open(lesson=lesson, employee=employee, now=T0 + dt.timedelta(days=2))
    again = lesson_acknowledge(lesson=lesson, employee=employee, now=T0 + dt.timedelta(days=2, minutes=1))
    assert (again.acknowledged_at, again.seconds_spent, again.opened_at) == (
        first.acknowledged_at, 300, T0 + dt.timedelta(days=1))
    assert LessonReading.objects.count() == 1


def test_opening_again_is_one_update_and_leaves_an_acknowledged_reading(content, employee,
                                                                      django_assert_num_queries):
    lesson = content["first"]
    first = lesson_open(lesson=lesson, employee=employee, now=T0)
    with django_assert_num_queries(1):
        again = lesson_open(lesson=lesson, employee=employee, now=T0 + dt.timedelta(hours=1))
    assert (again.pk, again.opened_at, again.acknowledged_at, again.seconds_spent) == (
        first.pk, T0 + dt.timedelta(hours=1), None, 0)
    lesson_acknowledge(lesson=lesson, employee=employee, now=T0 + dt.timedelta(hours=1, minutes=2))
    after = lesson_open(lesson=lesson, employee=employee, now=T0 + dt.timedelta(days=1))
    assert (after.opened_at, after.seconds_spent) == (T0 + dt.timedelta(hours=1), 120)
    assert LessonReading.objects.get().opened_at == T0 + dt.timedelta(hours=1)


def test_acknowledging_without_opening_counts_no_time(content, employee):
    reading = lesson_acknowledge(lesson=content["first"], employee=employee, now=T0)
    assert reading.acknowledged_at == T0 and reading.seconds_spent == 0 and reading.opened_at is None


def test_refusals(content, employee):
    content["first"].unpublish()
    with pytest.raises(LessonUnavailable):
        lesson_acknowledge(lesson=content["first"], employee=employee)
    employee.is_active = False
    employee.save()
    with pytest.raises(EmployeeInactive) as caught:
        lesson_acknowledge(lesson=content["second"], employee=employee)
    assert caught.value.code == "employee_inactive"
    assert not LessonReading.objects.exists()


def test_learner_opens_the_lesson_then_acknowledges_it(client, content, employee):
    lesson = content["first"]
    client.force_login(employee.user)
    page = client.get(lesson.url).content.decode()
    assert BUTTON in page and reverse("courses:lesson_acknowledge", args=[lesson.pk]) in page
    reading = LessonReading.objects.get(lesson=lesson, employee=employee)
    assert reading.opened_at is not None and reading.acknowledged_at is None
    LessonReading.objects.filter(pk=reading.pk).update(opened_at=timezone.now() - dt.timedelta(minutes=7))

    response = client.post(reverse("courses:lesson_acknowledge", args=[lesson.pk]))
    assert response.status_code == 302 and response.url == lesson.url
    reading.refresh_from_db()
    assert reading.acknowledged_at is not None and 7 * 60 <= reading.seconds_spent < 8 * 60
    assert reading.user == employee.user
    after = client.get(lesson.url).content.decode()
    assert BUTTON not in after and "Bạn đã xác nhận đọc và hiểu bài học này" in after
    assert "Thời gian đọc khoảng 7 phút" in after


def test_course_page_marks_read_lessons_and_sums_minutes(client, content, employee):
    lesson_acknowledge(lesson=content["first"], employee=employee, now=T0)
    client.force_login(employee.user)
    html = client.get(content["course"].url).content.decode()
    assert "tổng thời gian đọc khoảng 30 phút" in html
    assert "đã đọc ngày 06/05/2024" in html and "Bản nháp" not in html


def test_anonymous_visitor_reads_but_cannot_acknowledge(client, content):
    lesson = content["first"]
    html = client.get(lesson.url).content.decode()
    assert BUTTON not in html and "Đăng nhập" in html
    response = client.post(reverse("courses:lesson_acknowledge", args=[lesson.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not LessonReading.objects.exists()


def test_user_without_employee_record_gets_a_message_not_a_reading(client, content):
    lesson = content["first"]
    client.force_login(UserFactory(username="bien-tap"))
    assert BUTTON not in client.get(lesson.url).content.decode()
    response = client.post(reverse("courses:lesson_acknowledge", args=[lesson.pk]))
    assert response.status_code == 302
    assert "chưa gắn với hồ sơ cán bộ" in str(list(get_messages(response.wsgi_request))[0])
    assert not LessonReading.objects.exists()


def test_get_is_not_allowed_and_drafts_are_not_found(client, content, employee):
    client.force_login(employee.user)
    assert client.get(reverse("courses:lesson_acknowledge", args=[content["first"].pk])).status_code == 405
    draft = content["course"].get_children().get(title="Bản nháp")
    assert client.post(reverse("courses:lesson_acknowledge", args=[draft.pk])).status_code == 404


def test_lessons_for_directives_in_bulk(content, django_assert_max_num_queries):
    ids = [content["law"].pk, content["decree"].pk, content["other"].pk]
    with django_assert_max_num_queries(2):
        found = lessons_for_directives(ids)
    assert found == {
        content["law"].pk: [content["first"], content["second"]],
        content["decree"].pk: [content["second"]],
        content["other"].pk: [],  # its only lesson is a draft
    }


def test_lesson_readings_for_prefers_the_acknowledged_reading(content, employee):
    lesson_open(lesson=content["first"], employee=employee, now=T0)
    lesson_acknowledge(lesson=content["second"], employee=employee, now=T0 + dt.timedelta(minutes=3))
    readings = lesson_readings_for(employee, [content["law"].pk, content["decree"].pk, content["other"].pk])
    assert readings[content["law"].pk].lesson_id == content["second"].pk  # acknowledged wins over opened
    assert readings[content["decree"].pk].acknowledged
    assert readings[content["other"].pk] is None
    assert lesson_readings_for(None, [content["law"].pk]) == {content["law"].pk: None}
    someone_else = EmployeeFactory()
    assert lesson_readings_for(someone_else, [content["law"].pk]) == {content["law"].pk: None}


def test_editor_preview_renders_unsaved_changes_and_records_no_reading(client, content, employee):
    client.force_login(employee.user)
    original = RequestFactory().get("/", HTTP_COOKIE=f"sessionid={client.cookies['sessionid'].value}")
    lesson = LessonPage.objects.get(pk=content["first"].pk)
    lesson.title = "Bản xem trước của bài học"
    lesson.directives = [content["other"]]
    response = lesson.make_preview_request(original)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bản xem trước của bài học" in html and "42/2013/QH13" in html
    assert not LessonReading.objects.exists()


def _as_new_child(page, parent):
    """Place an unsaved page under `parent` as Wagtail's "preview on create" does."""
    page.depth = parent.depth + 1
    page.path = parent.get_last_child()._inc_path() if not parent.is_leaf() else page._get_path(parent.path, page.depth, 1)
    page.set_url_path(parent)
    return page


def test_previews_of_new_pages_render(content, employee):
    from courses.models import DirectivePage

    lesson = LessonPage(title="Bài mới chưa lưu", estimated_minutes=5)
    lesson.directives = [content["law"]]
    assert _as_new_child(lesson, content["course"]).make_preview_request().status_code == 200
    directive = DirectivePage(title="Văn bản mới", number="1/2024/NĐ-CP", doc_type="nghi_dinh", issuer="Chính phủ",
                              issue_date=dt.date(2024, 1, 1), subject="mới")
    assert _as_new_child(directive, helpers.library()).make_preview_request().status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_acknowledgements_record_one_reading():
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    law = helpers.directive("10/2022/QH15", doc_type="luat", issued=dt.date(2022, 11, 10))
    lesson = helpers.lesson(helpers.course(), "Luật", directives=[law])
    employee = EmployeeFactory()
    lesson_open(lesson=lesson, employee=employee, now=T0)

    def acknowledge(minutes):
        try:
            return lesson_acknowledge(lesson=lesson, employee=employee, now=T0 + dt.timedelta(minutes=minutes))
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        readings = list(pool.map(acknowledge, [5, 6, 7, 8]))
    assert LessonReading.objects.count() == 1
    stored = LessonReading.objects.get()
    assert {(r.acknowledged_at, r.seconds_spent) for r in readings} == {(stored.acknowledged_at, stored.seconds_spent)}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_openings_and_acknowledgements_keep_the_reading_whole():
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    lesson = helpers.lesson(helpers.course(), "Luật")
    employee = EmployeeFactory()

    def act(step):
        try:
            if step % 3 == 2:
                return lesson_acknowledge(lesson=lesson, employee=employee, now=T0 + dt.timedelta(minutes=20))
            return lesson_open(lesson=lesson, employee=employee, now=T0 + dt.timedelta(minutes=step))
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(act, range(12)))
    stored = LessonReading.objects.get()
    if stored.opened_at is not None:  # an opening came first: the time counts from the latest before the acknowledgement
        assert stored.seconds_spent == int((stored.acknowledged_at - stored.opened_at).total_seconds())


def test_course_page_offers_the_first_unread_lesson(client, content, employee):
    client.force_login(employee.user)
    assert "Bắt đầu học: Luật Thực hiện dân chủ ở cơ sở" in client.get(content["course"].url).content.decode()
    lesson_acknowledge(lesson=content["first"], employee=employee, now=T0)
    html = client.get(content["course"].url).content.decode()
    assert "Bắt đầu học: Nghị định 59" in html
    lesson_acknowledge(lesson=content["second"], employee=employee, now=T0)
    assert "Bắt đầu học" not in client.get(content["course"].url).content.decode()
