"""Finding an agency (a root of the organisation tree) by its code."""

from __future__ import annotations

from core.errors import DomainError, NotFound
from org.models import OrgUnit


class AgencyNotFound(NotFound):
    code = "agency_not_found"


class AgencyAmbiguous(DomainError):
    code = "agency_ambiguous"


def agency_find(*, code: str | None = None) -> OrgUnit:
    """The agency with `code`; without a code, the only agency of the deployment."""
    agencies = OrgUnit.objects.filter(depth=1)
    if code:
        agency = agencies.filter(code__iexact=code.strip()).first()
        if agency is None:
            known = ", ".join(agencies.order_by("code").values_list("code", flat=True)) or "none"
            raise AgencyNotFound(f'unknown agency "{code}" (agencies: {known})')
        return agency
    found = list(agencies[:2])
    if not found:
        raise AgencyNotFound("there is no agency yet: create one (create_agency, or seed_demo --content-only) first")
    if len(found) > 1:
        known = ", ".join(agencies.order_by("code").values_list("code", flat=True))
        raise AgencyAmbiguous(f"several agencies exist ({known}): choose one with --agency CODE")
    return found[0]
