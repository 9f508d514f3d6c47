"""Essay marking by HR: a score and a comment, audited; the attempt's result follows."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.evidence import evidence_announce, evidence_withdraw
from org.services.audit import audit_log
from quizzes.errors import InvalidGrade
from quizzes.models import Attempt, AttemptAnswer, AttemptState, QuestionType

from .scoring import attempt_total


def essay_mark(*, attempt_answer: AttemptAnswer, score, comment: str = "", actor=None) -> Attempt:
    try:
        value = Decimal(str(score)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as exc:
        raise InvalidGrade(_("Điểm không hợp lệ.")) from exc
    with transaction.atomic():
        row = AttemptAnswer.objects.select_related("attempt_question__question").get(pk=attempt_answer.pk)
        attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=row.attempt_question.attempt_id)
        row.refresh_from_db()  # read again under the attempt's lock
        aq = row.attempt_question
        if aq.question.qtype != QuestionType.ESSAY:
            raise InvalidGrade(_("Chỉ chấm tay câu hỏi tự luận."))
        if attempt.state == AttemptState.IN_PROGRESS:
            raise InvalidGrade(_("Bài làm chưa nộp."))
        if not (Decimal("0") <= value <= aq.mark):
            raise InvalidGrade(_("Điểm phải từ 0 đến %(max)s.") % {"max": aq.mark})
        before = {"score": str(row.score) if row.score is not None else None, "comment": row.comment,
                  "attempt_passed": attempt.passed}
        now = timezone.now()
        row.score = value
        row.fraction = (value / aq.mark).quantize(Decimal("0.00001"))
        row.comment = comment or ""
        row.needs_grading = False
        row.graded_by = actor if getattr(actor, "is_authenticated", False) else None
        row.graded_at = now
        row.save()
        attempt = attempt_total(attempt=attempt, now=now)
        audit_log(actor=actor, action="quiz.essay_mark", obj=attempt,
                  before=before, after={"score": str(value), "comment": row.comment, "attempt_answer": row.pk,
                                        "attempt_score": str(attempt.score), "attempt_passed": attempt.passed})
        evidence_announce(sender=Attempt, employee_ids=[attempt.employee_id] if attempt.passed else [])
        if before["attempt_passed"] and not attempt.passed:
            evidence_withdraw(sender=Attempt, employee_ids=[attempt.employee_id])  # a pass graded down
    return attempt
