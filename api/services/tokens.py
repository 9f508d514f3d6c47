"""Creating, revoking and checking API tokens. A token is `ctk_` + 43 random URL-safe characters
(32 bytes); the database keeps only its SHA-256, so a copy of the database gives no working token."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from api.models import ApiToken
from core.errors import DomainError
from org.models import OrgUnit, Province
from org.services.audit import audit_log

PREFIX = "ctk_"


class TokenRefused(DomainError):
    code = "token_refused"


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _snapshot(token: ApiToken) -> dict:
    scope = {"agency": token.agency.code} if token.agency_id else {"province": token.province.code}
    return {"name": token.name, **scope, "write": token.can_write, "prefix": token.prefix}


def api_token_create(*, agency: OrgUnit | None = None, province: Province | None = None, name: str,
                     write: bool = False, actor=None) -> tuple[ApiToken, str]:
    """A new token of `agency` or of `province` (read-only: the province never writes an agency's
    records); returns it with its secret (shown once, never stored)."""
    name = " ".join((name or "").split())
    if not name:
        raise TokenRefused("a token needs a name (which system uses it)")
    if (agency is None) == (province is None):
        raise TokenRefused("a token belongs to one agency or to one province")
    if agency is not None and agency.depth != 1:
        raise TokenRefused(f"{agency.code} is a unit, not an agency")
    if province is not None and write:
        raise TokenRefused("a province token is read-only: the province never writes an agency's records")
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            name=name[:100], agency=agency, province=province, can_write=write, digest=token_digest(secret),
            prefix=secret[:10], created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_log(actor=actor, action="api_token.create", obj=token, after=_snapshot(token), agency=token.agency)
    return token, secret


def api_token_revoke(*, token: ApiToken, actor=None) -> ApiToken:
    """Revoke for good (a revoked token is kept for the audit log; create a new one instead)."""
    with transaction.atomic():
        # of=self: PostgreSQL refuses FOR UPDATE on the nullable side of the outer joins (agency, province)
        token = ApiToken.objects.select_for_update(of=("self",)).select_related("agency", "province").get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_log(actor=actor, action="api_token.revoke", obj=token, before=_snapshot(token), agency=token.agency)
    return token


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The active token with this secret, its last use stamped; None for anything else."""
    if not secret or not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    token = (ApiToken.objects.select_related("agency", "province")
             .filter(digest=token_digest(secret), revoked_at__isnull=True).first())
    if token is not None:
        now = timezone.now()
        # One UPDATE, no save(): concurrent calls of one token never overwrite each other's fields.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
