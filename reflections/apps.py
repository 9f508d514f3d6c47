from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from org.roles import HR, UNIT_HEAD


class ReflectionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reflections"
    verbose_name = _("Bài thu hoạch")
    # The audit log's names of this app's actions (org.selectors.audit).
    audit_actions = {
        "reflection.save": _("Lưu nháp bài thu hoạch"),
        "reflection.submit": _("Nộp bài thu hoạch"),
        "reflection.grade": _("Chấm bài thu hoạch"),
        "reflection.return": _("Trả lại bài thu hoạch"),
        "reflection_prompt.save": _("Lưu đề bài thu hoạch"),
        "reflection_prompt.delete": _("Xóa đề bài thu hoạch"),
    }
    role_permissions = {
        UNIT_HEAD: ["reflections.view_reflection"],
        HR: [
            "reflections.view_reflection",
            "reflections.view_reflectionprompt", "reflections.add_reflectionprompt",
            "reflections.change_reflectionprompt", "reflections.delete_reflectionprompt",
        ],
    }
