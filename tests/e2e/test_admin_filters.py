"""Filter bars of our own admin lists do not overlap, at 1366 px and on a 390 px phone (#16 item 5):
no two controls of a filter form cover each other and none runs past the screen's right edge."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.e2e.conftest import login
from tests.security import scenario

pytestmark = pytest.mark.django_db(transaction=True)

# The boxes of a filter form's controls, and the page's width.
BOXES = """(selector) => [...document.querySelectorAll(selector)].map(form =>
    [...form.querySelectorAll('select, input:not([type=hidden]), button')].map(el => {
        const r = el.getBoundingClientRect();
        return {name: el.name || el.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    }))"""
FILTER_FORMS = "form.lh-filter-grid, form.lh-filters"


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1 and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1


@pytest.fixture
def world():
    return scenario.build()


@pytest.mark.parametrize("device", ["page", "phone_page"])
def test_filter_bars_do_not_overlap(request, device, world, live_server, screenshot):
    page = request.getfixturevalue(device)
    if device == "page":
        page.set_viewport_size({"width": 1366, "height": 768})
    login(page, live_server, world.users["hr_a"].username)
    urls = [reverse("learning_campaign:audience", args=[world.campaign.pk]),
            reverse("learning_dashboard:people"), reverse("learning_dashboard:by_unit")]
    width = page.viewport_size["width"]
    for url in urls:
        page.goto(live_server.url + url, wait_until="networkidle")
        forms = page.evaluate(BOXES, FILTER_FORMS)
        assert forms, url
        for controls in forms:
            assert len(controls) >= 2, url
            for i, a in enumerate(controls):
                assert a["right"] <= width + 1, (url, a, width)
                for b in controls[i + 1:]:
                    assert not overlaps(a, b), (url, a, b)
        screenshot(page, f"filters-{url.strip('/').replace('/', '-')}-{width}", full_page=False)
