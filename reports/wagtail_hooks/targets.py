"""Wagtail admin wiring of the plan's targets (chỉ tiêu), listed per campaign with the live figure."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from learning.selectors.campaigns import visible_campaigns
from learning.wagtail_hooks.filters import campaign_scoped_filterset
from org.documents import choosable_documents
from reports.models import CampaignTarget
from reports.services.targets import campaign_targets_progress, target_save


class TargetForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "campaign" in self.fields:
            self.fields["campaign"].queryset = visible_campaigns(self.for_user)


class TargetEvidenceForm(WagtailAdminModelForm):
    """A target's evidence document: one the user may choose (a forged id of another agency's
    document is "not one of the available choices")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "document" in self.fields:
            self.fields["document"].queryset = choosable_documents(self.for_user)


class TargetEvidencePanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(form=TargetEvidenceForm, inherit_kwargs=["for_user"])
        return options


class ProgressColumn(Column):
    """The live figure of target 1, or the status HR recorded; one compliance table per campaign."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._cache: dict[int, dict[int, object]] = {}

    def get_value(self, instance):
        if instance.campaign_id not in self._cache:
            progress = campaign_targets_progress(campaign=instance.campaign)
            self._cache[instance.campaign_id] = {p.target.pk: p for p in progress}
        progress = self._cache[instance.campaign_id].get(instance.pk)
        if progress is None:
            return ""
        if progress.live:
            return f"{progress.status_label}: {progress.result}"
        return progress.status_label


class ScopedTargetsMixin:
    def get_base_object_queryset(self):
        return CampaignTarget.objects.filter(campaign__in=visible_campaigns(self.request.user))

    def get_queryset(self):  # Wagtail's edit and delete views find their object here: outside → 404
        return self.get_base_object_queryset()


class TargetIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (CampaignTarget.objects.filter(campaign__in=visible_campaigns(self.request.user))
                .select_related("campaign"))


class TargetSaveMixin:
    def save_instance(self):
        target = self.form.save(commit=False)
        return target_save(target=target, actor=self.request.user, save=self.form.save)


class TargetCreateView(TargetSaveMixin, generic.CreateView):
    pass


class TargetEditView(ScopedTargetsMixin, TargetSaveMixin, generic.EditView):
    pass


class TargetDeleteView(ScopedTargetsMixin, generic.DeleteView):
    pass


class CampaignTargetViewSet(ModelViewSet):
    model = CampaignTarget
    icon = "tick-inverse"
    menu_label = _("Chỉ tiêu kế hoạch")
    url_prefix = "chi-tieu"
    add_to_admin_menu = False
    index_view_class = TargetIndexView
    add_view_class = TargetCreateView
    edit_view_class = TargetEditView
    delete_view_class = TargetDeleteView
    copy_view_enabled = False
    list_display = ["order", "text", "campaign", ProgressColumn("progress", label=_("Kết quả")), "updated_at"]
    filterset_class = campaign_scoped_filterset(CampaignTarget, ["campaign", "kind", "status"])
    ordering = ["campaign", "order"]
    edit_handler = ObjectList([
        FieldPanel("campaign"),
        FieldPanel("order"),
        FieldPanel("text"),
        FieldPanel("kind"),
        FieldPanel("goal_percent"),
        FieldPanel("status", help_text=_("Với chỉ tiêu tự động, tình trạng được tính từ số liệu học tập")),
        FieldPanel("result"),
        TargetEvidencePanel("evidence", label=_("Tài liệu minh chứng"), heading=_("Minh chứng")),
    ], base_form_class=TargetForm)


target_viewset = CampaignTargetViewSet("campaign_targets")

# Registered inside the "Chỉ tiêu, chấm điểm" menu group (learning/wagtail_hooks/scoring.py).
