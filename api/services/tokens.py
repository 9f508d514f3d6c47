"""Creating, revoking and checking API tokens. A token is `ctk_` + 43 random URL-safe characters
(32 bytes); the database keeps only its SHA-256, so a copy of the database gives no working token."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from api.models import ApiToken
from core.errors import DomainError
from org.models import OrgUnit
from org.services.audit import audit_log

PREFIX = "ctk_"


class TokenRefused(DomainError):
    code = "token_refused"


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _snapshot(token: ApiToken) -> dict:
    return {"name": token.name, "agency": token.agency.code, "write": token.can_write, "prefix": token.prefix}


def api_token_create(*, agency: OrgUnit, name: str, write: bool = False, actor=None) -> tuple[ApiToken, str]:
    """A new token of `agency`; returns it with its secret (shown once, never stored)."""
    name = " ".join((name or "").split())
    if not name:
        raise TokenRefused("a token needs a name (which system uses it)")
    if agency.depth != 1:
        raise TokenRefused(f"{agency.code} is a unit, not an agency")
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            name=name[:100], agency=agency, can_write=write, digest=token_digest(secret), prefix=secret[:10],
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_log(actor=actor, action="api_token.create", obj=token, after=_snapshot(token))
    return token, secret


def api_token_revoke(*, token: ApiToken, actor=None) -> ApiToken:
    """Revoke for good (a revoked token is kept for the audit log; create a new one instead)."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().select_related("agency").get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_log(actor=actor, action="api_token.revoke", obj=token, before=_snapshot(token))
    return token


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The active token with this secret, its last use stamped; None for anything else."""
    if not secret or not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    token = (ApiToken.objects.select_related("agency")
             .filter(digest=token_digest(secret), revoked_at__isnull=True).first())
    if token is not None:
        now = timezone.now()
        # One UPDATE, no save(): concurrent calls of one token never overwrite each other's fields.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
