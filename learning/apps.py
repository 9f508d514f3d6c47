from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from org.roles import HR, UNIT_HEAD


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning"
    verbose_name = _("Học tập")
    role_permissions = {
        UNIT_HEAD: ["learning.view_campaign"],
        HR: [
            "learning.view_campaign", "learning.add_campaign", "learning.change_campaign", "learning.delete_campaign",
            "learning.view_requirement", "learning.add_requirement", "learning.change_requirement",
            "learning.delete_requirement",
            "learning.view_exemption", "learning.add_exemption", "learning.change_exemption",
            "learning.delete_exemption",
            "learning.view_manualevidence", "learning.add_manualevidence", "learning.change_manualevidence",
            "learning.delete_manualevidence",
            "learning.view_studysession", "learning.add_studysession", "learning.change_studysession",
            "learning.delete_studysession",
            "learning.view_attendance", "learning.add_attendance", "learning.change_attendance",
        ],
    }
