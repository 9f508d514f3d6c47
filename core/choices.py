"""Labels of choice values, cheaply.

Django's generated `get_FOO_display` builds a dict of the field's choices on every call, hashing
each lazy label (a translation each): ~0.4 ms a call, a tenth of "Việc học của tôi" with its
twenty directive rows. Models override `get_FOO_display` with this enum lookup instead.
"""

from __future__ import annotations

from django.db import models


def choice_label(choices: type[models.Choices], value) -> str:
    """The (translated) label of `value`, or the value itself when it is not a choice."""
    try:
        return str(choices(value).label)  # evaluated now, in the active language, as Django does
    except ValueError:
        return value
