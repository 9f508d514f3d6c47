"""What the learner's page shows of the question types that came with Moodle banks (numerical,
matching, cloze, description), taking and review. Texts go through quizzes.rendering; nothing
before submission tells which choice is right (match choices are sorted; a cloze gap's options are
shuffled when the quiz shuffles answers and named by per-attempt tokens)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .formats import cloze, number_text
from .models import AttemptQuestion, QuestionType
from .rendering import as_html, as_text
from .services import qtypes

_MARK = "\u2983GAP{}\u2984"  # a placeholder no author writes, replaced after the text is cleaned


@dataclass
class MatchRow:
    label: str
    choices: list[tuple[int, str, bool]]  # (index, text, chosen)


@dataclass
class ReviewLine:
    label: str
    given: str
    right: str
    ok: bool


@dataclass
class Extra:
    html: SafeString
    match_rows: list[MatchRow] = field(default_factory=list)
    review_lines: list[ReviewLine] = field(default_factory=list)


def _gap_field(aq: AttemptQuestion, gap: cloze.Gap, value: str, fmt: str) -> str:
    aq_id = aq.pk
    label = _("Chỗ trống %(n)s") % {"n": gap.number}
    if gap.kind == "choice":
        options = [format_html('<option value="">{}</option>', "…")]
        for i in qtypes.gap_choice_order(aq_id, gap, aq.attempt.quiz.shuffle_answers):
            options.append(format_html('<option value="{}"{}>{}</option>', qtypes.gap_choice_token(aq_id, gap.number, i),
                                       " selected" if value == str(i) else "", as_text(gap.answers[i].text, fmt)))
        return format_html('<select class="gap" name="g-{}" aria-label="{}">{}</select>', aq_id, label,
                           mark_safe("".join(options)))  # noqa: S308 - each option built by format_html
    mode = ' inputmode="decimal"' if gap.kind == "number" else ""
    return format_html('<input class="gap" type="text" name="g-{}" value="{}" aria-label="{}" autocomplete="off"{}>',
                       aq_id, value, label, mark_safe(mode))  # noqa: S308 - a constant


def _cloze_html(aq: AttemptQuestion, values: list, readonly: bool) -> SafeString:
    q = aq.question
    gaps = cloze.gaps(q.text)
    text = q.text
    for gap in reversed(gaps):
        text = text[:gap.start] + _MARK.format(gap.number) + text[gap.end:]
    rendered = str(as_html(text, q.text_format))
    for gap in gaps:
        value = str(values[gap.number - 1]) if gap.number - 1 < len(values) else ""
        if readonly:
            shown = _choice_text(gap, value, q.text_format) if gap.kind == "choice" else value
            field_html = format_html('<span class="gap given">{}</span>', shown or "…")
        else:
            field_html = _gap_field(aq, gap, value, q.text_format)
        rendered = rendered.replace(escape(_MARK.format(gap.number)), field_html)
        rendered = rendered.replace(_MARK.format(gap.number), field_html)
    return mark_safe(rendered)  # noqa: S308 - cleaned text with fields built by format_html


def _choice_text(gap: cloze.Gap, value: str, fmt: str) -> str:
    if value.isdigit() and int(value) < len(gap.answers):
        return as_text(gap.answers[int(value)].text, fmt)
    return ""


def _right_of(gap: cloze.Gap, fmt: str) -> str:
    best = max(gap.answers, key=lambda a: a.fraction)
    if gap.kind == "number" and best.tolerance:
        return f"{best.text} ± {number_text(best.tolerance)}"
    return as_text(best.text, fmt)


def for_taking(aq: AttemptQuestion, response_text: str) -> Extra:
    q = aq.question
    if q.qtype == QuestionType.MULTIANSWER:
        return Extra(html=_cloze_html(aq, qtypes.stored_list(response_text), readonly=False))
    extra = Extra(html=as_html(q.text, q.text_format))
    if q.qtype == QuestionType.MATCHING:
        answers = list(q.answers.all())
        choices = qtypes.match_choices(answers)
        chosen = qtypes.stored_list(response_text)
        for i, item in enumerate(qtypes.match_items(answers)):
            picked = chosen[i] if i < len(chosen) else None
            extra.match_rows.append(MatchRow(label=as_text(item.text, q.text_format),
                                             choices=[(j, c, c == picked) for j, c in enumerate(choices)]))
    return extra


def for_review(aq: AttemptQuestion, response_text: str, *, right_answers: bool = True,
               correctness: bool = True) -> Extra:
    """The review; the quiz's review policy decides whether right answers and correctness show."""
    extra = _review(aq, response_text)
    for line in extra.review_lines:
        line.right = line.right if right_answers else ""
        line.ok = line.ok if correctness else False
    return extra


def _review(aq: AttemptQuestion, response_text: str) -> Extra:
    q = aq.question
    if q.qtype == QuestionType.MULTIANSWER:
        values = qtypes.stored_list(response_text)
        extra = Extra(html=_cloze_html(aq, values, readonly=True))
        fractions = qtypes.cloze_fractions(q, response_text)
        for gap, fraction in zip(cloze.gaps(q.text), fractions, strict=True):
            value = str(values[gap.number - 1]) if gap.number - 1 < len(values) else ""
            given = _choice_text(gap, value, q.text_format) if gap.kind == "choice" else value
            extra.review_lines.append(ReviewLine(label=_("Chỗ trống %(n)s") % {"n": gap.number}, given=given,
                                                 right=_right_of(gap, q.text_format), ok=fraction == 1))
        return extra
    extra = Extra(html=as_html(q.text, q.text_format))
    answers = list(q.answers.all())
    if q.qtype == QuestionType.MATCHING:
        chosen = qtypes.stored_list(response_text)
        for i, item in enumerate(qtypes.match_items(answers)):
            picked = chosen[i] if i < len(chosen) and chosen[i] else ""
            extra.review_lines.append(ReviewLine(label=as_text(item.text, q.text_format), given=picked,
                                                 right=item.match_text, ok=picked == item.match_text))
    elif q.qtype == QuestionType.NUMERICAL:
        accepted = [a for a in answers if a.fraction > 0 and a.text != "*"]
        right = "; ".join(f"{a.text} ± {number_text(a.tolerance)}" if a.tolerance else a.text
                          for a in sorted(accepted, key=lambda a: -a.fraction))
        extra.review_lines.append(ReviewLine(label=_("Đáp số"), given=response_text, right=right,
                                             ok=qtypes.numerical_fraction(answers, response_text) == 1))
    return extra
