"""Published content kept in memory between requests (issue 17 item 2): what no learner changes —
lesson lists per directive, a course's lessons, the library's filter values — is built once per
content version, not per page view, and so are pages' URLs (`courses.templatetags.content_urls`).

The version lives in the shared cache (Django's, the database table in production), so every
worker sees a publication: the receivers below bump it on Wagtail's page_published and
page_unpublished, and when a page is moved or deleted. Each process keeps its values under the
version it read and drops them all when it changes; any save of a page (or a site) bumps it too (pages the
demo or an import create are saved live, never "published"), and so does any save of a document or
an image (a cached lesson body shows them), and any save or deletion of a page's view restriction.
A value is read once per call and callers get copies of
the pages (views set per-person attributes on them, e.g. `lesson.reading`)."""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "courses:content-version"
T = TypeVar("T")

_lock = threading.Lock()
_values: dict[Hashable, object] = {}
_version: list[int | None] = [None]
_pinned: ContextVar[int | None] = ContextVar("courses_content_version", default=None)


def content_version() -> int:
    pinned = _pinned.get()
    if pinned is not None:
        return pinned
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


@contextmanager
def content_version_pinned(request=None):
    """Read the version once for a whole view (the shared cache is a database table: one query per
    read, and a page looks up several values); a change made meanwhile unpins it. With `request`,
    its template (rendered later, as Wagtail's responses are) reads the same version."""
    version = content_version() if request is None else request_content_version(request)
    token = _pinned.set(version)
    try:
        yield
    finally:
        _pinned.reset(token)


def request_content_version(request) -> int:
    """`content_version()` read once per request (the shared cache is a database table: one query
    per read), for pages that look up many values."""
    version = getattr(request, "_content_version", None)
    if version is None:
        version = request._content_version = content_version()
    return version


def content_cached(key: Hashable, build: Callable[[], T], *, version: int | None = None) -> T:
    """The value built for `key` under the current content version (built now when missing);
    `version`: that version, when the caller has just read it (`request_content_version`)."""
    version = content_version() if version is None else version
    with _lock:
        if _version[0] != version:
            _values.clear()
            _version[0] = version
        if key in _values:
            return _values[key]  # type: ignore[return-value]
    value = build()
    with _lock:
        if _version[0] == version:
            _values[key] = value
    return value


def page_copies(pages: list) -> list:
    """Shallow copies: a view may set attributes on a page without another request seeing them."""
    return [page_copy(page) for page in pages]


def page_copy(page):
    """`copy.copy(page)` without its pickling round trip (Model.__reduce__ and the version check,
    a third of a learner page's copying): the same attributes and own `_state` and related cache."""
    clone = page.__class__.__new__(page.__class__)
    clone.__dict__ = page.__dict__.copy()
    clone._state = copy.copy(page._state)
    clone._state.fields_cache = page._state.fields_cache.copy()
    return clone


def content_changed(sender=None, instance=None, **kwargs) -> None:
    """A page changed: bump the version now (this transaction's own reads) and again once it
    commits (a request that read the old content meanwhile cached it under the first bump)."""
    if instance is not None and not isinstance(instance, _watched_classes()):
        return  # post_save/post_delete of any other model
    _bump()
    transaction.on_commit(_bump)


def _watched_classes():
    """Pages, sites (a site's host or root changes the pages' URLs), pages' view restrictions
    (`courses.models.CachedViewRestrictionsMixin`), and the documents and images a cached lesson
    body links or shows (`{% content_fragment %}`)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site

    return Page, Site, PageViewRestriction, get_document_model(), get_image_model()


def forget() -> None:
    """Drop every value of this process (tests start from nothing)."""
    with _lock:
        _values.clear()
        _version[0] = None


def _bump() -> None:
    _pinned.set(None)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): any new value invalidates
        cache.set(VERSION_KEY, content_version() + 1, timeout=None)
    with _lock:
        _values.clear()
        _version[0] = None


def connect() -> None:
    """Wired from CoursesConfig.ready(): Wagtail's publication signals, and any save, move or
    deletion of a page (pages created in code — the demo, imports — are saved live, never published)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(content_changed, dispatch_uid="courses-content-published")
    page_unpublished.connect(content_changed, dispatch_uid="courses-content-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="courses-content-moved")
    post_save.connect(content_changed, dispatch_uid="courses-content-saved")
    post_delete.connect(content_changed, dispatch_uid="courses-content-deleted")
