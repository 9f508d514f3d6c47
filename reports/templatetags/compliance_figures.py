"""Showing the two named rates: one decimal in the reader's locale and "%", or "—" when nothing counts."""

from __future__ import annotations

import math

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def rate(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{floatformat(value, 1)}%"


@register.filter
def rate_width(value) -> str:
    """The CSS width of a rate's bar ("0" when nothing counts)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "0"
    return f"{float(value):.1f}"
