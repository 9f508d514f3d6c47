"""factory_boy factories shared by every suite."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from org import roles
from org.models import Employee, EmployeeCategory, OrgUnit, OrgUnitKind


def make_agency(code: str = "SCT", name: str = "Sở Công Thương Tây Ninh") -> OrgUnit:
    existing = OrgUnit.objects.filter(depth=1, code=code).first()
    return existing or OrgUnit.add_root(code=code, name=name, kind=OrgUnitKind.AGENCY, governing_body="UBND TỈNH TÂY NINH")


def make_unit(parent: OrgUnit, code: str, name: str | None = None, kind: str = OrgUnitKind.DEPARTMENT) -> OrgUnit:
    parent.refresh_from_db()
    return parent.add_child(code=code, name=name or f"Phòng {code}", kind=kind)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.vn")
    password = factory.django.Password("pw")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    agency = factory.LazyFunction(make_agency)
    unit = factory.LazyAttribute(lambda o: o.agency)
    user = factory.SubFactory(UserFactory, username=factory.SelfAttribute("..employee_code"))
    employee_code = factory.Sequence(lambda n: f"NV{n:05d}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    email = factory.LazyAttribute(lambda o: f"{o.employee_code.lower()}@example.vn")
    position = "Chuyên viên"
    category = EmployeeCategory.CONG_CHUC
    start_date = dt.date(2020, 1, 1)


def give_role(user, role: str):
    from org.services.roles import roles_ensure

    if not Group.objects.filter(name=role).exists():
        roles_ensure()
    user.groups.add(Group.objects.get(name=role))
    user.__dict__.pop("_role_names", None)
    return user


__all__ = ["EmployeeFactory", "UserFactory", "give_role", "make_agency", "make_unit", "roles"]
