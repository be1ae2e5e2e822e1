"""A stored file (a photo, a document's scan, a logo), as the app works with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# What the app stores, recognised by content. HEIC photos are accepted and stored as JPEG,
# which every engine the window runs on can show.
MediaType = Literal["image/jpeg", "image/png", "image/webp", "application/pdf"]
MEDIA_TYPES: tuple[MediaType, ...] = ("image/jpeg", "image/png", "image/webp", "application/pdf")
# What a chosen file will be: a photo or logo must be an image; a document may be a PDF too.
Purpose = Literal["photo", "logo", "document"]
PURPOSES: tuple[Purpose, ...] = ("photo", "logo", "document")


@dataclass(frozen=True)
class CheckedFile:
    """A file from outside that passed every check, ready to store.

    `data` is what is kept: for an image, re-encoded upright with its EXIF (location and
    all) removed; for a PDF, the file's own bytes. `thumbnail` is a small JPEG, for images.
    """

    file_name: str
    media_type: MediaType
    data: bytes
    sha256: str
    width: int | None
    height: int | None
    thumbnail: bytes | None


@dataclass(frozen=True)
class MediaInfo:
    """What the page knows of a stored file without its bytes."""

    id: int
    media_type: MediaType
    file_name: str
    byte_size: int
    width: int | None
    height: int | None
    created_at: str


@dataclass(frozen=True)
class PendingFile:
    """A checked file held for a form still open: `token` names it when the form is saved.

    `thumbnail` is a `data:` URL (images only), so the form can show what was chosen.
    """

    token: str
    file_name: str
    media_type: MediaType
    byte_size: int
    thumbnail: str | None


@dataclass(frozen=True)
class MediaChunk:
    """One piece of a stored file, base64: the page reads a file piece by piece from
    `offset` until `next_offset` is None."""

    media_id: int
    media_type: MediaType
    # The whole file's digest: pieces with different ones come from different files (the
    # file was replaced, or a backup restored, between two pieces) and don't belong together.
    sha256: str
    total: int
    offset: int
    data: str
    next_offset: int | None


@dataclass(frozen=True)
class Thumbnail:
    """A stored image's thumbnail as a `data:` URL, for the roster and the athlete header."""

    media_id: int
    url: str


@dataclass(frozen=True)
class SavedCopy:
    """Where "Save a copy…" wrote the file."""

    path: str
    file_name: str
    bytes: int
