"""Wagtail admin wiring of manual evidence (minh chứng thủ công): HR records that someone studied a
directive outside the system, with date, note and an optional proof file. Every write goes through
`learning.services.evidence` (audited); the list is scoped to the user's agency."""

from __future__ import annotations

from pathlib import PurePosixPath

import django_filters
from django import forms
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from core.errors import DomainError
from courses.models import DirectivePage
from learning.models import ManualEvidence
from learning.services.evidence import manual_evidence_delete, manual_evidence_record, manual_evidence_update
from org.selectors.access import administered, visible_employees
from org.wagtail_hooks.org import ScopedMixin, ServiceErrorsOnFormMixin


def scoped_evidence(user):
    return administered(ManualEvidence, user)


class DirectiveField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        subject = obj.subject if len(obj.subject) <= 70 else obj.subject[:69] + "…"
        return f"{obj.number} — {subject}"


def proof_url(evidence: ManualEvidence) -> str:
    """The proof's only link: the download view with the object-level check (no storage URL exists)."""
    return reverse("manual_evidence_proof", args=[evidence.pk]) if evidence.pk and evidence.proof else ""


def proof_filename(evidence: ManualEvidence) -> str:
    return PurePosixPath(evidence.proof.name).name if evidence.proof else ""


class ProofInput(forms.ClearableFileInput):
    """Django's file input links the current file to `file.url`; the private storage has none.
    No "clear" box either: a proof is replaced, or the record deleted (the service keeps the file)."""

    template_name = "learning/admin/widgets/proof_input.html"
    evidence: ManualEvidence | None = None

    def is_initial(self, value):
        return bool(value and getattr(value, "name", ""))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.evidence is not None:
            context["widget"].update(download_url=proof_url(self.evidence), filename=proof_filename(self.evidence))
        return context


def proof_link(evidence: ManualEvidence) -> str:
    return format_html('<a href="{}">{}</a>', proof_url(evidence), proof_filename(evidence)) if evidence.proof else ""


class ManualEvidenceForm(WagtailAdminModelForm):
    employee_code = forms.CharField(label=_("Mã cán bộ"), max_length=32)
    directive = DirectiveField(queryset=DirectivePage.objects.none(), label=_("Văn bản"))

    class Meta:
        model = ManualEvidence
        fields = ["directive", "date", "note", "proof"]
        widgets = {"proof": ProofInput}

    field_order = ["employee_code", "directive", "date", "note", "proof"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directive"].queryset = DirectivePage.objects.order_by("issue_date", "number")
        self.fields["note"].widget.attrs["rows"] = 3
        self.fields["date"].help_text = _("Ngày cán bộ học (ngày hội nghị, lớp bồi dưỡng…), không phải ngày nhập")
        self.fields["proof"].widget.evidence = self.instance
        if self.instance.pk:  # a record for another person or directive is a new record
            self.fields["employee_code"].disabled = True
            self.fields["directive"].disabled = True
            self.initial["employee_code"] = self.instance.employee.employee_code

    def clean(self):
        cleaned = super().clean()
        code = (cleaned.get("employee_code") or "").strip()
        if code and not self.instance.pk:
            self.employee = visible_employees(self.for_user).filter(employee_code__iexact=code).first()
            if self.employee is None:
                self.add_error("employee_code", _("Không có cán bộ mã %(code)s trong cơ quan.") % {"code": code})
        return cleaned


class EvidenceSaveMixin(ServiceErrorsOnFormMixin):
    pass


class ScopedEvidenceMixin(ScopedMixin):
    scope = staticmethod(scoped_evidence)


class ManualEvidenceIndexView(generic.IndexView):
    def get_base_queryset(self):
        return scoped_evidence(self.request.user).select_related("employee", "directive", "recorded_by")


class ManualEvidenceCreateView(EvidenceSaveMixin, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return manual_evidence_record(employee=self.form.employee, directive=data["directive"], date=data["date"],
                                      note=data.get("note", ""), proof=data.get("proof") or None,
                                      actor=self.request.user)


class ManualEvidenceEditView(ScopedEvidenceMixin, EvidenceSaveMixin, generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        # a new upload only (the form has already put it on self.object, so comparing with it says "same")
        proof = data.get("proof")
        return manual_evidence_update(evidence=self.object, date=data["date"], note=data.get("note", ""),
                                      proof=proof if isinstance(proof, UploadedFile) else None,
                                      actor=self.request.user)


class ManualEvidenceDeleteView(ScopedEvidenceMixin, generic.DeleteView):
    def form_valid(self, form):
        try:
            manual_evidence_delete(evidence=self.object, actor=self.request.user)
        except DomainError as exc:
            messages.error(self.request, str(exc))
        else:
            messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())


class ManualEvidenceFilterSet(WagtailFilterSet):
    directive = django_filters.ModelChoiceFilter(
        label=_("Văn bản"), queryset=DirectivePage.objects.order_by("issue_date", "number"))
    date = django_filters.DateFromToRangeFilter(label=_("Ngày học"), widget=DateRangePickerWidget)
    unit = django_filters.CharFilter(label=_("Mã đơn vị"), method="filter_unit")

    class Meta:
        model = ManualEvidence
        fields = ["directive", "date"]

    def filter_unit(self, queryset, name, value):
        return queryset.filter(employee__unit__code__iexact=value.strip()) if value.strip() else queryset


class ManualEvidenceViewSet(ModelViewSet):
    model = ManualEvidence
    add_to_reference_index = False  # records, not content: no reference-index task per save
    name = "learning_manualevidence"
    url_prefix = "minh-chung"
    icon = "doc-full"
    menu_label = _("Minh chứng thủ công")
    menu_order = 300
    copy_view_enabled = False
    index_view_class = ManualEvidenceIndexView
    add_view_class = ManualEvidenceCreateView
    edit_view_class = ManualEvidenceEditView
    delete_view_class = ManualEvidenceDeleteView
    filterset_class = ManualEvidenceFilterSet
    ordering = ["-date", "-id"]
    list_display = [
        Column("employee", label=_("Cán bộ"), accessor="employee"),
        Column("directive", label=_("Văn bản"), accessor="directive.number"),
        Column("date", label=_("Ngày học"), sort_key="date", accessor=lambda e: f"{e.date:%d/%m/%Y}"),
        "note",
        Column("recorded_by", label=_("Người ghi nhận"), accessor="recorded_by"),
        Column("proof", label=capfirst(ManualEvidence._meta.get_field("proof").verbose_name), accessor=proof_link),
    ]
    list_export = ["employee.employee_code", "employee.full_name", "directive.number", "date", "note", "proof",
                   "recorded_by", "recorded_at"]
    export_filename = "minh-chung-thu-cong"

    def get_form_class(self, for_update=False):
        return ManualEvidenceForm


