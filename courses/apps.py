from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = _("Thư viện văn bản và khóa học")

    def ready(self):
        from . import content_cache

        content_cache.connect()  # published content cached per version, bumped on publish/unpublish
