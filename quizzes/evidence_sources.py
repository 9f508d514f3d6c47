"""Evidence produced by the quiz engine: a passed quiz (online, or a paper test imported by HR)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from django.db.models import Min
from django.urls import reverse
from django.utils.translation import gettext as _

from core.evidence import FRAME_COLUMNS, EvidenceKind, EvidenceSource, Offer, empty_frame, ordinal_days, register
from quizzes.models import Attempt, Quiz
from quizzes.selectors import quiz_slugs_for_directives


@register
class QuizSource(EvidenceSource):
    """A passed attempt (final once graded) is evidence for each directive of its quiz, dated the day
    it was submitted (or the day of the paper test)."""

    kind = EvidenceKind.QUIZ
    rank = 20
    directive_field = "quiz__directives"
    date_field = "evidence_date"

    def records(self):
        return Attempt.objects.filter(passed=True)

    def frame(self, *, employees, directive_ids: list[int], start: dt.date, end: dt.date) -> pd.DataFrame:
        links = pd.DataFrame.from_records(
            list(Quiz.directives.through.objects.filter(directivepage_id__in=directive_ids)
                 .values_list("quiz_id", "directivepage_id")),
            columns=["quiz_id", "directive_id"],
        )
        if links.empty:
            return empty_frame()
        passed = pd.DataFrame.from_records(
            list(self.records().filter(
                employee__in=employees, evidence_date__gte=start, evidence_date__lte=end,
                quiz_id__in=links["quiz_id"].unique().tolist(),
            ).values("employee_id", "quiz_id").annotate(first=Min("evidence_date")).order_by()
             .values_list("employee_id", "quiz_id", "first")),
            columns=["employee_id", "quiz_id", "date"],
        )
        if passed.empty:
            return empty_frame()
        passed["day"] = ordinal_days(passed["date"])
        return passed.merge(links, on="quiz_id")[FRAME_COLUMNS]

    def offers(self, *, employee, directive_ids: set[int], today: dt.date, shared: dict) -> dict[int, list[Offer]]:
        title = _("Làm bài kiểm tra")
        found = quiz_slugs_for_directives(directive_ids, employee=employee)
        url = _quiz_urls()
        return {directive_id: [Offer(kind=self.kind, title=title, url=url(slug)) for slug in slugs]
                for directive_id, slugs in found.items()}


_SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # what Django's `slug` path converter accepts


def _quiz_urls():
    """slug → `reverse("quizzes:detail", args=[slug])`, reversing once for all of a page's links
    (a reverse per link was a fifth of the quiz offers' time): such a slug goes in the path as is."""
    prefix = reverse("quizzes:detail", args=["-"]).removesuffix("-/")
    return lambda slug: f"{prefix}{slug}/" if _SLUG.fullmatch(slug) else reverse("quizzes:detail", args=[slug])
