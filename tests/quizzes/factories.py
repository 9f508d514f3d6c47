"""Quiz factories: directives (when the content demo is absent), questions, quizzes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wagtail.models import Page

from courses.models import DirectiveIndexPage, DirectivePage
from quizzes.models import Answer, Question, QuestionCategory, QuestionType, Quiz, QuizQuestion


def make_directive(number: str = "23-QĐ/TW", title: str | None = None, issue_date=dt.date(2021, 7, 30)) -> DirectivePage:
    existing = DirectivePage.objects.filter(number=number).first()
    if existing:
        return existing
    index = DirectiveIndexPage.objects.first()
    if index is None:
        root = Page.get_first_root_node()
        index = root.add_child(instance=DirectiveIndexPage(title="Thư viện văn bản (test)", slug="thu-vien-test"))
    page = DirectivePage(title=title or f"Văn bản {number}", slug=f"vb-{DirectivePage.objects.count() + 1}-test",
                         number=number, doc_type="quyet_dinh", issuer="Ban Chấp hành Trung ương",
                         issue_date=issue_date, subject="Quy chế công tác dân vận")
    index.add_child(instance=page)
    return page


def make_category(name: str = "Nhóm thử") -> QuestionCategory:
    return QuestionCategory.objects.get_or_create(name=name)[0]


def make_question(qtype: str = QuestionType.MULTICHOICE, text: str = "Câu hỏi?", answers=None, multiple=False,
                  category=None, mark=Decimal("1"), general_feedback="") -> Question:
    """answers: [(text, fraction, feedback)]; by default one right and two wrong."""
    if answers is None and qtype == QuestionType.MULTICHOICE:
        answers = [("Đúng là A", 1, "Chính xác"), ("B", 0, "Chưa đúng"), ("C", 0, "")]
    if answers is None and qtype == QuestionType.TRUE_FALSE:
        answers = [("Đúng", 1, "fb-dung"), ("Sai", 0, "fb-sai")]
    question = Question.objects.create(category=category or make_category(), qtype=qtype, text=text,
                                       multiple=multiple, default_mark=mark, general_feedback=general_feedback,
                                       fingerprint=f"test-{Question.objects.count()}")
    for i, (t, f, fb) in enumerate(answers or []):
        Answer.objects.create(question=question, text=t, fraction=Decimal(str(f)), feedback=fb, order=i)
    return question


def make_quiz(slug: str = "kiem-tra", questions=(), directives=(), **kwargs) -> Quiz:
    kwargs.setdefault("title", "Bài kiểm tra thử")
    kwargs.setdefault("random_order", False)
    kwargs.setdefault("shuffle_answers", False)
    quiz = Quiz.objects.create(slug=slug, **kwargs)
    for i, q in enumerate(questions, start=1):
        QuizQuestion.objects.create(quiz=quiz, question=q, order=i)
    if directives:
        quiz.directives.set(directives)
    return quiz


def right_ids(attempt_question) -> list[int]:
    return [a.id for a in attempt_question.question.answers.all() if a.fraction > 0]
