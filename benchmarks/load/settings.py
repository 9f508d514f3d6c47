"""Production settings, but served over plain HTTP on loopback for the load test.

Everything else (DEBUG off, WhiteNoise manifest storage, PostgreSQL via DATABASE_URL,
database cache, axes) stays as in production, so the numbers are production numbers.
"""

from config.settings.production import *  # noqa: F401,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
AXES_ENABLED = False  # thousands of logins from one IP are the point of the test
# The 30,000 load-test accounts share one hash (hashing each would take longer than the test):
# not a roster's initial password, so no forced change at login (org.passwords).
INITIAL_PASSWORD_BY_SHARED_HASH = False
# Warnings and errors (a 500's traceback) to stderr, which run.sh keeps in results/gunicorn.log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"level": "WARNING", "handlers": ["stderr"]},
    "loggers": {"django": {"level": "WARNING", "handlers": ["stderr"], "propagate": False}},
}
# Without think time (the capacity phase) a virtual learner checks in again and again: far past
# the 30 scans per 10 minutes a real person's account is allowed.
CHECKIN_USER_LIMIT = 10 ** 6
