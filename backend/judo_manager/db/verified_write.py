"""Writing a file the coach asked for (a copy of a stored file, an exported entry sheet) as a
backup is written, so a failed write never leaves half a file under the chosen name.

1. The bytes go to a hidden temporary file beside the destination, which is synced
   (`F_FULLFSYNC` on macOS).
2. It is read back from the drive, not from memory (`fileio.read_from_device`), and compared
   with what was written.
3. Only then does it take the chosen name (`os.replace`, waiting out a scanner that holds
   the file for a moment), and the folder is synced.

Any failure removes the temporary file; a file that was already under the name is left as
it was. The reasons are told in words that fit any such file: a full drive, a read-only
one, a pulled stick, a name the drive refuses, a file another program has open.

Media's "Save a copy" and the exports share this module: it is the one place that says how.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from judo_manager.db.drive_errors import (
    WIN_ACCESS_DENIED,
    WIN_BAD_NAME,
    WIN_FULL,
    WIN_GONE,
    WIN_NETWORK,
    WIN_PATH_TOO_LONG,
    WIN_SHARING,
    WIN_UNPLUGGED,
    WIN_WRITE_PROTECT,
    name_problem,
    os_reason,
)
from judo_manager.db.fileio import (
    durable_sync,
    fsync_folder,
    hide,
    read_from_device,
    remove_leftover,
    remove_stale,
    replace_file,
    unhide,
    winerror_of,
)
from judo_manager.db.snapshot import OUR_PARTIAL, PARTIAL_NAME_LENGTH, PARTIAL_PATTERN, name_refused
from judo_manager.errors import JudoManagerError
from judo_manager.i18n import Message, _

# The piece read back at a time: small enough for little memory, large enough to be cheap.
READ_BACK_BYTES = 1 << 20
# What the system says when the drive is full, read-only, refusing us, gone or busy.
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
_DENIED = frozenset({errno.EACCES, errno.EPERM})
_GONE = frozenset(
    {
        errno.ENOENT,
        errno.ENOTDIR,
        errno.EIO,
        errno.ENODEV,
        errno.ENXIO,
        errno.ESTALE,
        errno.ENOTCONN,
    }
)
_BUSY = frozenset({errno.EBUSY, errno.ETXTBSY})
_BAD_NAME = frozenset({errno.EINVAL, errno.EILSEQ})


def write_verified(data: bytes, destination: Path, *, failure: type[JudoManagerError]) -> None:
    """Write `data` to `destination`, verified on the drive before it takes the name.

    Raises `failure` (MediaCopyError, ExportError…) with the reason in the coach's words;
    then nothing new is under the name, and a file that was there is unchanged.
    """
    problem = name_problem(destination, PARTIAL_NAME_LENGTH)
    if problem is not None:
        raise failure(problem.message)  # CON.pdf, a path over Windows' limit: not even tried
    remove_stale(destination.parent, PARTIAL_PATTERN, OUR_PARTIAL)
    temporary = destination.with_name(PARTIAL_PATTERN.replace("*", f"jm-{secrets.token_hex(4)}"))
    try:
        _write_synced(temporary, data)
        if not _reads_back_as(temporary, data):
            raise failure(
                _(
                    "The copy written to {folder} came back different from what was written: "
                    "the drive may be failing. Nothing was saved under {name}.",
                    folder=destination.parent,
                    name=destination.name,
                )
            )
        unhide(temporary)  # a renamed file keeps its attributes: the saved one must show
        replace_file(temporary, destination)
        fsync_folder(destination.parent)
    except OSError as error:
        remove_leftover(temporary)
        raise failure(save_error_message(error, destination)) from error
    except BaseException:
        remove_leftover(temporary)
        raise


def _write_synced(temporary: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temporary, flags, 0o644)
    try:
        hide(temporary)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        durable_sync(fd)
    finally:
        os.close(fd)


def _reads_back_as(temporary: Path, data: bytes) -> bool:
    offset = 0
    with read_from_device(temporary) as (reader, _from_device):
        while piece := reader.read(READ_BACK_BYTES):
            if data[offset : offset + len(piece)] != piece:
                return False
            offset += len(piece)
    return offset == len(data)


def save_error_message(error: OSError, destination: Path) -> Message:
    """Why writing `destination` failed, for a coach, whatever the file is.

    Windows' own number is read first (CPython folds its many reasons into a few errno
    values); a name the drive refuses is found by trying a plain one (`name_refused`).
    """
    name, folder = destination.name, destination.parent
    kind = _kind_by_winerror(winerror_of(error))
    if kind is None:
        kind = "name" if name_refused(destination, error) else _kind_by_errno(error.errno)
    if kind == "name":
        return _(
            'That file name isn\'t allowed on this drive: "{name}". Use '
            'letters, digits, dashes and underscores (not : ? * < > | " or \\).',
            name=name,
        )
    if kind == "full":
        return _(
            "{name} could not be saved to {folder}: the disk is full. Free some space, or "
            "choose another drive.",
            name=name,
            folder=folder,
        )
    if kind == "read-only":
        return _(
            "{name} could not be saved to {folder}: the disk is read-only. If it is a USB "
            "stick, check its lock switch, or choose another folder.",
            name=name,
            folder=folder,
        )
    if kind == "denied":
        return _(
            "{name} could not be saved to {folder}: Judo Manager isn't allowed to write "
            "there. Choose another folder, such as Documents.",
            name=name,
            folder=folder,
        )
    if kind == "gone":
        return _(
            "{name} could not be saved to {folder}: the drive stopped responding or the "
            "folder is no longer there. If it is a USB stick, plug it back in and try again.",
            name=name,
            folder=folder,
        )
    if kind == "busy":
        return _(
            "{name} could not be saved to {folder}: another program has that file open (a "
            "PDF viewer, a spreadsheet). Close it there and try again.",
            name=name,
            folder=folder,
        )
    if kind == "too-long":
        return _(
            "{name} could not be saved to {folder}: the name or the path is too long for "
            "this drive. Choose a shorter name, or a folder nearer the top of the drive.",
            name=name,
            folder=folder,
        )
    return _(
        "{name} could not be saved to {folder}: {reason}.",
        name=name,
        folder=folder,
        reason=os_reason(error),
    )


def _kind_by_winerror(code: int | None) -> str | None:
    if code is None:
        return None
    kinds = (
        (WIN_SHARING, "busy"),
        (WIN_FULL, "full"),
        ({WIN_WRITE_PROTECT}, "read-only"),
        ({WIN_ACCESS_DENIED}, "denied"),
        (WIN_UNPLUGGED | WIN_GONE | WIN_NETWORK, "gone"),
        (WIN_PATH_TOO_LONG, "too-long"),
        (WIN_BAD_NAME, "name"),
    )
    return next((kind for codes, kind in kinds if code in codes), None)


def _kind_by_errno(code: int | None) -> str | None:
    kinds = (
        (_FULL, "full"),
        ({errno.EROFS}, "read-only"),
        (_DENIED, "denied"),
        (_GONE, "gone"),
        (_BUSY, "busy"),
        ({errno.ENAMETOOLONG}, "too-long"),
        (_BAD_NAME, "name"),
    )
    return next((kind for codes, kind in kinds if code in codes), None)
