"""`seed_demo --province`: the province TN (Tỉnh Tây Ninh) of N agencies — the demo's Sở Công
Thương first, then departments of the province, then numbered synthetic agencies — each with the
same few departments, and a province officer login (Sở Nội vụ)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from core.demo import PROVINCE, demo_step
from org.models import OrgUnit, OrgUnitKind
from org.services.agencies import agency_ensure
from org.services.provinces import province_ensure, province_officer_ensure

from .org import GOVERNING_BODY
from .staff import DEMO_PASSWORD

PROVINCE_CODE, PROVINCE_NAME = "TN", "Tỉnh Tây Ninh"
OFFICER_LOGIN = "sonoivu"
# Departments of the province after the demo's Sở Công Thương (code, name); then "X001"… synthetic.
AGENCIES = [
    ("SNV", "Sở Nội vụ Tây Ninh"), ("STC", "Sở Tài chính Tây Ninh"), ("SYT", "Sở Y tế Tây Ninh"),
    ("SGDDT", "Sở Giáo dục và Đào tạo Tây Ninh"), ("SXD", "Sở Xây dựng Tây Ninh"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường Tây Ninh"), ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch Tây Ninh"),
    ("SKHCN", "Sở Khoa học và Công nghệ Tây Ninh"), ("STP", "Sở Tư pháp Tây Ninh"), ("TTT", "Thanh tra tỉnh Tây Ninh"),
    ("VPUB", "Văn phòng UBND tỉnh Tây Ninh"), ("SDTTG", "Sở Dân tộc và Tôn giáo Tây Ninh"),
]
DEPARTMENTS = [("VP", "Văn phòng"), ("TTRA", "Thanh tra"), ("KHTC", "Phòng Kế hoạch - Tài chính"),
               ("TCCB", "Phòng Tổ chức cán bộ"), ("NV", "Phòng Nghiệp vụ")]


def agency_list(count: int) -> list[tuple[str, str]]:
    """(code, name) of the agencies after the first, `count - 1` of them."""
    named = AGENCIES[: count - 1]
    synthetic = [(f"X{n:03d}", f"Cơ quan mô phỏng {n:03d} (dữ liệu thử)") for n in range(1, count - len(named))]
    return named + synthetic


def _ensure_departments(agency: OrgUnit) -> None:
    existing = set(OrgUnit.objects.filter(path__startswith=agency.path, depth=2).values_list("code", flat=True))
    for code, name in DEPARTMENTS:
        if code not in existing:
            agency.refresh_from_db()
            agency.add_child(code=code, name=name, kind=OrgUnitKind.DEPARTMENT)


@demo_step(PROVINCE, 10)
def seed_province(ctx) -> str:
    province, _ = province_ensure(code=PROVINCE_CODE, name=PROVINCE_NAME, governing_body=GOVERNING_BODY)
    first = ctx.agency
    first.province = province
    first.save(update_fields=["province"])
    agencies = [first]
    for code, name in agency_list(ctx.agencies):
        agency, _ = agency_ensure(code=code, name=name, governing_body=GOVERNING_BODY, province=province)
        _ensure_departments(agency)
        agencies.append(agency)
    ctx.province_agencies = agencies
    ctx.province_object = province
    user, _ = get_user_model().objects.get_or_create(
        username=OFFICER_LOGIN, defaults={"password": make_password(DEMO_PASSWORD), "email": "sonoivu@tayninh.gov.vn",
                                          "first_name": "Cán bộ Sở Nội vụ"})
    province_officer_ensure(user=user, province=province, body="Sở Nội vụ")
    return f"province {province.code}: {len(agencies)} agencies, officer login {OFFICER_LOGIN}"
