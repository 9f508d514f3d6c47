"""The reminder log in the admin: every e-mail sent (or failed), read-only (HR hold only view_reminder)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from learning.selectors.campaigns import visible_campaigns
from learning.wagtail_hooks.filters import campaign_scoped_filterset
from reports.models import Reminder


class ReminderIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (Reminder.objects.filter(campaign__in=visible_campaigns(self.request.user))
                .select_related("campaign", "employee"))


class ReminderViewSet(ModelViewSet):
    model = Reminder
    add_to_reference_index = False  # records, not content: no reference-index task per save
    icon = "mail"
    menu_label = _("Thư nhắc đã gửi")
    menu_order = 290
    url_prefix = "thu-nhac"
    add_to_admin_menu = False
    index_view_class = ReminderIndexView
    copy_view_enabled = False
    list_display = ["sent_at", "kind", "employee", "email", "campaign", "status"]
    filterset_class = campaign_scoped_filterset(Reminder, ["kind", "status", "campaign"])
    list_export = ["sent_at", "kind", "employee", "email", "campaign", "requirements", "status", "error", "sent_by"]
    search_fields = ["email", "employee__full_name", "employee__employee_code"]
    ordering = ["-sent_at"]
    form_fields = ["campaign", "kind", "employee", "email", "requirements", "status", "sent_on"]


reminder_viewset = ReminderViewSet("reminders")


@hooks.register("register_admin_viewset")
def register_reminder_viewset():
    return reminder_viewset


@hooks.register("register_reports_menu_item")
def reminder_log_menu_item():
    from django.urls import reverse

    from .dashboard import DashboardMenuItem

    return DashboardMenuItem(_("Học tập: thư nhắc đã gửi"), reverse("reminders:index"), icon_name="mail", order=6)
