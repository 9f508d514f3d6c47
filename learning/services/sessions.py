"""Creating and changing study sessions (hội nghị học tập, quán triệt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.evidence import evidence_withdraw
from learning.models import Campaign, StudySession
from org.models import EmployeeCategory, OrgUnit
from org.scoping import agency_object_required
from org.services.audit import audit_log


class SessionInvalid(DomainError):
    code = "session_invalid"


def session_snapshot(session: StudySession) -> dict:
    """The audited fields of a session, JSON-serialisable."""
    return {
        "campaign": session.campaign.slug,
        "title": session.title,
        "date": session.date.isoformat(),
        "start_time": session.start_time.strftime("%H:%M") if session.start_time else None,
        "end_time": session.end_time.strftime("%H:%M") if session.end_time else None,
        "location": session.location,
        "online_url": session.online_url,
        "presenter": session.presenter,
        "late_grace_minutes": session.late_grace_minutes,
        "is_makeup": session.is_makeup,
        "directives": sorted(session.directives.values_list("number", flat=True)),
        "audience_units": sorted(session.audience_units.values_list("code", flat=True)),
        "audience_categories": sorted(session.audience_categories or []),
    }


def session_validate(
    *,
    campaign: Campaign,
    title: str,
    directives: Sequence,
    start_time: dt.time | None,
    end_time: dt.time | None,
    audience_units: Iterable[OrgUnit] = (),
    audience_categories: Iterable[str] = (),
) -> None:
    """Refuse a session that cannot be run: raises SessionInvalid naming every fault."""
    faults = []
    if not title.strip():
        faults.append(_("Tên hội nghị không được để trống."))
    if not directives:
        faults.append(_("Hội nghị phải quán triệt ít nhất một văn bản."))
    required = set(campaign.requirements.values_list("directive_id", flat=True))
    outside = [d.number for d in directives if d.pk not in required]
    if outside:
        faults.append(
            _("Văn bản %(numbers)s không thuộc kế hoạch %(campaign)s.")
            % {"numbers": ", ".join(outside), "campaign": campaign.slug}
        )
    if (start_time is None) != (end_time is None):
        faults.append(_("Cần nhập cả giờ bắt đầu và giờ kết thúc."))
    elif start_time and end_time and end_time <= start_time:
        faults.append(_("Giờ kết thúc phải sau giờ bắt đầu."))
    foreign = [u.code for u in audience_units if not u.path.startswith(campaign.agency.path)]
    if foreign:
        faults.append(_("Đơn vị %(codes)s không thuộc cơ quan của kế hoạch.") % {"codes": ", ".join(foreign)})
    unknown = sorted(set(audience_categories) - set(EmployeeCategory.values))
    if unknown:
        faults.append(_("Loại cán bộ không hợp lệ: %(values)s.") % {"values": ", ".join(unknown)})
    if faults:
        raise SessionInvalid(" ".join(faults))


def session_create(
    *,
    campaign: Campaign,
    title: str,
    date: dt.date,
    directives: Sequence,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    location: str = "",
    online_url: str = "",
    presenter: str = "",
    audience_units: Iterable[OrgUnit] = (),
    audience_categories: Iterable[str] = (),
    late_grace_minutes: int = 15,
    is_makeup: bool = False,
    actor=None,
) -> StudySession:
    """Create a session of `campaign`; an empty audience means the campaign's audience."""
    agency_object_required(actor=actor, agency=campaign.agency_id)
    audience_units = list(audience_units)
    audience_categories = list(audience_categories)
    directives = list(directives)
    session_validate(
        campaign=campaign, title=title, directives=directives, start_time=start_time, end_time=end_time,
        audience_units=audience_units, audience_categories=audience_categories,
    )
    with transaction.atomic():
        session = StudySession.objects.create(
            campaign=campaign, title=title.strip(), date=date, start_time=start_time, end_time=end_time,
            location=location.strip(), online_url=online_url.strip(), presenter=presenter.strip(),
            audience_categories=audience_categories, late_grace_minutes=late_grace_minutes, is_makeup=is_makeup,
        )
        session.directives.set(directives)
        session.audience_units.set(audience_units)
        audit_log(actor=actor, action="session.create", obj=session, after=session_snapshot(session))
    return session


def session_audit_change(*, session: StudySession, before: dict, actor) -> None:
    """Audit an edit made through the admin form (the form saves; this records before/after)."""
    agency_object_required(actor=actor, agency=session.campaign.agency_id)
    after = session_snapshot(session)
    if after != before:
        audit_log(actor=actor, action="session.change", obj=session, before=before, after=after)
        # Its date or directives may have changed: its attendance is evidence of other things now.
        evidence_withdraw(sender=StudySession, employee_ids=session.attendances.values_list("employee_id", flat=True))
