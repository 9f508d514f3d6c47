"""Submission to the province and its review (#15 item 4): the state machine, the immutable
snapshot of each round with its evidence pack, the province's scores and the band rating, the
published table, who may do what, and the audit entries."""

from __future__ import annotations

import hashlib
import zipfile
from decimal import Decimal

import pytest
from django.utils import timezone

from core.errors import NotFound, PermissionDenied
from org import roles
from org.models import AuditLog
from reports.models import (
    CriterionReview,
    DossierStatus,
    ResultsPublication,
    ScoringDossier,
    SelfScore,
    Submission,
    SubmissionStatus,
)
from reports.selectors.submissions import (
    province_queue,
    published_results_for_agency,
    review_sheet,
    reviewable_submissions,
)
from reports.services.annual_report import ReportFrozen
from reports.services.scoring import DossierLocked, self_score_save
from reports.services.submissions import (
    ReviewEntry,
    ReviewRefused,
    SubmissionRefused,
    results_publish,
    review_save,
    submission_finalise,
    submission_return,
    submission_send,
)
from tests.factories import EmployeeFactory, give_role
from tests.reports.submission_helpers import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def _send(world):
    return submission_send(dossier=world.dossier_a, report=world.report_a, actor=world.hr_a)


def _score_all(world, submission, points=("17", "9", "60")):
    entries = [ReviewEntry(code, p, f"Nhận xét {code}") for code, p in zip(("1.1", "1.2", "2"), points, strict=True)]
    return review_save(submission=submission, entries=entries, actor=world.officer)


def test_sending_keeps_an_immutable_round_with_the_pack_and_its_hash(world):
    round_ = _send(world)
    submission = round_.submission
    assert submission.status == SubmissionStatus.SUBMITTED and round_.number == 1
    assert ScoringDossier.objects.get(pk=world.dossier_a.pk).status == DossierStatus.SUBMITTED
    assert round_.sheet["total_points"] == "82.50" and round_.sheet["rating"] == "Tốt"
    assert round_.report_content == world.report_a.frozen_content
    content = round_.pack.read()
    assert hashlib.sha256(content).hexdigest() == round_.pack_sha256 and len(content) == round_.pack_bytes
    assert round_.pack.storage.__class__.__name__ != "FileSystemStorage" or "private" in round_.pack.path
    with zipfile.ZipFile(round_.pack.open("rb")) as pack:
        assert "manifest.json" in pack.namelist()
    # immutable: nothing of what was sent can be saved again, nor the round deleted
    round_.sheet = {}
    with pytest.raises(ValueError):
        round_.save()
    with pytest.raises(ValueError):
        round_.save(update_fields=["sheet"])
    with pytest.raises(ValueError):
        round_.delete()
    # and no edit of the dossier while submitted
    with pytest.raises(DossierLocked):
        score = SelfScore.objects.get(criterion__agency=world.agency_a, criterion__code="2")
        score.points = Decimal("70")
        self_score_save(score=score, actor=world.hr_a)


def test_send_twice_is_refused_until_the_province_returns_it(world):
    _send(world)
    with pytest.raises(SubmissionRefused):
        _send(world)


def test_a_report_not_frozen_or_of_another_year_is_refused(world):
    from learning.models import Campaign
    from reports.models import AnnualReport

    campaign = Campaign.objects.create(agency=world.agency_a, slug="khac", title="Khác", year=2024,
                                       start=world.report_a.campaign.start, due=world.report_a.campaign.due)
    draft = AnnualReport.objects.create(campaign=campaign)
    with pytest.raises(SubmissionRefused):
        submission_send(dossier=world.dossier_a, report=draft, actor=world.hr_a)
    with pytest.raises(NotFound):  # agency B's report in agency A's submission
        submission_send(dossier=world.dossier_a, report=world.report_b, actor=world.hr_a)
    assert not Submission.objects.all_agencies().exists()


def test_return_reopens_resend_makes_round_two_and_round_one_stays_as_sent(world):
    submission = _send(world).submission
    _score_all(world, submission)
    with pytest.raises(ReviewRefused):
        submission_return(submission=submission, comment="  ", actor=world.officer)
    submission_return(submission=submission, comment="Bổ sung minh chứng tiêu chí 2", actor=world.officer)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    assert ScoringDossier.objects.get(pk=world.dossier_a.pk).status == DossierStatus.DRAFT
    with pytest.raises(ReviewRefused):  # no scoring while it is back with the agency
        _score_all(world, submission)
    score = SelfScore.objects.get(criterion__agency=world.agency_a, criterion__code="2")
    score.points = Decimal("52")
    self_score_save(score=score, actor=world.hr_a)
    second = _send(world)
    assert second.number == 2 and second.sheet["total_points"] == "79.50" and second.sheet["rating"] == "Khá"
    first = submission.rounds.get(number=1)
    assert first.sheet["total_points"] == "82.50" and first.return_comment == "Bổ sung minh chứng tiêu chí 2"
    assert first.pack_sha256 and first.pack.name != second.pack.name
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.first_submitted_at < second.submitted_at


def test_review_scores_leaves_within_the_maximum_all_or_nothing(world):
    submission = _send(world).submission
    with pytest.raises(ReviewRefused):
        review_save(submission=submission, entries=[ReviewEntry("1.1", "15"), ReviewEntry("1.2", "11")],
                    actor=world.officer)
    with pytest.raises(ReviewRefused):
        review_save(submission=submission, entries=[ReviewEntry("1", "25")], actor=world.officer)  # a parent
    with pytest.raises(ReviewRefused):
        review_save(submission=submission, entries=[ReviewEntry("2", "abc")], actor=world.officer)
    assert not CriterionReview.objects.all_agencies().exists()
    assert _score_all(world, submission) == 3
    assert _score_all(world, submission) == 0  # unchanged: nothing written, nothing audited
    sheet = review_sheet(submission)
    by_code = {r.row.code: r for r in sheet.rows}
    assert by_code["1"].reviewed == Decimal("26") and by_code["1"].row.points == Decimal("27.5")
    assert by_code["1.1"].comment == "Nhận xét 1.1" and by_code["1.1"].differs
    assert sheet.reviewed_total == Decimal("86") and sheet.rating == "Tốt"


@pytest.mark.parametrize("points, rating", [(("20", "10", "60"), "Xuất sắc"), (("20", "10", "59.99"), "Tốt"),
                                             (("0", "0", "64.99"), "Trung bình"), (("0", "0", "0"), "Kém")])
def test_finalise_rates_the_reviewed_total_by_the_bands(world, points, rating):
    submission = _send(world).submission
    review_save(submission=submission, entries=[ReviewEntry("1.1", points[0])], actor=world.officer)
    with pytest.raises(ReviewRefused, match="1.2, 2"):
        submission_finalise(submission=submission, actor=world.officer)
    _score_all(world, submission, points)
    submission = submission_finalise(submission=submission, actor=world.officer)
    assert submission.status == SubmissionStatus.ACCEPTED and submission.rating == rating
    assert submission.reviewed_total == sum(Decimal(p) for p in points)
    with pytest.raises(ReviewRefused):  # accepted: closed
        submission_return(submission=submission, comment="Muộn", actor=world.officer)
    with pytest.raises(SubmissionRefused):
        _send(world)


def test_publish_then_agencies_read_the_table(world):
    submission = _send(world).submission
    submission_send(dossier=world.dossier_b, report=world.report_b, actor=world.hr_b)
    with pytest.raises(ReviewRefused):  # nothing finalised yet
        results_publish(province=world.province, year=2024, actor=world.officer)
    _score_all(world, submission)
    submission_finalise(submission=submission, actor=world.officer)
    assert published_results_for_agency(agency=world.agency_a, year=2024) is None
    publication = results_publish(province=world.province, year=2024, actor=world.officer)
    rows = {r["agency_code"]: r for r in publication.rows}
    assert rows["SCT"] == {"agency_code": "SCT", "agency": "Sở Công Thương Tây Ninh", "self_total": "82.50",
                           "reviewed_total": "86.00", "total_max": "100.00", "rating": "Tốt", "status": "accepted"}
    assert rows["SYT"]["status"] == "submitted" and rows["SYT"]["reviewed_total"] is None
    assert published_results_for_agency(agency=world.agency_b, year=2024) == publication
    # each agency's audit log records the publication
    assert AuditLog.objects.filter(action="submission.publish", agency=world.agency_b).count() == 1


def test_queue_flags_late_and_missing(world):
    import datetime as dt

    submission = _send(world).submission
    Submission.objects.all_agencies().filter(pk=submission.pk).update(
        first_submitted_at=dt.datetime(2024, 11, 20, 9, tzinfo=dt.UTC))
    rows = {r["agency"].code: r for r in province_queue(province=world.province, year=2024,
                                                        today=dt.date(2024, 11, 21))}
    assert rows["SCT"]["state"] == "late" and rows["SCT"]["status"] == "submitted" and rows["SCT"]["rounds"] == 1
    assert rows["SYT"]["state"] == "missing" and rows["SYT"]["submission"] is None
    early = {r["agency"].code: r for r in province_queue(province=world.province, year=2024,
                                                         today=dt.date(2024, 11, 1))}
    assert early["SYT"]["state"] == "not_due"


def test_who_may_do_what(world):
    submission = _send(world).submission
    # agency B's HR cannot send A's dossier; A's unit head cannot send at all
    with pytest.raises(NotFound):
        submission_send(dossier=world.dossier_a, report=world.report_a, actor=world.hr_b)
    head = EmployeeFactory(agency=world.agency_a, employee_code="HEADA")
    give_role(head.user, roles.UNIT_HEAD)
    with pytest.raises(PermissionDenied):
        submission_send(dossier=world.dossier_a, report=world.report_a, actor=head.user)
    # an agency cannot review, return, finalise or publish — not even its own; nor another province
    for actor in (world.hr_a, world.hr_b, world.stranger):
        with pytest.raises(NotFound):
            _score_all(type(world)(**{**world.__dict__, "officer": actor}), submission)
        with pytest.raises(NotFound):
            submission_return(submission=submission, comment="x", actor=actor)
        with pytest.raises(NotFound):
            submission_finalise(submission=submission, actor=actor)
        with pytest.raises(NotFound):
            results_publish(province=world.province, year=2024, actor=actor)
        assert not reviewable_submissions(actor).exists()
    assert list(reviewable_submissions(world.officer)) == [submission]
    assert not CriterionReview.objects.all_agencies().exists() and not ResultsPublication.objects.exists()


def test_every_step_is_audited_in_the_agency_log(world):
    submission = _send(world).submission
    _score_all(world, submission)
    submission_return(submission=submission, comment="Bổ sung", actor=world.officer)
    _send(world)
    _score_all(world, submission, ("20", "10", "60"))
    submission_finalise(submission=submission, actor=world.officer)
    results_publish(province=world.province, year=2024, actor=world.officer)
    actions = list(AuditLog.objects.filter(agency=world.agency_a, action__startswith="submission.")
                   .order_by("id").values_list("action", flat=True))
    assert actions == ["submission.send", "submission.review", "submission.return", "submission.resend",
                       "submission.review", "submission.finalise", "submission.publish"]
    review = AuditLog.objects.filter(action="submission.review").order_by("id").last()
    assert review.before["1.1"] == {"points": "17.00", "comment": "Nhận xét 1.1"}
    assert review.after["1.1"] == {"points": "20", "comment": "Nhận xét 1.1"}
    from org.selectors.audit import action_label

    assert action_label("submission.return") == "Tỉnh trả lại hồ sơ kèm ý kiến"


def test_the_frozen_report_cannot_change_while_sent(world):
    from reports.services.annual_report import annual_report_save

    _send(world)
    with pytest.raises(ReportFrozen):
        annual_report_save(report=world.report_a, actor=world.hr_a)


def test_the_dashboard_counts_a_returned_dossier_as_sent_on_its_first_day(world):
    import datetime as dt

    from reports.selectors.province import province_deadlines

    submission = _send(world).submission
    submission_return(submission=submission, comment="Bổ sung", actor=world.officer)
    rows = {r["agency_code"]: r for r in province_deadlines(province=world.province, slug="dan-van-2024", year=2024,
                                                            today=dt.date(2024, 12, 1))}
    assert rows["SCT"]["dossier_on"] == timezone.localdate(submission.first_submitted_at)
    assert rows["SYT"]["dossier_state"] == "missing"
