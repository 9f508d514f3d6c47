"""What "Việc học của tôi" shows: the learner's campaigns with statuses (from the compliance
selector, never recomputed here), and for each open requirement the next thing to do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.selectors import lesson_readings_for, lessons_for_directives
from learning.models import Employee
from learning.selectors.compliance import (
    DONE_STATUSES,
    EXEMPT,
    CampaignStatus,
    RequirementStatus,
    employee_campaign_status,
)
from learning.selectors.sessions import upcoming_sessions_for
from quizzes.selectors import quizzes_for_directives

LESSON, QUIZ, SESSION, WAIT = "lesson", "quiz", "session", "wait"
RECENTLY_OVERDUE_DAYS = 30

STATUS_LABELS = {
    "completed": _("Đã hoàn thành"),
    "completed_late": _("Hoàn thành muộn"),
    "pending": _("Chưa hoàn thành"),
    "overdue": _("Quá hạn"),
    "exempt": _("Được miễn"),
}
EVIDENCE_LABELS = {
    "attendance": _("Dự hội nghị học tập"),
    "quiz": _("Đạt bài kiểm tra"),
    "manual": _("Văn phòng ghi nhận"),
}


@dataclass
class RequirementCard:
    item: RequirementStatus
    lessons: list = field(default_factory=list)
    reading: object = None  # courses.LessonReading of a lesson covering the directive, or None
    quizzes: list = field(default_factory=list)
    sessions: list = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.item.status, self.item.status)

    @property
    def evidence_label(self) -> str:
        return EVIDENCE_LABELS.get(self.item.evidence, "")

    @property
    def is_open(self) -> bool:
        return self.item.status not in (*DONE_STATUSES, EXEMPT)

    @property
    def has_read(self) -> bool:
        return bool(self.reading and self.reading.acknowledged)

    @property
    def next_action(self) -> str:
        """lesson → quiz → session: reading first, then the evidence that counts; "" when done."""
        if not self.is_open:
            return ""
        if self.lessons and not self.has_read:
            return LESSON
        if self.quizzes:
            return QUIZ
        if self.sessions:
            return SESSION
        return WAIT


@dataclass
class CampaignCard:
    status: CampaignStatus
    items: list[RequirementCard]
    today: dt.date

    @property
    def campaign(self):
        return self.status.campaign

    @property
    def days_left(self) -> int:
        return (self.campaign.due - self.today).days

    @property
    def days_overdue(self) -> int:
        return -self.days_left

    @property
    def is_done(self) -> bool:
        return not any(card.is_open for card in self.items)

    @property
    def is_current(self) -> bool:
        return self.days_left >= 0

    @property
    def expanded(self) -> bool:
        """Shown open: campaigns still running, or missed by less than a month; older ones fold."""
        return self.is_current or (not self.is_done and self.days_overdue <= RECENTLY_OVERDUE_DAYS)

    @property
    def counted(self) -> int:
        return sum(card.item.status != EXEMPT for card in self.items)

    @property
    def percent(self) -> int:
        return round(100 * self.status.completed / self.counted) if self.counted else 100

    @property
    def read_count(self) -> int:
        return sum(card.has_read for card in self.items if card.is_open)


def my_learning(*, employee: Employee, today: dt.date | None = None, upcoming: list | None = None) -> list[CampaignCard]:
    """Campaigns that apply to `employee` today, each requirement with lessons, reading, quizzes
    and upcoming sessions; a handful of queries whatever the number of requirements. `upcoming`:
    the person's `upcoming_sessions_for`, when the caller already has them."""
    today = today or timezone.localdate()
    statuses = employee_campaign_status(employee=employee, as_of=today)
    directive_ids = {item.directive.pk for status in statuses for item in status.items}
    lessons = lessons_for_directives(directive_ids)
    readings = lesson_readings_for(employee, directive_ids)
    quizzes = quizzes_for_directives(directive_ids)
    sessions_by_directive: dict[int, list] = {}
    if directive_ids:
        if upcoming is None:
            upcoming = upcoming_sessions_for(employee, today=today)
        for session in upcoming:
            for directive in session.directives.all():
                sessions_by_directive.setdefault(directive.pk, []).append(session)
    cards = []
    for status in statuses:
        items = [
            RequirementCard(
                item=item,
                lessons=lessons.get(item.directive.pk, []),
                reading=readings.get(item.directive.pk),
                quizzes=quizzes.get(item.directive.pk, []),
                sessions=[s for s in sessions_by_directive.get(item.directive.pk, [])
                          if s.campaign_id == status.campaign.pk] or sessions_by_directive.get(item.directive.pk, []),
            )
            for item in status.items
        ]
        cards.append(CampaignCard(status=status, items=items, today=today))
    # Open campaigns first (soonest due), folded older ones after (latest first).
    current = sorted((c for c in cards if c.expanded), key=lambda c: c.campaign.due)
    past = sorted((c for c in cards if not c.expanded), key=lambda c: c.campaign.due, reverse=True)
    return current + past
