"""Media for runserver (DEBUG only): the same as the web server serves in production
(docs/deployment.md), image renditions under `images/` and nothing else. Everything else under
MEDIA_ROOT — Wagtail documents (HR evidence), exports, evidence packs, certificate batches, imports
awaiting confirmation, and the private storage (`private/`, proofs) — is served only by the views
that check who is asking (`/documents/…`, the download views, `/minh-chung/<id>/tep/`), or not at all
(docs/security.md, finding L12)."""

from __future__ import annotations

import posixpath

from django.http import Http404
from django.views.static import serve

PUBLIC_MEDIA_DIRS = frozenset({"images"})  # Wagtail's renditions


def public_media(request, path, document_root=None, show_indexes=False):
    # normalised first, as serve() does, so that "images/../documents/…" is refused too
    parts = posixpath.normpath(path).lstrip("/").split("/")
    if len(parts) < 2 or parts[0] not in PUBLIC_MEDIA_DIRS:
        raise Http404
    return serve(request, path, document_root=document_root, show_indexes=False)
