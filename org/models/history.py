"""Roster history (docs/roster.md "History"): what a person's employment and unit were on any
past day, so that a report as of a date gives the same answer whatever was imported later.

The `Employee` row holds the present (its `unit`, `start_date`, `left_date`); these tables hold
only what changed, dated:
- `UnitMove`: the person went from one unit to another on `moved_on` (a change of `Đơn vị` in a
  roster import, dated by `Ngày chuyển đơn vị` or the import date, or an edit in the admin).
  Their unit on day T is the `from_unit` of their first move dated after T, else their current
  unit; a person who never moved was in their current unit all along.
- `EmploymentPeriod`: an earlier period of employment, closed, kept when the person came back
  (a new `Ngày vào cơ quan` after their `Ngày nghỉ việc`). The current period is the employee's
  own `start_date` / `left_date`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from org.scoping import AgencyScopedManager

from .staff import Employee
from .units import OrgUnit


class UnitMove(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="unit_moves",
                                 verbose_name=_("cán bộ"))
    from_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("từ đơn vị"))
    to_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đến đơn vị"))
    moved_on = models.DateField(_("ngày chuyển đơn vị"), help_text=_("Ngày bắt đầu công tác ở đơn vị mới"))
    recorded_at = models.DateTimeField(auto_now_add=True)

    agency_lookup = "employee__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("chuyển đơn vị")
        verbose_name_plural = _("chuyển đơn vị")
        ordering = ["employee", "moved_on", "id"]
        indexes = [models.Index(fields=["employee", "moved_on"], name="unitmove_employee_day")]

    def __str__(self) -> str:
        return f"{self.employee}: {self.from_unit} → {self.to_unit} ({self.moved_on:%d/%m/%Y})"


class EmploymentPeriod(models.Model):
    """A closed, earlier period of employment: employed from `start_date` (None: since before the
    roster knew) to the day before `end_date`."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="past_periods",
                                 verbose_name=_("cán bộ"))
    start_date = models.DateField(_("ngày vào cơ quan"), null=True, blank=True)
    end_date = models.DateField(_("ngày nghỉ việc"))
    recorded_at = models.DateTimeField(auto_now_add=True)

    agency_lookup = "employee__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("giai đoạn công tác")
        verbose_name_plural = _("giai đoạn công tác")
        ordering = ["employee", "end_date"]
        indexes = [models.Index(fields=["employee", "end_date"], name="period_employee_end")]

    def __str__(self) -> str:
        start = f"{self.start_date:%d/%m/%Y}" if self.start_date else "…"
        return f"{self.employee}: {start} – {self.end_date:%d/%m/%Y}"
