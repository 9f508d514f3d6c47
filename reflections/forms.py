"""Forms of the learner's and the grader's pages (the services check everything again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reflections.models import FILE_EXTENSIONS
from reflections.services.grading import MAX_COMMENT_CHARS
from reflections.services.writing import MAX_TEXT_CHARS


class ReflectionForm(forms.Form):
    text = forms.CharField(label=_("Nội dung bài thu hoạch"), required=False, max_length=MAX_TEXT_CHARS,
                           widget=forms.Textarea(attrs={"rows": 16, "class": "reflection-text"}))
    file = forms.FileField(label=_("Hoặc tải lên tệp bài viết"), required=False,
                           help_text=_("PDF, Word (.doc, .docx), .odt hoặc ảnh chụp (.jpg, .png)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in FILE_EXTENSIONS)}))
    remove_file = forms.BooleanField(label=_("Bỏ tệp đã tải lên"), required=False)


class GradeForm(forms.Form):
    DECISIONS = (("passed", _("Đạt")), ("failed", _("Chưa đạt")), ("returned", _("Trả lại để sửa")))

    decision = forms.ChoiceField(label=_("Kết quả"), choices=DECISIONS, widget=forms.RadioSelect)
    score = forms.DecimalField(label=_("Điểm"), required=False, min_value=0, max_digits=5, decimal_places=2)
    comment = forms.CharField(label=_("Nhận xét"), required=False, max_length=MAX_COMMENT_CHARS,
                              widget=forms.Textarea(attrs={"rows": 4}))
