"""The lesson video over HTTP: the file with byte ranges (200/206/304/416, headers), who may fetch
it, the captions, the heartbeat view, and the player on the lesson page (poster, captions, CSP)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from core.ranges import Unsatisfiable, parse_range
from courses.demo import DEMO_MEDIA
from courses.models import VideoProgress
from tests.courses import helpers
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

VIDEO = (DEMO_MEDIA / "bai-giang-mau.webm").read_bytes()
SIZE = len(VIDEO)


@pytest.mark.parametrize(("header", "span"), [
    ("bytes=0-99", (0, 99)), ("bytes=100-", (100, 999)), ("bytes=-10", (990, 999)), ("bytes=900-5000", (900, 999)),
    ("bytes=-5000", (0, 999)), ("bytes=5-2", None), ("bytes=0-1,5-9", None), ("items=0-1", None), ("bytes=-", None),
])
def test_parse_range(header, span):
    assert parse_range(header, 1000) == span


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=2000-3000", "bytes=-0"])
def test_unsatisfiable_ranges(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, 1000)


@pytest.fixture
def lesson():
    return helpers.video_lesson(helpers.course(), "Bài giảng", directives=[helpers.directive("10/2022/QH15")])


@pytest.fixture
def learner(client):
    person = EmployeeFactory(full_name="Lê Thị Hoa")
    client.force_login(person.user)
    return person


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_whole_file_with_range_support_announced(client, learner, lesson):
    response = client.get(reverse("courses:lesson_video", args=[lesson.pk]))
    assert response.status_code == 200 and body(response) == VIDEO
    assert response["Content-Type"] == "video/webm" and response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(SIZE) and response["Cache-Control"] == "private, max-age=86400"
    assert response["ETag"] and response["X-Content-Type-Options"] == "nosniff"


def test_a_range_gets_206_with_its_bytes(client, learner, lesson):
    url = reverse("courses:lesson_video", args=[lesson.pk])
    response = client.get(url, HTTP_RANGE="bytes=100-1123")
    assert response.status_code == 206 and body(response) == VIDEO[100:1124]
    assert response["Content-Range"] == f"bytes 100-1123/{SIZE}" and response["Content-Length"] == "1024"
    tail = client.get(url, HTTP_RANGE="bytes=-16")
    assert tail.status_code == 206 and body(tail) == VIDEO[-16:]
    assert tail["Content-Range"] == f"bytes {SIZE - 16}-{SIZE - 1}/{SIZE}"


def test_a_range_past_the_end_is_416(client, learner, lesson):
    response = client.get(reverse("courses:lesson_video", args=[lesson.pk]), HTTP_RANGE=f"bytes={SIZE}-")
    assert response.status_code == 416 and response["Content-Range"] == f"bytes */{SIZE}"


def test_conditional_requests(client, learner, lesson):
    url = reverse("courses:lesson_video", args=[lesson.pk])
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    stale = client.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"another-version"')
    assert stale.status_code == 200 and body(stale) == VIDEO  # another version: the whole file
    fresh = client.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    assert fresh.status_code == 206 and body(fresh) == VIDEO[:10]
    head = client.head(url, HTTP_RANGE="bytes=0-9")
    assert head.status_code == 206 and head["Content-Length"] == "10" and body(head) == b""


def test_captions_are_webvtt(client, learner, lesson):
    response = client.get(reverse("courses:lesson_captions", args=[lesson.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "text/vtt; charset=utf-8"
    text = body(response).decode()
    assert text.startswith("WEBVTT") and "Tua qua" in text


def test_who_may_fetch_the_video(client, lesson):
    url = reverse("courses:lesson_video", args=[lesson.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 200  # any logged-in user, as for the lesson's documents
    draft = helpers.video_lesson(helpers.course("Nháp"), "Bản nháp", live=False)
    assert client.get(reverse("courses:lesson_video", args=[draft.pk])).status_code == 404
    plain = helpers.lesson(helpers.course("Khác"), "Không video")
    for name in ("courses:lesson_video", "courses:lesson_captions"):
        assert client.get(reverse(name, args=[plain.pk])).status_code == 404
    assert client.get("/bai-hoc/99999999/video/").status_code == 404
    assert client.post(url).status_code == 405


def test_a_restricted_lesson_hides_its_video(client, learner, lesson):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert client.get(reverse("courses:lesson_video", args=[lesson.pk])).status_code == 404


def test_the_heartbeat_records_and_answers_the_share(client, learner, lesson):
    url = reverse("courses:lesson_video_beat", args=[lesson.pk])
    assert client.post(url, {"ranges": "[]"}).json()["percent"] == 0
    answer = client.post(url, {"ranges": json.dumps([[0, 3.8]])}).json()
    assert answer == {"percent": 63, "threshold": 90, "reached": False, "message": "Đã xem 63% — cần 90%"}
    assert client.post(url, {"ranges": "[[0,"}).status_code == 400
    assert client.post(url, {"ranges": '[["a", 1]]'}).status_code == 400
    assert client.post(url, {"ranges": json.dumps([[0, 1]] * 51)}).status_code == 400
    progress = VideoProgress.objects.get(employee=learner)
    assert progress.intervals == [[0, 3.8]]


def test_a_too_fast_beat_is_409(client, learner, lesson):
    lesson.video_duration = 600
    lesson.save()
    url = reverse("courses:lesson_video_beat", args=[lesson.pk])
    client.post(url, {"ranges": "[]"})
    response = client.post(url, {"ranges": "[[0, 600]]"})  # a seek to the end sent as played
    assert response.status_code == 409 and response.json() == {"error": "video_too_fast"}
    assert VideoProgress.objects.get(employee=learner).watched_seconds == 0


def test_a_user_without_a_staff_record_records_nothing(client, lesson):
    client.force_login(UserFactory())
    assert client.post(reverse("courses:lesson_video_beat", args=[lesson.pk]), {"ranges": "[]"}).status_code == 403
    assert not VideoProgress.objects.exists()


def test_the_lesson_page_has_the_player(client, learner, lesson):
    html = client.get(lesson.url).content.decode()
    assert 'preload="metadata"' in html and "playsinline" in html and 'poster="/media/images/' in html
    assert f'<source src="/bai-hoc/{lesson.pk}/video/" type="video/webm">' in html
    assert f'<track kind="captions" srclang="vi" label="Tiếng Việt" src="/bai-hoc/{lesson.pk}/phu-de.vtt" default>' in html
    assert "Đã xem 0% — cần 90%" in html
    assert '<script src="/static/courses/video.js" defer></script>' in html and "<script>" not in html


def test_anonymous_visitors_see_no_player_but_a_login_link(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert "<video" not in html and "để xem video và được ghi nhận" in html


def test_the_page_editor_has_the_video_panel_in_vietnamese(client, lesson):
    client.force_login(UserFactory(username="quantri", is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    for text in ("Video bài giảng", "Ảnh bìa video", "Phụ đề (WebVTT)", "Thời lượng video (giây)",
                 "Tỷ lệ phải xem (%)", "YouTube/Vimeo"):
        assert text in html, text
