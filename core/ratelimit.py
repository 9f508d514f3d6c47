"""The client's address, and fixed-window rate limits keyed by it (or by anything else).

Every rate limit of the site (the login throttle through django-axes, `/verify/`, the check-in
scans, password resets, unlock links) asks `client_ip` for the address, so that all of them agree
behind a reverse proxy (docs/security.md, finding M1):

- `TRUSTED_PROXY_COUNT` = 0 (the default): the address is `REMOTE_ADDR`, the peer of the TCP
  connection. An `X-Forwarded-For` header is ignored: any client can write one.
- `TRUSTED_PROXY_COUNT` = n > 0: the application is reached only through n proxies (nginx, a load
  balancer…), each of which appends the address it received the connection from to
  `X-Forwarded-For`. The client is the n-th entry from the right; whatever a client put to the left
  of it is ignored. With fewer entries than n (a request that did not come through the chain) the
  peer's address is used.

The counters live in the cache (the database cache in production, shared by every process and
host). They are approximate under races (the database cache's incr is read-then-write), which is
fine for slowing down guessing and flooding."""

from __future__ import annotations

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def _valid(address: str) -> str | None:
    address = address.strip()
    if address.startswith("[") and "]" in address:  # [v6]:port
        address = address[1:address.index("]")]
    elif address.count(":") == 1:  # v4:port
        address = address.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's address as configured by TRUSTED_PROXY_COUNT (see the module's docstring)."""
    peer = request.META.get("REMOTE_ADDR") or "unknown"
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return peer
    entries = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
    if len(entries) < count:
        return peer
    return _valid(entries[-count]) or peer


def hit(key: str, *, window: int) -> int:
    """Count one hit under `key` in the current window of `window` seconds; the count so far."""
    bucket = int(time.time() // window)
    full = f"ratelimit:{key}:{bucket}"
    # Read first: on the database cache a repeated hit is then one SELECT and one write, where
    # add-then-incr costs a failed INSERT (and its rollback), a SELECT and the write.
    current = cache.get(full)
    if current is not None:
        cache.set(full, current + 1, timeout=window)
        return current + 1
    if cache.add(full, 1, timeout=window):
        return 1
    try:  # another process counted the first hit meanwhile
        return cache.incr(full)
    except ValueError:  # expired between add and incr
        cache.add(full, 1, timeout=window)
        return 1


def count(key: str, *, window: int) -> int:
    """Hits under `key` in the current window so far, without counting one."""
    return cache.get(f"ratelimit:{key}:{int(time.time() // window)}", 0)


def allow(request, *, scope: str, limit: int, window: int, key: str | None = None) -> bool:
    """Count one hit for the client's address (or for `key`, e.g. an account) in `scope`;
    False once there have been more than `limit` in the current window."""
    return hit(f"{scope}:{key if key is not None else client_ip(request)}", window=window) <= limit


def too_many(request, *, window: int, message: str = ""):
    """The Vietnamese 429 page, with Retry-After."""
    minutes = max(1, -(-window // 60))
    response = render(request, "429.html", {"minutes": minutes, "message": message}, status=429)
    response["Retry-After"] = str(window)
    return response
