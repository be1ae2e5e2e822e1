"""The `judo-manager` command: the window by default, maintenance subcommands otherwise.

Subcommands import neither Qt nor pywebview, so they start as fast as plain Python.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from judo_manager import __version__
from judo_manager.errors import JudoManagerError
from judo_manager.paths import DATA_DIR_ENV, resolve_data_dir


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="judo-manager", description="Judo Manager: your club's athletes, belts and medals."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder that holds the club database (default: ${DATA_DIR_ENV}, "
        "else your user data folder)",
    )
    parser.add_argument(
        "--dev", action="store_true", help="load the Vite dev server, with hot reload"
    )
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the process exit code."""
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    try:
        if args.command is None:
            return _open_window(data_dir, dev=args.dev)
        return int(args.run(args, data_dir))
    except JudoManagerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _open_window(data_dir: Path, *, dev: bool) -> int:
    from judo_manager.app import run_window

    if not dev:
        return run_window(data_dir, dev=False)
    from judo_manager.devserver import ensure_dev_server

    server = ensure_dev_server()
    try:
        return run_window(data_dir, dev=True)
    finally:
        if server is not None:
            server.terminate()
