"""Kept statuses (issue 17): each (person, requirement) status of a campaign as of today, kept up to
date by every write that can change it, so that the dashboards read rows instead of recomputing
the campaign (docs/compliance.md "Kept statuses").

The rows hold what the one rule computed (`learning.selectors.compliance`), not a status: the
person's due date, whether they are exempt and their earliest evidence. The status of a day is
derived from them when read (pending becomes overdue after the due date without any write).
What the rows cannot follow without a write — a leaving date, a move or a start dated in the
future, evidence dated after the day of the computation, a campaign not started yet — sets
`KeptCampaign.valid_until`: from that day the campaign is read from the evidence again until the
nightly `reconcile_compliance` recomputes it. An edit of the campaign itself (audience,
requirements, dates) bumps `generation`; the rows answer again once a rebuild (a background task
for a large audience) has `built` that generation.
"""

from django.db import models

from org.models import Employee, OrgUnit
from org.scoping import AgencyScopedManager

from .campaigns import Campaign, Requirement


class KeptCampaign(models.Model):
    """A campaign whose statuses are kept, and the days the kept rows answer for."""

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, primary_key=True, related_name="kept")
    computed_on = models.DateField()  # the day of the last full computation
    valid_until = models.DateField(null=True, blank=True)  # first day the rows may be wrong; None: never
    rebuilt_at = models.DateTimeField(auto_now=True)
    generation = models.PositiveIntegerField(default=0)  # edits of the campaign (audience, requirements, dates)
    built = models.PositiveIntegerField(default=0)  # the generation the rows were computed from

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    def __str__(self) -> str:
        return f"{self.campaign_id} @ {self.computed_on}"

    @property
    def pending(self) -> bool:
        """The campaign was edited after its rows were computed: a rebuild is due (queued)."""
        return self.built != self.generation

    def fresh_on(self, day) -> bool:
        return (not self.pending and self.computed_on <= day
                and (self.valid_until is None or day < self.valid_until))


class KeptPerson(models.Model):
    """One person of a campaign's audience today: their unit today, due date, exemption and how many
    requirements they met on time / late (the dashboards' figures come from these rows)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=32, blank=True)
    due = models.DateField()
    exempt = models.BooleanField(default=False)
    on_time = models.PositiveIntegerField(default=0)  # requirements with evidence on or before `due`
    late = models.PositiveIntegerField(default=0)  # requirements with evidence after `due`
    total = models.PositiveIntegerField(default=0)  # requirements of the campaign

    agency_lookup = "campaign__agency"
    objects = AgencyScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "employee"], name="kept_person_unique")]
        indexes = [models.Index(fields=["campaign", "unit"], name="kept_person_unit")]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.employee_id}"


class KeptStatus(models.Model):
    """One (person, requirement) row of a campaign as of today, with its evidence."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="+")
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    due = models.DateField()
    exempt = models.BooleanField(default=False)
    evidence = models.CharField(max_length=32, blank=True)  # the kind, "" when none
    evidence_date = models.DateField(null=True, blank=True)

    agency_lookup = "campaign__agency"
    objects = AgencyScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "employee", "requirement"],
                                               name="kept_status_unique")]
        indexes = [models.Index(fields=["campaign", "unit", "requirement"], name="kept_status_unit")]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.employee_id}/{self.requirement_id}"


class KeptCount(models.Model):
    """Counters of the kept rows per (unit today, requirement, category, due date): how many rows,
    exempt, completed on time / late and missing. Kept with the rows, in the same transaction, by
    `learning.services.kept` (moved by deltas in key order: concurrent writers, no deadlock). The
    due date is part of the key so that missing rows turn from pending to overdue on the day after
    it without any write."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=32, blank=True)
    due = models.DateField()
    # Signed on purpose: the counters move by differences, and a drift shows as a wrong figure
    # (found by `reconcile_compliance`) rather than a failed write.
    rows = models.IntegerField(default=0)
    exempt = models.IntegerField(default=0)
    completed = models.IntegerField(default=0)
    completed_late = models.IntegerField(default=0)
    missing = models.IntegerField(default=0)  # neither exempt nor completed: pending or overdue by `due`

    agency_lookup = "campaign__agency"
    objects = AgencyScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit", "requirement", "category", "due"],
                                               name="kept_count_unique")]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.unit_id}/{self.requirement_id}/{self.category}/{self.due}"


class KeptUnitCount(models.Model):
    """Counters of the kept people per (unit today, category, due date): the people figures of the
    dashboards (everyone, exempt, done with every requirement, missing some, trained in at least
    one) and the sums of their rows, so that a unit's summary reads a few rows instead of its
    people."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=32, blank=True)
    due = models.DateField()
    people = models.IntegerField(default=0)
    exempt_people = models.IntegerField(default=0)
    done_people = models.IntegerField(default=0)  # not exempt, every requirement completed
    missing_people = models.IntegerField(default=0)  # not exempt, some requirement missing
    trained_people = models.IntegerField(default=0)  # not exempt, at least one requirement completed
    rows = models.IntegerField(default=0)
    exempt = models.IntegerField(default=0)
    completed = models.IntegerField(default=0)
    completed_late = models.IntegerField(default=0)
    missing = models.IntegerField(default=0)

    agency_lookup = "campaign__agency"
    objects = AgencyScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit", "category", "due"],
                                               name="kept_unit_count_unique")]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.unit_id}/{self.category}/{self.due}"


class KeptDayCount(models.Model):
    """Counters of the kept rows per (unit today, category, evidence date): the rows (not exempt)
    whose earliest evidence is dated that day, and the people (not exempt) done with every
    requirement whose last evidence is dated that day — the trend ("Diễn biến") of today by a sum
    over a few rows per unit and day (a row was done at T when its evidence is dated ≤ T)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=32, blank=True)
    day = models.DateField()
    done_rows = models.IntegerField(default=0)
    done_people = models.IntegerField(default=0)

    agency_lookup = "campaign__agency"
    objects = AgencyScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "unit", "category", "day"],
                                               name="kept_day_count_unique")]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.unit_id}/{self.category}/{self.day}"
