"""The names exported files are offered under: `entries_Jakarta Open_2026-05-03.pdf`.

A name is made of what the coach typed (a tournament's or a club's name), so it is cleaned
to one that every drive a coach uses holds (FAT32 and exFAT sticks, NTFS, APFS, ext4): no
`< > : " / \\ | ? *` or control characters, no dot or space at the end (Windows drops
them), not a device name (`CON`, `LPT1`), and at most `MAX_NAME` characters.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import PurePath

from judo_manager.db.drive_errors import WINDOWS_RESERVED
from judo_manager.exports.model import EXPORT_FORMATS, ExportFormat

# Short enough to show whole in a save dialog and to leave room for the folder's path
# under Windows' 260 characters; far under every file system's 255.
MAX_NAME = 100
# What FAT, exFAT and NTFS refuse in a name, and control characters (a name from a restored
# backup may hold a tab or a newline).
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_SPACES = re.compile(r"\s+")


def export_file_name(kind: str, subject: str, day: dt.date, export_format: ExportFormat) -> str:
    """`<kind>_<subject>_<YYYY-MM-DD>.<format>`, safe on every drive.

    `kind` is a plain word of ours ("entries", "athletes"); `subject` is a name the coach
    typed, shortened (never the date or the extension) to keep the whole within MAX_NAME.
    An empty subject is left out: `entries_2026-05-03.pdf`.
    """
    if export_format not in EXPORT_FORMATS:
        raise ValueError(f"not an export format: {export_format!r}")
    suffix = f"_{day.isoformat()}.{export_format}"
    room = MAX_NAME - len(kind) - 1 - len(suffix)
    cleaned = _clean(subject)[:room].rstrip(" .-_")
    stem = f"{kind}_{cleaned}" if cleaned else kind
    return safe_file_name(stem + suffix)


def safe_file_name(name: str) -> str:
    """`name` as one that FAT, exFAT, NTFS and the others all hold: forbidden characters
    become "-", the end loses its dots and spaces, a Windows device name (`CON.csv`) gets a
    "_" before it, and the whole is at most MAX_NAME characters, its extension kept."""
    cleaned = _clean(name) or "export"
    if len(cleaned) > MAX_NAME:
        suffix = PurePath(cleaned).suffix
        suffix = suffix if len(suffix) <= 10 else ""
        cleaned = cleaned[: MAX_NAME - len(suffix)].rstrip(" .") + suffix
    if WINDOWS_RESERVED.fullmatch(cleaned.split(".")[0].rstrip(" ")):
        cleaned = "_" + cleaned[: MAX_NAME - 1]
    return cleaned


def _clean(text: str) -> str:
    # Composed, as Windows and most portals expect: macOS hands "Nguyễn" over decomposed.
    text = unicodedata.normalize("NFC", text)
    text = _FORBIDDEN.sub("-", text)
    # A leading dot would hide the file; a trailing one or space Windows drops.
    return _SPACES.sub(" ", text).strip(" .")
