"""What every administrative document of an agency prints about the agency: the place on the date
line and the signer configured for the agency."""

from __future__ import annotations

from dataclasses import dataclass

from core.pdf import place_name
from core.text import fold
from org.models import Employee, OrgUnit

DEFAULT_SIGNER_TITLE = "GIÁM ĐỐC"


@dataclass(frozen=True)
class Signer:
    title: str  # lines separated by "\n"
    name: str


def agency_place(agency: OrgUnit) -> str:
    return place_name(agency.governing_body)


def agency_signer(agency: OrgUnit) -> Signer:
    """The head of the agency: the active staff member whose position is "Giám đốc" (the roster
    is where the agency keeps it), under the title GIÁM ĐỐC; the name stays blank when nobody holds
    it, for the office to write in rather than a wrong name printed."""
    heads = (Employee.objects.filter(agency=agency, is_active=True).exclude(position="")
             .order_by("employee_code").values_list("full_name", "position"))
    for name, position in heads:
        if fold(position).strip() == "giam doc":
            return Signer(DEFAULT_SIGNER_TITLE, name)
    return Signer(DEFAULT_SIGNER_TITLE, "")
