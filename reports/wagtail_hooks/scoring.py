"""Wagtail admin wiring of the scoring dossier: criteria (entered or imported by HR), self-scores
with their evidence (documents, sessions, the annual report, campaign figures, manual evidence,
targets), the dossier of each year (deadline, how it is issued, submission) and its home tile."""

from __future__ import annotations

from django import forms
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.errors import DomainError
from core.params import id_param
from learning.models import ManualEvidence, StudySession
from learning.selectors.campaigns import visible_campaigns
from org.documents import choosable_documents
from org.selectors.access import administered, visible_agencies
from reports.models import AnnualReport, CampaignTarget, ScoringCriterion, ScoringDossier, SelfScore
from reports.selectors.scoring import scoring_sheet
from reports.services.scoring import (
    criterion_proposal,
    self_score_check_override,
    self_score_save,
    self_score_validate,
)
from reports.views import admin_documents, admin_scoring

from .annual_report import annual_report_viewset
from .targets import target_viewset


def _criteria_for(user):
    return administered(ScoringCriterion, user)


# --- criteria ----------------------------------------------------------------------------------


class CriterionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "agency" in self.fields:
            self.fields["agency"].queryset = visible_agencies(self.for_user)


class SelfScoreColumn(TitleColumn):
    """The self-score, linked to its edit form — or "Chấm điểm" to the add form for this criterion."""

    def __init__(self, name, **kwargs):
        super().__init__(name, get_url=self.url_for, **kwargs)

    @staticmethod
    def url_for(criterion):
        score = getattr(criterion, "self_score", None)
        if score is None:
            return reverse("self_scores:add") + f"?criterion={criterion.pk}"
        return reverse("self_scores:edit", args=[score.pk])

    def get_value(self, instance):
        score = getattr(instance, "self_score", None)
        return _("Chấm điểm") if score is None else f"{score.points:g}"


class CriterionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return _criteria_for(self.request.user).select_related("self_score")


class ScopedCriteriaMixin:
    def get_base_object_queryset(self):
        return _criteria_for(self.request.user)

    def get_queryset(self):  # Wagtail's edit and delete views find their object here: outside → 404
        return self.get_base_object_queryset()


class CriterionEditView(ScopedCriteriaMixin, generic.EditView):
    pass


class CriterionDeleteView(ScopedCriteriaMixin, generic.DeleteView):
    pass


class ScoringCriterionViewSet(ModelViewSet):
    model = ScoringCriterion
    icon = "list-ol"
    menu_label = _("Tiêu chí chấm điểm")
    url_prefix = "tieu-chi-cham-diem"
    index_view_class = CriterionIndexView
    edit_view_class = CriterionEditView
    delete_view_class = CriterionDeleteView
    list_display = ["code", "text", "max_points", SelfScoreColumn("self_score", label=_("Tự chấm")), "measure",
                    "year"]
    list_filter = ["year"]
    list_export = ["year", "code", "text", "max_points", "guidance", "measure", "order", "source"]
    search_fields = ["code", "text"]
    ordering = ["-year", "order", "code"]
    edit_handler = ObjectList([FieldPanel(name) for name in ("agency", "year", "code", "text", "max_points", "guidance",
                                                               "measure", "order", "source")],
                              base_form_class=CriterionForm)


# --- self-scores -----------------------------------------------------------------------------------


def _evidence_querysets(user) -> dict:
    """What a self-score's evidence may link to: the user's own agency's objects only."""
    campaigns = visible_campaigns(user)
    agencies = visible_agencies(user)
    return {
        "session": StudySession.objects.filter(campaign__in=campaigns).order_by("-date"),
        "annual_report": AnnualReport.objects.filter(campaign__in=campaigns),
        "campaign": campaigns,
        "manual_evidence": ManualEvidence.objects.filter(employee__agency__in=agencies)
        .select_related("employee", "directive"),
        "target": CampaignTarget.objects.filter(campaign__in=campaigns),
        "document": choosable_documents(user),  # Wagtail's chooser offers the same
    }


class EvidenceLinkForm(WagtailAdminModelForm):
    """One evidence link of a self-score: every choice list holds only the user's agency's objects
    (the formset hands each child form, the empty one too, the parent form's `for_user`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scoped = _evidence_querysets(self.for_user)
        for name, queryset in scoped.items():
            if name in self.fields:
                self.fields[name].queryset = queryset


class EvidenceInlinePanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(form=EvidenceLinkForm, inherit_kwargs=["for_user"])
        return options


class SelfScoreForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "criterion" in self.fields:
            # only leaves are scored: a parent's points are its children's sum
            self.fields["criterion"].queryset = (_criteria_for(self.for_user).filter(children__isnull=True)
                                                 .order_by("-year", "order", "code"))

    def clean(self):
        cleaned = super().clean()
        criterion, points = cleaned.get("criterion"), cleaned.get("points")
        if criterion is not None and points is not None:
            try:
                self_score_validate(criterion=criterion, points=points)
                self_score_check_override(criterion=criterion, points=points,
                                          proposed=criterion_proposal(criterion=criterion),
                                          reason=cleaned.get("override_reason", ""))
            except DomainError as exc:
                self.add_error("points", forms.ValidationError(str(exc), code=exc.code))
        return cleaned


class ScopedScoresMixin:
    def get_base_object_queryset(self):
        return administered(SelfScore, self.request.user)

    def get_queryset(self):  # Wagtail's edit and delete views find their object here: outside → 404
        return self.get_base_object_queryset()


class SelfScoreIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (administered(SelfScore, self.request.user)
                .select_related("criterion"))


class SelfScoreSaveMixin:
    def save_instance(self):
        score = self.form.save(commit=False)
        return self_score_save(score=score, actor=self.request.user, save=self.form.save)


class SelfScoreCreateView(SelfScoreSaveMixin, generic.CreateView):
    def get_initial_form_instance(self):
        # "Chấm điểm" from the criteria list arrives with ?criterion=<id> (only a visible one is taken).
        criterion = _criteria_for(self.request.user).filter(pk=id_param(self.request.GET.get("criterion"))).first()
        return SelfScore(criterion=criterion) if criterion else super().get_initial_form_instance()


class SelfScoreEditView(ScopedScoresMixin, SelfScoreSaveMixin, generic.EditView):
    pass


class SelfScoreDeleteView(ScopedScoresMixin, generic.DeleteView):
    pass


class SelfScoreViewSet(ModelViewSet):
    model = SelfScore
    icon = "edit"
    menu_label = _("Tự chấm điểm")
    url_prefix = "tu-cham-diem"
    index_view_class = SelfScoreIndexView
    add_view_class = SelfScoreCreateView
    edit_view_class = SelfScoreEditView
    delete_view_class = SelfScoreDeleteView
    copy_view_enabled = False
    list_display = ["criterion", "points", "proposed_points", "comment", "scored_by", "scored_at"]
    list_filter = ["criterion__year"]
    ordering = ["criterion__order", "criterion__code"]
    edit_handler = ObjectList([
        FieldPanel("criterion"),
        FieldPanel("points", help_text=_("Tiêu chí đo tự động: hệ thống đề xuất điểm từ số liệu; chấm khác thì ghi lý "
                                         "do")),
        FieldPanel("override_reason"),
        FieldPanel("comment"),
        EvidenceInlinePanel("evidence", label=_("Minh chứng"), heading=_("Minh chứng"), panels=[
            FieldPanel("kind"), FieldPanel("document"), FieldPanel("session"), FieldPanel("annual_report"),
            FieldPanel("campaign"), FieldPanel("manual_evidence"), FieldPanel("target"), FieldPanel("note"),
        ]),
    ], base_form_class=SelfScoreForm)


# --- the dossier of a year ---------------------------------------------------------------------------


class DossierForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "agency" in self.fields:
            self.fields["agency"].queryset = visible_agencies(self.for_user)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_submitted:
            raise forms.ValidationError(_("Hồ sơ đã nộp: không sửa được nữa."))
        return cleaned


class DossierActionsColumn(TitleColumn):
    def __init__(self, name, **kwargs):
        super().__init__(name, get_url=lambda d: None, **kwargs)

    def get_value(self, instance):
        sheet = scoring_sheet(agency=instance.agency, year=instance.year)
        total = "—" if sheet.total_points is None else f"{sheet.total_points.normalize():f}"
        return f"{total}/{sheet.total_max.normalize():f} {sheet.rating}".strip()


class SubmitColumn(TitleColumn):
    cell_template_name = "reports/admin/scoring/submit_cell.html"

    def __init__(self, name, **kwargs):
        super().__init__(name, get_url=lambda d: None, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["submit_url"] = reverse("scoring_dossier_submit", args=[instance.pk])
        context["submitted"] = instance.is_submitted
        return context


class ScopedDossiersMixin:
    def get_base_object_queryset(self):
        return ScoringDossier.objects.filter(agency__in=visible_agencies(self.request.user))

    def get_queryset(self):  # Wagtail's edit and delete views find their object here: outside → 404
        return self.get_base_object_queryset()


class DossierIndexView(generic.IndexView):
    def get_base_queryset(self):
        return ScoringDossier.objects.filter(agency__in=visible_agencies(self.request.user)).select_related("agency")


class DossierEditView(ScopedDossiersMixin, generic.EditView):
    pass


class DossierDeleteView(ScopedDossiersMixin, generic.DeleteView):
    pass


class ScoringDossierViewSet(ModelViewSet):
    model = ScoringDossier
    icon = "folder-open-inverse"
    menu_label = _("Hồ sơ tự chấm điểm")
    url_prefix = "ho-so-cham-diem"
    index_view_class = DossierIndexView
    edit_view_class = DossierEditView
    delete_view_class = DossierDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["year", "agency", "deadline", "status", DossierActionsColumn("total", label=_("Tổng điểm, xếp loại")),
                    SubmitColumn("submit", label=_("Nộp"))]
    ordering = ["-year"]
    edit_handler = ObjectList([
        FieldPanel("agency"), FieldPanel("year"), FieldPanel("deadline"),
        FieldPanel("number"), FieldPanel("issued_on"), FieldPanel("basis"), FieldPanel("recipients"),
        FieldPanel("signer_title"), FieldPanel("signer_name"),
    ], base_form_class=DossierForm)


class ScoringGroup(ViewSetGroup):
    menu_label = _("Chỉ tiêu, chấm điểm")
    menu_icon = "tick-inverse"
    menu_order = 260
    items = [target_viewset, annual_report_viewset, ScoringCriterionViewSet("scoring_criteria"),
             SelfScoreViewSet("self_scores"), ScoringDossierViewSet("scoring_dossiers")]


@hooks.register("register_admin_viewset")
def register_scoring_group():
    return ScoringGroup()


@hooks.register("register_admin_urls")
def register_scoring_urls():
    return [
        path("cham-diem/tai-xuong/", admin_scoring.download, name="scoring_download"),
        path("cham-diem/nhap-tieu-chi/", admin_scoring.import_criteria, name="scoring_import"),
        path("cham-diem/mau-tieu-chi.xlsx", admin_scoring.criteria_template, name="scoring_template"),
        path("cham-diem/ho-so/<int:pk>/nop/", admin_documents.dossier_submit_view, name="scoring_dossier_submit"),
    ]


class ScoringMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reports.view_scoringcriterion")


@hooks.register("register_reports_menu_item")
def scoring_sheet_menu_item():
    return ScoringMenuItem(_("Bảng tự chấm điểm (tải về)"), reverse("scoring_download"), icon_name="download",
                           order=20)


class DossierPanel(Component):
    """Home tile: the self-assessment dossiers still open, by deadline (15/11 unless changed),
    with the points so far; overdue in red."""

    name = "scoring_dossier"
    order = 60
    template_name = "reports/admin/scoring/panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        rows = []
        for dossier in (ScoringDossier.objects.filter(agency__in=visible_agencies(self.request.user))
                        .select_related("agency").order_by("-year")[:3]):
            sheet = scoring_sheet(agency=dossier.agency, year=dossier.year)
            scored = sum(1 for r in sheet.rows if r.is_leaf and r.points is not None)
            rows.append({"dossier": dossier, "sheet": sheet, "days": (dossier.deadline - today).days,
                         "scored": scored, "leaves": sum(1 for r in sheet.rows if r.is_leaf),
                         "overdue": not dossier.is_submitted and dossier.deadline < today})
        return {"rows": rows, "today": today, "link": reverse("scoring_dossiers:index")}


@hooks.register("construct_homepage_panels")
def add_dossier_panel(request, panels):
    if request.user.has_perm("reports.view_scoringdossier"):
        panels.append(DossierPanel(request))
