"""Attempts (lượt làm bài): the questions drawn, in order, each response, times, score and result.

An attempt with `passed=True` is evidence for every directive of its quiz, dated `evidence_date`
(the local date of submission, or the date of a paper test). A person may have several passed
attempts; compliance takes the earliest.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from org.models import Employee
from org.scoping import AgencyScopedManager

from .questions import Answer, Question
from .quiz import Quiz


class AttemptSource(models.TextChoices):
    ONLINE = "online", _("Trực tuyến")
    PAPER = "paper", _("Trên giấy")


class AttemptState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Đang làm")
    NEEDS_GRADING = "needs_grading", _("Chờ chấm tự luận")
    FINISHED = "finished", _("Đã chấm")


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("bài kiểm tra"))
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="quiz_attempts",
                                 verbose_name=_("cán bộ"))
    number = models.PositiveIntegerField(_("lượt thứ"))
    source = models.CharField(_("hình thức"), max_length=8, choices=AttemptSource.choices,
                              default=AttemptSource.ONLINE)
    state = models.CharField(_("trạng thái"), max_length=16, choices=AttemptState.choices,
                             default=AttemptState.IN_PROGRESS)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    deadline = models.DateTimeField(_("hạn nộp"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    graded_at = models.DateTimeField(_("chấm xong lúc"), null=True, blank=True)
    score = models.DecimalField(_("điểm"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(_("điểm tối đa"), max_digits=8, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(_("tỉ lệ (%)"), max_digits=6, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("đạt"), default=False)
    evidence_date = models.DateField(_("ngày minh chứng"), null=True, blank=True, db_index=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người ghi nhận"))

    agency_lookup = "employee__agency"  # how a row reaches its agency (org.scoping); the taker's agency
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("lượt làm bài")
        verbose_name_plural = _("lượt làm bài")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "employee", "number"], name="attempt_unique_number"),
            # At most one open attempt per person and quiz, whatever races happen above.
            models.UniqueConstraint(fields=["quiz", "employee"], condition=models.Q(state="in_progress"),
                                    name="attempt_one_open"),
        ]
        indexes = [models.Index(fields=["employee", "passed", "evidence_date"])]

    def __str__(self) -> str:
        return f"{self.employee} — {self.quiz.slug} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.state == AttemptState.IN_PROGRESS

    @property
    def is_final(self) -> bool:
        return self.state == AttemptState.FINISHED


class AttemptQuestion(models.Model):
    """A question drawn for an attempt, its position, and the order its answers are shown in."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="attempt_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField()
    answer_order = models.JSONField(default=list, blank=True)
    mark = models.DecimalField(max_digits=6, decimal_places=2)

    agency_lookup = "attempt__employee__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        ordering = ["attempt", "order"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "order"], name="attempt_question_unique_order"),
            models.UniqueConstraint(fields=["attempt", "question"], name="attempt_question_unique_question"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.order}"

    def ordered_answers(self) -> list[Answer]:
        by_id = {a.id: a for a in self.question.answers.all()}
        ordered = [by_id.pop(i) for i in self.answer_order if i in by_id]
        return ordered + sorted(by_id.values(), key=lambda a: (a.order, a.id))


class AttemptAnswer(models.Model):
    """The response to one drawn question; graded automatically, or by HR for an essay."""

    attempt_question = models.OneToOneField(AttemptQuestion, on_delete=models.CASCADE, related_name="response")
    selected = models.JSONField(_("phương án đã chọn"), default=list, blank=True)
    text = models.TextField(_("câu trả lời"), blank=True)
    saved_at = models.DateTimeField(_("lưu lúc"), null=True, blank=True)
    fraction = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    score = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2, null=True, blank=True)
    needs_grading = models.BooleanField(_("chờ chấm"), default=False, db_index=True)
    comment = models.TextField(_("nhận xét"), blank=True)
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    graded_at = models.DateTimeField(null=True, blank=True)

    agency_lookup = "attempt_question__attempt__employee__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")

    def __str__(self) -> str:
        return f"{self.attempt_question}"
