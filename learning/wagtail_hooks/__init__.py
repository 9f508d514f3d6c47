
from . import dashboard, org  # noqa: F401
