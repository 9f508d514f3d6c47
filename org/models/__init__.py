from .audit import AuditLog
from .provinces import Province, ProvinceAccessGrant, ProvinceOfficer
from .staff import Employee, EmployeeCategory
from .units import OrgUnit, OrgUnitKind

__all__ = ["AuditLog", "Employee", "EmployeeCategory", "OrgUnit", "OrgUnitKind", "Province", "ProvinceAccessGrant", "ProvinceOfficer"]
