"""Log in with the employee code or the email address, as well as the username.

`login_resolve` is the one rule that turns what a person typed into an account; the
authentication backend and the login throttle (django-axes, `login_throttle_key`) both use it,
so that every spelling of one account (code, email, username, in any case) is the same account
for the failure counters (docs/security.md, finding H2)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

MAX_CANDIDATES = 5


@dataclass(frozen=True)
class LoginResolution:
    user: object | None  # the one account the identifier names, else None
    ambiguous: bool = False  # several accounts answer to it


def _normalise(identifier) -> str:
    return str(identifier or "").strip()


def login_resolve(identifier, *, request=None) -> LoginResolution:
    """The active account that answers to `identifier` (username, email or employee code, any case).
    Memoised on the request: django-axes asks several times per login."""
    identifier = _normalise(identifier)
    if not identifier:
        return LoginResolution(user=None)
    memo = getattr(request, "_login_resolutions", None) if request is not None else None
    key = identifier.casefold()
    if memo is not None and key in memo:
        return memo[key]
    users = list(
        get_user_model()
        .objects.filter(
            Q(username__iexact=identifier) | Q(email__iexact=identifier) | Q(employee__employee_code__iexact=identifier),
            is_active=True,
        )
        .distinct()
        .order_by("pk")[:MAX_CANDIDATES]
    )
    resolution = LoginResolution(user=users[0] if len(users) == 1 else None, ambiguous=len(users) > 1)
    if request is not None:
        if memo is None:
            memo = {}
            try:
                request._login_resolutions = memo
            except AttributeError:  # pragma: no cover - a request that takes no attributes
                return resolution
        memo[key] = resolution
    return resolution


def login_throttle_key(request, credentials=None) -> str:
    """django-axes' AXES_USERNAME_CALLABLE: the key its failure counters are kept under.

    An identifier that names one account is counted under that account's username, whatever was
    typed (`SCT0040`, `sct0040`, the email in any case): one counter per account. Anything else
    (unknown, or shared by several accounts) under its case-folded text, prefixed with `?` (a
    character no username contains), so that case variants of an unknown name share a counter too."""
    identifier = None
    if credentials:
        identifier = credentials.get("username")
    if identifier is None and request is not None:
        identifier = getattr(request, "POST", {}).get("username")
    identifier = _normalise(identifier)
    resolution = login_resolve(identifier, request=request)
    if resolution.user is not None:
        return resolution.user.get_username()
    return "?" + identifier.casefold()[:200]


class EmployeeCodeOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or password is None:
            return None
        user = login_resolve(username, request=request).user
        if user is None:
            # Unknown, or an email shared by two accounts: refuse rather than guess. Hash anyway
            # so the timing does not tell whether the login exists.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
