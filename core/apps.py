from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel every app uses; it imports no other app of the project."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Nền tảng")

    def ready(self):
        from core import evidence, exporters, spreadsheets

        exporters.autodiscover()  # every app's exporters register themselves in the shared registry
        evidence.autodiscover()  # and every app's evidence sources
        spreadsheets.install()  # every admin listing exports a styled workbook and a CSV with a BOM
