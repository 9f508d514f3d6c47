"""Wagtail admin wiring of the organisation: units (as an indented tree), staff (filters,
diacritics-insensitive search, export), and the roster upload screen. Every queryset is the
user's scope from `org.selectors.access`: HR their agency, unit heads their subtree."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.errors import DomainError
from core.text import fold
from org.models import Employee, EmployeeCategory, OrgUnit, OrgUnitKind
from org.selectors.access import is_hr, visible_employees, visible_units
from org.services.agencies import agency_ensure
from org.services.employees import employee_save
from org.views import admin_roster


def indented_name(unit: OrgUnit) -> str:
    return "\u2003" * (unit.depth - 1) + ("└ " if unit.depth > 1 else "") + unit.name


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{indented_name(obj)} ({obj.code})"


def _scoped_units(user):
    return visible_units(user).order_by("path")


# --- units -----------------------------------------------------------------------------------


class OrgUnitForm(WagtailAdminModelForm):
    parent = UnitChoiceField(
        queryset=OrgUnit.objects.none(), label=_("Trực thuộc"), required=False,
        help_text=_("Để trống để tạo một cơ quan mới (chỉ quản trị hệ thống)."),
    )

    class Meta:
        model = OrgUnit
        fields = ["code", "name", "kind", "governing_body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["parent"]  # moving a unit is not offered: its staff and reports follow the path
        else:
            self.fields["parent"].queryset = _scoped_units(self.for_user)
            if not self.for_user.is_superuser:
                self.fields["parent"].required = True
                self.fields["parent"].help_text = ""
                self.fields["kind"].choices = [c for c in OrgUnitKind.choices if c[0] != OrgUnitKind.AGENCY]

    def clean(self):
        cleaned = super().clean()
        code = (cleaned.get("code") or "").strip()
        parent = cleaned.get("parent") if not self.instance.pk else None
        agency = parent.agency if parent else (self.instance.agency if self.instance.pk else None)
        if code and agency:
            clash = OrgUnit.objects.filter(path__startswith=agency.path, code__iexact=code).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("code", _("Mã đơn vị này đã có trong cơ quan."))
        if not self.instance.pk and parent is None:
            if code and OrgUnit.objects.filter(depth=1, code__iexact=code).exists():
                self.add_error("code", _("Đã có cơ quan với mã này."))
            cleaned["kind"] = OrgUnitKind.AGENCY  # a unit without a parent is an agency
        elif parent is not None and cleaned.get("kind") == OrgUnitKind.AGENCY:
            self.add_error("kind", _("Chỉ đơn vị không trực thuộc đơn vị nào mới là cơ quan."))
        return cleaned


class ScopedObjectMixin:
    """The object of a per-object view (history, usage) outside the user's scope is a 404.
    Only the object lookup is scoped: those views list log entries or references."""

    @staticmethod
    def scope(user):
        raise NotImplementedError

    def _in_scope(self, queryset):
        return queryset.filter(pk__in=self.scope(self.request.user).values("pk"))

    def get_base_object_queryset(self):
        return self._in_scope(super().get_base_object_queryset())


class ServiceErrorsOnFormMixin:
    """Create/edit views that save through a service: a DomainError the service raises is shown
    on the form like a validation error instead of a server error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DomainError as exc:
            form.add_error(None, str(exc))
            self.produced_error_message = str(exc)
            return self.form_invalid(form)


class ScopedMixin(ScopedObjectMixin):
    """Edit and delete look the object up through `get_queryset` (Django's SingleObjectMixin)."""

    def get_queryset(self):
        return self._in_scope(super().get_queryset())


class ScopedUnitsMixin(ScopedMixin):
    scope = staticmethod(_scoped_units)


class OrgUnitIndexView(generic.IndexView):
    def get_base_queryset(self):
        return _scoped_units(self.request.user).annotate(
            staff_count=Count("staff", filter=Q(staff__is_active=True))
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("name", accessor=indented_name),
            Column("code", label=_("Mã"), sort_key="code"),
            Column("kind", label=_("Loại"), accessor="get_kind_display"),
            Column("staff_count", label=_("Cán bộ đang công tác"), sort_key="staff_count"),
        ]


class OrgUnitCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        fields = {"code": data["code"].strip(), "name": data["name"].strip(), "kind": data["kind"],
                  "governing_body": data["governing_body"]}
        if data.get("parent") is None:
            return agency_ensure(code=fields["code"], name=fields["name"], governing_body=fields["governing_body"])[0]
        parent = OrgUnit.objects.get(pk=data["parent"].pk)  # fresh numchild for treebeard
        return parent.add_child(**fields)


class OrgUnitEditView(ScopedUnitsMixin, generic.EditView):
    pass


class ScopedUnitObjectMixin(ScopedObjectMixin):
    scope = staticmethod(_scoped_units)


class OrgUnitHistoryView(ScopedUnitObjectMixin, HistoryView):
    pass


class OrgUnitUsageView(ScopedUnitObjectMixin, UsageView):
    pass


class OrgUnitDeleteView(ScopedUnitsMixin, generic.DeleteView):
    def post(self, request, *args, **kwargs):
        unit = self.object
        if unit.depth == 1 and not request.user.is_superuser:
            messages.error(request, _("Không thể xóa cơ quan."))
            return redirect(self.index_url_name)
        if Employee.objects.filter(unit__path__startswith=unit.path).exists() or unit.get_children_count():
            messages.error(request, _("Đơn vị còn cán bộ hoặc đơn vị trực thuộc: chuyển họ đi trước khi xóa."))
            return redirect(self.index_url_name)
        return super().post(request, *args, **kwargs)


class OrgUnitViewSet(ModelViewSet):
    model = OrgUnit
    name = "org_orgunit"
    url_prefix = "don-vi"
    icon = "group"
    menu_label = _("Đơn vị")
    menu_order = 100
    ordering = ["path"]
    copy_view_enabled = False
    index_view_class = OrgUnitIndexView
    add_view_class = OrgUnitCreateView
    edit_view_class = OrgUnitEditView
    delete_view_class = OrgUnitDeleteView
    history_view_class = OrgUnitHistoryView
    usage_view_class = OrgUnitUsageView
    search_fields = ["name", "code"]
    list_export = ["code", "name", "kind", "depth"]
    export_headings = {"code": _("Mã đơn vị"), "name": _("Tên đơn vị"), "kind": _("Loại"), "depth": _("Cấp")}
    export_filename = "don-vi"

    def get_form_class(self, for_update=False):
        return OrgUnitForm


# --- staff -----------------------------------------------------------------------------------


class UnitFilterField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{indented_name(obj)} ({obj.code})"


class UnitFilter(django_filters.ModelChoiceFilter):
    field_class = UnitFilterField


class EmployeeFilterSet(WagtailFilterSet):
    unit = UnitFilter(
        label=_("Đơn vị (gồm đơn vị trực thuộc)"),
        queryset=lambda request: _scoped_units(request.user),
        method="filter_unit",
    )
    category = django_filters.ChoiceFilter(label=_("Loại"), choices=EmployeeCategory.choices)
    is_active = django_filters.BooleanFilter(label=_("Đang công tác"))

    class Meta:
        model = Employee
        fields = ["unit", "category", "is_active"]

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit__path__startswith=value.path) if value else queryset


class EmployeeForm(WagtailAdminModelForm):
    unit = UnitChoiceField(queryset=OrgUnit.objects.none(), label=_("Đơn vị"))

    class Meta:
        model = Employee
        fields = ["employee_code", "full_name", "email", "unit", "position", "category", "gender", "start_date",
                  "left_date", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _scoped_units(self.for_user)

    def clean(self):
        cleaned = super().clean()
        unit = cleaned.get("unit")
        code = (cleaned.get("employee_code") or "").strip()
        email = (cleaned.get("email") or "").strip()
        if unit is None:
            return cleaned
        agency = unit.agency
        if self.instance.pk and self.instance.agency_id != agency.pk:
            self.add_error("unit", _("Không thể chuyển cán bộ sang cơ quan khác."))
        others = Employee.objects.exclude(pk=self.instance.pk)
        if code and others.filter(agency=agency, employee_code__iexact=code).exists():
            self.add_error("employee_code", _("Mã cán bộ này đã có trong cơ quan."))
        if email and others.filter(email__iexact=email).exists():
            self.add_error("email", _("Email này đã được dùng cho cán bộ khác."))
        self.instance.agency = agency
        return cleaned


class EmployeeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_employees(self.request.user).select_related("unit")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        return queryset.filter(
            Q(search_name__contains=fold(query)) | Q(employee_code__icontains=query) | Q(email__icontains=query)
        )


class ScopedEmployeesMixin(ScopedMixin):
    scope = staticmethod(visible_employees)


class EmployeeSaveMixin:
    def save_instance(self):
        with transaction.atomic():
            return employee_save(employee=self.form.save(commit=False))


class EmployeeCreateView(EmployeeSaveMixin, generic.CreateView):
    pass


class EmployeeEditView(ScopedEmployeesMixin, EmployeeSaveMixin, generic.EditView):
    pass


class EmployeeDeleteView(ScopedEmployeesMixin, generic.DeleteView):
    pass


class ScopedEmployeeObjectMixin(ScopedObjectMixin):
    scope = staticmethod(visible_employees)


class EmployeeHistoryView(ScopedEmployeeObjectMixin, HistoryView):
    pass


class EmployeeUsageView(ScopedEmployeeObjectMixin, UsageView):
    pass


class EmployeeViewSet(ModelViewSet):
    model = Employee
    add_to_reference_index = False  # records, not content: no reference-index task per save
    name = "org_employee"
    url_prefix = "can-bo"
    icon = "user"
    menu_label = _("Cán bộ")
    menu_order = 200
    copy_view_enabled = False
    index_view_class = EmployeeIndexView
    add_view_class = EmployeeCreateView
    edit_view_class = EmployeeEditView
    delete_view_class = EmployeeDeleteView
    history_view_class = EmployeeHistoryView
    usage_view_class = EmployeeUsageView
    filterset_class = EmployeeFilterSet
    search_fields = ["search_name", "employee_code", "email"]  # used by EmployeeIndexView.search_queryset
    ordering = ["employee_code"]
    list_per_page = 50
    list_display = [
        "full_name",
        "employee_code",
        Column("unit", label=_("Đơn vị"), accessor="unit.name", sort_key="unit__path"),
        "position",
        "category",
        BooleanColumn("is_active", label=_("Đang công tác")),
    ]
    list_export = ["employee_code", "full_name", "email", "unit.code", "unit.name", "position",
                   "get_category_display", "start_date", "is_active"]
    export_headings = {
        "employee_code": "Mã cán bộ",
        "full_name": "Họ và tên",
        "email": "Email",
        "unit.code": "Mã đơn vị",
        "unit.name": "Đơn vị",
        "position": "Chức vụ",
        "get_category_display": "Loại",
        "start_date": "Ngày vào cơ quan",
        "is_active": "Đang công tác",
    }
    export_filename = "danh-sach-can-bo"

    def get_form_class(self, for_update=False):
        return EmployeeForm


# --- roster upload ---------------------------------------------------------------------------


class HrMenuItem(MenuItem):
    def is_shown(self, request):
        return is_hr(request.user)


class RosterViewSet(ViewSet):
    name = "org_roster"
    url_prefix = "nap-danh-sach-can-bo"
    icon = "upload"
    menu_label = _("Nạp danh sách cán bộ")
    menu_order = 300
    menu_item_class = HrMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_roster.RosterUploadView.as_view(), name="upload"),
            path("mau.xlsx", admin_roster.roster_template, name="template"),
        ]


class OrganisationGroup(ViewSetGroup):
    menu_label = _("Tổ chức, cán bộ")
    menu_icon = "group"
    menu_order = 250
    items = (OrgUnitViewSet, EmployeeViewSet, RosterViewSet)


@hooks.register("register_admin_viewset")
def register_organisation():
    return OrganisationGroup()
