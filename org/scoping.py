"""Isolation of agencies in the data layer (issue 13, item 1).

Every model whose rows belong to one agency declares how a row reaches its agency
(`agency_lookup`, a lookup path ending at the agency `OrgUnit`) and gets this queryset as its
manager. The path that views and services take to such rows names the acting agency:

    Campaign.objects.for_actor(request.user)      # superuser: all agencies; staff: their own
    Campaign.objects.for_agency(agency)           # a command or a service that already has one
    Campaign.objects.all_agencies()               # explicit: jobs, commands, province-wide work
    Campaign.objects.get_for_actor(user, pk)      # the row or NotFound, the same for a foreign id
                                                  # as for one that does not exist

`for_agency(None)` is an error, not "everything": an agency forgotten on the way must not read as
"all agencies". Finer scopes (a unit head's subtree, a learner's own rows) stay in
`org.selectors.access`; they narrow these. `tests/security/test_isolation.py` fails when a model
that reaches an agency has no such manager, and when a view, service or admin hook looks such a
model up by id through the unscoped manager.
"""

from __future__ import annotations

from django.db import models
from treebeard.mp_tree import MP_NodeManager, MP_NodeQuerySet

from core.errors import NotFound


class ForeignAgencyObject(NotFound):
    """An object of another agency, refused exactly as one that does not exist (no id oracle)."""

    code = "not_found"


def acting_agency_id(actor) -> int | None:
    """The agency on whose behalf `actor` works: their employee record's agency, else None.
    (A superuser without an employee record acts for every agency: see `for_actor`.)"""
    if not getattr(actor, "is_authenticated", False):
        return None
    employee = getattr(actor, "employee", None)  # RelatedObjectDoesNotExist is an AttributeError
    return getattr(employee, "agency_id", None)


def acts_for_all_agencies(actor) -> bool:
    """Superusers (and, once modelled, the province) read and act across agencies."""
    return bool(getattr(actor, "is_superuser", False))


EVERY_AGENCY = "every agency"


def actor_scope(actor) -> int | str | None:
    """Whose rows `actor` reaches: EVERY_AGENCY (superusers), their agency's id, or None (nobody's).
    `for_actor` applies it; a hand-written query of a scoped model applies the same answer."""
    if acts_for_all_agencies(actor):
        return EVERY_AGENCY
    return acting_agency_id(actor)


def _agency_id(agency) -> int:
    if agency is None:
        raise ValueError("an acting agency is required (use all_agencies() to mean every agency)")
    return agency if isinstance(agency, int) else agency.pk


class AgencyScopedQuerySet(models.QuerySet):
    """Rows of one agency, chosen through `Model.agency_lookup` (e.g. "campaign__agency")."""

    def _lookup(self) -> str:
        return self.model.agency_lookup

    def for_agency(self, agency):
        return self.filter(**{self._lookup(): _agency_id(agency)})

    def for_agencies(self, agencies):
        """Rows of any of `agencies` (a queryset or list of agencies or ids)."""
        return self.filter(**{f"{self._lookup()}__in": agencies})

    def for_actor(self, actor):
        scope = actor_scope(actor)
        if scope == EVERY_AGENCY:
            return self.all_agencies()
        return self.none() if scope is None else self.for_agency(scope)

    def all_agencies(self):
        """Every agency's rows, said on purpose (commands, jobs, superusers)."""
        return self._chain()

    def get_for_actor(self, actor, **lookup):
        """The one row `actor`'s agency holds matching `lookup`; `ForeignAgencyObject` (a NotFound)
        for a row of another agency and for one that does not exist alike."""
        found = self.for_actor(actor).filter(**lookup).first()
        if found is None:
            raise ForeignAgencyObject("not found")
        return found


class OrgUnitQuerySet(MP_NodeQuerySet, AgencyScopedQuerySet):
    """Units: an agency is a root of the tree, its units the paths below it."""

    def for_agency(self, agency):
        if agency is None:
            raise ValueError("an acting agency is required (use all_agencies() to mean every agency)")
        if isinstance(agency, int):
            agency = self.model.objects.get(pk=agency)
        return self.filter(path__startswith=agency.path[: self.model.steplen])

    def for_agencies(self, agencies):
        paths = [a.path[: self.model.steplen] for a in agencies]
        query = models.Q(pk__in=[])
        for path in paths:
            query |= models.Q(path__startswith=path)
        return self.filter(query)


class OrgUnitManager(MP_NodeManager):
    def get_queryset(self):
        return OrgUnitQuerySet(self.model).order_by("path")

    def for_agency(self, agency):
        return self.get_queryset().for_agency(agency)

    def for_agencies(self, agencies):
        return self.get_queryset().for_agencies(agencies)

    def for_actor(self, actor):
        return self.get_queryset().for_actor(actor)

    def all_agencies(self):
        return self.get_queryset().all_agencies()

    def get_for_actor(self, actor, **lookup):
        return self.get_queryset().get_for_actor(actor, **lookup)


AgencyScopedManager = models.Manager.from_queryset(AgencyScopedQuerySet)


def agency_object_required(*, actor, agency) -> None:
    """Refuse an object of another agency as not found. `actor=None` is the command line; superusers
    act for every agency."""
    if actor is None or acts_for_all_agencies(actor):
        return
    if acting_agency_id(actor) != _agency_id(agency):
        raise ForeignAgencyObject("not found")
