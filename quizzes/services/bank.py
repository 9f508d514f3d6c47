"""The question bank: importing parsed questions into a quiz (all-or-nothing, idempotent) and
turning stored questions back into the neutral form the writers use."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from core.errors import ImportRefused, Problem
from quizzes.errors import QuizNotFound
from quizzes.formats import ParsedAnswer, ParsedQuestion, aiken, gift, moodle_xml, quizapp, xlsx
from quizzes.models import Answer, Question, QuestionCategory, Quiz, QuizQuestion
from quizzes.selectors import quiz_question_pool, quizzes_editable

PARSERS = {"gift": gift.parse, "aiken": aiken.parse, "xlsx": xlsx.parse, "quizapp-json": quizapp.parse,
           "moodle-xml": moodle_xml.parse}
WRITERS = {"gift": gift.write, "aiken": aiken.write, "xlsx": xlsx.write, "quizapp-json": quizapp.write,
           "moodle-xml": moodle_xml.write}


@dataclass
class QuestionImportResult:
    imported: int
    created: int
    reused: int
    questions: list[ParsedQuestion]
    dry_run: bool = False


def default_category_name(quiz: Quiz) -> str:
    """One category per directive by default: the quiz's first directive number, else its title."""
    directive = quiz.directives.order_by("number").first()
    return directive.number if directive else quiz.title


def questions_parse(*, data: bytes, fmt: str, quiz: Quiz) -> list[ParsedQuestion]:
    parser = PARSERS.get(fmt)
    if parser is None:
        raise ImportRefused([Problem(gettext('không có định dạng "%(format)s": dùng một trong %(formats)s')
                                     % {"format": fmt, "formats": ", ".join(PARSERS)})])
    return parser(data, default_category=default_category_name(quiz))


def _category(name: str, quiz: Quiz, cache: dict[str, QuestionCategory], info: str = "") -> QuestionCategory:
    if name not in cache:
        directive = quiz.directives.filter(number=name).first()
        # The quiz's owner's bank: importing into an agency's quiz never writes into another
        # agency's category nor into shared content of the same name (M4).
        category, _ = QuestionCategory.objects.get_or_create(agency_id=quiz.agency_id, name=name,
                                                             defaults={"directive": directive})
        if info and not category.description:
            # A Moodle category's description, kept for the export back (never overwriting ours).
            category.description = info
            category.save(update_fields=["description"])
        cache[name] = category
    return cache[name]


def _create(parsed: ParsedQuestion, category: QuestionCategory, fingerprint: str) -> Question:
    question = Question.objects.create(category=category, qtype=parsed.qtype, name=parsed.name[:255], text=parsed.text,
                                       multiple=parsed.multiple, general_feedback=parsed.general_feedback,
                                       text_format=parsed.text_format, idnumber=parsed.idnumber[:100],
                                       tags=list(parsed.tags), penalty=parsed.penalty,
                                       default_mark=parsed.mark if parsed.mark is not None else Decimal("1"),
                                       fingerprint=fingerprint)
    Answer.objects.bulk_create([
        Answer(question=question, text=a.text, fraction=a.fraction, feedback=a.feedback, tolerance=a.tolerance,
               match_text=a.match_text, order=i)
        for i, a in enumerate(parsed.answers)
    ])
    return question


def quiz_editable_required(*, actor, quiz: Quiz) -> Quiz:
    """`actor` may change `quiz` (HR of its agency, a superuser; None is the command line). Any other
    quiz — another agency's, shared content, one that does not exist — gets the same QuizNotFound."""
    if actor is not None and not quizzes_editable(actor).filter(pk=quiz.pk).exists():
        raise QuizNotFound("no such quiz")
    return quiz


def questions_import(*, quiz: Quiz, questions: list[ParsedQuestion], dry_run: bool = False,
                     actor=None) -> QuestionImportResult:
    """Add the questions to the bank and to the quiz's list. A question already in its category with
    the same content is reused, so importing a file twice changes nothing."""
    quiz_editable_required(actor=actor, quiz=quiz)
    problems = [Problem(gettext("tên nhóm câu hỏi dài hơn 255 ký tự"), row=q.line, unit="line")
                for q in questions if len(q.category) > 255]
    if problems:
        raise ImportRefused(problems)
    created = reused = 0
    with transaction.atomic():
        cache: dict[str, QuestionCategory] = {}
        order = QuizQuestion.objects.filter(quiz=quiz).aggregate(m=Max("order"))["m"] or 0
        linked = set(QuizQuestion.objects.filter(quiz=quiz).values_list("question_id", flat=True))
        for parsed in questions:
            category = _category(parsed.category or default_category_name(quiz), quiz, cache, parsed.category_info)
            fingerprint = parsed.fingerprint()
            question = Question.objects.filter(category=category, fingerprint=fingerprint).order_by("id").first()
            if question is None:
                question = _create(parsed, category, fingerprint)
                created += 1
            else:
                reused += 1
            if question.id not in linked:
                order += 1
                QuizQuestion.objects.create(quiz=quiz, question=question, order=order)
                linked.add(question.id)
        if dry_run:
            transaction.set_rollback(True)
    return QuestionImportResult(imported=len(questions), created=created, reused=reused, questions=questions,
                                dry_run=dry_run)


def question_to_parsed(question: Question) -> ParsedQuestion:
    mark = Decimal(question.default_mark)
    return ParsedQuestion(
        qtype=question.qtype, text=question.text, name=question.name, category=question.category.name,
        multiple=question.multiple, general_feedback=question.general_feedback,
        answers=[ParsedAnswer(text=a.text, fraction=Decimal(a.fraction), feedback=a.feedback,
                              tolerance=None if a.tolerance is None else Decimal(a.tolerance).normalize(),
                              match_text=a.match_text)
                 for a in sorted(question.answers.all(), key=lambda a: (a.order, a.id))],
        text_format=question.text_format, idnumber=question.idnumber, tags=list(question.tags or []),
        penalty=None if question.penalty is None else Decimal(question.penalty).normalize(),
        mark=None if mark == 1 else mark, category_info=question.category.description,
    )


def questions_export(*, quiz: Quiz, fmt: str) -> bytes:
    """The quiz's questions, grouped by category in order of first appearance, in `fmt`."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ImportRefused([Problem(gettext('không có định dạng "%(format)s": dùng một trong %(formats)s')
                                     % {"format": fmt, "formats": ", ".join(WRITERS)})])
    pool = [question_to_parsed(q) for q in quiz_question_pool(quiz)]
    first_seen: dict[str, int] = {}
    for i, q in enumerate(pool):
        first_seen.setdefault(q.category, i)
    pool = [q for _, q in sorted(enumerate(pool), key=lambda iq: (first_seen[iq[1].category], iq[0]))]
    return writer(pool)


def question_fingerprint_refresh(*, question: Question) -> Question:
    """Recompute the content fingerprint after an edit in the admin."""
    question.fingerprint = question_to_parsed(question).fingerprint()
    Question.objects.filter(pk=question.pk).update(fingerprint=question.fingerprint)
    return question
