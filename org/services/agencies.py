"""Creating agencies (roots of the organisation tree) for a province roll-out."""

from __future__ import annotations

from django.db import transaction

from org.models import OrgUnit, OrgUnitKind, Province
from org.services.documents import agency_collection_ensure
from org.services.roles import roles_ensure


@transaction.atomic
def agency_ensure(*, code: str, name: str, governing_body: str = "",
                  province: Province | None = None) -> tuple[OrgUnit, bool]:
    """Create the agency `code`, or update its name and governing body; also make sure the role
    groups exist. Returns (agency, created). Codes match case-insensitively.

    With `province`, the agency belongs to it (an agency moves when created again with another
    province; without one, its province is kept) and, without a governing body of its own, takes
    the province's ("UBND TỈNH TÂY NINH") for its report headers."""
    roles_ensure()
    code = code.strip()
    governing_body = governing_body.strip() or (province.governing_body if province else "")
    agency = OrgUnit.objects.select_for_update(no_key=True).filter(depth=1, code__iexact=code).first()
    if agency is None:
        agency = OrgUnit.add_root(code=code, name=name.strip(), kind=OrgUnitKind.AGENCY,
                                  governing_body=governing_body, province=province)
        agency.document_collection = agency_collection_ensure(agency=agency)
        return agency, True
    agency.name, agency.governing_body = name.strip(), governing_body
    if province is not None:
        agency.province = province
    agency.save(update_fields=["name", "governing_body", "province"])
    return agency, False
