"""Request and response shapes of the API (docs/contract.md "API"; docs/api.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema


class Message(Schema):
    message: str


class ProblemOut(Schema):
    row: int | None = Field(None, description="the row as in a sheet: the first row sent is 2")
    column: str | None = Field(None, description="the column's English key (employee_code, email, …)")
    message: str


class Problems(Schema):
    message: str
    problems: list[ProblemOut]


class CampaignOut(Schema):
    slug: str
    title: str
    start: dt.date
    due: dt.date
    agency: str | None = Field(None, description="the agency's code: province tokens only")


class AgencyFiguresOut(Schema):
    """One row of the province_report CSV (docs/contract.md "Province")."""

    agency_code: str
    agency: str
    audience: int = Field(description="people in the audience")
    exempt: int = Field(description="people exempted")
    completed: int = Field(description="(person, requirement) rows")
    completed_late: int
    pending: int
    overdue: int
    people_completed: int = Field(description="people with every requirement completed (on time or late)")
    people_rate: float | None = Field(description="people_completed / (audience - exempt) x 100, one decimal; "
                                                  "null when nobody must study")


class ComplianceRow(Schema):
    """One row of the compliance CSV (docs/contract.md "Compliance"), its values as text as in the CSV."""

    employee_code: str
    full_name: str
    unit: str
    category: str = Field(description="can_bo | cong_chuc | vien_chuc | nguoi_lao_dong")
    requirement: str = Field(description="the directive number as stored")
    status: str = Field(description="completed | completed_late | pending | overdue | exempt")
    evidence: str = Field(description="attendance | quiz | manual | external, or empty")
    evidence_date: str = Field(description="YYYY-MM-DD, or empty")


class CompliancePageOut(Schema):
    count: int = Field(description="rows of the whole report")
    next: str | None = Field(description="the URL of the next page, null on the last")
    results: list[ComplianceRow]


class CertificateOut(Schema):
    code: str = Field(description="the verification code as printed (with dashes)")
    serial: str
    employee_code: str
    full_name: str = Field(description="the holder's name as printed")
    issued_on: dt.date
    status: str = Field(description="valid | revoked")
    verify_url: str = Field(description="the public verification page")


class RosterIn(Schema):
    rows: list[dict[str, Any]] = Field(
        description="one object per person, keyed by the roster's column names in English "
                    "(employee_code, full_name, email, unit, position, category, start_date, gender, end_date, "
                    "moved_on)")
    dry_run: bool = Field(False, description="validate and count, write nothing")
    create_units: bool = Field(False, description="create units named in `unit` that do not exist (as --create-units)")


class RosterOut(Schema):
    created: int
    updated: int
    unchanged: int


class EvidenceIn(Schema):
    employee_code: str
    directive: str = Field(description="the document number (23-QĐ/TW), NUMBER@YYYY-MM-DD when the number is reused")
    date: str = Field(description="the day the person studied: YYYY-MM-DD (or dd/mm/yyyy)")
    source: str = Field(description="the sending system's name")
    external_id: str | int = Field(description="the sending system's id of this record: sent again, nothing changes")


class EvidenceOut(Schema):
    id: int
    employee_code: str
    directive: str
    date: dt.date
    source: str
    external_id: str
