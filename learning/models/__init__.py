from .audit import AuditLog
from .campaigns import Campaign, Exemption, Requirement
from .evidence import ManualEvidence
from .org import Employee, EmployeeCategory, OrgUnit, OrgUnitKind
from .sessions import Attendance, AttendanceMethod, AttendanceStatus, CheckinAttempt, StudySession

__all__ = [
    "Attendance",
    "AttendanceMethod",
    "AttendanceStatus",
    "AuditLog",
    "Campaign",
    "CheckinAttempt",
    "Employee",
    "EmployeeCategory",
    "Exemption",
    "ManualEvidence",
    "OrgUnit",
    "OrgUnitKind",
    "Requirement",
    "StudySession",
]
