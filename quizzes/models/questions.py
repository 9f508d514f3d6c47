"""Questions of the bank and their answers (Moodle-like fractions, per-answer feedback)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from org.scoping import AgencyScopedManager

from .categories import QuestionCategory


class QuestionType(models.TextChoices):
    MULTICHOICE = "multichoice", _("Trắc nghiệm")
    TRUE_FALSE = "truefalse", _("Đúng / Sai")
    SHORT_ANSWER = "shortanswer", _("Trả lời ngắn")
    ESSAY = "essay", _("Tự luận")
    MATCHING = "matching", _("Ghép đôi")
    NUMERICAL = "numerical", _("Trả lời bằng số")
    MULTIANSWER = "multianswer", _("Điền khuyết nhiều chỗ (cloze)")
    DESCRIPTION = "description", _("Đoạn mô tả (không chấm)")


class TextFormat(models.TextChoices):
    """How the question text is written (GIFT's [html]/[markdown]…, Moodle XML's format=).
    Empty: plain text typed here, shown with line breaks."""

    NONE = "", _("Văn bản thường")
    HTML = "html", "HTML"
    MOODLE = "moodle", _("Định dạng tự động của Moodle")
    PLAIN = "plain", _("Văn bản thuần")
    MARKDOWN = "markdown", "Markdown"


class Question(ClusterableModel):
    category = models.ForeignKey(QuestionCategory, on_delete=models.PROTECT, related_name="questions",
                                 verbose_name=_("nhóm câu hỏi"))
    qtype = models.CharField(_("loại câu hỏi"), max_length=16, choices=QuestionType.choices)
    name = models.CharField(_("tiêu đề"), max_length=255, blank=True)
    text = models.TextField(_("nội dung câu hỏi"))
    # Multiple choice only: several right answers (check boxes) instead of one (radio buttons).
    multiple = models.BooleanField(_("nhiều đáp án đúng"), default=False)
    general_feedback = models.TextField(_("phản hồi chung"), blank=True)
    text_format = models.CharField(_("định dạng nội dung"), max_length=8, choices=TextFormat.choices, blank=True,
                                   default=TextFormat.NONE)
    # Moodle's own identifier of the question; kept so a bank goes back to Moodle unchanged.
    idnumber = models.CharField(_("mã câu hỏi (idnumber)"), max_length=100, blank=True)
    tags = models.JSONField(_("thẻ"), default=list, blank=True)
    # Moodle's penalty per wrong try (interactive mode). Here one attempt is one try, so it is
    # kept for the export back to Moodle, not applied.
    penalty = models.DecimalField(_("điểm trừ mỗi lần thử sai (Moodle)"), max_digits=8, decimal_places=7,
                                  null=True, blank=True)
    default_mark = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2, default=Decimal("1"),
                                       validators=[MinValueValidator(Decimal("0.01"))])
    # sha256 of the canonical content: re-importing the same file reuses the question.
    fingerprint = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    agency_lookup = "category__agency"  # how a row reaches its agency (org.scoping); shared when none (quizzes.selectors: own + shared)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("ngân hàng câu hỏi")
        ordering = ["category__name", "id"]

    def __str__(self) -> str:
        text = self.name or self.text
        return text if len(text) <= 80 else text[:77] + "…"

    def clean(self):
        # A cloze text is parsed every time it is shown and graded: refuse a broken one here.
        if self.qtype == QuestionType.MULTIANSWER:
            from quizzes.formats.cloze import ClozeError, gaps

            try:
                gaps(self.text)
            except ClozeError as exc:
                raise ValidationError({"text": str(exc)}) from None

    @property
    def is_graded(self) -> bool:
        """A description is only read: it carries no mark."""
        return self.qtype != QuestionType.DESCRIPTION


class Answer(models.Model):
    """A choice (multiple choice, true/false), an accepted response (short answer), an accepted
    number (numerical: `text` is the number or "*", with `tolerance`), or a pair (matching: `text`
    is the item, `match_text` what it matches; an empty `text` is an extra wrong choice).

    `fraction` is the share of the question's mark it earns, -1..1 (Moodle): 1 = fully right.
    """

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("phương án"), blank=True)
    fraction = models.DecimalField(_("tỉ lệ điểm"), max_digits=8, decimal_places=5, default=Decimal("0"),
                                   validators=[MinValueValidator(Decimal("-1")), MaxValueValidator(Decimal("1"))])
    feedback = models.TextField(_("phản hồi"), blank=True)
    tolerance = models.DecimalField(_("sai số cho phép"), max_digits=24, decimal_places=10, null=True, blank=True)
    match_text = models.TextField(_("ghép với"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    agency_lookup = "question__category__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("phương án trả lời")
        verbose_name_plural = _("phương án trả lời")
        ordering = ["question", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self):
        question = getattr(self, "question", None)
        if question is not None and question.qtype != QuestionType.MATCHING and not self.text.strip():
            # Only a matching question has answers without text (extra wrong matches).
            raise ValidationError({"text": _("Phương án không được để trống.")})
        if question is not None and question.qtype == QuestionType.NUMERICAL and self.text.strip() != "*":
            try:
                Decimal(self.text.strip().replace(",", "."))
            except ArithmeticError:
                raise ValidationError({"text": _("Câu hỏi số: đáp án phải là một số hoặc *.")}) from None
