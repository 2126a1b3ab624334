"""`casework manage` and `casework serve`: the web app's Django management commands."""

from __future__ import annotations

import argparse

from casework.cli.common import Subparsers


def add_commands(sub: Subparsers) -> None:
    manage = sub.add_parser(
        "manage",
        help="run a Django management command (migrate, demo, reevaluate, add_user...)",
        add_help=False,
    )
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=run_manage)

    serve = sub.add_parser("serve", help="serve the web app on http://127.0.0.1:8000/")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=run_serve)


def run_manage(args: argparse.Namespace) -> int:
    from casework.site.manage import main_manage

    return main_manage(args.args)


def run_serve(args: argparse.Namespace) -> int:
    from casework.site.manage import main_manage

    return main_manage(["runserver", f"127.0.0.1:{args.port}"])
