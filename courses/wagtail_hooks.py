"""Wagtail admin wiring for the content side.

- "Văn bản chỉ đạo": a flat listing of every directive page (the explorer shows one level at a
  time), filtered by type, issuer, year and topic, with the number and dates as columns and an
  export of the library's metadata.
- "Lượt đọc bài học": who opened and acknowledged which lesson, with the reading time; read-only,
  scoped to the staff the user may see (HR their agency, unit heads their unit).
"""

from __future__ import annotations

import django_filters
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from org.selectors.access import is_hr, is_unit_head, visible_employees

from .models import DirectivePage, DirectiveType, LessonPage, LessonReading

# --- Directive listing ---------------------------------------------------------------------------


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%H:%M %d/%m/%Y") if value else ""


def _years():
    years = DirectivePage.objects.annotate(y=ExtractYear("issue_date")).order_by("-y").values_list("y", flat=True)
    return [(y, y) for y in dict.fromkeys(years)]


def _issuers():
    return [(i, i) for i in DirectivePage.objects.order_by("issuer").values_list("issuer", flat=True).distinct()]


class DirectiveFilterSet(PageListingViewSet.filterset_class):
    doc_type = django_filters.ChoiceFilter(label=_("Loại văn bản"), choices=DirectiveType.choices)
    issuer = django_filters.ChoiceFilter(label=_("Cơ quan ban hành"), choices=_issuers)
    year = django_filters.ChoiceFilter(label=_("Năm ban hành"), choices=_years, field_name="issue_date__year")
    tags = django_filters.ModelChoiceFilter(
        label=_("Chủ đề"),
        queryset=lambda request: Tag.objects.filter(courses_directivetag_items__isnull=False).distinct().order_by("name"),
    )

    class Meta:
        model = DirectivePage
        fields = ["doc_type", "issuer", "year", "tags"]


class DirectiveIndexView(PageListingViewSet.index_view_class):
    list_export = ["number", "title", "doc_type", "issuer", "issue_date", "effective_date", "subject", "live"]
    export_headings = {
        "number": _("Số, ký hiệu"), "title": _("Tiêu đề"), "doc_type": _("Loại văn bản"),
        "issuer": _("Cơ quan ban hành"), "issue_date": _("Ngày ban hành"), "effective_date": _("Ngày có hiệu lực"),
        "subject": _("Trích yếu"), "live": _("Đã xuất bản"),
    }
    export_filename = "thu-vien-van-ban"

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["doc_type"] = item.get_doc_type_display()
        return row


class DirectiveListingViewSet(PageListingViewSet):
    model = DirectivePage
    name = "directives"
    icon = "doc-full-inverse"
    menu_label = _("Văn bản chỉ đạo")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = DirectiveIndexView
    filterset_class = DirectiveFilterSet
    columns = [
        *PageListingViewSet.columns[:2],
        Column("number", label=_("Số, ký hiệu"), sort_key="number"),
        Column("doc_type", label=_("Loại"), accessor="get_doc_type_display", sort_key="doc_type"),
        Column("issue_date", label=_("Ngày ban hành"), sort_key="issue_date", accessor=lambda p: _day(p.issue_date)),
        Column("issuer", label=_("Cơ quan ban hành"), sort_key="issuer"),
        *[c for c in PageListingViewSet.columns[2:] if c.name in ("status",)],
    ]


@hooks.register("register_admin_viewset")
def register_directive_listing():
    return DirectiveListingViewSet()


# --- Lesson readings ------------------------------------------------------------------------------


def scoped_readings(user):
    return LessonReading.objects.filter(employee__in=visible_employees(user))


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Readings are written only by the learner's own acknowledgement, never in the admin. HR and
    unit heads may view them by their role (the rows are scoped by `scoped_readings`)."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return is_hr(user) or is_unit_head(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


register_permission_policy(LessonReading, ReadOnlyPolicy(LessonReading), exact_class=True)


class ReadingFilterSet(WagtailFilterSet):
    lesson = django_filters.ModelChoiceFilter(
        label=_("Bài học"), queryset=lambda request: LessonPage.objects.order_by("path")
    )
    acknowledged = django_filters.BooleanFilter(
        label=_("Đã xác nhận đọc"), field_name="acknowledged_at", lookup_expr="isnull", exclude=True
    )
    acknowledged_at = django_filters.DateFromToRangeFilter(label=_("Ngày xác nhận"), widget=DateRangePickerWidget)
    unit = django_filters.CharFilter(label=_("Mã đơn vị"), field_name="employee__unit__code", lookup_expr="iexact")

    class Meta:
        model = LessonReading
        fields = ["lesson", "acknowledged", "acknowledged_at", "unit"]


class ReadingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return scoped_readings(self.request.user).select_related("employee__unit", "lesson")


class ReadingInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(scoped_readings(self.request.user), pk=self.pk)


class LessonReadingViewSet(ModelViewSet):
    model = LessonReading
    add_to_reference_index = False  # records, not content: no reference-index task per save
    name = "lesson_readings"
    url_prefix = "luot-doc-bai"
    icon = "tasks"
    menu_label = _("Lượt đọc bài học")
    menu_order = 160
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["employee", "lesson", "opened_at", "acknowledged_at", "seconds_spent", "user"]
    index_view_class = ReadingIndexView
    inspect_view_class = ReadingInspectView
    filterset_class = ReadingFilterSet
    form_fields = ["acknowledged_at"]  # never rendered: the policy refuses add and change
    ordering = ["-acknowledged_at", "-opened_at"]
    list_per_page = 50
    list_display = [
        Column("employee", label=_("Cán bộ"), sort_key="employee__full_name"),
        Column("unit", label=_("Đơn vị"), accessor=lambda r: r.employee.unit.name),
        Column("lesson", label=_("Bài học"), accessor=lambda r: r.lesson.title),
        Column("opened_at", label=_("Mở lúc"), sort_key="opened_at", accessor=lambda r: _moment(r.opened_at)),
        Column("acknowledged_at", label=_("Xác nhận lúc"), sort_key="acknowledged_at",
               accessor=lambda r: _moment(r.acknowledged_at)),
        Column("minutes_spent", label=_("Thời gian đọc (phút)"), sort_key="seconds_spent"),
    ]
    list_export = ["employee.employee_code", "employee.full_name", "employee.unit.name", "lesson.title", "opened_at",
                   "acknowledged_at", "seconds_spent"]
    export_headings = {
        "employee.employee_code": _("Mã cán bộ"), "employee.full_name": _("Họ và tên"),
        "employee.unit.name": _("Đơn vị"), "lesson.title": _("Bài học"), "opened_at": _("Mở lúc"),
        "acknowledged_at": _("Xác nhận lúc"), "seconds_spent": _("Thời gian đọc (giây)"),
    }
    export_filename = "luot-doc-bai-hoc"


@hooks.register("register_admin_viewset")
def register_lesson_readings():
    return LessonReadingViewSet()
