"""After a load run: every submission the server confirmed is one graded attempt in the database,
no attempt was graded twice or lost, and no person has two open attempts of the load quiz."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.load.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count, Q  # noqa: E402

from quizzes.models import Attempt  # noqa: E402


def main() -> int:
    confirmed = json.loads(Path(__file__).with_name("submitted.json").read_text())
    attempts = Attempt.objects.filter(quiz__slug="load-test")
    finished = set(attempts.exclude(submitted_at=None).values_list("id", flat=True))
    missing = sorted(set(confirmed) - finished)
    duplicated_confirmations = len(confirmed) - len(set(confirmed))
    open_twice = (attempts.filter(submitted_at=None).values("employee").annotate(n=Count("id"))
                  .filter(n__gt=1).count())
    ungraded = attempts.exclude(submitted_at=None).filter(Q(score=None)).count()
    report = {
        "confirmed_submissions": len(confirmed),
        "submitted_attempts_in_db": len(finished),
        "confirmed_but_missing": len(missing),
        "confirmed_twice": duplicated_confirmations,
        "people_with_two_open_attempts": open_twice,
        "submitted_without_score": ungraded,
    }
    print(json.dumps(report, indent=1))
    ok = not missing and not duplicated_confirmations and not open_twice and not ungraded
    print("verify: OK" if ok else "verify: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
