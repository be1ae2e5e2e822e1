"""What the app can do with stored files: check one from outside, hold it for a form, keep
it inside a caller's write, hand it back in pieces, and write a copy where the coach chose."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from judo_manager.db import Database
from judo_manager.db.verified_write import write_verified
from judo_manager.errors import ConflictError, MediaCopyError, NotFoundError
from judo_manager.forms import require_id
from judo_manager.i18n import _
from judo_manager.media import checks, repository
from judo_manager.media.model import (
    CheckedFile,
    MediaChunk,
    MediaInfo,
    PendingFile,
    Purpose,
    SavedCopy,
    Thumbnail,
)

# What a stored file missing meanwhile is called: "That file is no longer there".
FILE = _("file")
# One piece of a file on the bridge: 1 MiB is 1.4 MB of base64, a few milliseconds each.
CHUNK_BYTES = 1 << 20
# Checked files held for open forms: a few, for a while. Each can be 25 MB.
MAX_PENDING = 4
PENDING_SECONDS = 30 * 60.0
# Thumbnails asked for at once: the roster asks for the rows in view.
MAX_THUMBNAILS = 200
_UNSAFE_NAME = re.compile(r"[^\w.\- ()]+")


@dataclass(frozen=True)
class _Held:
    checked: CheckedFile
    purpose: Purpose
    held_at: float


class MediaService:
    """Photos, documents and logos, kept inside the club's database."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._pending: OrderedDict[str, _Held] = OrderedDict()
        self._pending_lock = threading.Lock()
        self._clock = time.monotonic

    def check_file(self, path: Path, purpose: Purpose) -> CheckedFile:
        """Read and check a chosen file for `purpose` (MediaRefusedError if it can't be kept)."""
        return checks.check_file(path, purpose)

    def hold(self, checked: CheckedFile, purpose: Purpose) -> PendingFile:
        """Keep a checked file for a form still open; its token names it when saved."""
        token = secrets.token_urlsafe(16)
        with self._pending_lock:
            self._forget_old()
            self._pending[token] = _Held(checked, purpose, self._clock())
            while len(self._pending) > MAX_PENDING:
                self._pending.popitem(last=False)
        thumbnail = None if checked.thumbnail is None else _data_url(checked.thumbnail)
        return PendingFile(
            token=token,
            file_name=checked.file_name,
            media_type=checked.media_type,
            byte_size=len(checked.data),
            thumbnail=thumbnail,
        )

    def take(self, token: object, purpose: Purpose) -> CheckedFile:
        """The file held under `token` for `purpose`, once; ConflictError when it is gone.

        Take it once the form's own fields have passed their checks: a form sent back to
        correct a title keeps its file.
        """
        with self._pending_lock:
            self._forget_old()
            held = self._pending.get(token) if isinstance(token, str) else None
            if held is None or held.purpose != purpose:
                raise ConflictError(
                    _("The chosen file is no longer at hand. Please choose it again.")
                )
            del self._pending[token]
        return held.checked

    def store(self, conn: sqlite3.Connection, checked: CheckedFile) -> int:
        """Keep a checked file, inside the caller's write transaction; its media id."""
        return repository.insert_media(conn, checked)

    def info(self, media_id: int) -> MediaInfo:
        """What is known of a stored file, without its bytes."""
        media_id = require_id(media_id, FILE)
        with self._db.snapshot() as conn:
            info = repository.media_info(conn, media_id)
        if info is None:
            raise NotFoundError.of(FILE)
        return info

    def infos(self, media_ids: Sequence[int]) -> dict[int, MediaInfo]:
        """{id: info} of the stored files among `media_ids` (on this thread's connection)."""
        return repository.media_infos(self._db.connection(), media_ids)

    def read_chunk(self, media_id: int, offset: int) -> MediaChunk:
        """The piece of a stored file from `offset`, for the page to put together."""
        media_id = require_id(media_id, FILE)
        if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
            offset = 0
        with self._db.snapshot() as conn:
            info = repository.media_info(conn, media_id)
            total = repository.data_length(conn, media_id)
            digest = repository.digest(conn, media_id)
            if info is None or total is None or digest is None:
                raise NotFoundError.of(FILE)
            data = repository.read_data(conn, media_id, offset, CHUNK_BYTES)
        end = offset + len(data)
        return MediaChunk(
            media_id=media_id,
            media_type=info.media_type,
            sha256=digest,
            total=total,
            offset=offset,
            data=base64.b64encode(data).decode("ascii"),
            next_offset=end if end < total else None,
        )

    def thumbnails(self, media_ids: Sequence[object]) -> list[Thumbnail]:
        """The thumbnails of those stored images among `media_ids`, as `data:` URLs."""
        wanted = sorted(
            {i for i in media_ids if isinstance(i, int) and not isinstance(i, bool) and i > 0}
        )[:MAX_THUMBNAILS]
        with self._db.snapshot() as conn:
            found = repository.thumbnails(conn, wanted)
        return [Thumbnail(media_id=i, url=_data_url(jpeg)) for i, jpeg in found]

    def save_copy(self, media_id: int, destination: Path) -> SavedCopy:
        """Write the stored file to `destination` as a backup is written: to a hidden file
        beside it, synced, read back from the drive and compared, then moved onto the name."""
        media_id = require_id(media_id, FILE)
        with self._db.snapshot() as conn:
            info = repository.media_info(conn, media_id)
            digest = repository.digest(conn, media_id)
            if info is None or digest is None:
                raise NotFoundError.of(FILE)
            data = repository.read_data(conn, media_id, 0, info.byte_size + 1)
        if hashlib.sha256(data).hexdigest() != digest:
            raise MediaCopyError(
                _(
                    "The stored copy of {name} is damaged, so no copy was saved. Restore a "
                    "backup that holds it, or add the file again.",
                    name=info.file_name,
                )
            )
        write_verified(data, destination, failure=MediaCopyError)
        return SavedCopy(path=str(destination), file_name=destination.name, bytes=len(data))

    def copy_for_viewing(self, media_id: int) -> Path:
        """A copy of the stored file in the data folder, for the system's viewer to open."""
        info = self.info(media_id)
        folder = self._db.folder.viewing
        folder.mkdir(exist_ok=True)
        copy = folder / f"{info.id}-{safe_name(info)}"
        self.save_copy(media_id, copy)
        return copy

    def _forget_old(self) -> None:
        now = self._clock()
        for token, held in list(self._pending.items()):
            if now - held.held_at > PENDING_SECONDS:
                del self._pending[token]


def safe_name(info: MediaInfo) -> str:
    """A name for a copy of a stored file: plain characters only, and the suffix of what
    its bytes are. The name came from a file, maybe in another club's backup, and the
    system opens a file by its suffix ("scan.pdf.bat" would run)."""
    plain = _UNSAFE_NAME.sub("_", info.file_name).strip(" .") or "file"
    return checks.with_suffix(plain, info.media_type)


def _data_url(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
