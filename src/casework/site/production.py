"""Production settings: everything from `settings`, locked down for HTTPS.

Set CASEWORK_SECRET_KEY, CASEWORK_ALLOWED_HOSTS (comma-separated) and DATABASE_URL.
`manage.py check --deploy` is clean with these.
"""

from __future__ import annotations

import os

from casework.site.settings import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["CASEWORK_SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("CASEWORK_ALLOWED_HOSTS", "").split(",") if h]

SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
