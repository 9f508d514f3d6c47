"""Campaign-peak mix for locust: log in, open "Việc học của tôi", read a lesson, take and submit
a quiz, check in at a session by QR. A second user class reads the bare Wagtail page, measured
in the same run as the baseline.

Every virtual learner takes a fresh login from fixture.json (written by prepare.py), so attempts
and check-ins are real and countable in the database afterwards (see verify.py).

FastHttpUser (geventhttpclient) rather than HttpUser (requests): it costs the load generator
several times less CPU per request, and locust shares the server's two cores. It does not follow
a POST's redirect for us in a way we can read, so each POST is sent with redirects off and the
page it redirects to is fetched as its own step, which also times the two separately.

Think time between a learner's actions: THINK="min-max" seconds (default 1-3, the stress
profile); see docs/benchmarks.md for the profiles used.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

FIXTURE = json.loads(Path(__file__).with_name("fixture.json").read_text())
THINK = tuple(float(v) for v in os.environ.get("THINK", "1-3").split("-"))
_logins = itertools.cycle(FIXTURE["usernames"])
_lock = threading.Lock()
_submitted = []  # attempt ids whose submission the server confirmed
_code = {"path": None, "at": 0.0}

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ATTEMPT = re.compile(r"/bai-kiem-tra/luot/(\d+)/")
SHOWN = re.compile(r'name="shown" value="(\d+)"')
CHOICE = re.compile(r'name="q-(\d+)" value="([^"]+)"')


def _csrf(html: str | None) -> str:
    match = CSRF.search(html or "")
    return match.group(1) if match else ""


def _next_login() -> str:
    with _lock:
        return next(_logins)


def _location(response) -> str:
    """Path of a redirect's target ("" when the response is not a redirect)."""
    if response.status_code not in (301, 302, 303):
        return ""
    return urlsplit(response.headers.get("location", "")).path


class Learner(FastHttpUser):
    weight = 10
    wait_time = between(*THINK)

    def _post(self, path: str, name: str, html: str | None, **data):
        """A form POST as the browser sends it (CSRF token from the page, Referer), no redirect."""
        with self.client.post(path, name=name, data={"csrfmiddlewaretoken": _csrf(html), **data},
                              headers={"Referer": self.host + path}, allow_redirects=False,
                              catch_response=True) as response:
            if response.status_code in (200, 301, 302, 303):
                response.success()
            return response

    def on_start(self):
        self.username = _next_login()
        page = self.client.get("/dang-nhap/", name="1 login form")
        response = self._post("/dang-nhap/", "1 login", page.text,
                              username=self.username, password=FIXTURE["password"])
        if not _location(response) or _location(response).startswith("/dang-nhap/"):
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
        started = self._post(f"/bai-kiem-tra/{slug}/bat-dau/", "4 quiz start", detail.text)
        match = ATTEMPT.search(_location(started))
        if not match:
            started.failure("no attempt started")
            return
        attempt = match.group(1)
        page = self.client.get(_location(started), name="4 quiz questions")
        data = {"shown": SHOWN.findall(page.text or ""), "action": "finish", "trang": "1"}
        for question, value in CHOICE.findall(page.text or ""):
            data.setdefault(f"q-{question}", value)  # the first option of each question
        saved = self._post(f"/bai-kiem-tra/luot/{attempt}/", "4 quiz answers", page.text, **data)
        confirm = self.client.get(_location(saved) or f"/bai-kiem-tra/luot/{attempt}/nop-bai/",
                                  name="4 quiz confirm page")
        submitted = self._post(f"/bai-kiem-tra/luot/{attempt}/nop-bai/", "4 quiz submit", confirm.text)
        if "/ket-qua/" in _location(submitted):
            with _lock:
                _submitted.append(int(attempt))
            self.client.get(_location(submitted), name="4 quiz result")
        else:
            submitted.failure("submission not confirmed")

    @task(1)
    def check_in(self):
        path = _code["path"]
        if not path:
            return
        page = self.client.get(path, name="5 check-in scan")
        if 'name="csrfmiddlewaretoken"' not in (page.text or ""):
            return  # already checked in: harmless
        self._post(path, "5 check-in confirm", page.text)


class Projector(FastHttpUser):
    """HR's projector page polling the rotating code (what learners scan)."""

    fixed_count = 1
    wait_time = between(5, 5)

    def on_start(self):
        page = self.client.get("/dang-nhap/", name="projector login form")
        with self.client.post("/dang-nhap/", name="projector login", allow_redirects=False, catch_response=True,
                              data={"username": FIXTURE["hr"], "password": FIXTURE["password"],
                                    "csrfmiddlewaretoken": _csrf(page.text)},
                              headers={"Referer": self.host + "/dang-nhap/"}) as response:
            response.success()

    @task
    def poll(self):
        response = self.client.get(f"/hoi-nghi/{FIXTURE['session']}/trinh-chieu/ma/", name="projector code")
        if response.ok:
            _code.update(path=urlsplit(response.json()["url"]).path, at=time.time())


class Baseline(FastHttpUser):
    """The bare Wagtail page on the same server, for the throughput ratio."""

    weight = 3
    wait_time = between(*THINK)

    @task
    def wagtail_page(self):
        self.client.get(FIXTURE.get("baseline_url", "/van-ban/"), name="0 bare wagtail page")


# run.sh asks locust to reset its statistics once every user is spawned, so that the tables
# measure the steady state at that concurrency. Logins (all during the ramp) and every failure
# of the whole run, ramp included, are kept here and written beside locust's CSV files.
_whole_run = {"login_ms": [], "failures": {}}


@events.request.add_listener
def _record(request_type, name, response_time, exception=None, **kwargs):
    if name == "1 login":
        _whole_run["login_ms"].append(response_time)
    if exception is not None:
        key = f"{name}: {exception}"[:200]
        _whole_run["failures"][key] = _whole_run["failures"].get(key, 0) + 1


@events.test_stop.add_listener
def _write_results(environment, **kwargs):
    # Appends across the runs of one load test; run.sh removes the file before the first.
    path = Path(__file__).with_name("submitted.json")
    earlier = json.loads(path.read_text()) if path.exists() else []
    path.write_text(json.dumps(sorted(earlier + _submitted)))
    prefix = getattr(environment.parsed_options, "csv_prefix", None)
    if prefix:
        Path(f"{prefix}_whole_run.json").write_text(json.dumps(_whole_run))
