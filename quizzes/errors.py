"""Domain errors of the quiz engine (each with a machine-readable code)."""

from core.errors import DomainError


class QuizUnavailable(DomainError):
    code = "quiz_unavailable"


class AttemptLimitReached(DomainError):
    code = "attempt_limit_reached"


class AttemptClosed(DomainError):
    code = "attempt_closed"


class AttemptExpired(DomainError):
    """The time limit passed: the attempt was submitted as at its deadline."""

    code = "attempt_expired"


class InvalidResponse(DomainError):
    code = "invalid_response"


class InvalidGrade(DomainError):
    code = "invalid_grade"


class QuizNotFound(DomainError):
    """A quiz the actor may not change (another agency's, shared content) or that does not exist: one
    error for both, so a guessed id tells nothing."""

    code = "quiz_not_found"
