"""What every background job row shares: a heartbeat, so that a job whose worker died (SIGKILL,
host lost) can be told from one still working (core.jobs)."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    """Every background job: queued → running → done | failed (core.jobs.run)."""

    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class BackgroundJob(models.Model):
    """Abstract. A concrete job has `status` (queued/running/done/failed), `error`, `created_at`,
    `finished_at` and `file`, and names its temporary files with `scratch_label`."""

    # Prefix of the job's scratch folder and of its half-published file (`<label>-<pk>-…`).
    scratch_label: ClassVar[str] = "job"
    # The storage folder the job's finished file is published into.
    publish_folder: ClassVar[str] = "jobs"

    heartbeat_at = models.DateTimeField(_("tín hiệu hoạt động gần nhất"), null=True, blank=True)

    class Meta:
        abstract = True
