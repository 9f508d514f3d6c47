"""Wagtail admin wiring of the compliance dashboards: URLs, the Reports menu, the home panel."""

from __future__ import annotations

from dataclasses import asdict

from django.core.cache import cache
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from learning.selectors.summaries import Summary, summary
from reports.selectors import dashboard
from reports.views import admin_dashboard as views

urlpatterns = [
    path("", views.ByUnitView.as_view(), name="by_unit"),
    path("theo-van-ban/", views.ByRequirementView.as_view(), name="by_requirement"),
    path("dien-bien/", views.TrendView.as_view(), name="trend"),
    path("qua-han/", views.OverdueView.as_view(), name="overdue"),
    path("can-bo/", views.PeopleView.as_view(), name="people"),
    path("chi-tiet/", views.DetailView.as_view(), name="detail"),
    path("chi-tieu/", views.TargetsView.as_view(), name="targets"),
    path("nhac-nho/", views.RemindView.as_view(), name="remind"),
    path("bao-cao/", views.ReportDownloadView.as_view(), name="report"),
]


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [path("tinh-hinh-hoc-tap/", include((urlpatterns, "learning_dashboard"), namespace="learning_dashboard"))]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_dashboard(request.user)


MENU = [
    ("by_unit", _("Học tập: theo đơn vị"), "doc-full", 1),
    ("by_requirement", _("Học tập: theo văn bản"), "doc-full", 2),
    ("trend", _("Học tập: diễn biến"), "time", 3),
    ("overdue", _("Học tập: quá hạn"), "warning", 4),
    ("people", _("Học tập: danh sách cán bộ"), "group", 5),
]


def _menu_hook(name, label, icon, order):
    def item():
        return DashboardMenuItem(label, reverse(f"learning_dashboard:{name}"), icon_name=icon, order=order)

    item.__name__ = f"dashboard_menu_{name}"
    return item


for _name, _label, _icon, _order in MENU:
    hooks.register("register_reports_menu_item", _menu_hook(_name, _label, _icon, _order))


class CompletionPanel(Component):
    """Home panel: the current campaign's completion within the user's scope."""

    name = "learning_completion"
    order = 50
    template_name = "reports/admin/dashboard/panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        campaign = dashboard.current_campaign(self.request.user, today)
        context = {"campaign": campaign, "today": today}
        if campaign is not None:
            context["summary"] = self.summary(campaign, today)
            context["rate_names"] = views.RATE_NAMES
            context["link"] = reverse("learning_dashboard:by_unit") + f"?campaign={campaign.pk}"
            context["overdue_link"] = reverse("learning_dashboard:overdue") + f"?campaign={campaign.pk}"
            context["scope_unit"] = dashboard.scope_unit(self.request.user)
        return context


    def summary(self, campaign, today) -> Summary:
        # The admin home is opened often and the figures move slowly: cache them a few minutes
        # per campaign, scope and day (in the shared cache, never in process memory).
        scope = dashboard.scope_unit(self.request.user)
        key = f"learning:panel:v2:{campaign.pk}:{scope.pk if scope else 'all'}:{self.request.user.pk}:{today}"
        figures = cache.get(key)
        if figures is None and dashboard.kept_answers(campaign=campaign, as_of=today):
            figures = asdict(dashboard.scoped_summary(user=self.request.user, campaign=campaign))
        if figures is None:
            table = dashboard.scoped_table(user=self.request.user, campaign=campaign, as_of=today)
            figures = asdict(summary(table))
            cache.set(key, figures, PANEL_CACHE_SECONDS)
        return Summary(**figures)


PANEL_CACHE_SECONDS = 300


@hooks.register("construct_homepage_panels")
def add_completion_panel(request, panels):
    if views.may_see_dashboard(request.user):
        panels.insert(0, CompletionPanel(request))
