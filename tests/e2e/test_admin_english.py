"""The admin reads Vietnamese once Chromium has run its JavaScript (#16, item 1's "done when").

tests/security/test_admin_english.py searches the HTML the server sends; here Chromium renders each
page as HR, a unit head and an editor see it — the React sidebar, the page editor's side panels
(status, comments, preview, checks), the minimap, the date picker, the bulk-action bar and a chooser
opened by a click — and the same detector (tests/security/english.py) reads `document.body.innerText`
plus the placeholder, title and aria-label texts of what the scripts drew. Wagtail's JavaScript takes
its strings from /admin/jsi18n/ (i18n/upstream/…/djangojs.po) and from wagtailConfig.STRINGS.

The pages: one of each kind the crawl of tests/security/test_crawl.py reaches from /admin/ (the first
path segment and whether it is a list, an add or edit form, or another view), at most MAX_PAGES per role.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.e2e.conftest import login
from tests.security import scenario
from tests.security.english import english_on
from tests.security.test_crawl import crawl

pytestmark = pytest.mark.django_db(transaction=True)

MAX_PAGES = 45
# What the scripts drew: the visible text and the texts read aloud or shown on hover.
READ_PAGE = """() => {
    const attrs = [...document.querySelectorAll('[placeholder],[title],[aria-label],[alt]')]
        .filter(el => el.offsetParent !== null || el.getClientRects().length)
        .flatMap(el => ['placeholder', 'title', 'aria-label', 'alt'].map(a => el.getAttribute(a)).filter(Boolean));
    return document.body.innerText + '\\n' + attrs.join('\\n');
}"""


def _kind(url: str) -> tuple[str, str]:
    path = urlsplit(url).path
    parts = [p for p in path.split("/") if p][1:]  # after "admin"
    last = parts[-1] if parts else ""
    kind = "edit" if last == "edit" or "edit" in parts else "add" if last in ("add", "new") else (
        "item" if re.search(r"\d", path) else "list")
    return (parts[0] if parts else "", kind)


def admin_pages(user) -> list[str]:
    """One admin page of each kind the role reaches by following links (the server-side crawl)."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    pages: dict[tuple[str, str], str] = {}

    def keep(url, response):
        if url.startswith("/admin/") and "text/html" in response.get("Content-Type", ""):
            pages.setdefault(_kind(url), url)

    crawl(client, starts=("/admin/",), on_page=keep)
    return list(pages.values())[:MAX_PAGES]


def english_in_browser(page) -> list[str]:
    return english_on(html.escape(page.evaluate(READ_PAGE)))


def visit(page, base: str, url: str, found: dict[str, list[str]]) -> None:
    response = page.goto(base + url, wait_until="networkidle")
    assert response is None or response.status < 500, url
    english = english_in_browser(page)
    if english:
        found[url] = english


def click_all(page, selector: str, url: str, found: dict[str, list[str]], what: str, *, limit: int = 6,
              close: bool = False) -> int:
    """Click each matching control and read the page after each click (a panel, a menu, a modal)."""
    clicked = 0
    for button in page.locator(selector).all()[:limit]:
        if not button.is_visible():
            continue
        button.click(timeout=5_000)
        page.wait_for_timeout(400)
        clicked += 1
        english = english_in_browser(page)
        if english:
            found[f"{url} ({what} {clicked})"] = english
        if close:
            page.keyboard.press("Escape")  # an open menu covers the next control
    return clicked


@pytest.fixture
def world():
    return scenario.build()


@pytest.mark.parametrize("role", ["hr_a", "head_x", "editor"])
def test_no_english_in_the_rendered_admin(world, role, live_server, page):
    user = world.users[role]
    urls = admin_pages(user)
    assert len(urls) >= 5, urls
    login(page, live_server, user.username)
    found: dict[str, list[str]] = {}
    for url in urls:
        visit(page, live_server.url, url, found)
        # Lists: tick a row for the bulk-action bar and open the filters and the "more" menus.
        if page.locator("input[data-bulk-action-checkbox]").count():
            page.locator("input[data-bulk-action-checkbox]").first.check()
            page.wait_for_timeout(300)
            english = english_in_browser(page)
            if english:
                found[f"{url} (bulk actions)"] = english
        click_all(page, "main [data-controller~='w-dropdown'] > button", url, found, "menu", limit=2, close=True)
        # Date fields: the calendar draws month and weekday names from wagtailConfig.
        date_input = page.locator("input[data-controller~='w-date'], input.admin-date, input[type=text][name$=date]")
        if date_input.count() and date_input.first.is_visible():
            date_input.first.click()
            page.wait_for_timeout(300)
            english = english_in_browser(page)
            if english:
                found[f"{url} (calendar)"] = english
            page.keyboard.press("Escape")
    assert not found, "\n".join(f"{url}: {phrases}" for url, phrases in sorted(found.items()))


def test_the_page_editor_its_panels_and_a_chooser_read_vietnamese(world, live_server, page, screenshot):
    """The editor's React parts on a directive: side panels (status, comments, preview, checks), the
    minimap, the action menu, the StreamField's block menu, the date picker and the document chooser."""
    login(page, live_server, world.users["editor"].username)
    found: dict[str, list[str]] = {}
    url = f"/admin/pages/{world.directive.pk}/edit/"
    visit(page, live_server.url, url, found)
    assert click_all(page, "[data-side-panel-toggle]", url, found, "side panel") >= 2
    click_all(page, "[data-minimap-toggle], button.w-minimap__toggle", url, found, "minimap")
    click_all(page, "footer [data-controller~='w-dropdown'] > button", url, found, "action menu", close=True)
    assert click_all(page, "button[title='Chèn một khối'], .c-sf-add-button", url, found, "block menu",
                     limit=1, close=True) >= 1
    page.locator("input[name=issue_date]").click()
    page.wait_for_timeout(300)
    if english := english_in_browser(page):
        found[f"{url} (calendar)"] = english
    page.keyboard.press("Escape")
    # A new comment on a field: the comment form and its buttons come from the comments app's strings.
    page.locator("button.w-field__comment-button[aria-describedby='id_issue_date-label']").dispatch_event("click")
    page.wait_for_timeout(400)
    if english := english_in_browser(page):
        found[f"{url} (new comment)"] = english
    screenshot(page, "admin-english-page-editor", full_page=False)
    # A chooser opened by a click: the original document's.
    page.locator("[data-chooser-action-choose]").first.click()
    page.locator(".modal.show, [role=dialog]:visible").first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    if english := english_in_browser(page):
        found[f"{url} (chooser)"] = english
    screenshot(page, "admin-english-chooser", full_page=False)
    assert not found, "\n".join(f"{url}: {phrases}" for url, phrases in sorted(found.items()))
