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
from .submissions import CriterionReview, ResultsPublication, Submission, SubmissionRound, SubmissionStatus
from .targets import CampaignTarget, CampaignTargetEvidence, TargetKind, TargetStatus

__all__ = [
    "AnnualReport",
    "CampaignTarget",
    "CampaignTargetEvidence",
    "CriterionReview",
    "DossierStatus",
    "EvidenceLinkKind",
    "ExportJob",
    "ExportJobKind",
    "RatingBand",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "ResultsPublication",
    "ScoringCriterion",
    "ScoringDossier",
    "SelfScore",
    "SelfScoreEvidence",
    "Submission",
    "SubmissionRound",
    "SubmissionStatus",
    "TargetKind",
    "TargetStatus",
    "default_deadline",
]
