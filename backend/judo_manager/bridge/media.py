"""`window.pywebview.api.media`: photos, documents and logos, chosen, read and copied."""

from __future__ import annotations

from judo_manager.bridge.convert import to_wire
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.host import Host
from judo_manager.bridge.prompts import ask_copy_destination, ask_media_source
from judo_manager.bridge.wire import Wire
from judo_manager.errors import ValidationError
from judo_manager.i18n import _
from judo_manager.media.model import (
    PURPOSES,
    MediaChunk,
    PendingFile,
    Purpose,
    SavedCopy,
    Thumbnail,
)
from judo_manager.media.service import MediaService, safe_name


class MediaApi:
    """Stored files as the page sees them: never a path, only ids, tokens and pieces."""

    def __init__(self, media: MediaService, window: Host) -> None:
        self._media = media
        self._window = window

    @coach_errors
    def chooseFile(self, purpose: Purpose) -> Wire[PendingFile] | None:
        """Ask for a photo, logo or document in the native open dialog, and check it; the
        checked file is held for the form that sends its token. None if cancelled."""
        if purpose not in PURPOSES:
            raise ValidationError({"purpose": _("Choose a photo, a logo or a document.")})
        path = ask_media_source(self._window, purpose)
        if path is None:
            return None
        return to_wire(self._media.hold(self._media.check_file(path, purpose), purpose))

    @coach_errors
    def read(self, mediaId: int, offset: int) -> Wire[MediaChunk]:
        """The piece of a stored file from `offset` (1 MiB, base64)."""
        return to_wire(self._media.read_chunk(mediaId, offset))

    @coach_errors
    def thumbnails(self, mediaIds: list[int]) -> list[Wire[Thumbnail]]:
        """The thumbnails of these stored images (those without one are left out)."""
        return [to_wire(t) for t in self._media.thumbnails(mediaIds)]

    @coach_errors
    def saveCopy(self, mediaId: int) -> Wire[SavedCopy] | None:
        """Write a copy of a stored file where the coach chooses; None if cancelled."""
        info = self._media.info(mediaId)
        destination = ask_copy_destination(self._window, safe_name(info))
        if destination is None:
            return None
        return to_wire(self._media.save_copy(info.id, destination))

    @coach_errors
    def openExternally(self, mediaId: int) -> None:
        """Open a stored file (a PDF) in the system's viewer."""
        self._window.open_file(self._media.copy_for_viewing(mediaId))
