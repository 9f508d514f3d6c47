"""A per-IP fixed-window counter in the cache (the database cache in production, shared by
every process), used to slow down enumeration of verification codes.

The counter is approximate under races (the database cache's incr is read-then-write), which is
fine for its purpose: at 30 lookups per 10 minutes, guessing a 99-bit code stays hopeless.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """REMOTE_ADDR, or the header a trusted reverse proxy sets (setting VERIFY_CLIENT_IP_HEADER,
    e.g. "HTTP_X_REAL_IP"); never a client-supplied X-Forwarded-For by default."""
    header = getattr(settings, "VERIFY_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, *, scope: str, limit: int, window: int) -> bool:
    """Count one hit for the client's IP; False once it exceeds `limit` in the current window."""
    bucket = int(time.time() // window)
    key = f"ratelimit:{scope}:{client_ip(request)}:{bucket}"
    if cache.add(key, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit
