"""Media for runserver (DEBUG only; in production the web server serves only image renditions,
docs/deployment.md): everything under MEDIA_ROOT except `private/`, which is the private storage
of files served by permission-checking views (learning/storage.py)."""

from __future__ import annotations

import posixpath

from django.http import Http404
from django.views.static import serve


def public_media(request, path, document_root=None, show_indexes=False):
    # normalised first, as serve() does, so that "images/../private/…" is refused too
    if posixpath.normpath(path).lstrip("/").split("/")[0] == "private":
        raise Http404
    return serve(request, path, document_root=document_root, show_indexes=show_indexes)
