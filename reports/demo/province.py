"""`seed_demo --province --agencies N --employees M --seed S`: M synthetic staff spread over the
province's N agencies (the first, the demo's Sở Công Thương, included) with the scale demo's
activity in each (sessions per department, attendance, paper quizzes, manual records, exemptions,
joiners and leavers: `reports.demo.scale`). Deterministic for (N, M, S): agency i draws from
seed S + i. Staff are split evenly, the remainder to the first agencies."""

from __future__ import annotations

from dataclasses import replace

from core.demo import PROVINCE, demo_step
from reports.demo.scale import _analyze, scale_agency

DEFAULT_PER_AGENCY = 60  # without --employees: about the demo agency's size each


@demo_step(PROVINCE, 30)
def seed_province_scale(ctx) -> str:
    agencies = ctx.province_agencies
    total = ctx.employees if ctx.employees else DEFAULT_PER_AGENCY * len(agencies)
    base, extra = divmod(total, len(agencies))
    said = []
    for index, agency in enumerate(agencies):
        share = base + (1 if index < extra else 0)
        if share == 0:
            continue
        one = replace(ctx, agency=agency, employees=share, seed=ctx.seed + index)
        said.append(scale_agency(one, analyze=False))
    _analyze()
    return f"{total} staff over {len(agencies)} agencies; first: {said[0] if said else 'none'}"
