"""Services of the learner's progress through a lesson: reading (`reading`) and the lecture video
(`video`). The reading services are also importable from here, as before the split."""

from .reading import EmployeeInactive, LessonUnavailable, lesson_acknowledge, lesson_open, reading_cap_seconds

__all__ = ["EmployeeInactive", "LessonUnavailable", "lesson_acknowledge", "lesson_open", "reading_cap_seconds"]
