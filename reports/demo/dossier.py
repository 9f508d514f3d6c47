"""Demo targets of the plan (section III of the 2024 plan) and demo scoring criteria.

The province's real scoring table (Quyết định 908/QĐ-UBND) is not public: the criteria below are
ILLUSTRATIVE demo data, labelled as such, standing for what HR would enter. Targets and criteria
are plan data, so this step runs for every flavour of the demo; the recorded results and the
self-scores only for the full demo (they are activity).
"""

from __future__ import annotations

from decimal import Decimal

from core.demo import CONTENT, demo_step
from learning.models import Campaign
from reports.models import CampaignTarget, ScoringCriterion, SelfScore, TargetKind, TargetStatus

CAMPAIGN_SLUG = "dan-van-2024"
DEMO_SOURCE = "DỮ LIỆU MẪU do Văn phòng nhập để minh họa (không phải bảng điểm của Quyết định 908/QĐ-UBND)"

# (order, text, kind, status, result) — shared/domain/directives-2024.md "Targets".
TARGETS = [
    (1, "100% cán bộ, công chức, viên chức và người lao động được học tập, quán triệt các văn bản của kế hoạch",
     TargetKind.LIVE_COMPLETION, "", ""),
    (2, "Cơ quan ban hành kế hoạch thực hiện công tác dân vận chính quyền năm 2024 của đơn vị",
     TargetKind.MANUAL, TargetStatus.ACHIEVED, "Đã ban hành kế hoạch của Sở trong tháng 3/2024."),
    (3, "Thực hiện tốt dân chủ trong hoạt động của cơ quan theo Nghị định 59/2023/NĐ-CP",
     TargetKind.MANUAL, TargetStatus.IN_PROGRESS, "Đã tổ chức hội nghị cán bộ, công chức, viên chức năm 2024."),
    (4, "Duy trì kết quả thực hiện nhiệm vụ cải cách hành chính và mức độ hài lòng của người dân, doanh nghiệp",
     TargetKind.MANUAL, TargetStatus.IN_PROGRESS, ""),
    (5, "Cơ quan được đánh giá, xếp loại thực hiện công tác dân vận chính quyền đạt loại \"Tốt\"",
     TargetKind.MANUAL, TargetStatus.NOT_STARTED, ""),
]

# (code, text, max points, demo self-score, comment) — illustrative only.
CRITERIA = [
    ("1", "[Mẫu] Ban hành kế hoạch và văn bản chỉ đạo thực hiện công tác dân vận chính quyền trong năm",
     Decimal("10"), Decimal("10"), "Kế hoạch ban hành đúng thời hạn."),
    ("2", "[Mẫu] Tổ chức học tập, quán triệt các văn bản của Trung ương, của tỉnh cho cán bộ, công chức, "
          "viên chức", Decimal("20"), Decimal("18"), "Số liệu theo báo cáo kết quả học tập của hệ thống."),
    ("3", "[Mẫu] Thực hiện dân chủ ở cơ sở trong hoạt động của cơ quan", Decimal("20"), Decimal("17"), ""),
    ("4", "[Mẫu] Cải cách hành chính, tiếp công dân, giải quyết phản ánh, kiến nghị", Decimal("25"),
     Decimal("21"), ""),
    ("5", "[Mẫu] Phong trào thi đua \"Dân vận khéo\" và xây dựng mô hình điểm", Decimal("15"), Decimal("12"), ""),
    ("6", "[Mẫu] Chế độ thông tin, báo cáo đúng hạn", Decimal("10"), Decimal("10"), ""),
]


@demo_step(CONTENT, 50)
def seed_dossier(ctx) -> str:
    campaign = Campaign.objects.filter(slug=CAMPAIGN_SLUG).first()
    agency = ctx.agency or (campaign.agency if campaign else None)
    if agency is None:
        return "no agency: skipped"
    with_activity = not ctx.content_only and not ctx.employees
    targets = 0
    if campaign is not None:
        for order, text, kind, status, result in TARGETS:
            defaults = {"text": text, "kind": kind}
            if with_activity and kind == TargetKind.MANUAL:
                defaults.update(status=status, result=result)
            _, created = CampaignTarget.objects.get_or_create(campaign=campaign, order=order, defaults=defaults)
            targets += created
    year = campaign.year if campaign else 2024
    criteria = scores = 0
    for order, (code, text, max_points, points, comment) in enumerate(CRITERIA, start=1):
        criterion, created = ScoringCriterion.objects.get_or_create(
            agency=agency, year=year, code=code,
            defaults={"text": text, "max_points": max_points, "order": order, "source": DEMO_SOURCE},
        )
        criteria += created
        if with_activity:
            _, created = SelfScore.objects.get_or_create(criterion=criterion,
                                                         defaults={"points": points, "comment": comment})
            scores += created
    return f"{targets} targets, {criteria} demo criteria, {scores} self-scores created"
