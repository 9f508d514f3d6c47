"""The screens of the submission and review (#15 item 4): the agency sends and sees its rounds;
the province's officer reviews, returns, finalises and publishes; exports; who sees what."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from org.models import AuditLog
from reports.models import Submission, SubmissionStatus
from tests.reports.submission_helpers import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_agency_sends_then_officer_reviews_returns_finalises_and_publishes(world):
    hr, officer = _client(world.hr_a), _client(world.officer)
    page = hr.get(reverse("agency_submissions:detail", args=[world.dossier_a.pk]))
    assert page.status_code == 200 and 'data-form="send"' in page.content.decode()
    sent = hr.post(reverse("agency_submissions:send", args=[world.dossier_a.pk]), {"report": world.report_a.pk})
    assert sent.status_code == 302
    submission = Submission.objects.get(agency=world.agency_a)
    queue = officer.get(reverse("province_review:index") + "?year=2024").content.decode()
    assert "Sở Công Thương Tây Ninh" in queue and "Đã gửi, chờ thẩm định" in queue
    detail = officer.get(reverse("province_review:submission", args=[submission.pk])).content.decode()
    assert "Học tập, quán triệt Quyết định 23-QĐ/TW" in detail and "Kế hoạch dân vận SCT" in detail
    form = officer.get(reverse("province_review:review", args=[submission.pk]))
    assert form.status_code == 200 and 'name="points-1.1"' in form.content.decode()
    bad = officer.post(reverse("province_review:review", args=[submission.pk]), {"points-1.1": "25"})
    assert bad.status_code == 400 and "từ 0 đến 20" in bad.content.decode()
    ok = officer.post(reverse("province_review:review", args=[submission.pk]),
                      {"points-1.1": "17", "comment-1.1": "Kế hoạch ban hành muộn", "points-1.2": "9,5",
                       "points-2": "60"})
    assert ok.status_code == 302
    officer.post(reverse("province_review:return", args=[submission.pk]), {"comment": "Bổ sung biên bản hội nghị"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    # the agency reads the comment and the scores, then sends again
    back = hr.get(reverse("agency_submissions:detail", args=[world.dossier_a.pk])).content.decode()
    assert "Bổ sung biên bản hội nghị" in back and "Kế hoạch ban hành muộn" in back and 'data-form="send"' in back
    hr.post(reverse("agency_submissions:send", args=[world.dossier_a.pk]), {"report": world.report_a.pk})
    assert submission.rounds.count() == 2
    officer.post(reverse("province_review:finalise", args=[submission.pk]))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED and str(submission.reviewed_total) == "86.50"
    assert submission.rating == "Tốt"
    # published: before, the agency has no table; after, it reads it and can export it
    results = reverse("agency_submissions:results", args=[world.dossier_a.pk])
    assert hr.get(results).status_code == 404
    live = officer.get(reverse("province_review:results") + "?year=2024").content.decode()
    assert 'data-published="none"' in live and 'data-form="publish"' in live
    officer.post(reverse("province_review:publish"), {"province": world.province.pk, "year": 2024})
    table = hr.get(results).content.decode()
    assert "86,5" in table and "Tốt" in table and "Sở Y tế Tây Ninh" in table
    book = openpyxl.load_workbook(io.BytesIO(hr.get(results + "?format=xlsx").content))
    values = [[c.value for c in row] for row in book.active.iter_rows()]
    assert ["SCT", "Sở Công Thương Tây Ninh", 82.5, 86.5, 100, "Tốt", "Đã thẩm định"] in values
    csv = officer.get(reverse("province_review:results") + "?year=2024&format=csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0] == "Mã,Cơ quan,Tự chấm,Điểm thẩm định,Điểm tối đa,Xếp loại,Tình trạng"
    assert 'SCT,Sở Công Thương Tây Ninh,"82,5","86,5",100,Tốt,Đã thẩm định' in csv


def test_pack_download_is_the_file_sent_and_logged_for_the_officer(world):
    import hashlib

    hr, officer = _client(world.hr_a), _client(world.officer)
    hr.post(reverse("agency_submissions:send", args=[world.dossier_a.pk]), {"report": world.report_a.pk})
    submission = Submission.objects.get(agency=world.agency_a)
    response = officer.get(reverse("province_review:pack", args=[submission.pk, 1]))
    content = b"".join(response.streaming_content)
    assert hashlib.sha256(content).hexdigest() == submission.rounds.get().pack_sha256
    entry = AuditLog.objects.get(action="submission.pack_read")
    assert entry.agency == world.agency_a and entry.actor == world.officer
    own = hr.get(reverse("agency_submissions:pack", args=[world.dossier_a.pk, 1]))
    assert b"".join(own.streaming_content) == content


def test_other_province_and_agencies_see_nothing_and_cannot_review(world):
    _client(world.hr_a).post(reverse("agency_submissions:send", args=[world.dossier_a.pk]),
                             {"report": world.report_a.pk})
    submission = Submission.objects.get(agency=world.agency_a)
    stranger = _client(world.stranger)
    for name in ("submission", "review"):
        assert stranger.get(reverse(f"province_review:{name}", args=[submission.pk])).status_code == 404
    assert stranger.get(reverse("province_review:pack", args=[submission.pk, 1])).status_code == 404
    assert stranger.post(reverse("province_review:finalise", args=[submission.pk])).status_code == 404
    queue = stranger.get(reverse("province_review:index") + "?year=2024")
    assert queue.status_code == 200 and "Sở Công Thương Tây Ninh" not in queue.content.decode()
    assert stranger.get(reverse("province_review:index") + f"?year=2024&province={world.province.pk}").status_code == 404
    assert stranger.post(reverse("province_review:publish"),
                         {"province": world.province.pk, "year": 2024}).status_code == 404
    # the agency's own HR is no reviewer; agency B's HR cannot open A's pages
    for user in (world.hr_a, world.hr_b):
        client = _client(user)
        assert client.get(reverse("province_review:submission", args=[submission.pk])).status_code == 403
        assert client.post(reverse("province_review:return", args=[submission.pk]),
                           {"comment": "x"}).status_code == 403
    hr_b = _client(world.hr_b)
    assert hr_b.get(reverse("agency_submissions:detail", args=[world.dossier_a.pk])).status_code == 404
    assert hr_b.post(reverse("agency_submissions:send", args=[world.dossier_a.pk]),
                     {"report": world.report_a.pk}).status_code == 404
    assert hr_b.get(reverse("agency_submissions:pack", args=[world.dossier_a.pk, 1])).status_code == 404
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and not submission.reviews.exists()


def test_dashboard_agency_page_links_to_the_dossier(world):
    from learning.services.province_campaigns import province_campaign_load  # noqa: F401  (slug shared)

    _client(world.hr_a).post(reverse("agency_submissions:send", args=[world.dossier_a.pk]),
                             {"report": world.report_a.pk})
    submission = Submission.objects.get(agency=world.agency_a)
    page = _client(world.officer).get(reverse("province_dashboard:agency", args=[world.agency_a.pk])
                                      + "?campaign=dan-van-2024&as_of=2024-12-01").content.decode()
    assert reverse("province_review:submission", args=[submission.pk]) in page
