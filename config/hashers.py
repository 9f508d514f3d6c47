"""Password hashing: Argon2id with OWASP's recommended parameters (Password Storage Cheat Sheet:
"Argon2id with a minimum configuration of 19 MiB of memory, an iteration count of 2, and 1 degree
of parallelism"). Parallelism 1 keeps a login on one core, so that concurrent logins use the cores
side by side. Older hashes (PBKDF2 with Django's 1,000,000 iterations, or Argon2 with other
parameters) are still verified and rehashed with these at the next successful login.
Measured in benchmarks/logins.py (docs/benchmarks.md "Logins")."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    """Django's Argon2 hasher (the argon2id variant, argon2-cffi) with explicit parameters."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB: 19 MiB
    parallelism = 1
