"""Demo organisation: Sở Công Thương Tây Ninh and its units (shared/domain/directives-2024.md)."""

from __future__ import annotations

from core.demo import CONTENT, demo_step
from org.models import OrgUnit, OrgUnitKind
from org.services.documents import agency_collection_ensure
from org.services.roles import roles_ensure

AGENCY_CODE = "SCT"
AGENCY_NAME = "Sở Công Thương Tây Ninh"
GOVERNING_BODY = "UBND TỈNH TÂY NINH"

# (code, name, kind, parent code or None for the agency)
UNITS = [
    ("BGD", "Ban Giám đốc", OrgUnitKind.DEPARTMENT, None),
    ("VP", "Văn phòng Sở", OrgUnitKind.DEPARTMENT, None),
    ("TTRA", "Thanh tra Sở", OrgUnitKind.DEPARTMENT, None),
    ("QLCN", "Phòng Quản lý Công nghiệp", OrgUnitKind.DEPARTMENT, None),
    ("QLTM", "Phòng Quản lý Thương mại", OrgUnitKind.DEPARTMENT, None),
    ("QLNL", "Phòng Quản lý Năng lượng", OrgUnitKind.DEPARTMENT, None),
    ("KHTC", "Phòng Kế hoạch - Tài chính", OrgUnitKind.DEPARTMENT, None),
    ("TTKC", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", OrgUnitKind.DEPARTMENT, None),
    ("TTKC-KC", "Tổ Khuyến công", OrgUnitKind.TEAM, "TTKC"),
    ("TTKC-TV", "Tổ Tư vấn phát triển công nghiệp", OrgUnitKind.TEAM, "TTKC"),
    ("CDS", "BCH Công đoàn Sở", OrgUnitKind.DEPARTMENT, None),
]


def ensure_agency(code: str = AGENCY_CODE, name: str = AGENCY_NAME, governing_body: str = GOVERNING_BODY) -> OrgUnit:
    agency = OrgUnit.objects.filter(depth=1, code=code).first()
    if agency is None:
        agency = OrgUnit.add_root(code=code, name=name, kind=OrgUnitKind.AGENCY, governing_body=governing_body)
    agency_collection_ensure(agency=agency)  # its HR's Wagtail documents
    return agency


@demo_step(CONTENT, 10)
def seed_org(ctx) -> str:
    roles_ensure()
    agency = ensure_agency()
    created = 0
    by_code = {u.code: u for u in OrgUnit.objects.filter(path__startswith=agency.path)}
    for code, name, kind, parent_code in UNITS:
        if code in by_code:
            continue
        parent = by_code[parent_code] if parent_code else agency
        parent.refresh_from_db()  # treebeard needs the parent's current numchild
        by_code[code] = parent.add_child(code=code, name=name, kind=kind)
        created += 1
    ctx.agency = agency
    return f"agency {agency.code}, {created} units created"
