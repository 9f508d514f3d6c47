from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from org.roles import HR, UNIT_HEAD


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning"
    # The audit log's names of this app's actions (org.selectors.audit).
    audit_actions = {
        "attendance.import": _("Nhập danh sách ký tên"),
        "attendance.mark_remaining_absent": _("Đánh dấu vắng những người còn lại"),
        "attendance.record": _("Ghi điểm danh"),
        "campaign.create": _("Tạo kế hoạch học tập"),
        "campaign.update": _("Sửa kế hoạch học tập"),
        "campaign.delete": _("Xóa kế hoạch học tập"),
        "exemption.grant": _("Miễn học"),
        "exemption.lift": _("Bỏ miễn học"),
        "manual_evidence.delete": _("Xóa minh chứng bổ sung"),
        "manual_evidence.record": _("Ghi minh chứng bổ sung"),
        "manual_evidence.update": _("Sửa minh chứng bổ sung"),
        "session.change": _("Sửa hội nghị học tập"),
        "session.create": _("Tạo hội nghị học tập"),
        "session_record.attach": _("Đính kèm bản gốc của hội nghị"),
        "session_record.delete": _("Xóa bản gốc của hội nghị"),
    }
    verbose_name = _("Học tập")
    role_permissions = {
        UNIT_HEAD: ["learning.view_campaign"],
        HR: [
            "learning.view_campaign", "learning.add_campaign", "learning.change_campaign", "learning.delete_campaign",
            "learning.view_requirement", "learning.add_requirement", "learning.change_requirement",
            "learning.delete_requirement",
            "learning.view_exemption", "learning.add_exemption", "learning.change_exemption",
            "learning.delete_exemption",
            "learning.view_manualevidence", "learning.add_manualevidence", "learning.change_manualevidence",
            "learning.delete_manualevidence",
            "learning.view_studysession", "learning.add_studysession", "learning.change_studysession",
            "learning.delete_studysession",
            "learning.view_attendance", "learning.add_attendance", "learning.change_attendance",
        ],
    }

    def ready(self):
        from learning import receivers  # noqa: F401  (the kept statuses follow evidence and the roster)
