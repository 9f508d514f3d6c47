"""The staff of the organisation: cán bộ, công chức, viên chức, người lao động."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.choices import choice_label
from core.text import fold
from org.scoping import AgencyScopedManager

from .units import OrgUnit


class EmployeeCategory(models.TextChoices):
    CAN_BO = "can_bo", _("Cán bộ")
    CONG_CHUC = "cong_chuc", _("Công chức")
    VIEN_CHUC = "vien_chuc", _("Viên chức")
    NGUOI_LAO_DONG = "nguoi_lao_dong", _("Người lao động")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


# How a document addresses a person ("Ông Nguyễn Văn An", "Bà Trần Thị Bình"): certificates, letters.
HONORIFICS = {Gender.MALE: "Ông", Gender.FEMALE: "Bà"}


class Employee(models.Model):
    """A cán bộ, công chức, viên chức or người lao động, who logs in with code or email."""

    agency = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="agency_staff", verbose_name=_("cơ quan"))
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="staff", verbose_name=_("đơn vị"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="employee"
    )
    employee_code = models.CharField(_("mã cán bộ"), max_length=32)
    full_name = models.CharField(_("họ và tên"), max_length=255)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    email = models.EmailField(_("email"), blank=True)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    category = models.CharField(_("loại"), max_length=16, choices=EmployeeCategory.choices)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices, blank=True)
    start_date = models.DateField(_("ngày vào cơ quan"), null=True, blank=True)
    left_date = models.DateField(_("ngày nghỉ việc"), null=True, blank=True)
    is_active = models.BooleanField(_("đang công tác"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["employee_code"]
        db_table = "learning_employee"  # created by the learning app before the organisation had its own
        constraints = [
            models.UniqueConstraint(fields=["agency", "employee_code"], name="employee_code_unique_per_agency"),
        ]
        indexes = [models.Index(fields=["agency", "email"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.employee_code})"

    def save(self, *args, **kwargs):
        # A derived column for diacritics-insensitive search; not business logic.
        self.search_name = fold(self.full_name)
        super().save(*args, **kwargs)

    def get_category_display(self) -> str:
        return choice_label(EmployeeCategory, self.category)

    @property
    def honorific(self) -> str:
        """"Ông" or "Bà" from the roster's gender; "" when unknown (write "Ông/Bà" then)."""
        return HONORIFICS.get(self.gender, "")
