from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from org.roles import HR


class ReportsConfig(AppConfig):
    """What compliance shows and sends: dashboards, reports, the evidence pack, reminders, scoring."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    # The audit log's names of this app's actions (org.selectors.audit).
    audit_actions = {
        "scoring.criteria_import": _("Nhập bảng tiêu chí chấm điểm"),
        "self_score.create": _("Tự chấm điểm tiêu chí"),
        "target.create": _("Thêm chỉ tiêu"),
        "submission.send": _("Gửi báo cáo và hồ sơ chấm điểm lên tỉnh"),
        "submission.resend": _("Gửi lại hồ sơ lên tỉnh sau khi tỉnh trả lại"),
        "submission.review": _("Tỉnh chấm thẩm định tiêu chí"),
        "submission.return": _("Tỉnh trả lại hồ sơ kèm ý kiến"),
        "submission.finalise": _("Tỉnh hoàn thành thẩm định, xếp loại"),
        "submission.publish": _("Tỉnh công bố kết quả thẩm định"),
        "submission.pack_read": _("Tỉnh tải hồ sơ minh chứng đã gửi"),
    }
    verbose_name = _("Báo cáo, chấm điểm")
    role_permissions = {
        HR: [
            "reports.view_reminder",
            "reports.view_campaigntarget", "reports.add_campaigntarget", "reports.change_campaigntarget",
            "reports.delete_campaigntarget",
            "reports.view_scoringcriterion", "reports.add_scoringcriterion", "reports.change_scoringcriterion",
            "reports.delete_scoringcriterion",
            "reports.view_selfscore", "reports.add_selfscore", "reports.change_selfscore",
            "reports.delete_selfscore",
            "reports.view_annualreport", "reports.add_annualreport", "reports.change_annualreport",
            "reports.delete_annualreport",
            "reports.view_scoringdossier", "reports.add_scoringdossier", "reports.change_scoringdossier",
            "reports.view_ratingband",
            "reports.view_submission",
        ],
    }
