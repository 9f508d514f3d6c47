"""The compliance dashboards in the Wagtail admin: Wagtail `ReportView`s over the compliance table.

Today's figures of a kept campaign (the summary of every tab, "theo đơn vị", "theo văn bản") read
the kept statuses' counters (`kept_answers`); otherwise every view computes the table once per request (`reports.selectors.dashboard.scoped_table`,
limited to the user's unit subtree for unit heads), applies the filters of the form, and shows
one table; "Tải CSV/XLSX" exports exactly that table (Wagtail's SpreadsheetExportMixin), and
"Báo cáo" renders the compliance exporters for the same campaign, date and unit.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput

from core import exporters
from core.downloads import download_response
from core.errors import DomainError
from core.evidence import evidence_label
from core.exporters import Rendered, safe_cell
from core.params import id_param
from learning.models import Campaign
from learning.selectors.campaigns import visible_campaigns
from learning.selectors.kept import KeptDetail, kept_missing, kept_people, kept_trend
from learning.selectors.summaries import summary, with_flags
from learning.statuses import PEOPLE_RATE, PEOPLE_RATE_HELP, ROWS_RATE, ROWS_RATE_HELP, ComplianceStatus, status_label
from org.models import EmployeeCategory, OrgUnit
from org.selectors.access import is_hr, is_unit_head, visible_employees, visible_units
from reports.exporters.compliance import csv_chunks
from reports.selectors import dashboard
from reports.services.reminders import last_reminders, reminder_send_manual
from reports.services.targets import campaign_targets_progress

RATE_NAMES = {"people": PEOPLE_RATE, "people_help": PEOPLE_RATE_HELP, "rows": ROWS_RATE,
              "rows_help": ROWS_RATE_HELP}


def report_exporters(user) -> list:
    """The campaign downloads offered to `user`: every campaign exporter of the menu; those of the
    whole agency (hr_only) to HR and superusers only, since a unit head's downloads are scoped."""
    hr = is_hr(user) or getattr(user, "is_superuser", False)
    return [cls for cls in exporters.menu(exporters.Scope.CAMPAIGN) if hr or not cls.hr_only]


def may_see_dashboard(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or is_hr(user) or is_unit_head(user)


def forbidden(request) -> HttpResponse:
    body = render_to_string("reports/admin/dashboard/forbidden.html", request=request)
    return HttpResponseForbidden(body)


class DashboardFilterForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=Campaign.objects.none(), empty_label=None)
    as_of = forms.DateField(label=_("Tính đến ngày"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                            widget=AdminDateInput())
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=OrgUnit.objects.none(), required=False,
                                  empty_label=_("Tất cả"))
    category = forms.ChoiceField(label=_("Loại cán bộ"), required=False,
                                 choices=[("", _("Tất cả"))] + list(EmployeeCategory.choices))
    status = forms.ChoiceField(label=_("Tình trạng"), required=False,
                               choices=[("", _("Tất cả")), *ComplianceStatus.choices])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = visible_campaigns(user)
        units = visible_units(user).order_by("path")
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda u: ("— " * max(u.depth - 1, 0)) + u.name


class DashboardView(ReportView):
    """Base of the dashboard tabs. Subclasses give `rows()` and their columns."""

    model = Campaign
    permission_required = "view"
    template_name = "reports/admin/dashboard/report.html"
    header_icon = "doc-full"
    paginate_by = 100
    uses_status = False
    tab = ""
    export_headings: dict = {}

    def dispatch(self, request, *args, **kwargs):
        if not may_see_dashboard(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    # --- filters --------------------------------------------------------------------------

    default_status = ""

    @cached_property
    def filter_form(self) -> DashboardFilterForm:
        data = self.request.GET.copy()
        if not data.get("campaign"):
            current = dashboard.current_campaign(self.request.user, timezone.localdate())
            if current is not None:
                data["campaign"] = str(current.pk)
        if "status" not in data and self.default_status:
            data["status"] = self.default_status
        return DashboardFilterForm(data, user=self.request.user)

    @cached_property
    def params(self) -> dict:
        form = self.filter_form
        if not form.is_bound or not form.is_valid():
            return {}
        return form.cleaned_data

    @cached_property
    def campaign(self) -> Campaign | None:
        return self.params.get("campaign")

    @cached_property
    def as_of(self) -> dt.date:
        return self.params.get("as_of") or timezone.localdate()

    @cached_property
    def table(self):
        if self.campaign is None:
            return None
        table = dashboard.scoped_table(user=self.request.user, campaign=self.campaign, as_of=self.as_of,
                                       unit=self.params.get("unit"))
        return with_flags(dashboard.filter_table(table, category=self.params.get("category")))

    @cached_property
    def status_table(self):
        """The table with the status filter applied too (row-level views)."""
        status = self.params.get("status") if self.uses_status else None
        return dashboard.filter_table(self.table, status=status) if self.table is not None else None

    # --- listing ----------------------------------------------------------------------------

    def rows(self) -> list[dict]:
        raise NotImplementedError

    def get_queryset(self):
        return self.rows() if self.table is not None else []

    def get_filename(self):
        slug = self.campaign.slug if self.campaign else "bao-cao"
        return f"{slug}-{self.tab}-{self.as_of:%Y-%m-%d}"

    def to_row_dict(self, item):
        return {field: safe_cell(item.get(field, "")) for field in self.list_export}

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))

    @cached_property
    def kept(self) -> bool:
        """Today's figures come from the kept statuses (no computation of the campaign); another
        date, or a campaign not kept or past its horizon, from the table."""
        return self.campaign is not None and dashboard.kept_answers(campaign=self.campaign, as_of=self.as_of)

    @cached_property
    def kept_within(self):
        """The subtrees the kept figures are limited to (once per request: the summary and the rows)."""
        return dashboard.kept_scope(user=self.request.user, unit=self.params.get("unit"))

    def figures(self):
        if self.kept:
            return dashboard.scoped_summary(user=self.request.user, campaign=self.campaign,
                                            category=self.params.get("category"), within=self.kept_within)
        return summary(self.table) if self.table is not None else None

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        figures = self.figures()
        query = self.request.GET.copy()
        if self.campaign is not None:
            query["campaign"] = str(self.campaign.pk)
        query.pop("export", None)
        query.pop("p", None)
        context.update({
            "filter_form": self.filter_form,
            "uses_status": self.uses_status,
            "campaign": self.campaign,
            "as_of": self.as_of,
            "summary": figures,
            "rate_names": RATE_NAMES,
            "pending_label": ComplianceStatus.PENDING.label,
            "tab": self.tab,
            "tabs": [t for t in TABS if t[0] != "targets" or is_hr(self.request.user)
                     or getattr(self.request.user, "is_superuser", False)],
            "query": query.urlencode(),
            "csv_url": self.csv_export_url,
            "xlsx_url": self.xlsx_export_url,
            "report_exports": self.report_export_links(),
            "scope_unit": dashboard.scope_unit(self.request.user),
        })
        return context

    def report_export_links(self) -> list[tuple[str, str, str]]:
        if self.campaign is None:
            return []
        params = {"campaign": self.campaign.pk, "as_of": self.as_of.isoformat()}
        if self.params.get("unit"):
            params["unit"] = self.params["unit"].pk
        links = []
        for cls in report_exporters(self.request.user):
            query = "&".join(f"{k}={v}" for k, v in {**params, "exporter": cls.identifier}.items())
            links.append((cls.identifier, cls.verbose_name, reverse("learning_dashboard:report") + "?" + query))
        return links


class ByUnitView(DashboardView):
    page_title = _("Tình hình học tập theo đơn vị")
    tab = "by_unit"
    index_url_name = "learning_dashboard:by_unit"
    results_template_name = "reports/admin/dashboard/by_unit.html"
    list_export = ["unit", "people", "exempt_people", "counted_people", "done_people", "people_rate", "rows",
                   "done_rows", "pending", "overdue", "exempt", "rows_rate"]
    export_headings = {
        "unit": _("Đơn vị"), "people": _("Số người"), "exempt_people": _("Số người miễn học"),
        "counted_people": _("Số người phải học"), "done_people": _("Số người hoàn thành tất cả"),
        "people_rate": f"{PEOPLE_RATE} (%)", "rows": _("Số lượt người × văn bản"),
        "done_rows": _("Lượt hoàn thành"), "pending": _("Lượt chưa hoàn thành (còn hạn)"),
        "overdue": _("Lượt quá hạn"), "exempt": _("Lượt miễn"), "rows_rate": f"{ROWS_RATE} (%)",
    }

    def get_queryset(self):
        return self.rows() if self.kept else super().get_queryset()

    @cached_property
    def kept_units(self):
        return dashboard.scoped_by_unit(user=self.request.user, campaign=self.campaign,
                                        category=self.params.get("category"), within=self.kept_within)

    def figures(self):
        return dashboard.summary_of_units(self.kept_units) if self.kept else super().figures()

    def rows(self):
        rows = dashboard.records(self.kept_units if self.kept else dashboard.by_unit(self.table))
        base = min((len(r["unit_path"]) for r in rows), default=0)
        for row in rows:
            row["indent"] = (len(row["unit_path"]) - base) // OrgUnit.steplen
        return rows


class ByRequirementView(DashboardView):
    page_title = _("Tình hình học tập theo văn bản")
    tab = "by_requirement"
    index_url_name = "learning_dashboard:by_requirement"
    results_template_name = "reports/admin/dashboard/by_requirement.html"
    list_export = ["requirement", "people", "counted_rows", "done_rows", "pending", "overdue", "exempt", "rows_rate"]
    export_headings = {
        "requirement": _("Văn bản"), "people": _("Số người"), "counted_rows": _("Số người phải học"),
        "done_rows": _("Đã hoàn thành"), "pending": ComplianceStatus.PENDING.label,
        "overdue": ComplianceStatus.OVERDUE.label, "exempt": ComplianceStatus.EXEMPT.label,
        "rows_rate": f"{ROWS_RATE} (%)",
    }

    def get_queryset(self):
        return self.rows() if self.kept else super().get_queryset()

    def rows(self):
        if self.kept:  # today: the counters
            return dashboard.records(dashboard.scoped_by_requirement(
                user=self.request.user, campaign=self.campaign, category=self.params.get("category"),
                within=self.kept_within))
        return dashboard.records(dashboard.by_requirement(self.table))


class TrendView(DashboardView):
    page_title = _("Diễn biến tỷ lệ hoàn thành theo tuần")
    tab = "trend"
    index_url_name = "learning_dashboard:trend"
    results_template_name = "reports/admin/dashboard/trend.html"
    paginate_by = None
    list_export = ["as_of", "done_people", "people", "people_rate", "done", "total", "rows_rate"]
    export_headings = {
        "as_of": _("Tính đến ngày"), "done_people": _("Số người hoàn thành tất cả"),
        "people": _("Số người phải học"), "people_rate": f"{PEOPLE_RATE} (%)", "done": _("Lượt hoàn thành"),
        "total": _("Lượt phải học"), "rows_rate": f"{ROWS_RATE} (%)",
    }

    def get_queryset(self):
        return self.rows() if self.kept else super().get_queryset()

    def rows(self):
        dates = dashboard.week_dates(self.campaign, self.as_of)
        if self.kept and self.kept_within is not None:  # today: two GROUP BYs over the kept rows
            figures = kept_trend(campaign=self.campaign, dates=dates, within=self.kept_within,
                                 category=self.params.get("category"))
        else:
            figures = dashboard.trend(self.table, dates)
        rows = dashboard.records(figures)
        for row in rows:
            row["as_of"] = row["as_of"].strftime("%d/%m/%Y")
        return rows


class PeopleView(DashboardView):
    """The campaign's audience, one row per person, with a reminder button for the missing."""

    page_title = _("Danh sách cán bộ theo kế hoạch")
    tab = "people"
    index_url_name = "learning_dashboard:people"
    results_template_name = "reports/admin/dashboard/people.html"
    uses_status = True
    list_export = ["employee_code", "full_name", "unit", "category", "done", "total", "overdue_list", "pending_list",
                   "last_reminder"]
    export_headings = {
        "employee_code": _("Mã cán bộ"), "full_name": _("Họ và tên"), "unit": _("Đơn vị"), "category": _("Loại"),
        "done": _("Số văn bản đã học"), "total": _("Số văn bản phải học"), "overdue_list": _("Quá hạn"),
        "pending_list": ComplianceStatus.PENDING.label, "last_reminder": _("Nhắc lần cuối"),
    }

    def get_queryset(self):
        return self.rows() if self.kept else super().get_queryset()

    def rows(self):
        status = self.params.get("status") or None
        if self.kept:  # today: the person rows, one page at a time
            people = kept_people(campaign=self.campaign, today=self.as_of, within=self.kept_within or [],
                                 category=self.params.get("category"), status=status)
            return QueryRows(people if self.kept_within is not None else people.none(), self._kept_convert)
        return self._decorate(dashboard.people_list(self.table, status=status).to_dict("records"))

    def _kept_convert(self, people: list[dict]) -> list[dict]:
        """Person rows as `people_list` gives them: done, the lists of overdue / pending requirements
        (all of a person's missing ones are one or the other: one due date per person)."""
        missing = kept_missing(campaign=self.campaign, employee_ids=[p["employee_id"] for p in people])
        for person in people:
            labels = "" if person["exempt"] else ", ".join(missing.get(person["employee_id"], []))
            overdue = person["due"] < self.as_of
            person.update(unit=person.pop("unit_name"), done=0 if person["exempt"] else person["on_time"] + person["late"],
                          overdue_list=labels if overdue else "", pending_list="" if overdue else labels)
        return self._decorate(people)

    def _decorate(self, people: list[dict]) -> list[dict]:
        latest = last_reminders(campaign=self.campaign, employee_ids=[p["employee_id"] for p in people])
        categories = dict(EmployeeCategory.choices)
        for person in people:
            reminder = latest.get(person["employee_id"])
            person["last_reminder"] = (timezone.localtime(reminder.sent_at).strftime("%d/%m/%Y %H:%M")
                                       if reminder else "")
            person["category_label"] = categories.get(person["category"], person["category"])
            person["missing"] = bool(person["overdue_list"] or person["pending_list"])
        return people


class OverdueView(PeopleView):
    page_title = _("Danh sách quá hạn")
    tab = "overdue"
    index_url_name = "learning_dashboard:overdue"
    default_status = "overdue"


class DetailView(DashboardView):
    page_title = _("Chi tiết theo người và văn bản")
    tab = "detail"
    index_url_name = "learning_dashboard:detail"
    results_template_name = "reports/admin/dashboard/detail.html"
    uses_status = True
    list_export = ["employee_code", "full_name", "unit", "category", "requirement", "status", "evidence",
                   "evidence_date"]
    export_headings = {name: name for name in list_export}  # the CONTRACT CSV header

    def get_queryset(self):
        if not self.kept:
            return super().get_queryset()
        if self.kept_within is None:
            return []
        # Today: the kept rows, the people of the page on screen only (no computation).
        detail = KeptDetail(campaign=self.campaign, today=self.as_of, within=self.kept_within,
                            category=self.params.get("category"), status=self.params.get("status") or None)
        return SliceRows(detail, self._convert_rows)

    def rows(self):
        # Lazy: only the page on screen becomes dicts (the detail of 30,000 people is 570,000 rows).
        return FrameRows(self.status_table[DetailView.list_export], self._convert)

    @staticmethod
    def _convert(frame) -> list[dict]:
        return DetailView._convert_rows(frame.to_dict("records"))

    @staticmethod
    def _convert_rows(rows: list[dict]) -> list[dict]:
        for row in rows:
            row["evidence_date"] = row["evidence_date"].isoformat() if row["evidence_date"] else ""
            row["status_label"] = status_label(row["status"])
            row["evidence_label"] = evidence_label(row["evidence"])
        return rows

    def write_csv_response(self, queryset):
        """The CSV of what is on screen, written by pandas in one go (same columns as the CONTRACT CSV)."""
        if self.status_table is None:  # no campaign the user may see: the header only
            return super().write_csv_response(queryset)
        table = self.status_table
        return download_response(Rendered(f"{self.get_filename()}.csv", "text/csv; charset=utf-8",
                                          chunks=lambda: csv_chunks(table)), bom=True)


class FrameRows:
    """A DataFrame seen by Django's paginator as a sequence, converting only the slices it takes."""

    def __init__(self, frame, convert):
        self.frame, self.convert = frame, convert

    def __len__(self) -> int:
        return len(self.frame)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.convert(self.frame.iloc[key])
        return self.convert(self.frame.iloc[[key]])[0]

    def __iter__(self):
        for start in range(0, len(self.frame), 5000):
            yield from self.convert(self.frame.iloc[start:start + 5000])


class SliceRows:
    """Rows that read themselves by slices (`rows(start, stop)`, `len`, iteration) seen by Django's
    paginator as a sequence, converting only the slices it takes."""

    def __init__(self, source, convert):
        self.source, self.convert = source, convert

    def __len__(self) -> int:
        return len(self.source)

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.source))
            return self.convert(self.source.rows(start, stop))
        return self.convert(self.source.rows(key, key + 1))[0]

    def __iter__(self):
        for start in range(0, len(self.source), 5000):
            yield from self.convert(self.source.rows(start, start + 5000))


class QueryRows:
    """A queryset of dicts seen by Django's paginator as a sequence: one COUNT, then only the
    slices it takes are read and converted."""

    def __init__(self, queryset, convert):
        self.queryset, self.convert = queryset, convert

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.convert(list(self.queryset[key]))
        return self.convert([self.queryset[key]])[0]

    def __iter__(self):
        start = 0
        while chunk := list(self.queryset[start:start + 5000]):
            yield from self.convert(chunk)
            start += len(chunk)


class TargetsView(DashboardView):
    """The plan's targets (chỉ tiêu) at the chosen date: target 1 measured live (agency-wide, so HR only)."""

    page_title = _("Chỉ tiêu của kế hoạch")
    tab = "targets"
    index_url_name = "learning_dashboard:targets"
    results_template_name = "reports/admin/dashboard/targets.html"
    paginate_by = None
    list_export = ["order", "text", "status_label", "result", "evidence"]
    export_headings = {"order": _("STT"), "text": _("Chỉ tiêu"), "status_label": _("Tình trạng"),
                       "result": _("Kết quả"), "evidence": _("Minh chứng")}

    def dispatch(self, request, *args, **kwargs):
        if not (getattr(request.user, "is_superuser", False) or is_hr(request.user)):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # The targets measure themselves (`campaign_targets_progress`: kept figures today): the
        # base's `self.table` would compute the whole campaign for nothing.
        return self.rows() if self.campaign is not None else []

    def rows(self):
        rows = []
        for progress in campaign_targets_progress(campaign=self.campaign, as_of=self.as_of):
            target = progress.target
            documents = [item.document for item in target.evidence.all()]
            rows.append({
                "pk": target.pk, "order": target.order, "text": target.text, "live": progress.live,
                "percent": progress.percent, "status": progress.status, "status_label": progress.status_label,
                "result": progress.result, "documents": documents,
                "evidence": "; ".join(d.title for d in documents),
            })
        return rows


TABS = [
    ("by_unit", _("Theo đơn vị"), "learning_dashboard:by_unit"),
    ("by_requirement", _("Theo văn bản"), "learning_dashboard:by_requirement"),
    ("trend", _("Diễn biến"), "learning_dashboard:trend"),
    ("overdue", _("Quá hạn"), "learning_dashboard:overdue"),
    ("people", _("Danh sách cán bộ"), "learning_dashboard:people"),
    ("detail", _("Chi tiết"), "learning_dashboard:detail"),
    ("targets", _("Chỉ tiêu"), "learning_dashboard:targets"),
]


def _next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return fallback


class RemindView(View):
    """POST: one click sends a reminder to each listed person the user may see."""

    http_method_names = ["post"]

    def post(self, request):
        if not may_see_dashboard(request.user):
            return forbidden(request)
        campaign = get_object_or_404(visible_campaigns(request.user), pk=id_param(request.POST.get("campaign")))
        ids = [int(i) for i in request.POST.getlist("employee") if i.isdigit()]
        people = visible_employees(request.user).filter(pk__in=ids)
        sent, problems = 0, []
        for employee in people:
            try:
                reminder_send_manual(campaign=campaign, employee=employee, actor=request.user)
                sent += 1
            except DomainError as exc:
                problems.append(str(exc))
        if len(people) < len(ids):
            problems.append(str(_("Một số người không thuộc phạm vi của bạn: bỏ qua.")))
        if sent:
            messages.success(request, _("Đã gửi %(n)d thư nhắc.") % {"n": sent})
        for problem in problems[:10]:
            messages.warning(request, problem)
        return HttpResponseRedirect(_next_url(request, reverse("learning_dashboard:overdue")))


class ReportDownloadView(View):
    """The full compliance report (h6's exporters) for the campaign, date and unit on screen."""

    def get(self, request):
        if not may_see_dashboard(request.user):
            return forbidden(request)
        campaign = get_object_or_404(visible_campaigns(request.user), pk=id_param(request.GET.get("campaign")))
        identifier = request.GET.get("exporter", "")
        if identifier not in {cls.identifier for cls in report_exporters(request.user)}:
            return HttpResponse(status=404)
        try:
            as_of = dt.date.fromisoformat(request.GET.get("as_of", ""))
        except ValueError:
            as_of = timezone.localdate()
        unit = dashboard.scope_unit(request.user)
        if request.GET.get("unit"):
            unit = get_object_or_404(visible_units(request.user), pk=id_param(request.GET["unit"]))
        rendered = exporters.get(identifier).render(campaign=campaign, as_of=as_of, unit=unit)
        return download_response(rendered, bom=True)
