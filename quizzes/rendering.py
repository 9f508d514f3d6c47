"""Question texts as HTML for the learner's page, by their format.

Texts typed here and plain/markdown texts are escaped, line breaks kept. HTML texts (from Moodle
or GIFT `[html]`) pass through a whitelist: formatting, lists, tables, links (http/https/mailto)
and images carried inside the question (data:image/…), nothing that runs code.
"""

from __future__ import annotations

import html as html_lib

from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from wagtail.whitelist import Whitelister, attribute_rule, check_url

_SAFE_IMAGE_TYPES = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")


def _check_src(value: str) -> str | None:
    if value.startswith(_SAFE_IMAGE_TYPES):
        return value
    checked = check_url(value)
    return checked if checked and checked.startswith(("http://", "https://")) else None


def _dimension(value: str) -> str | None:
    return value if value.isdigit() else None


class _QuestionWhitelister(Whitelister):
    element_rules = {
        **Whitelister.element_rules,
        "img": attribute_rule({"src": _check_src, "alt": True, "width": _dimension, "height": _dimension}),
        "span": attribute_rule({}),
        "div": attribute_rule({}),
        "sub": attribute_rule({}),
        "sup": attribute_rule({}),
        "u": attribute_rule({}),
        "table": attribute_rule({}),
        "thead": attribute_rule({}),
        "tbody": attribute_rule({}),
        "tr": attribute_rule({}),
        "th": attribute_rule({}),
        "td": attribute_rule({}),
    }


def is_html(text_format: str) -> bool:
    return text_format in ("html", "moodle")


def as_html(text: str, text_format: str = "") -> SafeString:
    if is_html(text_format):
        return mark_safe(_QuestionWhitelister().clean(text))  # noqa: S308 - whitelisted above
    return mark_safe(linebreaks(escape(text)).replace("<p>", "<p class=\"qline\">"))  # noqa: S308 - escaped


def as_text(text: str, text_format: str = "") -> str:
    """Plain text of a possibly-HTML fragment (option labels inside a drop-down list)."""
    if not is_html(text_format):
        return text
    from django.utils.html import strip_tags

    return html_lib.unescape(strip_tags(text)).strip()
