"""Automatic issuing: evidence services announce new evidence (core.evidence); on commit the
`evidence_recorded` signal reaches certificates, which issue to whoever has now completed."""

from django.db import transaction

from certificates.models import Certificate
from certificates.services.issuing import BULK_THRESHOLD, certificates_issue_due_for
from core.evidence import evidence_announce, evidence_batch, evidence_recorded
from tests.certificates.conftest import D


def _signals():
    """Record every evidence_recorded sent while the test runs."""
    sent = []

    def receiver(sender, employee_ids, **kwargs):
        sent.append(list(employee_ids))

    evidence_recorded.connect(receiver, weak=False, dispatch_uid="test-capture")
    return sent, lambda: evidence_recorded.disconnect(dispatch_uid="test-capture")


def test_hook_issues_after_commit_only_to_completers(scenario, django_capture_on_commit_callbacks):
    done, half = scenario.person("SCT001"), scenario.person("SCT002", "Đặng Văn Ưng")
    scenario.study(done)
    scenario.study(half, directives=scenario.directives[:1])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        evidence_announce(sender=None, employee_ids=[done.pk, half.pk])
    assert Certificate.objects.count() == 0  # nothing before commit
    for callback in callbacks:
        callback()
    assert list(Certificate.objects.values_list("employee__employee_code", flat=True)) == ["SCT001"]


def test_one_signal_per_batch_however_many_announcements(scenario, django_capture_on_commit_callbacks):
    people = [scenario.person(f"SCT{i:03d}") for i in range(3)]
    sent, stop = _signals()
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic(), \
                evidence_batch(sender=None):
            for person in people:
                evidence_announce(sender=None, employee_ids=[person.pk])
        assert len(callbacks) == 1 and sent == []  # nothing before commit
        callbacks[0]()
    finally:
        stop()
    assert sent == [sorted(p.pk for p in people)]


def test_an_attendance_sheet_sends_one_signal_for_all_its_rows(scenario, django_capture_on_commit_callbacks):
    from learning.models import StudySession
    from learning.services.attendance import attendance_import

    people = [scenario.person(f"SCT{i:03d}") for i in range(3)]
    session = StudySession.objects.create(campaign=scenario.campaign, title="Hội nghị", date=D(2024, 6, 3))
    session.directives.set(scenario.directives)
    sheet = "Mã cán bộ,Trạng thái\n" + "".join(f"{p.employee_code},Có mặt\n" for p in people)
    sent, stop = _signals()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            attendance_import(session=session, file=sheet.encode(), filename="ky-ten.csv")
    finally:
        stop()
    assert sent == [sorted(p.pk for p in people)]


def test_rolled_back_evidence_enqueues_nothing(scenario, django_capture_on_commit_callbacks):
    person = scenario.person("SCT001")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        try:
            with transaction.atomic():
                evidence_announce(sender=None, employee_ids=[person.pk])
                raise RuntimeError("import refused")
        except RuntimeError:
            pass
    assert callbacks == []


def test_many_people_take_the_bulk_path(scenario, monkeypatch):
    monkeypatch.setattr("certificates.services.issuing.BULK_THRESHOLD", 1)
    assert BULK_THRESHOLD == 200
    people = [scenario.person(f"SCT{i:03d}") for i in range(3)]
    for person in people[:2]:
        scenario.study(person, date=D(2024, 5, 10))
    assert certificates_issue_due_for(employee_ids=[p.pk for p in people]) == 2
    assert certificates_issue_due_for(employee_ids=[p.pk for p in people]) == 0


def test_manual_evidence_service_calls_the_hook(scenario, django_capture_on_commit_callbacks):
    from learning.services.evidence import manual_evidence_record
    from tests.factories import give_role, roles

    hr = scenario.person("SCT100", "Trần Thị Thu Hương")
    give_role(hr.user, roles.HR)
    person = scenario.person("SCT001")
    scenario.study(person, directives=scenario.directives[:1])
    with django_capture_on_commit_callbacks(execute=True):
        manual_evidence_record(employee=person, directive=scenario.directives[1], date=D(2024, 6, 1), actor=hr.user)
    assert person.certificates.count() == 1


def test_attendance_service_calls_the_hook(scenario, django_capture_on_commit_callbacks):
    from learning.models import StudySession
    from learning.services.attendance import attendance_record

    person = scenario.person("SCT001")
    scenario.study(person, directives=scenario.directives[:1])
    session = StudySession.objects.create(campaign=scenario.campaign, title="Hội nghị", date=D(2024, 6, 3))
    session.directives.set(scenario.directives[1:])
    with django_capture_on_commit_callbacks(execute=True):
        attendance_record(session=session, employee=person, status="present", method="hr")
    assert person.certificates.count() == 1


def test_passing_a_quiz_issues_on_commit(scenario, django_capture_on_commit_callbacks):
    from quizzes.services.attempts import attempt_save_answer, attempt_start, attempt_submit
    from tests.quizzes.factories import make_question, make_quiz, right_ids

    person = scenario.person("SCT001")
    scenario.study(person, directives=scenario.directives[:1])
    quiz = make_quiz(slug="kiem-tra-33", questions=[make_question()], directives=scenario.directives[1:],
                     draft=False)
    attempt = attempt_start(quiz=quiz, employee=person)
    question = attempt.attempt_questions.get()
    attempt_save_answer(attempt=attempt, attempt_question_id=question.pk, selected=right_ids(question))
    with django_capture_on_commit_callbacks(execute=True):
        attempt = attempt_submit(attempt=attempt)
    assert attempt.passed
    assert person.certificates.count() == 1
