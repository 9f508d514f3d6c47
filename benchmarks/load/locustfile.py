"""Campaign-peak mix for locust: log in, open "Việc học của tôi", read a lesson, take and submit
a quiz, check in at a session by QR. A second user class reads the bare Wagtail page, measured
in the same run as the baseline.

Every virtual learner takes a fresh login from fixture.json (written by prepare.py), so attempts
and check-ins are real and countable in the database afterwards (see verify.py).
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from pathlib import Path

from locust import HttpUser, between, events, task

FIXTURE = json.loads(Path(__file__).with_name("fixture.json").read_text())
_logins = itertools.cycle(FIXTURE["usernames"])
_lock = threading.Lock()
_submitted = []  # attempt ids whose submission the server confirmed
_code = {"url": None, "at": 0.0}

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ATTEMPT = re.compile(r"/bai-kiem-tra/luot/(\d+)/")
SHOWN = re.compile(r'name="shown" value="(\d+)"')
CHOICE = re.compile(r'name="q-(\d+)" value="([^"]+)"')


def _csrf(html: str) -> str:
    match = CSRF.search(html)
    return match.group(1) if match else ""


def _next_login() -> str:
    with _lock:
        return next(_logins)


class Learner(HttpUser):
    weight = 10
    wait_time = between(1, 3)

    def on_start(self):
        self.username = _next_login()
        page = self.client.get("/dang-nhap/", name="1 login form")
        response = self.client.post(
            "/dang-nhap/", name="1 login",
            data={"username": self.username, "password": FIXTURE["password"], "csrfmiddlewaretoken": _csrf(page.text)},
            headers={"Referer": self.host + "/dang-nhap/"},
        )
        if "/dang-nhap/" in response.url:
            response.failure("login refused")

    @task(4)
    def my_learning(self):
        self.client.get("/", name="2 my learning")

    @task(3)
    def read_lesson(self):
        self.client.get(FIXTURE["lesson_url"], name="3 lesson")

    @task(2)
    def take_quiz(self):
        slug = FIXTURE["quiz"]
        detail = self.client.get(f"/bai-kiem-tra/{slug}/", name="4 quiz page")
        started = self.client.post(f"/bai-kiem-tra/{slug}/bat-dau/", name="4 quiz start",
                                   data={"csrfmiddlewaretoken": _csrf(detail.text)},
                                   headers={"Referer": detail.url})
        match = ATTEMPT.search(started.url)
        if not match:
            return
        attempt = match.group(1)
        shown = SHOWN.findall(started.text)
        data = {"csrfmiddlewaretoken": _csrf(started.text), "shown": shown, "action": "finish", "trang": "1"}
        for question, value in CHOICE.findall(started.text):
            data.setdefault(f"q-{question}", value)  # the first option of each question
        saved = self.client.post(f"/bai-kiem-tra/luot/{attempt}/", name="4 quiz answers", data=data,
                                 headers={"Referer": started.url})
        with self.client.post(f"/bai-kiem-tra/luot/{attempt}/nop-bai/", name="4 quiz submit",
                              data={"csrfmiddlewaretoken": _csrf(saved.text)}, headers={"Referer": saved.url},
                              catch_response=True) as submitted:
            if "/ket-qua/" in submitted.url:
                with _lock:
                    _submitted.append(int(attempt))
                submitted.success()
            else:
                submitted.failure("submission not confirmed")

    @task(1)
    def check_in(self):
        url = _code["url"]
        if not url:
            return
        path = url.split("127.0.0.1", 1)[-1].split(":", 1)[-1]
        path = path[path.index("/"):]
        page = self.client.get(path, name="5 check-in scan")
        if 'name="csrfmiddlewaretoken"' not in page.text:
            return  # already checked in: harmless
        self.client.post(path, name="5 check-in confirm", data={"csrfmiddlewaretoken": _csrf(page.text)},
                         headers={"Referer": page.url})


class Projector(HttpUser):
    """HR's projector page polling the rotating code (what learners scan)."""

    fixed_count = 1
    wait_time = between(5, 5)

    def on_start(self):
        page = self.client.get("/dang-nhap/", name="projector login form")
        self.client.post("/dang-nhap/", name="projector login",
                         data={"username": FIXTURE["hr"], "password": FIXTURE["password"],
                               "csrfmiddlewaretoken": _csrf(page.text)},
                         headers={"Referer": self.host + "/dang-nhap/"})

    @task
    def poll(self):
        response = self.client.get(f"/hoi-nghi/{FIXTURE['session']}/trinh-chieu/ma/", name="projector code")
        if response.ok:
            _code.update(url=response.json()["url"], at=time.time())


class Baseline(HttpUser):
    """The bare Wagtail page on the same server, for the throughput ratio."""

    weight = 3
    wait_time = between(1, 3)

    @task
    def wagtail_page(self):
        self.client.get(FIXTURE.get("baseline_url", "/van-ban/"), name="0 bare wagtail page")


@events.test_stop.add_listener
def _write_submitted(environment, **kwargs):
    # Appends across the runs of one load test; run.sh removes the file before the first.
    path = Path(__file__).with_name("submitted.json")
    earlier = json.loads(path.read_text()) if path.exists() else []
    path.write_text(json.dumps(sorted(earlier + _submitted)))
