"""~60 demo staff with Vietnamese names, and one login per role (see README)."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from core.demo import STAFF, demo_step
from org import roles
from org.models import Employee, EmployeeCategory, Gender, OrgUnit

DEMO_PASSWORD = "demo1234"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Trương", "Đinh", "Lâm", "Thái"]
MIDDLE_M = ["Văn", "Minh", "Quốc", "Hữu", "Đức", "Thành", "Công", "Ngọc", "Hoàng", "Xuân"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Bích", "Hồng", "Phương", "Diệu"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Lộc", "Nam", "Phúc",
           "Quân", "Sơn", "Tài", "Thắng", "Toàn", "Trung", "Tuấn", "Vinh", "Ưng", "Nghĩa", "Khoa"]
GIVEN_F = ["Anh", "Châu", "Diễm", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hương", "Lan", "Linh", "Loan",
           "Mai", "Nga", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo", "Trâm", "Trinh", "Uyên", "Yến"]

# Role logins: (username, employee code, full name, unit code, position, category, role group)
ROLE_ACCOUNTS = [
    ("vanphong", "SCT0002", "Trần Thị Thu Hương", "VP", "Chuyên viên phụ trách đào tạo", "cong_chuc", roles.HR),
    ("truongphong", "SCT0010", "Lê Văn Hùng", "QLCN", "Trưởng phòng", "cong_chuc", roles.UNIT_HEAD),
    ("hocvien", "SCT0011", "Nguyễn Thị Hồng Nhung", "QLCN", "Chuyên viên", "cong_chuc", roles.LEARNER),
    ("bientap", "SCT0003", "Phạm Minh Tuấn", "VP", "Chuyên viên", "cong_chuc", roles.EDITOR),
]

# How many staff each unit gets (besides the role accounts), with its positions.
UNIT_STAFF = {
    "BGD": (3, ["Giám đốc", "Phó Giám đốc", "Phó Giám đốc"]),
    "VP": (7, ["Chánh Văn phòng", "Phó Chánh Văn phòng", "Chuyên viên", "Kế toán", "Văn thư", "Lái xe", "Bảo vệ"]),
    "TTRA": (5, ["Chánh Thanh tra", "Phó Chánh Thanh tra", "Thanh tra viên", "Thanh tra viên", "Chuyên viên"]),
    "QLCN": (6, ["Phó Trưởng phòng", "Chuyên viên", "Chuyên viên", "Chuyên viên", "Chuyên viên", "Chuyên viên"]),
    "QLTM": (7, ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Chuyên viên", "Chuyên viên", "Chuyên viên",
                 "Chuyên viên"]),
    "QLNL": (6, ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Chuyên viên", "Chuyên viên", "Chuyên viên"]),
    "KHTC": (5, ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Kế toán", "Chuyên viên"]),
    "TTKC": (3, ["Giám đốc Trung tâm", "Phó Giám đốc Trung tâm", "Kế toán"]),
    "TTKC-KC": (6, ["Tổ trưởng", "Viên chức", "Viên chức", "Viên chức", "Viên chức", "Nhân viên hợp đồng"]),
    "TTKC-TV": (6, ["Tổ trưởng", "Viên chức", "Viên chức", "Viên chức", "Viên chức", "Nhân viên hợp đồng"]),
}


def vietnamese_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def _gender(name: str) -> str:
    """The demo's names are built from gendered given names: "Ông"/"Bà" on certificates follow them."""
    given = name.split()[-1]
    return Gender.FEMALE if given in GIVEN_F else Gender.MALE if given in GIVEN_M else ""


def _category(unit_code: str, position: str) -> str:
    if unit_code == "BGD":
        return EmployeeCategory.CAN_BO
    if position in {"Lái xe", "Bảo vệ", "Nhân viên hợp đồng", "Văn thư"}:
        return EmployeeCategory.NGUOI_LAO_DONG
    if unit_code.startswith("TTKC"):
        return EmployeeCategory.VIEN_CHUC
    return EmployeeCategory.CONG_CHUC


def _ascii_login(code: str) -> str:
    return code.lower()


@demo_step(STAFF, 10)
def seed_staff(ctx) -> str:
    agency = ctx.agency
    units = {u.code: u for u in OrgUnit.objects.filter(path__startswith=agency.path)}
    User = get_user_model()
    rng = random.Random(ctx.seed)
    rows = []  # (username, code, name, unit, position, category, group)
    for username, code, name, unit_code, position, category, group in ROLE_ACCOUNTS:
        rows.append((username, code, name, unit_code, position, category, group))
    number = 20
    for unit_code, (count, positions) in UNIT_STAFF.items():
        for i in range(count):
            number += 1
            code = f"SCT{number:04d}"
            position = positions[i % len(positions)]
            rows.append((_ascii_login(code), code, vietnamese_name(rng), unit_code, position,
                         _category(unit_code, position), roles.LEARNER))
    # A few names with every kind of Vietnamese diacritic, for the PDFs and search.
    rows.append(("sct0090", "SCT0090", "Đặng Văn Ưng", "QLTM", "Chuyên viên", "cong_chuc", roles.LEARNER))
    rows.append(("sct0091", "SCT0091", "Huỳnh Thị Ngọc Diễm", "QLNL", "Chuyên viên", "cong_chuc", roles.LEARNER))
    groups = {g.name: g for g in Group.objects.all()}
    created = 0
    for index, (username, code, name, unit_code, position, category, group) in enumerate(rows):
        employee = Employee.objects.filter(agency=agency, employee_code=code).first()
        if employee is None:
            # One hash per account: a hash shared by several accounts marks a roster's initial password,
            # which must be changed at the first login (org.passwords); demo logins go straight in.
            user, _ = User.objects.get_or_create(username=username,
                                                 defaults={"password": make_password(DEMO_PASSWORD)})
            user.email = f"{username}@sct.tayninh.gov.vn"
            user.first_name = name
            user.save()
            employee = Employee.objects.create(
                agency=agency, unit=units[unit_code], user=user, employee_code=code, full_name=name,
                email=user.email, position=position, category=category, gender=_gender(name),
                start_date=dt.date(2010 + index % 14, 1 + index % 12, 1 + index % 27),
            )
            created += 1
        user = employee.user
        user.groups.add(groups[roles.LEARNER])
        if group != roles.LEARNER:
            user.groups.add(groups[group])
    User.objects.get_or_create(username="admin", defaults={"password": make_password(DEMO_PASSWORD), "is_superuser": True,
                                                                         "is_staff": True, "email": "admin@example.com"})
    return f"{created} staff created ({len(rows)} in the demo), logins ready"
