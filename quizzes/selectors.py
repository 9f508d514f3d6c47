"""Read-side queries of the quiz engine."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Avg, Case, Count, Prefetch, Q, When
from django.utils import timezone

from core.rows import FieldColumn, ModelColumns, column, table
from org.models import Employee
from org.scoping import EVERY_AGENCY, actor_scope
from org.selectors.access import employee_of, is_hr

from .models import (
    Attempt,
    AttemptAnswer,
    AttemptQuestion,
    AttemptSource,
    AttemptState,
    GradingMethod,
    Question,
    QuestionCategory,
    Quiz,
    QuizQuestion,
    ReviewPolicy,
)
from .question_cache import questions_kept


def quizzes_for_directives(directive_ids: Iterable[int], *, employee: Employee | None = None) -> dict[int, list[Quiz]]:
    """Published quizzes linked to each directive id (a quiz linked to several appears under each);
    with `employee`, only those they may take: their agency's and shared ones (M4)."""
    ids = list(directive_ids)
    result: dict[int, list[Quiz]] = defaultdict(list)
    if not ids:
        return {}
    through = Quiz.directives.through
    links = through.objects.filter(directivepage_id__in=ids, quiz__draft=False).select_related("quiz")
    if employee is not None:
        links = links.filter(Q(quiz__agency__isnull=True) | Q(quiz__agency_id=employee.agency_id))
    for link in links.order_by("quiz__title", "quiz_id"):
        result[link.directivepage_id].append(link.quiz)
    return dict(result)


def quiz_slugs_for_directives(directive_ids: Iterable[int], *, employee: Employee) -> dict[int, list[str]]:
    """`quizzes_for_directives(directive_ids, employee=employee)` reduced to the quizzes' slugs, in
    the same order: what "Việc học của tôi" links to, without building a Quiz per link."""
    ids = list(directive_ids)
    result: dict[int, list[str]] = defaultdict(list)
    links = (Quiz.directives.through.objects.filter(directivepage_id__in=ids, quiz__draft=False)
             .filter(Q(quiz__agency__isnull=True) | Q(quiz__agency_id=employee.agency_id))
             .order_by("quiz__title", "quiz_id").values_list("directivepage_id", "quiz__slug"))
    for directive_id, slug in links if ids else []:
        result[directive_id].append(slug)
    return dict(result)


def quiz_question_pool(quiz: Quiz) -> list[Question]:
    """The questions an attempt draws from: the fixed list in order, then the chosen categories'."""
    answers = Prefetch("answers")
    fixed = [qq.question for qq in QuizQuestion.objects.filter(quiz=quiz).select_related("question")
             .prefetch_related(Prefetch("question__answers")).order_by("order", "id")]
    seen = {q.id for q in fixed}
    category_ids = list(quiz.categories.values_list("id", flat=True))
    drawn = []
    if category_ids:
        drawn = [q for q in Question.objects.filter(category_id__in=category_ids).prefetch_related(answers)
                 .order_by("category__name", "id") if q.id not in seen]
    return fixed + drawn


@dataclass(frozen=True)
class PoolEntry:
    """What drawing and counting need of a question of the pool: no texts, no answers."""

    id: int
    qtype: str
    default_mark: object


def quiz_pool_entries(quiz: Quiz) -> list[PoolEntry]:
    """`quiz_question_pool(quiz)` as narrow rows, in the same order (two queries)."""
    fixed = [PoolEntry(*row) for row in QuizQuestion.objects.filter(quiz=quiz).order_by("order", "id")
             .values_list("question_id", "question__qtype", "question__default_mark")]
    seen = {entry.id for entry in fixed}
    drawn = (Question.objects.filter(category__quizzes=quiz).order_by("category__name", "id")
             .values_list("id", "qtype", "default_mark"))
    return fixed + [PoolEntry(*row) for row in drawn if row[0] not in seen]


def quiz_pool_size(quiz: Quiz) -> int:
    """`len(quiz_pool_entries(quiz))` counted by the database in one query: a question is in the pool
    once, fixed or drawn (a quiz lists a question at most once: quiz_question_unique)."""
    fixed = QuizQuestion.objects.filter(quiz=quiz).values("question_id")
    drawn = Question.objects.filter(category__quizzes=quiz).values("pk")
    return Question.objects.filter(Q(pk__in=fixed) | Q(pk__in=drawn)).count()


@functools.cache
def _attempt_questions_query() -> tuple[str, ModelColumns, FieldColumn, ModelColumns]:
    """`attempt.attempt_questions.select_related("response").annotate(question_version=…)` written
    once per process: the steps of an attempt read it on every request, and Django's compiler cost
    more Python than the query (issue 17). Ordered as the ORM's (one attempt: by `order`)."""
    aq = ModelColumns.of(AttemptQuestion, "aq")
    version = FieldColumn.of(Question, "updated_at", "qn")
    response = ModelColumns.of(AttemptAnswer, "r", aq.end + 1)
    sql = (f"SELECT {aq.select()}, {version.sql}, {response.select()} FROM {table(AttemptQuestion)} aq"
           f" INNER JOIN {table(Question)} qn ON qn.{column(Question, 'pk')} = aq.{column(AttemptQuestion, 'question')}"
           f" LEFT JOIN {table(AttemptAnswer)} r ON r.{column(AttemptAnswer, 'attempt_question')}"
           f" = aq.{column(AttemptQuestion, 'pk')}"
           f" WHERE aq.{column(AttemptQuestion, 'attempt')} = %s"
           f" ORDER BY aq.{column(AttemptQuestion, 'order')}, aq.{column(AttemptQuestion, 'pk')}")
    return sql, aq, version, response


def attempt_questions(attempt: Attempt) -> list[AttemptQuestion]:
    """The attempt's drawn questions in order, each with its question and answers (kept between
    requests: quizzes.question_cache) and its response (`attempt_response`), in one query."""
    sql, aq_columns, version, response_columns = _attempt_questions_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [attempt.pk])
        rows = cursor.fetchall()
    aqs = []
    for row in rows:  # cached on the instances as the related manager and select_related would
        aq = aq_columns.instance(row)
        aq.question_version = version.value(row[aq_columns.end])
        AttemptQuestion.attempt.field.set_cached_value(aq, attempt)
        response = response_columns.instance(row)
        AttemptQuestion.response.related.set_cached_value(aq, response)  # None: no response saved
        if response is not None:
            AttemptAnswer.attempt_question.field.set_cached_value(response, aq)
        aqs.append(aq)
    kept = questions_kept((aq.question_id, aq.question_version) for aq in aqs)
    for aq in aqs:
        aq.question = kept[aq.question_id]
    return aqs


def attempt_response(aq: AttemptQuestion) -> AttemptAnswer | None:
    """The saved response of a drawn question read by `attempt_questions`, None when none."""
    try:
        return aq.response
    except AttemptAnswer.DoesNotExist:
        return None


@functools.cache
def _attempt_query(scoped: bool) -> tuple[str, ModelColumns, ModelColumns]:
    """The attempt read of the taking steps, written once per process (issue 17: the ORM's compile
    of it cost more than the query). `scoped`: within the acting agency, through the taker's
    agency (`Attempt.agency_lookup`, as `Attempt.objects.for_actor`)."""
    if Attempt.agency_lookup != "employee__agency":
        raise AssertionError("Attempt.agency_lookup changed: change the scope of _attempt_query with it")
    attempt = ModelColumns.of(Attempt, "a")
    quiz = ModelColumns.of(Quiz, "q", attempt.end)
    sql = (f"SELECT {attempt.select()}, {quiz.select()} FROM {table(Attempt)} a"
           f" INNER JOIN {table(Quiz)} q ON q.{column(Quiz, 'pk')} = a.{column(Attempt, 'quiz')}")
    if scoped:
        sql += (f" INNER JOIN {table(Employee)} e ON e.{column(Employee, 'pk')} = a.{column(Attempt, 'employee')}"
                f" AND e.{column(Employee, 'agency')} = %s")
    sql += f" WHERE a.{column(Attempt, 'pk')} = %s AND a.{column(Attempt, 'employee')} = %s"
    return sql, attempt, quiz


def attempt_of(actor, *, pk: int, employee: Employee) -> Attempt | None:
    """`employee`'s attempt `pk` with its quiz, within `actor`'s agency scope (org.scoping), or None."""
    scope = actor_scope(actor)
    if scope is None:
        return None  # for_actor: nobody's rows
    scoped = scope != EVERY_AGENCY
    sql, attempt_columns, quiz_columns = _attempt_query(scoped)
    with connection.cursor() as cursor:
        cursor.execute(sql, [scope, pk, employee.pk] if scoped else [pk, employee.pk])
        row = cursor.fetchone()
    if row is None:
        return None
    attempt = attempt_columns.instance(row)
    Attempt.quiz.field.set_cached_value(attempt, quiz_columns.instance(row))
    attempt.employee = employee
    return attempt


def attempts_of(*, quiz: Quiz, employee: Employee):
    return Attempt.objects.filter(quiz=quiz, employee=employee).order_by("number")


def quiz_grade(*, quiz: Quiz, employee: Employee) -> Attempt | None:
    """The attempt that stands as the person's grade: the highest or the last final one."""
    final = Attempt.objects.filter(quiz=quiz, employee=employee, state=AttemptState.FINISHED)
    if quiz.grading_method == GradingMethod.LAST:
        return final.order_by("-submitted_at", "-evidence_date", "-number").first()
    return final.order_by("-percent", "submitted_at", "number").first()


@dataclass
class QuestionStat:
    question: Question
    answered: int
    right: int
    mean_fraction: float | None

    @property
    def share_right(self) -> float | None:
        return round(100 * self.right / self.answered, 1) if self.answered else None


@dataclass
class QuizStats:
    attempts: int
    people: int
    passed_people: int
    finished: int
    passed: int
    pending_grading: int
    buckets: list[tuple[str, int]]
    questions: list[QuestionStat]

    @property
    def pass_rate(self) -> float | None:
        return round(100 * self.passed / self.finished, 1) if self.finished else None


def quiz_statistics(*, quiz: Quiz, employees=None) -> QuizStats:
    """Attempts, pass rate, score distribution (tenths), and per question the share fully right
    (with the mean fraction, to spot questions that are too hard or wrongly keyed)."""
    attempts = Attempt.objects.filter(quiz=quiz)
    if employees is not None:
        attempts = attempts.filter(employee__in=employees)
    finished = attempts.filter(state=AttemptState.FINISHED)
    percents = [float(p) for p in finished.values_list("percent", flat=True) if p is not None]
    counts = [0] * 10
    for p in percents:
        counts[min(9, int(p // 10))] += 1
    buckets = [(f"{i * 10}–{i * 10 + 10 if i < 9 else 100}%", n) for i, n in enumerate(counts)]
    rows = (AttemptAnswer.objects.filter(attempt_question__attempt__in=finished.filter(source=AttemptSource.ONLINE))
            .values("attempt_question__question_id")
            .annotate(n=Count("id"), right=Count("id", filter=Q(fraction__gte=1)), mean=Avg("fraction")))
    by_question = {r["attempt_question__question_id"]: r for r in rows}
    questions = []
    for q in Question.objects.filter(id__in=by_question).select_related("category").order_by("category__name", "id"):
        r = by_question[q.id]
        questions.append(QuestionStat(q, r["n"], r["right"], float(r["mean"]) if r["mean"] is not None else None))
    questions.sort(key=lambda s: (s.share_right if s.share_right is not None else 101))
    return QuizStats(
        attempts=attempts.count(),
        people=attempts.values("employee").distinct().count(),
        passed_people=attempts.filter(passed=True).values("employee").distinct().count(),
        finished=len(percents),
        passed=finished.filter(passed=True).count(),
        pending_grading=attempts.filter(state=AttemptState.NEEDS_GRADING).count(),
        buckets=buckets,
        questions=questions,
    )


def essay_queue(*, employees=None):
    """Essay responses waiting for HR's mark, oldest submission first."""
    rows = (AttemptAnswer.objects.filter(needs_grading=True, attempt_question__attempt__state=AttemptState.NEEDS_GRADING)
            .select_related("attempt_question__question", "attempt_question__attempt__quiz",
                            "attempt_question__attempt__employee__unit")
            .order_by("attempt_question__attempt__submitted_at", "id"))
    if employees is not None:
        rows = rows.filter(attempt_question__attempt__employee__in=employees)
    return rows


@dataclass(frozen=True)
class ReviewShown:
    """Which parts of the review of a submitted attempt its learner may see now."""

    correctness: bool = False  # which of my choices were right, the score of each question
    right_answers: bool = False  # the key: right choices, accepted short answers
    feedback: bool = False  # the chosen choices' feedback and the question's general feedback

    @property
    def anything(self) -> bool:
        return self.correctness or self.right_answers or self.feedback


def review_shown(*, attempt: Attempt, now: dt.datetime | None = None) -> ReviewShown:
    """Apply the quiz's three review policies (issue 13, M5). "After the last attempt" means the
    person has used every allowed online attempt (or the quiz closed): from then on no attempt of
    theirs can profit from the key. With unlimited attempts that moment comes only with the close."""
    if attempt.is_open:
        return ReviewShown()
    quiz = attempt.quiz
    now = now or timezone.now()
    closed = quiz.is_closed(now)
    mine = Attempt.objects.filter(quiz=quiz, employee_id=attempt.employee_id)
    limit = quiz.effective_attempts_allowed
    last_used = closed or (limit is not None and not mine.filter(state=AttemptState.IN_PROGRESS).exists()
                           and mine.filter(source=AttemptSource.ONLINE).count() >= limit)
    moment = {ReviewPolicy.IMMEDIATELY: True, ReviewPolicy.AFTER_LAST: last_used, ReviewPolicy.AFTER_CLOSE: closed,
              ReviewPolicy.NEVER: False}
    return ReviewShown(correctness=moment.get(quiz.review_correctness, False),
                       right_answers=moment.get(quiz.review_right_answers, False),
                       feedback=moment.get(quiz.review_feedback, False))


# --- Ownership (issue 13, M4; docs/security.md "Quiz ownership") ---------------------------------
# A quiz and a question category belong to one agency (`agency`) or to none (shared content). HR
# change their own agency's; everyone reads shared content; nobody but superusers (and the command
# line, which passes no actor) changes shared content or another agency's.


def _acting_agency_id(actor) -> int | None:
    employee = employee_of(actor)
    return employee.agency_id if employee is not None else None


def _owned_by(actor, *, shared: bool) -> Q | None:
    """None: no limit (superusers). Else the Q of what the actor's agency owns (and shared content)."""
    if getattr(actor, "is_superuser", False):
        return None
    agency_id = _acting_agency_id(actor)
    mine = Q(agency_id=agency_id) if agency_id is not None else Q(pk__in=[])
    return mine | Q(agency__isnull=True) if shared else mine


def quizzes_visible(actor):
    """Quizzes `actor` may take or read (export, statistics, paper results): their agency's and shared ones."""
    rule = _owned_by(actor, shared=True)
    return Quiz.objects.all() if rule is None else Quiz.objects.filter(rule)


def quiz_by_slug(actor, slug: str, queryset=None) -> Quiz | None:
    """The quiz `actor` reaches by `slug` (slugs are unique per owner): their agency's, else the
    shared one; a slug only another agency uses answers as one that does not exist. Superusers
    (every agency) get the shared quiz first, then the lowest id."""
    own = _acting_agency_id(actor)
    whens = [When(agency__isnull=True, then=1)]
    if own is not None:
        whens.insert(0, When(agency_id=own, then=0))
    mine_first = Case(*whens, default=2)
    quizzes = queryset if queryset is not None else quizzes_visible(actor)
    return quizzes.filter(slug=slug).order_by(mine_first, "pk").first()


def quiz_slug_taken(*, slug: str, owner_id: int | None, exclude_pk: int | None = None) -> bool:
    """Whether a quiz of `owner_id` (an agency, None = shared) may not take `slug`: the owner has a
    quiz of that slug, or a shared quiz does (it would hide the shared one from the owner's staff).
    A shared quiz may take no slug in use anywhere (only superusers and the command line create them)."""
    quizzes = Quiz.objects.filter(slug=slug).exclude(pk=exclude_pk)
    if owner_id is not None:
        quizzes = quizzes.filter(Q(agency_id=owner_id) | Q(agency__isnull=True))
    return quizzes.exists()


def quizzes_editable(actor):
    """Quizzes `actor` may change or import questions into: HR, their own agency's only."""
    rule = _owned_by(actor, shared=False)
    if rule is None:
        return Quiz.objects.all()
    return Quiz.objects.filter(rule) if is_hr(actor) else Quiz.objects.none()


def categories_visible(actor):
    rule = _owned_by(actor, shared=True)
    return QuestionCategory.objects.all() if rule is None else QuestionCategory.objects.filter(rule)


def categories_editable(actor):
    rule = _owned_by(actor, shared=False)
    if rule is None:
        return QuestionCategory.objects.all()
    return QuestionCategory.objects.filter(rule) if is_hr(actor) else QuestionCategory.objects.none()


def questions_visible(actor):
    return Question.objects.filter(category__in=categories_visible(actor))


def questions_editable(actor):
    return Question.objects.filter(category__in=categories_editable(actor))
