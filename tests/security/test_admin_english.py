"""Every admin page HR, a unit head or an editor can reach reads Vietnamese (#16): the crawl of
test_crawl.py, with each HTML page searched for the English phrases of Wagtail's, Django's and our
own catalogues (tests/security/english.py)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.security import scenario
from tests.security.english import english_on, english_phrases
from tests.security.test_crawl import crawl


@pytest.fixture
def world(db):
    return scenario.build()


def test_the_detector_knows_wagtails_english_and_ours():
    phrases = english_phrases()
    assert {"Sign in", "Save draft", "Page 1 of 2"} & phrases or "Save draft" in phrases
    assert english_on('<p>Trang <span title="Save draft">Lưu</span></p>') == ["Save draft"]
    assert english_on("<p>Lưu bản nháp</p><script>var x = 'Save draft';</script>") == []


@pytest.mark.parametrize("role", ["hr_a", "head_x", "editor"])
def test_no_english_on_any_admin_page(world, role):
    client = Client(raise_request_exception=False)
    client.force_login(world.users[role])
    found: dict[str, list[str]] = {}

    def inspect(url, response):
        if url.startswith("/admin/") and "text/html" in response.get("Content-Type", ""):
            english = english_on(response.content.decode(errors="replace"))
            if english:
                found[url] = english

    visited, failures = crawl(client, starts=("/admin/",), on_page=inspect)
    assert visited > 5 and not failures
    assert not found, "\n".join(f"{url}: {phrases}" for url, phrases in sorted(found.items()))
