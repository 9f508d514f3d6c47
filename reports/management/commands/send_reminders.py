"""send_reminders [--as-of DATE] [--days-before N] [--dry-run] [--enqueue]: the daily reminder job."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from core.errors import DomainError
from core.tables import parse_date
from reports.services.reminders import reminders_send


class Command(BaseCommand):
    help = "Gửi thư nhắc: sắp đến hạn, quá hạn, tổng hợp hằng tuần cho trưởng đơn vị."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="ngày tính (dd/mm/yyyy hoặc yyyy-mm-dd), mặc định hôm nay")
        parser.add_argument("--days-before", type=int, default=7, help="nhắc trước hạn N ngày (mặc định 7)")
        parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không gửi, không ghi")
        parser.add_argument("--enqueue", action="store_true", help="đưa vào hàng đợi django-tasks thay vì chạy ngay")

    def handle(self, *args, as_of=None, days_before=7, dry_run=False, enqueue=False, **options):
        if days_before < 0:
            raise CommandError("--days-before must be 0 or more")
        try:
            with translation.override("en"):  # the command speaks English (docs/contract.md)
                day = parse_date(as_of) if as_of else None
        except ValueError as exc:
            raise CommandError(f"--as-of: {exc}") from exc
        if enqueue:
            from reports.tasks_reminders import send_reminders_task

            result = send_reminders_task.enqueue(as_of=day.isoformat() if day else None, days_before=days_before)
            self.stdout.write(f"enqueued {result.id}")
            return
        try:
            result = reminders_send(as_of=day, days_before=days_before, dry_run=dry_run)
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        if dry_run or options.get("verbosity", 1) > 1:
            for plan in result.planned:
                self.stdout.write(f"{plan.kind}\t{plan.campaign.slug}\t{plan.employee.employee_code}\t{plan.email}\t"
                                  + ", ".join(plan.requirements))
        self.stdout.write(result.line())
