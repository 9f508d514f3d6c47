"""A quiz: which questions (a fixed list and/or drawn from categories), its rules, and its texts."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from org.scoping import AgencyScopedManager, AgencyScopedQuerySet

from .categories import QuestionCategory
from .questions import Question


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Lần cao nhất")
    LAST = "last", _("Lần cuối cùng")


class ReviewPolicy(models.TextChoices):
    """When a learner may see one part of the review of their submitted attempts (as Moodle's
    review options): correctness, the right answers and the feedback each have their own."""

    IMMEDIATELY = "immediately", _("Ngay sau khi nộp bài")
    AFTER_LAST = "after_last", _("Sau lượt làm bài cuối cùng được phép (hoặc khi bài đóng)")
    AFTER_CLOSE = "after_close", _("Sau khi bài kiểm tra đóng")
    NEVER = "never", _("Không hiển thị")


class QuizQuerySet(AgencyScopedQuerySet):
    def published(self):
        return self.filter(draft=False)


class Quiz(models.Model):
    # Unique per owner (one agency's, or among shared quizzes): a slug taken by another agency is
    # free, so trying one tells nothing (docs/security.md "Quiz ownership").
    slug = models.SlugField(_("mã bài kiểm tra"), max_length=100)
    # Owner (issue 13, M4): HR of this agency manages the quiz; none = shared content, read-only to
    # agencies (taken by everyone's staff, changed by superusers and the command line only).
    agency = models.ForeignKey("org.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("cơ quan sở hữu"),
                               help_text=_("Để trống: bài kiểm tra dùng chung, chỉ quản trị hệ thống được sửa"))
    title = models.CharField(_("tên bài kiểm tra"), max_length=255)
    description = models.TextField(_("giới thiệu"), blank=True)
    directives = models.ManyToManyField("courses.DirectivePage", related_name="quizzes", blank=True,
                                        verbose_name=_("văn bản"),
                                        help_text=_("Đạt bài kiểm tra là minh chứng đã học từng văn bản này"))
    pass_mark = models.PositiveSmallIntegerField(_("điểm đạt (%)"), default=80,
                                                 validators=[MinValueValidator(0), MaxValueValidator(100)])
    questions = models.ManyToManyField(Question, through="QuizQuestion", related_name="quizzes", blank=True,
                                       verbose_name=_("câu hỏi cố định"))
    categories = models.ManyToManyField(QuestionCategory, related_name="quizzes", blank=True,
                                        verbose_name=_("rút câu hỏi từ nhóm"))
    max_questions = models.PositiveIntegerField(_("số câu mỗi lượt"), null=True, blank=True,
                                                help_text=_("Để trống: tất cả câu hỏi. Nhỏ hơn: rút ngẫu nhiên"))
    random_order = models.BooleanField(_("đảo thứ tự câu hỏi"), default=True)
    shuffle_answers = models.BooleanField(_("đảo thứ tự phương án"), default=True)
    one_per_page = models.BooleanField(_("mỗi trang một câu"), default=False)
    time_limit_minutes = models.PositiveIntegerField(_("thời gian làm bài (phút)"), null=True, blank=True)
    attempts_allowed = models.PositiveIntegerField(_("số lượt được làm"), null=True, blank=True,
                                                   help_text=_("Để trống: không giới hạn"))
    grading_method = models.CharField(_("cách tính điểm"), max_length=8, choices=GradingMethod.choices,
                                      default=GradingMethod.HIGHEST)
    closes_at = models.DateTimeField(_("đóng bài lúc"), null=True, blank=True,
                                     help_text=_("Sau thời điểm này không bắt đầu được lượt mới; lượt đang làm được "
                                                 "nộp tự động. Để trống: không đóng"))
    # Review (issue 13, M5): the right answers (and the feedback, which often names them) only once
    # the learner can no longer use them in an attempt of their own.
    review_correctness = models.CharField(
        _("xem câu đúng/sai và điểm từng câu"), max_length=12, choices=ReviewPolicy.choices,
        default=ReviewPolicy.IMMEDIATELY)
    review_right_answers = models.CharField(
        _("xem đáp án đúng"), max_length=12, choices=ReviewPolicy.choices, default=ReviewPolicy.AFTER_LAST)
    review_feedback = models.CharField(
        _("xem phản hồi"), max_length=12, choices=ReviewPolicy.choices, default=ReviewPolicy.AFTER_LAST,
        help_text=_("Phản hồi của từng phương án và phản hồi chung thường nêu đáp án đúng"))
    single_attempt = models.BooleanField(_("chỉ làm một lần"), default=False)
    exam_paper = models.BooleanField(_("lưu bài làm (bài thi)"), default=True,
                                     help_text=_("Giữ lại bài làm (các phương án đã chọn, bài viết) của từng lượt; "
                                                 "nếu tắt, chỉ giữ điểm và kết quả"))
    draft = models.BooleanField(_("bản nháp"), default=False, help_text=_("Bản nháp không hiển thị cho học viên"))
    success_text = models.TextField(_("thông báo khi đạt"), blank=True)
    fail_text = models.TextField(_("thông báo khi chưa đạt"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    agency_lookup = "agency"  # the owner (org.scoping); shared when none (quizzes.selectors: own + shared)
    objects = QuizQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài kiểm tra")
        verbose_name_plural = _("bài kiểm tra")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="quiz_unique_slug_per_agency"),
            models.UniqueConstraint(fields=["slug"], condition=models.Q(agency__isnull=True),
                                    name="quiz_unique_shared_slug"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def effective_attempts_allowed(self) -> int | None:
        return 1 if self.single_attempt else self.attempts_allowed

    def is_closed(self, now) -> bool:
        return self.closes_at is not None and now >= self.closes_at


class QuizQuestion(models.Model):
    """A question on the quiz's fixed list, in order."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="quiz_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    agency_lookup = "quiz__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("câu hỏi của bài")
        verbose_name_plural = _("câu hỏi của bài")
        ordering = ["quiz", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["quiz", "question"], name="quiz_question_unique")]

    def __str__(self) -> str:
        return f"{self.quiz.slug} #{self.order}"
