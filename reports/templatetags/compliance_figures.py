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


CHART_W, CHART_H, LEFT, BOTTOM, TOP, RIGHT = 640, 220, 44, 30, 12, 12


@register.inclusion_tag("reports/admin/dashboard/_trend_chart.html")
def trend_chart(rows, label: str):
    """An SVG line chart of `rows_rate` per week: y axis 0–100 % with gridlines, x axis with the first,
    middle and last dates, axis titles, and a text alternative naming the first and last values."""
    points, width, height = [], CHART_W - LEFT - RIGHT, CHART_H - TOP - BOTTOM
    count = len(rows)
    for i, row in enumerate(rows):
        value = row.get("rows_rate")
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        x = LEFT + (width * i / (count - 1) if count > 1 else width / 2)
        y = TOP + height * (1 - float(value) / 100)
        points.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "date": row["as_of"], "value": rate(value)})
    ticks = [{"y": f"{TOP + height * (1 - p / 100):.1f}", "label": f"{p}%"} for p in (0, 25, 50, 75, 100)]
    marks = sorted({0, (count - 1) // 2, count - 1}) if count else []
    xlabels = [{"x": f"{LEFT + (width * i / (count - 1) if count > 1 else width / 2):.1f}", "label": rows[i]["as_of"]}
               for i in marks]
    return {"points": points, "line": " ".join(f"{p['x']},{p['y']}" for p in points), "ticks": ticks,
            "xlabels": xlabels, "label": label, "w": CHART_W, "h": CHART_H, "left": LEFT, "right": CHART_W - RIGHT,
            "base": CHART_H - BOTTOM, "top": TOP, "first": points[0] if points else None,
            "last": points[-1] if points else None}
