"""Settings for development, tests and the demo. Production: `casework.site.production`.

SQLite in var/casework.sqlite3 by default; PostgreSQL (or another SQLite file) when
DATABASE_URL is set.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from casework.site.database import parse_database_url, sqlite_database

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _project_dir() -> Path:
    """The checkout (for var/ and node_modules/), or the working directory if installed."""
    root = PACKAGE_DIR.parent.parent
    return root if (root / "pyproject.toml").exists() else Path.cwd()


PROJECT_DIR = _project_dir()
VAR_DIR = Path(os.environ.get("CASEWORK_VAR", PROJECT_DIR / "var"))


def _secret_key() -> str:
    """From CASEWORK_SECRET_KEY, or a key made once for this machine in var/."""
    if key := os.environ.get("CASEWORK_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret-key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("CASEWORK_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "casework.site",
    "casework.records",
    "casework.records.imports",
    "casework.accounts",
    "casework.work",
    "casework.frontdoor",
    "casework.quality",
    "casework.challenges",
    "casework.improvement",
    "casework.performance",
    "casework.equality",
    "casework.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "casework.site.middleware.security_headers",
]

ROOT_URLCONF = "casework.site.urls"
WSGI_APPLICATION = "casework.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "casework.site.context.navigation",
            ],
            "builtins": ["casework.site.templatetags.govuk"],
        },
    },
]

if url := os.environ.get("DATABASE_URL"):
    DATABASES = {"default": parse_database_url(url)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {"default": sqlite_database(VAR_DIR / "casework.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions end after 30 minutes without a request, and when the browser closes.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Failed sign-ins allowed for one user name within the window before it is locked.
LOGIN_FAILURE_LIMIT = 5
LOGIN_FAILURE_WINDOW_MINUTES = 15

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [VAR_DIR / "frontend"] if (VAR_DIR / "frontend").is_dir() else []

# The standards pack that obligations are worked out against.
CASEWORK_PACK = os.environ.get("CASEWORK_PACK", "wokingham-2020")
# The address people reach Casework at, for links in reminder emails.
CASEWORK_SITE_URL = os.environ.get("CASEWORK_SITE_URL", "http://127.0.0.1:8000")
# A fixed "today" (ISO date) for demonstrations on data that ends on that day.
CASEWORK_TODAY = os.environ.get("CASEWORK_TODAY", "")

# Request paths hold only opaque ids, but keep request details out of the logs anyway.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO"},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
