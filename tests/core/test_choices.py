"""Choice labels through `choice_label`: the same text as Django's generated display, translated."""

from __future__ import annotations

import pytest
from django.utils import translation

from core.choices import choice_label
from courses.models import DirectivePage, DirectiveType
from learning.models import Attendance, AttendanceMethod, AttendanceStatus
from org.models import Employee, EmployeeCategory


def test_label_of_each_choice_and_unknown_value():
    for choice in DirectiveType:
        assert choice_label(DirectiveType, choice.value) == choice.label
    assert choice_label(DirectiveType, "khong-co") == "khong-co"


@pytest.mark.django_db  # a Wagtail page reads its default locale
def test_models_display_their_labels_in_the_active_language():
    page = DirectivePage(doc_type=DirectiveType.values[0])
    attendance = Attendance(status=AttendanceStatus.LATE, method=AttendanceMethod.SHEET)
    employee = Employee(category=EmployeeCategory.values[0])
    with translation.override("vi"):
        vietnamese = (page.get_doc_type_display(), attendance.get_status_display(), employee.get_category_display())
        assert vietnamese == (str(DirectiveType.choices[0][1]), str(AttendanceStatus.LATE.label),
                              str(EmployeeCategory.choices[0][1]))
    with translation.override("en"):
        english = (page.get_doc_type_display(), attendance.get_status_display(), attendance.get_method_display())
    assert english[1] != vietnamese[1] and english[1].isascii()  # the English catalogue's label
