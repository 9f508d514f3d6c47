"""Wagtail admin wiring of study sessions: list / create / edit (ModelViewSet, scoped to the HR
user's agency), plus the per-session screens of `learning.views.admin_sessions` (attendance grid,
sheet import, refused scans, downloads) and a link to the projector page."""

from __future__ import annotations

import json

from django import forms
from django.db import transaction
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from core.errors import DomainError
from courses.models import DirectivePage
from learning.models import AttendanceStatus, Campaign, StudySession
from learning.selectors.sessions import manageable_sessions
from learning.services.sessions import session_audit_change, session_create, session_snapshot, session_validate
from learning.views import admin_sessions
from learning.wagtail_hooks.filters import campaign_scoped_filterset
from org.models import EmployeeCategory, OrgUnit
from org.selectors.access import visible_agencies


class DirectiveChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        subject = obj.subject if len(obj.subject) <= 90 else obj.subject[:89] + "…"
        return f"{obj.number} — {subject}"


class StudySessionForm(WagtailAdminModelForm):
    directives = DirectiveChoiceField(
        queryset=DirectivePage.objects.none(), widget=forms.CheckboxSelectMultiple, label=_("Văn bản quán triệt"),
        help_text=_("Chỉ các văn bản thuộc kế hoạch đã chọn."),
    )
    audience_units = forms.ModelMultipleChoiceField(
        queryset=OrgUnit.objects.none(), widget=forms.CheckboxSelectMultiple, required=False,
        label=_("Đơn vị tham dự"), help_text=_("Để trống: theo thành phần của kế hoạch."),
    )
    audience_categories = forms.MultipleChoiceField(
        choices=EmployeeCategory.choices, widget=forms.CheckboxSelectMultiple, required=False,
        label=_("Loại cán bộ tham dự"), help_text=_("Để trống: theo thành phần của kế hoạch."),
    )

    class Meta:
        model = StudySession
        fields = ["campaign", "title", "directives", "date", "start_time", "end_time", "location", "online_url",
                  "presenter", "late_grace_minutes", "is_makeup", "audience_units", "audience_categories"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = visible_agencies(self.for_user)
        self.fields["campaign"].queryset = Campaign.objects.filter(agency__in=agencies)
        self.fields["directives"].queryset = DirectivePage.objects.filter(
            requirements__campaign__agency__in=agencies).distinct().order_by("issue_date")
        self._offer_the_campaigns_directives()
        paths = list(agencies.values_list("path", flat=True))
        unit_q = Q(pk__in=[])
        for prefix in paths:
            unit_q |= Q(path__startswith=prefix)
        self.fields["audience_units"].queryset = OrgUnit.objects.filter(unit_q).order_by("path")

    class Media:
        js = ["learning/admin/session_form.js"]

    def _offer_the_campaigns_directives(self):
        """The directives offered are the chosen campaign's (its requirements): on the page the script
        follows the campaign select through its data-directives map; a chosen campaign (posted or
        the session's own) narrows the choices on the server too."""
        campaigns = self.fields["campaign"].queryset
        pairs = campaigns.values_list("pk", "requirements__directive_id")
        by_campaign: dict[str, list[int]] = {}
        for campaign_id, directive_id in pairs:
            by_campaign.setdefault(str(campaign_id), [])
            if directive_id is not None:
                by_campaign[str(campaign_id)].append(directive_id)
        self.fields["campaign"].widget.attrs["data-directives"] = json.dumps(by_campaign)
        chosen = self.data.get("campaign") if self.is_bound else self.instance.campaign_id
        if chosen and str(chosen) in by_campaign:
            self.fields["directives"].queryset = self.fields["directives"].queryset.filter(
                pk__in=by_campaign[str(chosen)])

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            session_validate(
                campaign=cleaned["campaign"], title=cleaned.get("title", ""), directives=list(cleaned["directives"]),
                start_time=cleaned.get("start_time"), end_time=cleaned.get("end_time"),
                audience_units=cleaned.get("audience_units") or [],
                audience_categories=cleaned.get("audience_categories") or [],
            )
        except DomainError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return cleaned


class ScopedSessionsMixin:
    def get_queryset(self):
        return manageable_sessions(self.request.user)

    def get_base_object_queryset(self):
        return manageable_sessions(self.request.user)


class SessionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return manageable_sessions(self.request.user).annotate(
            attended=Count("attendances", filter=Q(attendances__status__in=[AttendanceStatus.PRESENT,
                                                                             AttendanceStatus.LATE])),
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "title", label=_("Tên hội nghị"), sort_key="title",
                get_url=lambda s: reverse("learning_studysession:attendance", args=[s.pk]),
            ),
            Column("date", label=_("Ngày"), sort_key="date", accessor=lambda s: f"{s.date:%d/%m/%Y}"),
            Column("time", label=_("Thời gian"), accessor=lambda s: (
                f"{s.start_time:%H:%M}–{s.end_time:%H:%M}" if s.start_time and s.end_time else "")),
            Column("location", label=_("Địa điểm")),
            Column("campaign", label=_("Kế hoạch"), accessor="campaign.slug"),
            Column("attended", label=_("Đã dự"), sort_key="attended"),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons += [
            ListingButton(_("Điểm danh"), url=reverse("learning_studysession:attendance", args=[instance.pk]),
                          icon_name="tasks", priority=1),
            ListingButton(_("Trình chiếu mã QR"), url=reverse("session_projector", args=[instance.pk]),
                          icon_name="view", priority=2),
            ListingButton(_("Bản gốc (biên bản, danh sách ký, ảnh)"),
                          url=reverse("learning_studysession:records", args=[instance.pk]), icon_name="doc-full",
                          priority=3),
            ListingButton(_("Danh sách ký tên (PDF)"),
                          url=reverse("learning_studysession:download", args=[instance.pk, "session-signin-sheet"]),
                          icon_name="download", priority=4),
        ]
        return buttons


class SessionCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return session_create(
            campaign=data["campaign"], title=data["title"], date=data["date"], directives=list(data["directives"]),
            start_time=data.get("start_time"), end_time=data.get("end_time"), location=data.get("location", ""),
            online_url=data.get("online_url", ""), presenter=data.get("presenter", ""),
            audience_units=data.get("audience_units") or [], audience_categories=data.get("audience_categories") or [],
            late_grace_minutes=data["late_grace_minutes"], is_makeup=data.get("is_makeup", False),
            actor=self.request.user,
        )

    def get_success_url(self):
        return reverse("learning_studysession:attendance", args=[self.object.pk])


class SessionEditView(ScopedSessionsMixin, generic.EditView):
    def save_instance(self):
        before = session_snapshot(StudySession.objects.get(pk=self.object.pk))
        with transaction.atomic():
            instance = self.form.save()
            session_audit_change(session=instance, before=before, actor=self.request.user)
        return instance


class SessionDeleteView(ScopedSessionsMixin, generic.DeleteView):
    pass


class StudySessionViewSet(ModelViewSet):
    model = StudySession
    name = "learning_studysession"
    url_prefix = "hoi-nghi"
    icon = "calendar-alt"
    menu_label = _("Hội nghị học tập")
    add_to_admin_menu = True
    menu_order = 320
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    search_fields = ["title", "location"]
    ordering = ["-date", "-start_time"]
    filterset_class = campaign_scoped_filterset(StudySession, ["campaign", "is_makeup"])

    def get_form_class(self, for_update=False):
        return StudySessionForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/diem-danh/", admin_sessions.AttendanceGridView.as_view(), name="attendance"),
            path("<int:pk>/nhap-danh-sach/", admin_sessions.SheetImportView.as_view(), name="import"),
            path("<int:pk>/luot-quet/", admin_sessions.CheckinLogView.as_view(), name="checkins"),
            path("<int:pk>/tai/<str:name>", admin_sessions.session_download, name="download"),
            path("<int:pk>/ban-goc/", admin_sessions.SessionRecordsView.as_view(), name="records"),
            path("<int:pk>/ban-goc/<int:record_id>/tep", admin_sessions.record_download, name="record_download"),
        ]


@hooks.register("register_admin_viewset")
def register_sessions():
    return StudySessionViewSet()
