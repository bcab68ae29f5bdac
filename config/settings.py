"""Settings for kehoach, read from the environment.

Development defaults are safe: SQLite next to the project, DEBUG only when set,
a throwaway secret key that production refuses.
"""

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "units",
    "plans",
    "indicators",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "config.middleware.NormaliseInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "reports.errors.OwnErrorPages",
]

# Browser features the app never uses: switched off for every page (Permissions-Policy header).
PERMISSIONS_POLICY = ["accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
                      "magnetometer", "microphone", "midi", "payment", "usb", "serial", "bluetooth",
                      "xr-spatial-tracking", "browsing-topics"]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT spends ~1 s compiling the dashboard's GROUP BY queries to save a few ms;
    # the national overview hashes ~130,000 indicators, which spills to disk at the default 4 MB.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c jit=off -c work_mem={env_str('PG_WORK_MEM', '32MB')}")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write transactions take the lock when they begin: two saves never interleave a read and a
    # write (a result save and "Nộp báo cáo"), and nobody meets "database is locked" mid-way.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("transaction_mode", "IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login throttling (django-axes), the admin's login included: after LOGIN_FAILURE_LIMIT wrong passwords
# for one account, or from one address, that account or address waits LOGIN_COOLOFF_MINUTES, even
# with the right password. Failures are rows in the database: every app server sees them.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # the admin shows axes' records through units/admin_logins.py, in Vietnamese
AXES_CLIENT_IP_CALLABLE = "config.throttle.client_ip"

# Content-Security-Policy (django-csp): scripts and styles from our own static files only, no inline
# script or style attribute (htmx's indicator styles are in app.css: base.html switches them off).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF], "script-src": [SELF], "style-src": [SELF], "img-src": [SELF, "data:"],
        "font-src": [SELF], "connect-src": [SELF], "object-src": [NONE], "base-uri": [SELF],
        "form-action": [SELF], "frame-ancestors": [NONE],
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Only complete translations: the app is written in Vietnamese and has no other.
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Static files are served by WhiteNoise; under PRODUCTION=1 with hashed names (collectstatic first,
# `make serve` does). Media (issued PDFs) go through Django's storage API: the local MEDIA_ROOT,
# or an S3-compatible store when MEDIA_S3_BUCKET is set (pip install 'kehoach[s3]').
STATIC_URL = "static/"
# Only the built files of the npm packages (package.json), not their sources.
STATICFILES_DIRS = [BASE_DIR / "static",
                    ("vendor/bootstrap/dist/css", BASE_DIR / "node_modules/bootstrap/dist/css"),
                    ("vendor/bootstrap/dist/js", BASE_DIR / "node_modules/bootstrap/dist/js"),
                    ("vendor/htmx.org/dist", BASE_DIR / "node_modules/htmx.org/dist")]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
# Outside production WhiteNoise serves straight from the finders (no collectstatic needed).
WHITENOISE_USE_FINDERS = not env_bool("PRODUCTION", False)
warnings.filterwarnings("ignore", message="No directory at: ")
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": MEDIA_S3_BUCKET, "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": env_str("MEDIA_S3_REGION") or None, "access_key": env_str("MEDIA_S3_ACCESS_KEY") or None,
        "secret_key": env_str("MEDIA_S3_SECRET_KEY") or None, "default_acl": None, "querystring_auth": True,
        "file_overwrite": False}}

# E-mail (password reset): printed on the console unless EMAIL_BACKEND says otherwise, e.g.
# django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, ...
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kehoach@localhost")
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 3600)  # "forgot password" links
# Set-password links a manager e-mails to a new person (or from the people page): they may open the
# e-mail days later (units.people.InvitationTokenGenerator).
INVITATION_TIMEOUT = env_int("INVITATION_TIMEOUT", 3 * 24 * 3600)
# Where the links of e-mailed reminders (manage.py send_reminders) point: the address people open.
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")

# One cache for every app server (the /verify/ and password-reset limits): the database under
# PRODUCTION=1 (`make serve` creates the table), this process's memory otherwise.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Issued plans (reports/issuing/): the organisation's certificate for server-side PAdES
# signing (PKCS#12 file and passphrase), the CA certificates (comma-separated PEM paths) a
# signature must chain to, and the public verification page printed as a QR code on each PDF.
SIGNING_PKCS12_PATH = env_str("SIGNING_PKCS12_PATH")
SIGNING_PKCS12_PASSPHRASE = env_str("SIGNING_PKCS12_PASSPHRASE")
SIGNING_TRUST_ROOTS = env_list("SIGNING_TRUST_ROOTS", [])
SIGNING_VERIFY_URL = env_str("SIGNING_VERIFY_URL", "http://localhost:8000/verify/")
# Per-address limits (config/throttle.py): (requests, seconds). The address is REMOTE_ADDR, or the
# header the reverse proxy sets, e.g. CLIENT_IP_META=HTTP_X_FORWARDED_FOR (its last entry counts).
CLIENT_IP_META = env_str("CLIENT_IP_META", "REMOTE_ADDR")
THROTTLE_RATES = {"verify": (env_int("VERIFY_RATE_PER_MINUTE", 20), 60),
                  "password_reset": (env_int("PASSWORD_RESET_RATE_PER_HOUR", 5), 3600)}
# An uploaded PDF is parsed in a child process with these limits (reports/pdfguard.py).
PDF_CHECK_SECONDS = float(env_str("PDF_CHECK_SECONDS", "0.8"))
PDF_CHECK_MEMORY_MB = env_int("PDF_CHECK_MEMORY_MB", 120)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Office PCs are shared: sessions end with the browser and after eight idle hours.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

DJANGO_TABLES2_TEMPLATE = "tables/bootstrap5_vi.html"

# PRODUCTION=1 turns on every HTTPS hardening that `check --deploy` asks for.
PRODUCTION = env_bool("PRODUCTION", False)
if PRODUCTION:
    if SECRET_KEY == DEV_SECRET or len(SECRET_KEY) < 50:
        raise RuntimeError("PRODUCTION=1 needs a SECRET_KEY of at least 50 random characters.")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_error_without_traceback": {"()": "config.logfilters.ClientErrorWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler",
                             "filters": ["client_error_without_traceback"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
