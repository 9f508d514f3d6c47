from .audit import AuditLog
from .history import EmploymentPeriod, UnitMove
from .provinces import Province, ProvinceAccessGrant, ProvinceOfficer
from .sessions import LoginSession
from .staff import Employee, EmployeeCategory, Gender
from .units import OrgUnit, OrgUnitKind

__all__ = [
    "AuditLog", "Employee", "EmployeeCategory", "EmploymentPeriod", "Gender", "LoginSession", "OrgUnit", "OrgUnitKind",
    "Province", "ProvinceAccessGrant", "ProvinceOfficer", "UnitMove",
]
