"""Campaign screens of the Wagtail admin: the create/edit form (the same validation and service as
`load_campaign`), the audience with each person's progress, exempting from that list, and the
YAML download. Wiring (menus, URLs) is in `learning/wagtail_hooks/campaigns.py`."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from core.errors import DomainError
from core.params import id_param
from core.text import fold
from core.uploads import UploadPreviewApplyView
from courses.selectors import directive_reference
from learning.models import Campaign, Exemption
from learning.selectors.compliance import compliance_table
from learning.selectors.summaries import person_rollup
from learning.services.campaigns import CampaignRefused, campaign_export, campaign_load, campaign_validate
from learning.services.exemptions import exemption_grant, exemption_lift
from learning.services.rollover import campaign_rollover
from learning.statuses import ComplianceStatus
from org.models import Employee, EmployeeCategory, OrgUnit
from org.selectors.access import administered, is_hr, visible_agencies, visible_employees, visible_units

STATUS_LABELS = dict(ComplianceStatus.choices)
PER_PAGE = 100


def scoped_campaigns(user):
    """The campaigns the admin works on: the acting agency's (org.scoping), for roles that see one."""
    return administered(Campaign, user)


class UnitsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return "\u2003" * (obj.depth - 2) + f"{obj.name} ({obj.code})"


class CampaignForm(WagtailAdminModelForm):
    """Fields of the campaign plus its requirements as an ordered list of directive numbers; validated
    by `campaign_validate`, the same rules as a YAML file."""

    agency = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=_("Cơ quan"))
    year = forms.IntegerField(label=_("Năm"), required=False, help_text=_("Để trống: năm của ngày bắt đầu"))
    audience_units = UnitsField(
        queryset=OrgUnit.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Đơn vị áp dụng"), help_text=_("Gồm cả đơn vị trực thuộc. Không chọn: toàn cơ quan."),
    )
    audience_categories = forms.MultipleChoiceField(
        choices=EmployeeCategory.choices, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Loại cán bộ áp dụng"), help_text=_("Không chọn: mọi loại."),
    )
    requirements = forms.CharField(
        label=_("Văn bản phải học (theo thứ tự)"), widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Mỗi dòng một số, ký hiệu văn bản như trong kế hoạch, ví dụ 23-QĐ/TW. Số trùng nhau: "
                    "thêm @ngày ban hành, ví dụ 16/CT-TTg@2016-05-16."),
    )

    field_order = ["agency", "title", "slug", "year", "start", "due", "new_hire_days", "audience_units",
                   "audience_categories", "requirements"]

    class Meta:
        model = Campaign
        fields = ["slug", "title", "start", "due", "new_hire_days"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = visible_agencies(self.for_user).order_by("name")
        self.fields["agency"].queryset = agencies
        units = visible_units(self.for_user).filter(depth__gt=1).order_by("path")
        self.fields["audience_units"].queryset = units
        campaign = self.instance
        if campaign.pk:
            self.fields["agency"].disabled = True
            self.initial.update(
                agency=campaign.agency_id,
                year=campaign.year if campaign.year != campaign.start.year else None,
                audience_units=list(campaign.audience_units.values_list("pk", flat=True)),
                audience_categories=list(campaign.audience_categories or []),
                requirements="\n".join(directive_reference(r.directive) for r in
                                       campaign.requirements.select_related("directive").order_by("order", "id")),
            )
        elif agencies.count() == 1:
            self.initial["agency"] = agencies.first().pk
            self.fields["agency"].widget = forms.HiddenInput()

    def campaign_data(self) -> dict:
        """The cleaned form as the mapping `campaign_save` takes (the YAML's shape)."""
        data = self.cleaned_data
        lines = [line.strip() for line in (data.get("requirements") or "").splitlines()]
        return {
            "slug": data.get("slug"),
            "title": data.get("title"),
            "year": data.get("year"),
            "start": data.get("start"),
            "due": data.get("due"),
            "new_hire_days": data.get("new_hire_days"),
            "audience": {
                "units": [u.code for u in data.get("audience_units") or []],
                "categories": list(data.get("audience_categories") or []),
            },
            "requirements": [{"directive": line} for line in lines if line],
        }

    def clean(self):
        cleaned = super().clean()
        agency = cleaned.get("agency") or (self.instance.agency if self.instance.pk else None)
        if agency is None or self.errors:
            return cleaned
        raw = (cleaned.get("requirements") or "").splitlines()
        # Problems on requirements name the line of the text box, as a YAML file names its line.
        numbered = [number for number, line in enumerate(raw, start=1) if line.strip()]
        lines = {("requirements", index): number for index, number in enumerate(numbered)}
        try:
            campaign_validate(agency=agency, data=self.campaign_data(), lines=lines,
                              campaign=self.instance if self.instance.pk else None)
        except CampaignRefused as exc:
            for problem in exc.problems:
                if problem.row is not None:
                    self.add_error("requirements", _("Dòng %(line)s: %(message)s") % {
                        "line": problem.row, "message": problem.message})
                else:
                    self.add_error(None, problem.message)
        self.agency = agency
        return cleaned


# --- the audience -------------------------------------------------------------------------------


class AudienceFilterForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), required=False, label=_("Đơn vị"),
                                  empty_label=_("Tất cả đơn vị"))
    status = forms.ChoiceField(choices=[("", _("Mọi tình trạng")), *STATUS_LABELS.items()], required=False,
                               label=_("Tình trạng"))
    q = forms.CharField(required=False, label=_("Tìm theo tên hoặc mã"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = visible_units(user).order_by("path")


class CampaignPageMixin:
    """An admin page of one campaign (`pk` in the URL), within the user's scope: the campaign's
    title as subtitle and a way back to the campaign list; `may_open` says who else is refused."""

    def may_open(self, user) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        self.campaign = get_object_or_404(scoped_campaigns(request.user), pk=kwargs["pk"])
        if not self.may_open(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.campaign.title

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("learning_campaign:index"), "label": _("Kế hoạch học tập")},
            {"url": "", "label": self.campaign.title},
        ]


class CampaignAudienceView(CampaignPageMixin, WagtailAdminTemplateMixin, TemplateView):
    """Who must study the campaign, with x/y done and their status; HR exempts from here.
    Unit heads see their own unit subtree only (`visible_employees`)."""

    template_name = "learning/admin/campaign_audience.html"
    page_title = _("Thành phần và tình hình học tập")
    header_icon = "group"

    def may_open(self, user) -> bool:
        return is_hr(user) or user.has_perm("learning.view_campaign")

    @cached_property
    def rows(self) -> list[dict]:
        today = timezone.localdate()
        table = compliance_table(campaign=self.campaign, as_of=today)
        visible = set(visible_employees(self.request.user).values_list("pk", flat=True))
        table = table[table["employee_id"].isin(visible)]
        if table.empty:
            return []
        exemptions = {e.employee_id: e for e in Exemption.objects.filter(campaign=self.campaign)}
        categories = dict(EmployeeCategory.choices)
        rows = person_rollup(table).to_dict("records")
        for row in rows:
            row["employee_id"] = int(row["employee_id"])
            row["category"] = categories.get(row["category"], row["category"])
            row["exemption"] = exemptions.get(row["employee_id"])
        return rows

    def filtered_rows(self, form) -> list[dict]:
        rows = self.rows
        if not form.is_valid():
            return rows
        if unit := form.cleaned_data.get("unit"):
            rows = [r for r in rows if r["unit_path"].startswith(unit.path)]
        if status := form.cleaned_data.get("status"):
            rows = [r for r in rows if r["status"] == status]
        if query := (form.cleaned_data.get("q") or "").strip():
            needle = fold(query)
            rows = [r for r in rows if needle in fold(r["full_name"]) or needle in fold(r["employee_code"])]
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AudienceFilterForm(self.request.GET or None, user=self.request.user)
        rows = self.filtered_rows(form)
        counts = {key: 0 for key in STATUS_LABELS}
        for row in self.rows:
            counts[row["status"]] += 1
        page = Paginator(rows, PER_PAGE).get_page(self.request.GET.get("p"))
        for row in page.object_list:
            row["status_label"] = STATUS_LABELS[row["status"]]
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            campaign=self.campaign,
            form=form,
            page=page,
            query=query.urlencode(),
            counts=[(key, STATUS_LABELS[key], counts[key]) for key in STATUS_LABELS],
            audience_size=len(self.rows),
            can_exempt=is_hr(self.request.user),
            exempt_url=reverse("learning_campaign:exempt", args=[self.campaign.pk]),
            today=timezone.localdate(),
        )
        return context


class CampaignExemptView(View):
    """POST from the audience list: exempt one person with a reason, or lift it (HR only)."""

    def post(self, request, pk):
        campaign = get_object_or_404(scoped_campaigns(request.user), pk=pk)
        if not is_hr(request.user):
            raise PermissionDenied
        employee = get_object_or_404(Employee.objects.for_agency(campaign.agency_id), pk=id_param(request.POST.get("employee")))
        try:
            if request.POST.get("undo"):
                exemption_lift(campaign=campaign, employee=employee, actor=request.user)
                messages.success(request, _("Đã bỏ miễn học cho %(name)s.") % {"name": employee.full_name})
            else:
                exemption_grant(campaign=campaign, employee=employee, reason=request.POST.get("reason", ""),
                                actor=request.user)
                messages.success(request, _("Đã miễn học cho %(name)s.") % {"name": employee.full_name})
        except DomainError as exc:
            messages.error(request, _("Không thực hiện được: %(reason)s") % {"reason": exc})
        back = request.POST.get("next") or ""
        if not back.startswith(reverse("learning_campaign:audience", args=[pk])):
            back = reverse("learning_campaign:audience", args=[pk])
        return redirect(back)


def campaign_yaml(request, pk):
    """The campaign as the YAML file `load_campaign` reads."""
    campaign = get_object_or_404(scoped_campaigns(request.user), pk=pk)
    if not request.user.has_perm("learning.view_campaign"):
        raise Http404
    response = HttpResponse(campaign_export(campaign=campaign), content_type="application/x-yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}.yaml"'
    return response


# --- loading a plan file in the browser: dry-run preview, then confirm ---------------------------

MAX_YAML_BYTES = 256 * 1024


CHANGE_LABELS = {
    "slug": _("mã kế hoạch"), "title": _("tên"), "year": _("năm"), "start": _("ngày bắt đầu"), "due": _("hạn"),
    "audience_units": _("đơn vị áp dụng"), "audience_categories": _("loại cán bộ"),
    "requirements": _("danh sách văn bản"),
}


def load_summary(result) -> str:
    """The result of `campaign_load` in words for HR (the command prints `result.summary()`)."""
    slug = result.campaign.slug
    if result.created:
        return _("Tạo kế hoạch %(slug)s với %(n)s văn bản phải học.") % {"slug": slug, "n": result.added}
    if not result.changed:
        return _("Kế hoạch %(slug)s không thay đổi.") % {"slug": slug}
    changed = ", ".join(str(CHANGE_LABELS.get(key, key)) for key in result.changed)
    return _("Cập nhật kế hoạch %(slug)s: %(changed)s; thêm %(added)s, bỏ %(removed)s văn bản.") % {
        "slug": slug, "changed": changed, "added": result.added, "removed": result.removed}


class CampaignUploadForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=_("Cơ quan"))
    file = forms.FileField(label=_("Tệp kế hoạch (.yaml)"),
                           help_text=_("Cùng định dạng với lệnh load_campaign; tải tệp của một kế hoạch có sẵn "
                                       "bằng nút “Tải YAML” để làm mẫu."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = visible_agencies(user).order_by("name")
        self.fields["agency"].queryset = agencies
        if agencies.count() == 1:
            self.fields["agency"].initial = agencies.first()
            self.fields["agency"].widget = forms.HiddenInput()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_YAML_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn cho một kế hoạch."))
        try:
            upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("Tệp phải là văn bản UTF-8.")) from exc
        upload.seek(0)
        return upload


class CampaignUploadView(UploadPreviewApplyView):
    """Upload → `campaign_load(dry_run=True)` preview or its problems → confirm applies the same file."""

    template_name = "learning/admin/campaign_upload.html"
    page_title = _("Nạp tệp kế hoạch học tập")
    header_icon = "upload"
    form_class = CampaignUploadForm
    upload_key = "campaign"

    def may_upload(self, request) -> bool:
        return is_hr(request.user)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("learning_campaign:index"), "label": _("Kế hoạch học tập")},
            {"url": "", "label": self.page_title},
        ]

    def form_kwargs(self) -> dict:
        return {"user": self.request.user}

    def options(self, form) -> dict:
        return {"agency": form.cleaned_data["agency"].pk}

    def run(self, *, data: bytes, filename: str, options: dict, dry_run: bool, actor=None):
        # The agency is re-read within the user's scope: a session cannot carry a foreign one.
        agency = visible_agencies(self.request.user).get(pk=options["agency"])
        return campaign_load(agency=agency, data=data.decode("utf-8-sig"), dry_run=dry_run,
                             actor=actor or self.request.user)

    def preview_context(self, result, options: dict, data: bytes) -> dict:
        return {"preview": load_summary(result), "text": data.decode("utf-8-sig")}

    def applied(self, result, options: dict) -> tuple[str, str]:
        return load_summary(result), reverse("learning_campaign:audience", args=[result.campaign.pk])


# --- next year (rollover) -------------------------------------------------------------------------


class RolloverForm(forms.Form):
    year = forms.IntegerField(label=_("Năm của kế hoạch mới"), min_value=1900, max_value=2200)
    start = forms.DateField(label=_("Bắt đầu"), required=False, widget=AdminDateInput,
                            help_text=_("Để trống: cùng ngày, tháng của kế hoạch cũ trong năm mới"))
    due = forms.DateField(label=_("Hạn hoàn thành"), required=False, widget=AdminDateInput,
                          help_text=_("Để trống: cùng ngày, tháng của kế hoạch cũ trong năm mới"))
    with_exemptions = forms.BooleanField(label=_("Giữ các trường hợp miễn học"), required=False,
                                         help_text=_("Chỉ chọn khi lý do miễn học còn kéo dài sang năm mới"))


class CampaignRolloverView(CampaignPageMixin, WagtailAdminTemplateMixin, TemplateView):
    """"Tạo kế hoạch năm sau": the campaign's successor through `campaign_rollover` (HR only), then
    its edit page to adjust what changed this year."""

    template_name = "learning/admin/campaign_rollover.html"
    page_title = _("Tạo kế hoạch năm sau")
    header_icon = "date"

    def may_open(self, user) -> bool:
        return is_hr(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(campaign=self.campaign,
                       form=kwargs.get("form") or RolloverForm(initial={"year": self.campaign.year + 1}),
                       requirement_count=self.campaign.requirements.count(),
                       exemption_count=self.campaign.exemptions.count())
        return context

    def post(self, request, pk):
        form = RolloverForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                result = campaign_rollover(campaign=self.campaign, year=data["year"], start=data["start"],
                                           due=data["due"], with_exemptions=data["with_exemptions"],
                                           actor=request.user)
            except DomainError as exc:
                for problem in exc.problems or [exc]:
                    form.add_error(None, str(getattr(problem, "message", problem)))
            else:
                messages.success(request, _("Đã tạo kế hoạch %(title)s với %(count)s văn bản.") % {
                    "title": result.campaign.title, "count": result.added})
                return redirect(reverse("learning_campaign:edit", args=[result.campaign.pk]))
        return self.render_to_response(self.get_context_data(form=form))
