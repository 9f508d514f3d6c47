"""Item analysis of a quiz (read side, issue 18 item 4): does each question tell who studied?

From the finished online attempts (of the staff the reader may see), per question drawn:
- **facility** — the mean fraction of the mark earned, 0..1 (Moodle's facility index);
- **discrimination** — the correlation between the question's fraction and the rest of the attempt's
  score (the attempt's percentage without this question), -1..1 (Moodle's discrimination index, a
  corrected item-total correlation): people who did well overall should do well on the question;
- **options nobody picks** — choices of a multiple-choice or true/false question never selected;
and flags a question weak when it has enough responses (`MIN_RESPONSES`) and
- everybody gets it (facility ≥ `EASY`): it proves nothing;
- almost nobody does (facility ≤ `HARD`): a wrong key or a question not taught;
- discrimination below `WEAK_DISCRIMINATION` (below 0: the better learners fail it — check the key);
- a choice nobody picks: a distractor that distracts nobody.
Built from one query of responses into a pandas frame (docs/design.md: tables with pandas).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from django.utils.translation import gettext_lazy as _

from .models import AttemptAnswer, AttemptSource, AttemptState, Question, QuestionType, Quiz

MIN_RESPONSES = 10
EASY = 0.95
HARD = 0.2
WEAK_DISCRIMINATION = 0.2
CHOICE_TYPES = (QuestionType.MULTICHOICE, QuestionType.TRUE_FALSE)
FLAG_LABELS = {
    "easy": _("Ai cũng làm đúng: câu hỏi không cho biết ai đã học"),
    "hard": _("Hầu như không ai làm đúng: kiểm tra đáp án, hoặc nội dung chưa được dạy"),
    "negative_discrimination": _("Người làm bài tốt lại sai câu này: kiểm tra đáp án"),
    "low_discrimination": _("Độ phân biệt thấp: làm đúng câu này không đi cùng kết quả chung"),
    "unused_option": _("Có phương án không ai chọn: phương án nhiễu chưa hợp lý"),
}


@dataclass
class ItemAnalysis:
    question: Question
    responses: int
    facility: float | None  # 0..1
    discrimination: float | None  # -1..1; None when it cannot be computed (too few, no spread)
    unused_options: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # codes: easy, hard, low_discrimination, negative_discrimination, unused_option

    @property
    def weak(self) -> bool:
        return bool(self.flags)

    @property
    def flag_labels(self) -> list[str]:
        return [str(FLAG_LABELS[f]) for f in self.flags]

    @property
    def facility_percent(self) -> float | None:
        return None if self.facility is None else round(100 * self.facility, 1)


def _frame(quiz: Quiz, employees) -> pd.DataFrame:
    rows = AttemptAnswer.objects.filter(attempt_question__attempt__quiz=quiz,
                                        attempt_question__attempt__state=AttemptState.FINISHED,
                                        attempt_question__attempt__source=AttemptSource.ONLINE,
                                        fraction__isnull=False)
    if employees is not None:
        rows = rows.filter(attempt_question__attempt__employee__in=employees)
    records = rows.values_list("attempt_question__attempt_id", "attempt_question__question_id", "fraction",
                               "attempt_question__mark", "selected")
    frame = pd.DataFrame.from_records(list(records), columns=["attempt", "question", "fraction", "mark", "selected"])
    frame["fraction"] = frame["fraction"].astype(float)
    frame["mark"] = frame["mark"].astype(float)
    return frame


def _discrimination(frame: pd.DataFrame) -> dict[int, float | None]:
    """Per question: correlation of its fraction with the attempt's percentage on the other questions."""
    frame = frame.assign(points=frame["fraction"] * frame["mark"])
    totals = frame.groupby("attempt")[["points", "mark"]].sum()
    joined = frame.join(totals, on="attempt", rsuffix="_total")
    rest_marks = joined["mark_total"] - joined["mark"]
    joined["rest"] = (joined["points_total"] - joined["points"]).where(rest_marks > 0) / rest_marks.where(rest_marks > 0)
    result: dict[int, float | None] = {}
    for question_id, group in joined.groupby("question"):
        group = group.dropna(subset=["rest"])
        if len(group) < 3 or group["fraction"].std() == 0 or group["rest"].std() == 0:
            result[question_id] = None
        else:
            result[question_id] = round(float(group["fraction"].corr(group["rest"])), 2)
    return result


def quiz_item_analysis(*, quiz: Quiz, employees=None) -> list[ItemAnalysis]:
    """One row per question answered in a finished online attempt, the weak ones first."""
    frame = _frame(quiz, employees)
    if frame.empty:
        return []
    discrimination = _discrimination(frame)
    picked: dict[int, set] = {}  # choice ids selected; other types keep other shapes in `selected`
    for question_id, selected in zip(frame["question"], frame["selected"], strict=True):
        picked.setdefault(question_id, set()).update(v for v in (selected or []) if isinstance(v, int))
    facility = frame.groupby("question")["fraction"].mean()
    counts = frame.groupby("question").size()
    items = []
    questions = Question.objects.filter(pk__in=list(counts.index)).select_related("category").prefetch_related("answers")
    for question in questions:
        n = int(counts[question.pk])
        item = ItemAnalysis(question=question, responses=n, facility=round(float(facility[question.pk]), 3),
                            discrimination=discrimination.get(question.pk))
        if question.qtype in CHOICE_TYPES:
            item.unused_options = [a.text for a in question.answers.all() if a.pk not in picked.get(question.pk, set())]
        if n >= MIN_RESPONSES:
            item.flags = _flags(item)
        items.append(item)
    items.sort(key=lambda i: (not i.weak, i.facility if i.facility is not None else 2, i.question.pk))
    return items


def _flags(item: ItemAnalysis) -> list[str]:
    flags = []
    if item.facility is not None and item.facility >= EASY:
        flags.append("easy")
    if item.facility is not None and item.facility <= HARD:
        flags.append("hard")
    if item.discrimination is not None and item.discrimination < 0:
        flags.append("negative_discrimination")
    elif item.discrimination is not None and item.discrimination < WEAK_DISCRIMINATION:
        flags.append("low_discrimination")
    if item.unused_options:
        flags.append("unused_option")
    return flags
