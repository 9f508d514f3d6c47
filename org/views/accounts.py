"""Logging in (code, email or username; the agency when a code is shared by several agencies) and
unlocking the login of a browser through an e-mailed link (docs/security.md "Logins")."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core import ratelimit
from org.auth import login_resolve
from org.login_throttle import remember_device, unlock_token, unlock_user
from org.models import OrgUnit
from org.passwords import must_change_password, password_changed
from org.selectors.access import landing_url


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class LoginForm(AuthenticationForm):
    """Django's form plus the agency, asked for only when the code typed belongs to staff of
    several agencies (codes are unique within an agency, not across the deployment)."""

    agency = AgencyChoiceField(
        label=_("Cơ quan"), required=False, empty_label=_("— Chọn cơ quan —"),
        queryset=OrgUnit.objects.filter(depth=1).order_by("name"),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "ambiguous": _("Mã này có ở nhiều cơ quan. Vui lòng chọn cơ quan của bạn rồi đăng nhập lại."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.ask_agency = bool(self.data.get("agency"))

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        agency = self.cleaned_data.get("agency")
        agency_id = agency.pk if agency else None
        if username is not None and password:
            if login_resolve(username, agency=agency_id, request=self.request).ambiguous:
                # no password is checked (nor counted) until the person says which agency
                self.ask_agency = True
                raise ValidationError(self.error_messages["ambiguous"], code="ambiguous")
            self.user_cache = authenticate(self.request, username=username, password=password, agency=agency_id)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """No `next`: each role lands on its own page (HR and unit heads their dashboard, editors the admin)."""
        return landing_url(self.request.user)


# --- unlock links --------------------------------------------------------------------------------

UNLOCK_WINDOW = 3600


@require_POST
@never_cache
def unlock_request(request):
    """From the lockout page: e-mail the account an unlock link. The answer is the same whether
    the account exists or has an email; at most `LOGIN_UNLOCK_PER_ACCOUNT` mails per account and
    `LOGIN_UNLOCK_PER_ADDRESS` requests per address an hour."""
    per_address = int(getattr(settings, "LOGIN_UNLOCK_PER_ADDRESS", 10))
    if not ratelimit.allow(request, scope="login-unlock", limit=per_address, window=UNLOCK_WINDOW):
        return ratelimit.too_many(request, window=UNLOCK_WINDOW)
    user = login_resolve(request.POST.get("username"), agency=request.POST.get("agency"), request=request).user
    per_account = int(getattr(settings, "LOGIN_UNLOCK_PER_ACCOUNT", 3))
    if user is not None and user.email and ratelimit.allow(
        request, scope="login-unlock-account", key=str(user.pk), limit=per_account, window=UNLOCK_WINDOW
    ):
        link = settings.SITE_URL + reverse("login_unlock_confirm", args=[unlock_token(user)])
        body = render_to_string("registration/unlock_email.txt", {"user": user, "link": link}, request=request)
        send_mail(str(_("Liên kết mở khóa đăng nhập")), body, None, [user.email])
    return render(request, "registration/unlock_sent.html")


@require_GET
@never_cache
def unlock_confirm(request, token: str):
    """The link from the mail: this browser gets the account's device cookie (exempt from the
    throttle's account and address rules) and goes to the login page."""
    user = unlock_user(token)
    if user is None:
        return render(request, "registration/unlock_invalid.html", status=400)
    messages.success(request, _("Trình duyệt này đã được mở khóa đăng nhập cho tài khoản của bạn. Hãy đăng nhập."))
    response = redirect("login")
    remember_device(request, response, user)
    return response


# --- changing and resetting passwords ------------------------------------------------------------

class PasswordChangeView(auth_views.PasswordChangeView):
    """Changing one's password; the only page a session that logged in with the shared initial
    password may open (org.passwords)."""

    template_name = "registration/password_change_form.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "forced": must_change_password(self.request),
                "next": self.request.POST.get("next") or self.request.GET.get("next", "")}

    def form_valid(self, form):
        response = super().form_valid(form)
        password_changed(self.request)
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return response

    def get_success_url(self):
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if target and url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()},
                                                      require_https=self.request.is_secure()):
            return target
        return reverse("home")


RESET_WINDOW = 3600


class ThrottledPasswordResetForm(PasswordResetForm):
    """At most PASSWORD_RESET_PER_ACCOUNT mails per account an hour, whoever asks; the page says
    the same either way (it never tells whether an address has an account)."""

    def get_users(self, email):
        per_account = int(getattr(settings, "PASSWORD_RESET_PER_ACCOUNT", 3))
        for user in super().get_users(email):
            if ratelimit.allow(None, scope="password-reset-account", key=str(user.pk), limit=per_account,
                               window=RESET_WINDOW):
                yield user


class PasswordResetView(auth_views.PasswordResetView):
    """"Quên mật khẩu?": at most PASSWORD_RESET_PER_ADDRESS requests per address an hour (429)."""

    form_class = ThrottledPasswordResetForm
    success_url = reverse_lazy("password_reset_done")

    def get_extra_email_context(self):
        return {"site_url": settings.SITE_URL}

    def post(self, request, *args, **kwargs):
        per_address = int(getattr(settings, "PASSWORD_RESET_PER_ADDRESS", 10))
        if not ratelimit.allow(request, scope="password-reset", limit=per_address, window=RESET_WINDOW):
            return ratelimit.too_many(request, window=RESET_WINDOW)
        self.extra_email_context = self.get_extra_email_context()
        return super().post(request, *args, **kwargs)
