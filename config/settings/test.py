"""Test settings: fast hashing, in-memory cache and mail, tasks run immediately."""

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
AXES_ENABLED = False
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # manual-evidence proofs: MEDIA_ROOT/private/, no URL, served by a view (learning/storage.py)
    "private": {"BACKEND": "core.storage.PrivateFileSystemStorage"},
}
