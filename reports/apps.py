from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """What compliance shows and sends: dashboards, reports, the evidence pack, reminders, scoring."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Báo cáo, chấm điểm")
