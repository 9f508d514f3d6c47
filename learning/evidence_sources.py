"""Evidence produced in this app: attendance at study sessions and records by HR (core.evidence)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from django.utils.translation import gettext as _

from core.evidence import FRAME_COLUMNS, EvidenceKind, EvidenceSource, Offer, empty_frame, ordinal_days, register
from learning.models import Attendance, AttendanceStatus, ManualEvidence, StudySession
from learning.selectors.sessions import upcoming_sessions_for


@register
class AttendanceSource(EvidenceSource):
    """Present or late at a session: evidence for each of the session's directives, dated its day."""

    kind = EvidenceKind.ATTENDANCE
    rank = 10
    directive_field = "session__directives"
    date_field = "session__date"

    def records(self):
        return Attendance.objects.filter(status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE])

    def frame(self, *, employees, directive_ids: list[int], start: dt.date, end: dt.date) -> pd.DataFrame:
        links = pd.DataFrame.from_records(
            list(StudySession.directives.through.objects.filter(
                directivepage_id__in=directive_ids, studysession__date__gte=start, studysession__date__lte=end,
            ).values_list("studysession_id", "directivepage_id", "studysession__date")),
            columns=["session_id", "directive_id", "date"],
        )
        if links.empty:
            return empty_frame()
        attendance = self.records().filter(session_id__in=links["session_id"].unique().tolist())
        if isinstance(employees, list):
            attendance = attendance.filter(employee_id__in=employees)
        # For a large audience the sessions alone bound the rows (people outside the audience are
        # dropped by the merge): SQLite would otherwise probe its (session, employee) index once per
        # session and person.
        present = pd.DataFrame.from_records(list(attendance.values_list("employee_id", "session_id")),
                                            columns=["employee_id", "session_id"])
        links["day"] = ordinal_days(links["date"])
        return present.merge(links, on="session_id")[FRAME_COLUMNS]

    def offers(self, *, employee, directive_ids: set[int], today: dt.date, shared: dict) -> dict[int, list[Offer]]:
        if "upcoming_sessions" not in shared:
            shared["upcoming_sessions"] = upcoming_sessions_for(employee, today=today)
        offers: dict[int, list[Offer]] = {}
        for session in shared["upcoming_sessions"]:
            when = session.date.strftime("%d/%m/%Y")
            if session.start_time:
                when += " " + session.start_time.strftime("%H:%M")
            offer = Offer(kind=self.kind, title=_("Hội nghị sắp tới"), when=when, detail=session.title,
                          group_id=session.campaign_id)
            for directive in session.directive_list:
                if directive.pk in directive_ids:
                    offers.setdefault(directive.pk, []).append(offer)
        return offers


@register
class ManualSource(EvidenceSource):
    """A record by HR that the person studied the directive outside the system (minh chứng thủ công)."""

    kind = EvidenceKind.MANUAL
    rank = 30

    def records(self):
        return ManualEvidence.objects.all()
