"""The grader's screens in the Wagtail admin: the queue of reflections (filters, CSV/xlsx export)
and the grading page (the text or file, the originality signal, the rubric or points, comments)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import DomainError
from core.spreadsheets import with_bom
from learning.models import Campaign
from org.models import OrgUnit
from org.selectors.access import is_hr, is_unit_head, visible_units
from reflections.exporters import reflections_csv, reflections_xlsx
from reflections.forms import GradeForm
from reflections.models import GradingScheme, ReflectionStatus
from reflections.selectors.prompts import prompt_for
from reflections.selectors.reflections import gradable_reflections, reflection_queue, reviews_of
from reflections.selectors.similarity import similar_reflections
from reflections.services.grading import reflection_grade, reflection_return
from reflections.views.files import file_response


class GraderRequiredMixin:
    """HR and unit heads (and superusers); anyone else is turned away."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (getattr(user, "is_superuser", False) or is_hr(user) or is_unit_head(user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class QueueFilterForm(forms.Form):
    campaign = forms.ModelChoiceField(label=gettext_lazy("Kế hoạch"), queryset=Campaign.objects.none(),
                                      required=False)
    unit = forms.ModelChoiceField(label=gettext_lazy("Đơn vị"), queryset=OrgUnit.objects.none(), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Trạng thái"), required=False, choices=[
        ("", gettext_lazy("Tất cả")), *[c for c in ReflectionStatus.choices if c[0] != ReflectionStatus.DRAFT]])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = Campaign.objects.for_actor(user).filter(
            reflection_prompts__isnull=False).distinct().order_by("-year", "title")
        self.fields["unit"].queryset = visible_units(user).filter(depth__gt=1)


class ReflectionQueueView(GraderRequiredMixin, WagtailAdminTemplateMixin, View):
    page_title = gettext_lazy("Chấm bài thu hoạch")
    header_icon = "edit"
    template_name = "reflections/admin/queue.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        form = QueueFilterForm(request.GET or None, user=request.user)
        filters = form.cleaned_data if form.is_valid() else {}
        rows = reflection_queue(request.user, campaign=filters.get("campaign"), unit=filters.get("unit"),
                                status=filters.get("status") or None)
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return self._export(rows, export)
        items = list(rows[:300])
        return self.render_to_response(self.get_context_data(
            form=form, items=items, waiting=sum(1 for r in items if r.status == ReflectionStatus.SUBMITTED),
            more=rows.count() > len(items), query=request.GET.urlencode()))

    def _export(self, rows, fmt: str) -> HttpResponse:
        stamp = timezone.localdate().strftime("%Y%m%d")
        if fmt == "csv":
            content, mimetype = with_bom(reflections_csv(rows), "text/csv; charset=utf-8"), "text/csv; charset=utf-8"
        else:
            content = reflections_xlsx(rows, title=str(self.page_title))
            mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(content, content_type=mimetype)
        response["Content-Disposition"] = f'attachment; filename="bai-thu-hoach-{stamp}.{fmt}"'
        return response


class ReflectionGradeView(GraderRequiredMixin, WagtailAdminTemplateMixin, View):
    header_icon = "edit"
    template_name = "reflections/admin/grade.html"

    def get_page_title(self):
        return _("Bài thu hoạch của %(name)s") % {"name": self.reflection.employee.full_name}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("reflections_admin:queue"), "label": _("Chấm bài thu hoạch")},
                {"url": "", "label": self.get_page_title()}]

    def _load(self, request, pk: int):
        scope = gradable_reflections(request.user)
        self.reflection = scope.select_related("employee", "employee__unit", "campaign", "directive").filter(
            pk=pk).first()
        if self.reflection is None:
            raise Http404  # another agency's or unit's looks exactly like one that does not exist
        self.scope = scope

    def get(self, request, pk: int):
        self._load(request, pk)
        return self.render(GradeForm())

    def post(self, request, pk: int):
        self._load(request, pk)
        form = GradeForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        data = form.cleaned_data
        try:
            if data["decision"] == "returned":
                reflection_return(reflection=self.reflection, actor=request.user, comment=data["comment"])
                messages.success(request, _("Đã trả lại bài cho %(name)s để sửa.") % {
                    "name": self.reflection.employee.full_name})
            else:
                graded = reflection_grade(reflection=self.reflection, actor=request.user,
                                          passed=data["decision"] == "passed", score=data["score"],
                                          comment=data["comment"])
                messages.success(request, _("Đã chấm bài của %(name)s: %(state)s.") % {
                    "name": graded.employee.full_name, "state": graded.get_status_display()})
        except DomainError as exc:
            form.add_error(None, str(exc))
            return self.render(form)
        return redirect(reverse("reflections_admin:queue") + "?status=submitted")

    def render(self, form):
        reflection = self.reflection
        prompt = prompt_for(campaign=reflection.campaign, directive=reflection.directive)
        visible = set(self.scope.filter(campaign_id=reflection.campaign_id).values_list("pk", flat=True))
        return self.render_to_response(self.get_context_data(
            reflection=reflection, prompt=prompt, form=form, reviews=reviews_of(reflection),
            similar=similar_reflections(reflection, visible_ids=visible), points=bool(
                prompt and prompt.scheme == GradingScheme.POINTS),
            words=len(reflection.text.split()), can_grade=reflection.status == ReflectionStatus.SUBMITTED))


class ReflectionFileView(GraderRequiredMixin, View):
    def get(self, request, pk: int):
        reflection = gradable_reflections(request.user).filter(pk=pk).first()
        if reflection is None:
            raise Http404
        return file_response(reflection)
