"""Settings: the database URL, and production settings that pass Django's deploy checks."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest

from casework.site.database import parse_database_url


def test_a_postgresql_url_becomes_django_settings() -> None:
    found = parse_database_url(
        "postgresql://case%40work:s3cret@db.local:6543/casework?sslmode=require"
    )
    assert found["ENGINE"] == "django.db.backends.postgresql"
    assert (found["NAME"], found["USER"], found["PASSWORD"]) == ("casework", "case@work", "s3cret")
    assert (found["HOST"], found["PORT"], found["OPTIONS"]) == (
        "db.local",
        "6543",
        {"sslmode": "require"},
    )


def test_a_url_without_a_password_or_port_is_fine() -> None:
    found = parse_database_url("postgres://postgres@127.0.0.1/casework_test")
    assert (found["USER"], found["PASSWORD"], found["PORT"]) == ("postgres", "", "")


def test_a_sqlite_url_names_a_file() -> None:
    assert parse_database_url("sqlite:////tmp/x.sqlite3")["NAME"] == "/tmp/x.sqlite3"


@pytest.mark.parametrize("url", ["mysql://x/y", "postgresql://host/"])
def test_unsupported_or_incomplete_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="DATABASE_URL"):
        parse_database_url(url)


def test_production_settings_pass_the_deploy_checks(tmp_path: object) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "casework.site.production",
        "CASEWORK_SECRET_KEY": secrets.token_urlsafe(60),
        "CASEWORK_ALLOWED_HOSTS": "casework.example.org",
        "CASEWORK_VAR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "casework.site.manage",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
