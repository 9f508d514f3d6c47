"""Every page a role can reach by following links answers without a server error.

For each role of the permission scenario (learner, unit head, HR, editor, superuser without a staff
profile) the crawl starts at the site's home and the admin's, follows every same-site link of every
HTML page it gets, and asks each distinct page once (a path with the same query keys counts once,
and so do paths that differ only by numbers: pagination, filters and ids do not multiply it). Any 5xx — or an exception escaping a view — fails the
test with the pages that produced it."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.security import scenario

HREF = re.compile(r'href="([^"#][^"]*)"')
MENU_URL = re.compile(r'"url":\s*"(/[^"]*)"')  # Wagtail's sidebar menu comes as JSON props
NUMBER = re.compile(r"\d+")
SKIP = ("/dang-xuat", "/admin/logout", "/static/", "/media/", "/i18n/", "/admin/jsi18n")
MAX_PAGES = 500


def _key(url: str) -> tuple[str, tuple[str, ...]]:
    parts = urlsplit(url)
    return NUMBER.sub("N", parts.path), tuple(sorted({k for k, _v in parse_qsl(parts.query)}))


def _links(html: str):
    for href in [*HREF.findall(html), *MENU_URL.findall(html)]:
        href = urldefrag(href.replace("&amp;", "&"))[0]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not href.startswith("/"):
            continue
        if href.startswith(SKIP):
            continue
        yield href


def crawl(client: Client, starts=("/", "/admin/"), on_page=None) -> tuple[int, list[str]]:
    """(pages visited, failures); `on_page(url, response)` sees every page served."""
    seen, queue, failures, visited = set(), list(starts), [], 0
    while queue and visited < MAX_PAGES:
        url = queue.pop(0)
        key = _key(url)
        if key in seen:
            continue
        seen.add(key)
        visited += 1
        try:
            response = client.get(url)
        except Exception as exc:  # noqa: BLE001 - a crash is reported with the others
            failures.append(f"{url}: {type(exc).__name__}: {exc}")
            continue
        if response.status_code >= 500:
            failures.append(f"{url}: {response.status_code}")
            continue
        if on_page is not None and response.status_code == 200:
            on_page(url, response)
        if response.status_code in (301, 302) and response.get("Location", "").startswith("/"):
            queue.append(response["Location"])
            continue
        if "text/html" in response.get("Content-Type", "") and not getattr(response, "streaming", False):
            queue.extend(_links(response.content.decode(errors="replace")))
    return visited, failures


@pytest.fixture
def world(db):
    s = scenario.build()
    s.users["superuser"] = get_user_model().objects.create_superuser("root", "root@example.vn", "x")
    return s


@pytest.mark.parametrize("role", ["victim", "head_x", "hr_a", "editor", "superuser"])
def test_no_reachable_page_fails(world, role):
    client = Client(raise_request_exception=False)
    client.force_login(world.users[role])
    visited, failures = crawl(client)
    assert visited > 5, "the crawl reached almost nothing: is login or the home page broken?"
    assert not failures, "\n".join(failures)
