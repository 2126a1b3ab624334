"""DATABASE_URL to Django's DATABASES setting (PostgreSQL or SQLite)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

ENGINES = {
    "postgres": "django.db.backends.postgresql",
    "postgresql": "django.db.backends.postgresql",
    "sqlite": "django.db.backends.sqlite3",
}


def parse_database_url(url: str) -> dict[str, Any]:
    """`postgresql://user:password@host:5432/name?sslmode=require` or `sqlite:///path.db`."""
    parts = urlsplit(url)
    scheme = parts.scheme.split("+")[0]
    if scheme not in ENGINES:
        raise ValueError(f"DATABASE_URL: unsupported scheme {parts.scheme!r}")
    if scheme == "sqlite":
        return {"ENGINE": ENGINES[scheme], "NAME": unquote(parts.path[1:]) or ":memory:"}
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ValueError("DATABASE_URL: no database name")
    return {
        "ENGINE": ENGINES[scheme],
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "OPTIONS": dict(parse_qsl(parts.query)),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def sqlite_database(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": ENGINES["sqlite"],
        "NAME": str(path),
        # Wait for a writer rather than fail at once; IMMEDIATE avoids upgrade deadlocks.
        # Write-ahead logging lets pages read while a visit is being saved, and commits
        # without waiting for the disk twice.
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }
