"""Prepare a PostgreSQL database for the load test (run after `seed_demo --employees N`).

- gives the first `--logins` scale employees a login (username = lower-case code, one shared
  pre-computed hash, bulk insert), and an HR login `loadtest-hr` for the projector page;
- a study session of the campaign happening now (so QR check-in is open) covering its first
  directives;
- a published quiz `load-test` (10 questions drawn from a demo quiz's bank, unlimited attempts)
  linked to those directives;
- leaves the campaign's kept statuses fresh for today (rebuilt when the seed is older or they
  were edited since), so that the pages read them as in production;
- writes `benchmarks/load/fixture.json` with what the locustfile needs.

Usage: DJANGO_SETTINGS_MODULE=benchmarks.load.settings DATABASE_URL=… SECRET_KEY=… \
       python benchmarks/load/prepare.py --logins 3000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.load.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from courses.models import LessonPage  # noqa: E402
from learning.models import Campaign, StudySession  # noqa: E402
from org import roles  # noqa: E402
from org.models import Employee  # noqa: E402
from org.services.roles import roles_ensure  # noqa: E402

PASSWORD = "load-test-1"
FIXTURE = Path(__file__).with_name("fixture.json")


def _logins(campaign: Campaign, count: int) -> list[str]:
    """Usernames of `count` scale employees of the campaign's audience today with a login,
    creating the missing ones in bulk (people outside the audience would be refused at check-in)."""
    from learning.selectors.audience import campaign_audience

    User = get_user_model()
    hashed = make_password(PASSWORD)
    audience = campaign_audience(campaign=campaign, as_of=timezone.localdate())
    staff = list(audience.filter(user__isnull=True).order_by("employee_code")
                 [:max(0, count - Employee.objects.filter(user__username__startswith="load-").count())])
    users = [User(username=f"load-{e.employee_code.lower()}", email=e.email or "", password=hashed,
                  first_name=e.full_name) for e in staff]
    User.objects.bulk_create(users, batch_size=1000, ignore_conflicts=True)
    by_name = dict(User.objects.filter(username__in=[u.username for u in users]).values_list("username", "id"))
    for employee in staff:
        employee.user_id = by_name[f"load-{employee.employee_code.lower()}"]
    Employee.objects.bulk_update(staff, ["user"], batch_size=1000)
    Group.objects.get(name=roles.LEARNER).user_set.add(*by_name.values())
    return sorted(User.objects.filter(username__startswith="load-").values_list("username", flat=True)[:count])


def _hr(agency) -> str:
    User = get_user_model()
    user, _ = User.objects.get_or_create(username="loadtest-hr", defaults={"password": make_password(PASSWORD)})
    employee = Employee.objects.filter(agency=agency).exclude(user__isnull=False).first()
    if not hasattr(user, "employee") and employee is not None:
        employee.user = user
        employee.save(update_fields=["user"])
    user.groups.add(Group.objects.get(name=roles.HR))
    return user.username


def _session(campaign: Campaign) -> StudySession:
    now = timezone.localtime()
    session, _ = StudySession.objects.update_or_create(
        campaign=campaign, title="Hội nghị kiểm thử tải",
        defaults={"date": now.date(), "start_time": dt.time(0, 0), "end_time": dt.time(23, 59),
                  "location": "Hội trường Sở", "late_grace_minutes": 24 * 60},
    )
    session.directives.set([r.directive_id for r in campaign.requirements.all()[:3]])
    return session


def _quiz(directive_ids: list[int]):
    from quizzes.models import Quiz

    source = Quiz.objects.filter(draft=False, directives__in=directive_ids).distinct().first()
    quiz, _ = Quiz.objects.update_or_create(
        slug="load-test",
        defaults={"title": "Bài kiểm tra thử tải", "pass_mark": 50, "max_questions": 10, "attempts_allowed": None,
                  "single_attempt": False, "draft": False, "one_per_page": False, "time_limit_minutes": None},
    )
    quiz.directives.set(directive_ids)
    if source is not None:
        _copy_questions(source, quiz)
    return quiz


def _copy_questions(source, quiz) -> None:
    fixed = getattr(quiz, "questions", None)
    src_fixed = getattr(source, "questions", None)
    if fixed is not None and src_fixed is not None and src_fixed.exists():
        fixed.set(src_fixed.all())
    categories = getattr(quiz, "categories", None)
    src_categories = getattr(source, "categories", None)
    if categories is not None and src_categories is not None:
        categories.set(src_categories.all())


def _bare_page() -> str:
    """A plain wagtailcore Page (Wagtail's own template) under the site's home: the baseline."""
    from wagtail.models import Page, Site

    home = Site.objects.get(is_default_site=True).root_page
    page = home.get_children().filter(slug="trang-thu-tai").first()
    if page is None:
        page = home.add_child(instance=Page(title="Trang thử tải", slug="trang-thu-tai"))
    return page.url


def _kept(campaign: Campaign) -> str:
    """Rebuild the campaign's kept statuses unless they answer for today (docs/compliance.md)."""
    from learning.selectors.kept import kept_fresh
    from learning.services.kept import kept_rebuild

    if kept_fresh(campaign=campaign):
        return "kept statuses fresh"
    kept_rebuild(campaign=campaign)
    return "kept statuses rebuilt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--logins", type=int, default=3000)
    parser.add_argument("--campaign", default="dan-van-2024")
    args = parser.parse_args()
    roles_ensure()
    campaign = Campaign.objects.get(slug=args.campaign)
    with transaction.atomic():
        usernames = _logins(campaign, args.logins)
        hr = _hr(campaign.agency)
        session = _session(campaign)
        quiz = _quiz([r.directive_id for r in campaign.requirements.all()[:3]])
        baseline_url = _bare_page()
    kept = _kept(campaign)
    lesson = LessonPage.objects.live().first()
    FIXTURE.write_text(json.dumps({
        "password": PASSWORD, "usernames": usernames, "hr": hr, "session": session.pk,
        "quiz": quiz.slug, "lesson_url": lesson.url if lesson else "/",
        "baseline_url": baseline_url,
    }, ensure_ascii=False, indent=1))
    print(f"{kept}, {len(usernames)} logins, session {session.pk}, quiz {quiz.slug}, lesson {lesson.url if lesson else '-'}")


if __name__ == "__main__":
    main()
