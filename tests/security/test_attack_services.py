"""The two-agency attack on the services (issue 13, item 2).

Every public function of the services modules is classified in tests/security/services.py (a new
one fails `test_every_service_is_classified`). Each one that writes an agency's rows is called
here by HR, a unit head and a learner of agency B on agency A's objects (tests/security/scenario):
it must refuse with the NotFound a missing object gives (no oracle of ids) and write nothing —
no row of any agency-scoped model, no audit entry, no change to A's objects. Then the forged
ids in form bodies and the codes in uploaded files, through the screens.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.errors import NotFound
from org import roles
from org.models import AuditLog
from tests.factories import EmployeeFactory, give_role
from tests.security import scenario
from tests.security.services import QUIZ_MODULE_PREFIX, SERVICES, WRITES, classification

pytestmark = pytest.mark.django_db

SERVICE_PACKAGES = ("org", "learning", "reports", "certificates", "courses", "quizzes", "reflections")


def _service_functions() -> set[str]:
    names = set()
    modules = []
    for app in SERVICE_PACKAGES:
        package = importlib.import_module(f"{app}.services")
        if hasattr(package, "__path__"):
            modules += [f"{app}.services.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
        else:
            modules.append(f"{app}.services")
    jobs = importlib.import_module("core.jobs")
    modules += [f"core.jobs.{m.name}" for m in pkgutil.iter_modules(jobs.__path__)]
    for name in modules:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if attr.startswith("_") or getattr(value, "__module__", None) != name:
                continue
            if inspect.isfunction(value) or (inspect.isclass(value) and not issubclass(value, Exception)
                                             and not _is_data(value)):
                names.add(f"{name}.{attr}")
    return names


def _is_data(cls) -> bool:
    """Result records (dataclasses, named tuples, enums) are not services."""
    import dataclasses
    import enum

    return dataclasses.is_dataclass(cls) or issubclass(cls, tuple | enum.Enum)


def test_every_service_is_classified():
    found = _service_functions()
    missing = sorted(name for name in found if classification(name) is None)
    assert not missing, f"new services without a class in tests/security/services.py: {missing}"
    assert any(name.startswith(QUIZ_MODULE_PREFIX) for name in found)  # the walk does reach the quiz engine
    # a writing service that is gone must leave the table (its attack would call nothing); a gone
    # helper is harmless there
    stale = sorted(name for name, (kind, _) in SERVICES.items() if kind == WRITES and name not in found)
    assert not stale, f"classified writing services that no longer exist: {stale}"
    for name, (kind, reason) in SERVICES.items():
        assert kind == WRITES or reason, f"{name}: say why it needs no attack"


def test_every_writing_service_is_attacked():
    writing = {name for name, (kind, _) in SERVICES.items() if kind == WRITES}
    assert writing == set(ATTACKS), (sorted(writing - set(ATTACKS)), sorted(set(ATTACKS) - writing))


# --- the attacks: (scenario, actor of agency B) -> call on agency A's objects -------------------

def _csv(text: str) -> bytes:
    return ("\ufeff" + text).encode()


def _table(columns, text):
    from core.tables import read_table

    return read_table(_csv(text), columns, filename="x.csv")


def _roster_import(s, actor):
    from org.services.roster import roster_import

    text = f"Mã cán bộ,Họ và tên,Đơn vị,Loại\n{scenario.VICTIM_CODE},Kẻ Giả Mạo,PY,cong_chuc\n"
    roster_import(agency=s.agency_a, table_or_file=_csv(text), filename="ds.csv", actor=actor)


def _attendance_import(s, actor):
    from learning.services.attendance import attendance_import

    text = f"Mã cán bộ,Trạng thái\n{scenario.VICTIM_CODE},Có mặt\n"
    attendance_import(session=s.session, file=_csv(text), filename="ds.csv", actor=actor)


def _campaign_save(s, actor):
    from learning.services.campaigns import campaign_save

    # the attacker names its own agency and A's campaign, the forged id of a form body
    campaign_save(agency=actor.employee.agency, campaign=s.campaign, data={"slug": "x", "title": "x"}, actor=actor)


def _campaign_load(s, actor):
    from learning.services.campaigns import campaign_load

    campaign_load(agency=s.agency_a, data="slug: ke-hoach-a\ntitle: Đổi tên\n", actor=actor)


def _criteria_import(s, actor):
    from reports.services.scoring import criteria_import

    # refused before the file is read: the tables do not matter
    criteria_import(agency=s.agency_a, year=timezone.localdate().year, criteria=None, ratings=None, actor=actor)


def _self_score_save(s, actor):
    from reports.services.scoring import self_score_save

    s.self_score.points = 0
    self_score_save(score=s.self_score, actor=actor)


def _target_save(s, actor):
    from reports.services.targets import target_save

    s.target.text = "Đổi"
    target_save(target=s.target, actor=actor)


def _checkin_submit(s, actor):
    from learning.services.checkin import checkin_submit

    inspection = checkin_submit(token=s.token, user=actor)
    if not inspection.ok:  # refused as a code of a session one is not expected at
        raise NotFound("not found")


def _certificate_revoke(s, actor):
    from certificates.services.revocation import certificate_revoke

    certificate_revoke(code=s.certificate.code, reason="giả mạo", actor=actor)


def _lesson(name):
    def attack(s, actor):
        from courses import services

        getattr(services, name)(lesson=s.lesson, employee=s.victim, user=actor)
    return attack


def _video_beat(s, actor):
    from courses.services.video import video_beat

    video_beat(lesson=s.lesson, employee=s.victim, ranges=[[0, 1]], user=actor)


def _call(path, **kwargs):
    """An attack that calls `path` with keyword arguments built from the scenario."""
    def attack(s, actor):
        module, name = path.rsplit(".", 1)
        function = getattr(importlib.import_module(module), name)
        arguments = {k: v(s) if callable(v) else v for k, v in kwargs.items()}
        actor_arg = "requested_by" if name == "export_job_request" else "actor"
        function(**arguments, **{actor_arg: actor})
    return attack


TODAY = dt.date.today

ATTACKS = {
    "org.services.roster.roster_import": _roster_import,
    "learning.services.attendance.attendance_import": _attendance_import,
    "learning.services.attendance.attendance_mark_remaining_absent": _call(
        "learning.services.attendance.attendance_mark_remaining_absent", session=lambda s: s.session),
    "learning.services.attendance.attendance_record": _call(
        "learning.services.attendance.attendance_record", session=lambda s: s.session,
        employee=lambda s: s.victim, status="present", method="hr"),
    "learning.services.campaigns.campaign_delete": _call(
        "learning.services.campaigns.campaign_delete", campaign=lambda s: s.campaign),
    "learning.services.campaigns.campaign_load": _campaign_load,
    "learning.services.campaigns.campaign_save": _campaign_save,
    "learning.services.checkin.checkin_submit": _checkin_submit,
    "learning.services.evidence.manual_evidence_delete": _call(
        "learning.services.evidence.manual_evidence_delete", evidence=lambda s: s.manual),
    "learning.services.evidence.manual_evidence_record": _call(
        "learning.services.evidence.manual_evidence_record", employee=lambda s: s.victim,
        directive=lambda s: s.directive, date=lambda s: TODAY()),
    "learning.services.evidence.manual_evidence_update": _call(
        "learning.services.evidence.manual_evidence_update", evidence=lambda s: s.manual, date=lambda s: TODAY(),
        note="đổi"),
    "learning.services.exemptions.exemption_grant": _call(
        "learning.services.exemptions.exemption_grant", campaign=lambda s: s.campaign, employee=lambda s: s.victim,
        reason="giả mạo"),
    "learning.services.exemptions.exemption_lift": _call(
        "learning.services.exemptions.exemption_lift", campaign=lambda s: s.campaign, employee=lambda s: s.peer),
    "learning.services.sessions.session_audit_change": _call(
        "learning.services.sessions.session_audit_change", session=lambda s: s.session, before={}),
    "learning.services.sessions.session_create": _call(
        "learning.services.sessions.session_create", campaign=lambda s: s.campaign, title="Giả mạo",
        date=lambda s: TODAY(), directives=lambda s: [s.directive]),
    "courses.services.reading.lesson_acknowledge": _lesson("lesson_acknowledge"),
    "courses.services.reading.lesson_open": _lesson("lesson_open"),
    "courses.services.video.video_beat": _video_beat,
    "reports.services.evidence_pack.export_job_request": _call(
        "reports.services.evidence_pack.export_job_request", campaign=lambda s: s.campaign),
    "reports.services.reminders.reminder_send_manual": _call(
        "reports.services.reminders.reminder_send_manual", campaign=lambda s: s.campaign,
        employee=lambda s: s.victim),
    "reports.services.scoring.criteria_import": _criteria_import,
    "reports.services.scoring.self_score_save": _self_score_save,
    "reports.services.targets.target_save": _target_save,
    "certificates.services.issuing.certificate_issue": _call(
        "certificates.services.issuing.certificate_issue", campaign=lambda s: s.campaign,
        employee=lambda s: s.peer, check_completion=False),
    "certificates.services.issuing.certificate_issue_for_quiz": _call(
        "certificates.services.issuing.certificate_issue_for_quiz", quiz=lambda s: s.quiz,
        employee=lambda s: s.victim),
    "certificates.services.issuing.certificates_issue_due": _call(
        "certificates.services.issuing.certificates_issue_due", employee=lambda s: s.victim),
    "certificates.services.issuing.certificates_issue_for_campaign": _call(
        "certificates.services.issuing.certificates_issue_for_campaign", campaign=lambda s: s.campaign),
    "certificates.services.issuing.certificates_issue_if_complete": _call(
        "certificates.services.issuing.certificates_issue_if_complete", campaign=lambda s: s.campaign,
        employee=lambda s: s.victim),
    "certificates.services.jobs.certificate_job_start": _call(
        "certificates.services.jobs.certificate_job_start", kind="zip", campaign=lambda s: s.campaign),
    "certificates.services.revocation.certificate_revoke": _certificate_revoke,
    "learning.services.rollover.campaign_rollover": _call(
        "learning.services.rollover.campaign_rollover", campaign=lambda s: s.campaign,
        year=lambda s: s.campaign.year + 1),
    "learning.services.records.session_record_attach": _call(
        "learning.services.records.session_record_attach", session=lambda s: s.session,
        content=b"%PDF-1.4 bien ban gia mao", filename="gia-mao.pdf"),
    "learning.services.records.session_record_delete": _call(
        "learning.services.records.session_record_delete", record=lambda s: s.record),
    "org.services.provinces.province_access_grant": _call(
        "org.services.provinces.province_access_grant", officer=lambda s: s.officer, agency=lambda s: s.agency_a,
        purpose="giả mạo", valid_until=lambda s: TODAY() + dt.timedelta(days=30)),
    "reports.services.annual_report.annual_report_freeze": _call(
        "reports.services.annual_report.annual_report_freeze", report=lambda s: s.annual_report),
    "reports.services.annual_report.annual_report_save": _call(
        "reports.services.annual_report.annual_report_save", report=lambda s: s.annual_report),
    "reports.services.scoring.dossier_submit": _call(
        "reports.services.scoring.dossier_submit", dossier=lambda s: s.dossier),
    "reflections.services.writing.reflection_save": _call(
        "reflections.services.writing.reflection_save", campaign=lambda s: s.campaign, directive=lambda s: s.directive,
        text="giả mạo", submit=True),
    "reflections.services.grading.reflection_grade": _call(
        "reflections.services.grading.reflection_grade", reflection=lambda s: s.reflection, passed=True),
    "reflections.services.grading.reflection_return": _call(
        "reflections.services.grading.reflection_return", reflection=lambda s: s.reflection, comment="giả mạo"),
    "reflections.services.prompts.reflection_prompt_save": _call(
        "reflections.services.prompts.reflection_prompt_save", prompt=lambda s: s.reflection_prompt),
    "reflections.services.prompts.reflection_prompt_delete": _call(
        "reflections.services.prompts.reflection_prompt_delete", prompt=lambda s: s.reflection_prompt),
    "org.services.provinces.province_access_revoke": _call(
        "org.services.provinces.province_access_revoke", grant=lambda s: s.grant),
    # the province's review: agency B's staff are no reviewers of agency A's province
    "reports.services.submissions.submission_send": _call(
        "reports.services.submissions.submission_send", dossier=lambda s: s.dossier, report=lambda s: s.annual_report),
    "reports.services.submissions.review_save": _call(
        "reports.services.submissions.review_save", submission=lambda s: s.submission,
        entries=lambda s: [_review_entry()]),
    "reports.services.submissions.submission_return": _call(
        "reports.services.submissions.submission_return", submission=lambda s: s.submission, comment="giả mạo"),
    "reports.services.submissions.submission_finalise": _call(
        "reports.services.submissions.submission_finalise", submission=lambda s: s.submission),
    "reports.services.submissions.results_publish": _call(
        "reports.services.submissions.results_publish", province=lambda s: s.agency_a.province,
        year=lambda s: s.submission.year),
}


def _review_entry():
    from reports.services.submissions import ReviewEntry

    return ReviewEntry("I.1", "10", "giả mạo")


def _prepare(s) -> None:
    """Agency A's objects the scenario does not have: an original of its session, and its province
    with an officer holding a grant (all written as the command line would)."""
    from learning.services.records import session_record_attach
    from org.services.provinces import province_access_grant, province_ensure, province_officer_ensure
    from reports.models import AnnualReport
    from reports.services.scoring import dossier_for
    from tests.factories import UserFactory

    s.objects["annual_report"], _ = AnnualReport.objects.get_or_create(campaign=s.campaign)
    s.objects["dossier"] = dossier_for(agency=s.agency_a, year=timezone.localdate().year)
    s.objects["record"] = session_record_attach(session=s.session, content=b"%PDF-1.4 bien ban A",
                                                filename="bien-ban.pdf").record
    province, _ = province_ensure(code="TN", name="Tây Ninh")
    for agency in (s.agency_a, s.agency_b):
        agency.province = province
        agency.save(update_fields=["province"])
    s.objects["officer"] = province_officer_ensure(user=UserFactory(username="snv"), province=province)
    s.objects["grant"] = province_access_grant(officer=s.officer, agency=s.agency_a, purpose="Kiểm tra",
                                               valid_until=TODAY() + dt.timedelta(days=10))



def _attackers(s) -> dict:
    """HR, a unit head and a learner of agency B."""
    agency_b = s.agency_b
    unit_b = agency_b.get_children().first()
    head_b = EmployeeFactory(agency=agency_b, unit=unit_b, employee_code="HEADB01", full_name="Trưởng phòng B")
    learner_b = EmployeeFactory(agency=agency_b, unit=unit_b, employee_code="LEARNB01", full_name="Học viên B")
    give_role(head_b.user, roles.UNIT_HEAD)
    give_role(learner_b.user, roles.LEARNER)
    return {"hr_b": s.users["hr_b"], "head_b": head_b.user, "learner_b": learner_b.user}


def _state(s) -> dict:
    """What an attack could change: the count of every agency-scoped model and of the audit log,
    and the fields of A's objects the attacks aim at."""
    counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()
              if hasattr(m, "agency_lookup")}
    # a refused scan is logged for the session's HR to see (that log is the point, docs/security.md)
    counts.pop("learning.CheckinAttempt")
    counts["audit"] = AuditLog.objects.count()
    for name in ("campaign", "manual", "self_score", "target", "certificate", "victim", "reflection"):
        obj = getattr(s, name)
        fresh = type(obj)._default_manager.get(pk=obj.pk)
        counts[name] = {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}
    return counts


@pytest.mark.parametrize("service", sorted(ATTACKS))
def test_agency_b_cannot_write_agency_a_through_any_service(service):
    s = scenario.build()
    _prepare(s)
    attackers = _attackers(s)
    before = _state(s)
    for role, actor in attackers.items():
        with pytest.raises(NotFound) as caught:
            ATTACKS[service](s, actor)
        assert "not found" in str(caught.value) or caught.value.code.endswith("not_found"), (role, caught.value)
        assert scenario.VICTIM_NAME not in str(caught.value) and scenario.CAMPAIGN_A_TITLE not in str(caught.value)
        after = _state(scenario.Scenario(objects=s.objects, users=s.users))
        changed = {k for k in before if before[k] != after[k]}
        assert not changed, f"{service} as {role} changed {changed}"


def test_hr_of_agency_a_is_served_by_the_same_services():
    """The positive control: the owner's HR gets through (the refusals above are not accidents)."""
    from learning.services.exemptions import exemption_grant

    s = scenario.build()
    exemption, _ = exemption_grant(campaign=s.campaign, employee=s.victim, reason="Đi học", actor=s.users["hr_a"])
    assert exemption.pk


# --- forged ids in the URL: another agency's id answers as a missing one ------------------------

def test_a_foreign_id_in_the_url_answers_as_a_missing_one():
    """For every object URL of the rules table that HR of B must not open, A's object and an id
    that does not exist give the same answer (status and redirect): no oracle of ids."""
    from tests.security.checks import is_refusal
    from tests.security.rules import RULES

    s = scenario.build()
    client = Client()
    client.force_login(s.users["hr_b"])
    differ = []
    for name, rule in RULES.items():
        kwargs = rule.kwargs(s)
        if "hr_b" not in rule.deny or not isinstance(kwargs, dict) or "pk" not in kwargs:
            continue
        url_a = reverse(name, kwargs=kwargs)
        url_missing = reverse(name, kwargs={**kwargs, "pk": 987654})
        send = client.post if rule.method == "post" else client.get
        data = rule.data(s)
        got_a, got_missing = send(url_a, data), send(url_missing, data)
        assert is_refusal(got_a), f"{name}: {got_a.status_code}"
        seen = [(r.status_code, r.get("Location", "")) for r in (got_a, got_missing)]
        if seen[0] != seen[1]:
            differ.append(f"{name}: A's id {seen[0]}, a missing id {seen[1]}")
    assert not differ, differ


# --- forged ids in form bodies and codes in uploaded files, through the screens ---------------

@pytest.fixture
def b_side():
    """Agency A's scenario plus B's own campaign and session, which B's HR may manage."""
    from learning.models import Campaign, Requirement, StudySession

    s = scenario.build()
    today = timezone.localdate()
    campaign_b = Campaign.objects.create(agency=s.agency_b, slug="ke-hoach-b", title="Kế hoạch B", year=today.year,
                                         start=today - dt.timedelta(days=30), due=today + dt.timedelta(days=30))
    Requirement.objects.create(campaign=campaign_b, directive=s.directive, order=0)
    session_b = StudySession.objects.create(campaign=campaign_b, title="Hội nghị B", date=today)
    session_b.directives.set([s.directive])
    client = Client()
    client.force_login(s.users["hr_b"])
    return s, campaign_b, session_b, client


def test_a_foreign_employee_id_in_the_attendance_grid_is_a_missing_one(b_side):
    from learning.models import Attendance

    s, _, session_b, client = b_side
    url = reverse("learning_studysession:attendance", args=[session_b.pk])
    foreign = client.post(url, {"employee": s.victim.pk, "status": "present"})
    missing = client.post(url, {"employee": 987654, "status": "present"})
    assert (foreign.status_code, foreign["Location"]) == (missing.status_code, missing["Location"])
    assert not Attendance.objects.filter(employee=s.victim).exists()


def test_a_foreign_employee_id_in_the_exemption_form_is_a_missing_one(b_side):
    from learning.models import Exemption

    s, campaign_b, _, client = b_side
    url = reverse("learning_campaign:exempt", args=[campaign_b.pk])
    foreign = client.post(url, {"employee": s.victim.pk, "reason": "x"})
    missing = client.post(url, {"employee": 987654, "reason": "x"})
    assert foreign.status_code == missing.status_code == 404
    assert not Exemption.objects.filter(employee=s.victim).exists()


def test_a_foreign_campaign_id_in_the_session_form_is_refused(b_side):
    from learning.models import StudySession

    s, _, _, client = b_side
    url = reverse("learning_studysession:add")
    data = {"campaign": s.campaign.pk, "title": "Giả mạo", "date": timezone.localdate().strftime("%d/%m/%Y"),
            "directives": [s.directive.pk], "late_grace_minutes": 15}
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the campaign refused as not a choice
    assert not StudySession.objects.filter(title="Giả mạo").exists()


def test_codes_of_another_agency_in_an_uploaded_sheet_read_as_unknown(b_side):
    """B's HR uploads a sign-in sheet naming A's people: the problems are those of codes that do
    not exist (no name, no hint that the code is taken elsewhere), and nothing is written."""
    from learning.models import Attendance

    s, _, session_b, client = b_side
    url = reverse("learning_studysession:import", args=[session_b.pk])

    def problems(code):
        sheet = _csv(f"Mã cán bộ,Họ và tên,Trạng thái\n{code},,Có mặt\n")
        response = client.post(url, {"action": "preview", "file": SimpleUploadedFile("ds.csv", sheet, "text/csv")})
        assert scenario.VICTIM_NAME not in response.content.decode()
        return [str(p).replace(code, "<CODE>") for p in response.context["problems"]]

    foreign, missing = problems(scenario.VICTIM_CODE), problems("KHONGCO99")
    assert foreign and foreign == missing
    assert not Attendance.objects.filter(employee=s.victim).exists()


def test_codes_of_another_agency_in_an_uploaded_roster_touch_nothing_of_a(b_side):
    """B's HR imports a roster with A's victim's code: B gets its own person of that code (codes are
    unique per agency); A's person is untouched."""
    from org.models import Employee
    from org.services.roster import roster_import

    s, _, _, _ = b_side
    before = {f.attname: getattr(s.victim, f.attname) for f in s.victim._meta.concrete_fields}
    text = f"Mã cán bộ,Họ và tên,Đơn vị,Loại\n{scenario.VICTIM_CODE},Người Của B,PB,cong_chuc\n"
    roster_import(agency=s.agency_b, table_or_file=_csv(text), filename="ds.csv", actor=s.users["hr_b"])
    victim = Employee.objects.get(pk=s.victim.pk)
    assert {f.attname: getattr(victim, f.attname) for f in victim._meta.concrete_fields
            if f.attname != "updated_at"} == {k: v for k, v in before.items() if k != "updated_at"}
    assert Employee.objects.for_agency(s.agency_b).filter(employee_code=scenario.VICTIM_CODE).exists()
