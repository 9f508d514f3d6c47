"""Wagtail admin wiring of the quiz engine: quizzes, the question bank and its categories, attempts
(read only), question and paper-result uploads with a preview, essay marking, statistics."""

from __future__ import annotations

import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from org.selectors.access import employee_of, is_hr, visible_employees
from quizzes.models import Attempt, Question, QuestionCategory, Quiz
from quizzes.selectors import (
    categories_editable,
    categories_visible,
    questions_editable,
    questions_visible,
    quiz_slug_taken,
    quizzes_editable,
    quizzes_visible,
)
from quizzes.services.bank import question_fingerprint_refresh
from quizzes.views import admin as views

SUBMENU_HOOK = "register_quizzes_menu_item"
# A permission granted to no group: only superusers (who have every permission) see the owner field.
SUPERUSER_ONLY = "quizzes.choose_owner"


# --- Ownership (issue 13, M4): listings show what the user may read (their agency's and shared
# content); edit and delete find their object only among what the user may change, so another
# agency's or shared content answers 404, as an id that does not exist. New objects get the
# creator's agency.

class ScopedIndexMixin:
    readable = None  # staticmethod(user) -> queryset

    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=self.readable(self.request.user).values("pk"))


class ScopedObjectMixin:
    changeable = None  # staticmethod(user) -> queryset

    def get_base_object_queryset(self):
        return self.changeable(self.request.user)

    def get_queryset(self):  # Wagtail's edit and delete views find their object here
        return self.changeable(self.request.user)


class OwnerOnCreateMixin:
    def save_instance(self):
        user = self.request.user
        if not getattr(user, "is_superuser", False):
            employee = employee_of(user)
            self.form.instance.agency_id = employee.agency_id if employee else None
        return super().save_instance()


def _scoped_filterset(model, fields: list[str], **choices) -> type[WagtailFilterSet]:
    """A filter set over `fields` of `model` whose choice filters (`name=(label, selector)`) offer
    only what the user may read: a plain `list_filter` lists every agency's quizzes or categories."""
    meta = type("Meta", (), {"model": model, "fields": fields})
    filters = {name: django_filters.ModelChoiceFilter(
        label=label, queryset=lambda request, selector=selector: selector(getattr(request, "user", None)))
        for name, (label, selector) in choices.items()}
    return type(f"{model.__name__}FilterSet", (WagtailFilterSet,), {"Meta": meta, **filters})


class ScopedChoicesForm(WagtailAdminModelForm):
    """Category choices limited to what the user may use (`category_choices`)."""

    category_field = ""
    category_choices = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(self.category_field)
        if field is not None and self.for_user is not None:
            field.queryset = type(self).category_choices(self.for_user)


class QuizForm(ScopedChoicesForm):
    category_field = "categories"
    category_choices = staticmethod(categories_visible)  # drawing from shared categories is reading them

    def _owner_id(self, cleaned) -> int | None:
        if "agency" in self.fields:  # superusers choose the owner
            return cleaned["agency"].pk if cleaned.get("agency") else None
        if self.instance.pk:
            return self.instance.agency_id
        employee = employee_of(self.for_user)  # OwnerOnCreateMixin gives the quiz this agency
        return employee.agency_id if employee else None

    def clean(self):
        # Slugs are unique per owner; the owner is not a field for HR, so Django's check of the
        # constraint would skip it. Only the owner's and shared quizzes are compared: another
        # agency's slugs are free, and trying one tells nothing.
        cleaned = super().clean()
        slug = cleaned.get("slug")
        if slug and quiz_slug_taken(slug=slug, owner_id=self._owner_id(cleaned), exclude_pk=self.instance.pk):
            self.add_error("slug", _("Cơ quan đã có bài kiểm tra mang mã này, hoặc đó là mã của một bài dùng chung."))
        return cleaned


class QuestionForm(ScopedChoicesForm):
    category_field = "category"
    category_choices = staticmethod(categories_editable)


class QuizIndexView(ScopedIndexMixin, generic.IndexView):
    readable = staticmethod(quizzes_visible)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons += [
            ListingButton(_("Thống kê"), icon_name="table", priority=5,
                          url=reverse("quizzes_admin:stats", args=[instance.pk])),
            ListingButton(_("Nhập câu hỏi"), icon_name="upload", priority=6,
                          url=reverse("quizzes_admin:import") + f"?quiz={instance.pk}"),
            ListingButton(_("Xuất GIFT"), icon_name="download", priority=30,
                          url=reverse("quizzes_admin:export", args=[instance.pk, "gift"])),
            ListingButton(_("Xuất Excel"), icon_name="download", priority=31,
                          url=reverse("quizzes_admin:export", args=[instance.pk, "xlsx"])),
            ListingButton(_("Trang học viên"), icon_name="view", priority=40,
                          url=reverse("quizzes:detail", args=[instance.slug])),
        ]
        return buttons


class QuizCreateView(OwnerOnCreateMixin, generic.CreateView):
    pass


class QuizEditView(ScopedObjectMixin, generic.EditView):
    changeable = staticmethod(quizzes_editable)


class QuizDeleteView(ScopedObjectMixin, generic.DeleteView):
    changeable = staticmethod(quizzes_editable)


def _publication_state(quiz) -> str:
    return _("Bản nháp") if quiz.draft else _("Đang dùng")


class QuizViewSet(ModelViewSet):
    model = Quiz
    name = "quizzes_quiz"
    url_prefix = "bai-kiem-tra"
    icon = "tasks"
    menu_label = _("Bài kiểm tra")
    copy_view_enabled = False
    index_view_class = QuizIndexView
    add_view_class = QuizCreateView
    edit_view_class = QuizEditView
    delete_view_class = QuizDeleteView
    search_fields = ["title", "slug"]
    list_filter = ["draft", "directives"]
    list_display = ["title", "slug", Column("agency", label=_("Cơ quan sở hữu")),
                    Column("pass_mark", label=_("Điểm đạt (%)")),
                    # words, not ✓/✕: a red ✕ read as an error on every published quiz
                    Column("draft", label=_("Trạng thái"), accessor=_publication_state),
                    DateColumn("updated_at", label=_("Cập nhật"))]
    edit_handler = ObjectList([
        MultiFieldPanel([FieldPanel("title"), FieldPanel("slug"), FieldPanel("agency", permission=SUPERUSER_ONLY),
                         FieldPanel("description"), FieldPanel("directives"), FieldPanel("draft")],
                        heading=_("Thông tin")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_questions")]),
                         FieldPanel("categories"),
                         FieldRowPanel([FieldPanel("random_order"), FieldPanel("shuffle_answers"),
                                        FieldPanel("one_per_page")])],
                        heading=_("Câu hỏi"), help_text=_("Câu hỏi cố định được thêm bằng “Nhập câu hỏi”.")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("attempts_allowed")]),
                         FieldRowPanel([FieldPanel("grading_method"), FieldPanel("closes_at")]),
                         FieldRowPanel([FieldPanel("single_attempt"), FieldPanel("exam_paper")])],
                        heading=_("Luật làm bài")),
        MultiFieldPanel([FieldPanel("review_correctness"), FieldPanel("review_right_answers"),
                         FieldPanel("review_feedback")],
                        heading=_("Xem lại bài làm"),
                        help_text=_("Đáp án đúng xem được khi học viên còn lượt làm bài thì lượt sau sẽ đạt nhờ chép "
                                    "đáp án: nên để “Sau lượt làm bài cuối cùng” hoặc “Sau khi bài kiểm tra đóng”.")),
        MultiFieldPanel([FieldPanel("success_text"), FieldPanel("fail_text")], heading=_("Thông báo kết quả")),
    ], base_form_class=QuizForm)


class QuestionSaveMixin:
    def save_instance(self):
        question = super().save_instance()
        question_fingerprint_refresh(question=question)  # keeps re-imports of the edited question idempotent
        return question


class QuestionIndexView(ScopedIndexMixin, generic.IndexView):
    readable = staticmethod(questions_visible)


class QuestionCreateView(QuestionSaveMixin, generic.CreateView):
    pass


class QuestionEditView(ScopedObjectMixin, QuestionSaveMixin, generic.EditView):
    changeable = staticmethod(questions_editable)


class QuestionDeleteView(ScopedObjectMixin, generic.DeleteView):
    changeable = staticmethod(questions_editable)


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "quizzes_question"
    url_prefix = "ngan-hang-cau-hoi"
    icon = "help"
    menu_label = _("Ngân hàng câu hỏi")
    copy_view_enabled = False
    index_view_class = QuestionIndexView
    add_view_class = QuestionCreateView
    edit_view_class = QuestionEditView
    delete_view_class = QuestionDeleteView
    search_fields = ["text", "name"]
    filterset_class = _scoped_filterset(Question, ["category", "qtype"],
                                        category=(_("Nhóm câu hỏi"), categories_visible))
    list_display = [Column("text", label=_("Câu hỏi"), accessor="__str__"), "qtype", "category"]
    edit_handler = ObjectList([
        FieldRowPanel([FieldPanel("category"), FieldPanel("qtype")]),
        FieldPanel("name"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("text_format"), FieldPanel("multiple"), FieldPanel("default_mark")]),
        FieldPanel("general_feedback"),
        InlinePanel("answers", label=_("Phương án"), panels=[
            FieldRowPanel([FieldPanel("text"), FieldPanel("match_text")]),
            FieldRowPanel([FieldPanel("fraction"), FieldPanel("tolerance"), FieldPanel("feedback")])]),
        FieldRowPanel([FieldPanel("idnumber"), FieldPanel("penalty"), FieldPanel("tags")]),
    ], base_form_class=QuestionForm)


class CategoryIndexView(ScopedIndexMixin, generic.IndexView):
    readable = staticmethod(categories_visible)


class CategoryCreateView(OwnerOnCreateMixin, generic.CreateView):
    pass


class CategoryEditView(ScopedObjectMixin, generic.EditView):
    changeable = staticmethod(categories_editable)


class CategoryDeleteView(ScopedObjectMixin, generic.DeleteView):
    changeable = staticmethod(categories_editable)


class CategoryViewSet(ModelViewSet):
    model = QuestionCategory
    name = "quizzes_category"
    url_prefix = "nhom-cau-hoi"
    icon = "folder-open-inverse"
    menu_label = _("Nhóm câu hỏi")
    copy_view_enabled = False
    index_view_class = CategoryIndexView
    add_view_class = CategoryCreateView
    edit_view_class = CategoryEditView
    delete_view_class = CategoryDeleteView
    search_fields = ["name"]
    list_display = ["name", "directive", Column("agency", label=_("Cơ quan sở hữu"))]
    panels = [FieldPanel("name"), FieldPanel("agency", permission=SUPERUSER_ONLY), FieldPanel("directive"),
              FieldPanel("description")]


class AttemptIndexView(generic.IndexView):
    def get_base_queryset(self):
        # HR sees the attempts of their own agency's staff (superusers: everyone's).
        attempts = super().get_base_queryset().select_related("employee", "quiz")
        if getattr(self.request.user, "is_superuser", False):
            return attempts
        return attempts.filter(employee__in=visible_employees(self.request.user))


class AttemptViewSet(ModelViewSet):
    """Attempts are written by the engine only: list, filter and export them; no editing here."""

    model = Attempt
    add_to_reference_index = False  # records, not content: no reference-index task per save
    name = "quizzes_attempt"
    url_prefix = "luot-lam-bai"
    icon = "list-ul"
    menu_label = _("Lượt làm bài")
    index_view_class = AttemptIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = _scoped_filterset(Attempt, ["quiz", "source", "state", "passed"],
                                        quiz=(_("Bài kiểm tra"), quizzes_visible))
    search_fields = ["employee__full_name", "employee__employee_code"]
    list_display = ["employee", "quiz", "number", "source", "state",
                    Column("percent", label=_("Tỉ lệ (%)")), BooleanColumn("passed", label=_("Đạt")),
                    DateColumn("evidence_date", label=_("Ngày minh chứng"))]
    list_export = ["employee", "quiz", "number", "source", "state", "score", "max_score", "percent", "passed",
                   "evidence_date", "submitted_at"]
    form_fields = ["note"]

    def get_urlpatterns(self):
        # Read-only: keep the listing, export and inspect views; attempts change only through services.
        keep = {"index", "index_results", "inspect"}
        return [p for p in super().get_urlpatterns() if getattr(p, "name", None) in keep]

    def get_common_view_kwargs(self, **kwargs):
        # The views dropped above have no URL: nothing may link them (a superuser holds every
        # permission, so Wagtail would try to reverse "add" and fail).
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for dropped in ("add", "edit", "delete", "history", "usage", "copy"):
            view_kwargs[f"{dropped}_url_name"] = None
        return view_kwargs


class QuizGroup(ViewSetGroup):
    menu_label = _("Bài kiểm tra")
    menu_icon = "tasks"
    menu_order = 270
    submenu_hook = SUBMENU_HOOK
    items = (QuizViewSet, QuestionViewSet, CategoryViewSet, AttemptViewSet)


@hooks.register("register_admin_viewset")
def register_quizzes():
    return QuizGroup()


admin_urls = [
    path("nhap-cau-hoi/", views.QuestionImportView.as_view(), name="import"),
    path("nhap-ket-qua-giay/", views.PaperResultsImportView.as_view(), name="paper"),
    path("mau-cau-hoi.xlsx", views.question_template, name="template"),
    path("<int:pk>/xuat/<str:fmt>/", views.quiz_export, name="export"),
    path("<int:pk>/thong-ke/", views.QuizStatsView.as_view(), name="stats"),
    path("cham-tu-luan/", views.EssayQueueView.as_view(), name="essays"),
]


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    return [path("kiem-tra/", include((admin_urls, "quizzes_admin"), namespace="quizzes_admin"))]


class HrMenuItem(MenuItem):
    def is_shown(self, request):
        return is_hr(request.user)


def _menu(url_name, label, icon, order):
    def item():
        return HrMenuItem(label, reverse(f"quizzes_admin:{url_name}"), icon_name=icon, order=order)

    item.__name__ = f"quizzes_menu_{url_name}"
    return item


for _args in (("import", _("Nhập câu hỏi"), "upload", 10), ("paper", _("Nhập kết quả trên giấy"), "upload", 11),
              ("essays", _("Chấm bài tự luận"), "edit", 12)):
    hooks.register(SUBMENU_HOOK, _menu(*_args))
