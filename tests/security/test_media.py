"""L12: runserver's media serving (DEBUG) serves image renditions only, as nginx does in production:
HR evidence documents, exports and the private storage are never served by path."""

from __future__ import annotations

import importlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.test import RequestFactory
from django.urls import resolve
from wagtail.documents.models import Document

from config.media import public_media

pytestmark = pytest.mark.django_db


def test_l12_runserver_serves_image_renditions_only(settings):
    """Before: /media/documents/<hr evidence>.pdf was served to anyone by runserver."""
    document = Document.objects.create(title="Minh chứng HR", file=ContentFile(b"%PDF-1.4 hr", name="bien-ban.pdf"))
    default_storage.save("images/anh.width-400.png", ContentFile(b"\x89PNG public"))
    for name in ("exports/bao-cao.xlsx", "original_images/anh.png", "evidence_packs/ho-so.zip", "private/x.pdf"):
        default_storage.save(name, ContentFile(b"secret"))
    request = RequestFactory().get("/media/")
    served = public_media(request, "images/anh.width-400.png", document_root=settings.MEDIA_ROOT)
    assert served.status_code == 200
    refused = [document.file.name, "exports/bao-cao.xlsx", "original_images/anh.png", "evidence_packs/ho-so.zip",
               "private/x.pdf", "images/../documents/" + document.file.name.split("/")[-1], "images", "images/"]
    for name in refused:
        with pytest.raises(Http404):
            public_media(request, name, document_root=settings.MEDIA_ROOT)


def test_runserver_media_urls_go_through_that_view(settings):
    import config.urls

    settings.DEBUG = True
    try:
        urls = importlib.reload(config.urls)
        match = resolve("/media/documents/bien-ban.pdf", urlconf=urls)
        assert match.func is public_media
    finally:
        settings.DEBUG = False
        importlib.reload(config.urls)
