from .exports import ExportJob, ExportJobKind
from .reminders import Reminder, ReminderKind, ReminderStatus
from .scoring import ScoringCriterion, SelfScore, SelfScoreEvidence
from .targets import CampaignTarget, CampaignTargetEvidence, TargetKind, TargetStatus

__all__ = [
    "CampaignTarget",
    "CampaignTargetEvidence",
    "ExportJob",
    "ExportJobKind",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "ScoringCriterion",
    "SelfScore",
    "SelfScoreEvidence",
    "TargetKind",
    "TargetStatus",
]
