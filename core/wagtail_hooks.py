"""The project's admin stylesheet (core/static/core/admin.css) on every admin page.

CSV injection in the admin's own list exports ("Tải CSV" of every Wagtail listing): Wagtail
already turns xlsx formulas into text cells, but writes CSV values verbatim. Every CSV value of a
listing export goes through `core.exporters.safe_cell` (idempotent: already-safe values stay)."""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.exporters import safe_cell

_preprocess = SpreadsheetExportMixin.preprocess_field_value


def _safe_preprocess(self, field, value, export_format):
    value = _preprocess(self, field, value, export_format)
    return safe_cell(value) if export_format == self.FORMAT_CSV else value


SpreadsheetExportMixin.preprocess_field_value = _safe_preprocess


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))
