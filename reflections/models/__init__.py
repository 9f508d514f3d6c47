from .prompts import GradingScheme, ReflectionPrompt
from .reflections import EDITABLE, FILE_EXTENSIONS, Reflection, ReflectionReview, ReflectionStatus, ReviewDecision

__all__ = ["EDITABLE", "FILE_EXTENSIONS", "GradingScheme", "Reflection", "ReflectionPrompt", "ReflectionReview", "ReflectionStatus",
           "ReviewDecision"]
