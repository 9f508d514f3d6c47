"""A signed-in browser's session, stored with the account it belongs to (issue 17): the session's
row is read with the account and its staff profile in one query, where Django's own session table
(data only) costs one query for the session and another for the account on every request."""

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginSession(AbstractBaseSession):
    # Null until the browser signs in; deleting an account ends its sessions.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+", verbose_name=_("tài khoản"))

    class Meta:
        verbose_name = _("phiên đăng nhập")
        verbose_name_plural = _("phiên đăng nhập")

    @classmethod
    def get_session_store_class(cls):
        from org.sessions import SessionStore

        return SessionStore
