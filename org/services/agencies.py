"""Creating agencies (roots of the organisation tree) for a province roll-out."""

from __future__ import annotations

from django.db import transaction

from org.models import OrgUnit, OrgUnitKind
from org.services.roles import roles_ensure


@transaction.atomic
def agency_ensure(*, code: str, name: str, governing_body: str = "") -> tuple[OrgUnit, bool]:
    """Create the agency `code`, or update its name and governing body; also make sure the role
    groups exist. Returns (agency, created). Codes match case-insensitively."""
    roles_ensure()
    code = code.strip()
    agency = OrgUnit.objects.select_for_update().filter(depth=1, code__iexact=code).first()
    if agency is None:
        return OrgUnit.add_root(code=code, name=name.strip(), kind=OrgUnitKind.AGENCY,
                                governing_body=governing_body.strip()), True
    agency.name, agency.governing_body = name.strip(), governing_body.strip()
    agency.save(update_fields=["name", "governing_body"])
    return agency, False
