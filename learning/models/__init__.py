from .campaigns import Campaign, Exemption, ProvinceCampaign, Requirement
from .evidence import ManualEvidence
from .kept import KeptCampaign, KeptCount, KeptDayCount, KeptPerson, KeptStatus, KeptUnitCount
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
    "KeptCount",
    "KeptDayCount",
    "KeptPerson",
    "KeptStatus",
    "KeptUnitCount",
    "ManualEvidence",
    "ProvinceCampaign",
    "Requirement",
    "SessionRecord",
    "SessionRecordKind",
    "StudySession",
]
