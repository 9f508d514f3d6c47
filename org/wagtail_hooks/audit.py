"""Wagtail admin: the audit log (nhật ký thay đổi), read-only. Filters by action, kind of object,
actor and date; each entry shows before/after. HR sees the entries of their own agency (the agency
of the object, whoever wrote them, commands included); superusers see everything, also the entries
of no agency (`org.selectors.access.visible_audit_entries`)."""

from __future__ import annotations

import json

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from org.models import AuditLog, Employee
from org.selectors.access import visible_agencies, visible_audit_entries, visible_employees
from org.selectors.audit import action_choices, action_label, audit_changes, audit_changes_text

scoped_audit = visible_audit_entries


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Append-only: nobody adds, changes or deletes entries through the admin, not even a superuser."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


register_permission_policy(AuditLog, ReadOnlyPolicy(AuditLog), exact_class=True)


def _actions(request):
    return action_choices(scoped_audit(request.user).order_by("action").values_list("action", flat=True).distinct())


def _affecting(queryset, name, employee):
    """Entries about the person: on their record, or naming their code in what changed."""
    if employee is None:
        return queryset
    on_record = Q(content_type=ContentType.objects.get_for_model(Employee), object_id=str(employee.pk))
    code = employee.employee_code
    return queryset.filter(on_record | Q(after__employee_code=code) | Q(before__employee_code=code))


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=_("Hành động"), choices=[])
    content_type = django_filters.ModelChoiceFilter(
        label=_("Loại đối tượng"),
        queryset=lambda request: ContentType.objects.filter(
            pk__in=scoped_audit(request.user).values("content_type")).order_by("model"),
    )
    object_repr = django_filters.CharFilter(label=_("Đối tượng (chứa)"), lookup_expr="icontains")
    person = django_filters.ModelChoiceFilter(
        label=_("Người liên quan"), method=_affecting,
        queryset=lambda request: visible_employees(request.user).order_by("full_name"),
    )
    actor = django_filters.ModelChoiceFilter(
        label=_("Người thực hiện"),
        queryset=lambda request: get_user_model().objects.filter(
            pk__in=scoped_audit(request.user).values("actor")).order_by("username"),
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Thời điểm"), widget=DateRangePickerWidget)
    # useful to superusers (every agency); HR's own agency is the only choice it has
    agency = django_filters.ModelChoiceFilter(
        label=_("Cơ quan"), queryset=lambda request: visible_agencies(request.user).order_by("name"))

    class Meta:
        model = AuditLog
        fields = ["action", "person", "content_type", "object_repr", "actor", "created_at", "agency"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["action"].extra["choices"] = _actions(request)


class AuditIndexView(generic.IndexView):
    def get_base_queryset(self):
        return scoped_audit(self.request.user).select_related("actor", "content_type", "agency")


class AuditInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(scoped_audit(self.request.user), pk=self.pk)

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name)
        if field_name == "action":
            return action_label(value)
        if field_name == "created_at":
            return _when(self.object)
        if field_name in ("before", "after"):
            return json.dumps(value, ensure_ascii=False, indent=1) if value is not None else "—"
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        changes = audit_changes(self.object)
        if changes:  # old → new per field, above the raw before/after kept for the record
            context["fields"] = [{"label": _("Thay đổi"), "value": format_html_join(
                "", "<div>{}: {} → {}</div>", ((c.field, c.before, c.after) for c in changes)), "component": None},
                *context["fields"]]
        return context


def _when(entry: AuditLog) -> str:
    return timezone.localtime(entry.created_at).strftime("%d/%m/%Y %H:%M")


class AuditLogViewSet(ModelViewSet):
    model = AuditLog
    add_to_reference_index = False  # records, not content: no reference-index task per save
    name = "org_auditlog"
    url_prefix = "nhat-ky"
    icon = "history"
    menu_label = _("Nhật ký thay đổi")
    menu_order = 900
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "actor", "agency", "action", "content_type", "object_id", "object_repr",
                           "before", "after"]
    index_view_class = AuditIndexView
    inspect_view_class = AuditInspectView
    filterset_class = AuditFilterSet
    form_fields = ["action"]  # never rendered: the policy refuses add and change
    ordering = ["-created_at", "-id"]
    list_per_page = 50
    list_display = [
        Column("created_at", label=_("Thời điểm"), sort_key="created_at", accessor=_when),
        Column("actor", label=_("Người thực hiện"), accessor=lambda e: e.actor or _("(dòng lệnh)")),
        Column("action", label=_("Hành động"), accessor=lambda e: action_label(e.action)),
        Column("object_repr", label=_("Đối tượng")),
        Column("changes", label=_("Thay đổi"), accessor=audit_changes_text),
    ]
    list_export = ["created_at", "actor", "agency", "action", "content_type", "object_id", "object_repr", "before", "after"]
    export_filename = "nhat-ky-thay-doi"

