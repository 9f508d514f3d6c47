from .campaigns import Campaign, Exemption, ProvinceCampaign, Requirement
from .evidence import ManualEvidence
from .kept import KeptCampaign, KeptPerson, KeptStatus
from .records import SessionRecord, SessionRecordKind
from .sessions import Attendance, AttendanceMethod, AttendanceStatus, CheckinAttempt, StudySession

__all__ = [
    "Attendance",
    "AttendanceMethod",
    "AttendanceStatus",
    "Campaign",
    "CheckinAttempt",
    "Exemption",
    "KeptCampaign",
    "KeptPerson",
    "KeptStatus",
    "ManualEvidence",
    "ProvinceCampaign",
    "Requirement",
    "SessionRecord",
    "SessionRecordKind",
    "StudySession",
]
