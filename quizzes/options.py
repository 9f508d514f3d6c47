"""What identifies an option in the learner's browser: an opaque token per attempt and answer.

Answer ids are sequential in the order the bank was written, and authors tend to write the right
answer first, so an id (or any order derived from it) in the page tells the key (issue 13, H3).
The browser gets instead an HMAC of (the drawn question of this attempt, the answer) under the
project's secret: unpredictable, different in every attempt, and sorting them sorts nothing. The
server maps a token back by recomputing the tokens of the question's own answers; nothing is stored,
so saving and submitting keep their locks and guarantees unchanged. (Rotating SECRET_KEY makes the
options of a page opened before the rotation unknown: the learner reloads the page; answers already
saved are kept, they are stored as answer ids.)
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.crypto import salted_hmac

from .models import AttemptQuestion

SALT = "quizzes.option-token"
# 64 bits: a collision between the few options of one question is out of reach.
LENGTH = 16
UNKNOWN = "?"


def option_token(attempt_question_id: int, answer_id: int) -> str:
    return salted_hmac(SALT, f"{attempt_question_id}:{answer_id}").hexdigest()[:LENGTH]


def option_tokens(aq: AttemptQuestion) -> dict[str, int]:
    """token → answer id, for the answers drawn with this question."""
    return {option_token(aq.pk, answer_id): answer_id for answer_id in aq.answer_order}


def options_resolve(aq: AttemptQuestion, tokens: Iterable[str]) -> list[int | str]:
    """The answer ids of the tokens a browser sent; an unknown token stays a value the service refuses."""
    known = option_tokens(aq)
    return [known.get(str(token), UNKNOWN) for token in tokens]
