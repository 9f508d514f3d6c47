"""What "Việc học của tôi" shows: the learner's campaigns with statuses (the kept ones, else the
compliance selector's: never recomputed here), and for each open requirement the next thing to do:
read the lesson, then whatever the evidence sources offer (take a quiz, come to a session, …)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone

from core import evidence as evidence_registry
from core.evidence import Offer, evidence_label
from courses.selectors import lesson_readings_for, lessons_for_directives
from learning.selectors.compliance import CampaignStatus, RequirementStatus
from learning.selectors.my_statuses import my_campaign_status
from learning.statuses import DONE_STATUSES, EXEMPT, status_label
from org.models import Employee

LESSON, WAIT = "lesson", "wait"
RECENTLY_OVERDUE_DAYS = 30


# Cards are built once per view and read many times by the template: their properties are cached.


@dataclass
class RequirementCard:
    item: RequirementStatus
    lessons: list = field(default_factory=list)
    reading: object = None  # courses.LessonReading of a lesson covering the directive, or None
    offers: list[Offer] = field(default_factory=list)  # in source order

    @cached_property
    def status_label(self) -> str:
        return status_label(self.item.status)

    @cached_property
    def evidence_label(self) -> str:
        return evidence_label(self.item.evidence)

    @cached_property
    def is_open(self) -> bool:
        return self.item.status not in (*DONE_STATUSES, EXEMPT)

    @cached_property
    def has_read(self) -> bool:
        return bool(self.reading and self.reading.acknowledged)

    @cached_property
    def actions(self) -> list[Offer]:
        """Offers the learner acts on now (a link: take the quiz, …)."""
        return [offer for offer in self.offers if offer.url]

    @cached_property
    def first_actions(self) -> list[Offer]:
        """The first action of each kind (one quiz button, one video button, …)."""
        seen: set[str] = set()
        return [offer for offer in self.actions if not (offer.kind in seen or seen.add(offer.kind))]

    @cached_property
    def notes(self) -> list[Offer]:
        """Offers to wait for (the next study session, …)."""
        return [offer for offer in self.offers if not offer.url]

    @cached_property
    def next_action(self) -> str:
        """Reading first, then an action, then a note (its evidence kind); "" when done."""
        if not self.is_open:
            return ""
        if self.lessons and not self.has_read:
            return LESSON
        for offer in self.actions or self.notes:
            return offer.kind
        return WAIT

    @cached_property
    def shown(self) -> tuple:
        """Everything the requirement's line shows that is not published content (the directive and
        the first lesson are, by id: the content version covers them). Lines with equal values
        render alike (`CampaignCard.shown`)."""
        reading = self.reading.acknowledged_at if self.has_read else None
        first_lesson = self.lessons[0].pk if self.lessons else None
        return (self.item.directive.pk, self.item.status, self.item.evidence, self.item.evidence_date, reading,
                first_lesson, tuple(self.first_actions), bool(self.actions), tuple(self.notes[:1]), self.next_action)


@dataclass
class CampaignCard:
    status: CampaignStatus
    items: list[RequirementCard]
    today: dt.date

    @cached_property
    def campaign(self):
        return self.status.campaign

    @cached_property
    def due(self) -> dt.date:
        """The person's own due date (a newcomer's with `new_hire_days`), else the campaign's."""
        return self.status.due or self.campaign.due

    @cached_property
    def days_left(self) -> int:
        return (self.due - self.today).days

    @cached_property
    def days_overdue(self) -> int:
        return -self.days_left

    @cached_property
    def is_done(self) -> bool:
        return not any(card.is_open for card in self.items)

    @cached_property
    def is_current(self) -> bool:
        return self.days_left >= 0

    @cached_property
    def expanded(self) -> bool:
        """Shown open: campaigns still running, or missed by less than a month; older ones fold."""
        return self.is_current or (not self.is_done and self.days_overdue <= RECENTLY_OVERDUE_DAYS)

    @cached_property
    def counted(self) -> int:
        return sum(card.item.status != EXEMPT for card in self.items)

    @cached_property
    def percent(self) -> int:
        return round(100 * self.status.completed / self.counted) if self.counted else 100

    @cached_property
    def read_count(self) -> int:
        return sum(card.has_read for card in self.items if card.is_open)

    @cached_property
    def shown(self) -> tuple:
        """Everything the card shows besides published content and the language: the key its
        rendering is kept under (`learning.templatetags.my_learning`), so two requests with the same
        values share one rendering and any change of a value renders afresh — nothing to invalidate."""
        status = self.status
        return (self.campaign.pk, self.campaign.slug, self.campaign.title, self.due, self.days_left, self.expanded,
                status.exempt, status.completed, self.counted, self.percent, self.read_count, self.is_done,
                tuple(card.shown for card in self.items))


def _offers(*, employee: Employee, directive_ids: set[int], today: dt.date, shared: dict) -> dict[int, list[Offer]]:
    """directive_id → every source's offers, in source order."""
    offers: dict[int, list[Offer]] = {}
    if directive_ids:
        for source in evidence_registry.sources():
            for directive_id, found in source.offers(employee=employee, directive_ids=directive_ids, today=today,
                                                     shared=shared).items():
                offers.setdefault(directive_id, []).extend(found)
    return offers


def _for_campaign(offers: list[Offer], campaign_id: int) -> list[Offer]:
    """Offers tied to a campaign (sessions) prefer this campaign's; untied ones always stay."""
    tied = [offer for offer in offers if offer.group_id is not None]
    own = [offer for offer in tied if offer.group_id == campaign_id]
    return [offer for offer in offers if offer.group_id is None or offer in (own or tied)]


def my_learning(*, employee: Employee, today: dt.date | None = None, upcoming: list | None = None) -> list[CampaignCard]:
    """Campaigns that apply to `employee` today, each requirement with lessons, reading and what the
    evidence sources offer; a handful of queries whatever the number of requirements. `upcoming`:
    the person's upcoming sessions, when the caller already has them."""
    today = today or timezone.localdate()
    statuses = my_campaign_status(employee=employee, as_of=today)
    directive_ids = {item.directive.pk for status in statuses for item in status.items}
    lessons = lessons_for_directives(directive_ids)
    readings = lesson_readings_for(employee, directive_ids)
    shared = {} if upcoming is None else {"upcoming_sessions": upcoming}
    offers = _offers(employee=employee, directive_ids=directive_ids, today=today, shared=shared)
    cards = []
    for status in statuses:
        items = [
            RequirementCard(
                item=item,
                lessons=lessons.get(item.directive.pk, []),
                reading=readings.get(item.directive.pk),
                offers=_for_campaign(offers.get(item.directive.pk, []), status.campaign.pk),
            )
            for item in status.items
        ]
        cards.append(CampaignCard(status=status, items=items, today=today))
    # Open campaigns first (soonest due), folded older ones after (latest first).
    current = sorted((c for c in cards if c.expanded), key=lambda c: c.due)
    past = sorted((c for c in cards if not c.expanded), key=lambda c: c.due, reverse=True)
    return current + past
