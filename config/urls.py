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

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("xac-thuc-hai-lop/", two_factor.two_factor, name="two_factor"),
    path("bai-kiem-tra/", include("quizzes.urls")),
    path("", include("learning.urls")),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
]

if settings.DEBUG:
    # runserver serves the public media; MEDIA_ROOT/private/ (manual-evidence proofs) never
    urlpatterns += static(settings.MEDIA_URL, view=public_media, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving last: the directive library and courses live under it.
urlpatterns += [path("", include(wagtail_urls))]
