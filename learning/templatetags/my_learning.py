"""`{% campaign_card card %}`: one campaign of "Việc học của tôi" rendered once for each set of
values it shows (`CampaignCard.shown`: statuses, dates, readings, offers, days left), content
version, language, host and time zone. The key is the values themselves, so no write has to
invalidate anything: a submitted quiz or a check-in changes the card's values, and the card renders
afresh. Most of the page's template time is these cards; people in the same state share renderings."""

from __future__ import annotations

import threading
from collections import OrderedDict

from django import template
from django.utils import timezone, translation

from courses.content_cache import request_content_version

register = template.Library()

TEMPLATE = "learning/includes/campaign_card.html"
MAX_CARDS = 500  # renderings kept per process (a card of 20 requirements is ≈ 20 kB)

_lock = threading.Lock()
_cards: OrderedDict[tuple, str] = OrderedDict()


@register.simple_tag(takes_context=True)
def campaign_card(context, card):
    request = context.get("request")
    render = context.template.engine.get_template(TEMPLATE).render
    if request is None:
        return render(context.new({"card": card}))
    key = (request_content_version(request), translation.get_language(), request.get_host(), request.is_secure(),
           timezone.get_current_timezone_name(), card.shown)
    with _lock:
        html = _cards.get(key)
        if html is not None:
            _cards.move_to_end(key)
            return html
    html = render(context.new({"card": card, "request": request}))
    with _lock:
        _cards[key] = html
        while len(_cards) > MAX_CARDS:
            _cards.popitem(last=False)
    return html


def forget() -> None:
    """Drop every rendering of this process (tests start from nothing)."""
    with _lock:
        _cards.clear()
