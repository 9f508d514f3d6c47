"""Roles are Django groups. Scope: learners see themselves, unit heads their unit subtree,
HR (văn phòng / tổ chức cán bộ) their whole agency, superusers everything."""

from django.utils.translation import gettext_lazy as _

LEARNER = "Học viên"
UNIT_HEAD = "Trưởng đơn vị"
HR = "Văn phòng - Tổ chức cán bộ"
EDITOR = "Biên tập nội dung"

ROLE_LABELS = {
    LEARNER: _("Học viên"),
    UNIT_HEAD: _("Trưởng đơn vị"),
    HR: _("Văn phòng - Tổ chức cán bộ (quản lý đào tạo)"),
    EDITOR: _("Biên tập nội dung"),
}

# Model permissions per role, as "app_label.codename". Wagtail page permissions for editors
# are granted on the page tree by `roles_ensure`.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    LEARNER: [],
    UNIT_HEAD: [
        "wagtailadmin.access_admin",
        "org.view_orgunit",
        "org.view_employee",
        "learning.view_campaign",
    ],
    HR: [
        "wagtailadmin.access_admin",
        "org.view_orgunit", "org.add_orgunit", "org.change_orgunit", "org.delete_orgunit",
        "org.view_employee", "org.add_employee", "org.change_employee",
        "learning.view_campaign", "learning.add_campaign", "learning.change_campaign", "learning.delete_campaign",
        "learning.view_requirement", "learning.add_requirement", "learning.change_requirement",
        "learning.delete_requirement",
        "learning.view_exemption", "learning.add_exemption", "learning.change_exemption", "learning.delete_exemption",
        "learning.view_manualevidence", "learning.add_manualevidence", "learning.change_manualevidence",
        "learning.delete_manualevidence",
        "learning.view_studysession", "learning.add_studysession", "learning.change_studysession",
        "learning.delete_studysession",
        "learning.view_attendance", "learning.add_attendance", "learning.change_attendance",
        "org.view_auditlog",
        "certificates.view_certificate", "certificates.revoke_certificate", "certificates.view_certificatejob",
        "certificates.add_certificatejob", "certificates.change_certificatetemplatesettings",
        "certificates.view_quizcertificate", "certificates.add_quizcertificate",
        "certificates.change_quizcertificate",
        "reports.view_reminder",
        "reports.view_campaigntarget", "reports.add_campaigntarget", "reports.change_campaigntarget",
        "reports.delete_campaigntarget",
        "reports.view_scoringcriterion", "reports.add_scoringcriterion", "reports.change_scoringcriterion",
        "reports.delete_scoringcriterion",
        "reports.view_selfscore", "reports.add_selfscore", "reports.change_selfscore", "reports.delete_selfscore",
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
        "quizzes.view_quiz", "quizzes.add_quiz", "quizzes.change_quiz", "quizzes.delete_quiz",
        "quizzes.view_question", "quizzes.add_question", "quizzes.change_question", "quizzes.delete_question",
        "quizzes.view_questioncategory", "quizzes.add_questioncategory", "quizzes.change_questioncategory",
        "quizzes.view_attempt", "quizzes.change_attemptanswer",
    ],
    EDITOR: [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
    ],
}
