"""Recording attendance at study sessions: by HR, by QR check-in, or from a filled-in sign-in sheet.

Every change goes through `attendance_record`, which locks the row, writes only when something
changes and audits before/after; re-recording the same status is a no-op (idempotent imports).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.errors import DomainError, ImportRefused, Problem
from core.evidence import evidence_announce, evidence_batch
from core.tables import Column, Table, read_table
from core.text import fold
from learning.models import Attendance, AttendanceMethod, AttendanceStatus, StudySession
from learning.selectors.sessions import session_audience, session_roster
from org.models import Employee
from org.scoping import ForeignAgencyObject, agency_object_required
from org.services.audit import audit_log


class AttendanceInvalid(DomainError):
    code = "attendance_invalid"


ATTENDANCE_COLUMNS = [
    Column("employee_code", "Mã cán bộ", required=True),
    Column("full_name", "Họ và tên"),
    Column("status", "Trạng thái", required=True),
    Column("note", "Ghi chú"),
]

# Vietnamese labels and English aliases, folded (diacritics-insensitive).
STATUS_WORDS = {
    "co mat": AttendanceStatus.PRESENT,
    "present": AttendanceStatus.PRESENT,
    "di muon": AttendanceStatus.LATE,
    "late": AttendanceStatus.LATE,
    "vang co ly do": AttendanceStatus.EXCUSED,
    "excused": AttendanceStatus.EXCUSED,
    "vang": AttendanceStatus.ABSENT,
    "vang khong ly do": AttendanceStatus.ABSENT,
    "absent": AttendanceStatus.ABSENT,
}


def status_parse(value: str) -> AttendanceStatus | None:
    return STATUS_WORDS.get(fold(value))


def _snapshot(attendance: Attendance | None) -> dict | None:
    if attendance is None:
        return None
    return {
        "session": attendance.session_id,
        "employee": attendance.employee.employee_code,
        "status": attendance.status,
        "method": attendance.method,
        "note": attendance.note,
    }


@dataclass(frozen=True)
class AttendanceChange:
    attendance: Attendance
    created: bool
    changed: bool


def _locked(session: StudySession, employee: Employee) -> Attendance | None:
    return Attendance.objects.select_for_update().filter(session=session, employee=employee).first()


@transaction.atomic
def attendance_record(
    *,
    session: StudySession,
    employee: Employee,
    status: str,
    method: str,
    actor=None,
    note: str | None = None,
) -> AttendanceChange:
    """Set one person's attendance at a session (upsert under a row lock, audited).

    `note=None` keeps the existing note. Recording what is already there changes nothing and
    writes no audit entry; the method stays the one that first recorded the current status.
    """
    if status not in AttendanceStatus.values:
        raise AttendanceInvalid(f"unknown attendance status {status!r}")
    if method not in AttendanceMethod.values:
        raise AttendanceInvalid(f"unknown attendance method {method!r}")
    agency_object_required(actor=actor, agency=session.campaign.agency_id)
    if employee.agency_id != session.campaign.agency_id:
        raise ForeignAgencyObject("not found")  # another agency's person: as if there were none
    recorder = actor if getattr(actor, "is_authenticated", False) else None
    attendance = _locked(session, employee)
    created = False
    if attendance is None:
        try:
            with transaction.atomic():  # savepoint: a concurrent insert of the same person loses the race
                attendance = Attendance.objects.create(
                    session=session, employee=employee, status=status, method=method,
                    recorded_by=recorder, note=note or "",
                )
                created = True
        except IntegrityError:
            attendance = _locked(session, employee)
    if created:
        audit_log(actor=actor, action="attendance.record", obj=attendance, after=_snapshot(attendance))
        evidence_announce(sender=Attendance, employee_ids=[employee.pk])
        return AttendanceChange(attendance, created=True, changed=True)
    new_note = attendance.note if note is None else note
    if attendance.status == status and attendance.note == new_note:
        return AttendanceChange(attendance, created=False, changed=False)
    before = _snapshot(attendance)
    if attendance.status != status:
        attendance.method = method
    attendance.status = status
    attendance.note = new_note
    attendance.recorded_by = recorder
    attendance.save()
    audit_log(actor=actor, action="attendance.record", obj=attendance, before=before, after=_snapshot(attendance))
    evidence_announce(sender=Attendance, employee_ids=[employee.pk])
    return AttendanceChange(attendance, created=False, changed=True)


@transaction.atomic
def attendance_mark_remaining_absent(*, session: StudySession, actor=None) -> int:
    agency_object_required(actor=actor, agency=session.campaign.agency_id)
    """Mark everyone on the roster who has no attendance yet as absent; returns how many."""
    StudySession.objects.select_for_update().filter(pk=session.pk).first()  # one bulk marking at a time
    marked = set(Attendance.objects.filter(session=session).values_list("employee_id", flat=True))
    count = 0
    for employee in session_roster(session):
        if employee.pk in marked:
            continue
        attendance_record(
            session=session, employee=employee, status=AttendanceStatus.ABSENT, method=AttendanceMethod.HR,
            actor=actor,
        )
        count += 1
    if count:
        audit_log(actor=actor, action="attendance.mark_remaining_absent", obj=session, after={"marked_absent": count})
    return count


# --- import of a filled-in sign-in sheet -------------------------------------------------------


@dataclass(frozen=True)
class SheetLine:
    row: int
    employee: Employee
    status: str
    note: str | None
    current: str  # status before the import, "" when unmarked


@dataclass
class AttendanceImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    lines: list[SheetLine] = field(default_factory=list)

    def summary(self) -> str:
        return f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"


def attendance_validate(*, session: StudySession, table: Table) -> tuple[list[SheetLine], list[Problem]]:
    """Check every row of a sheet against the session's audience; all problems, not just the first."""
    audience = {e.employee_code.casefold(): e for e in session_audience(session)}
    agency_codes = set(
        Employee.objects.filter(agency_id=session.campaign.agency_id).values_list("employee_code", flat=True)
    )
    agency_codes = {c.casefold() for c in agency_codes}
    current = dict(Attendance.objects.filter(session=session).values_list("employee_id", "status"))
    lines: list[SheetLine] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        code = row.text("employee_code")
        key = code.casefold()
        employee = audience.get(key)
        if not code:
            problems.append(Problem(gettext("mã cán bộ để trống"), row=row.number, column="Mã cán bộ"))
        elif key in seen:
            problems.append(Problem(gettext('"%(code)s" đã có ở dòng %(first)s') % {"code": code, "first": seen[key]},
                                    row=row.number, column="Mã cán bộ"))
        elif employee is None:
            message = (gettext('"%(code)s" không thuộc đối tượng của hội nghị này') if key in agency_codes
                       else gettext('"%(code)s" không phải mã cán bộ đã biết'))
            problems.append(Problem(message % {"code": code}, row=row.number, column="Mã cán bộ"))
        if code:
            seen.setdefault(key, row.number)
        name = row.text("full_name")
        if employee is not None and name and fold(name) != fold(employee.full_name):
            problems.append(
                Problem(gettext('"%(name)s" không khớp với họ tên trong danh sách cán bộ "%(roster)s" của %(code)s')
                        % {"name": name, "roster": employee.full_name, "code": employee.employee_code},
                        row=row.number, column="Họ và tên")
            )
        raw_status = row.text("status")
        status = status_parse(raw_status)
        if status is None:
            problems.append(
                Problem(
                    gettext('"%(value)s" không phải trạng thái (ghi Có mặt, Đi muộn, Vắng có lý do, Vắng)')
                    % {"value": raw_status} if raw_status
                    else gettext("trạng thái để trống (ghi Có mặt, Đi muộn, Vắng có lý do, Vắng)"),
                    row=row.number, column="Trạng thái",
                )
            )
        if employee is not None and status is not None:
            note = row.text("note") if "note" in table.present else None
            lines.append(SheetLine(row=row.number, employee=employee, status=status, note=note or None,
                                   current=current.get(employee.pk, "")))
    if not table.rows:
        problems.append(Problem(gettext("trang tính không có dòng nào dưới dòng tiêu đề")))
    return lines, problems


def attendance_import(
    *,
    session: StudySession,
    file: str | Path | IO[bytes] | bytes | None = None,
    filename: str | None = None,
    table: Table | None = None,
    dry_run: bool = False,
    actor=None,
) -> AttendanceImportResult:
    """Import a filled-in sign-in sheet: all rows or none (ImportRefused names every bad row)."""
    agency_object_required(actor=actor, agency=session.campaign.agency_id)
    if table is None:
        if file is None:
            raise AttendanceInvalid("attendance_import needs a file or a table")
        table = read_table(file, ATTENDANCE_COLUMNS, filename=filename)
    lines, problems = attendance_validate(session=session, table=table)
    if problems:
        raise ImportRefused(problems)
    result = AttendanceImportResult(dry_run=dry_run, lines=lines)
    with transaction.atomic(), evidence_batch(sender=Attendance):  # one announcement for the sheet
        for line in lines:
            change = attendance_record(
                session=session, employee=line.employee, status=line.status, method=AttendanceMethod.SHEET,
                actor=actor, note=line.note,
            )
            if change.created:
                result.created += 1
            elif change.changed:
                result.updated += 1
            else:
                result.unchanged += 1
        if dry_run:
            transaction.set_rollback(True)
        elif result.created or result.updated:
            audit_log(actor=actor, action="attendance.import", obj=session,
                      after={"created": result.created, "updated": result.updated, "at": timezone.now().isoformat()})
    return result

