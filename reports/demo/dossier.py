"""Demo targets of the plan (section III of the 2024 plan), a demo scoring table and the annual report.

The province's real scoring table (Quyết định 908/QĐ-UBND) is not public: the criteria and bands
below are ILLUSTRATIVE demo data, labelled as such in each criterion's `source`, standing for what
HR imports. Targets, criteria and the report's frame are plan data, so this step runs for every
flavour of the demo; the recorded results and the self-scores only for the full demo (activity).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.demo import ACTIVITY, CONTENT, demo_step
from learning.models import Campaign
from reports.models import (
    AnnualReport,
    CampaignTarget,
    EvidenceLinkKind,
    RatingBand,
    ScoringCriterion,
    ScoringDossier,
    SelfScore,
    SelfScoreEvidence,
    TargetKind,
    TargetStatus,
    default_deadline,
)
from reports.services.scoring import criterion_proposal

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

# The demo's criteria table: a tree (codes by dots) standing for what HR imports from the
# province's table; (code, text, max points, live measure, demo self-score, comment). Illustrative:
# every criterion's `source` says so.
CRITERIA = [
    ("1", "Lãnh đạo, chỉ đạo thực hiện công tác dân vận chính quyền", Decimal("20"), "", None, ""),
    ("1.1", "Ban hành kế hoạch thực hiện công tác dân vận chính quyền năm của cơ quan", Decimal("10"), "",
     Decimal("10"), "Kế hoạch của Sở ban hành trong tháng 3/2024."),
    ("1.2", "Phân công lãnh đạo, bộ phận tham mưu; kiểm tra, đôn đốc việc thực hiện", Decimal("10"), "",
     Decimal("9"), "Văn phòng Sở tham mưu; đôn đốc qua hệ thống nhắc nhở."),
    ("2", "Tuyên truyền, học tập, quán triệt văn bản về công tác dân vận", Decimal("30"), "", None, ""),
    ("2.1", "Tỷ lệ cán bộ, công chức, viên chức, người lao động học tập đầy đủ các văn bản", Decimal("15"),
     "completion:dan-van-2024", None, "Theo số liệu học tập của hệ thống."),
    ("2.2", "Tổ chức hội nghị học tập, quán triệt các văn bản của kế hoạch", Decimal("10"), "sessions:dan-van-2024",
     None, "Các hội nghị có danh sách điểm danh."),
    ("2.3", "Cán bộ mới, cán bộ vắng được học bù, kiểm tra nhận thức", Decimal("5"), "trained:dan-van-2024", None,
     ""),
    ("3", "Thực hiện dân chủ ở cơ sở theo Luật Thực hiện dân chủ ở cơ sở và Nghị định 59/2023/NĐ-CP",
     Decimal("25"), "", Decimal("22"), "Đã tổ chức hội nghị cán bộ, công chức, viên chức năm 2024."),
    ("4", "Cải cách hành chính, tiếp công dân, giải quyết phản ánh, kiến nghị", Decimal("15"), "", Decimal("13"),
     ""),
    ("5", "Chế độ thông tin, báo cáo đúng thời hạn", Decimal("10"), "", Decimal("10"),
     "Báo cáo kết quả gửi UBND tỉnh (qua Sở Nội vụ) trước ngày 01/11."),
]
# Illustrative bands (the province's are imported with its table).
BANDS = [("Tốt", Decimal("90")), ("Khá", Decimal("75")), ("Trung bình", Decimal("50")), ("Kém", Decimal("0"))]

PLAN_REFERENCE = ("Kế hoạch thực hiện công tác dân vận chính quyền năm 2024 của Sở Công Thương Tây Ninh "
                  "(ban hành tháng 3/2024)")
REPORT_BODY = [
    ("heading", "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO"),
    ("paragraph", "Sở đã ban hành kế hoạch thực hiện công tác dân vận chính quyền năm 2024, phân công Văn phòng "
                  "Sở tham mưu tổ chức học tập, quán triệt các văn bản của Trung ương và của tỉnh cho toàn thể cán "
                  "bộ, công chức, viên chức và người lao động; việc học tập được tổ chức tập trung tại hội nghị và "
                  "bằng hình thức trực tuyến, có kiểm tra nhận thức."),
    ("heading", "II. KẾT QUẢ HỌC TẬP, QUÁN TRIỆT"),
    ("heading", "1. Kết quả chung"),
    ("overall", None),
    ("heading", "2. Kết quả theo đơn vị"),
    ("units", None),
    ("heading", "3. Kết quả theo văn bản"),
    ("directives", None),
    ("heading", "4. Hội nghị học tập, quán triệt đã tổ chức"),
    ("sessions", None),
    ("heading", "III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
    ("targets", None),
    ("heading", "IV. PHƯƠNG HƯỚNG THỜI GIAN TỚI"),
    ("paragraph", "- Tiếp tục tổ chức học tập, quán triệt cho cán bộ mới tuyển dụng, điều động và cán bộ vắng "
                  "mặt tại hội nghị.\n- Duy trì thực hiện dân chủ trong hoạt động của cơ quan và nâng cao chất "
                  "lượng cải cách hành chính."),
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
    criteria = _seed_criteria(agency, year, with_measures=campaign is not None)
    reports = 0
    if campaign is not None:
        _, created = AnnualReport.objects.get_or_create(campaign=campaign, defaults={
            "plan_reference": PLAN_REFERENCE, "issued_on": dt.date(year, 10, 28), "as_of": campaign.due,
            "recipients": "UBND tỉnh (qua Sở Nội vụ);\nBan Dân vận Tỉnh ủy;\nBan Giám đốc Sở;",
            "body": REPORT_BODY})
        reports += created
    return f"{targets} targets, {criteria} demo criteria, {reports} annual report created"


@demo_step(ACTIVITY, 50)
def seed_self_scores(ctx) -> str:
    """The self-scores are activity: after the sessions and evidence, so that the criteria bound to
    a live measure are scored as the figures propose."""
    campaign = Campaign.objects.filter(slug=CAMPAIGN_SLUG).first()
    agency = ctx.agency or (campaign.agency if campaign else None)
    if agency is None or ctx.content_only or ctx.employees:
        return "skipped"
    return f"{_seed_scores(agency, campaign.year if campaign else 2024, campaign)} self-scores created"


def _seed_criteria(agency, year: int, *, with_measures: bool) -> int:
    ScoringDossier.objects.get_or_create(agency=agency, year=year, defaults={"deadline": default_deadline(year)})
    for rating, low in BANDS:
        RatingBand.objects.get_or_create(agency=agency, year=year, min_points=low, defaults={"rating": rating})
    created = 0
    saved: dict[str, ScoringCriterion] = {}
    for order, (code, text, max_points, measure, _points, _comment) in enumerate(CRITERIA, start=1):
        parent = saved.get(code.rsplit(".", 1)[0]) if "." in code else None
        criterion, new = ScoringCriterion.objects.get_or_create(
            agency=agency, year=year, code=code,
            defaults={"text": text, "max_points": max_points, "order": order, "source": DEMO_SOURCE,
                      "parent": parent, "measure": measure if with_measures else ""},
        )
        saved[code] = criterion
        created += new
    return created


def _seed_scores(agency, year: int, campaign) -> int:
    created = 0
    for code, _text, _max, _measure, points, comment in CRITERIA:
        criterion = ScoringCriterion.objects.get(agency=agency, year=year, code=code)
        if criterion.children.exists() or SelfScore.objects.filter(criterion=criterion).exists():
            continue
        proposed = criterion_proposal(criterion=criterion) if criterion.measure else None
        score = SelfScore.objects.create(criterion=criterion, points=points if points is not None else proposed,
                                         proposed_points=proposed, comment=comment)
        created += 1
        if campaign is None:
            continue
        if code == "1.1":
            target = campaign.targets.filter(order=2).first()
            if target:
                SelfScoreEvidence.objects.create(score=score, kind=EvidenceLinkKind.TARGET, target=target)
        elif code == "2.1":
            SelfScoreEvidence.objects.create(score=score, kind=EvidenceLinkKind.CAMPAIGN, campaign=campaign)
        elif code == "2.2":
            for session in campaign.sessions.order_by("date")[:4]:
                SelfScoreEvidence.objects.create(score=score, kind=EvidenceLinkKind.SESSION, session=session)
    return created
