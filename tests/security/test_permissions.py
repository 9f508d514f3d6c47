"""Permission tests generated from the URL list (issue 8, item 3).

Every URL of ours (tests/security/urlwalk.py) must have a rule in tests/security/rules.py; each
rule's URL is requested as every attacker — anonymous, a peer learner of unit Y, the head of
unit X, HR of agency B — with the path filled by objects of agency A / unit Y / the victim. An
attacker in the rule's `deny` set must be refused (403/404/redirect to login); any page served
to an attacker must not contain what that attacker may not read (the victim's name and code;
for outsiders of agency A also its campaign and criteria). HR of agency A (or the victim, for
their own things) is the positive control: never refused, so the paths really point somewhere.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.security import scenario
from tests.security.checks import MARKERS, is_refusal, leaks, requests_for
from tests.security.rules import ATTACKERS, KNOWN_GAPS, PUBLIC, RULES
from tests.security.urlwalk import our_routes

pytestmark = pytest.mark.django_db


def test_every_url_is_classified():
    names = {route.name for route in our_routes()}
    unnamed = [route.pattern for route in our_routes() if not route.name]
    assert not unnamed, f"URLs without a name cannot be classified: {unnamed}"
    missing = sorted(names - set(RULES))
    assert not missing, f"new URLs without a permission rule in tests/security/rules.py: {missing}"
    stale = sorted(set(RULES) - names)
    assert not stale, f"rules for URLs that no longer exist: {stale}"


def test_public_urls_say_why():
    for name, rule in RULES.items():
        if rule.access == PUBLIC:
            assert rule.reason, f"{name}: a public URL needs a reason"
        else:
            assert "anonymous" in rule.deny, f"{name}: only public URLs may serve anonymous visitors"


def _client(s, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(s.users[role])
    return client


def _send(client, method, url, data, user=None):
    if user is not None and "_auth_user_id" not in client.session:
        client.force_login(user)  # the logout URL (or a password change) ended the previous session
    try:
        return client.post(url, data) if method == "post" else client.get(url), None
    except Exception as exc:  # noqa: BLE001 - a crash is a finding, reported with the others
        return None, f"{type(exc).__name__}: {exc}"


@pytest.mark.parametrize("role", ATTACKERS)
def test_attackers_are_refused_and_read_nothing(role):
    s = scenario.build()
    client = _client(s, role)
    user = s.users.get(role)
    problems, gaps_seen = [], set()
    for name, rule in RULES.items():
        gap = (role, name) in KNOWN_GAPS
        for method, url, data in requests_for(name, rule, s):
            response, error = _send(client, method, url, data, user)
            if error:
                problems.append(f"{method.upper()} {url}: {error}")
                continue
            if role in rule.deny and not is_refusal(response):
                problems.append(f"{method.upper()} {url} [{name}]: {response.status_code}, expected a refusal")
            elif rule.access != PUBLIC:
                found = leaks(response, MARKERS[role])
                if found and gap:
                    gaps_seen.add(name)
                elif found:
                    problems.append(f"{method.upper()} {url} [{name}]: shows {found}")
            if response.status_code >= 500:
                problems.append(f"{method.upper()} {url} [{name}]: server error {response.status_code}")
    fixed = {name for (who, name) in KNOWN_GAPS if who == role} - gaps_seen
    assert not fixed, f"known gaps no longer seen (remove them from KNOWN_GAPS): {sorted(fixed)}"
    assert not problems, f"{role}:\n" + "\n".join(problems)


def test_owners_are_served():
    """The positive control: the paths are right, so the refusals above mean something."""
    s = scenario.build()
    clients = {}
    problems = []
    for name, rule in RULES.items():
        if rule.owner is None:
            continue
        client = clients.setdefault(rule.owner, _client(s, rule.owner))
        for method, url, data in requests_for(name, rule, s):
            response, error = _send(client, method, url, data, s.users[rule.owner])
            if error:
                problems.append(f"{rule.owner} {url}: {error}")
            elif is_refusal(response) or response.status_code >= 500:
                problems.append(f"{rule.owner} {method.upper()} {url} [{name}]: {response.status_code}")
    assert not problems, "\n".join(problems)
