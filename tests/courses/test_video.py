"""The lecture video: watched intervals kept on the server, forward seeks and too-fast beats not
counted, the threshold reached once and announced, the evidence in the table and the contract CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from core import evidence, exporters
from core.evidence import evidence_recorded
from courses.intervals import BadRanges, clamp, measure, merge, parse_ranges
from courses.models import VideoProgress
from courses.services.video import NoVideo, TooFast, video_beat
from learning.selectors.compliance import compliance_table, employee_campaign_status
from tests.courses import helpers
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import make_campaign, make_directive

T0 = dt.datetime(2024, 5, 20, 2, 0, tzinfo=dt.UTC)  # 09:00 in Tây Ninh


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


# --- intervals (pure) ------------------------------------------------------------------------

def test_merge_joins_overlapping_and_touching_ranges_and_counts_each_second_once():
    assert merge([(10, 20), (0, 5), (4, 8), (20.2, 25), (40, 41)]) == [(0, 8), (10, 25), (40, 41)]
    assert measure(merge([(0, 10), (0, 10), (5, 10)])) == 10


def test_clamp_cuts_to_the_video():
    assert clamp([(-3, 2), (5, 9), (8, 12), (20, 30)], 10) == [(0, 2), (5, 9), (8, 10)]


@pytest.mark.parametrize("raw", [
    "0-10", [[0]], [[5, 1]], [["0", "1"]], [[0, float("nan")]], [[0, float("inf")]], [[True, 2]],
    [[0, 1]] * 51, {"a": 1},
])
def test_malformed_ranges_are_refused(raw):
    with pytest.raises(BadRanges):
        parse_ranges(raw)


def test_parse_ranges_accepts_number_pairs():
    assert parse_ranges([[0, 1.5], [3, 3]]) == [(0.0, 1.5), (3.0, 3.0)]


# --- the service -----------------------------------------------------------------------------

@pytest.fixture
def world(db):
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    law, other = make_directive("10/2022/QH15"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [law, other])
    person = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT001", full_name="Lê Thị Hoa")
    course = helpers.course("Chuyên đề", directives=[law])
    lesson = helpers.video_lesson(course, "Bài giảng Luật", directives=[law])  # 6 s, threshold 90 %
    return campaign, person, lesson, law, other


def beat(world, ranges, seconds, **kwargs):
    _, person, lesson, *_ = world
    return video_beat(lesson=lesson, employee=person, ranges=ranges, now=at(seconds), **kwargs)


def test_playing_through_reaches_the_threshold_once_and_announces_it(world, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, employee_ids, **kwargs):
        received.append(employee_ids)

    evidence_recorded.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            beat(world, [], 0)  # "play": starts the clock
            first = beat(world, [[0, 3]], 3)
            assert (first.progress.percent, first.reached_now, received) == (50, False, [])
            last = beat(world, [[3, 5.5]], 5.5)
            again = beat(world, [[5.5, 6]], 6)
    finally:
        evidence_recorded.disconnect(receiver)
    assert last.reached_now and last.progress.percent == 91
    assert not again.reached_now and again.progress.percent == 100
    progress = VideoProgress.objects.get()
    assert (progress.reached_on, progress.reached_at, progress.intervals) == (dt.date(2024, 5, 20), at(5.5), [[0, 6]])
    assert received == [[world[1].pk]]  # announced once, when the threshold was reached


def test_a_forward_seek_does_not_count(world):
    beat(world, [], 0)
    beat(world, [[0, 1]], 1)
    result = beat(world, [[1, 1.5], [5.5, 6]], 2)  # dragged from 1.5 s to 5.5 s and watched the end
    assert result.progress.intervals == [[0, 1.5], [5.5, 6]]
    assert result.progress.percent == 33 and not result.progress.reached


def test_seconds_watched_twice_count_once(world):
    beat(world, [], 0)
    beat(world, [[0, 3]], 3)
    result = beat(world, [[0, 3]], 6)
    assert (result.added, result.progress.watched_seconds) == (0, 3)


def test_ranges_beyond_the_video_are_cut(world):
    beat(world, [], 0)
    result = beat(world, [[-5, 1], [5, 600]], 10)
    assert result.progress.intervals == [[0, 1], [5, 6]]


def test_a_beat_claiming_more_than_the_clock_allows_is_refused_and_kept_nothing(world):
    # the video is 6 s: a longer one shows the rule (wall-clock × 2 + 5 s)
    _, person, lesson, *_ = world
    lesson.video_duration = 600
    lesson.save()
    beat(world, [], 0)
    with pytest.raises(TooFast):
        beat(world, [[0, 26]], 10)  # 26 s of video in 10 s: more than 10 × 2 + 5
    progress = VideoProgress.objects.get()
    assert (progress.watched_seconds, progress.beats, progress.last_beat_at) == (0, 1, at(0))
    assert beat(world, [[0, 25]], 10).added == 25  # within 10 × 2 + 5
    with pytest.raises(TooFast):
        beat(world, [[25, 600]], 11)  # "seek to the end" as a played range


def test_a_late_beat_then_an_early_one_is_not_refused(world):
    # on a slow connection a beat can arrive late and the next one early; unused time carries over
    _, person, lesson, *_ = world
    lesson.video_duration = 600
    lesson.save()
    beat(world, [], 0)
    beat(world, [[0, 10]], 20)  # late: 20 s of clock for 10 s of video
    assert beat(world, [[10, 30]], 21).added == 20  # early: the carried-over 30 s allow it


def test_a_beat_before_play_gets_only_the_slack(world):
    with pytest.raises(TooFast):
        beat(world, [[0, 6]], 0)


def test_lesson_without_video_and_other_agency_are_refused(world):
    from core.errors import NotFound
    from tests.factories import UserFactory

    campaign, person, lesson, law, _ = world
    plain = helpers.lesson(lesson.get_parent().specific, "Bài đọc", directives=[law])
    with pytest.raises(NoVideo):
        video_beat(lesson=plain, employee=person, ranges=[], now=T0)
    stranger = EmployeeFactory(agency=make_agency("SCB", "Sở B"))
    with pytest.raises(NotFound):
        video_beat(lesson=lesson, employee=person, ranges=[], user=stranger.user, now=T0)
    with pytest.raises(NotFound):
        video_beat(lesson=lesson, employee=person, ranges=[], user=UserFactory(), now=T0)
    assert not VideoProgress.objects.exists()


def test_a_replaced_video_starts_again_unless_already_reached(world):
    from courses.demo import attach_demo_video

    _, person, lesson, *_ = world
    beat(world, [], 0)
    beat(world, [[0, 3]], 3)
    attach_demo_video(lesson)  # another document
    assert beat(world, [[3, 4]], 4).progress.intervals == [[3, 4]]


# --- evidence ----------------------------------------------------------------------------------

def watch_all(world, day_offset_seconds=0):
    beat(world, [], day_offset_seconds)
    beat(world, [[0, 6]], day_offset_seconds + 6)


def test_the_video_is_evidence_in_the_table_the_csv_and_the_person_path(world):
    campaign, person, lesson, law, other = world
    as_of = dt.date(2024, 6, 1)
    assert compliance_table(campaign=campaign, as_of=as_of).status.tolist() == ["pending", "pending"]
    watch_all(world)
    table = compliance_table(campaign=campaign, as_of=as_of)
    row = table[table.requirement == law.number].iloc[0]
    assert (row.status, row.evidence, row.evidence_date) == ("completed", "video", dt.date(2024, 5, 20))
    text = exporters.get("compliance-csv").render(campaign=campaign, as_of=as_of).content.decode("utf-8-sig")
    assert [(r["requirement"], r["status"], r["evidence"], r["evidence_date"]) for r in csv.DictReader(io.StringIO(text))] \
        == [("10/2022/QH15", "completed", "video", "2024-05-20"), ("33/CT-TTg", "pending", "", "")]
    (status,) = employee_campaign_status(employee=person, as_of=as_of)
    assert [(i.status, i.evidence) for i in status.items] == [("completed", "video"), ("pending", "")]
    assert evidence.evidence_label("video") == "Xem video bài giảng"


def test_below_the_threshold_is_not_evidence(world):
    campaign, *_ = world
    beat(world, [], 0)
    beat(world, [[0, 5.3]], 6)  # 88 %
    assert compliance_table(campaign=campaign, as_of=dt.date(2024, 6, 1)).status.tolist() == ["pending", "pending"]


def test_the_learner_page_offers_the_video_with_its_progress(client, world):
    import time_machine
    from django.urls import reverse

    _, person, lesson, *_ = world
    beat(world, [], 0)
    beat(world, [[0, 3.8]], 4)
    client.force_login(person.user)
    with time_machine.travel(dt.datetime(2024, 6, 1, 9, tzinfo=dt.UTC)):
        html = client.get(reverse("home")).content.decode()
    assert f'href="{lesson.url}#video"' in html and "Xem video bài giảng" in html
    assert "Đã xem 63% — cần 90%" in html


# --- the page editor -------------------------------------------------------------------------

def test_the_editor_refuses_a_file_that_is_not_a_video(world):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    _, _, lesson, *_ = world
    lesson.full_clean()
    lesson.video = Document.objects.create(title="x", file=ContentFile(b"MZ\x90\x00 program", name="bai.webm"))
    lesson.video_captions = Document.objects.create(title="y", file=ContentFile(b"%PDF-1.4", name="phu-de.vtt"))
    lesson.video_duration = None
    with pytest.raises(ValidationError) as refused:
        lesson.full_clean()
    assert set(refused.value.message_dict) >= {"video", "video_captions", "video_duration"}


# --- concurrency (PostgreSQL) ------------------------------------------------------------------

@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_beats_neither_lose_nor_double_count():
    agency = make_agency()
    person = EmployeeFactory(agency=agency)
    directive = make_directive("10/2022/QH15")
    lesson = helpers.video_lesson(helpers.course("Chuyên đề"), directives=[directive])
    lesson.video_duration = 600
    lesson.save()
    video_beat(lesson=lesson, employee=person, ranges=[], now=T0)
    count = 6
    barrier = threading.Barrier(count)
    errors = []

    def worker(index):
        try:
            barrier.wait()
            # six disjoint 5-second ranges and one range every beat repeats
            video_beat(lesson=lesson, employee=person, ranges=[[index * 10, index * 10 + 5], [100, 101]], now=at(60))
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    progress = VideoProgress.objects.get()
    assert (progress.beats, progress.watched_seconds) == (count + 1, count * 5 + 1)


def test_video_and_caption_files_are_recognised_by_their_first_bytes():
    from core.files import content_matches
    from courses.demo import DEMO_MEDIA

    webm = (DEMO_MEDIA / "bai-giang-mau.webm").read_bytes()[:64]
    assert content_matches(webm, "webm") and not content_matches(webm, "mp4")
    assert content_matches(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00", "mp4")
    assert content_matches(b"\xef\xbb\xbfWEBVTT\n\n00:00.000 --> 00:01.000", "vtt") and content_matches(b"WEBVTT", "vtt")
    assert not content_matches(b"WEBVTTX", "vtt") and not content_matches(b"MZ\x90\x00", "webm")


def test_the_demo_gives_the_law_lesson_the_sample_video_once(db):
    from courses.demo import ensure_content, seed_video
    from courses.models import LessonPage

    ensure_content()
    assert seed_video(None).startswith("sample video attached to")
    lesson = LessonPage.objects.get(slug="luat-thuc-hien-dan-chu-o-co-so")
    assert lesson.has_video and lesson.video_captions and lesson.video_poster and lesson.video_threshold == 90
    assert lesson.get_latest_revision().as_object().video_id == lesson.video_id  # the editor sees it too
    assert seed_video(None) == "sample video: nothing to do"
