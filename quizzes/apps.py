from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from org.roles import HR


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    # The audit log's names of this app's actions (org.selectors.audit).
    audit_actions = {
        "quiz.essay_mark": _("Chấm bài tự luận"),
        "quiz.paper_result": _("Ghi kết quả kiểm tra trên giấy"),
    }
    verbose_name = _("Bài kiểm tra")
    role_permissions = {
        HR: [
            "quizzes.view_quiz", "quizzes.add_quiz", "quizzes.change_quiz", "quizzes.delete_quiz",
            "quizzes.view_question", "quizzes.add_question", "quizzes.change_question", "quizzes.delete_question",
            "quizzes.view_questioncategory", "quizzes.add_questioncategory", "quizzes.change_questioncategory",
            "quizzes.view_attempt", "quizzes.change_attemptanswer",
        ],
    }

    def ready(self):
        from quizzes import question_cache

        question_cache.connect()  # questions kept in memory between requests, dropped when changed
