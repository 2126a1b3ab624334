"""The `casework` command. Each group of subcommands lives in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from casework import __version__
from casework.cli import demo, evaluate, standards, web
from casework.cli.common import Subparsers

# Each module adds its subcommands; a subcommand's handler returns the exit code.
Handler = Callable[[argparse.Namespace], int]
MODULES = [evaluate, standards, demo, web]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casework",
        description="Children's social care records and practice standards as code.",
    )
    parser.add_argument("--version", action="version", version=f"casework {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in MODULES:
        module.add_commands(sub)
    _add_optional_commands(sub)
    return parser


def _add_optional_commands(sub: Subparsers) -> None:
    """Subcommands from parts of Casework that have their own command modules."""
    try:
        from casework.interchange import commands as interchange
    except ImportError:
        return
    interchange.add_commands(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
