"""Which agencies a `--province CODE` names. Provinces are their own model (issue 15), added
beside this work: until it exists, `--province` is refused with a clear message."""

from __future__ import annotations

from django.apps import apps

from core.errors import DomainError, NotFound
from org.models import OrgUnit


def province_model():
    for model in apps.get_models():
        if model.__name__ == "Province":
            return model
    return None


def province_agencies(code: str) -> list[OrgUnit]:
    """The agencies of the province `code` (refused when there are no provinces in this
    installation, or none with that code)."""
    model = province_model()
    if model is None:
        raise DomainError("--province: this installation has no provinces (create_province comes with the "
                          "province feature); use --agency CODE", code="no_provinces")
    province = model.objects.filter(code__iexact=code.strip()).first()
    if province is None:
        raise NotFound(f'unknown province "{code}"')
    link = next((f.name for f in OrgUnit._meta.get_fields()
                 if getattr(f, "related_model", None) is model and f.concrete), None)
    if link is None:
        raise DomainError("--province: agencies are not linked to provinces in this installation",
                          code="no_provinces")
    return list(OrgUnit.objects.filter(depth=1, **{link: province}).order_by("code"))
