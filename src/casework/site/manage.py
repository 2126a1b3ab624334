"""Django's manage.py, as a function the `casework` command can call."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main_manage(argv: Sequence[str] | None = None) -> int:
    """Run a Django management command: `main_manage(["migrate"])`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casework.site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["casework manage", *(sys.argv[1:] if argv is None else argv)])
    return 0


if __name__ == "__main__":
    sys.exit(main_manage())
