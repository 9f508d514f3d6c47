from .audit import AuditLog
from .campaigns import Campaign, Exemption, Requirement
from .evidence import ManualEvidence
from .exports import ExportJob, ExportJobKind, ExportJobStatus
from .org import Employee, EmployeeCategory, OrgUnit, OrgUnitKind
from .reminders import Reminder, ReminderKind, ReminderStatus
from .scoring import ScoringCriterion, SelfScore, SelfScoreEvidence
from .sessions import Attendance, AttendanceMethod, AttendanceStatus, CheckinAttempt, StudySession
from .targets import CampaignTarget, CampaignTargetEvidence, TargetKind, TargetStatus

__all__ = [
    "Attendance",
    "AttendanceMethod",
    "AttendanceStatus",
    "AuditLog",
    "Campaign",
    "CampaignTarget",
    "CampaignTargetEvidence",
    "CheckinAttempt",
    "Employee",
    "EmployeeCategory",
    "Exemption",
    "ExportJob",
    "ExportJobKind",
    "ExportJobStatus",
    "ManualEvidence",
    "OrgUnit",
    "OrgUnitKind",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "Requirement",
    "ScoringCriterion",
    "SelfScore",
    "SelfScoreEvidence",
    "StudySession",
    "TargetKind",
    "TargetStatus",
]
