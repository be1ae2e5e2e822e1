"""The shipped bundle next to the venv: its size, and how fast it starts, in the same run.

1. Size of dist/judo-manager/ on the drive, and what takes the room.
2. The window from spawn to interactive, measured as bench/start.py does (Playwright over
   CDP and an in-page watcher), launches of the venv and of the bundle taking turns so that
   both see the same machine; the first launch of each is reported apart, then the median
   of --runs warm launches.
3. `--version` and `backup` on a tiny database: the subcommands' start cost.

Build the bundle first. Nothing here asserts on a time.

    scripts/build-bundle && .venv/bin/python bench/bundle.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

from _common import JUDO_MANAGER, ROOT, compile_checkout, median, print_table, ratio, run_child
from start import WINDOW_HEADERS, Launch, display, launch, window_cells

# Each system's bundle: the folder on Linux and Windows (judo-manager.exe is the console
# twin of "Judo Manager.exe"), the .app on macOS.
if sys.platform == "darwin":
    BUNDLE_DIR = ROOT / "dist" / "Judo Manager.app"
    BUNDLE = BUNDLE_DIR / "Contents" / "MacOS" / "Judo Manager"
else:
    BUNDLE_DIR = ROOT / "dist" / "judo-manager"
    BUNDLE = BUNDLE_DIR / ("judo-manager.exe" if sys.platform == "win32" else "judo-manager")
QT = BUNDLE_DIR / "_internal" / "PySide6" / "Qt"
# WKWebView has no remote-debugging port, so the window's start can't be timed over CDP.
WINDOW_TIMED = sys.platform != "darwin"

# What takes the room in the bundle, first match wins; the rest is "everything else".
PARTS: list[tuple[str, Callable[[Path], bool]]] = [
    (
        "Qt WebEngine (Chromium)",
        lambda p: (
            "webengine" in p.name.lower() or p.parent.name in ("resources", "qtwebengine_locales")
        ),
    ),
    ("ICU data (Qt)", lambda p: p.name.startswith("libicu")),
    ("other Qt libraries and plugins", lambda p: QT in p.parents),
    ("PySide6 bindings", lambda p: p.parent.name == "PySide6"),
    (
        "Python and its compiled standard library",
        lambda p: "python3" in str(p.relative_to(BUNDLE_DIR)) or p.name == "base_library.zip",
    ),
    # The executable carries every pure-Python module (the app, pywebview, the stdlib) zipped.
    ("the executable and the screens", lambda p: "judo_manager" in p.parts or p == BUNDLE),
    ("system libraries copied in", lambda p: p.parent.name == "_internal" and ".so" in p.name),
]


def main() -> None:
    """Print the size table, then launch both windows and time both subcommands."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="warm launches and command runs")
    args = parser.parse_args()
    compile_checkout()
    if not BUNDLE.is_file():
        raise SystemExit(f"{BUNDLE} is missing: run scripts/build-bundle first")
    print_size_table()
    if not WINDOW_TIMED:
        print("\nThe window's start is not timed on macOS: WKWebView has no debugging port.")
        return
    work = Path(tempfile.mkdtemp(prefix="jm-bench-bundle-"))
    programs = {"venv": JUDO_MANAGER, "bundle": BUNDLE}
    try:
        first: dict[str, Launch] = {}
        warm: dict[str, list[Launch]] = {name: [] for name in programs}
        with display(), sync_playwright() as playwright:
            for name, program in programs.items():
                first[name] = launch(playwright, work, program)
            for _ in range(args.runs):
                for name, program in programs.items():
                    warm[name].append(launch(playwright, work, program))
        print_window_table(first, warm)
        print_command_table(work, programs, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_size_table() -> None:
    """The bundle's size on the drive, split into what takes the room."""
    files = [path for path in BUNDLE_DIR.rglob("*") if path.is_file() and not path.is_symlink()]
    sizes: dict[str, int] = {label: 0 for label, _ in PARTS}
    sizes["everything else"] = 0
    for path in files:
        label = next((label for label, test in PARTS if test(path)), "everything else")
        sizes[label] += _on_disk(path)
    total = sum(sizes.values())
    print_table(
        f"dist/judo-manager/: {total / 2**20:,.0f} MiB on the drive in {len(files)} files "
        "(du -sh counts the same)",
        ["part", "MiB", "share"],
        [[label, f"{size / 2**20:,.1f}", f"{size / total:.0%}"] for label, size in sizes.items()],
    )


def _on_disk(path: Path) -> int:
    stat = path.stat()
    blocks = getattr(stat, "st_blocks", None)  # what du counts; not there on Windows
    return blocks * 512 if blocks is not None else stat.st_size


def print_window_table(first: dict[str, Launch], warm: dict[str, list[Launch]]) -> None:
    """Spawn-to-milestone seconds: the first launch of each, then the warm medians."""
    rows = [window_cells(f"{name}, first launch", [one]) for name, one in first.items()]
    rows += [
        window_cells(f"{name}, warm median of {len(runs)}", runs) for name, runs in warm.items()
    ]
    venv_s = median([one.playwright for one in warm["venv"]])
    bundle_s = median([one.playwright for one in warm["bundle"]])
    print_table(
        f"Window start to interactive, seconds from spawn, {os.cpu_count()} cores, Xvfb; "
        f"warm bundle vs venv: {ratio(bundle_s, venv_s)}",
        WINDOW_HEADERS,
        rows,
    )


def print_command_table(work: Path, programs: dict[str, Path], runs: int) -> None:
    """`--version` and `backup` on a tiny database, venv next to bundle, median of `runs`."""
    data_dir, dest = work / "tiny", work / "tiny-backup.db"
    filled = run_child([JUDO_MANAGER, "--data-dir", data_dir, "demo", "--athletes", "40"])
    if filled.returncode != 0:
        raise SystemExit(f"demo failed:\n{filled.stderr}")
    commands = {
        "--version": ["--version"],
        "backup (tiny db)": ["--data-dir", data_dir, "backup", dest, "--force"],
    }
    rows = []
    for label, command in commands.items():
        seconds = {}
        for name, program in programs.items():
            done = [run_child([program, *command]) for _ in range(runs)]
            if any(one.returncode != 0 for one in done):
                raise SystemExit(f"{name} {label} failed:\n{done[0].stderr}")
            seconds[name] = median([one.seconds for one in done])
        rows.append(
            [
                label,
                f"{seconds['venv']:.3f}",
                f"{seconds['bundle']:.3f}",
                ratio(seconds["bundle"], seconds["venv"]),
            ]
        )
    print_table(
        f"Command start cost, median of {runs}, process start included",
        ["judo-manager ...", "venv s", "bundle s", "bundle vs venv"],
        rows,
    )


if __name__ == "__main__":
    main()
