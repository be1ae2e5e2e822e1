"""Removable drives plugged in now (USB sticks, SD cards), where a backup most likely goes.

Each system mounts them in its own place: Windows gives them a drive letter of the
"removable" type, macOS mounts them under /Volumes, and Linux desktops (udisks) under
/media/<user>/ or /run/media/<user>/.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def removable_drives(mount_roots: Sequence[Path] | None = None) -> list[Path]:
    """The removable drives mounted now, by name; `mount_roots` replaces the system's
    folders of mounts (Linux and macOS), for tests."""
    if mount_roots is None and sys.platform == "win32":
        from judo_manager.db import windows

        return windows.removable_drives()
    roots = default_mount_roots() if mount_roots is None else list(mount_roots)
    found: list[Path] = []
    for root in roots:
        try:
            entries = sorted(root.iterdir())
        except OSError:
            continue
        for entry in entries:
            try:
                if os.path.ismount(entry) and not _is_system_volume(entry) and entry not in found:
                    found.append(entry)
            except OSError:
                continue
    return found


def default_mount_roots() -> list[Path]:
    """Where this system mounts removable drives."""
    if sys.platform == "darwin":
        return [Path("/Volumes")]
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = ""
    roots = [Path("/media") / user, Path("/run/media") / user] if user else []
    return [*roots, Path("/media")]


def _is_system_volume(path: Path) -> bool:
    """macOS lists the startup disk under /Volumes too, as a link to /."""
    try:
        return path.resolve() == Path("/").resolve()
    except OSError:
        return False
