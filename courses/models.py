"""Wagtail pages: the directive library (văn bản chỉ đạo) and courses with lessons."""

from __future__ import annotations

import copy
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from core.choices import choice_label
from core.files import content_matches
from core.text import directive_key, fold, normalise_directive_number
from org.scoping import AgencyScopedManager
from org.selectors.access import employee_of

from .blocks import BaseStreamBlock, stream_plain_text
from .content_cache import content_cached, content_version_pinned, page_copies, page_copy, request_content_version


class DirectiveType(models.TextChoices):
    QUYET_DINH = "quyet_dinh", _("Quyết định")
    CHI_THI = "chi_thi", _("Chỉ thị")
    KET_LUAN = "ket_luan", _("Kết luận")
    LUAT = "luat", _("Luật")
    NGHI_DINH = "nghi_dinh", _("Nghị định")
    NGHI_QUYET = "nghi_quyet", _("Nghị quyết")
    QUY_DINH = "quy_dinh", _("Quy định")
    KE_HOACH = "ke_hoach", _("Kế hoạch")
    CONG_VAN = "cong_van", _("Công văn")


class CachedRouteMixin:
    """The pages below this one found from the content cache (per content version: every save, move
    or (un)publication bumps it), not by one query per level plus one for the specific page —
    a lesson sits three levels below the course index. Previews, and paths that are not a page
    (404, a routable page's arguments), go through Wagtail's `route` every time."""

    def route(self, request, path_components):
        if request is None or not path_components or getattr(request, "is_preview", False):
            return super().route(request, path_components)
        key = ("route", self.pk, tuple(path_components))
        version = request_content_version(request)
        page = content_cached(key, lambda: self._routed_page(request, path_components), version=version)
        if page is None:
            return super().route(request, path_components)
        page = page_copy(page)
        page._routed_content_version = version  # what else it reads from the cache (CachedViewRestrictionsMixin)
        return RouteResult(page)

    def _routed_page(self, request, path_components):
        result = super().route(request, path_components)  # Http404 propagates: nothing cached
        page, args, kwargs = result
        return page if not args and not kwargs else None


class CachedViewRestrictionsMixin:
    """Wagtail checks a page's view restrictions (its own and its ancestors') on every view: two
    queries. A page routed from the content cache (`CachedRouteMixin`, which notes the version the
    request read) gets them from the cache too, under that version: every save, move or deletion of
    a page or of a restriction bumps it. The answer is a queryset of the same restrictions that
    starts out evaluated: iterating or testing it reads nothing, while the admin's `.order_by(…)`
    and the like, which clone it, read the database as before."""

    def get_view_restrictions(self):
        version = getattr(self, "_routed_content_version", None)
        if version is None:
            return super().get_view_restrictions()
        cached = content_cached(("view_restrictions", self.pk), self._read_view_restrictions, version=version)
        queryset = cached._chain()
        queryset._result_cache = [copy.copy(restriction) for restriction in cached]
        queryset._prefetch_done = True
        return queryset

    def _read_view_restrictions(self):
        queryset = super().get_view_restrictions()
        len(queryset)  # evaluated once, here
        return queryset


class DirectiveIndexPage(CachedRouteMixin, Page):
    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.DirectivePage"]
    max_count = 1  # one library per site: search and the campaign resolver see every directive

    class Meta:
        verbose_name = _("thư viện văn bản")

    def serve(self, request, *args, **kwargs):
        with content_version_pinned(request):  # the facets, the ranking and the links: one read
            return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .search import SearchFilters, directive_facets, library_search

        context = super().get_context(request, *args, **kwargs)
        filters = SearchFilters.from_querydict(request.GET)
        # Lazy: the template's {% content_fragment %} reads them only when it renders afresh.
        results = SimpleLazyObject(lambda: library_search(filters, within=self))
        context["filters"] = filters
        context["results"] = results
        context["directives_page"] = SimpleLazyObject(
            lambda: Paginator(results.directives, 20).get_page(request.GET.get("page")))
        context["facets"] = SimpleLazyObject(directive_facets)
        context["course_index"] = SimpleLazyObject(lambda: CourseIndexPage.objects.live().first())
        return context


class DirectiveTag(TaggedItemBase):
    content_object = ParentalKey("courses.DirectivePage", on_delete=models.CASCADE, related_name="tagged_items")


class DirectivePage(CachedViewRestrictionsMixin, Page):
    number = models.CharField(_("số, ký hiệu"), max_length=64, help_text=_("Ví dụ: 23-QĐ/TW, 33/CT-TTg"))
    number_key = models.CharField(max_length=64, editable=False, db_index=True)
    doc_type = models.CharField(_("loại văn bản"), max_length=16, choices=DirectiveType.choices)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    issue_date = models.DateField(_("ngày ban hành"))
    effective_date = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    subject = models.TextField(_("trích yếu"))
    summary = models.TextField(
        _("tóm tắt nội dung"), blank=True,
        help_text=_("3–6 câu: văn bản là gì, yêu cầu gì, liên quan thế nào đến cơ quan. Hiển thị trong danh sách và kết quả tìm kiếm."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("nội dung"))
    original = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("văn bản gốc"),
        help_text=_("Bản PDF hoặc Word của văn bản do cơ quan ban hành phát hành. Khi chưa có, trang văn bản ghi rõ là "
                    "chưa có bản gốc."),
    )
    search_text = models.TextField(editable=False, blank=True)
    tags = ClusterTaggableManager(
        through=DirectiveTag, blank=True, verbose_name=_("chủ đề"),
        help_text=_("Dùng lại chủ đề có sẵn (Dân vận, Cải cách hành chính, Dân chủ cơ sở, Tiếp công dân…) để bộ lọc gọn."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("doc_type"),
                FieldPanel("issuer"),
                FieldPanel("issue_date"),
                FieldPanel("effective_date"),
                FieldPanel("subject"),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("original"),
        InlinePanel("documents", label=_("Tài liệu kèm theo")),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("subject"),
        index.SearchField("summary"),
        index.SearchField("search_text"),
        index.FilterField("doc_type"),
        index.FilterField("issuer"),
        index.FilterField("issue_date"),
    ]
    parent_page_types = ["courses.DirectiveIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("văn bản chỉ đạo")
        verbose_name_plural = _("văn bản chỉ đạo")
        constraints = [
            models.UniqueConstraint(fields=["number_key", "issue_date"], name="directive_number_unique_per_date"),
        ]

    def get_doc_type_display(self) -> str:
        return choice_label(DirectiveType, self.doc_type)

    def __str__(self) -> str:
        return self.number

    @property
    def year(self) -> int:
        return self.issue_date.year

    @property
    def full_name(self) -> str:
        """"Quyết định 23-QĐ/TW" — the way people name a directive in speech and in plans."""
        return f"{self.get_doc_type_display()} {self.number}"

    def _normalise(self) -> None:
        self.number = normalise_directive_number(self.number or "")
        self.number_key = directive_key(self.number)

    def clean(self):
        # Runs in the admin form before saving: a collision is a message on the number field,
        # not an IntegrityError from the constraint.
        super().clean()
        self._normalise()
        if self.effective_date and self.issue_date and self.effective_date < self.issue_date:
            raise ValidationError({"effective_date": _("Ngày có hiệu lực không thể trước ngày ban hành.")})
        if self.number_key and self.issue_date:
            clash = DirectivePage.objects.filter(number_key=self.number_key, issue_date=self.issue_date)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {
                        "number": _("Đã có văn bản số %(number)s ban hành ngày %(date)s trong thư viện.")
                        % {"number": self.number, "date": self.issue_date.strftime("%d/%m/%Y")}
                    }
                )

    def validate_constraints(self, exclude=None):
        # The number error from clean() already covers the (number_key, issue_date) constraint.
        if exclude and "number" in exclude:
            exclude = {*exclude, "number_key"}
        super().validate_constraints(exclude=exclude)

    def save(self, *args, **kwargs):
        # Derived columns: the stored number form, its match key, and folded text for search.
        self._normalise()
        self.search_text = build_directive_search_text(self)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .selectors import courses_covering, lessons_for_directives

        context = super().get_context(request, *args, **kwargs)
        saved = self.pk is not None  # a preview of a new page has no links yet
        context["lessons"] = lessons_for_directives([self.pk]).get(self.pk, []) if saved else []
        context["covering_courses"] = courses_covering(self) if saved else []
        return context


class DirectiveDocument(Orderable):
    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("tên"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    def __str__(self) -> str:
        return self.title or self.document.title


class CourseIndexPage(CachedRouteMixin, Page):
    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("danh mục chuyên đề")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_cards

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_cards(self)
        return context


class CoursePage(CachedViewRestrictionsMixin, Page):
    intro = models.TextField(_("giới thiệu"), blank=True)
    directives = ParentalManyToManyField(DirectivePage, blank=True, related_name="courses", verbose_name=_("văn bản"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("directives")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("chuyên đề")
        verbose_name_plural = _("chuyên đề")

    def get_context(self, request, *args, **kwargs):

        from .selectors import course_lessons, readings_by_lesson

        context = super().get_context(request, *args, **kwargs)
        lessons = course_lessons(self)
        employee = employee_of(request.user)
        context["lessons"] = lessons
        context["total_minutes"] = sum(lesson.estimated_minutes for lesson in lessons)
        readings = readings_by_lesson(employee, lessons)
        for lesson in lessons:
            lesson.reading = readings.get(lesson.pk)
        unread = [lesson for lesson in lessons if not (lesson.reading and lesson.reading.acknowledged)]
        context["next_unread"] = unread[0] if employee and unread else None
        context["course_directives"] = served_directives(self, request)
        return context


class LessonPage(CachedViewRestrictionsMixin, Page):
    directives = ParentalManyToManyField(
        DirectivePage, blank=True, related_name="lessons", verbose_name=_("văn bản"),
        help_text=_("Các văn bản bài học giúp quán triệt; trang “Việc học của tôi” dẫn người học tới bài học này."),
    )
    estimated_minutes = models.PositiveIntegerField(
        _("thời gian đọc (phút)"), default=15,
        help_text=_("Ước tính cho người đọc trên điện thoại; thời gian đọc ghi nhận tối đa gấp 3 lần (ít nhất 30 phút)."),
    )
    intro = models.TextField(_("mở đầu"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("nội dung"))
    search_text = models.TextField(editable=False, blank=True)
    # The self-hosted lecture video (docs/video.md): served by courses.views.lesson_media with byte
    # ranges; the share a learner watched is recorded on the server (VideoProgress).
    video = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("video bài giảng"),
        help_text=_("Tệp video MP4 (H.264) hoặc WebM tải lên mục Tài liệu. Người học xem ngay trên trang, tiến độ xem "
                    "được ghi nhận. Video YouTube/Vimeo chèn trong nội dung vẫn xem được nhưng không ghi nhận gì."),
    )
    video_poster = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("ảnh bìa video"), help_text=_("Hiện trước khi phát, để điện thoại không phải tải video ngay."),
    )
    video_captions = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("phụ đề (WebVTT)"), help_text=_("Tệp .vtt phụ đề tiếng Việt (không bắt buộc)."),
    )
    video_duration = models.PositiveIntegerField(
        _("thời lượng video (giây)"), null=True, blank=True,
        help_text=_("Thời lượng đúng của tệp video; tỷ lệ đã xem được tính trên thời lượng này."),
    )
    video_threshold = models.PositiveSmallIntegerField(
        _("tỷ lệ phải xem (%)"), default=90, validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Xem đủ tỷ lệ này (không tính đoạn tua qua) thì được ghi nhận là đã học các văn bản của bài."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("directives"),
        FieldPanel("estimated_minutes"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("video_poster"),
                FieldPanel("video_captions"),
                FieldPanel("video_duration"),
                FieldPanel("video_threshold"),
            ],
            heading=_("Video bài giảng"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("bài học")
        verbose_name_plural = _("bài học")

    @property
    def has_video(self) -> bool:
        return bool(self.video_id and self.video_duration)

    def clean(self):
        super().clean()
        errors = {}
        if self.video_id:
            if not _document_is(self.video, VIDEO_EXTENSIONS):
                errors["video"] = _("Tệp này không phải video MP4 hoặc WebM.")
            if not self.video_duration:
                errors["video_duration"] = _("Nhập thời lượng của video (giây).")
        if self.video_captions_id and not _document_is(self.video_captions, ("vtt",)):
            errors["video_captions"] = _("Phụ đề phải là tệp WebVTT (.vtt).")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.search_text = " ".join(fold(t) for t in (self.title, self.intro, stream_plain_text(self.body)))
        super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        # Opening the lesson starts the reading clock (server-side, so it cannot be faked);
        # previews by editors do not count.
        if request.method == "GET" and not getattr(request, "is_preview", False):

            from .services import lesson_open

            employee = employee_of(request.user)
            if employee is not None and employee.is_active:
                # The page shows this reading: kept on the request, not read again.
                request.lesson_reading = lesson_open(lesson=self, employee=employee, user=request.user)
        with content_version_pinned(request):  # the course, siblings, directives and links: one read
            return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):

        from .selectors import course_lessons, lesson_course

        context = super().get_context(request, *args, **kwargs)
        employee = employee_of(request.user)
        context["employee"] = employee
        opened = getattr(request, "lesson_reading", None)
        if opened is not None and opened.lesson_id == self.pk and employee is not None and opened.employee_id == employee.pk:
            context["reading"] = opened
        else:
            context["reading"] = (
                LessonReading.objects.filter(lesson=self, employee=employee).first() if employee and self.pk else None
            )
        context["video_progress"] = (
            VideoProgress.objects.filter(lesson=self, employee=employee).first()
            if employee and self.pk and self.has_video else None
        )
        context["lesson_directives"] = served_directives(self, request)
        course = lesson_course(self)
        siblings = course_lessons(course)
        ids = [lesson.pk for lesson in siblings]
        position = ids.index(self.pk) if self.pk in ids else -1
        context["course"] = course
        context["previous_lesson"] = siblings[position - 1] if position > 0 else None
        context["next_lesson"] = siblings[position + 1] if 0 <= position < len(siblings) - 1 else None
        return context


class LessonReading(models.Model):
    """A learner's "I have read this" acknowledgement of a lesson, with the time spent reading."""

    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="readings")
    employee = models.ForeignKey("org.Employee", on_delete=models.CASCADE, related_name="lesson_readings")
    opened_at = models.DateTimeField(_("mở lúc"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("xác nhận đã đọc lúc"), null=True, blank=True)
    seconds_spent = models.PositiveIntegerField(_("thời gian đọc (giây)"), default=0)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    agency_lookup = "employee__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("lượt đọc bài")
        verbose_name_plural = _("lượt đọc bài")
        constraints = [models.UniqueConstraint(fields=["lesson", "employee"], name="lesson_reading_unique")]

    def __str__(self) -> str:
        return f"{self.employee_id} — {self.lesson_id}"

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    @property
    def minutes_spent(self) -> int:
        """Reading time rounded to whole minutes, at least 1 once any time was recorded."""
        return max(1, round(self.seconds_spent / 60)) if self.seconds_spent else 0


class VideoProgress(models.Model):
    """How much of a lesson's video one person has watched: the merged intervals of playback the
    server accepted (seconds), and when the watched share first reached the lesson's threshold —
    that day is evidence for the lesson's directives (courses.evidence_sources.VideoSource)."""

    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="video_progress")
    employee = models.ForeignKey("org.Employee", on_delete=models.CASCADE, related_name="video_progress")
    video = models.ForeignKey("wagtaildocs.Document", null=True, on_delete=models.SET_NULL, related_name="+")
    intervals = models.JSONField(_("các đoạn đã xem"), default=list)  # [[start, end], …] merged, sorted
    watched_seconds = models.FloatField(_("số giây đã xem"), default=0)
    duration = models.PositiveIntegerField(_("thời lượng (giây)"), default=0)
    beats = models.PositiveIntegerField(default=0)
    last_beat_at = models.DateTimeField(null=True, blank=True)
    credit_seconds = models.FloatField(default=0)  # playback the wall clock still allows (services.video)
    reached_at = models.DateTimeField(_("xem đủ lúc"), null=True, blank=True)
    reached_on = models.DateField(_("ngày xem đủ"), null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    agency_lookup = "employee__agency"
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("tiến độ xem video")
        verbose_name_plural = _("tiến độ xem video")
        constraints = [models.UniqueConstraint(fields=["lesson", "employee"], name="video_progress_unique")]
        indexes = [models.Index(fields=["employee", "reached_on"])]

    def __str__(self) -> str:
        return f"{self.employee_id} — {self.lesson_id}: {self.percent}%"

    @property
    def share(self) -> float:
        return self.watched_seconds / self.duration if self.duration else 0.0

    @property
    def percent(self) -> int:
        """Whole percent watched, rounded down: 89.9 % is not yet 90 %."""
        return min(100, int(self.share * 100 + 1e-9))

    @property
    def reached(self) -> bool:
        return self.reached_on is not None


VIDEO_EXTENSIONS = ("mp4", "m4v", "webm")


def _document_is(document, extensions: tuple[str, ...]) -> bool:
    """The document's name has one of `extensions` and its first bytes are that type."""
    extension = document.file_extension.lower()
    if extension not in extensions:
        return False
    try:
        with document.file.open("rb") as handle:
            return content_matches(handle.read(64), extension)
    except (OSError, ValueError):
        return False


def live_directives(page) -> list[DirectivePage]:
    """The live directives a course or lesson links, by issue date. Read through `.all()` so that
    an editor's preview shows the unsaved selection (modelcluster's in-memory relation)."""
    return sorted((d for d in page.directives.all() if d.live), key=lambda d: d.issue_date)


def served_directives(page, request) -> list[DirectivePage]:
    """`live_directives` of a saved page as served, cached per content version (every save or
    publication bumps it: courses.content_cache); a preview reads the unsaved selection."""
    if page.pk is None or getattr(request, "is_preview", False):
        return live_directives(page)
    return page_copies(content_cached(("live_directives", page.pk), lambda: live_directives(page)))


def build_directive_search_text(page: DirectivePage) -> str:
    """Folded text searched by `courses.search`: the number in its written and spaced forms
    ("23-qd/tw", "23 qd tw"), "quyet dinh 23-qd/tw", and every text field and topic."""
    number = fold(page.number)
    with translation.override("vi"):  # search in Vietnamese whatever the editor's admin language
        type_name = str(DirectiveType(page.doc_type).label) if page.doc_type else ""
    tags = " ".join(page.tags.names())
    parts = [
        number,
        re.sub(r"[-/.]+", " ", number),
        fold(f"{type_name} {page.number}"),
        fold(page.title),
        fold(page.subject),
        fold(page.summary),
        fold(page.issuer),
        fold(tags),
        fold(stream_plain_text(page.body)),
    ]
    return " ".join(p for p in parts if p)
