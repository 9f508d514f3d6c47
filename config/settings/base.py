"""Settings shared by every environment; everything site-specific comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "core",
    "org",
    "courses",
    "learning",
    "quizzes",
    "reflections",
    "certificates",
    "reports",
    "api",
    "ninja",  # django-ninja's docs page (Swagger UI) and its static files, served from our origin
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy with a nonce per request, no inline scripts outside /admin/ (config/middleware.py).
    "config.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "org.passwords.ForcePasswordChangeMiddleware",  # the shared initial password is changed first
    "org.two_factor.RequireStaffTwoFactorMiddleware",  # only acts with REQUIRE_2FA_FOR_STAFF
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The device cookie of a browser that just logged in (org/login_throttle.py).
    "org.login_throttle.DeviceCookieMiddleware",
    # Last, as django-axes asks: it turns failed-login lockouts into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "org.context_processors.profile",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo server and a task worker share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Database sessions stored with their account: one query reads both (org/sessions.py).
SESSION_ENGINE = "org.sessions"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "org.auth.EmployeeCodeOrEmailBackend",
]
# Argon2id (config/hashers.py); PBKDF2 hashes of earlier accounts are verified and upgraded at login.
PASSWORD_HASHERS = [
    "config.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "org.passwords.InitialPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
# Where each role lands after signing in without a `next` (org.selectors.access.landing_url): the
# first role the account has in this order wins; learners (and anyone else) go to LOGIN_REDIRECT_URL,
# staff-only accounts without a profile to the admin.
ROLE_LANDING = [
    ("Văn phòng - Tổ chức cán bộ", "learning_dashboard:by_unit"),
    ("Trưởng đơn vị", "learning_dashboard:by_unit"),
    ("Biên tập nội dung", "wagtailadmin_home"),
]
LOGOUT_REDIRECT_URL = "login"
# One login page for everybody (the agency choice, the throttle's pages, the forced password change):
# the Wagtail admin sends there too, and its own password reset (not rate-limited) is off.
WAGTAILADMIN_LOGIN_URL = "login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# "Quên mật khẩu?" and the unlock links of the lockout page, per hour (docs/security.md).
PASSWORD_RESET_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_PER_ADDRESS", "10"))
PASSWORD_RESET_PER_ACCOUNT = int(os.environ.get("PASSWORD_RESET_PER_ACCOUNT", "3"))
LOGIN_UNLOCK_PER_ADDRESS = 10
LOGIN_UNLOCK_PER_ACCOUNT = 3

# Vietnamese first, English available; dates dd/mm/yyyy in Asia/Ho_Chi_Minh.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
# The project's own catalogues first; then the Vietnamese that completes Wagtail's and Django's admin
# strings (i18n/runtime, built from i18n/upstream by ops/wagtail_vi.py: docs/i18n.md). Both come
# before every app's locale/, so they win over Wagtail's incomplete Vietnamese.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "i18n" / "runtime"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# No call home from the admin (releases.wagtail.org): agencies run on closed networks, the CSP's
# connect-src 'self' refuses it, and upgrades are the operator's decision (docs/upgrades.md).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Wagtail's login form, with a translated password label (config/admin_login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "config.admin_login.LoginForm"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # manual-evidence proofs: MEDIA_ROOT/private/, no URL, served by a view (learning/storage.py)
    "private": {"BACKEND": "core.storage.PrivateFileSystemStorage"},
}

# Uploads: rosters, sheets and question banks are small; refuse anything large early.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_UPLOAD_BYTES = int(os.environ.get("IMPORT_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
# Session originals (scanned signed sheets, minutes, photos): docs/contract.md "Session originals".
SESSION_RECORD_MAX_BYTES = 20 * 1024 * 1024
# Digital signature (ký số) of every issued PDF and of the evidence pack's manifest (core/signing.py):
# the agency's PKCS#12 certificate; empty = documents are issued unsigned.
SIGNING_PKCS12_PATH = os.environ.get("SIGNING_PKCS12_PATH", "").strip()
SIGNING_PKCS12_PASSWORD = os.environ.get("SIGNING_PKCS12_PASSWORD", "")
# Password of accounts created by a roster import; empty: unusable until HR sets one (docs/roster.md).
ROSTER_INITIAL_PASSWORD = os.environ.get("ROSTER_INITIAL_PASSWORD", "")

WAGTAIL_SITE_NAME = "Học tập, quán triệt văn bản"
# No Gravatar: staff email hashes are not sent to a third party, and the CSP keeps images local.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# mp4/webm/vtt: lecture videos and their captions (docs/video.md), checked by their first bytes.
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip", "jpg", "png",
                          "mp4", "webm", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# Background work (bulk certificates, evidence packs, reminders): django-tasks.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Background job rows (core.jobs): a `running` job whose worker has not reported for
# JOBS_STALE_AFTER_SECONDS is taken as dead and failed (docs/faults.md); a worker reports at most every
# JOBS_HEARTBEAT_SECONDS. Jobs build their files in JOBS_SCRATCH_DIR (empty: the system's temp folder).
JOBS_STALE_AFTER_SECONDS = int(os.environ.get("JOBS_STALE_AFTER_SECONDS", "600"))
JOBS_HEARTBEAT_SECONDS = float(os.environ.get("JOBS_HEARTBEAT_SECONDS", "5"))
JOBS_SCRATCH_DIR = os.environ.get("JOBS_SCRATCH_DIR", "")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hoctap@sct.tayninh.gov.vn")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache_table"}}

# The client's address for every rate limit and the login throttle (core/ratelimit.py): the number of
# reverse proxies in front of the application whose X-Forwarded-For entries are trusted; 0 = REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# The REST API (docs/api.md): calls a minute per token, refused calls (no or a bad token) a minute
# per address that are still answered 401 and audited (then 429), compliance rows per page.
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
API_REFUSED_LIMIT = int(os.environ.get("API_REFUSED_LIMIT", "30"))
API_PAGE_SIZE = int(os.environ.get("API_PAGE_SIZE", "1000"))

# The login throttle (org/login_throttle.py, docs/security.md): django-axes records the failures;
# an account+address pair is locked after AXES_FAILURE_LIMIT failures, an address after
# LOGIN_ADDRESS_FAILURE_LIMIT, and an account tried from anywhere waits an exponential delay after
# LOGIN_ACCOUNT_FAILURE_LIMIT (base and cap in seconds). Browsers the account logged in from before
# (device cookie) and those opened through an e-mailed unlock link are exempt.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Counters are kept per ACCOUNT, not per spelling: code, email and username in any case are one key.
AXES_USERNAME_CALLABLE = "org.auth.login_throttle_key"
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a refused try checked no password: not counted
AXES_HANDLER = "org.login_throttle.LoginThrottleHandler"
AXES_LOCKOUT_CALLABLE = "org.login_throttle.lockout_response"  # Vietnamese page, HTTP 429
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "50"))
LOGIN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("LOGIN_ACCOUNT_FAILURE_LIMIT", "20"))
LOGIN_BACKOFF_BASE_SECONDS = int(os.environ.get("LOGIN_BACKOFF_BASE_SECONDS", "30"))
LOGIN_BACKOFF_MAX_SECONDS = int(os.environ.get("LOGIN_BACKOFF_MAX_SECONDS", "900"))
LOGIN_DEVICE_COOKIE_DAYS = 365
# Content-Security-Policy (config/middleware.py): env values replace the site's and the admin's policy
# ("{nonce}" becomes the request's nonce); an empty value turns one off.
if "CONTENT_SECURITY_POLICY" in os.environ:
    CONTENT_SECURITY_POLICY = os.environ["CONTENT_SECURITY_POLICY"]
if "CONTENT_SECURITY_POLICY_ADMIN" in os.environ:
    CONTENT_SECURITY_POLICY_ADMIN = os.environ["CONTENT_SECURITY_POLICY_ADMIN"]
# TOTP two-factor for everyone who can open the admin (org/two_factor.py, docs/security.md).
REQUIRE_2FA_FOR_STAFF = env_bool("REQUIRE_2FA_FOR_STAFF", False)
OTP_TOTP_ISSUER = "Học tập, quán triệt văn bản"
# A dropped database connection is noticed before a request uses it (docs/faults.md).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "config.logging.JsonFormatter"},
    },
    # LOG_FORMAT=json: one JSON object per line (docs/deployment.md).
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": os.environ.get("LOG_FORMAT", "plain")}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# The province's deadlines in the campaign's year, as (day, month): agencies' annual reports by
# 01/11 and scoring dossiers by 15/11 (Kế hoạch of UBND tỉnh; docs/province.md).
PROVINCE_DEADLINES = {"report": (1, 11), "dossier": (15, 11)}
