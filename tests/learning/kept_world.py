"""A small random world for the kept-statuses tests: an agency with nested units, staff with
varied periods (newcomers, a future start, a future leaving date), two campaigns (one with
`new_hire_days`, one limited to a unit and a category), sessions, quizzes and manual records.
`random_step` applies one random write and returns what it touched."""

from __future__ import annotations

import datetime as dt
import random

from learning.models import Attendance, Exemption, ManualEvidence, Requirement
from org.models import Employee, EmployeeCategory, UnitMove
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import make_campaign, make_directive, make_quiz, make_session, take_quiz

D = dt.date
START, DUE = D(2024, 4, 1), D(2024, 10, 31)
CATEGORIES = [EmployeeCategory.CONG_CHUC, EmployeeCategory.VIEN_CHUC]


class World:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.agency = make_agency()
        a = make_unit(self.agency, "A", "Phòng A")
        b = make_unit(self.agency, "B", "Phòng B")
        a1 = make_unit(a, "A1", "Tổ A1")
        self.units = [self.agency, a, b, a1]
        self.directives = [make_directive(f"{n}-QĐ/TW") for n in (11, 12, 13)]
        self.first = make_campaign(self.agency, self.directives[:2], slug="c1")
        self.first.new_hire_days = 30
        self.first.save()
        self.second = make_campaign(self.agency, self.directives[1:], slug="c2", units=[a],
                                    categories=[EmployeeCategory.CONG_CHUC])
        self.campaigns = [self.first, self.second]
        self.sessions = [make_session(self.first, START + dt.timedelta(days=d), self.directives[i:i + 2])
                         for i, d in enumerate((20, 90, 200))]
        self.quiz = make_quiz("kt", self.directives[2:])
        self.staff = [self.hire() for _ in range(8)]

    def day(self) -> dt.date:
        return START + dt.timedelta(days=self.rng.randint(-20, 260))

    def hire(self) -> Employee:
        rng = self.rng
        start = rng.choice([None, D(2020, 1, 1), START + dt.timedelta(days=rng.randint(1, 250))])
        return EmployeeFactory(agency=self.agency, unit=rng.choice(self.units), category=rng.choice(CATEGORIES),
                               start_date=start, user=None)

    def random_step(self) -> tuple[str, set[int], bool]:
        """One random write: (name, ids of the people touched, whether the campaign itself changed)."""
        rng = self.rng
        person = rng.choice(self.staff)
        op = rng.choice(["attend", "unattend", "quiz", "manual", "unmanual", "exempt", "unexempt", "move",
                         "leave", "return", "category", "hire", "new_hire_days", "dates", "audience",
                         "requirement"])
        if op == "attend":
            Attendance.objects.update_or_create(session=rng.choice(self.sessions), employee=person,
                                                defaults={"status": rng.choice(["present", "late", "absent"]),
                                                          "method": "sheet"})
        elif op == "unattend":
            Attendance.objects.filter(employee=person).delete()
        elif op == "quiz":
            take_quiz(self.quiz, person, self.day(), passed=rng.random() < 0.7)
        elif op == "manual":
            ManualEvidence.objects.create(employee=person, directive=rng.choice(self.directives), date=self.day())
        elif op == "unmanual":
            ManualEvidence.objects.filter(employee=person).delete()
        elif op == "exempt":
            Exemption.objects.get_or_create(campaign=rng.choice(self.campaigns), employee=person,
                                            defaults={"reason": "Nghỉ thai sản"})
        elif op == "unexempt":
            Exemption.objects.filter(employee=person).delete()
        elif op == "move":
            target = rng.choice(self.units)
            if target.pk != person.unit_id:
                UnitMove.objects.create(employee=person, from_unit_id=person.unit_id, to_unit=target,
                                        moved_on=self.day())
                person.unit = target
                person.save()
        elif op == "leave":
            person.left_date = self.day()
            person.save()
        elif op == "return":
            person.left_date = None
            person.is_active = True
            person.save()
        elif op == "category":
            person.category = rng.choice(CATEGORIES)
            person.save()
        elif op == "hire":
            person = self.hire()
            self.staff.append(person)
        elif op == "new_hire_days":
            campaign = rng.choice(self.campaigns)
            campaign.new_hire_days = rng.choice([None, 10, 45])
            campaign.save()
            return op, set(), True
        elif op == "dates":
            campaign = rng.choice(self.campaigns)
            campaign.due = DUE + dt.timedelta(days=rng.randint(-60, 30))
            campaign.save()
            return op, set(), True
        elif op == "audience":
            campaign = rng.choice(self.campaigns)
            campaign.audience_units.set(rng.sample(self.units[1:], rng.randint(0, 2)))
            return op, set(), True
        elif op == "requirement":
            campaign = rng.choice(self.campaigns)
            directive = rng.choice(self.directives)
            found = Requirement.objects.filter(campaign=campaign, directive=directive)
            if found.exists() and found.count() < campaign.requirements.count():
                found.delete()
            elif not found.exists():
                Requirement.objects.create(campaign=campaign, directive=directive, order=5)
            return op, set(), True
        return op, {person.pk}, False
