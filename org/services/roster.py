"""Roster import (CONTRACT.md "Organisation"): create, update and optionally deactivate the staff
of one agency from a spreadsheet, all-or-nothing, with a preview (dry run) of what would change.

Validation collects every problem before anything is written; the apply step uses bulk queries
only, so a 5,000-row roster takes seconds. Column semantics and the account policy: docs/roster.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Max
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.errors import ImportRefused, Problem
from core.tables import Column, Row, Table, parse_date, read_table
from core.text import fold, header_key
from org.models import Employee, EmployeeCategory, EmploymentPeriod, Gender, OrgUnit, OrgUnitKind, UnitMove
from org.scoping import agency_object_required
from org.services.audit import audit_log
from org.services.employees import (
    initial_password_hash,
    pick_username,
    sync_user_fields,
    taken_usernames,
)
from org.signals import staff_changed

CODE = Column("employee_code", "Mã cán bộ", required=True, aliases=("Mã CB", "Mã nhân viên", "Mã số"))
NAME = Column("full_name", "Họ và tên", required=True, aliases=("Họ tên", "name"))
EMAIL = Column("email", "Email", aliases=("Thư điện tử", "E-mail", "Địa chỉ email"))
UNIT = Column("unit", "Đơn vị", required=True, aliases=("Phòng", "Phòng ban", "Đơn vị công tác"))
POSITION = Column("position", "Chức vụ", aliases=("Chức danh",))
CATEGORY = Column("category", "Loại", required=True, aliases=("Loại cán bộ", "Phân loại", "Đối tượng"))
START_DATE = Column("start_date", "Ngày vào cơ quan", aliases=("Ngày vào", "Ngày bắt đầu công tác"))
GENDER = Column("gender", "Giới tính", aliases=("Phái",))
END_DATE = Column("end_date", "Ngày nghỉ việc", aliases=("Ngày nghỉ", "Ngày thôi việc"))
MOVED_ON = Column("moved_on", "Ngày chuyển đơn vị", aliases=("Ngày chuyển",))
ROSTER_COLUMNS = [CODE, NAME, EMAIL, UNIT, POSITION, CATEGORY, START_DATE, GENDER, END_DATE, MOVED_ON]

MAX_LENGTH = {CODE.name: 32, NAME.name: 255, EMAIL.name: 254, POSITION.name: 255}
BATCH = 1000
IMPOSSIBLE_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$|^\d{4}-\d{1,2}-\d{1,2}$")

_CATEGORY_KEYS = {header_key(key): value for value, label in EmployeeCategory.choices for key in (value, str(label))}
_GENDER_KEYS = {header_key(key): value for value, keys in ((Gender.MALE, ("Nam", "male")),
                                                           (Gender.FEMALE, ("Nữ", "female")))
                for key in keys}


@dataclass
class RosterChange:
    """One line of the preview: what the import does to one person."""

    action: str  # created | updated | unchanged | deactivated
    employee_code: str
    full_name: str
    row: int | None = None  # spreadsheet row; None for a deactivated person absent from the file
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)  # column label → (before, after)


@dataclass
class RosterResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    rows: list[RosterChange] = field(default_factory=list)
    units_created: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self, *, with_deactivated: bool = False) -> str:
        text = f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"
        return f"{text}, deactivated {self.deactivated}" if with_deactivated else text

    @property
    def changed_rows(self) -> list[RosterChange]:
        return [r for r in self.rows if r.action != "unchanged"]


@dataclass
class _Entry:
    """A validated row."""

    row: int
    code: str
    full_name: str
    email: str | None  # None when the file has no Email column (keep what is stored)
    unit: OrgUnit | str  # a unit, or the name of a unit to create (--create-units)
    position: str | None
    category: str
    start_date: dt.date | None
    start_date_given: bool
    gender: str | None = None  # None when the file has no Giới tính column (keep what is stored)
    end_date: dt.date | None = None
    end_date_given: bool = False
    moved_on: dt.date | None = None  # the day a change of unit takes effect (None: the import date)


def roster_read(source: str | Path | IO[bytes] | bytes, filename: str | None = None) -> Table:
    """Read a roster file; a missing required column or an unreadable file raises ImportRefused."""
    return read_table(source, ROSTER_COLUMNS, filename=filename)


def roster_import(
    *,
    agency: OrgUnit,
    table_or_file: Table | str | Path | IO[bytes] | bytes,
    filename: str | None = None,
    create_units: bool = False,
    deactivate_missing: bool = False,
    dry_run: bool = False,
    actor=None,
    via: str = "web",
) -> RosterResult:
    """Validate the whole roster, then (unless `dry_run`) apply it in one transaction.
    `via` ("web", "cli" or "api") names how the caller creates missing units in the problem of an
    unknown unit: the form's checkbox, --create-units, or "create_units": true.

    Raises ImportRefused with every problem (row, column, message) when any row is bad; nothing
    is written then. Re-running the same file changes nothing."""
    agency_object_required(actor=actor, agency=agency)
    table = table_or_file if isinstance(table_or_file, Table) else roster_read(table_or_file, filename)
    with transaction.atomic():
        # One import per agency at a time: the second waits, then sees the first one's result. NO KEY:
        # kept rows of the agency's own unit hold KEY SHARE on this row (their foreign key) while an
        # evidence writer refreshes them; a full lock here would deadlock with it.
        agency = OrgUnit.objects.select_for_update(no_key=True).get(pk=agency.pk)
        units = list(OrgUnit.objects.filter(path__startswith=agency.path))
        existing = _existing_staff(agency)
        today = timezone.localdate()  # the import date: dates a move without "Ngày chuyển đơn vị"
        entries, problems = _validate(table, agency=agency, units=units, create_units=create_units, via=via)
        problems += _email_conflicts(entries, agency=agency, existing=existing)
        problems += _history_conflicts(entries, agency=agency, existing=existing, today=today)
        if problems:
            raise ImportRefused(sorted(problems, key=lambda p: (p.row or 0, _column_order(p.column))))
        result = _plan(entries, existing=existing, deactivate_missing=deactivate_missing, today=today)
        result.dry_run = dry_run
        result.units_created = sorted({e.unit for e in entries if isinstance(e.unit, str)}, key=fold)
        if not dry_run:
            _apply(entries, result, agency=agency, existing=existing, today=today)
            audit_log(
                actor=actor,
                action="roster.import",
                obj=agency,
                after={
                    "file": filename or (str(table_or_file) if isinstance(table_or_file, (str, Path)) else ""),
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "deactivated": result.deactivated,
                    "units_created": result.units_created,
                },
            )
    return result


# --- validation -----------------------------------------------------------------------------


def _column_order(label: str | None) -> int:
    labels = [c.label for c in ROSTER_COLUMNS]
    return labels.index(label) if label in labels else len(labels)


def _existing_staff(agency: OrgUnit) -> dict[str, Employee]:
    staff = Employee.objects.filter(agency=agency).select_related("user", "unit")
    return {e.employee_code.casefold(): e for e in staff}


class _UnitIndex:
    """Units of the agency by code (case-insensitive) and by name (diacritics-insensitive)."""

    def __init__(self, units: list[OrgUnit]):
        self.by_code: dict[str, OrgUnit] = {}
        self.by_name: dict[str, list[OrgUnit]] = {}
        for unit in units:
            self.by_code.setdefault(unit.code.casefold(), unit)
            self.by_name.setdefault(fold(unit.name), []).append(unit)

    def find(self, value: str) -> OrgUnit | list[OrgUnit] | None:
        unit = self.by_code.get(value.casefold())
        if unit is not None:
            return unit
        named = self.by_name.get(fold(value), [])
        if len(named) == 1:
            return named[0]
        return named or None


def _validate(table: Table, *, agency: OrgUnit, units: list[OrgUnit], create_units: bool, via: str = "web"):
    index = _UnitIndex(units)
    new_units: dict[str, str] = {}  # folded name → name as first written
    entries: list[_Entry] = []
    problems: list[Problem] = []
    first_code: dict[str, int] = {}
    first_email: dict[str, int] = {}
    for row in table.rows:
        found: list[Problem] = []

        def problem(column: Column, message: str, row=row, found=found) -> None:
            found.append(Problem(message, row=row.number, column=column.label))

        code = _text(row, CODE, problem)
        full_name = _text(row, NAME, problem)
        if code:
            if any(ch.isspace() for ch in code):
                problem(CODE, gettext('mã cán bộ "%(code)s" không được chứa dấu cách') % {"code": code})
            key = code.casefold()
            if key in first_code:
                problem(CODE, gettext('mã cán bộ "%(code)s" xuất hiện nhiều lần trong tệp (lần đầu ở dòng %(first)s)')
                        % {"code": code, "first": first_code[key]})
            else:
                first_code[key] = row.number
        email = _email(row, problem, first_email) if EMAIL.name in table.present else None
        unit = _unit(row, problem, index=index, agency=agency, create_units=create_units, new_units=new_units,
                     via=via)
        category = _category(row, problem)
        start_date = _date(row, START_DATE, problem)
        position = _text(row, POSITION, problem) if POSITION.name in table.present else None
        gender = _gender(row, problem) if GENDER.name in table.present else None
        end_date = _date(row, END_DATE, problem)
        moved_on = _date(row, MOVED_ON, problem)
        if start_date and end_date and end_date <= start_date:
            problem(END_DATE, gettext("ngày nghỉ việc %(end)s phải sau ngày vào cơ quan %(start)s")
                    % {"end": f"{end_date:%d/%m/%Y}", "start": f"{start_date:%d/%m/%Y}"})
        if start_date and moved_on and moved_on < start_date:
            problem(MOVED_ON, gettext("ngày chuyển đơn vị %(moved)s trước ngày vào cơ quan %(start)s")
                    % {"moved": f"{moved_on:%d/%m/%Y}", "start": f"{start_date:%d/%m/%Y}"})
        problems += found
        if not found:
            entries.append(
                _Entry(
                    row=row.number, code=code, full_name=" ".join(full_name.split()), email=email, unit=unit,
                    position=position, category=category, start_date=start_date,
                    start_date_given=START_DATE.name in table.present, gender=gender, end_date=end_date,
                    end_date_given=END_DATE.name in table.present, moved_on=moved_on,
                )
            )
    return entries, problems


def _gender(row: Row, problem) -> str:
    value = _text(row, GENDER, problem)
    if not value:
        return ""
    gender = _GENDER_KEYS.get(header_key(value))
    if gender is None:
        problem(GENDER, gettext('"%(value)s" không phải giới tính: ghi Nam hoặc Nữ (hoặc male, female)') % {"value": value})
        return ""
    return gender


def _text(row: Row, column: Column, problem) -> str:
    value = row.text(column.name)
    if not value and column.required:
        problem(column, gettext("cần có giá trị"))
    limit = MAX_LENGTH.get(column.name)
    if limit and len(value) > limit:
        problem(column, gettext('"%(value)s…" dài hơn %(limit)s ký tự') % {"value": value[:40], "limit": limit})
    return value


def _email(row: Row, problem, first_email: dict[str, int]) -> str:
    value = _text(row, EMAIL, problem)
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        problem(EMAIL, gettext('"%(value)s" không phải địa chỉ email hợp lệ') % {"value": value})
        return value
    key = value.casefold()
    if key in first_email:
        problem(EMAIL, gettext('email "%(value)s" xuất hiện nhiều lần trong tệp (lần đầu ở dòng %(first)s)')
                % {"value": value, "first": first_email[key]})
    else:
        first_email[key] = row.number
    return value


def _unknown_unit_hint(via: str) -> str:
    """How to get past an unknown unit, in the caller's own terms (no command-line flag on the web)."""
    if via == "cli":
        return gettext("ghi tên hoặc mã đơn vị, hoặc chạy lệnh với --create-units")
    if via == "api":
        return gettext('ghi tên hoặc mã đơn vị, hoặc gửi "create_units": true')
    return gettext("ghi tên hoặc mã đơn vị, hoặc đánh dấu ô “Tạo các đơn vị chưa có trong hệ thống”")


def _unit(row: Row, problem, *, index: _UnitIndex, agency: OrgUnit, create_units: bool, new_units: dict[str, str],
          via: str = "web"):
    value = _text(row, UNIT, problem)
    if not value:
        return None
    found = index.find(value)
    if isinstance(found, OrgUnit):
        return found
    if found:
        codes = ", ".join(sorted(u.code for u in found))
        problem(UNIT, gettext('"%(value)s" là tên của nhiều đơn vị thuộc %(agency)s (%(codes)s): ghi mã đơn vị')
                % {"value": value, "agency": agency.name, "codes": codes})
        return None
    if create_units:
        return new_units.setdefault(fold(value), " ".join(value.split()))
    problem(UNIT, gettext('"%(value)s" không phải đơn vị của %(agency)s (%(hint)s)')
            % {"value": value, "agency": agency.name, "hint": _unknown_unit_hint(via)})
    return None


def _category(row: Row, problem) -> str | None:
    value = _text(row, CATEGORY, problem)
    if not value:
        return None
    category = _CATEGORY_KEYS.get(header_key(value))
    if category is None:
        with translation.override("vi"):  # the words the file must hold, whatever the reader's language
            labels = ", ".join(str(label) for _, label in EmployeeCategory.choices)
        problem(CATEGORY, gettext('"%(value)s" không phải loại cán bộ: ghi %(labels)s (hoặc %(codes)s)')
                % {"value": value, "labels": labels, "codes": ", ".join(EmployeeCategory.values)})
    return category


def _date(row: Row, column: Column, problem) -> dt.date | None:
    value = row.get(column.name)
    if value is None:
        return None
    try:
        date = parse_date(value)
    except ValueError as exc:
        text = str(value).strip()
        if IMPOSSIBLE_DATE.match(text):
            problem(column, gettext('"%(text)s" không phải ngày có thật') % {"text": text})
        else:
            problem(column, str(exc))
        return None
    if not 1900 <= date.year <= 2100:
        problem(column, gettext('"%(date)s" không phải ngày hợp lý') % {"date": f"{date:%d/%m/%Y}"})
    return date


def _email_conflicts(entries: list[_Entry], *, agency: OrgUnit, existing: dict[str, Employee]) -> list[Problem]:
    """An email of the file already used by someone else: another agency's staff, staff of this
    agency absent from the file, or an account not linked to the person in this row."""
    wanted = {e.email.casefold(): e for e in entries if e.email}
    if not wanted:
        return []
    codes = {e.code.casefold() for e in entries}
    problems: list[Problem] = []
    others = (
        Employee.objects.annotate(email_key=Lower("email"))
        .filter(email_key__in=list(wanted))
        .values_list("email_key", "agency_id", "employee_code", "full_name", "user_id")
    )
    file_users = {existing[c].user_id for c in codes if c in existing and existing[c].user_id}
    for email_key, agency_id, code, name, _user_id in others:
        if agency_id == agency.pk and code.casefold() in codes:
            continue  # someone in this file: the file's own duplicates are checked per row
        entry = wanted[email_key]
        # Another agency's staff are not named: whoever imports (HR of an agency, an API token)
        # must not learn who works elsewhere by trying addresses.
        owner = f"{name} ({code})" if agency_id == agency.pk else gettext("một cán bộ của cơ quan khác")
        problems.append(Problem(gettext('email "%(email)s" đã được dùng cho %(owner)s')
                                % {"email": entry.email, "owner": owner}, row=entry.row, column=EMAIL.label))
    flagged = {p.row for p in problems}
    accounts = (
        get_user_model()
        .objects.annotate(email_key=Lower("email"))
        .filter(email_key__in=list(wanted))
        .exclude(pk__in=file_users)
        .filter(employee__isnull=True)
        .values_list("email_key", "username")
    )
    for email_key, username in accounts:
        entry = wanted[email_key]
        if entry.row not in flagged:
            problems.append(
                Problem(gettext('email "%(email)s" đã được dùng cho tài khoản "%(username)s"')
                        % {"email": entry.email, "username": username}, row=entry.row, column=EMAIL.label)
            )
    return problems


def _history_conflicts(entries: list[_Entry], *, agency: OrgUnit, existing: dict[str, Employee],
                       today: dt.date) -> list[Problem]:
    """A change of unit dated before what is already recorded (the person's last move, or their
    start) would rewrite the past out of order: refused on the row's move-date column."""
    last_move = dict(
        UnitMove.objects.filter(employee__agency=agency).values("employee_id")
        .annotate(last=Max("moved_on")).values_list("employee_id", "last")
    )
    problems = []
    for entry in entries:
        employee = existing.get(entry.code.casefold())
        if employee is None or not _moves(employee, entry):
            continue
        target = _target(employee, entry, today=today)
        moved_on, start, last = target.moved_on, target.start_date, last_move.get(employee.pk)
        column = MOVED_ON.label if entry.moved_on else UNIT.label
        if last and moved_on < last:
            problems.append(Problem(
                gettext("lần chuyển đơn vị ngày %(moved)s trước lần chuyển gần nhất đã ghi của người này ngày %(last)s")
                % {"moved": f"{moved_on:%d/%m/%Y}", "last": f"{last:%d/%m/%Y}"}, row=entry.row, column=column))
        elif start and moved_on < start:
            problems.append(Problem(
                gettext("lần chuyển đơn vị ngày %(moved)s trước ngày vào cơ quan của người này %(start)s")
                % {"moved": f"{moved_on:%d/%m/%Y}", "start": f"{start:%d/%m/%Y}"}, row=entry.row, column=column))
    return problems


# --- plan and apply ---------------------------------------------------------------------------


@dataclass
class _Target:
    """What the person's employment becomes: dates, active flag, and the history to record."""

    start_date: dt.date | None
    left_date: dt.date | None
    is_active: bool
    rehired: bool  # back after leaving: the stored period is kept as an EmploymentPeriod
    moved_on: dt.date | None  # the day the change of unit takes effect (None: no change of unit)


def _moves(employee: Employee, entry: _Entry) -> bool:
    new_unit_id = entry.unit.pk if isinstance(entry.unit, OrgUnit) else None
    return employee.unit_id != new_unit_id


def _target(employee: Employee, entry: _Entry, *, today: dt.date) -> _Target:
    """The rules of docs/roster.md "History": a start date on or after the stored leaving date is a
    return (a new period); otherwise the file's dates replace the stored ones (a correction). A
    person found in the file without a leaving date is in post (a deactivated one comes back)."""
    start = entry.start_date if entry.start_date_given else employee.start_date
    left = entry.end_date if entry.end_date_given else employee.left_date
    rehired = bool(
        employee.left_date and entry.start_date and entry.start_date >= employee.left_date
        and entry.start_date != employee.start_date
    )
    if rehired:
        left = entry.end_date if entry.end_date_given else None
    elif not entry.end_date_given and not employee.is_active:
        left = None  # listed again without a leaving date: reactivated (what the import always did)
    moved_on = None
    if _moves(employee, entry):
        moved_on = entry.moved_on or (start if rehired and start else today)
    return _Target(start_date=start, left_date=left, is_active=left is None or left > today, rehired=rehired,
                   moved_on=moved_on)


def _day(value: dt.date) -> str:
    return f"{value:%d/%m/%Y}"


def _unit_label(unit: OrgUnit | str | None) -> str:
    return unit if isinstance(unit, str) else (unit.name if unit else "")


def _changes(employee: Employee, entry: _Entry, *, today: dt.date) -> dict[str, tuple[str, str]]:
    changes: dict[str, tuple[str, str]] = {}
    target = _target(employee, entry, today=today)

    def compare(label: str, before: Any, after: Any, shown=str) -> None:
        if before != after:
            changes[label] = (shown(before) if before not in (None, "") else "", shown(after) if after else "")

    compare(NAME.label, employee.full_name, entry.full_name)
    if entry.email is not None:
        compare(EMAIL.label, employee.email, entry.email)
    if target.moved_on:
        changes[UNIT.label] = (employee.unit.name, _unit_label(entry.unit))
        changes[MOVED_ON.label] = ("", _day(target.moved_on))
    if entry.position is not None:
        compare(POSITION.label, employee.position, entry.position)
    compare(CATEGORY.label, employee.category, entry.category, lambda v: str(EmployeeCategory(v).label))
    if entry.gender is not None:
        compare(GENDER.label, employee.gender, entry.gender, lambda v: str(Gender(v).label))
    compare(START_DATE.label, employee.start_date, target.start_date, _day)
    compare(END_DATE.label, employee.left_date, target.left_date, _day)
    if employee.is_active != target.is_active:
        yes_no = ("không", "có") if target.is_active else ("có", "không")
        changes[str(Employee._meta.get_field("is_active").verbose_name)] = yes_no
    return changes


def _plan(entries: list[_Entry], *, existing: dict[str, Employee], deactivate_missing: bool,
          today: dt.date) -> RosterResult:
    result = RosterResult()
    for entry in entries:
        employee = existing.get(entry.code.casefold())
        if employee is None:
            result.created += 1
            result.rows.append(RosterChange("created", entry.code, entry.full_name, entry.row))
            continue
        changes = _changes(employee, entry, today=today)
        action = "updated" if changes else "unchanged"
        setattr(result, action, getattr(result, action) + 1)
        result.rows.append(RosterChange(action, employee.employee_code, entry.full_name, entry.row, changes))
    if deactivate_missing:
        in_file = {e.code.casefold() for e in entries}
        for key, employee in sorted(existing.items()):
            if employee.is_active and key not in in_file:
                result.deactivated += 1
                result.rows.append(RosterChange("deactivated", employee.employee_code, employee.full_name))
    return result


def _unit_code(name: str, taken: set[str]) -> str:
    initials = "".join(word[0] for word in re.findall(r"[a-z0-9]+", fold(name))).upper()[:24] or "DV"
    code, number = initials, 2
    while code.casefold() in taken:
        code, number = f"{initials}-{number}", number + 1
    taken.add(code.casefold())
    return code


def _create_units(entries: list[_Entry], *, agency: OrgUnit) -> None:
    names = sorted({e.unit for e in entries if isinstance(e.unit, str)}, key=fold)
    if not names:
        return
    taken = {c.casefold() for c in OrgUnit.objects.filter(path__startswith=agency.path).values_list("code", flat=True)}
    created = {}
    for name in names:
        parent = OrgUnit.objects.get(pk=agency.pk)  # fresh numchild/path for treebeard
        created[name] = parent.add_child(code=_unit_code(name, taken), name=name, kind=OrgUnitKind.DEPARTMENT)
    for entry in entries:
        if isinstance(entry.unit, str):
            entry.unit = created[entry.unit]


def _apply(entries: list[_Entry], result: RosterResult, *, agency: OrgUnit, existing: dict[str, Employee],
           today: dt.date) -> None:
    _create_units(entries, agency=agency)
    now = timezone.now()
    to_create: list[Employee] = []
    to_update: list[Employee] = []
    kept: list[Employee] = []  # in the file and already stored: their accounts are synced too
    moves: list[UnitMove] = []
    periods: list[EmploymentPeriod] = []
    for entry, change in zip(entries, result.rows, strict=False):
        employee = existing.get(entry.code.casefold())
        if employee is None:
            employee = Employee(agency=agency, employee_code=entry.code, created_at=now)
            target = _Target(start_date=entry.start_date, left_date=entry.end_date,
                             is_active=entry.end_date is None or entry.end_date > today, rehired=False, moved_on=None)
            to_create.append(employee)
        elif change.action == "updated":
            target = _target(employee, entry, today=today)
            to_update.append(employee)
        else:
            kept.append(employee)
            continue
        if target.rehired:
            periods.append(EmploymentPeriod(employee=employee, start_date=employee.start_date,
                                            end_date=employee.left_date))
        if target.moved_on:
            moves.append(UnitMove(employee=employee, from_unit_id=employee.unit_id, to_unit=entry.unit,
                                  moved_on=target.moved_on))
        employee.full_name = entry.full_name
        employee.search_name = fold(entry.full_name)  # bulk writes skip Employee.save()
        employee.unit = entry.unit
        employee.category = entry.category
        employee.start_date, employee.left_date = target.start_date, target.left_date
        employee.is_active = target.is_active
        employee.updated_at = now
        if entry.email is not None:
            employee.email = entry.email
        if entry.position is not None:
            employee.position = entry.position
        if entry.gender is not None:
            employee.gender = entry.gender
    for change in result.rows:
        if change.action == "deactivated":
            employee = existing[change.employee_code.casefold()]
            employee.is_active = False
            # Absent from the roster: gone by the import date at the latest, so that reports as of
            # earlier days keep them (docs/roster.md "History").
            if employee.left_date is None or employee.left_date > today:
                employee.left_date = today
            employee.updated_at = now
            to_update.append(employee)
    # Accounts first, so that new staff are inserted with their user and no second pass is needed.
    linked = _sync_accounts(to_create + to_update + kept, agency=agency)
    updating = {id(e) for e in to_update}
    relinked = [e for e in linked if e.pk and id(e) not in updating]  # stored staff that had no account
    Employee.objects.bulk_create(to_create, batch_size=BATCH)
    fields = ["full_name", "search_name", "email", "unit", "position", "category", "gender", "start_date",
              "left_date", "is_active", "updated_at", "user"]
    _update_rows(Employee, to_update, fields)
    _update_rows(Employee, relinked, ["user"])
    UnitMove.objects.bulk_create(moves, batch_size=BATCH)
    EmploymentPeriod.objects.bulk_create(periods, batch_size=BATCH)
    staff_changed.send(sender=Employee, employee_ids=sorted(e.pk for e in to_create + to_update))


def _sync_accounts(employees: list[Employee], *, agency: OrgUnit) -> list[Employee]:
    """Give every employee without an account a new one (user_id set in memory) and copy email,
    name and active flag onto existing accounts. Returns the employees that got an account."""
    User = get_user_model()
    taken = taken_usernames()
    password = initial_password_hash()
    new_users: dict[str, tuple[Employee, Any]] = {}
    changed_users = []
    for employee in employees:
        if employee.user_id is None:
            username = pick_username(agency_code=agency.code, employee_code=employee.employee_code, taken=taken)
            user = User(username=username, password=password)
            sync_user_fields(user, employee)
            new_users[username] = (employee, user)
        elif sync_user_fields(employee.user, employee):
            changed_users.append(employee.user)
    User.objects.bulk_create([user for _, user in new_users.values()], batch_size=BATCH)
    ids = dict(User.objects.filter(username__in=list(new_users)).values_list("username", "pk"))
    for username, (employee, _user) in new_users.items():
        employee.user_id = ids[username]
    _update_rows(User, changed_users, ["email", "first_name", "is_active"])
    return [employee for employee, _ in new_users.values()]


def _update_rows(model, objects: list, field_names: list[str]) -> None:
    """UPDATE … WHERE pk = %s through one executemany: the driver batches it (psycopg pipelines,
    SQLite reuses the statement). `bulk_update` builds a CASE per field and row instead, which
    costs seconds of Python for a few thousand changed rows."""
    if not objects:
        return
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in field_names]
    pk = model._meta.pk
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table), ", ".join(f"{quote(f.column)} = %s" for f in fields), quote(pk.column)
    )
    params = [[f.get_db_prep_save(getattr(o, f.attname), connection) for f in fields] + [o.pk] for o in objects]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
