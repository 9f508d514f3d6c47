"""Search over the directive library and lessons, ignoring diacritics and case.

It reads the folded `search_text` columns (written on save with `core.text.fold`), so the
same LIKE queries behave identically on SQLite and PostgreSQL: "dan chu co so" finds
"dân chủ ở cơ sở", "23-qd/tw" finds 23-QĐ/TW, "Quyết định 23" finds it too. Every word of the
query must occur as a whole word (the last may be a prefix), so "23" does not find "2023" or
"123"; when some documents have the words together as a phrase, only those are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils.translation import get_language
from taggit.models import Tag

from core.text import fold

from .content_cache import content_cached
from .models import DirectivePage, DirectiveType, LessonPage

# "Quyết định số 23": "số" is filler when a number is asked for.
_FILLER_BEFORE_NUMBER = {"so"}


@dataclass(frozen=True)
class SearchFilters:
    q: str = ""
    doc_type: str = ""
    issuer: str = ""
    year: int | None = None
    topic: str = ""  # tag slug

    @classmethod
    def from_querydict(cls, data) -> SearchFilters:
        year = (data.get("year") or "").strip()
        doc_type = (data.get("type") or "").strip()
        return cls(
            q=(data.get("q") or "").strip()[:200],
            doc_type=doc_type if doc_type in DirectiveType.values else "",
            issuer=(data.get("issuer") or "").strip(),
            year=int(year) if year.isdigit() and len(year) == 4 else None,
            topic=(data.get("topic") or "").strip(),
        )

    @property
    def narrows_directives(self) -> bool:
        return bool(self.doc_type or self.issuer or self.year or self.topic)

    @property
    def active(self) -> bool:
        return bool(self.q) or self.narrows_directives

    def querystring(self, **changes) -> str:
        """The query string of these filters with some changed (None or "" drops one)."""
        values = replace(self, **changes) if changes else self
        params = {"q": values.q, "type": values.doc_type, "issuer": values.issuer, "year": values.year or "",
                  "topic": values.topic}
        return urlencode({k: v for k, v in params.items() if v})


@dataclass
class SearchResults:
    filters: SearchFilters
    directives: list[DirectivePage] = field(default_factory=list)
    lessons: list[LessonPage] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.directives) + len(self.lessons)


@dataclass
class Facets:
    types: list[tuple[str, str, int]]
    issuers: list[tuple[str, int]]
    years: list[int]
    topics: list[tuple[str, str]]


def query_tokens(query: str) -> list[str]:
    # "23 – QĐ / TW" is typed the way numbers are written: join around dashes and slashes.
    tokens = [t for t in re.sub(r"\s*([-/])\s*", r"\1", fold(query)).split() if re.search(r"[a-z0-9]", t)]
    if any(re.search(r"\d", t) for t in tokens):
        tokens = [t for t in tokens if t not in _FILLER_BEFORE_NUMBER]
    return tokens


_EDGE_BEFORE = r"(?<![a-z0-9])"
_EDGE_AFTER = r"(?![a-z0-9])"
# Between two words of a phrase, at most one other word: "dan chu co so" is near "dân chủ ở cơ sở".
_NEAR = r"(?:[^a-z0-9]+[a-z0-9]+)?[^a-z0-9]+"


class Matcher:
    """Whole folded words (the last one may be a prefix, as people type), and the same words as a
    near-phrase for ranking. Vietnamese syllables are short, so substring matching would let
    "co" hit "công" and "so" hit "số" everywhere."""

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        words = [
            _EDGE_BEFORE + re.escape(t) + ("" if i == len(tokens) - 1 and not t[-1].isdigit() else _EDGE_AFTER)
            for i, t in enumerate(tokens)
        ]
        self.words = [re.compile(w) for w in words]
        self.phrase = re.compile(_NEAR.join(words)) if len(words) > 1 else None

    def all_words(self, text: str) -> bool:
        return all(w.search(text) for w in self.words)

    def near_phrase(self, text: str) -> bool:
        return self.phrase.search(text) is not None if self.phrase else self.all_words(text)

    def filter(self, queryset) -> list:
        """Objects with every word; when some have them as a near-phrase, only those."""
        for token in self.tokens:  # a cheap superset in SQL, identical on SQLite and PostgreSQL
            queryset = queryset.filter(search_text__icontains=token)
        found = [obj for obj in queryset if self.all_words(obj.search_text)]
        phrased = [obj for obj in found if self.near_phrase(obj.search_text)]
        return phrased or found


def _filtered_directives(filters: SearchFilters, within=None):
    queryset = DirectivePage.objects.live()
    if within is not None:
        queryset = queryset.descendant_of(within)
    if filters.doc_type:
        queryset = queryset.filter(doc_type=filters.doc_type)
    if filters.issuer:
        queryset = queryset.filter(issuer=filters.issuer)
    if filters.year:
        queryset = queryset.filter(issue_date__year=filters.year)
    if filters.topic:
        queryset = queryset.filter(tags__in=_topic_tags(filters.topic))
    return queryset.distinct()


def _topic_tags(topic: str) -> list[int]:
    """Tags whose slug or name matches `topic` ignoring diacritics: "dan-van" is "dân-vận"."""
    wanted = fold(topic).replace(" ", "-")
    used = Tag.objects.filter(courses_directivetag_items__isnull=False).distinct().values_list("pk", "slug", "name")
    return [pk for pk, slug, name in used if wanted in (fold(slug), fold(name).replace(" ", "-"))]


def _folded(page: DirectivePage) -> tuple[str, str, str]:
    return fold(page.number), fold(f"{page.number} {page.title}"), fold(page.subject)


def _folded_directives() -> dict[int, tuple[str, str, str]]:
    """Every live directive's folded number, title and subject, once per content version: folding
    is most of ranking the whole library."""
    return content_cached("folded_directives", lambda: {page.pk: _folded(page) for page in
                                                          DirectivePage.objects.live().only("number", "title", "subject")})


def _rank(page: DirectivePage, query: str, matcher: Matcher, folded: dict | None = None) -> tuple:
    compact = re.sub(r"\s+", "", fold(query))
    number, title, subject = (folded or {}).get(page.pk) or _folded(page)
    number_hit = bool(compact) and (compact == number or number in compact)
    head = f"{title} {subject}"
    return (
        not number_hit,
        not matcher.near_phrase(title),
        not matcher.near_phrase(head),
        not matcher.all_words(title),
        len(title),  # the shorter the title, the more of it the query is
        -page.issue_date.toordinal(),
    )


def library_search(filters: SearchFilters, *, within=None) -> SearchResults:
    """Directives (and, for a text query, lessons) matching the filters; best matches first.

    Filters by type, issuer, year and topic narrow the directives; lessons are then only those
    covering one of the matching directives.
    """
    matcher = Matcher(query_tokens(filters.q))
    directives = matcher.filter(_filtered_directives(filters, within))
    folded = _folded_directives() if len(directives) > 1 else None
    directives.sort(key=lambda page: _rank(page, filters.q, matcher, folded))
    lessons: list[LessonPage] = []
    if matcher.tokens and within is None:
        lessons_qs = LessonPage.objects.live()
        if filters.narrows_directives:
            lessons_qs = lessons_qs.filter(directives__in=_filtered_directives(filters)).distinct()
        lessons = matcher.filter(lessons_qs)
        lessons.sort(key=lambda lesson: (not matcher.near_phrase(fold(lesson.title)), lesson.path))
    return SearchResults(filters=filters, directives=directives, lessons=lessons)


def directive_facets() -> Facets:
    """The values the filters offer: only those that some live directive has (cached per content
    version: they change only when a directive is published or unpublished)."""
    return content_cached(("directive_facets", get_language()), _directive_facets)  # labels sort by language


def _directive_facets() -> Facets:
    live = DirectivePage.objects.live()
    labels = dict(DirectiveType.choices)
    types = [
        (row["doc_type"], labels.get(row["doc_type"], row["doc_type"]), row["n"])
        for row in live.values("doc_type").annotate(n=Count("pk")).order_by("doc_type")
    ]
    types.sort(key=lambda item: str(item[1]))
    issuers = [(row["issuer"], row["n"]) for row in live.values("issuer").annotate(n=Count("pk")).order_by("issuer")]
    years = sorted({d.year for d in live.values_list("issue_date", flat=True)}, reverse=True)
    topics = list(
        Tag.objects.filter(Q(courses_directivetag_items__content_object__in=live))
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )
    return Facets(types=types, issuers=issuers, years=years, topics=topics)
