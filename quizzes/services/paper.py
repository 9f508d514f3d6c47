"""Results of paper tests taken at a study session (`import_quiz_results`).

Columns: Mã cán bộ [employee_code], Điểm [score], Điểm tối đa [max_score] (default 10),
Ngày làm bài [date]. Passed when score / max >= the quiz's pass mark. One paper attempt per
(person, quiz, date): re-importing a file updates those rows and creates nothing new.

Codes are looked up among the staff of the acting HR's agency only (issue 13, H1): a code of
another agency is "unknown", word for word as a code that exists nowhere, so the preview is no
oracle for other agencies' names. The command line (no actor) is the operator: every agency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from core.errors import ImportRefused, PermissionDenied, Problem
from core.evidence import evidence_announce, evidence_withdraw
from core.tables import Column, Table, parse_date
from org.models import Employee
from org.selectors.access import employee_of, is_hr
from org.services.audit import audit_log
from quizzes.errors import QuizNotFound
from quizzes.models import Attempt, AttemptSource, AttemptState, Quiz
from quizzes.selectors import quizzes_visible

from .grading import percent_of

COLUMNS = [
    Column("employee_code", "Mã cán bộ", required=True),
    Column("full_name", "Họ và tên"),
    Column("score", "Điểm", required=True),
    Column("max_score", "Điểm tối đa"),
    Column("date", "Ngày làm bài", required=True),
]


@dataclass
class PaperRow:
    row: int
    employee: Employee
    score: Decimal
    max_score: Decimal
    date: dt.date
    passed: bool


@dataclass
class PaperImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    passed: int = 0
    rows: list[PaperRow] = field(default_factory=list)
    dry_run: bool = False


def _number(text: str, row: int, column: str, problems: list[Problem]) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        problems.append(Problem(gettext('"%(text)s" không phải số') % {"text": text}, row=row, column=column))
        return None
    if not value.is_finite() or value < 0:
        problems.append(Problem(gettext('"%(text)s" phải là số từ 0 trở lên') % {"text": text}, row=row, column=column))
        return None
    return value


def paper_results_staff(*, actor) -> QuerySet[Employee]:
    """Whose results `actor` may record: the staff of their agency (HR), everyone (a superuser, or
    the command line: actor None). Anyone else records nothing."""
    if actor is None or getattr(actor, "is_superuser", False):
        return Employee.objects.all()
    employee = employee_of(actor)
    if employee is None or not is_hr(actor):
        raise PermissionDenied("only HR may record paper test results")
    return Employee.objects.filter(agency_id=employee.agency_id)


def paper_results_validate(*, quiz: Quiz, table: Table, staff: QuerySet[Employee]) -> tuple[list[PaperRow],
                                                                                           list[Problem]]:
    problems: list[Problem] = []
    rows: list[PaperRow] = []
    codes = {r.text("employee_code") for r in table.rows}
    by_code: dict[str, list[Employee]] = {}
    for e in staff.filter(employee_code__in=codes):
        by_code.setdefault(e.employee_code, []).append(e)
    seen: dict[tuple[str, dt.date], int] = {}
    for r in table.rows:
        code = r.text("employee_code")
        found = by_code.get(code, [])
        before = len(problems)
        if not code:
            problems.append(Problem(gettext("mã cán bộ để trống"), row=r.number, column="Mã cán bộ"))
        elif not found:
            problems.append(Problem(gettext('không có mã cán bộ "%(code)s"') % {"code": code}, row=r.number,
                                    column="Mã cán bộ"))
        elif len(found) > 1:
            problems.append(Problem(gettext('mã cán bộ "%(code)s" có ở nhiều cơ quan') % {"code": code},
                                    row=r.number, column="Mã cán bộ"))
        score_text = r.text("score")
        score = _number(score_text, r.number, "Điểm", problems) if score_text else None
        if not score_text:
            problems.append(Problem(gettext("điểm để trống"), row=r.number, column="Điểm"))
        max_text = r.text("max_score")
        max_score = _number(max_text, r.number, "Điểm tối đa", problems) if max_text else Decimal(10)
        if max_score is not None and max_score == 0:
            problems.append(Problem(gettext("điểm tối đa phải lớn hơn 0"), row=r.number, column="Điểm tối đa"))
        if score is not None and max_score and score > max_score:
            problems.append(Problem(gettext("điểm %(score)s cao hơn điểm tối đa %(max)s")
                                    % {"score": score_text, "max": max_score}, row=r.number, column="Điểm"))
        date = None
        if r.get("date") is None:
            problems.append(Problem(gettext("ngày làm bài để trống"), row=r.number, column="Ngày làm bài"))
        else:
            try:
                date = parse_date(r.get("date"))
            except ValueError as exc:
                problems.append(Problem(str(exc), row=r.number, column="Ngày làm bài"))
        if date and date > timezone.localdate():
            problems.append(Problem(gettext("ngày %(date)s ở tương lai") % {"date": f"{date:%d/%m/%Y}"},
                                    row=r.number, column="Ngày làm bài"))
        if code and date:
            if (code, date) in seen:
                problems.append(Problem(gettext('"%(code)s" ngày %(date)s đã có ở dòng %(first)s')
                                        % {"code": code, "date": f"{date:%d/%m/%Y}", "first": seen[(code, date)]},
                                        row=r.number, column="Mã cán bộ"))
            seen[(code, date)] = r.number
        if len(problems) == before:
            percent = percent_of(score, max_score)
            rows.append(PaperRow(r.number, found[0], score, max_score, date, percent >= quiz.pass_mark))
    return rows, problems


def paper_results_import(*, quiz: Quiz, table: Table, dry_run: bool = False, actor=None) -> PaperImportResult:
    if actor is not None and not quizzes_visible(actor).filter(pk=quiz.pk).exists():
        raise QuizNotFound("no such quiz")  # another agency's quiz: as one that does not exist (M4)
    rows, problems = paper_results_validate(quiz=quiz, table=table, staff=paper_results_staff(actor=actor))
    if problems:
        raise ImportRefused(problems)
    result = PaperImportResult(rows=rows, dry_run=dry_run)
    now = timezone.now()
    with transaction.atomic():
        for row in rows:
            attempt = (Attempt.objects.select_for_update()
                       .filter(quiz=quiz, employee=row.employee, source=AttemptSource.PAPER, evidence_date=row.date)
                       .first())
            values = {"score": row.score.quantize(Decimal("0.01")), "max_score": row.max_score.quantize(Decimal("0.01")),
                      "percent": percent_of(row.score, row.max_score), "passed": row.passed}
            result.passed += row.passed
            before = None if attempt is None else {k: str(getattr(attempt, k)) for k in values}
            if attempt is None:
                last = Attempt.objects.filter(quiz=quiz, employee=row.employee).aggregate(n=Max("number"))["n"] or 0
                attempt = Attempt.objects.create(quiz=quiz, employee=row.employee, number=last + 1, source=AttemptSource.PAPER,
                                       state=AttemptState.FINISHED, evidence_date=row.date, graded_at=now,
                                       recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
                                       **values)
                result.created += 1
                audit_log(actor=actor, action="quiz.paper_result", obj=attempt, before=None,
                          after={k: str(v) for k, v in values.items()} | {"date": row.date.isoformat()})
            elif any(getattr(attempt, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(attempt, k, v)
                attempt.graded_at = now
                attempt.save()
                result.updated += 1
                audit_log(actor=actor, action="quiz.paper_result", obj=attempt, before=before,
                          after={k: str(v) for k, v in values.items()} | {"date": row.date.isoformat()})
            else:
                result.unchanged += 1
        evidence_announce(sender=Attempt, employee_ids=[row.employee.pk for row in rows if row.passed])
        evidence_withdraw(sender=Attempt, employee_ids=[row.employee.pk for row in rows if not row.passed])
        if dry_run:
            transaction.set_rollback(True)
    return result
