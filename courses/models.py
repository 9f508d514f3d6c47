"""Wagtail pages: the directive library (văn bản chỉ đạo) and courses with lessons."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from learning.text import directive_key, fold, normalise_directive_number

from .blocks import BaseStreamBlock


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


class DirectiveIndexPage(Page):
    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.DirectivePage"]

    class Meta:
        verbose_name = _("thư viện văn bản")


class DirectiveTag(TaggedItemBase):
    content_object = ParentalKey("courses.DirectivePage", on_delete=models.CASCADE, related_name="tagged_items")


class DirectivePage(Page):
    number = models.CharField(_("số, ký hiệu"), max_length=64, help_text=_("Ví dụ: 23-QĐ/TW, 33/CT-TTg"))
    number_key = models.CharField(max_length=64, editable=False, db_index=True)
    doc_type = models.CharField(_("loại văn bản"), max_length=16, choices=DirectiveType.choices)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    issue_date = models.DateField(_("ngày ban hành"))
    effective_date = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    subject = models.TextField(_("trích yếu"))
    summary = models.TextField(_("tóm tắt nội dung"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("nội dung"))
    search_text = models.TextField(editable=False, blank=True)
    tags = ClusterTaggableManager(through=DirectiveTag, blank=True, verbose_name=_("chủ đề"))

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
        InlinePanel("documents", label=_("Văn bản gốc")),
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

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs):
        # Derived columns: the stored number form, its match key, and folded text for search.
        self.number = normalise_directive_number(self.number)
        self.number_key = directive_key(self.number)
        self.search_text = " ".join(fold(t) for t in (self.number, self.title, self.subject, self.summary, self.issuer))
        super().save(*args, **kwargs)


class DirectiveDocument(Orderable):
    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("tên"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]


class CourseIndexPage(Page):
    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("danh mục chuyên đề")


class CoursePage(Page):
    intro = models.TextField(_("giới thiệu"), blank=True)
    directives = ParentalManyToManyField(DirectivePage, blank=True, related_name="courses", verbose_name=_("văn bản"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("directives")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("chuyên đề")
        verbose_name_plural = _("chuyên đề")


class LessonPage(Page):
    directives = ParentalManyToManyField(DirectivePage, blank=True, related_name="lessons", verbose_name=_("văn bản"))
    estimated_minutes = models.PositiveIntegerField(_("thời gian đọc (phút)"), default=15)
    intro = models.TextField(_("mở đầu"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("nội dung"))
    search_text = models.TextField(editable=False, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("directives"),
        FieldPanel("estimated_minutes"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("bài học")
        verbose_name_plural = _("bài học")

    def save(self, *args, **kwargs):
        self.search_text = " ".join(fold(t) for t in (self.title, self.intro))
        super().save(*args, **kwargs)


class LessonReading(models.Model):
    """A learner's "I have read this" acknowledgement of a lesson, with the time spent reading."""

    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="readings")
    employee = models.ForeignKey("learning.Employee", on_delete=models.CASCADE, related_name="lesson_readings")
    opened_at = models.DateTimeField(_("mở lúc"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("xác nhận đã đọc lúc"), null=True, blank=True)
    seconds_spent = models.PositiveIntegerField(_("thời gian đọc (giây)"), default=0)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("lượt đọc bài")
        verbose_name_plural = _("lượt đọc bài")
        constraints = [models.UniqueConstraint(fields=["lesson", "employee"], name="lesson_reading_unique")]

    def __str__(self) -> str:
        return f"{self.employee_id} — {self.lesson_id}"
