"""API tokens in the Wagtail admin (Cài đặt → Khóa API): superusers manage every agency's tokens
(and see and revoke province tokens, which are created by command), HR those of their own agency. The secret is shown once, on the page that answers the creation
(never in a URL, a message or the session); only its hash is kept."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from api.models import ApiToken
from api.services.tokens import api_token_create, api_token_revoke
from org.selectors.access import is_hr, visible_agencies


def may_manage_tokens(user) -> bool:
    return is_hr(user) and user.has_perm("wagtailadmin.access_admin")


def manageable_tokens(user):
    """HR: its agency's tokens; superusers: every token, province tokens (made by command) included."""
    tokens = ApiToken.objects.select_related("agency", "province", "created_by")
    return tokens if user.is_superuser else tokens.filter(agency__in=visible_agencies(user))


class TokenForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=None, label=_("Cơ quan"), empty_label=None)
    name = forms.CharField(label=_("Tên"), max_length=100,
                           help_text=_("Hệ thống nào dùng khóa này, ví dụ: Hệ thống học trực tuyến của tỉnh"))
    can_write = forms.BooleanField(label=_("Được ghi"), required=False,
                                   help_text=_("Được gửi danh sách cán bộ và minh chứng học tập; "
                                               "không chọn: chỉ đọc kế hoạch và kết quả học tập"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = visible_agencies(user).order_by("name")


class TokenMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_manage_tokens(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TokenIndexView(TokenMixin, WagtailAdminTemplateMixin, View):
    page_title = _("Khóa API")
    header_icon = "key"
    template_name = "api/admin/tokens.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def render(self, form, secret: str = "", created=None):
        context = self.get_context_data(form=form, tokens=manageable_tokens(self.request.user), secret=secret,
                                        created=created)
        return self.render_to_response(context)

    def get(self, request):
        return self.render(TokenForm(user=request.user))

    def post(self, request):
        form = TokenForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(form)
        token, secret = api_token_create(agency=form.cleaned_data["agency"], name=form.cleaned_data["name"],
                                         write=form.cleaned_data["can_write"], actor=request.user)
        # Answered, not redirected: the secret is in this one response only (the admin's pages are
        # never cached: Cache-Control no-store).
        return self.render(TokenForm(user=request.user), secret=secret, created=token)


class TokenRevokeView(TokenMixin, View):
    def post(self, request, pk: int):
        token = get_object_or_404(manageable_tokens(request.user), pk=pk)  # another agency's: 404
        api_token_revoke(token=token, actor=request.user)
        messages.success(request, _("Đã thu hồi khóa %(token)s.") % {"token": token})
        return redirect("api_tokens:index")
