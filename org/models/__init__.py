from .audit import AuditLog
from .staff import Employee, EmployeeCategory
from .units import OrgUnit, OrgUnitKind

__all__ = ["AuditLog", "Employee", "EmployeeCategory", "OrgUnit", "OrgUnitKind"]
