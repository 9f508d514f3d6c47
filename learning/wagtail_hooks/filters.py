"""Filter sets for admin listings whose "campaign" filter must offer the user's campaigns only:
a plain `list_filter = ["campaign"]` lists every agency's campaigns in the sidebar."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from learning.selectors.campaigns import visible_campaigns


def _user_campaigns(request):
    return visible_campaigns(request.user) if request is not None else visible_campaigns(None)


def campaign_scoped_filterset(model, fields: list[str]) -> type[WagtailFilterSet]:
    """A filter set over `fields` of `model` in which "campaign" lists only the user's campaigns."""
    meta = type("Meta", (), {"model": model, "fields": fields})
    campaign = django_filters.ModelChoiceFilter(label=_("Kế hoạch"), queryset=_user_campaigns)
    return type(f"{model.__name__}FilterSet", (WagtailFilterSet,), {"Meta": meta, "campaign": campaign})
