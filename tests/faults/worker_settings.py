"""Settings of the real `db_worker` that tests/faults/test_worker_kill.py starts and kills: the test
settings with the database task backend, progress written at every step, and every ZIP entry
slowed down by WORKER_SLOW_SECONDS while the file WORKER_SLOW_WHILE exists, so that the test can
kill the worker half-way through a job (and then let the retry run at full speed).
Test-only: the slowing lives here, not in the product's code."""

import os
import time
import zipfile

from config.settings.test import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOBS_HEARTBEAT_SECONDS = 0
JOBS_SCRATCH_DIR = os.environ.get("JOBS_SCRATCH_DIR", "")

_SLOW = float(os.environ.get("WORKER_SLOW_SECONDS", "0"))
_SLOW_WHILE = os.environ.get("WORKER_SLOW_WHILE", "")
if _SLOW:
    _writestr = zipfile.ZipFile.writestr

    def _slow_writestr(self, *args, **kwargs):
        if not _SLOW_WHILE or os.path.exists(_SLOW_WHILE):
            time.sleep(_SLOW)
        return _writestr(self, *args, **kwargs)

    zipfile.ZipFile.writestr = _slow_writestr
