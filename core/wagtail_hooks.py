"""CSV injection in the admin's own list exports ("Tải CSV" of every Wagtail listing): Wagtail
already turns xlsx formulas into text cells, but writes CSV values verbatim. Every CSV value of a
listing export goes through `core.exporters.safe_cell` (idempotent: already-safe values stay)."""

from __future__ import annotations

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.exporters import safe_cell

_preprocess = SpreadsheetExportMixin.preprocess_field_value


def _safe_preprocess(self, field, value, export_format):
    value = _preprocess(self, field, value, export_format)
    return safe_cell(value) if export_format == self.FORMAT_CSV else value


SpreadsheetExportMixin.preprocess_field_value = _safe_preprocess
