"""Questions of the bank kept in memory between requests (issue 17): every step of an attempt shows
or grades the same ten questions and their forty options, which change rarely.

A question is kept under (its id, its `updated_at`): each step reads the drawn questions' ids and
versions with the attempt's rows (one query), and only a question saved since it was kept is read
again, so an edit made in another process is seen on the next request. Saving an answer marks its
question as changed (`updated_at`), as the admin's form does when it saves the question; any save or
deletion of a question or an answer also drops this process's whole store (tests, and a change made
within one transaction). Kept questions are shared between requests: read them, never change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils import timezone

from .models import Answer, Question

MAX_KEPT = 5_000  # questions; a bank's worth, a few MB

_lock = threading.Lock()
_kept: OrderedDict[tuple[int, object], Question] = OrderedDict()


def questions_kept(versions: Iterable[tuple[int, object]]) -> dict[int, Question]:
    """Question id → the question with its answers prefetched (in their order), for (id, updated_at)
    pairs; those not kept yet (or changed since) are read in one query and kept."""
    wanted = dict(versions)
    found: dict[int, Question] = {}
    with _lock:
        for question_id, version in wanted.items():
            question = _kept.get((question_id, version))
            if question is not None:
                _kept.move_to_end((question_id, version))
                found[question_id] = question
    missing = [question_id for question_id in wanted if question_id not in found]
    if missing:
        answers = Prefetch("answers", queryset=Answer.objects.order_by("order", "id"))
        read = {q.id: q for q in Question.objects.filter(pk__in=missing).prefetch_related(answers)}
        with _lock:
            for question_id, question in read.items():
                found[question_id] = question
                _kept[(question_id, question.updated_at)] = question
            while len(_kept) > MAX_KEPT:
                _kept.popitem(last=False)
    return found


def forget() -> None:
    """Drop every question this process keeps."""
    with _lock:
        _kept.clear()


def _question_changed(sender, instance=None, **kwargs) -> None:
    forget()


def _answer_changed(sender, instance=None, raw=False, **kwargs) -> None:
    """An answer saved or deleted on its own: its question's version moves, so that every process
    reads the question again."""
    forget()
    if instance is not None and not raw and instance.question_id:
        Question.objects.filter(pk=instance.question_id).update(updated_at=timezone.now())


def connect() -> None:
    """Wired from QuizzesConfig.ready()."""
    from django.db.models.signals import post_delete, post_save

    post_save.connect(_question_changed, sender=Question, dispatch_uid="quizzes-question-saved")
    post_delete.connect(_question_changed, sender=Question, dispatch_uid="quizzes-question-deleted")
    post_save.connect(_answer_changed, sender=Answer, dispatch_uid="quizzes-answer-saved")
    post_delete.connect(_answer_changed, sender=Answer, dispatch_uid="quizzes-answer-deleted")
