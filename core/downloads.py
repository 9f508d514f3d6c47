"""A rendered export as an HTTP download: streamed chunk by chunk when the exporter streams (the
compliance CSV of a whole province's agency), so a download never holds the file in memory."""

from __future__ import annotations

from collections.abc import Iterator

from django.http import HttpResponse, StreamingHttpResponse

from core.exporters import Rendered
from core.spreadsheets import BOM, with_bom


def _with_bom_chunks(chunks: Iterator[bytes], mimetype: str) -> Iterator[bytes]:
    first = True
    for chunk in chunks:
        if first:
            chunk, first = with_bom(chunk, mimetype), False
        yield chunk
    if first and mimetype.startswith("text/csv"):  # nothing at all: the mark alone, as with_bom(b"")
        yield BOM.encode()


def download_response(rendered: Rendered, *, bom: bool = False) -> HttpResponse | StreamingHttpResponse:
    """An attachment named like the file; `bom` marks CSV as UTF-8 for Excel (core.spreadsheets)."""
    if rendered.streamed:
        chunks = rendered.iter_chunks()
        response = StreamingHttpResponse(_with_bom_chunks(chunks, rendered.mimetype) if bom else chunks,
                                         content_type=rendered.mimetype)
    else:
        content = with_bom(rendered.content, rendered.mimetype) if bom else rendered.content
        response = HttpResponse(content, content_type=rendered.mimetype)
    response["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    return response
