"""One settings module for every environment, configured from the environment (django-environ).

The embedded default needs nothing but Python: SQLite under var/, Celery tasks run eagerly
in-process, files under var/media. Production sets DATABASE_URL, CELERY_BROKER_URL and SECRET_KEY.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (DEBUG=1 allows a development key)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "guardian",
    "reversion",
    "cwg",
    "cwg.search",
    "meetings",
    "documents",
    "consultations",
    "followup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and every view: query, form and cookie text cleaned in one place.
    "cwg.characters.CleanCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cwg.urls"
WSGI_APPLICATION = "cwg.wsgi.application"

# Forms render through the project's templates, so one form layout (templates/django/forms/:
# an error summary at the top linking to each field, the message beside the field) serves all.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cwg.context_processors.site",
                "documents.context_processors.navigation",
                "followup.context_processors.navigation",
            ],
        },
    },
]

VAR_DIR = BASE_DIR / "var"
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'cwg.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # Several requests and the eager tasks write to one file: wait for locks instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cwg:home"
LOGOUT_REDIRECT_URL = "cwg:home"
ANONYMOUS_USER_NAME = None  # guardian: the public is AnonymousUser, never a database row

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Meetings are in Geneva: store UTC, show Geneva time (IANA names it Europe/Zurich).
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Zurich")
USE_TZ = True
# Each language's date formats (cwg/formats/<language>/formats.py), before Django's own.
FORMAT_MODULE_PATH = ["cwg.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MAX_UPLOAD_MB = env.int("MAX_UPLOAD_MB", default=25)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="cwg-secretariat@localhost")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")  # links in e-mails

# Celery: without a broker every task runs eagerly in the calling process.
_BROKER_FROM_ENVIRONMENT = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not _BROKER_FROM_ENVIRONMENT
# memory:// is never used to send (tasks run eagerly); it keeps Celery from guessing a host.
CELERY_BROKER_URL = _BROKER_FROM_ENVIRONMENT or "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Every periodic task, in one place (Geneva time).
CELERY_BEAT_SCHEDULE = {
    # Side effects not done after their grace period (a lost queue, a killed worker): sent again.
    "cwg-sweep-outbox": {
        "task": "cwg.outbox.sweep_outbox",
        "schedule": 60.0,
    },
    # The search index against the database (ids and versions): drift repaired and logged.
    "cwg-search-index-consistency": {
        "task": "cwg.search.tasks.check_index_consistency",
        "schedule": crontab(hour=2, minute=40),
    },
    # Extractions whose task was lost (worker killed, broker down when the file came).
    "documents-sweep-stale-extractions": {
        "task": "documents.tasks.sweep_stale_extractions",
        "schedule": 300.0,
    },
    # Files left without a row when a larger transaction rolled back after storing them.
    "documents-sweep-orphan-files": {
        "task": "documents.tasks.sweep_orphan_files",
        "schedule": 3600.0,
    },
    "consultations-sweep-orphan-attachments": {
        "task": "consultations.tasks.sweep_orphan_attachment_files",
        "schedule": crontab(hour=3, minute=15),
    },
    # Record packages whose build was lost (worker killed, broker down when it was asked for).
    "followup-sweep-stalled-record-packages": {
        "task": "followup.tasks.sweep_stalled_record_packages",
        "schedule": 300.0,
    },
    # Reminders to action owners every morning, the secretariat's digest on Mondays.
    "followup-action-reminders": {
        "task": "followup.tasks.send_action_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "followup-weekly-digest": {
        "task": "followup.tasks.send_weekly_digest",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon"),
    },
    # Each person who opted in gets their delegation digest, at most once a week.
    "followup-delegation-digests": {
        "task": "followup.tasks.send_delegation_digests",
        "schedule": crontab(hour=7, minute=45, day_of_week="mon"),
    },
}

ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
# The alias searches go through; each full reindex builds <alias>-v<timestamp> behind it.
SEARCH_ES_INDEX = env.str("SEARCH_ES_INDEX", default="cwg-search")
# Seconds before an unanswered request counts as "Elasticsearch is down" (search then degrades).
SEARCH_ES_TIMEOUT = env.float("SEARCH_ES_TIMEOUT", default=5.0)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # DRF reads bodies itself: its parsers clean the same characters as the middleware.
    "DEFAULT_PARSER_CLASSES": [
        "cwg.characters.CleanJSONParser",
        "cwg.characters.CleanFormParser",
        "cwg.characters.CleanMultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "cwg.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CWG documents and consultations API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "REDOC_DIST": "SIDECAR",  # served from our own static files: no CDN, CSP stays 'self'
    # Several apps have a "status" and a "language": name each choice set after its owner.
    "ENUM_NAME_OVERRIDES": {
        "DocumentStatusEnum": "documents.models.Document.Status",
        "DocumentLanguageEnum": "documents.models.Language",
        "CallStatusEnum": "consultations.models.ConsultationCall.Status",
        "SubmissionStatusEnum": "consultations.models.Submission.Status",
        "SubmissionLanguageEnum": "consultations.models.LANGUAGES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cwg.api.document_error_responses",
    ],
}

# Sign-in throttling (django-axes): five failures for one user name from one address lock that
# pair for 20 minutes; the sign-in page and the admin's share the rule.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1 / 3)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)

# Content-Security-Policy (django-csp): no inline or third-party script anywhere. Inline styles
# stay allowed because server-rendered SVG charts carry their own <style>.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Production hardening: on whenever DEBUG is off; each can be tuned from the environment.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# The cache holds the per-address rate limit of the public consultation form (django-ratelimit)
# and the pages served to anonymous visitors (cwg/pagecache.py): it must be shared by all web
# processes in production (CACHE_URL=redis://...), or a page invalidated in one process is still
# served stale by another. `check --deploy` refuses a per-process cache when WEB_CONCURRENCY
# (gunicorn's number of workers) is above 1. A cache that does not answer skips the limit (see
# cwg.rate_limits).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
WEB_CONCURRENCY = env.int("WEB_CONCURRENCY", default=1)
# Behind N reverse proxies, the client is the Nth address from the right of this header.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
CLIENT_ADDRESS_HEADER = "HTTP_" + env.str(
    "CLIENT_ADDRESS_HEADER", default="X-Forwarded-For"
).upper().replace("-", "_")
RATELIMIT_IP_META_KEY = "cwg.rate_limits.client_address"
RATELIMIT_IPV6_MASK = 64
# How long an anonymous visitor's page may be served from the cache at most (0 turns it off); the
# changes apps register invalidate it sooner.
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=300)
CONSULTATION_SUBMIT_RATE = env.str("CONSULTATION_SUBMIT_RATE", default="10/h")
# Files an input may carry (checked like document uploads), and the size of each.
CONSULTATION_MAX_ATTACHMENTS = env.int("CONSULTATION_MAX_ATTACHMENTS", default=3)
CONSULTATION_ATTACHMENT_MAX_MB = env.int("CONSULTATION_ATTACHMENT_MAX_MB", default=10)

# followup: days before an action's due date its owner is reminded.
MEETINGS_REMINDER_DAYS_BEFORE = env.int("MEETINGS_REMINDER_DAYS_BEFORE", default=7)

# Search: the FTS5 index of the embedded default lives in its own file beside the database.
SEARCH_SQLITE_PATH = env.path("SEARCH_SQLITE_PATH", default=VAR_DIR / "search.sqlite3")
