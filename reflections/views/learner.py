"""The learner's pages: my reflections, write one (online or a file), see grades and comments,
change and submit again after a return."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from core.errors import DomainError, NotFound
from courses.models import DirectivePage
from learning.models import Campaign
from org.selectors.access import employee_of
from reflections.forms import ReflectionForm
from reflections.models import ReflectionStatus
from reflections.selectors.learner import my_reflection_tasks
from reflections.selectors.prompts import prompt_for
from reflections.selectors.reflections import gradable_reflections, own_reflections, reviews_of
from reflections.services.writing import reflection_save
from reflections.views.files import file_response

ERRORS = {
    "empty": gettext_lazy("Hãy viết bài hoặc tải lên tệp trước khi nộp."),
    "file_type": gettext_lazy("Chỉ nhận tệp PDF, Word (.doc, .docx), .odt hoặc ảnh (.jpg, .png)."),
    "file_content": gettext_lazy("Tệp không đúng định dạng như phần mở rộng của nó."),
    "not_editable": gettext_lazy("Bài đã nộp hoặc đã chấm: không sửa được nữa."),
    "not_in_audience": gettext_lazy("Bạn không thuộc đối tượng của kế hoạch này."),
    "too_long": gettext_lazy("Bài viết quá dài."),
}


@login_required
@require_GET
def mine(request):
    employee = employee_of(request.user)
    tasks = my_reflection_tasks(employee=employee, today=timezone.localdate()) if employee else []
    return render(request, "reflections/mine.html", {"employee": employee, "tasks": tasks})


def _requirement(request, campaign_id: int, directive_id: int):
    try:
        campaign = Campaign.objects.get_for_actor(request.user, pk=campaign_id)
    except NotFound as exc:
        raise Http404 from exc  # another agency's campaign looks exactly like one that does not exist
    directive = DirectivePage.objects.filter(pk=directive_id).first()
    prompt = prompt_for(campaign=campaign, directive=directive) if directive else None
    if prompt is None:
        raise Http404
    return campaign, directive, prompt


@login_required
def write(request, campaign_id: int, directive_id: int):
    campaign, directive, prompt = _requirement(request, campaign_id, directive_id)
    employee = employee_of(request.user)
    if employee is None:
        raise Http404
    reflection = own_reflections(request.user).filter(campaign=campaign, directive=directive).first()
    if request.method == "POST":
        form = ReflectionForm(request.POST, request.FILES)
        if form.is_valid():
            submit = "submit" in request.POST
            try:
                reflection = reflection_save(
                    campaign=campaign, directive=directive, actor=request.user, text=form.cleaned_data["text"],
                    upload=form.cleaned_data["file"], remove_file=form.cleaned_data["remove_file"], submit=submit)
            except DomainError as exc:
                messages.error(request, ERRORS.get(exc.code, str(exc)))
            else:
                messages.success(request, _("Đã nộp bài thu hoạch. Bài sẽ được trưởng đơn vị hoặc Văn phòng chấm.")
                                 if submit else _("Đã lưu bản nháp."))
                return redirect(request.path + "?luu=1")
    else:
        form = ReflectionForm(initial={"text": reflection.text if reflection else ""})
    return render(request, "reflections/write.html", {
        "campaign": campaign, "directive": directive, "prompt": prompt, "reflection": reflection, "form": form,
        "editable": reflection is None or reflection.is_editable, "reviews": reviews_of(reflection) if reflection else [],
        "statuses": ReflectionStatus, "saved": request.GET.get("luu") == "1",
    })


@login_required
@require_GET
def file_download(request, pk: int):
    """The writer's own file, or one the grader may read; anyone else gets the 404 of a missing one."""
    reflection = (own_reflections(request.user).filter(pk=pk).first()
                  or gradable_reflections(request.user).filter(pk=pk).first())
    if reflection is None:
        raise Http404
    return file_response(reflection)
