"""fail_stale_jobs: fail every background job whose worker died (docs/faults.md); run it from cron."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from core.jobs.stale import stale_after, stale_jobs_fail_all


class Command(BaseCommand):
    help = ("Đánh dấu lỗi các tác vụ nền (hồ sơ minh chứng, giấy chứng nhận hàng loạt) đang chạy mà không báo "
            "tiến độ quá JOBS_STALE_AFTER_SECONDS, và dọn tệp tạm của chúng.")

    def handle(self, *args, **options):
        failed = stale_jobs_fail_all()
        for label, ids in failed.items():
            for pk in ids:
                self.stdout.write(f"failed\t{label}\t{pk}")
        total = sum(len(ids) for ids in failed.values())
        self.stdout.write(f"stale jobs failed: {total} (no heartbeat for {int(stale_after().total_seconds())} s)")
