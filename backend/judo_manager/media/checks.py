"""What a file from outside must be before the club's data keeps it.

Nothing about a chosen file is trusted: not its name, not its size as the folder lists it,
not its header. The kind is read from the content (a renamed text file is refused, a PDF
named .jpg is a PDF), the size from what is actually read, and an image must decode in full
within a pixel budget, so a small file that unpacks to gigabytes (a decompression bomb) is
refused before it is unpacked.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from judo_manager.db.drive_errors import os_reason
from judo_manager.errors import MediaRefusedError
from judo_manager.i18n import _, megabytes
from judo_manager.media.model import CheckedFile, MediaType, Purpose

# The largest file the app keeps: a phone photo is 3 to 8 MB, a scanned certificate 1 to 5.
MAX_FILE_BYTES = 25_000_000
# The longest file name kept (for "Save a copy…"); longer ones are shortened.
MAX_NAME_LENGTH = 120
# A PDF ends with this marker in its last kilobyte; without it the file was cut short.
_PDF_END = b"%%EOF"
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1"}


def sniff(head: bytes) -> MediaType | None:
    """The kind the first bytes say, or None for anything the app doesn't keep.

    A HEIC photo is reported as JPEG, which is what it is stored as.
    """
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/jpeg"
    return None


def check_file(path: Path, purpose: Purpose) -> CheckedFile:
    """Read `path` and check it for `purpose`; what the club's data will keep.

    Raises MediaRefusedError, in the coach's words, for anything that can't be kept.
    """
    name = _kept_name(path.name)
    data = _read(path, name)
    kind = sniff(data[:32])
    if kind is None:
        raise MediaRefusedError(
            _(
                "{name} isn't a photo or a PDF that Judo Manager can keep. Choose a JPEG, "
                "PNG, WebP or HEIC photo, or a PDF.",
                name=name,
            )
        )
    if kind == "application/pdf":
        if purpose != "document":
            raise MediaRefusedError(
                _(
                    "{name} is a PDF. A photo or logo must be an image: JPEG, PNG, WebP or HEIC.",
                    name=name,
                )
            )
        if _PDF_END not in data[-1024:]:
            raise MediaRefusedError(
                _(
                    "{name} is an incomplete PDF: its end is missing. It may not have finished "
                    "copying; open it to check, then choose it again.",
                    name=name,
                )
            )
        return CheckedFile(
            # Opened by its name's suffix: "scan.pdf.bat" would run, not show.
            file_name=with_suffix(name, kind),
            media_type=kind,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
            width=None,
            height=None,
            thumbnail=None,
        )
    # Pillow (and libheif) load with the first photo rather than with the window.
    from judo_manager.media import images

    image = images.clean_image(data, name)
    return CheckedFile(
        file_name=with_suffix(name, image.media_type),
        media_type=image.media_type,
        data=image.data,
        sha256=hashlib.sha256(image.data).hexdigest(),
        width=image.width,
        height=image.height,
        thumbnail=image.thumbnail,
    )


def _read(path: Path, name: str) -> bytes:
    """The file's bytes, never more than the limit and one byte (a file still growing, or a
    device that reports no size, can't make the app read without end)."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise MediaRefusedError(_("{name} is a folder. Choose a file.", name=name)) from None
    except OSError as error:
        raise MediaRefusedError(
            _("{name} could not be read: {reason}.", name=name, reason=os_reason(error))
        ) from error
    if not data:
        raise MediaRefusedError(
            _("{name} is empty (0 bytes). Choose the file again once it has been saved.", name=name)
        )
    if len(data) > MAX_FILE_BYTES:
        raise MediaRefusedError(
            _(
                "{name} is bigger than {limit}, the largest file Judo Manager keeps. Scan or "
                "export it at a lower resolution, then add it again.",
                name=name,
                limit=megabytes(MAX_FILE_BYTES, places=0),
            )
        )
    return data


def _kept_name(name: str) -> str:
    """The name kept for "Save a copy…": the chosen one, shortened, never empty."""
    name = " ".join(name.split()) or "file"
    if len(name) <= MAX_NAME_LENGTH:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 8:
        return name[:MAX_NAME_LENGTH]
    return stem[: MAX_NAME_LENGTH - len(suffix) - 1] + "." + suffix


_SUFFIXES: dict[MediaType, tuple[str, ...]] = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/webp": (".webp",),
    "application/pdf": (".pdf",),
}


def with_suffix(name: str, kind: MediaType) -> str:
    """`name` with the suffix of what it is (a HEIC photo kept as JPEG is `.jpg`): the
    system opens a file by its suffix, whatever its bytes are."""
    suffixes = _SUFFIXES[kind]
    if name.lower().endswith(suffixes):
        return name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return stem + suffixes[0]
