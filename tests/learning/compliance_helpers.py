"""Small builders for compliance scenarios: directives, campaigns, sessions, evidence."""

from __future__ import annotations

import datetime as dt

from wagtail.models import Page

from courses.models import DirectivePage
from learning.models import (
    Attendance,
    AttendanceMethod,
    Campaign,
    Exemption,
    ManualEvidence,
    Requirement,
    StudySession,
)

D = dt.date
ISSUED = D(2023, 1, 1)
START = D(2024, 4, 1)
DUE = D(2024, 10, 31)


def make_directive(number: str, issue_date: dt.date = ISSUED, doc_type: str = "chi_thi") -> DirectivePage:
    root = Page.objects.get(depth=1)
    page = DirectivePage(
        title=f"Văn bản {number}", number=number, doc_type=doc_type, issuer="Ban Bí thư",
        issue_date=issue_date, subject=f"Về việc {number}",
    )
    root.add_child(instance=page)
    return page


def make_campaign(agency, directives, *, slug="dan-van-2024", start=START, due=DUE,
                  units=(), categories=()) -> Campaign:
    campaign = Campaign.objects.create(
        agency=agency, slug=slug, title=f"Kế hoạch {slug}", year=start.year, start=start, due=due,
        audience_categories=list(categories),
    )
    if units:
        campaign.audience_units.set(units)
    for order, directive in enumerate(directives):
        Requirement.objects.create(campaign=campaign, directive=directive, order=order)
    return campaign


def make_session(campaign, date, directives, title="Hội nghị quán triệt") -> StudySession:
    session = StudySession.objects.create(campaign=campaign, title=title, date=date)
    session.directives.set(directives)
    return session


def attend(session, employee, status="present") -> Attendance:
    return Attendance.objects.create(session=session, employee=employee, status=status, method=AttendanceMethod.SHEET)


def manual(employee, directive, date) -> ManualEvidence:
    return ManualEvidence.objects.create(employee=employee, directive=directive, date=date)


def exempt(campaign, employee, reason="Nghỉ thai sản") -> Exemption:
    return Exemption.objects.create(campaign=campaign, employee=employee, reason=reason)


def make_quiz(slug, directives):
    from quizzes.models import Quiz

    quiz = Quiz.objects.create(slug=slug, title=f"Kiểm tra {slug}")
    quiz.directives.set(directives)
    return quiz


def take_quiz(quiz, employee, date, passed=True, source="online"):
    from quizzes.models import Attempt

    number = Attempt.objects.filter(quiz=quiz, employee=employee).count() + 1
    return Attempt.objects.create(quiz=quiz, employee=employee, number=number, source=source, state="finished",
                                  passed=passed, evidence_date=date, score=8 if passed else 4, max_score=10)
