"""Events of the organisation for the layers above it (org imports none of them)."""

from django.dispatch import Signal

# Sent inside the writer's transaction with `employee_ids` (a sorted list): these people joined,
# left, came back, moved unit or changed category (a roster import, an edit in the admin).
# Receivers keep what they derive from the roster in the same transaction (the kept statuses).
staff_changed = Signal()
