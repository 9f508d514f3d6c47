"""Optional per-quiz certificate: a quiz flagged in QuizCertificate gives its own certificate on passing."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from certificates.models import Certificate, QuizCertificate
from certificates.services import NotCompleted, certificate_issue_for_quiz, certificate_revoke
from certificates.services.issuing import certificates_issue_due
from quizzes.models import Attempt, AttemptSource, AttemptState
from tests.certificates.conftest import D
from tests.factories import give_role, roles
from tests.quizzes.factories import make_question, make_quiz


@pytest.fixture
def quiz(scenario):
    return make_quiz(slug="kiem-tra-dan-van", title="Kiểm tra hiểu biết về dân vận chính quyền",
                     questions=[make_question()], directives=scenario.directives[:1], draft=False)


PASSED_ON = D(2024, 6, 12)


def passed(quiz, employee, date=PASSED_ON, ok=True):
    return Attempt.objects.create(quiz=quiz, employee=employee, number=1, source=AttemptSource.PAPER,
                                  state=AttemptState.FINISHED, evidence_date=date, passed=ok)


def test_only_flagged_quizzes_give_a_certificate(scenario, quiz):
    person = scenario.person("SCT001")
    passed(quiz, person)
    with pytest.raises(NotCompleted):
        certificate_issue_for_quiz(employee=person, quiz=quiz)
    assert certificates_issue_due(employee=person) == []
    QuizCertificate.objects.create(quiz=quiz)
    [certificate] = certificates_issue_due(employee=person)
    assert certificate.quiz == quiz and certificate.campaign is None
    assert certificate.title == "Kiểm tra hiểu biết về dân vận chính quyền"
    assert certificate.wording == "Đã đạt yêu cầu bài kiểm tra"
    assert certificate.issued_on == D(2024, 6, 12) and certificate.serial == "1/2024/GCN-SCT"
    assert certificates_issue_due(employee=person) == []


def test_failed_attempt_gives_none_and_revoked_is_not_reissued(scenario, quiz):
    QuizCertificate.objects.create(quiz=quiz)
    person = scenario.person("SCT001")
    passed(quiz, person, ok=False)
    with pytest.raises(NotCompleted):
        certificate_issue_for_quiz(employee=person, quiz=quiz)
    Attempt.objects.filter(employee=person).update(passed=True)
    certificate, created = certificate_issue_for_quiz(employee=person, quiz=quiz)
    assert created and certificate_issue_for_quiz(employee=person, quiz=quiz) == (certificate, False)
    certificate_revoke(certificate=certificate, reason="Gian lận khi làm bài")
    assert certificates_issue_due(employee=person) == []


def test_database_refuses_a_certificate_for_two_things_or_two_valid_per_quiz(scenario, quiz):
    QuizCertificate.objects.create(quiz=quiz)
    person = scenario.person("SCT001")
    passed(quiz, person)
    certificate, _ = certificate_issue_for_quiz(employee=person, quiz=quiz)
    twin = Certificate.objects.get(pk=certificate.pk)
    twin.pk, twin.serial_number, twin.code = None, 50, "Y" * 20
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    twin.pk, twin.campaign = None, scenario.campaign
    twin.status = "revoked"
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_quiz_certificate_verifies_and_shows_in_the_register(client, scenario, quiz):
    QuizCertificate.objects.create(quiz=quiz)
    person = scenario.person("SCT001", "Đặng Văn Ưng")
    passed(quiz, person)
    [certificate] = certificates_issue_due(employee=person)
    html = client.get(certificate.verify_path()).content.decode()
    assert "Đặng Văn Ưng" in html and "Kiểm tra hiểu biết về dân vận chính quyền" in html
    hr = scenario.person("SCT100", "Trần Thị Thu Hương")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    assert "Kiểm tra hiểu biết" in client.get(reverse("certificates_certificate:index")).content.decode()
    assert client.get(reverse("certificates_quizcertificate:index")).status_code == 200
