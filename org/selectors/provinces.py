"""Finding a province and its agencies."""

from __future__ import annotations

from django.db.models import QuerySet

from core.errors import NotFound
from org.models import OrgUnit, Province


class ProvinceNotFound(NotFound):
    code = "province_not_found"


def province_find(*, code: str) -> Province:
    province = Province.objects.filter(code__iexact=(code or "").strip()).first()
    if province is None:
        known = ", ".join(Province.objects.order_by("code").values_list("code", flat=True)) or "none"
        raise ProvinceNotFound(f'unknown province "{code}" (provinces: {known})')
    return province


def province_agencies(province: Province) -> QuerySet[OrgUnit]:
    """The agencies of `province`, by code (the order of every province-wide table)."""
    return OrgUnit.objects.filter(depth=1, province=province).order_by("code")
