"""Domain errors: every service failure carries a machine-readable code and, for imports, the problems."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext


@dataclass(frozen=True)
class Problem:
    """One fault in an input file. `row` is the spreadsheet row (header = 1) or the text line."""

    message: str
    row: int | None = None
    column: str | None = None
    unit: str = "row"  # "row" for spreadsheets, "line" for text files
    sheet: str | None = None  # the workbook's sheet, for imports that read several

    def __str__(self) -> str:
        # In the active language: Vietnamese on the web, English for the commands (which run under
        # translation.override("en"), docs/contract.md: `row 7, column "Email": …`).
        where = [gettext('trang tính "%(sheet)s"') % {"sheet": self.sheet}] if self.sheet else []
        if self.row is not None:
            where.append(_place(self.unit) % {"n": self.row})
        if self.column:
            where.append(gettext('cột "%(column)s"') % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else str(self.message)


def _place(unit: str) -> str:
    """"row 7" of a sheet, "line 7" of a text file, "object 7" of a JSON list (in the active language)."""
    if unit == "line":
        return gettext("dòng %(n)s của tệp")
    if unit == "object":
        return gettext("đối tượng %(n)s")
    return gettext("dòng %(n)s")


class DomainError(Exception):
    code = "domain_error"

    def __init__(self, message: str = "", *, problems: list[Problem] | None = None, code: str | None = None):
        self.problems = list(problems or [])
        if code:
            self.code = code
        super().__init__(message or "; ".join(str(p) for p in self.problems) or self.code)


class ImportRefused(DomainError):
    """An import with at least one bad row: nothing was written."""

    code = "import_refused"

    def __init__(self, problems: list[Problem], message: str = ""):
        super().__init__(message, problems=problems)


class NotFound(DomainError):
    code = "not_found"


class PermissionDenied(DomainError):
    code = "permission_denied"
