"""The province dashboard in the Wagtail admin (Sở Nội vụ, Ban Dân vận; superusers): one
province-wide campaign across every agency — both named rates per agency and per agency ×
directive, the trend, agencies ranked by completion and by overdue, which agencies have not
adopted or have changed the campaign, the deadlines — and the drill-down to one agency's
departments, in aggregate. Person-level rows of an agency only with that agency's grant, and
every such download is written to the agency's audit log."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from core import exporters
from core.downloads import download_response
from core.exporters import Rendered
from learning.models import Campaign
from learning.selectors.compliance import compliance_table
from learning.selectors.province import CHANGED, NOT_ADOPTED, province_adoption, province_campaign_slugs
from org.models import OrgUnit
from org.selectors.access import province_person_grant, visible_provinces
from org.services.provinces import province_person_read_log
from reports.exporters.compliance import csv_chunks
from reports.exporters.province import totals
from reports.selectors.dashboard import records
from reports.selectors.province import (
    agency_units,
    directive_matrix,
    province_dashboard,
    province_deadlines,
    ranked,
)
from reports.selectors.submissions import reviewable_submissions
from reports.views.admin_dashboard import RATE_NAMES, forbidden

CHANGE_LABELS = {"title": _("tên"), "start": _("ngày bắt đầu"), "due": _("hạn hoàn thành"),
                 "requirements": _("văn bản phải học"), "audience": _("đối tượng")}


def may_see_province(user) -> bool:
    return visible_provinces(user).exists()


class ProvinceFilterForm(forms.Form):
    province = forms.ModelChoiceField(label=_("Tỉnh"), queryset=None, empty_label=None)
    campaign = forms.ChoiceField(label=_("Kế hoạch toàn tỉnh"), choices=[])
    as_of = forms.DateField(label=_("Tính đến ngày"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                            widget=AdminDateInput())

    def __init__(self, data, *, user):
        provinces = visible_provinces(user).order_by("code")
        data = data.copy()
        if not data.get("province") and provinces:
            data["province"] = str(provinces[0].pk)
        super().__init__(data)
        self.fields["province"].queryset = provinces
        province = provinces.filter(pk=data.get("province")).first() if str(data.get("province")).isdigit() else None
        slugs = province_campaign_slugs(province) if province else []
        self.fields["campaign"].choices = [(s, s) for s in slugs]
        if not data.get("campaign") and slugs:
            self.data["campaign"] = slugs[0]


class ProvinceMixin(WagtailAdminTemplateMixin):
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_province(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self) -> ProvinceFilterForm:
        return ProvinceFilterForm(self.request.GET, user=self.request.user)

    @cached_property
    def params(self) -> dict:
        return self.form.cleaned_data if self.form.is_valid() else {}

    @cached_property
    def province(self):
        return self.params.get("province")

    @cached_property
    def slug(self) -> str | None:
        return self.params.get("campaign")

    @cached_property
    def as_of(self) -> dt.date:
        return self.params.get("as_of") or timezone.localdate()

    def query(self, **extra) -> str:
        from urllib.parse import urlencode

        values = {"province": self.province.pk if self.province else "", "campaign": self.slug or "",
                  "as_of": self.as_of.isoformat(), **extra}
        return urlencode(values)


def deadlines(year: int, today: dt.date) -> list[dict]:
    out = []
    for key, label in (("report", _("Báo cáo kết quả năm")), ("dossier", _("Hồ sơ tự chấm điểm"))):
        day, month = settings.PROVINCE_DEADLINES[key]
        date = dt.date(year, month, day)
        days = (date - today).days
        out.append({"key": key, "label": label, "date": date, "days": days, "late": -days})
    return out


class ProvinceDashboardView(ProvinceMixin, TemplateView):
    page_title = _("Tổng hợp toàn tỉnh")
    template_name = "reports/admin/province/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"form": self.form, "province": self.province, "slug": self.slug, "as_of": self.as_of,
                        "rate_names": RATE_NAMES})
        if self.province is None or not self.slug:
            return context
        figures = province_dashboard(province=self.province, slug=self.slug, as_of=self.as_of)
        agencies = figures["agencies"]
        adoption = {a.agency.pk: a for a in province_adoption(province=self.province, slug=self.slug)}
        rows = records(agencies)
        for row in rows:
            state = adoption.get(row["agency_id"])
            row["state"] = state.state if state else NOT_ADOPTED
            row["changed"] = [CHANGE_LABELS[c] for c in state.changed] if state else []
            row["link"] = reverse("province_dashboard:agency", args=[row["agency_id"]]) + "?" + self.query()
        year = figures["due"].year if figures["due"] else self.as_of.year
        context.update({
            "title": figures["title"], "summary": totals(agencies), "agencies": rows,
            "by_completion": records(ranked(agencies, "completion").head(10)),
            "by_overdue": records(ranked(agencies, "overdue").head(10)),
            "matrix": directive_matrix(figures), "requirements": figures["requirements"],
            "trend": records(figures["trend"]) if figures["trend"] is not None else [],
            "not_adopted": [r for r in rows if r["state"] == NOT_ADOPTED],
            "changed": [r for r in rows if r["state"] == CHANGED],
            "deadlines": deadlines(year, timezone.localdate()),
            "submissions": province_deadlines(province=self.province, slug=self.slug, year=year,
                                              today=timezone.localdate()),
            "review_url": reverse("province_review:index") + f"?province={self.province.pk}&year={year}",
            "lagging": [r for r in rows if r["state"] != NOT_ADOPTED and (r["people_rate"] is None
                                                                          or r["people_rate"] < 100)],
            "downloads": [(cls.identifier, cls.verbose_name,
                           reverse("province_dashboard:report") + "?" + self.query(exporter=cls.identifier))
                          for cls in exporters.menu(exporters.Scope.PROVINCE)],
        })
        return context


class ProvinceAgencyView(ProvinceMixin, TemplateView):
    """One agency of the province: its departments in aggregate; its person-level rows only through
    the agency's grant (a download, audited)."""

    page_title = _("Cơ quan trong tỉnh")
    template_name = "reports/admin/province/agency.html"

    @cached_property
    def agency(self) -> OrgUnit:
        agency = get_object_or_404(OrgUnit, pk=self.kwargs["agency_id"], depth=1)
        if not visible_provinces(self.request.user).filter(pk=agency.province_id).exists():
            raise Http404  # the same answer as an unknown agency
        return agency

    @cached_property
    def campaign(self) -> Campaign | None:
        return Campaign.objects.filter(agency=self.agency, slug=self.slug).first() if self.slug else None

    def get_page_title(self):
        return self.agency.name

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items,
                {"url": reverse("province_dashboard:index") + "?" + self.query(), "label": _("Tổng hợp toàn tỉnh")},
                {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grant = province_person_grant(user=self.request.user, agency=self.agency)
        context.update({"agency": self.agency, "campaign": self.campaign, "as_of": self.as_of, "slug": self.slug,
                        "rate_names": RATE_NAMES, "grant": grant,
                        "back": reverse("province_dashboard:index") + "?" + self.query()})
        year = self.campaign.year if self.campaign is not None else self.as_of.year
        submission = reviewable_submissions(self.request.user).filter(agency=self.agency, year=year).first()
        context.update({"review_year": year, "submission": submission,
                        "submission_url": reverse("province_review:submission", args=[submission.pk])
                        if submission else "",
                        "queue_url": reverse("province_review:index") + f"?province={self.agency.province_id}"
                                                                         f"&year={year}"})
        if self.campaign is not None:
            units = agency_units(campaign=self.campaign, as_of=self.as_of)
            context["units"] = records(units)
            context["summary"] = totals(units)
            if grant is not None:
                context["detail_url"] = (reverse("province_dashboard:agency_detail", args=[self.agency.pk]) + "?"
                                         + self.query())
        return context


class ProvinceAgencyDetailView(ProvinceAgencyView):
    """The agency's compliance CSV (contract columns, names included) for an officer holding the
    agency's grant; each download is logged in the agency's audit log with the grant it used."""

    def get(self, request, *args, **kwargs):
        grant = province_person_grant(user=request.user, agency=self.agency)
        if grant is None or self.campaign is None:
            raise Http404
        table = compliance_table(campaign=self.campaign, as_of=self.as_of)
        province_person_read_log(user=request.user, agency=self.agency, grant=grant,
                                 what=f"compliance CSV {self.campaign.slug} as of {self.as_of.isoformat()}")
        name = f"{self.agency.code}-{self.campaign.slug}-{self.as_of.isoformat()}.csv"
        return download_response(Rendered(name, "text/csv; charset=utf-8", chunks=lambda: csv_chunks(table)))


class ProvinceReportDownloadView(ProvinceMixin, View):
    def get(self, request, *args, **kwargs):
        family = {cls.identifier: cls for cls in exporters.menu(exporters.Scope.PROVINCE)}
        exporter = family.get(request.GET.get("exporter", ""))
        if exporter is None or self.province is None or not self.slug:
            raise Http404
        rendered = exporter().render(province=self.province, slug=self.slug, as_of=self.as_of)
        return download_response(rendered)
