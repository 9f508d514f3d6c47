
from . import dashboard  # noqa: F401
