from django.conf import settings
from django.conf.urls.static import static
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz
from config.media import public_media
from org import two_factor
from org.views import accounts

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/", include("api.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dang-nhap/", accounts.LoginView.as_view(), name="login"),
    path("dang-nhap/mo-khoa/", accounts.unlock_request, name="login_unlock"),
    path("dang-nhap/mo-khoa/<str:token>/", accounts.unlock_confirm, name="login_unlock_confirm"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("quen-mat-khau/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("quen-mat-khau/xong/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("quen-mat-khau/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("xac-thuc-hai-lop/", two_factor.two_factor, name="two_factor"),
    path("bai-kiem-tra/", include("quizzes.urls")),
    path("thu-hoach/", include("reflections.urls")),
    path("", include("learning.urls")),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
]

if settings.DEBUG:
    # runserver serves the public media; MEDIA_ROOT/private/ (manual-evidence proofs) never
    urlpatterns += static(settings.MEDIA_URL, view=public_media, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving last: the directive library and courses live under it.
urlpatterns += [path("", include(wagtail_urls))]
