
from . import dashboard, documents, org  # noqa: F401
from . import scoring  # noqa: F401
from . import sessions  # noqa: F401
from . import audit, campaigns, evidence  # noqa: F401
from . import reminders  # noqa: F401
