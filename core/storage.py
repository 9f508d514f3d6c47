"""Private file storage: files that only a permission-checking view may serve (manual-evidence
proofs). It lives apart from the public media (`MEDIA_ROOT/private/` on disk, the `private/` prefix
of the bucket on S3) and has no URL at all, so that no template or admin widget can hand out a
link that bypasses the check: `storage.url()` raises."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class NoPublicUrl:
    def url(self, name, *args, **kwargs):
        raise PrivateFileError(f"{name}: a private file has no public URL; serve it through its view")


class PrivateFileError(ValueError):
    pass


class PrivateFileSystemStorage(NoPublicUrl, FileSystemStorage):
    """`MEDIA_ROOT/private/` unless a `location` is given: inside the media folder so that the
    backup (ops/backup.sh) takes it, but never under a served URL (docs/deployment.md)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, Path(settings.MEDIA_ROOT) / "private")


def private_storage():
    """The `private` entry of STORAGES (a callable, so that tests and settings can swap it)."""
    return storages["private"]
