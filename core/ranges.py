"""Serving a stored file with HTTP byte ranges (RFC 9110 §14), which Django's FileResponse does not
do: a phone on a slow connection fetches a video's first bytes, then the part it plays or seeks to,
instead of the whole file (docs/video.md).

One range per request (`bytes=a-b`, `bytes=a-`, `bytes=-n`); a request for several ranges, or a
malformed header, gets the whole file (200), as the RFC allows. A range starting past the end is
416 with `Content-Range: bytes */size`. The ETag identifies the file's content, so `If-None-Match`
gives 304 and a stale `If-Range` gives the whole file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Unsatisfiable(ValueError):
    pass


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte, inclusive, of a single-range header; None for "send it all"."""
    match = _RANGE.match((header or "").strip().replace(" ", ""))
    if not match or not any(match.groups()):
        return None
    first, last = match.groups()
    if not first:  # the last n bytes
        length = int(last)
        if length == 0 or size == 0:
            raise Unsatisfiable(header)
        return max(0, size - length), size - 1
    start = int(first)
    if last and int(last) < start:
        return None  # not a valid range: ignored
    if start >= size:
        raise Unsatisfiable(header)
    return start, min(int(last), size - 1) if last else size - 1


def ranged_file_response(request: HttpRequest, field_file, *, content_type: str, etag: str,
                         cache_control: str = "private, max-age=86400") -> HttpResponse:
    """The file (a Django FieldFile) whole (200) or the one range asked for (206), or 304 / 416."""
    size = field_file.size
    headers = {"Accept-Ranges": "bytes", "ETag": etag, "Cache-Control": cache_control}
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        return HttpResponse(status=304, headers=headers)
    wanted = request.headers.get("Range", "")
    if_range = request.headers.get("If-Range")
    if if_range is not None and if_range.strip() != etag:
        wanted = ""  # the client's copy is of another version: send the current one whole
    try:
        span = parse_range(wanted, size) if wanted else None
    except Unsatisfiable:
        return HttpResponse(status=416, headers={**headers, "Content-Range": f"bytes */{size}"})
    start, end = span if span else (0, size - 1)
    length = max(0, end - start + 1)
    body = iter(()) if request.method == "HEAD" else _read(field_file, start, length)
    response = StreamingHttpResponse(body, status=206 if span else 200, content_type=content_type,
                                     headers={**headers, "Content-Length": str(length)})
    if span:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def _read(field_file, start: int, length: int) -> Iterator[bytes]:
    handle = field_file.storage.open(field_file.name, "rb")
    try:
        handle.seek(start)
        while length > 0:
            chunk = handle.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()
