"""Campaigns (kế hoạch học tập) from and to the YAML of CONTRACT.md "Campaigns".

One path for every writer: `load_campaign` (YAML text) and the admin form (a mapping of the same
shape) both go through `campaign_validate` → `_campaign_apply`, so both are validated, all-or-nothing
and audited alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext

from core.errors import DomainError, ImportRefused, Problem
from core.tables import parse_date
from courses.models import DirectivePage
from courses.selectors import directive_reference, directive_resolve
from learning.models import Campaign, Requirement
from learning.services.kept import kept_campaign_changed, kept_campaign_lock
from org.models import EmployeeCategory, OrgUnit
from org.scoping import ForeignAgencyObject
from org.selectors.access import hr_of_agency_required
from org.services.audit import audit_log

TOP_KEYS = ("slug", "title", "year", "start", "due", "new_hire_days", "audience", "requirements")
AUDIENCE_KEYS = ("units", "categories")
CATEGORY_ORDER = [c.value for c in EmployeeCategory]


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so a bad date is a problem with its line, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class CampaignRefused(ImportRefused):
    code = "campaign_refused"


@dataclass
class CampaignSpec:
    """A validated campaign description, resolved against the database."""

    slug: str
    title: str
    year: int
    start: dt.date
    due: dt.date
    new_hire_days: int | None
    units: list[OrgUnit]
    categories: list[str]
    directives: list[DirectivePage]


@dataclass
class CampaignLoadResult:
    campaign: Campaign
    created: bool = False
    changed: list[str] = field(default_factory=list)  # names of what changed: "title", "requirements"…
    added: int = 0
    removed: int = 0
    dry_run: bool = False
    recomputing: bool = False  # its kept statuses are being rebuilt in the background

    def summary(self) -> str:
        prefix = "dry run: would have " if self.dry_run else ""
        slug = self.campaign.slug
        if self.created:
            return f"{prefix}created campaign {slug}: {self.added} requirements"
        if not self.changed:
            return f"campaign {slug} unchanged"
        return (f"{prefix}updated campaign {slug}: changed {', '.join(self.changed)}; "
                f"requirements added {self.added}, removed {self.removed}")


# ---------------------------------------------------------------------------------------------
# Permissions


# ---------------------------------------------------------------------------------------------
# Parsing and validation


def _yaml_lines(text: str) -> dict[tuple, int]:
    """Line (from 1) of each key and requirement item, keyed by its path, for error messages."""
    lines: dict[tuple, int] = {}
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return lines

    def walk(node, path):
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, str(key.value)))
                lines[(*path, str(key.value))] = key.start_mark.line + 1  # the key's line, not the value's
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index))

    if root is not None:
        walk(root, ())
    return lines


def campaign_parse(text: str) -> tuple[dict, dict[tuple, int]]:
    """YAML text → (mapping, lines); a syntax error is refused with its line."""
    try:
        # No aliases: a plan never needs them, and nested aliases make a small file an enormous
        # tree (the YAML "billion laughs"); refused from the event stream, which is linear.
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise CampaignRefused([Problem(gettext("tệp kế hoạch không được dùng bí danh YAML (*tên)"),
                                               row=event.start_mark.line + 1, unit="line")])
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise CampaignRefused([Problem(gettext("không phải YAML hợp lệ: %(problem)s") % {"problem": problem},
                                       row=mark.line + 1 if mark else None,
                                       unit="line")]) from exc
    if not isinstance(data, dict):
        raise CampaignRefused([Problem(gettext("tệp phải là một ánh xạ YAML gồm slug, title, start, due, requirements"),
                                       row=1, unit="line")])
    return data, _yaml_lines(text)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def campaign_validate(*, agency: OrgUnit, data: dict, lines: dict[tuple, int] | None = None,
                      campaign: Campaign | None = None) -> CampaignSpec:
    """Check every field and resolve units and directives; CampaignRefused lists every problem."""
    lines = lines or {}
    problems: list[Problem] = []

    def problem(message: str, *path) -> None:
        line = None
        for end in range(len(path), -1, -1):  # the nearest line we know
            if path[:end] in lines:
                line = lines[path[:end]]
                break
        problems.append(Problem(message, row=line, unit="line"))

    for key in data:
        if key not in TOP_KEYS:
            problem(gettext('khóa "%(key)s" không được nhận (được dùng: %(allowed)s)')
                    % {"key": key, "allowed": ", ".join(TOP_KEYS)}, str(key))

    slug = str(data.get("slug") or "").strip()
    if not slug:
        problem(gettext('cần có "slug"'), "slug")
    elif not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in slug):
        problem(gettext('slug "%(slug)s" chỉ được gồm chữ cái ASCII, chữ số, "-" và "_"') % {"slug": slug}, "slug")
    else:
        # Unique within the agency: a province-wide campaign has the same slug in every agency.
        other = (Campaign.objects.filter(slug=slug, agency=agency)
                 .exclude(pk=getattr(campaign, "pk", None)).first())
        if other is not None:
            problem(gettext('slug "%(slug)s" đã được dùng cho một kế hoạch khác của cơ quan %(agency)s')
                    % {"slug": slug, "agency": agency.code}, "slug")

    title = str(data.get("title") or "").strip()
    if not title:
        problem(gettext('cần có "title"'), "title")

    dates = {}
    for key in ("start", "due"):
        value = data.get(key)
        if value in (None, ""):
            problem(gettext('cần có "%(key)s" (yyyy-mm-dd)') % {"key": key}, key)
            continue
        try:
            dates[key] = parse_date(value)
        except ValueError as exc:
            problem(f'"{key}": {exc}', key)
    if len(dates) == 2 and dates["due"] < dates["start"]:
        problem(gettext('"due" %(due)s trước "start" %(start)s')
                % {"due": f"{dates['due']:%d/%m/%Y}", "start": f"{dates['start']:%d/%m/%Y}"}, "due")

    year = data.get("year")
    if year in (None, ""):
        year = dates["start"].year if "start" in dates else None
    else:
        try:
            year = int(year)
            if not 1900 <= year <= 2200:
                raise ValueError
        except (TypeError, ValueError):
            problem(gettext('"year" phải là một năm như 2024, không phải "%(year)s"') % {"year": data.get("year")}, "year")
            year = None

    new_hire_days = data.get("new_hire_days")
    if new_hire_days in (None, ""):
        new_hire_days = None
    elif isinstance(new_hire_days, bool) or not str(new_hire_days).strip().isdigit() or int(new_hire_days) > 3660:
        problem(gettext('"new_hire_days" phải là số ngày nguyên (0 đến 3660), không phải "%(value)s"')
                % {"value": new_hire_days}, "new_hire_days")
        new_hire_days = None
    else:
        new_hire_days = int(new_hire_days)

    units, categories = _validate_audience(agency, data.get("audience"), problem)
    directives = _validate_requirements(data.get("requirements"), problem)

    if problems:
        raise CampaignRefused(problems)
    return CampaignSpec(slug=slug, title=title, year=year, start=dates["start"], due=dates["due"],
                        new_hire_days=new_hire_days, units=units, categories=categories, directives=directives)


def _validate_audience(agency: OrgUnit, audience: Any, problem) -> tuple[list[OrgUnit], list[str]]:
    if audience in (None, ""):
        return [], []
    if not isinstance(audience, dict):
        problem(gettext('"audience" phải là một ánh xạ gồm "units" và/hoặc "categories"'), "audience")
        return [], []
    for key in audience:
        if key not in AUDIENCE_KEYS:
            problem(gettext('khóa "audience.%(key)s" không được nhận (được dùng: units, categories)') % {"key": key},
                    "audience", str(key))
    by_code = {u.code.casefold(): u for u in OrgUnit.objects.filter(path__startswith=agency.path)}
    units: list[OrgUnit] = []
    for index, code in enumerate(_as_list(audience.get("units"))):
        unit = by_code.get(str(code).strip().casefold())
        if unit is None:
            problem(gettext('cơ quan %(agency)s không có đơn vị mã "%(code)s"') % {"code": code, "agency": agency.code},
                    "audience", "units", index)
        elif unit not in units:
            units.append(unit)
    categories: list[str] = []
    for index, value in enumerate(_as_list(audience.get("categories"))):
        key = str(value).strip()
        if key not in CATEGORY_ORDER:
            problem(gettext('loại cán bộ "%(value)s" không được nhận (ghi %(allowed)s)')
                    % {"value": value, "allowed": ", ".join(CATEGORY_ORDER)}, "audience", "categories", index)
        elif key not in categories:
            categories.append(key)
    return units, categories


def _validate_requirements(items: Any, problem) -> list[DirectivePage]:
    if not items:
        problem(gettext('"requirements" phải liệt kê ít nhất một văn bản'), "requirements")
        return []
    if not isinstance(items, list):
        problem(gettext('"requirements" phải là danh sách các dòng "- directive: SỐ HIỆU"'), "requirements")
        return []
    directives: list[DirectivePage] = []
    for index, item in enumerate(items):
        reference = item.get("directive") if isinstance(item, dict) else item
        if isinstance(item, dict) and set(item) - {"directive"}:
            extra = ", ".join(str(k) for k in set(item) - {"directive"})
            problem(gettext("khóa không được nhận trong yêu cầu: %(keys)s") % {"keys": extra}, "requirements", index)
        if not isinstance(reference, (str, int)) or not str(reference).strip():
            problem(gettext('mỗi yêu cầu cần có "directive: SỐ HIỆU"'), "requirements", index)
            continue
        try:
            directive = directive_resolve(str(reference))
        except DomainError as exc:  # DirectiveNotFound / DirectiveAmbiguous name the reference
            problem(str(exc), "requirements", index)
            continue
        if directive in directives:
            problem(gettext('văn bản "%(reference)s" được liệt kê hai lần') % {"reference": reference}, "requirements", index)
            continue
        directives.append(directive)
    return directives


# ---------------------------------------------------------------------------------------------
# Writing


def campaign_snapshot(campaign: Campaign) -> dict:
    """What the audit log keeps of a campaign: its fields, audience and ordered requirements."""
    return {
        "slug": campaign.slug,
        "title": campaign.title,
        "year": campaign.year,
        "start": campaign.start.isoformat(),
        "due": campaign.due.isoformat(),
        "new_hire_days": campaign.new_hire_days,
        "audience_units": [u.code for u in campaign.audience_units.order_by("path")],
        "audience_categories": list(campaign.audience_categories or []),
        "requirements": [directive_reference(r.directive)
                         for r in campaign.requirements.select_related("directive").order_by("order", "id")],
    }


def _campaign_apply(*, agency: OrgUnit, spec: CampaignSpec, campaign: Campaign | None,
                    actor) -> CampaignLoadResult:
    created = campaign is None
    before = None if created else campaign_snapshot(campaign)
    if created:
        campaign = Campaign(agency=agency)
    else:
        kept_campaign_lock(campaign=campaign)  # a rebuild in progress finishes first
    campaign.slug, campaign.title, campaign.year = spec.slug, spec.title, spec.year
    campaign.start, campaign.due = spec.start, spec.due
    campaign.new_hire_days = spec.new_hire_days
    campaign.audience_categories = [c for c in CATEGORY_ORDER if c in spec.categories]
    campaign.save()
    campaign.audience_units.set(spec.units)

    existing = {r.directive_id: r for r in campaign.requirements.all()}
    wanted = {d.pk for d in spec.directives}
    stale = [r.pk for d_id, r in existing.items() if d_id not in wanted]
    Requirement.objects.filter(pk__in=stale).delete()
    added = 0
    for order, directive in enumerate(spec.directives, start=1):
        requirement = existing.get(directive.pk)
        if requirement is None:
            Requirement.objects.create(campaign=campaign, directive=directive, order=order)
            added += 1
        elif requirement.order != order:
            requirement.order = order
            requirement.save(update_fields=["order"])

    after = campaign_snapshot(campaign)
    changed = [] if created else [k for k in after if after[k] != before[k]]
    if created or changed:
        audit_log(actor=actor, action="campaign.create" if created else "campaign.update", obj=campaign,
                  before=before, after=after)
        # its dates, audience or requirements: recompute it (a large audience in the background)
        recomputing = not kept_campaign_changed(campaign=campaign)
    else:
        recomputing = False
    return CampaignLoadResult(campaign=campaign, created=created, changed=changed, added=added,
                              removed=len(stale), recomputing=recomputing)


def campaign_save(*, agency: OrgUnit, data: dict, campaign: Campaign | None = None, actor=None,
                  lines: dict[tuple, int] | None = None, dry_run: bool = False) -> CampaignLoadResult:
    """Create (`campaign=None`) or update one campaign from a mapping shaped like the YAML."""
    if campaign is not None and campaign.agency_id != agency.pk:
        raise ForeignAgencyObject("not found")  # another agency's campaign: as if there were none
    hr_of_agency_required(actor=actor, agency=agency)
    with transaction.atomic():
        if campaign is not None:
            # NO KEY: kept rows being written reference the campaign (their foreign-key check takes
            # KEY SHARE); a full lock here would deadlock with them while the edit waits for their lock.
            campaign = Campaign.objects.select_for_update(no_key=True).get(pk=campaign.pk)
        spec = campaign_validate(agency=agency, data=data, lines=lines, campaign=campaign)
        result = _campaign_apply(agency=agency, spec=spec, campaign=campaign, actor=actor)
        if dry_run:
            result.dry_run = True
            transaction.set_rollback(True)
    return result


def campaign_load(*, agency: OrgUnit, data: str | bytes | dict, dry_run: bool = False,
                  actor=None) -> CampaignLoadResult:
    """`load_campaign`: create the campaign named by `slug`, or update it; idempotent."""
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    lines: dict[tuple, int] = {}
    if isinstance(data, str):
        data, lines = campaign_parse(data)
    slug = str(data.get("slug") or "").strip()
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                campaign = (Campaign.objects.select_for_update(no_key=True).filter(slug=slug, agency=agency).first()
                            if slug else None)
                return campaign_save(agency=agency, data=data, campaign=campaign, actor=actor, lines=lines,
                                     dry_run=dry_run)
        except IntegrityError:
            # Two loads of a new campaign at once: the loser finds the winner's row and updates it.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------------------------------
# Export


def _scalar(value: Any) -> str:
    """One YAML scalar as PyYAML would write it (quoted only where needed), on one line."""
    text = yaml.safe_dump(value, allow_unicode=True, width=10_000, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def campaign_export(*, campaign: Campaign) -> str:
    """The campaign as the YAML `load_campaign` reads; loading it back changes nothing."""
    out = [
        f"slug: {_scalar(campaign.slug)}",
        f"title: {_scalar(campaign.title)}",
    ]
    if campaign.year != campaign.start.year:  # the year is derived from start unless it differs
        out.append(f"year: {campaign.year}")
    out += [f"start: {campaign.start.isoformat()}", f"due: {campaign.due.isoformat()}"]
    if campaign.new_hire_days is not None:
        out.append(f"new_hire_days: {campaign.new_hire_days}")
    units = [u.code for u in campaign.audience_units.order_by("path")]
    categories = [c for c in CATEGORY_ORDER if c in (campaign.audience_categories or [])]
    if units or categories:
        out.append("audience:")
        if units:
            out.append(f"  units: [{', '.join(_scalar(c) for c in units)}]")
        if categories:
            out.append(f"  categories: [{', '.join(categories)}]")
    out.append("requirements:")
    for requirement in campaign.requirements.select_related("directive").order_by("order", "id"):
        out.append(f"  - directive: {_scalar(directive_reference(requirement.directive))}")
    return "\n".join(out) + "\n"


class CampaignInUse(DomainError):
    code = "campaign_in_use"


def campaign_delete(*, campaign: Campaign, actor=None) -> None:
    """Delete a campaign set up by mistake; refused once it has study sessions (their attendance
    is evidence). The audit log keeps what it was."""
    hr_of_agency_required(actor=actor, agency=campaign.agency)
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.sessions.exists():
            raise CampaignInUse(gettext("kế hoạch %(slug)s đã có hội nghị học tập nên không xóa được")
                                % {"slug": campaign.slug})
        audit_log(actor=actor, action="campaign.delete", obj=campaign, before=campaign_snapshot(campaign))
        try:
            with transaction.atomic():
                campaign.delete()
        except ProtectedError as exc:  # e.g. certificates issued for it
            raise CampaignInUse(gettext("kế hoạch %(slug)s có dữ liệu phụ thuộc nên không xóa được")
                                % {"slug": campaign.slug}) from exc
