"""Automatic issuing: evidence services call certificates.hooks.evidence_recorded, which issues on commit."""

from django.db import transaction

from certificates.hooks import BULK_THRESHOLD, evidence_recorded, issue_due_for
from certificates.models import Certificate
from tests.certificates.conftest import D


def test_hook_issues_after_commit_only_to_completers(scenario, django_capture_on_commit_callbacks):
    done, half = scenario.person("SCT001"), scenario.person("SCT002", "Đặng Văn Ưng")
    scenario.study(done)
    scenario.study(half, directives=scenario.directives[:1])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        evidence_recorded(employee_ids=[done.pk, half.pk])
    assert Certificate.objects.count() == 0  # nothing before commit
    for callback in callbacks:
        callback()
    assert list(Certificate.objects.values_list("employee__employee_code", flat=True)) == ["SCT001"]


def test_one_task_per_transaction_however_many_calls(scenario, django_capture_on_commit_callbacks):
    people = [scenario.person(f"SCT{i:03d}") for i in range(3)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        for person in people:
            evidence_recorded(employee_ids=[person.pk])
    assert len(callbacks) == 1 and callbacks[0].ids == {p.pk for p in people}


def test_rolled_back_evidence_enqueues_nothing(scenario, django_capture_on_commit_callbacks):
    person = scenario.person("SCT001")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        try:
            with transaction.atomic():
                evidence_recorded(employee_ids=[person.pk])
                raise RuntimeError("import refused")
        except RuntimeError:
            pass
    assert callbacks == []


def test_many_people_take_the_bulk_path(scenario, monkeypatch):
    monkeypatch.setattr("certificates.hooks.BULK_THRESHOLD", 1)
    assert BULK_THRESHOLD == 200
    people = [scenario.person(f"SCT{i:03d}") for i in range(3)]
    for person in people[:2]:
        scenario.study(person, date=D(2024, 5, 10))
    assert issue_due_for(employee_ids=[p.pk for p in people]) == 2
    assert issue_due_for(employee_ids=[p.pk for p in people]) == 0


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
