"""The exporter registry drives the screens and the commands: every exporter declares its scope,
format and family; menus and --format choices are read from it."""

from __future__ import annotations

import pytest

from core import exporters
from core.exporters import Exporter, Rendered, Scope


def test_every_registered_exporter_declares_its_scope_and_format():
    for identifier, cls in exporters.all_exporters().items():
        assert cls.scope in Scope.values, identifier
        assert cls.format in {"csv", "xlsx", "pdf", "docx", "zip"}, identifier


def test_menus_and_families_come_from_the_registry():
    assert [cls.identifier for cls in exporters.menu(Scope.CAMPAIGN)] == [
        "compliance-xlsx", "compliance-pdf", "compliance-csv", "certificate-register", "compliance-csv-vi"]
    assert [cls.identifier for cls in exporters.menu(Scope.SESSION)] == [
        "session-signin-sheet", "session-attendance-list", "session-attendance-sheet-xlsx",
        "session-attendance-sheet-csv"]
    assert sorted(exporters.family("compliance")) == ["csv", "pdf", "xlsx"]
    assert exporters.family("compliance")["csv"].identifier == "compliance-csv"  # the contract CSV
    assert [cls.identifier for cls in exporters.menu(Scope.QUIZ)] == ["quiz-results-xlsx"]


def test_a_new_exporter_appears_in_its_menu_without_touching_the_screens():
    class Extra(Exporter):
        identifier = "test-extra"
        verbose_name = "Bảng thêm"
        scope = Scope.SESSION
        format = "csv"
        menu = 9

        def render(self, **kwargs) -> Rendered:
            return Rendered("x.csv", "text/csv", b"")

    exporters.register(Extra)
    try:
        assert exporters.menu(Scope.SESSION)[-1] is Extra
    finally:
        exporters._registry.pop("test-extra")


def test_an_exporter_without_a_known_scope_is_refused():
    class Lost(Exporter):
        identifier = "test-lost"
        verbose_name = "?"
        scope = "galaxy"
        format = "pdf"

    with pytest.raises(ValueError):
        exporters.register(Lost)
