"""L6 (issue 13): a malformed id in a query string or a form body gave a 500 (`?campaign='` on the
report download). Every id a request carries goes through `core.params.id_param`: a garbled one
answers as an id that does not exist."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from core.params import id_param
from tests.security import scenario

pytestmark = pytest.mark.django_db

GARBLED = ("'", "1'", "abc", "-1", "0", "１２", "99999999999999999999999", "1 OR 1=1")


def test_id_param():
    assert id_param("12") == 12 and id_param(" 7 ") == 7 and id_param(5) == 5
    for value in (*GARBLED, "", None, "1.5"):
        assert id_param(value) is None, value


def test_l6_a_garbled_campaign_on_the_report_download_is_a_404_not_a_500():
    s = scenario.build()
    client = Client()  # the test client re-raises a view's exception: a 500 fails here
    client.force_login(s.users["hr_a"])
    url = reverse("learning_dashboard:report")
    served = client.get(url, {"campaign": s.campaign.pk, "exporter": "compliance-csv"})
    assert served.status_code == 200  # the control: the same request with a real id
    for value in GARBLED:
        assert client.get(url, {"campaign": value, "exporter": "compliance-csv"}).status_code == 404, value
        response = client.get(url, {"campaign": s.campaign.pk, "exporter": "compliance-csv", "unit": value})
        assert response.status_code == 404, value


def test_garbled_ids_in_other_requests_answer_as_missing_ones():
    s = scenario.build()
    client = Client()
    client.force_login(s.users["hr_a"])
    for value in GARBLED:
        response = client.post(reverse("learning_dashboard:remind"), {"campaign": value, "employee": s.victim.pk})
        assert response.status_code == 404, value
        response = client.post(reverse("learning_studysession:attendance", args=[s.session.pk]),
                               {"employee": value, "status": "present"})
        assert response.status_code == 302, value  # "invalid request", as for an unknown person
        response = client.post(reverse("learning_campaign:exempt", args=[s.campaign.pk]),
                               {"employee": value, "reason": "x"})
        assert response.status_code == 404, value
        assert client.get(reverse("certificates_jobs:index"), {"campaign": value}).status_code == 200, value
