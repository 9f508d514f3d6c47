"""What an uploaded file is, by its first bytes (magic numbers), not by its name (issue 13, L10).

A PE executable renamed `.pdf` was accepted as a proof. `content_matches(upload, extension)` is
the one check every upload uses: the file's first bytes must be those of the type its extension
claims. Office documents are ZIP (docx, xlsx, odt, ods) or OLE (doc) containers; a CSV is text
(UTF-8, no NUL, not starting like a known binary)."""

from __future__ import annotations

from pathlib import PurePath

HEAD_BYTES = 64

ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": ZIP, "xlsx": ZIP, "odt": ZIP, "ods": ZIP,
    "doc": OLE,
}
# Starts of files that are never a text table: executables, archives, images, documents.
BINARY_STARTS = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"PK\x03\x04", b"%PDF-",
                 b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")
HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1"}


def head_of(upload) -> bytes:
    """The first bytes of an uploaded file (bytes or a file object), leaving its position at 0."""
    if isinstance(upload, bytes | bytearray):
        return bytes(upload[:HEAD_BYTES])
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def content_matches(head: bytes, extension: str) -> bool:
    """Whether `head` (a file's first bytes) is what `extension` claims. Unknown extensions never match."""
    extension = extension.lower().lstrip(".")
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if extension == "heic":
        return head[4:8] == b"ftyp" and head[8:12] in HEIC_BRANDS
    if extension == "webm":  # an EBML header whose DocType is webm (Matroska's web profile)
        return head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head
    if extension in ("mp4", "m4v"):  # an ISO media file: the ftyp box first
        return head[4:8] == b"ftyp"
    if extension == "vtt":  # WebVTT captions: the magic word, after an optional BOM
        text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
        return text.startswith(b"WEBVTT") and text[6:7] in (b"", b" ", b"\t", b"\n", b"\r")
    if extension == "csv":
        text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
        return not text.startswith(BINARY_STARTS) and b"\x00" not in text
    return False


def upload_matches_name(upload, name: str | None = None) -> bool:
    """`content_matches` for an uploaded file and its (or the given) name."""
    name = name or getattr(upload, "name", "") or ""
    return content_matches(head_of(upload), PurePath(name).suffix)
