"""Points as a Vietnamese reader writes them: 9.50 → "9,5", 20.00 → "20", none → "—"."""

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def points(value) -> str:
    if value in (None, ""):
        return "—"
    try:
        number = Decimal(str(value)).normalize()
    except InvalidOperation:
        return str(value)
    return f"{number:f}".replace(".", ",")
