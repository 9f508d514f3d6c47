
from . import dashboard, org  # noqa: F401
from . import sessions  # noqa: F401
