"""What the learner's browser may see of an attempt.

Before submission only texts of questions and choices leave the server, each choice named by an
opaque per-attempt token (quizzes.options), never its answer id: never fractions, feedback or which
choice is right. The review (after submission, when the quiz allows it) adds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import qtype_views
from .models import Attempt, AttemptQuestion, QuestionType
from .options import option_token
from .rendering import as_html, is_html
from .selectors import ReviewShown, attempt_questions, attempt_response
from .services.qtypes import NEW_TYPES


@dataclass
class Choice:
    id: str  # the option's token in this attempt (never the answer's id)
    text: str
    checked: bool = False
    right: bool = False  # review only, when the right answers are shown
    correct: bool | None = None  # review only, for a chosen choice when correctness is shown
    feedback: str = ""  # review only, when feedback is shown


@dataclass
class QuestionView:
    id: int
    number: int
    text: str
    qtype: str
    multiple: bool
    choices: list[Choice] = field(default_factory=list)
    response_text: str = ""
    answered: bool = False
    # review only
    score: object = None
    mark: object = None
    general_feedback: str = ""
    accepted: list[str] = field(default_factory=list)
    comment: str = ""
    needs_grading: bool = False
    # numerical, matching, cloze, description (quizzes.qtype_views)
    extra: object = None


def _text(question):
    """HTML texts (Moodle, GIFT [html]) through the whitelist; the others stay text for the template."""
    return as_html(question.text, question.text_format) if is_html(question.text_format) else question.text


def _rich(text: str, question):
    """A choice or feedback of an HTML question (Moodle) is HTML too: whitelisted, images kept."""
    return as_html(text, question.text_format) if is_html(question.text_format) else text


def _answered(aq: AttemptQuestion) -> bool:
    r = attempt_response(aq)
    # a description asks nothing: never "unanswered"
    return bool(r and (r.selected or r.text.strip())) or not aq.question.is_graded


def questions_unanswered(aqs: list[AttemptQuestion]) -> list[int]:
    """Numbers of the drawn questions (`quizzes.selectors.attempt_questions`) still without a response."""
    return [aq.order for aq in aqs if not _answered(aq)]


def questions_for_taking(attempt: Attempt, aqs: list[AttemptQuestion] | None = None) -> list[QuestionView]:
    """`aqs`: the attempt's drawn questions when the caller read them already (`attempt_questions`)."""
    views = []
    for aq in aqs if aqs is not None else attempt_questions(attempt):
        r = attempt_response(aq)
        selected = set(r.selected) if r else set()
        q = aq.question
        choices = []
        if q.qtype in (QuestionType.MULTICHOICE, QuestionType.TRUE_FALSE):
            choices = [Choice(id=option_token(aq.pk, a.id), text=_rich(a.text, q), checked=a.id in selected)
                       for a in aq.ordered_answers()]
        text = r.text if r else ""
        views.append(QuestionView(id=aq.id, number=aq.order, text=_text(q), qtype=q.qtype,
                                  multiple=q.qtype == QuestionType.MULTICHOICE and q.multiple, choices=choices,
                                  response_text=text, answered=_answered(aq),
                                  extra=qtype_views.for_taking(aq, text) if q.qtype in NEW_TYPES else None))
    return views


def questions_for_review(attempt: Attempt, shown: ReviewShown) -> list[QuestionView]:
    """The learner's own responses, plus what the quiz's review policies show now (`shown`):
    correctness (scores, whether each chosen choice was right), the right answers, the feedback.
    HR's comment on an essay is always shown: it is about the learner's text, not the key."""
    assert not attempt.is_open, "no review of an open attempt"
    views = []
    for aq in attempt_questions(attempt):
        r = attempt_response(aq)
        selected = set(r.selected) if r else set()
        q = aq.question
        view = QuestionView(id=aq.id, number=aq.order, text=_text(q), qtype=q.qtype,
                            multiple=q.qtype == QuestionType.MULTICHOICE and q.multiple,
                            response_text=r.text if r else "", answered=bool(r and (r.selected or r.text)),
                            comment=r.comment if r else "", needs_grading=bool(r and r.needs_grading))
        if shown.correctness:
            view.score, view.mark = (r.score if r else 0), aq.mark
        if shown.feedback:
            view.general_feedback = (as_html(q.general_feedback, q.text_format) if is_html(q.text_format)
                                     else q.general_feedback)
        if q.qtype in NEW_TYPES:
            view.extra = qtype_views.for_review(aq, r.text if r else "", right_answers=shown.right_answers,
                                                correctness=shown.correctness)
        elif q.qtype == QuestionType.SHORT_ANSWER:
            view.accepted = [a.text for a in q.answers.all() if a.fraction > 0] if shown.right_answers else []
        else:
            view.choices = [
                Choice(id=option_token(aq.pk, a.id), text=_rich(a.text, q), checked=a.id in selected,
                       right=shown.right_answers and a.fraction > 0,
                       correct=(a.fraction > 0) if shown.correctness and a.id in selected else None,
                       feedback=_rich(a.feedback, q) if shown.feedback and a.id in selected else "")
                for a in aq.ordered_answers()]
        views.append(view)
    return views
