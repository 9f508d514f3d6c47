"""Two completions at once give one certificate, and serials never collide (PostgreSQL row locks)."""

import threading
import time

import pytest
from django.db import connection, transaction

from certificates.models import Certificate
from certificates.services import (
    certificate_issue,
    certificates_issue_for_campaign,
    certificates_issue_if_complete,
    issuing,
)
from learning.models import Exemption
from org.models import Employee
from tests.certificates.conftest import D, Scenario

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_together(*calls):
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def worker(call):
        try:
            barrier.wait(timeout=10)
            results.append(call())
        except Exception as exc:  # reported by the test, not swallowed
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_two_simultaneous_completions_give_one_certificate():
    scenario = Scenario()
    person = scenario.person("SCT001")
    scenario.study(person)
    call = lambda: certificate_issue(employee=person, campaign=scenario.campaign, as_of=D(2024, 11, 15))  # noqa: E731
    results, errors = run_together(call, call, call, call)
    assert errors == []
    assert sorted(created for _, created in results) == [False, False, False, True]
    assert Certificate.objects.filter(employee=person).count() == 1
    assert len({certificate.pk for certificate, _ in results}) == 1


def test_hook_and_bulk_racing_give_distinct_serials_and_one_certificate_each():
    scenario = Scenario()
    people = [scenario.person(f"SCT{i:03d}", f"Người {i}") for i in range(1, 13)]
    for person in people:
        scenario.study(person)
    calls = [lambda: certificates_issue_for_campaign(campaign=scenario.campaign, as_of=D(2024, 11, 15))]
    calls += [lambda p=p: certificates_issue_if_complete(employee=p, campaign=scenario.campaign) for p in people[:4]]
    _, errors = run_together(*calls)
    assert errors == []
    certificates = list(Certificate.objects.all())
    assert len(certificates) == 12
    assert len({c.employee_id for c in certificates}) == 12
    for year in {c.serial_year for c in certificates}:  # the hook issues today, bulk as of 2024
        numbers = sorted(c.serial_number for c in certificates if c.serial_year == year)
        assert numbers == list(range(1, len(numbers) + 1))


def test_an_issuer_and_a_writer_holding_the_person_do_not_deadlock():
    """The issuer locks the campaign FOR NO KEY UPDATE, which lets the foreign-key checks (KEY SHARE)
    of rows referencing the campaign through. A writer holding the person's row (as
    `exemption_grant` and `attempt_start` do) that inserts such a row (an exemption, kept statuses)
    while the issuer, holding the campaign, writes that person's certificate (its foreign key to
    the person) deadlocked with a full lock: PostgreSQL aborted one of them."""
    scenario = Scenario()
    person = scenario.person("SCT001")
    campaign = scenario.campaign
    person_locked, campaign_locked = threading.Event(), threading.Event()

    def writer():
        with transaction.atomic():
            Employee.objects.select_for_update().filter(pk=person.pk).first()
            person_locked.set()
            assert campaign_locked.wait(timeout=10)
            Exemption.objects.create(campaign=campaign, employee=person, reason="Nghỉ thai sản")
            time.sleep(0.3)

    def issuer():
        assert person_locked.wait(timeout=10)
        with transaction.atomic():
            issuing._lock_campaign(campaign)
            campaign_locked.set()
            time.sleep(0.3)  # the writer's insert arrives meanwhile
            with connection.cursor() as cursor:  # what inserting the person's certificate checks
                cursor.execute(f"SELECT 1 FROM {Employee._meta.db_table} WHERE id = %s FOR KEY SHARE", [person.pk])

    _, errors = run_together(writer, issuer)
    assert errors == []
    assert Exemption.objects.filter(campaign=campaign, employee=person).exists()
