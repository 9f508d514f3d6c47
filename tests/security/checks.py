"""Running the rules: building each request, and telling a refusal from a page that was served."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from tests.security import scenario as sc
from tests.security.rules import Rule

MARKERS = {
    # what each attacker must never read
    "anonymous": (sc.VICTIM_NAME, sc.VICTIM_CODE, sc.CAMPAIGN_A_TITLE, sc.CRITERION_A_TEXT),
    "peer": (sc.VICTIM_NAME, sc.VICTIM_CODE),
    "head_x": (sc.VICTIM_NAME, sc.VICTIM_CODE),
    "hr_b": (sc.VICTIM_NAME, sc.VICTIM_CODE, sc.CAMPAIGN_A_TITLE, sc.CRITERION_A_TEXT),
}


def requests_for(name: str, rule: Rule, s) -> list[tuple[str, str, dict]]:
    """(method, url, data) of the rule and of each of its variants."""
    out = []
    for kwargs, query in [(rule.kwargs(s), rule.query(s)), *[v(s) for v in rule.variants]]:
        base = rule.kwargs(s)
        if isinstance(base, tuple):  # a regex pattern with positional groups
            url = reverse(name, args=base)
        else:
            url = reverse(name, kwargs={**base, **kwargs} or None)
        out.append((rule.method, f"{url}?{query}" if query else url, rule.data(s)))
    return out


def is_refusal(response) -> bool:
    """403/404, or a redirect to a login page, or Wagtail's "no permission" bounce to the admin home."""
    if response.status_code in (403, 404):
        return True
    if response.status_code in (301, 302):
        location = response["Location"].split("?")[0]
        logins = {resolve_url(settings.LOGIN_URL), reverse("wagtailadmin_login")}
        return location in logins or location == reverse("wagtailadmin_home")
    return False


def body_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":  # xlsx / zip: the text of every member
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                content = b"".join(archive.read(n) for n in archive.namelist())
        except zipfile.BadZipFile:
            pass
    text = content.decode("utf-8", errors="replace")
    # JSON escapes non-ASCII; compare with the unescaped text too.
    if "\\u" in text:
        try:
            text += content.decode("unicode_escape", errors="replace")
        except Exception:  # noqa: BLE001 - best effort for the marker search only
            pass
    return text


def leaks(response, markers) -> list[str]:
    if response.status_code != 200:
        return []
    text = body_text(response)
    return [m for m in markers if m in text]
