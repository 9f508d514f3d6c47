"""`seed_demo --province`: the demo's campaign dan-van-2024 loaded for the whole province, as an
operator would (`load_campaign --province TN`)."""

from __future__ import annotations

from core.demo import PROVINCE, demo_step
from learning.services.province_campaigns import province_campaign_load

from .campaigns import DAN_VAN_YAML, _plan_requirements


@demo_step(PROVINCE, 20)
def seed_province_campaign(ctx) -> str:
    result = province_campaign_load(province=ctx.province_object,
                                    data=DAN_VAN_YAML.format(requirements=_plan_requirements()))
    return result.lines()[-1]
