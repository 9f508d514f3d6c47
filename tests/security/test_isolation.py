"""Isolation of agencies in the data layer (issue 13, item 1; org.scoping).

- every model whose rows reach an agency has the agency-scoped manager, and its lookup really
  ends at the agency;
- `for_actor`, `for_agency`, `all_agencies`, `get_for_actor` behave as documented (an agency
  forgotten on the way is an error, not "all agencies"; a foreign id and a missing one give the
  same NotFound);
- no view, admin hook or service looks such a model up by id through the unscoped manager (a
  static check of the source: a new `get_object_or_404(Campaign, pk=…)` fails here).
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from core.errors import NotFound
from org import roles
from org.models import OrgUnit
from org.scoping import AgencyScopedQuerySet, ForeignAgencyObject
from tests.factories import EmployeeFactory, UserFactory, give_role, make_agency, make_unit

OUR_APPS = ("org", "learning", "reports", "certificates", "courses", "quizzes", "reflections", "core")
# Every model that reaches an agency has the manager, the quiz engine's too (attempts through the
# taker's agency; quizzes, banks and their rows through the owner, none for shared content).
EXEMPT: dict[str, str] = {}  # label -> the reason a model reaching an agency goes without the manager


def _exempt(model) -> bool:
    return model._meta.label in EXEMPT


def _reaches_agency(model, depth: int = 0, seen=()) -> bool:
    """A forward foreign key chain (≤ 4 steps) from `model` to an organisation unit."""
    if model is OrgUnit:
        return True
    if depth > 4 or model in seen:
        return False
    for field in model._meta.get_fields():
        if not (field.many_to_one or field.one_to_one) or not field.concrete or field.related_model is None:
            continue
        target = field.related_model
        if target is settings.AUTH_USER_MODEL or target._meta.app_label not in OUR_APPS:
            continue
        if field.name in {"recorded_by", "created_by", "sent_by", "issued_by", "revoked_by", "updated_by"}:
            continue
        if _reaches_agency(target, depth + 1, (*seen, model)):
            return True
    return False


def _agency_models():
    for model in apps.get_models():
        if model._meta.app_label in OUR_APPS and not model._meta.abstract and _reaches_agency(model):
            yield model


def test_every_model_that_reaches_an_agency_has_the_scoped_manager():
    missing = []
    for model in _agency_models():
        scoped = isinstance(model.objects.all(), AgencyScopedQuerySet) and hasattr(model, "agency_lookup")
        if not scoped and not _exempt(model):
            missing.append(model._meta.label)
    assert not missing, f"models of an agency without org.scoping's manager: {missing}"


def test_the_scoped_models_cover_the_agency_data():
    labels = {m._meta.label for m in _agency_models()}
    for label in ("org.OrgUnit", "org.Employee", "org.AuditLog", "learning.Campaign", "learning.Requirement",
                  "learning.Exemption", "learning.StudySession", "learning.Attendance", "learning.ManualEvidence",
                  "learning.CheckinAttempt", "reports.CampaignTarget", "reports.Reminder", "reports.ExportJob",
                  "reports.ScoringCriterion", "reports.SelfScore", "certificates.Certificate",
                  "certificates.CertificateJob", "courses.LessonReading", "reflections.Reflection",
                  "reflections.ReflectionPrompt", "reflections.ReflectionReview", "courses.VideoProgress",
                  "quizzes.Quiz", "quizzes.Attempt", "quizzes.AttemptQuestion", "quizzes.AttemptAnswer",
                  "quizzes.Question", "quizzes.QuestionCategory"):
        assert label in labels, label


@pytest.mark.django_db
def test_each_lookup_ends_at_the_agency():
    """The lookup names a relation to an agency: filtering by one runs and excludes the other."""
    a, b = make_agency("SCA", "Sở A"), make_agency("SCB", "Sở B")
    for model in _agency_models():
        if _exempt(model) and not hasattr(model, "agency_lookup"):
            continue
        of_a = set(model.objects.for_agency(a.pk).values_list("pk", flat=True))
        of_b = set(model.objects.for_agency(b).values_list("pk", flat=True))
        assert not of_a & of_b, model


@pytest.fixture
def two_agencies():
    from learning.models import Campaign

    a, b = make_agency("SCA", "Sở A"), make_agency("SCB", "Sở B")
    make_unit(a, "PA")
    a.refresh_from_db()
    hr_a = EmployeeFactory(agency=a, unit=a, employee_code="HRA01")
    hr_b = EmployeeFactory(agency=b, unit=b, employee_code="HRB01")
    give_role(hr_a.user, roles.HR)
    give_role(hr_b.user, roles.HR)
    today = dt.date(2026, 1, 1)
    campaign = Campaign.objects.create(agency=a, slug="a", title="A", year=2026, start=today, due=today)
    return a, b, hr_a, hr_b, campaign


@pytest.mark.django_db
def test_for_actor_for_agency_and_all_agencies(two_agencies):
    from learning.models import Campaign

    a, b, hr_a, hr_b, campaign = two_agencies
    assert list(Campaign.objects.for_actor(hr_a.user)) == [campaign]
    assert not Campaign.objects.for_actor(hr_b.user).exists()
    assert not Campaign.objects.for_actor(UserFactory()).exists()  # an account of no agency: nothing
    from django.contrib.auth.models import AnonymousUser

    assert not Campaign.objects.for_actor(AnonymousUser()).exists()
    root = UserFactory(is_superuser=True)
    assert list(Campaign.objects.for_actor(root)) == [campaign]
    assert list(Campaign.objects.all_agencies()) == [campaign]
    with pytest.raises(ValueError):
        Campaign.objects.for_agency(None)  # a forgotten agency is an error, never "all"
    units = OrgUnit.objects.for_agency(a)
    assert set(units.values_list("code", flat=True)) == {"SCA", "PA"}
    assert set(OrgUnit.objects.for_actor(hr_b.user).values_list("code", flat=True)) == {"SCB"}


@pytest.mark.django_db
def test_a_foreign_id_and_a_missing_one_give_the_same_error(two_agencies):
    from learning.models import Campaign

    _, _, hr_a, hr_b, campaign = two_agencies
    assert Campaign.objects.get_for_actor(hr_a.user, pk=campaign.pk) == campaign
    errors = []
    for pk in (campaign.pk, 987654):
        with pytest.raises(NotFound) as caught:
            Campaign.objects.get_for_actor(hr_b.user, pk=pk)
        errors.append((type(caught.value), str(caught.value), caught.value.code))
    assert errors[0] == errors[1] == (ForeignAgencyObject, "not found", "not_found")


# -- the static check: lookups by id in views, admin hooks and services go through the scope ------

ROOTS = ("org", "learning", "reports", "certificates", "courses", "quizzes", "reflections", "core")
SCOPE_CALLS = {"for_actor", "for_agency", "for_agencies", "all_agencies", "get_for_actor"}
# (module, the model looked up) that are fine without the scope, and why.
ALLOWED = {
    # the province reads across its agencies on purpose: the agency must be in a province the
    # reader may see, else the same 404 as an unknown agency
    ("reports/views/admin_province.py", "OrgUnit"): "province officers: agencies of their own province",
}


def _scoped_model_names() -> set[str]:
    return {m.__name__ for m in _agency_models() if hasattr(m, "agency_lookup")}


def _chain_names(node) -> list[str]:
    names = []
    while isinstance(node, ast.Call | ast.Attribute):
        if isinstance(node, ast.Call):
            node = node.func
        else:
            names.append(node.attr)
            node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return list(reversed(names))


def _of_an_object(value) -> bool:
    """`x.pk`, `x.id`, `x.foo_id`: the id of an object already in hand (a reload, a row lock), not
    one typed by a user."""
    return isinstance(value, ast.Attribute) and (value.attr in {"pk", "id"} or value.attr.endswith("_id"))


def _lookups(tree, scoped: set[str], internal: bool = False):
    """(line, model) of `get_object_or_404(Model…)` and `Model.objects….get(…)`/`filter(pk=…)`
    whose chain does not pass through the agency scope. In services and selectors (`internal`) an
    argument named `…_id` is an id the caller found through its scope."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "get_object_or_404" and node.args:
            chain = _chain_names(node.args[0])
            if chain and chain[0] in scoped and not SCOPE_CALLS & set(chain):
                yield node.lineno, chain[0]
        elif isinstance(func, ast.Attribute) and func.attr in {"get", "filter"}:
            chain = _chain_names(func)
            by_id = any(k.arg in {"pk", "id"} and not _of_an_object(k.value)
                        and not (internal and isinstance(k.value, ast.Name) and k.value.id.endswith("_id"))
                        for k in node.keywords)
            if (len(chain) > 2 and chain[0] in scoped and chain[1] == "objects" and by_id
                    and not SCOPE_CALLS & set(chain)):
                yield node.lineno, chain[0]


def test_no_lookup_by_id_outside_the_agency_scope():
    scoped = _scoped_model_names()
    base = Path(settings.BASE_DIR)
    found = []
    for root in ROOTS:
        for path in sorted((base / root).rglob("*.py")):
            rel = path.relative_to(base).as_posix()
            if "/migrations/" in rel or "/demo" in rel or "/management/" in rel or rel.endswith("evidence_sources.py"):
                continue  # commands and demo data act for the agency named on the command line
            if not any(part in rel for part in ("views", "wagtail_hooks", "services", "selectors", "jobs")):
                continue
            internal = "services" in rel or "selectors" in rel
            for line, model in _lookups(ast.parse(path.read_text()), scoped, internal):
                if (rel, model) not in ALLOWED:
                    found.append(f"{rel}:{line} {model}")
    assert not found, ("look these up through Model.objects.for_actor(user) (org.scoping), or add them to "
                       f"ALLOWED with the reason: {found}")


def test_the_allow_list_has_no_stale_entries():
    scoped = _scoped_model_names()
    base = Path(settings.BASE_DIR)
    for (rel, model), reason in ALLOWED.items():
        assert reason
        internal = "services" in rel or "selectors" in rel
        hits = [m for _, m in _lookups(ast.parse((base / rel).read_text()), scoped, internal)]
        assert model in hits, f"ALLOWED entry no longer needed: {rel} {model}"
