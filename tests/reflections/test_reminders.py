"""Reflection reminders ride the reminders job: graders hear of their waiting queue, learners of a
returned reflection; weekly at most; the command's line names them only when one was sent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from reflections.services.grading import reflection_return
from reflections.services.writing import reflection_save
from reports.models import Reminder, ReminderKind
from reports.services.reminders import reminders_send
from tests.reflections.conftest import ESSAY

pytestmark = pytest.mark.django_db


def _submit(world, person):
    return reflection_save(campaign=world.campaign, directive=world.d1, actor=person.user, text=ESSAY, submit=True)


def test_graders_and_returned_writers_are_reminded_once_a_week(world):
    _submit(world, world.learner)
    reflection_return(reflection=_submit(world, world.peer), actor=world.hr.user, comment="Sửa phần kết")
    today = timezone.localdate()
    result = reminders_send(campaigns=type(world.campaign).objects.filter(pk=world.campaign.pk), as_of=today)
    queue = {r.employee.employee_code for r in Reminder.objects.filter(kind=ReminderKind.GRADING_QUEUE)}
    assert queue == {world.head_y.employee_code, world.hr.employee_code}  # not the head of unit X
    (redo,) = Reminder.objects.filter(kind=ReminderKind.REDO_REFLECTION)
    assert (redo.employee, redo.requirements) == (world.peer, ["23-QĐ/TW"])
    assert "grading_queue 2" in result.line() and "redo_reflection 1" in result.line()
    to_head = next(m for m in mail.outbox if m.to == [world.head_y.email])
    assert "1 bài thu hoạch" in to_head.body and "/admin/bai-thu-hoach/?status=submitted" in to_head.body
    again = reminders_send(campaigns=type(world.campaign).objects.filter(pk=world.campaign.pk),
                           as_of=today + dt.timedelta(days=3))
    assert again.sent[ReminderKind.GRADING_QUEUE] == 0 and again.already[ReminderKind.GRADING_QUEUE] == 2


def test_nothing_waiting_keeps_the_line_as_before(world):
    result = reminders_send(campaigns=type(world.campaign).objects.filter(pk=world.campaign.pk),
                            as_of=timezone.localdate())
    assert "grading_queue" not in result.line() and "redo_reflection" not in result.line()
