"""The login throttle: django-axes records every failure; this handler decides who must wait.

Rules (docs/security.md "Logins"), all keyed by the resolved account (`org.auth.login_throttle_key`)
and the client's address (`core.ratelimit.client_ip`, TRUSTED_PROXY_COUNT):

1. **Account + address**: `AXES_FAILURE_LIMIT` failures (10) of one account from one address within
   the cool-off (15 minutes) lock that pair until 15 minutes after the last failure.
2. **Address**: `LOGIN_ADDRESS_FAILURE_LIMIT` failures (50) from one address, whatever the accounts
   (password spraying), lock the address the same way.
3. **Account, from anywhere**: after `LOGIN_ACCOUNT_FAILURE_LIMIT` failures (20) on one account,
   whatever the addresses, each further try must wait an exponential delay after the last failure:
   `LOGIN_BACKOFF_BASE_SECONDS` (30 s), doubling with every further failure, capped at
   `LOGIN_BACKOFF_MAX_SECONDS` (15 minutes). The count expires 24 hours after the last failure.
   Tries refused while waiting are not counted (no password was checked).

A victim can never be locked out for good from another address: a browser that has logged in to the
account before carries a signed **device cookie** (OWASP "device cookies") and is exempt from the
three rules; it has its own counter instead (`AXES_FAILURE_LIMIT` failures within the cool-off make
the cookie untrusted until they expire). A new browser can get the same exemption through an
**unlock link** e-mailed to the account's address from the lockout page (`org.views.accounts`).
"""

from __future__ import annotations

import math
import secrets
import time
from dataclasses import dataclass

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core import signing
from django.core.cache import cache
from django.db.models import Max, Sum
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone

from core.ratelimit import client_ip
from org.auth import login_identity, login_resolve, login_throttle_key

DEVICE_COOKIE = "hoctap_device"
DEVICE_SALT = "org.login_throttle.device"
DEVICE_MAX = 5  # accounts remembered per browser
ACCOUNT_STATE_SECONDS = 24 * 3600


def _setting(name: str, default):
    return getattr(settings, name, default)


@dataclass(frozen=True)
class Lock:
    kind: str  # "pair" (account from this address), "address" (this address), "account" (from anywhere)
    retry_after: int  # seconds

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))


# --- device cookies ------------------------------------------------------------------------------

def _fingerprint(user) -> str:
    """Changes with the password: a password change (after a theft) retires every device cookie."""
    return user.get_session_auth_hash()[:16]


def _device_entries(request) -> list[list]:
    raw = request.COOKIES.get(DEVICE_COOKIE)
    if not raw:
        return []
    max_age = int(_setting("LOGIN_DEVICE_COOKIE_DAYS", 365)) * 86400
    try:
        entries = signing.loads(raw, salt=DEVICE_SALT, max_age=max_age)
    except signing.BadSignature:
        return []
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, list) and len(e) == 3][:DEVICE_MAX]


def device_nonce(request, user) -> str | None:
    """The nonce of this browser's device cookie for `user`, if it has a valid one."""
    if user is None or request is None or not hasattr(request, "COOKIES"):
        return None
    for pk, nonce, fingerprint in _device_entries(request):
        if pk == user.pk and secrets.compare_digest(str(fingerprint), _fingerprint(user)):
            return str(nonce)
    return None


def remember_device(request, response, user) -> None:
    """Add `user` to this browser's device cookie (the most recent accounts first)."""
    kept = [e for e in _device_entries(request) if e[0] != user.pk]
    entries = [[user.pk, secrets.token_urlsafe(12), _fingerprint(user)], *kept][:DEVICE_MAX]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(entries, salt=DEVICE_SALT, compress=True),
        max_age=int(_setting("LOGIN_DEVICE_COOKIE_DAYS", 365)) * 86400,
        secure=bool(_setting("SESSION_COOKIE_SECURE", False)),
        httponly=True,
        samesite="Lax",
    )


UNLOCK_SALT = "org.login_throttle.unlock"
UNLOCK_MINUTES = 30


def unlock_token(user) -> str:
    """The token of an e-mailed unlock link: the account, signed, valid UNLOCK_MINUTES and only
    while the password is unchanged."""
    return signing.dumps({"u": user.pk, "f": _fingerprint(user)}, salt=UNLOCK_SALT)


def unlock_user(token: str):
    """The account an unlock link opens, or None (forged, expired, password changed, inactive)."""
    from django.contrib.auth import get_user_model

    try:
        payload = signing.loads(token, salt=UNLOCK_SALT, max_age=UNLOCK_MINUTES * 60)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        return None
    user = get_user_model().objects.filter(pk=payload["u"], is_active=True).first()
    if user is None or not secrets.compare_digest(str(payload.get("f", "")), _fingerprint(user)):
        return None
    return user


@receiver(user_logged_in)
def _remember_device_after_login(sender, request, user, **kwargs):
    if request is not None:
        request._login_device_user = user


class DeviceCookieMiddleware:
    """Gives a browser that just logged in its device cookie for the account."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "_login_device_user", None)
        if user is not None and not getattr(request, "axes_locked_out", False):
            remember_device(request, response, user)
        return response


# --- counters ------------------------------------------------------------------------------------

def _account_state_key(key: str) -> str:
    return f"login-account:{key}"


def _device_key(nonce: str) -> str:
    return f"login-device:{nonce}"


def account_backoff(key: str, now: float | None = None) -> int:
    """Seconds this account must still wait (rule 3), 0 if none."""
    state = cache.get(_account_state_key(key))
    limit = int(_setting("LOGIN_ACCOUNT_FAILURE_LIMIT", 20))
    if not state or state["n"] < limit:
        return 0
    base = float(_setting("LOGIN_BACKOFF_BASE_SECONDS", 30))
    cap = float(_setting("LOGIN_BACKOFF_MAX_SECONDS", 900))
    delay = min(cap, base * 2 ** min(state["n"] - limit, 32))
    return max(0, math.ceil(state["t"] + delay - (now if now is not None else time.time())))


def _count_account_failure(key: str) -> None:
    state = cache.get(_account_state_key(key)) or {"n": 0, "t": 0.0}
    cache.set(_account_state_key(key), {"n": state["n"] + 1, "t": time.time()}, timeout=ACCOUNT_STATE_SECONDS)


def _device_failures(nonce: str) -> int:
    return int(cache.get(_device_key(nonce)) or 0)


def _count_device_failure(nonce: str, cool_off: int) -> None:
    if not cache.add(_device_key(nonce), 1, timeout=cool_off):
        try:
            cache.incr(_device_key(nonce))
        except ValueError:
            cache.add(_device_key(nonce), 1, timeout=cool_off)


def _window(rows, cool_off: int, limit: int, now) -> int:
    """Seconds left of a lock on these failure rows, 0 when they are under the limit."""
    found = rows.aggregate(n=Sum("failures_since_start"), last=Max("attempt_time"))
    if (found["n"] or 0) < limit or found["last"] is None:
        return 0
    return max(1, math.ceil((found["last"] + timezone.timedelta(seconds=cool_off) - now).total_seconds()))


# --- the handler (AXES_HANDLER) ------------------------------------------------------------------

class LoginThrottleHandler(AxesDatabaseHandler):
    def _identity(self, request, credentials):
        identifier, agency = login_identity(request, credentials)
        user = login_resolve(identifier, agency=agency, request=request).user
        return login_throttle_key(request, credentials), user

    def lock_for(self, request, credentials=None) -> Lock | None:
        key, user = self._identity(request, credentials)
        cool_off = int(get_cool_off(request).total_seconds())
        nonce = device_nonce(request, user)
        if nonce is not None and _device_failures(nonce) < int(settings.AXES_FAILURE_LIMIT):
            return None  # a browser this account logged in from: only its own counter applies
        now = timezone.now()
        recent = AccessAttempt.objects.filter(attempt_time__gte=now - timezone.timedelta(seconds=cool_off))
        ip = getattr(request, "axes_ip_address", None) or client_ip(request)
        seconds = _window(recent.filter(username=key, ip_address=ip), cool_off, int(settings.AXES_FAILURE_LIMIT), now)
        if seconds:
            return Lock("pair", seconds)
        seconds = _window(recent.filter(ip_address=ip), cool_off, int(_setting("LOGIN_ADDRESS_FAILURE_LIMIT", 50)), now)
        if seconds:
            return Lock("address", seconds)
        seconds = account_backoff(key)
        if seconds:
            return Lock("account", seconds)
        return None

    def is_locked(self, request, credentials=None) -> bool:
        lock = self.lock_for(request, credentials)
        request.login_lock = lock
        return lock is not None

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        if request is None or getattr(request, "axes_locked_out", False):
            # refused by the throttle before any password was checked: not a new failure
            return super().user_login_failed(sender, credentials, request, **kwargs)
        super().user_login_failed(sender, credentials, request, **kwargs)
        key, user = self._identity(request, credentials)
        nonce = device_nonce(request, user)
        if nonce is not None:
            _count_device_failure(nonce, int(get_cool_off(request).total_seconds()))
        _count_account_failure(key)
        request.axes_locked_out = self.is_locked(request, credentials)
        if request.axes_locked_out:
            request.axes_credentials = credentials


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Vietnamese lockout page (429, Retry-After) saying which rule,
    with the form that e-mails an unlock link."""
    lock = getattr(request, "login_lock", None) or Lock("pair", int(get_cool_off(request).total_seconds()))
    identifier, agency = login_identity(request, credentials)
    context = {"lock": lock, "identifier": identifier[:254], "agency": agency or ""}
    response = render(request, "registration/lockout.html", context, status=429)
    response["Retry-After"] = str(lock.retry_after)
    return response
