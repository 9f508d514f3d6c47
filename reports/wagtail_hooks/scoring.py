"""Wagtail admin wiring of the scoring dossier: criteria (entered or imported by HR), self-scores
with evidence documents, and the self-assessment sheet downloads."""

from __future__ import annotations

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.errors import DomainError
from org.selectors.access import visible_agencies
from reports.models import ScoringCriterion, SelfScore
from reports.services.scoring import self_score_save, self_score_validate
from reports.views import admin_scoring

from .targets import target_viewset


def _criteria_for(user):
    return ScoringCriterion.objects.filter(agency__in=visible_agencies(user))


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
    list_display = ["code", "text", "max_points", SelfScoreColumn("self_score", label=_("Tự chấm")), "year"]
    list_filter = ["year"]
    list_export = ["year", "code", "text", "max_points", "order", "source"]
    search_fields = ["code", "text"]
    ordering = ["-year", "order", "code"]
    edit_handler = ObjectList([FieldPanel(name) for name in ("agency", "year", "code", "text", "max_points", "order",
                                                               "source")], base_form_class=CriterionForm)


# --- self-scores -----------------------------------------------------------------------------------


class SelfScoreForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "criterion" in self.fields:
            self.fields["criterion"].queryset = _criteria_for(self.for_user).order_by("-year", "order", "code")

    def clean(self):
        cleaned = super().clean()
        criterion, points = cleaned.get("criterion"), cleaned.get("points")
        if criterion is not None and points is not None:
            try:
                self_score_validate(criterion=criterion, points=points)
            except DomainError as exc:
                self.add_error("points", forms.ValidationError(str(exc), code=exc.code))
        return cleaned


class ScopedScoresMixin:
    def get_base_object_queryset(self):
        return SelfScore.objects.filter(criterion__agency__in=visible_agencies(self.request.user))

    def get_queryset(self):  # Wagtail's edit and delete views find their object here: outside → 404
        return self.get_base_object_queryset()


class SelfScoreIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (SelfScore.objects.filter(criterion__agency__in=visible_agencies(self.request.user))
                .select_related("criterion"))


class SelfScoreSaveMixin:
    def save_instance(self):
        score = self.form.save(commit=False)
        return self_score_save(score=score, actor=self.request.user, save=self.form.save)


class SelfScoreCreateView(SelfScoreSaveMixin, generic.CreateView):
    def get_initial_form_instance(self):
        # "Chấm điểm" from the criteria list arrives with ?criterion=<id> (only a visible one is taken).
        criterion = _criteria_for(self.request.user).filter(pk=self.request.GET.get("criterion") or 0).first()
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
    list_display = ["criterion", "points", "comment", "scored_by", "scored_at"]
    list_filter = ["criterion__year"]
    ordering = ["criterion__order", "criterion__code"]
    edit_handler = ObjectList([
        FieldPanel("criterion"),
        FieldPanel("points"),
        FieldPanel("comment"),
        InlinePanel("evidence", label=_("Tài liệu minh chứng"), heading=_("Minh chứng")),
    ], base_form_class=SelfScoreForm)


class ScoringGroup(ViewSetGroup):
    menu_label = _("Chỉ tiêu, chấm điểm")
    menu_icon = "tick-inverse"
    menu_order = 260
    items = [target_viewset, ScoringCriterionViewSet("scoring_criteria"), SelfScoreViewSet("self_scores")]


@hooks.register("register_admin_viewset")
def register_scoring_group():
    return ScoringGroup()


@hooks.register("register_admin_urls")
def register_scoring_urls():
    return [
        path("cham-diem/tai-xuong/", admin_scoring.download, name="scoring_download"),
        path("cham-diem/nhap-tieu-chi/", admin_scoring.import_criteria, name="scoring_import"),
        path("cham-diem/mau-tieu-chi.xlsx", admin_scoring.criteria_template, name="scoring_template"),
    ]


class ScoringMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reports.view_scoringcriterion")


@hooks.register("register_reports_menu_item")
def scoring_sheet_menu_item():
    return ScoringMenuItem(_("Bảng tự chấm điểm (tải về)"), reverse("scoring_download"), icon_name="download",
                           order=20)
