from .annual_report import AnnualReport
from .exports import ExportJob, ExportJobKind
from .reminders import Reminder, ReminderKind, ReminderStatus
from .scoring import (
    DossierStatus,
    EvidenceLinkKind,
    RatingBand,
    ScoringCriterion,
    ScoringDossier,
    SelfScore,
    SelfScoreEvidence,
    default_deadline,
)
from .targets import CampaignTarget, CampaignTargetEvidence, TargetKind, TargetStatus

__all__ = [
    "AnnualReport",
    "CampaignTarget",
    "CampaignTargetEvidence",
    "DossierStatus",
    "EvidenceLinkKind",
    "ExportJob",
    "ExportJobKind",
    "RatingBand",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "ScoringCriterion",
    "ScoringDossier",
    "SelfScore",
    "SelfScoreEvidence",
    "TargetKind",
    "TargetStatus",
    "default_deadline",
]
