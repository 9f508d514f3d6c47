"""Which quizzes give a certificate of their own when passed (the per-quiz flag lives here, on
the certificates side, so the quiz model does not depend on this app)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from org.scoping import AgencyScopedManager


class QuizCertificate(models.Model):
    quiz = models.OneToOneField("quizzes.Quiz", on_delete=models.CASCADE, related_name="certificate_setting",
                                verbose_name=_("bài kiểm tra"))
    enabled = models.BooleanField(_("cấp giấy chứng nhận khi đạt"), default=True)
    wording = models.CharField(_("lời chứng nhận"), max_length=255, default="Đã đạt yêu cầu bài kiểm tra")

    agency_lookup = "quiz__agency"  # the quiz's owner (org.scoping); shared quizzes have none
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("giấy chứng nhận theo bài kiểm tra")
        verbose_name_plural = _("giấy chứng nhận theo bài kiểm tra")

    def __str__(self) -> str:
        return str(self.quiz)
