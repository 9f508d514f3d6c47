from .attempts import Attempt, AttemptAnswer, AttemptQuestion, AttemptSource, AttemptState
from .categories import QuestionCategory
from .questions import Answer, Question, QuestionType, TextFormat
from .quiz import GradingMethod, Quiz, QuizQuestion, ReviewPolicy

__all__ = [
    "Answer",
    "Attempt",
    "AttemptAnswer",
    "AttemptQuestion",
    "AttemptSource",
    "AttemptState",
    "GradingMethod",
    "Question",
    "QuestionCategory",
    "QuestionType",
    "Quiz",
    "QuizQuestion",
    "ReviewPolicy",
    "TextFormat",
]
