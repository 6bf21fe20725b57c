"""Inovda settings: one module, configured by environment variables (see .env.example).

Production mode (DEBUG=false) fails loudly on a missing or placeholder SECRET_KEY: there is
never a fallback key.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env (written by `make install`) is read when present; real variables win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
DEMO = env.bool("INOVDA_DEMO", default=DEBUG)

_PLACEHOLDER_KEYS = {"", "change-me"}
SECRET_KEY = env.str("SECRET_KEY", default="")
if SECRET_KEY in _PLACEHOLDER_KEYS or len(SECRET_KEY) < 32:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is missing or a placeholder. Set a random key of at least 32 characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), or DEBUG=true for "
            "local development."
        )
    # Development only: a key made fresh for this process, so nothing signed outlives it.
    import secrets

    SECRET_KEY = secrets.token_urlsafe(50)

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
    "django.contrib.humanize",
    "axes",
    "django_htmx",
    "csp",
    # Listed so its Swagger UI assets are served from the package, not from a CDN.
    "ninja",
    "django_tasks",
    "django_tasks_db",
    # The Redis queue of TASKS_BACKEND=rq (its `rqworker` command; no tables of its own).
    "django_rq",
    "inovda.core",
    "inovda.jobs",
    "inovda.accounts",
    "inovda.regions",
    "inovda.innovations",
    "inovda.verification",
    "inovda.results",
    "inovda.awards",
    "inovda.demo",
    "inovda.portal",
    "inovda.api",
]

MIDDLEWARE = [
    "inovda.observability.RequestLogMiddleware",  # first: its id is on every later log line
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the path, the query or a cookie (PostgreSQL refuses NUL bytes).
    "inovda.middleware.RefuseInvalidCharactersMiddleware",
    # Cached public answers for visitors without a session cookie, before the costly rest.
    "inovda.public_cache.PublicFastPathMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "inovda.middleware.PrivateCacheMiddleware",
    "inovda.accounts.middleware.ForcePasswordChangeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # After auth and htmx: it serves cached public pages once the URL and user are known.
    "inovda.public_cache.PublicCacheMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "inovda.urls"
WSGI_APPLICATION = "inovda.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "inovda" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inovda.core.context_processors.site",
                "inovda.accounts.context_processors.staff",
            ],
        },
    },
]

# Form widgets render through Jinja2 (Django's own widget templates, the same HTML): the
# innovation form has about 120 widgets and hundreds of options, and Django's template
# language spent most of the form page's time on them.
FORM_RENDERER = "django.forms.renderers.Jinja2"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Demo data loads in bulk; WAL keeps the dev server responsive meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "inovda" / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Evidence (data dukung): the largest accepted file, in bytes. MEDIA_ROOT is never served by
# a URL; files go out only through the evidence download view (docs/evidence.md).
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
# XLSX imports: checked on the zip's directory before any parser inflates it (a "zip bomb"
# otherwise inflates a 1 MB upload to gigabytes in memory). A filled template of 2,000 rows is
# about 3 MB unpacked at a ratio of 15.
XLSX_MAX_MEMBERS = env.int("XLSX_MAX_MEMBERS", default=200)
XLSX_MAX_MEMBER_BYTES = env.int("XLSX_MAX_MEMBER_BYTES", default=25 * 1024 * 1024)
XLSX_MAX_UNCOMPRESSED_BYTES = env.int("XLSX_MAX_UNCOMPRESSED_BYTES", default=50 * 1024 * 1024)
XLSX_MAX_RATIO = env.int("XLSX_MAX_RATIO", default=100)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Evidence and generated files (built downloads) on an S3-compatible object store instead of
# MEDIA_ROOT. Objects stay private (no ACL, no public URL): they go out only through the
# gated views, streamed; a signed URL, if ever used, lives S3_URL_EXPIRE seconds.
STORAGE_BACKEND = env.str("STORAGE_BACKEND", default="local")
if STORAGE_BACKEND == "s3":
    if not env.str("S3_BUCKET", default=""):
        raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs S3_BUCKET (a private bucket).")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            # Empty: boto3's own chain (instance role, ~/.aws) supplies the credentials.
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("S3_PREFIX", default=""),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env.int("S3_URL_EXPIRE", default=60),
            "file_overwrite": False,
        },
    }
elif STORAGE_BACKEND != "local":
    raise ImproperlyConfigured(f"STORAGE_BACKEND={STORAGE_BACKEND!r}: choose local or s3.")
WHITENOISE_USE_FINDERS = DEBUG

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS: cookies are secure in production by default; the redirect and HSTS are switched on
# where TLS is in place (behind a proxy that terminates it, set SECURE_PROXY_SSL_HEADER=true
# and make the proxy send X-Forwarded-Proto). docs/security.md lists the production values.
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy on every page (django-csp): scripts and styles only from our own
# static files, never inline. Evidence downloads send their own, stricter policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Background jobs (django-tasks). The database backend needs nothing beyond the database and
# a worker (`inovda worker`); TASKS_BACKEND=rq queues them in Redis (RQ_URL) for many workers
# (`inovda rqworker --job-class django_tasks_rq.Job default`); TASKS_BACKEND=immediate runs
# each job inside the request instead.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = env.str("TASKS_BACKEND", default="database")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={_task_backend!r}: choose one of {', '.join(_TASK_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}
if _task_backend == "rq":
    TASKS["default"]["QUEUES"] = ["default"]
RQ_QUEUES = {"default": {"URL": env.str("RQ_URL", default="redis://127.0.0.1:6379/1")}}
# A job with no progress for this long is taken for dead (its worker stopped) and may restart.
JOB_STALE_SECONDS = env.int("JOB_STALE_SECONDS", default=900)
# /healthz reports the worker down when its last heartbeat is older than this.
WORKER_STALE_SECONDS = env.int("WORKER_STALE_SECONDS", default=60)

# E-mail: printed on the console unless EMAIL_URL names a server, e.g.
# smtp+tls://user:password@smtp.example.go.id:587 (django-environ's email URL).
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Inovda <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address users reach the site at, for links in e-mails (invitations).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# An invitation's set-password link stays valid this long (seconds; 7 days).
PASSWORD_RESET_TIMEOUT = env.int("INVITATION_TIMEOUT", default=7 * 24 * 3600)

# One process: local memory. More than one (gunicorn workers, several app servers): Redis,
# e.g. CACHE_URL=redis://127.0.0.1:6379/0, so the API throttle counts across all of them.
CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://"),
}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # Django's own, with one Redis client per pool rather than one per call (redis_cache.py).
    CACHES["default"]["BACKEND"] = "inovda.redis_cache.RedisCache"
# Seconds a process trusts the cached name of the current publications (public_cache.py):
# a publication resets it at once where the cache is shared (Redis); with local memory
# another process sees a new publication after at most this long.
_SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith("LocMemCache")
PUBLIC_CACHE_VERSION_TTL = env.int("PUBLIC_CACHE_VERSION_TTL", default=300 if _SHARED_CACHE else 2)
# Sessions in the database: a login made through one app server holds on every other.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Open data: anonymous API clients get this many requests per minute.
API_ANON_RATE = env.str("API_ANON_RATE", default="120/m")

# Logs: one JSON object per line (LOG_FORMAT=json, the default in production) or plain text
# (the default with DEBUG), each line with the request id. A request or query slower than its
# threshold (milliseconds) is logged as a warning.
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
SLOW_REQUEST_MS = env.int("SLOW_REQUEST_MS", default=1000)
SLOW_QUERY_MS = env.int("SLOW_QUERY_MS", default=200)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "inovda.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "inovda.observability.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        # Who was invited, reminded or notified, and every job's end, even at WARNING.
        "inovda.mail": {"level": "INFO"},
        "inovda.jobs": {"level": "INFO"},
    },
}
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: choose json or text.")

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
# After login each role lands on its own home (its to-do list), not the public dashboard.
LOGIN_REDIRECT_URL = "/akun/"

# Login throttling (django-axes): 5 failed attempts for one username from one IP lock that
# pair out for 30 minutes. The axes backend must come first. Tests log in with
# client.force_login(), or client.login(request=HttpRequest(), ...): axes needs a request.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# On top: this many failures from one address, over all usernames, lock the address (0: off).
AXES_IP_FAILURE_LIMIT = env.int("AXES_IP_FAILURE_LIMIT", default=30)
AXES_HANDLER = "inovda.accounts.lockout.LockoutHandler"
# The client address: REMOTE_ADDR, or behind TRUSTED_PROXIES (addresses or networks of the
# reverse proxies) the X-Forwarded-For entry they vouch for. See inovda/accounts/lockout.py.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
AXES_CLIENT_IP_CALLABLE = "inovda.accounts.lockout.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
