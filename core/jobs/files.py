"""Where a job's files are while it works, and how its result reaches storage.

A job builds its file in a scratch folder named `<scratch_label>-<pk>-…` and publishes it into
storage only once complete (`publish`), so no reader ever sees a partial file. A worker killed
mid-way leaves that folder behind (and, if killed while publishing, a hidden
`.<scratch_label>-<pk>-….part` beside the target); `leftovers_remove` finds both by the job's name."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File


def scratch_root() -> str | None:
    """JOBS_SCRATCH_DIR, or the system's temporary folder."""
    root = getattr(settings, "JOBS_SCRATCH_DIR", None)
    if root:
        Path(root).mkdir(parents=True, exist_ok=True)
    return str(root) if root else None


def _prefix(model, pk) -> str:
    return f"{model.scratch_label}-{pk}-"


def scratch_dir(job) -> tempfile.TemporaryDirectory:
    """A private folder for the job's temporary files, removed on any normal exit."""
    return tempfile.TemporaryDirectory(prefix=_prefix(type(job), job.pk), dir=scratch_root())


def publish(job, partial: Path, name: str) -> str:
    """Move a complete file into storage as `name`: copied aside and renamed on a file system (the
    rename is atomic), else uploaded (object storage shows an object only once fully written)."""
    storage = job.file.storage
    try:
        target = Path(storage.path(name))
    except NotImplementedError:
        with partial.open("rb") as handle:
            return storage.save(name, File(handle))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, aside = tempfile.mkstemp(dir=target.parent, prefix=f".{_prefix(type(job), job.pk)}", suffix=".part")
    try:
        with partial.open("rb") as source, os.fdopen(fd, "wb") as sink:
            shutil.copyfileobj(source, sink, 1024 * 1024)
        os.replace(aside, target)
    finally:
        if os.path.exists(aside):
            os.unlink(aside)
    return name


def _untouched_since(path: Path, cutoff: float) -> bool:
    paths = [path, *path.rglob("*")] if path.is_dir() else [path]
    try:
        return all(p.lstat().st_mtime < cutoff for p in paths)
    except FileNotFoundError:
        return False


def leftovers_remove(*, model, pk: int, untouched_since: dt.datetime) -> list[Path]:
    """Remove the scratch folder and half-published file a dead job left on this host. Only what
    bears the job's name and was not written since `untouched_since` (a live worker writes)."""
    cutoff = untouched_since.timestamp()
    found = list(Path(scratch_root() or tempfile.gettempdir()).glob(f"{_prefix(model, pk)}*"))
    try:
        folder = Path(model._meta.get_field("file").storage.path(model.publish_folder))
    except NotImplementedError:  # object storage: nothing is half-published there
        folder = None
    if folder and folder.is_dir():
        found += folder.rglob(f".{_prefix(model, pk)}*.part")
    removed = []
    for path in found:
        if not _untouched_since(path, cutoff):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed
