"""Wagtail admin wiring of reflections: the grader's queue and grading page (HR and unit heads),
and the prompts that say which requirements ask for one (HR). Every write goes through
`reflections.services` (audited)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from core.errors import DomainError
from courses.models import DirectivePage
from learning.models import Campaign
from org.selectors.access import administered, is_hr, is_unit_head
from org.wagtail_hooks.org import ScopedMixin, ServiceErrorsOnFormMixin
from reflections.models import ReflectionPrompt
from reflections.services.prompts import reflection_prompt_delete, reflection_prompt_save
from reflections.views import admin as views

admin_urls = [
    path("", views.ReflectionQueueView.as_view(), name="queue"),
    path("<int:pk>/", views.ReflectionGradeView.as_view(), name="grade"),
    path("<int:pk>/tep/", views.ReflectionFileView.as_view(), name="file"),
]


@hooks.register("register_admin_urls")
def register_reflection_admin_urls():
    return [path("bai-thu-hoach/", include((admin_urls, "reflections_admin"), namespace="reflections_admin"))]


class GraderMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return getattr(user, "is_superuser", False) or is_hr(user) or is_unit_head(user)


@hooks.register("register_admin_menu_item")
def reflections_menu_item():
    return GraderMenuItem(_("Chấm bài thu hoạch"), reverse("reflections_admin:queue"), icon_name="edit",
                          order=275)


# --- prompts (đề bài thu hoạch) -----------------------------------------------------------------


def scoped_prompts(user):
    return administered(ReflectionPrompt, user)


class DirectiveField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        subject = obj.subject if len(obj.subject) <= 70 else obj.subject[:69] + "…"
        return f"{obj.number} — {subject}"


class ReflectionPromptForm(WagtailAdminModelForm):
    directive = DirectiveField(queryset=DirectivePage.objects.none(), label=_("Văn bản"), required=False,
                               help_text=_("Để trống: áp dụng cho mọi văn bản của kế hoạch"))

    class Meta:
        model = ReflectionPrompt
        fields = ["campaign", "directive", "instructions", "scheme", "max_points", "pass_mark"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = Campaign.objects.for_actor(self.for_user).order_by("-year", "title")
        self.fields["directive"].queryset = DirectivePage.objects.order_by("issue_date", "number")
        self.fields["instructions"].widget.attrs["rows"] = 4


class PromptSaveMixin(ServiceErrorsOnFormMixin):
    def save_instance(self):
        return reflection_prompt_save(prompt=self.form.instance, actor=self.request.user)


class ScopedPromptsMixin(ScopedMixin):
    scope = staticmethod(scoped_prompts)


class PromptIndexView(generic.IndexView):
    def get_base_queryset(self):
        return scoped_prompts(self.request.user).select_related("campaign", "directive")


class PromptCreateView(PromptSaveMixin, generic.CreateView):
    pass


class PromptEditView(ScopedPromptsMixin, PromptSaveMixin, generic.EditView):
    pass


class PromptDeleteView(ScopedPromptsMixin, generic.DeleteView):
    def form_valid(self, form):
        try:
            reflection_prompt_delete(prompt=self.object, actor=self.request.user)
        except DomainError as exc:
            messages.error(self.request, str(exc))
        else:
            messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())


class ReflectionPromptViewSet(ModelViewSet):
    model = ReflectionPrompt
    add_to_reference_index = False
    name = "reflections_prompt"
    url_prefix = "de-bai-thu-hoach"
    icon = "help"
    menu_label = _("Đề bài thu hoạch")
    menu_order = 276
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = PromptIndexView
    add_view_class = PromptCreateView
    edit_view_class = PromptEditView
    delete_view_class = PromptDeleteView
    list_display = [
        Column("campaign", label=_("Kế hoạch"), accessor="campaign"),
        Column("directive", label=_("Văn bản"), accessor=lambda p: p.directive.number if p.directive_id
               else _("mọi văn bản")),
        Column("scheme", label=_("Cách chấm"), accessor="get_scheme_display"),
        Column("pass_mark", label=_("Điểm đạt"), accessor=lambda p: f"{p.pass_mark:g}/{p.max_points:g}"
               if p.scheme == "points" else ""),
    ]
    list_filter = ["scheme"]  # no campaign filter: its choices would list every agency's campaigns

    def get_form_class(self, for_update=False):
        return ReflectionPromptForm


@hooks.register("register_admin_viewset")
def register_reflection_prompts():
    return ReflectionPromptViewSet()
