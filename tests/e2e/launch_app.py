"""Starts `judo-manager` with the native file dialogs answered by the test.

This replaces the dialog seam (`judo_manager.window.dialogs`) and nothing else; opening the
file manager and the system's viewer is only recorded. Each dialog takes
the first line of the answers file: a JSON path string, or `null` for "Cancel". What the app
asked for (title, folder, file name, file types) is appended to `<answers>.asked.jsonl`.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from judo_manager.cli import main
from judo_manager.window import dialogs

ANSWERS_ENV = "JUDO_MANAGER_TEST_DIALOG_ANSWERS"


def _answer(kind: str, **asked: object) -> Path | None:
    answers = Path(os.environ[ANSWERS_ENV])
    with answers.with_suffix(".asked.jsonl").open("a") as log:
        shown = {k: list(v) if isinstance(v, tuple) else str(v) for k, v in asked.items()}
        log.write(json.dumps({"kind": kind, **shown}) + "\n")
    lines = answers.read_text().splitlines() if answers.exists() else []
    if not lines:
        raise AssertionError(f"the app opened a {kind} dialog that the test did not answer")
    answers.write_text("".join(line + "\n" for line in lines[1:]))
    chosen = json.loads(lines[0])
    return None if chosen is None else Path(chosen)


def _save(
    window: object, *, title: str, directory: Path, filename: str, file_types: tuple[str, ...]
) -> Path | None:
    return _answer(
        "save", title=title, directory=directory, filename=filename, file_types=file_types
    )


def _open(
    window: object, *, title: str, directory: Path, file_types: tuple[str, ...]
) -> Path | None:
    return _answer("open", title=title, directory=directory, file_types=file_types)


def _record(kind: str, **shown: str) -> None:
    # Nothing to answer: the file manager and the viewer only show. Recorded, so a test can
    # see they were asked.
    with Path(os.environ[ANSWERS_ENV]).with_suffix(".asked.jsonl").open("a") as log:
        log.write(json.dumps({"kind": kind, **shown}) + "\n")


def _show_folder(folder: Path) -> None:
    _record("show-folder", folder=str(folder))


def _open_file(path: Path) -> None:
    _record("open-file", path=str(path))


if __name__ == "__main__":
    dialogs.ask_save_path = _save
    dialogs.ask_open_path = _open
    dialogs.show_folder = _show_folder
    dialogs.open_file = _open_file
    sys.exit(main())
