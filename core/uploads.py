"""The one upload → preview → apply flow of every admin import (roster, attendance sheets, question
banks, paper results, campaigns, scoring criteria).

1. The form is posted with the file: the file is kept in the default storage under a random name
   recorded in the user's session (so the confirmation applies exactly the previewed file, never
   data sent back by the browser, and works behind several web processes sharing the storage);
2. the import runs with `dry_run=True`: the page shows what would change, or every problem with its
   row and column (`ImportRefused`, or any `DomainError` refusing the whole file), and nothing is written;
3. "Áp dụng" posts the session's token: the same import runs for real. If the data changed since
   the preview and the import is now refused, the problems are shown and nothing is written.
Uploads previewed but never applied nor cancelled are removed after a day.

A subclass gives `form_class`, `template_name`, `upload_key` (one pending upload per key and
user), `options(form)` (what besides the file the import needs, JSON-serialisable), `run(data,
filename, options, dry_run, actor)` and `applied(result, options)` (the success message and where
to go); `may_upload(request)` guards the view.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import DomainError, Problem
from core.files import upload_matches_name

UPLOAD_DIR = "import-uploads"
STALE_AFTER = dt.timedelta(days=1)
SPREADSHEETS = (".xlsx", ".csv")


def spreadsheet_upload(upload, *, suffixes: tuple[str, ...] = SPREADSHEETS):
    """Form validation shared by the import forms: known extension, size, and content that is what
    the extension says (core.files)."""
    if Path(upload.name).suffix.lower() not in suffixes:
        raise forms.ValidationError(_("Chỉ nhận tệp %(types)s.") % {"types": ", ".join(suffixes)})
    if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise forms.ValidationError(_("Tệp quá lớn."))
    if not upload_matches_name(upload):  # by its first bytes, not its name (issue 13, L10)
        raise forms.ValidationError(_("Nội dung tệp không đúng với đuôi %(suffix)s.")
                                    % {"suffix": Path(upload.name).suffix.lower()})
    return upload


def purge_stale_uploads(*, now: dt.datetime | None = None) -> int:
    """Remove uploads previewed but never applied nor cancelled; returns how many."""
    try:
        _dirs, files = default_storage.listdir(UPLOAD_DIR)
    except (FileNotFoundError, NotImplementedError):
        return 0
    cutoff = (now or timezone.now()) - STALE_AFTER
    removed = 0
    for name in files:
        path = f"{UPLOAD_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
        except (FileNotFoundError, NotImplementedError):
            continue
    return removed


def _problems(error: DomainError) -> list[Problem]:
    """An import's problems, row by row; a refusal of the whole file is one problem."""
    return list(error.problems) or [Problem(str(error))]


class UploadPreviewApplyView(WagtailAdminTemplateMixin, View):
    form_class: type[forms.Form]
    upload_key: str
    expired_message = _("Phiên nhập đã hết hạn hoặc đã được áp dụng. Hãy tải tệp lên lại.")

    # --- what a subclass gives -----------------------------------------------------------------

    def may_upload(self, request) -> bool:
        raise NotImplementedError

    def form_kwargs(self) -> dict[str, Any]:
        return {}

    def options(self, form) -> dict[str, Any]:
        return {}

    def run(self, *, data: bytes, filename: str, options: dict, dry_run: bool, actor=None):
        raise NotImplementedError

    def applied(self, result, options: dict) -> tuple[str, str]:
        """(success message, URL to go to) after a real import."""
        raise NotImplementedError

    def preview_context(self, result, options: dict, data: bytes) -> dict[str, Any]:
        return {}

    # --- the flow -------------------------------------------------------------------------------

    def dispatch(self, request, *args, **kwargs):
        if not self.may_upload(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def session_key(self) -> str:
        return f"upload:{self.upload_key}"

    def pending(self) -> dict | None:
        return self.request.session.get(self.session_key())

    def discard(self) -> None:
        pending = self.request.session.pop(self.session_key(), None)
        if pending and default_storage.exists(pending["path"]):
            default_storage.delete(pending["path"])

    def _read(self, pending: dict) -> bytes:
        with default_storage.open(pending["path"], "rb") as stored:
            return stored.read()

    def _run(self, pending: dict, *, dry_run: bool, actor=None):
        return self.run(data=self._read(pending), filename=pending["filename"], options=pending["options"],
                        dry_run=dry_run, actor=actor)

    def get(self, request, *args, **kwargs):
        self.discard()
        return self.render(form=self.form_class(**self.form_kwargs()))

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "apply":
            return self.apply(request)
        form = self.form_class(request.POST, request.FILES, **self.form_kwargs())
        if not form.is_valid():
            return self.render(form=form)
        self.discard()
        purge_stale_uploads()
        upload = form.cleaned_data["file"]
        path = default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}{Path(upload.name).suffix.lower()}",
                                    ContentFile(upload.read()))
        pending = {"token": uuid.uuid4().hex, "path": path, "filename": upload.name, "options": self.options(form)}
        request.session[self.session_key()] = pending
        try:
            result = self._run(pending, dry_run=True)
        except DomainError as refused:
            self.discard()
            return self.render(form=self.form_class(**self.form_kwargs()), problems=_problems(refused),
                               filename=upload.name)
        return self.render(result=result, pending=pending,
                           **self.preview_context(result, pending["options"], self._read(pending)))

    def apply(self, request) -> HttpResponse:
        pending = self.pending()
        if not pending or request.POST.get("token") != pending["token"]:
            messages.error(request, self.expired_message)
            return redirect(request.path)
        try:
            result = self._run(pending, dry_run=False, actor=request.user)
        except DomainError as refused:
            # The data changed since the preview (another import, an edit): show why, keep nothing.
            self.discard()
            return self.render(form=self.form_class(**self.form_kwargs()), problems=_problems(refused),
                               filename=pending["filename"])
        self.discard()
        message, url = self.applied(result, pending["options"])
        messages.success(request, message)
        return redirect(url)

    def render(self, **context) -> HttpResponse:
        return self.render_to_response(self.get_context_data(**context))
