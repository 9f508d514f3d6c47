"""Wagtail admin wiring of the API tokens screen: its URLs and a Settings menu item."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from api.views import admin_tokens as views

urlpatterns = [
    path("", views.TokenIndexView.as_view(), name="index"),
    path("<int:pk>/thu-hoi/", views.TokenRevokeView.as_view(), name="revoke"),
]


@hooks.register("register_admin_urls")
def register_api_token_urls():
    return [path("khoa-api/", include((urlpatterns, "api_tokens"), namespace="api_tokens"))]


class TokenMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_manage_tokens(request.user)


@hooks.register("register_settings_menu_item")
def api_token_menu_item():
    return TokenMenuItem(_("Khóa API"), reverse("api_tokens:index"), icon_name="key", order=900)
