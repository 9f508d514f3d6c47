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

from org.sessions import access_admin, session_account

MAX_CANDIDATES = 5


@dataclass(frozen=True)
class LoginResolution:
    user: object | None  # the one account the identifier names, else None
    ambiguous: bool = False  # several accounts answer to it


def _normalise(identifier) -> str:
    return str(identifier or "").strip()


def _agency_id(agency) -> int | None:
    text = str(agency or "").strip()
    return int(text) if text.isdigit() else None


def login_resolve(identifier, *, agency=None, request=None) -> LoginResolution:
    """The active account that answers to `identifier` (username, email or employee code, any case).

    Employee codes are unique within an agency only (docs/roster.md), so a code may name accounts
    in several agencies: then nobody is guessed (`ambiguous`) until the agency is given (`agency`:
    the agency unit's id, chosen on the login form); an account of no agency (a superuser) still
    answers to its username or email. Memoised on the request: django-axes asks several times."""
    identifier = _normalise(identifier)
    if not identifier:
        return LoginResolution(user=None)
    agency_id = _agency_id(agency)
    memo = getattr(request, "_login_resolutions", None) if request is not None else None
    key = (identifier.casefold(), agency_id)
    if memo is not None and key in memo:
        return memo[key]
    users = get_user_model().objects.filter(
        Q(username__iexact=identifier) | Q(email__iexact=identifier) | Q(employee__employee_code__iexact=identifier),
        is_active=True,
    )
    if agency_id is not None:
        users = users.filter(Q(employee__agency_id=agency_id) | Q(employee__isnull=True))
    users = list(users.distinct().order_by("pk")[:MAX_CANDIDATES])
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


def login_identity(request, credentials=None) -> tuple[str, str | None]:
    """What was typed (and the agency chosen), from django-axes' credentials or the POST."""
    post = getattr(request, "POST", {}) if request is not None else {}
    identifier = credentials.get("username") if credentials else None
    if identifier is None:
        identifier = post.get("username")
    agency = credentials.get("agency") if credentials else None
    if agency is None:
        agency = post.get("agency")
    return _normalise(identifier), agency


def login_throttle_key(request, credentials=None) -> str:
    """django-axes' AXES_USERNAME_CALLABLE: the key its failure counters are kept under.

    An identifier that names one account is counted under that account's username, whatever was
    typed (`SCT0040`, `sct0040`, the email in any case): one counter per account. Anything else
    (unknown, or shared by several accounts) under its case-folded text, prefixed with `?` (a
    character no username contains), so that case variants of an unknown name share a counter too."""
    identifier, agency = login_identity(request, credentials)
    resolution = login_resolve(identifier, agency=agency, request=request)
    if resolution.user is not None:
        return resolution.user.get_username()
    return "?" + identifier.casefold()[:200]


class EmployeeCodeOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, agency=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or password is None:
            return None
        user = login_resolve(username, agency=agency, request=request).user
        if user is None:
            # Unknown, or an email shared by two accounts: refuse rather than guess. Hash anyway
            # so the timing does not tell whether the login exists.
            get_user_model()().set_password(password)
            return None
        stored_hash = user.password  # before check_password upgrades an old hash
        if user.check_password(password) and self.user_can_authenticate(user):
            from org.passwords import is_initial_password

            user._logged_in_with_initial_password = is_initial_password(user, password, stored_hash)
            return user
        return None

    def get_user(self, user_id):
        """The session's account with its staff profile and its admin access in the same query
        (the session's own, `org.sessions`): nearly every page asks for the profile (the header's
        links, the learner's own rows, the agency scope) and the header for the admin link."""
        user = session_account(user_id)  # read with this request's session (org.sessions)
        if user is None:
            user_model = get_user_model()
            try:
                user = user_model._default_manager.select_related("employee").annotate(
                    _access_admin=access_admin(user_model, "id")).get(pk=user_id)
            except user_model.DoesNotExist:
                return None
        return user if self.user_can_authenticate(user) else None
