"""Downloading the proof file of a manual evidence record, with an object-level check: the files
are in the private storage (no URL), so this view is the only way to them (docs/security.md)."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from learning.selectors.evidence import readable_proofs


@login_required
@require_GET
def proof(request, pk: int):
    evidence = readable_proofs(request.user).filter(pk=pk).first()
    if evidence is None:
        raise Http404  # someone else's proof looks exactly like one that does not exist
    try:
        handle = evidence.proof.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    # always a download (an uploaded .html/.svg never renders in our origin), never kept by a shared cache
    response = FileResponse(handle, as_attachment=True, filename=PurePosixPath(evidence.proof.name).name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
