"""HR's screens in the Wagtail admin: question and paper-result uploads with a preview, the blank
template, exports, the essay marking queue, and per-quiz statistics. Wired in wagtail_hooks.py."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import DomainError
from core.tables import read_table
from core.uploads import UploadPreviewApplyView, spreadsheet_upload
from org.selectors.access import is_hr, visible_employees
from quizzes.analysis import MIN_RESPONSES, quiz_item_analysis
from quizzes.formats import FORMATS, format_for, xlsx
from quizzes.models import QuestionType, Quiz
from quizzes.selectors import essay_queue, quiz_statistics, quizzes_editable, quizzes_visible
from quizzes.services.bank import questions_export, questions_import, questions_parse
from quizzes.services.essays import essay_mark
from quizzes.services.paper import COLUMNS as PAPER_COLUMNS
from quizzes.services.paper import paper_results_import

PREVIEW_ROWS = 200
FORMAT_LABELS = [("", _("Theo phần mở rộng của tệp")), ("gift", "GIFT (.gift, .txt)"), ("aiken", "Aiken (.txt)"),
                 ("xlsx", _("Mẫu Excel (.xlsx)")), ("quizapp-json", "django-quiz-app (.json)"),
                 ("moodle-xml", "Moodle XML (.xml)")]
MIMETYPES = {"gift": ("text/plain; charset=utf-8", "gift"),
             "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
             "moodle-xml": ("application/xml; charset=utf-8", "xml")}


class HrOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_hr(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _scope(user):
    return None if getattr(user, "is_superuser", False) else visible_employees(user)


class QuizChoiceForm(forms.Form):
    """The quiz field offers only the quizzes the user may use here (M4): another agency's id posted
    anyway is "not one of the available choices", as an id that does not exist."""

    quiz = forms.ModelChoiceField(label=_("Bài kiểm tra"), queryset=Quiz.objects.none())

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = self.quizzes_for(user)

    def quizzes_for(self, user):
        raise NotImplementedError


class QuestionUploadForm(QuizChoiceForm):
    def quizzes_for(self, user):
        return quizzes_editable(user)

    format = forms.ChoiceField(label=_("Định dạng"), choices=FORMAT_LABELS, required=False)
    file = forms.FileField(label=_("Tệp câu hỏi"))

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
                self.add_error("file", _("Tệp quá lớn."))
            elif not format_for(upload.name, data.get("format") or None):
                self.add_error("format", _("Không nhận ra định dạng từ tên tệp: hãy chọn định dạng."))
        return data


class PaperUploadForm(QuizChoiceForm):
    def quizzes_for(self, user):  # results of one's own staff, on one's own or a shared quiz
        return quizzes_visible(user)

    file = forms.FileField(label=_("Tệp kết quả (.xlsx, .csv)"))

    def clean_file(self):
        return spreadsheet_upload(self.cleaned_data["file"])


class QuizUploadView(UploadPreviewApplyView):
    """The shared upload → preview → apply flow (core.uploads) for a file imported into one quiz."""

    header_icon = "upload"

    def may_upload(self, request) -> bool:
        return is_hr(request.user)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_kwargs(self) -> dict:
        quiz = self.request.GET.get("quiz")
        initial = {"initial": {"quiz": quiz}} if self.request.method == "GET" and quiz else {}
        return {**initial, "user": self.request.user}

    def options(self, form) -> dict:
        return {"quiz": form.cleaned_data["quiz"].pk}

    def applied(self, result, options: dict) -> tuple[str, str]:
        return self.summary(result), self.request.path

    def render(self, **context):
        context["template_url"] = reverse("quizzes_admin:template")
        return super().render(**context)


class QuestionImportView(QuizUploadView):
    page_title = _("Nhập câu hỏi")
    template_name = "quizzes/admin/question_import.html"
    form_class = QuestionUploadForm
    upload_key = "quizzes_question_import"

    def options(self, form) -> dict:
        return {**super().options(form), "format": form.cleaned_data.get("format") or ""}

    def run(self, *, data: bytes, filename: str, options: dict, dry_run: bool, actor=None):
        quiz = quizzes_editable(self.request.user).get(pk=options["quiz"])  # the form offered these only
        parsed = questions_parse(data=data, fmt=format_for(filename, options["format"] or None), quiz=quiz)
        result = questions_import(quiz=quiz, questions=parsed, dry_run=dry_run, actor=self.request.user)
        result.quiz = quiz
        return result

    def preview_context(self, result, options: dict, data: bytes) -> dict:
        # What a format could not keep (Moodle XML hints, units…), by question: shown before applying.
        notes = [(q.name or q.text[:60], note) for q in result.questions for note in q.notes]
        return {"rows": [(q, QuestionType(q.qtype).label) for q in result.questions[:PREVIEW_ROWS]], "notes": notes}

    def summary(self, result):
        return _("Đã nhập %(n)s câu hỏi vào “%(quiz)s” (%(new)s câu mới).") % {
            "n": result.imported, "quiz": result.quiz.title, "new": result.created}


class PaperResultsImportView(QuizUploadView):
    page_title = _("Nhập kết quả kiểm tra trên giấy")
    template_name = "quizzes/admin/paper_import.html"
    form_class = PaperUploadForm
    upload_key = "quizzes_paper_import"

    def run(self, *, data: bytes, filename: str, options: dict, dry_run: bool, actor=None):
        quiz = quizzes_visible(self.request.user).get(pk=options["quiz"])  # the form offered these only
        table = read_table(data, PAPER_COLUMNS, filename=filename)
        result = paper_results_import(quiz=quiz, table=table, dry_run=dry_run, actor=self.request.user)
        result.quiz = quiz
        return result

    def summary(self, result):
        return _("Đã ghi %(n)s kết quả (thêm %(c)s, cập nhật %(u)s, không đổi %(s)s); %(p)s người đạt.") % {
            "n": len(result.rows), "c": result.created, "u": result.updated, "s": result.unchanged,
            "p": result.passed}


def question_template(request):
    if not is_hr(request.user):
        raise PermissionDenied
    response = HttpResponse(xlsx.blank_template(), content_type=MIMETYPES["xlsx"][0])
    response["Content-Disposition"] = 'attachment; filename="mau-cau-hoi.xlsx"'
    return response


def quiz_export(request, pk: int, fmt: str):
    if not is_hr(request.user):
        raise PermissionDenied
    quiz = get_object_or_404(quizzes_visible(request.user), pk=pk)
    if fmt not in MIMETYPES:
        raise PermissionDenied
    mimetype, extension = MIMETYPES[fmt]
    try:
        data = questions_export(quiz=quiz, fmt=fmt)
    except DomainError as exc:  # a type the format cannot hold (a cloze question in GIFT…): named, not dropped
        for problem in exc.problems:
            messages.error(request, str(problem))
        return redirect("quizzes_admin:stats", pk=quiz.pk)
    response = HttpResponse(data, content_type=mimetype)
    response["Content-Disposition"] = f'attachment; filename="{quiz.slug}.{extension}"'
    return response


class EssayMarkForm(forms.Form):
    answer = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.DecimalField(label=_("Điểm"), min_value=0, decimal_places=2, max_digits=6)
    comment = forms.CharField(label=_("Nhận xét"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EssayQueueView(HrOnlyMixin, WagtailAdminTemplateMixin, View):
    page_title = _("Chấm bài tự luận")
    header_icon = "edit"
    template_name = "quizzes/admin/essay_queue.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render()

    def post(self, request):
        form = EssayMarkForm(request.POST)
        rows = essay_queue(employees=_scope(request.user))
        if form.is_valid():
            row = get_object_or_404(rows, pk=form.cleaned_data["answer"])  # the queue of the user's scope
            try:
                attempt = essay_mark(attempt_answer=row, score=form.cleaned_data["score"],
                                     comment=form.cleaned_data["comment"], actor=request.user)
            except DomainError as exc:
                messages.error(request, str(exc))
            else:
                state = _("đạt") if attempt.passed else (_("chưa đạt") if attempt.is_final else _("còn câu chờ chấm"))
                messages.success(request, _("Đã chấm bài của %(name)s: %(state)s.") % {
                    "name": attempt.employee.full_name, "state": state})
        else:
            messages.error(request, _("Điểm không hợp lệ."))
        return redirect(request.path)

    def render(self):
        rows = list(essay_queue(employees=_scope(self.request.user))[:100])
        return self.render_to_response(self.get_context_data(items=rows))


class QuizStatsView(HrOnlyMixin, WagtailAdminTemplateMixin, View):
    header_icon = "table"
    template_name = "quizzes/admin/stats.html"

    def get_page_title(self):
        return _("Thống kê: %(quiz)s") % {"quiz": self.quiz.title}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("quizzes_quiz:index"), "label": _("Bài kiểm tra")},
                {"url": "", "label": self.get_page_title()}]

    def get(self, request, pk: int):
        self.quiz = get_object_or_404(quizzes_visible(request.user), pk=pk)
        stats = quiz_statistics(quiz=self.quiz, employees=_scope(request.user))
        items = quiz_item_analysis(quiz=self.quiz, employees=_scope(request.user))
        peak = max((n for _, n in stats.buckets), default=0) or 1
        bars = [(label, n, round(100 * n / peak)) for label, n in stats.buckets]
        return self.render_to_response(self.get_context_data(
            quiz=self.quiz, stats=stats, bars=bars, items=items, weak=sum(i.weak for i in items),
            min_responses=MIN_RESPONSES))


__all__ = ["EssayQueueView", "FORMATS", "PaperResultsImportView", "QuestionImportView", "QuizStatsView",
           "question_template", "quiz_export"]
