"""The shared initial password of roster accounts must be changed before anything else.

A roster import gives every new account the password `ROSTER_INITIAL_PASSWORD` (docs/roster.md), one
hash shared by all the accounts of one import. A login is taken to use that initial password when the
typed password equals the setting, or when the account's stored hash is shared with another account
(a hash made once for a whole import: two people choosing the same password get different salts), so
accounts imported before this rule, or under an earlier value of the setting, are caught too. Such a
session is flagged, and `ForcePasswordChangeMiddleware` sends every request of it to the password
change page until the password is changed. `InitialPasswordValidator` refuses the initial password
as a new one (docs/security.md, finding L8)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import urlencode
from django.utils.translation import gettext as _

SESSION_KEY = "must_change_password"
# What a session that must change its password may still open.
ALLOWED_URL_NAMES = {"password_change", "logout", "set_language", "login", "healthz"}
ALLOWED_PREFIXES = ("/static/", "/media/images/")


def is_initial_password(user, password: str, stored_hash: str) -> bool:
    """Whether a successful login used the shared initial password (see the module's docstring)."""
    initial = getattr(settings, "ROSTER_INITIAL_PASSWORD", "") or ""
    if initial and constant_time_compare(password, initial):
        return True
    if not stored_hash or stored_hash.startswith("!") or not getattr(settings, "INITIAL_PASSWORD_BY_SHARED_HASH", True):
        return False
    return get_user_model().objects.filter(password=stored_hash).exclude(pk=user.pk).exists()


@receiver(user_logged_in)
def _flag_initial_password(sender, request, user, **kwargs):
    if request is not None and getattr(user, "_logged_in_with_initial_password", False) and hasattr(request, "session"):
        request.session[SESSION_KEY] = True


def password_changed(request) -> None:
    if hasattr(request, "session"):
        request.session.pop(SESSION_KEY, None)


def must_change_password(request) -> bool:
    return bool(getattr(request, "session", None) is not None and request.session.get(SESSION_KEY)) and \
        request.user.is_authenticated


class ForcePasswordChangeMiddleware:
    """After AuthenticationMiddleware: a session that logged in with the initial password sees only
    the password change page (and can log out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if must_change_password(request) and not self._allowed(request.path_info):
            return redirect(f"{reverse('password_change')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        if path.startswith(ALLOWED_PREFIXES):
            return True
        try:
            return resolve(path).url_name in ALLOWED_URL_NAMES
        except Resolver404:
            return False


class InitialPasswordValidator:
    """AUTH_PASSWORD_VALIDATORS: a new password may not be the shared initial one."""

    def validate(self, password, user=None):
        initial = getattr(settings, "ROSTER_INITIAL_PASSWORD", "") or ""
        if initial and constant_time_compare(password, initial):
            raise ValidationError(
                _("Mật khẩu mới không được trùng với mật khẩu ban đầu được cấp chung."), code="password_initial"
            )

    def get_help_text(self):
        return _("Mật khẩu mới không được trùng với mật khẩu ban đầu được cấp chung.")
