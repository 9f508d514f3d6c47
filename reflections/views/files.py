"""Serving a reflection's uploaded file: always a download, never cached by a shared cache."""

from __future__ import annotations

from django.http import FileResponse, Http404


def file_response(reflection) -> FileResponse:
    if not reflection.file:
        raise Http404
    try:
        handle = reflection.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=reflection.file_name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
