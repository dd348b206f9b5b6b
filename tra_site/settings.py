"""TRA settings: every knob is an environment variable with a safe local default.

Two modes (TRA_MODE): ``local`` needs no AWS account (SQLite, the local table store,
documents on disk, local AI stand-ins); ``aws`` points at DynamoDB, S3, Bedrock,
PostgreSQL and Redis and refuses to start with unsafe defaults.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from tra_site.env import env_bool, env_choice, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TRA_VAR_DIR", str(BASE_DIR / "var"))).resolve()

TRA_MODE = env_choice("TRA_MODE", "local", ("local", "aws"))
LOCAL = TRA_MODE == "local"


def _local_secret_key() -> str:
    """Generate the local secret key once and keep it under var/ (never in the repo)."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("DJANGO_SECRET_KEY", "") or (_local_secret_key() if LOCAL else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when TRA_MODE=aws.")

# Off in every mode unless a developer asks (TRA_DEBUG=1): DEBUG pages list URLs and settings.
DEBUG = env_bool("TRA_DEBUG", env_bool("DJANGO_DEBUG", False))
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if LOCAL else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
CSRF_FAILURE_VIEW = "assessments.views.errors.csrf_failure"  # our 403 page, not Django's

INSTALLED_APPS = [
    "assessments.admin.apps.TRAAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Swagger UI from its own static files, so /api/docs works with no internet.
    "ninja",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "integrations",
    "assessments",
    "assessments.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tra_site.csp.ContentSecurityPolicyMiddleware",
    # Before anything reads the body (CSRF reads a POST's form fields): oversized bodies get 413.
    "assessments.middleware.oversized_body_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "assessments.middleware.RequestUserMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "assessments.middleware.DomainErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# Under ASGI each built-in middleware hook above hops to the one thread-sensitive thread (12 hops
# a request); tra_site/async_middleware.py has subclasses that run them on the event loop and keep
# the thread only for hooks that can reach the database. TRA_INLINE_MIDDLEWARE=0: Django's own.
TRA_INLINE_MIDDLEWARE = env_bool("TRA_INLINE_MIDDLEWARE", True)
if TRA_INLINE_MIDDLEWARE:
    _INLINE_HOOKS = {
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    }
    MIDDLEWARE = [
        f"tra_site.async_middleware.{entry.rsplit('.', 1)[1]}" if entry in _INLINE_HOOKS else entry
        for entry in MIDDLEWARE
    ]

ROOT_URLCONF = "tra_site.urls"
ASGI_APPLICATION = "tra_site.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL keeps readers and the task worker from blocking each other.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 20}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "assessments:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
TRA_SERVE_STATIC = env_bool("TRA_SERVE_STATIC", LOCAL)

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}
    }
else:
    # The task worker is a separate process and must reach the web server's websockets, which
    # an in-memory layer cannot do: without Redis, a SQLite file under var/ carries the messages.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "integrations.channel_layer.SQLiteChannelLayer",
            "CONFIG": {"path": str(VAR_DIR / "channels.sqlite3")},
        }
    }

TASKS = {"default": {"BACKEND": env_str("TRA_TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not LOCAL)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not LOCAL)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if LOCAL else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not LOCAL
SECURE_HSTS_PRELOAD = not LOCAL
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

# --- Sign-in throttle (assessments/accounts/throttle.py) ------------------------------------
# Failed sign-ins allowed per account and per client address within the window; past either,
# no password is checked until the oldest counted failure is older than the window.
TRA_LOGIN_FAILURES_PER_ACCOUNT = env_int("TRA_LOGIN_FAILURES_PER_ACCOUNT", 5, minimum=1)
TRA_LOGIN_FAILURES_PER_ADDRESS = env_int("TRA_LOGIN_FAILURES_PER_ADDRESS", 20, minimum=1)
TRA_LOGIN_FAILURE_WINDOW_SECONDS = env_int("TRA_LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60, minimum=1)
# Guest reviewers' links (assessments/guests): uses per link and requests per client address
# in a fixed window (an hour), counted in the TRA table so every worker sees the same counts.
TRA_GUEST_USES_PER_LINK = env_int("TRA_GUEST_USES_PER_LINK", 120, minimum=1)
TRA_GUEST_REQUESTS_PER_ADDRESS = env_int("TRA_GUEST_REQUESTS_PER_ADDRESS", 300, minimum=1)
TRA_GUEST_RATE_WINDOW_SECONDS = env_int("TRA_GUEST_RATE_WINDOW_SECONDS", 3600, minimum=60)
# Proxies (a load balancer) in front of the app that append to X-Forwarded-For: 0 trusts none
# and counts per REMOTE_ADDR.
TRA_TRUSTED_PROXY_COUNT = env_int("TRA_TRUSTED_PROXY_COUNT", 0, minimum=0)

# --- E-mail (notifications; assessments/notifications) ------------------------------------
# Where mail goes: "file" (local default: one file per message under var/mail/), "console",
# "smtp" (the EMAIL_* settings below) or "ses" (Amazon SES v2 SendEmail, integrations/email_ses.py).
TRA_EMAIL = env_choice("TRA_EMAIL", "file" if LOCAL else "smtp", ("file", "console", "smtp", "ses"))
EMAIL_BACKEND = {
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "ses": "integrations.email_ses.SESEmailBackend",
}[TRA_EMAIL]
EMAIL_FILE_PATH = Path(env_str("TRA_EMAIL_FILE_PATH", str(VAR_DIR / "mail")))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are exclusive: set one of them.")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "TRA <tra@localhost>")
# Empty: AWS_REGION.
TRA_SES_REGION = env_str("TRA_SES_REGION", "")
TRA_SES_ENDPOINT_URL = env_str("TRA_SES_ENDPOINT_URL", "") or None
# The links in e-mails: this origin + the page's path.
TRA_PUBLIC_URL = env_str("TRA_PUBLIC_URL", "http://127.0.0.1:8000")
# A notification e-mail that could not be sent is retried after 60 s, 120 s, ... this many times.
TRA_EMAIL_MAX_ATTEMPTS = env_int("TRA_EMAIL_MAX_ATTEMPTS", 5, minimum=1)
TRA_EMAIL_RETRY_SECONDS = env_float("TRA_EMAIL_RETRY_SECONDS", 60.0, minimum=0.0)
# Due reminders (manage.py send_due_reminders): runlocal runs them this often (0: never).
TRA_DUE_REMINDER_INTERVAL_S = env_float("TRA_DUE_REMINDER_INTERVAL_S", 300.0, minimum=0.0)
# The dashboard's fold (manage.py refresh_dashboard): runlocal runs it this often (0: never).
TRA_DASHBOARD_REFRESH_INTERVAL_S = env_float("TRA_DASHBOARD_REFRESH_INTERVAL_S", 120.0, minimum=0.0)
# A submission is due for a decision this many working days (Mon-Fri) after it was made.
TRA_REVIEW_DUE_WORKING_DAYS = env_int("TRA_REVIEW_DUE_WORKING_DAYS", 10, minimum=1)
# Reassessment: a finalized assessment is due again this many months after its decision
# (the _HIGH figure for a High or Very high residual rating overall).
TRA_REVIEW_MONTHS_DEFAULT = env_int("TRA_REVIEW_MONTHS_DEFAULT", 12, minimum=1)
TRA_REVIEW_MONTHS_HIGH = env_int("TRA_REVIEW_MONTHS_HIGH", 6, minimum=1)
# Answer library: an approved answer older than this many days is offered marked stale.
TRA_LIBRARY_STALE_DAYS = env_int("TRA_LIBRARY_STALE_DAYS", 365, minimum=1)

# --- Content-Security-Policy (tra_site/csp.py) ----------------------------------------------
# Every response: own origin only, no inline script or style, no framing. A path that needs more
# names only the directives it changes, by path prefix (the longest prefix wins), e.g.
# {"/api/docs": {"style-src": "'self' 'unsafe-inline'"}}.
TRA_CSP_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self' ws: wss:",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "object-src": "'none'",
}
TRA_CSP_PATH_OVERRIDES: dict[str, dict[str, str]] = {}

# --- The TRA table (DynamoDB single-table model) ---------------------------------------
TRA_TABLE_BACKEND = env_choice("TRA_TABLE_BACKEND", "local" if LOCAL else "dynamodb", ("local", "dynamodb"))
TRA_TABLE_NAME = env_str("TRA_TABLE_NAME", "tra-system")
TRA_LOCAL_TABLE_PATH = Path(env_str("TRA_LOCAL_TABLE_PATH", str(VAR_DIR / "tra-table.sqlite3")))

# --- AWS boundary ------------------------------------------------------------------------
AWS_REGION = env_str("AWS_REGION", env_str("AWS_DEFAULT_REGION", "eu-west-2"))
TRA_DYNAMODB_ENDPOINT_URL = env_str("TRA_DYNAMODB_ENDPOINT_URL", "") or None
TRA_S3_ENDPOINT_URL = env_str("TRA_S3_ENDPOINT_URL", "") or None
TRA_AWS_CONNECT_TIMEOUT = env_float("TRA_AWS_CONNECT_TIMEOUT", 3.0, minimum=0.1)
TRA_AWS_READ_TIMEOUT = env_float("TRA_AWS_READ_TIMEOUT", 10.0, minimum=0.1)
TRA_AWS_MAX_ATTEMPTS = env_int("TRA_AWS_MAX_ATTEMPTS", 4, minimum=1)
TRA_AWS_RETRY_MODE = env_choice("TRA_AWS_RETRY_MODE", "adaptive", ("legacy", "standard", "adaptive"))
# Readiness (/healthz): each task worker (manage.py run_worker) writes a heartbeat this often;
# the worker check fails when the newest is older than the max age.
TRA_WORKER_HEARTBEAT_SECONDS = env_float("TRA_WORKER_HEARTBEAT_SECONDS", 10.0, minimum=0.5)
TRA_WORKER_HEARTBEAT_MAX_AGE = env_float("TRA_WORKER_HEARTBEAT_MAX_AGE", 60.0, minimum=1.0)
TRA_HEALTH_CHECK_TIMEOUT = env_float("TRA_HEALTH_CHECK_TIMEOUT", 3.0, minimum=0.1)

# --- Documents ---------------------------------------------------------------------------
TRA_DOCUMENT_STORE = env_choice("TRA_DOCUMENT_STORE", "local" if LOCAL else "s3", ("local", "s3"))
TRA_DOCUMENT_DIR = Path(env_str("TRA_DOCUMENT_DIR", str(VAR_DIR / "documents")))
TRA_S3_BUCKET = env_str("TRA_S3_BUCKET", "tra-documents")
TRA_UPLOAD_MAX_BYTES = env_int("TRA_UPLOAD_MAX_BYTES", 20 * 1024 * 1024, minimum=1)
TRA_UPLOAD_MAX_FILES = env_int("TRA_UPLOAD_MAX_FILES", 10, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = TRA_UPLOAD_MAX_BYTES + 1024 * 1024
# Uploads above this spool to a temporary file, so a request of 10 x 20 MB never sits in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("TRA_UPLOAD_SPOOL_BYTES", 256 * 1024, minimum=0)
# Uploads one web process stores at once; the rest wait their turn (bounds disk and memory).
TRA_UPLOAD_CONCURRENCY = env_int("TRA_UPLOAD_CONCURRENCY", 4, minimum=1)
# What one document may yield when its text is extracted; past a limit it fails with the reason.
TRA_EXTRACT_MAX_CHARS = env_int("TRA_EXTRACT_MAX_CHARS", 2_000_000, minimum=1)
TRA_EXTRACT_MAX_PARAGRAPHS = env_int("TRA_EXTRACT_MAX_PARAGRAPHS", 200_000, minimum=1)
TRA_EXTRACT_MAX_CELLS = env_int("TRA_EXTRACT_MAX_CELLS", 500_000, minimum=1)
TRA_EXTRACT_MAX_PAGES = env_int("TRA_EXTRACT_MAX_PAGES", 2_000, minimum=1)
TRA_EXTRACT_MAX_UNPACKED_BYTES = env_int("TRA_EXTRACT_MAX_UNPACKED_BYTES", 64 * 1024 * 1024, minimum=1)
# Budget of one document's processing (run in a child process, killed when over).
TRA_TASK_TIME_LIMIT_S = env_float("TRA_TASK_TIME_LIMIT_S", 300.0, minimum=0.1)
TRA_TASK_MEMORY_LIMIT_MB = env_int("TRA_TASK_MEMORY_LIMIT_MB", 1024, minimum=16)
# Runs of one document that may be interrupted (worker killed) before it is failed for good.
TRA_TASK_MAX_ATTEMPTS = env_int("TRA_TASK_MAX_ATTEMPTS", 3, minimum=1)
TRA_TASK_WORKERS = env_int("TRA_TASK_WORKERS", 2, minimum=1)
# uvicorn worker processes of `manage.py runlocal` (each one event loop, one core). Safe with the
# local stores: the table, sessions, login throttle and channel layer are SQLite files in WAL mode
# shared across processes. Started through `python -m tra_site.serve` (keeps TCP_NODELAY with
# --workers). Upload concurrency (TRA_UPLOAD_CONCURRENCY) is per worker.
TRA_WEB_WORKERS = env_int("TRA_WEB_WORKERS", 2, minimum=1)
# Waiting for a busy knowledge base (a Bedrock ingestion job already running, a locked index).
TRA_KB_BUSY_RETRIES = env_int("TRA_KB_BUSY_RETRIES", 6, minimum=0)
TRA_KB_BUSY_BACKOFF_S = env_float("TRA_KB_BUSY_BACKOFF_S", 5.0, minimum=0.0)
# Waiting for a Bedrock ingestion job to COMPLETE: a task re-enqueued after this delay (doubling
# up to the max) polls GetIngestionJob; a document still indexing after the timeout is failed.
TRA_KB_POLL_INTERVAL_S = env_float("TRA_KB_POLL_INTERVAL_S", 5.0, minimum=0.0)
TRA_KB_POLL_MAX_INTERVAL_S = env_float("TRA_KB_POLL_MAX_INTERVAL_S", 60.0, minimum=0.0)
TRA_KB_INGESTION_TIMEOUT_S = env_float("TRA_KB_INGESTION_TIMEOUT_S", 1800.0, minimum=1.0)

# --- AI: LLM, knowledge base, suggestions -------------------------------------------------
TRA_LLM_PROVIDER = env_choice(
    "TRA_LLM_PROVIDER", "local" if LOCAL else "bedrock", ("local", "bedrock", "openai")
)
TRA_BEDROCK_MODEL_ID = env_str("TRA_BEDROCK_MODEL_ID", "anthropic.claude-3-5-sonnet-20240620-v1:0")
TRA_BEDROCK_REGION = env_str("TRA_BEDROCK_REGION", AWS_REGION)
TRA_BEDROCK_ENDPOINT_URL = env_str("TRA_BEDROCK_ENDPOINT_URL", "") or None
# Bedrock Runtime's own client config: a full answer takes tens of seconds, far past the short
# TRA_AWS_READ_TIMEOUT that suits DynamoDB and S3; standard retries (no client-side rate limiter).
TRA_BEDROCK_READ_TIMEOUT = env_float("TRA_BEDROCK_READ_TIMEOUT", 90.0, minimum=1.0)
TRA_BEDROCK_MAX_ATTEMPTS = env_int("TRA_BEDROCK_MAX_ATTEMPTS", 3, minimum=1)
TRA_LLM_MAX_TOKENS = env_int("TRA_LLM_MAX_TOKENS", 1024, minimum=16)
TRA_LLM_TEMPERATURE = env_float("TRA_LLM_TEMPERATURE", 0.0, minimum=0.0, maximum=1.0)
TRA_OPENAI_BASE_URL = env_str("TRA_OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")
TRA_OPENAI_MODEL = env_str("TRA_OPENAI_MODEL", "llama3.1")
TRA_OPENAI_API_KEY = env_str("TRA_OPENAI_API_KEY", "")
TRA_KB_PROVIDER = env_choice("TRA_KB_PROVIDER", "local" if LOCAL else "bedrock", ("local", "bedrock"))
TRA_KB_ID = env_str("TRA_KB_ID", "")
TRA_KB_DATA_SOURCE_ID = env_str("TRA_KB_DATA_SOURCE_ID", "")
TRA_KB_BUCKET = env_str("TRA_KB_BUCKET", TRA_S3_BUCKET)
TRA_LOCAL_INDEX_DIR = Path(env_str("TRA_LOCAL_INDEX_DIR", str(VAR_DIR / "kb-index")))
TRA_SUGGESTION_CONCURRENCY = env_int("TRA_SUGGESTION_CONCURRENCY", 8, minimum=1)

if not LOCAL and TRA_KB_PROVIDER == "bedrock" and not TRA_KB_ID:
    raise ImproperlyConfigured("TRA_KB_ID must be set when the Bedrock knowledge base is used.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_4xx_traceback": {"()": "tra_site.log_filters.NoTracebackBelow500"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("TRA_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # A 403/404 is logged as one line; only 5xx keep their traceback.
        "django.request": {"filters": ["no_4xx_traceback"]},
    },
}
