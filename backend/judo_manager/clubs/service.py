"""What the app can do with clubs and the organisation's branding."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import sqlite3
import unicodedata
from collections.abc import Mapping

from judo_manager.clubs import repository
from judo_manager.clubs.model import Club, ClubFields, Organisation, OrganisationFields
from judo_manager.db import Database
from judo_manager.errors import JudoManagerError, NotFoundError
from judo_manager.forms import FormReader, require_id
from judo_manager.i18n import _
from judo_manager.media.service import MediaService

# What a record missing meanwhile is called: "That club is no longer there".
CLUB = _("club")
NAME_LENGTH = 80
SHORT_NAME_LENGTH = 12
CONTACT_LENGTH = 200
PREFIX_LENGTH = 10
# A member-ID prefix is part of an ID written on cards and forms: plain letters and digits
# and a few separators, so it reads, sorts and types the same everywhere.
PREFIX = re.compile(r"[A-Za-z0-9._-]*")


def club_key(name: str) -> str:
    """What makes two club names the same club: case, Unicode spelling and spacing aside.

    Stricter than the database's NOCASE index (which folds only A to Z), so "Dojo Ä" and
    "dojo ä" are one name too.
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def load_clubs(conn: sqlite3.Connection) -> list[Club]:
    """Every club by name, as a coach reads the list (case aside), with its athlete count."""
    return sorted(repository.list_clubs(conn), key=lambda club: (club_key(club.name), club.id))


class ClubsService:
    """The clubs athletes belong to, and who the app is branded for."""

    def __init__(self, db: Database, media: MediaService | None = None) -> None:
        # A logo is a file `media` holds since the page chose it, so the app passes its one
        # media service. A service built without one (for `exists` and `organisation` only)
        # gets one of its own, which holds no chosen file: every logo token is refused.
        self._db = db
        self._media = media or MediaService(db)

    def exists(self, club_id: int) -> bool:
        """Whether the club is there (on this thread's connection, inside a caller's write)."""
        return repository.club_exists(self._db.connection(), club_id)

    def current_clubs(self) -> list[Club]:
        """Every club by name, read on this thread's connection without a transaction of its
        own: inside a caller's write, the clubs that write sees."""
        return load_clubs(self._db.connection())

    def check_new(self, name: str) -> None:
        """Raise ValidationError unless a club named `name` could be added (on this thread's
        connection: inside the caller's snapshot or write)."""
        _read_club(self._db.connection(), {"name": name}, club_id=None)

    def add_named(self, name: str) -> int:
        """Add a club with only its name, after the same checks as the form (inside the
        caller's write); its id. An import adds the clubs its file names."""
        conn = self._db.connection()
        return repository.insert_club(conn, _read_club(conn, {"name": name}, club_id=None))

    def organisation(self) -> Organisation:
        """The organisation's name, logo and member-ID prefix."""
        return repository.organisation(self._db.connection())

    def letterhead_logo(self) -> bytes | None:
        """The organisation's logo for the head of a PDF (an entry sheet, a report), as PNG
        or JPEG bytes; None when it has none, or when it is gone or damaged (the PDF is
        made without it rather than not at all)."""
        logo_id = self.organisation().logo_id
        if logo_id is None:
            return None
        try:
            chunk = self._media.read_chunk(logo_id, 0)
            pieces = [base64.b64decode(chunk.data)]
            while chunk.next_offset is not None:
                chunk = self._media.read_chunk(logo_id, chunk.next_offset)
                pieces.append(base64.b64decode(chunk.data))
        except JudoManagerError:
            return None
        data = b"".join(pieces)
        if hashlib.sha256(data).hexdigest() != chunk.sha256:
            return None
        if chunk.media_type in ("image/png", "image/jpeg"):
            return data
        # A WebP logo: written again as PNG, which every PDF writer takes.
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as image:
                png = io.BytesIO()
                image.save(png, "PNG")
        except (OSError, ValueError):
            return None
        return png.getvalue()

    def clubs(self) -> list[Club]:
        """Every club by name, with how many athletes belong to each."""
        with self._db.snapshot() as conn:
            return load_clubs(conn)

    def create(self, data: Mapping[str, object]) -> list[Club]:
        """Add a club after checking its fields; a name already taken is refused."""
        with self._db.write() as conn:
            repository.insert_club(conn, _read_club(conn, data, club_id=None))
            return load_clubs(conn)

    def update(self, club_id: int, data: Mapping[str, object]) -> list[Club]:
        """Change a club's name, short name, federation, city or contact."""
        club_id = require_id(club_id, CLUB)
        with self._db.write() as conn:
            if not repository.club_exists(conn, club_id):
                raise NotFoundError.of(CLUB)
            repository.update_club(conn, club_id, _read_club(conn, data, club_id))
            return load_clubs(conn)

    def delete(self, club_id: int) -> list[Club]:
        """Remove a club; its athletes stay, with no club, and its logo goes with it."""
        club_id = require_id(club_id, CLUB)
        with self._db.write() as conn:
            if not repository.delete_club(conn, club_id):
                raise NotFoundError.of(CLUB)
            return load_clubs(conn)

    def set_logo(self, club_id: int, token: object) -> list[Club]:
        """Give a club the logo chosen as `token` (from choosing a file as a logo); the logo it
        had is deleted with it."""
        club_id = require_id(club_id, CLUB)
        with self._db.write() as conn:
            if not repository.club_exists(conn, club_id):
                raise NotFoundError.of(CLUB)
            logo_id = self._media.store(conn, self._media.take(token, "logo"))
            repository.set_club_logo(conn, club_id, logo_id)
            return load_clubs(conn)

    def remove_logo(self, club_id: int) -> list[Club]:
        """Take a club's logo away (and delete it)."""
        club_id = require_id(club_id, CLUB)
        with self._db.write() as conn:
            if not repository.set_club_logo(conn, club_id, None):
                raise NotFoundError.of(CLUB)
            return load_clubs(conn)

    def update_organisation(self, data: Mapping[str, object]) -> Organisation:
        """Set the organisation's name and the prefix of new member IDs."""
        fields = _read_organisation(data)
        with self._db.write() as conn:
            repository.save_organisation(conn, fields)
            return repository.organisation(conn)

    def set_organisation_logo(self, token: object) -> Organisation:
        """Brand the app with the logo chosen as `token`; the one it had is deleted."""
        with self._db.write() as conn:
            logo_id = self._media.store(conn, self._media.take(token, "logo"))
            repository.set_organisation_logo(conn, logo_id)
            return repository.organisation(conn)

    def remove_organisation_logo(self) -> Organisation:
        """Take the organisation's logo away (and delete it)."""
        with self._db.write() as conn:
            repository.set_organisation_logo(conn, None)
            return repository.organisation(conn)


def _read_club(
    conn: sqlite3.Connection, data: Mapping[str, object], club_id: int | None
) -> ClubFields:
    form = FormReader(data)
    name = form.text("name", _("Club name"), required=True, max_length=NAME_LENGTH)
    short_name = form.text(
        "short_name", _("Short name"), required=False, max_length=SHORT_NAME_LENGTH
    )
    federation = form.text("federation", _("Federation"), required=False, max_length=NAME_LENGTH)
    city = form.text("city", _("City"), required=False, max_length=NAME_LENGTH)
    contact = form.text(
        "contact", _("Contact"), required=False, max_length=CONTACT_LENGTH, multiline=True
    )
    if name is not None:
        key = club_key(name)
        for other_id, other_name in repository.club_names(conn):
            if other_id != club_id and club_key(other_name) == key:
                form.problem(
                    "name",
                    _(
                        "There is already a club called {name}. Club names must differ by "
                        "more than capital letters or spaces.",
                        name=other_name,
                    ),
                )
                break
    form.check()
    assert name is not None
    return ClubFields(name, short_name, federation, city, contact)


def _read_organisation(data: Mapping[str, object]) -> OrganisationFields:
    form = FormReader(data)
    name = form.text("name", _("Organisation name"), required=False, max_length=NAME_LENGTH)
    label = _("Member ID prefix")
    prefix = form.text("member_id_prefix", label, required=False, max_length=PREFIX_LENGTH)
    if prefix is not None and not PREFIX.fullmatch(prefix):
        form.problem(
            "member_id_prefix",
            _(
                "{label} can only hold the letters A to Z, digits, and the signs - _ . "
                "(for example BJC-).",
                label=label,
            ),
        )
    form.check()
    return OrganisationFields(name, prefix or "")
