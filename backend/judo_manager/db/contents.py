"""What a database file holds: one count per kind of record a coach recognises.

`RECORD_KINDS` is the one list of them. Backups record these counts, the restore preview
sets a backup's beside the current data's, and the command line and Settings print them, all
without naming a kind themselves: a table added here appears in each of those places. A
kind that is stored files (photos, documents) also adds up their size: "12 photos (8.1 MB)".
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from judo_manager.i18n import Message, _, _n, file_size, formatted, joined


@dataclass(frozen=True)
class ComparedField:
    """One value `db/comparison.py` compares, and how the coach reads it."""

    # What the coach calls the field ("weight (kg)").
    label: Message
    # Its SQL expression over the kind's table.
    expression: str
    # Values that are words for the coach, each as the coach reads it ("active").
    words: tuple[tuple[object, Message], ...] = ()
    # A calendar day kept as YYYY-MM-DD: shown as the coach's language writes dates.
    dated: bool = False
    # For a value no coach reads (a photo's SHA-256): the words for "there is one" and for
    # "there is another one", e.g. ("a photo", "a different photo"); none is "—".
    opaque: tuple[Message, Message] | None = None

    def change(self, current: object, other: object) -> tuple[Message, Message]:
        """Two different values, as the coach reads them side by side: "a photo" and "a
        different photo" for two digests."""
        if self.opaque is not None and current is not None and other is not None:
            return self.opaque
        return self.shown(current), self.shown(other)

    def shown(self, value: object) -> Message:
        """`value` as the coach reads it: a word or a date in the coach's language, or the
        value (as it is, when a file from elsewhere holds something else)."""
        if self.opaque is not None:
            return _plain(None) if value is None else self.opaque[0]
        if self.dated and isinstance(value, str):
            try:
                return formatted(dt.date.fromisoformat(value))
            except ValueError:
                pass
        return next((word for raw, word in self.words if raw == value), _plain(value))


@dataclass(frozen=True)
class Compared:
    """How `db/comparison.py` tells records of one kind apart and compares them.

    Each expression is SQL over the kind's table (aliased `record`), written here and never
    taken from a file. A child kind (with `RecordKind.parent`) is compared as its
    parent's rows, by `fields` alone.
    """

    # What the coach calls one record, e.g. the athlete's name.
    label: str = "NULL"
    # What names the same record in any club's file: an athlete's folded name and birth date.
    key: tuple[str, ...] = ()
    # The values compared.
    fields: tuple[ComparedField, ...] = ()
    # What a record keeps for life whatever is edited (when it was made): with the same id,
    # it tells a renamed athlete from another club's athlete who happens to share that id.
    lineage: str = "NULL"
    # A column that changes with every write to the record or its children (the athletes'
    # revision): what `comparison.since` compares, read by SQLite alone. Without one, a
    # digest of the compared values is.
    revision: str | None = None


@dataclass(frozen=True)
class RecordKind:
    """One kind of record, counted as the rows of its table.

    `table` names the kind in every count (and on the bridge); it is the table whose rows
    are counted, unless `count` says how to count them (photos: athletes who have one).
    """

    table: str
    # What the coach calls the kind, in a heading or a table's row: "athletes".
    name: Message
    # A number of them: "1 athlete", "3 athletes".
    counted: Callable[[int], Message]
    compared: Compared | None = None
    # For rows that belong to one record of another kind (a promotion to its athlete).
    parent: str | None = None
    parent_column: str | None = None
    # SQL giving their number, when it isn't every row of `table`.
    count: str | None = None
    # SQL giving the bytes of their stored files, for kinds that are files.
    bytes: str | None = None
    # The table a file must have to keep this kind at all, when it isn't `table`: a file
    # without it counts none of them, rather than zero.
    kept_in: str | None = None

    @property
    def count_sql(self) -> str:
        """The SQL that counts them."""
        return self.count or f'SELECT count(*) FROM "{self.table}"'


_BELT_NAME = "(SELECT name FROM belts WHERE belts.id = record.belt_id)"
_SEX_LETTERS = (
    # Translators: the letter for a female athlete (in Indonesian: P, perempuan).
    ("F", _("F")),
    # Translators: the letter for a male athlete (in Indonesian: L, laki-laki).
    ("M", _("M")),
)
# A medal's place as the page names it, rather than the value stored ("gold").
_MEDAL_PLACES = (("gold", _("gold")), ("silver", _("silver")), ("bronze", _("bronze")))
# A document's kind as the page names it, rather than the value stored ("licence_card").
_DOCUMENT_KINDS = (
    ("birth_certificate", _("birth certificate")),
    ("id_card", _("ID card")),
    ("licence_card", _("licence card")),
    ("medical_certificate", _("medical certificate")),
    ("grading_certificate", _("grading certificate")),
    ("medal_proof", _("medal proof")),
    ("other", _("other")),
)

# A tournament's result as the page names it, rather than the value stored ("dns").
_RESULTS = (
    ("1", _("1st place")),
    ("2", _("2nd place")),
    ("3", _("3rd place")),
    ("5", _("5th place")),
    ("7", _("7th place")),
    ("participated", _("took part")),
    ("dns", _("did not start")),
)
# An entry's weight class as federations write it ("-66 kg", "+100 kg"), or its own name.
_WEIGHT_CLASS_LABEL = (
    "(SELECT coalesce(w.name, (CASE w.over WHEN 1 THEN '+' ELSE '-' END) "
    "|| printf('%g', w.limit_kg) || ' kg') "
    "FROM tournament_weight_classes w WHERE w.id = record.weight_class_id)"
)


def _digest_of(column: str) -> str:
    """SQL for the SHA-256 of the stored file that `record.column` holds (or NULL)."""
    return f"(SELECT sha256 FROM media WHERE media.id = record.{column})"


# A stored image compared by its bytes' digest, which the coach never sees.
_PHOTO = (_("a photo"), _("a different photo"))
_LOGO = (_("a logo"), _("a different logo"))
_FILE = (_("a file"), _("a different file"))

RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        "athletes",
        _("athletes"),
        lambda count: _n("{count} athlete", "{count} athletes", count),
        Compared(
            label="full_name",
            key=("search_name", "birth_date"),
            lineage="created_at",
            revision="revision",
            # The fields of an athlete, as the restore preview names a change.
            fields=(
                ComparedField(_("name"), "full_name"),
                ComparedField(_("birth date"), "birth_date", dated=True),
                ComparedField(_("sex"), "sex", _SEX_LETTERS),
                ComparedField(_("belt"), _BELT_NAME),
                ComparedField(_("weight (kg)"), "weight_kg"),
                ComparedField(_("licence number"), "licence_number"),
                ComparedField(_("phone"), "phone"),
                ComparedField(_("email"), "email"),
                ComparedField(_("guardian"), "guardian_name"),
                ComparedField(_("guardian phone"), "guardian_phone"),
                ComparedField(_("notes"), "notes"),
                ComparedField(
                    _("status"),
                    "CASE active WHEN 1 THEN 'active' ELSE 'inactive' END",
                    (("active", _("active")), ("inactive", _("inactive"))),
                ),
                ComparedField(_("member ID"), "member_id"),
                ComparedField(
                    _("club"), "(SELECT name FROM clubs WHERE clubs.id = record.club_id)"
                ),
                ComparedField(_("date joined"), "joined_on", dated=True),
                ComparedField(_("address"), "address"),
                ComparedField(_("school"), "school"),
                ComparedField(_("licence valid until"), "licence_valid_until", dated=True),
                ComparedField(_("medical valid until"), "medical_valid_until", dated=True),
                ComparedField(_("photo"), _digest_of("photo_id"), opaque=_PHOTO),
            ),
        ),
    ),
    RecordKind(
        "promotions",
        _("promotions"),
        lambda count: _n("{count} promotion", "{count} promotions", count),
        Compared(
            fields=(
                ComparedField(_("date"), "promoted_on", dated=True),
                ComparedField(_("belt"), _BELT_NAME),
                ComparedField(_("examiner"), "examiner"),
            )
        ),
        parent="athletes",
        parent_column="athlete_id",
    ),
    RecordKind(
        "medals",
        _("medals"),
        lambda count: _n("{count} medal", "{count} medals", count),
        Compared(
            fields=(
                ComparedField(_("competition"), "competition"),
                ComparedField(_("date"), "held_on", dated=True),
                ComparedField(_("place"), "place", _MEDAL_PLACES),
                ComparedField(_("category"), "category"),
            )
        ),
        parent="athletes",
        parent_column="athlete_id",
    ),
    RecordKind(
        "photos",
        _("photos"),
        lambda count: _n("{count} photo", "{count} photos", count),
        # An athlete's photo (club and organisation logos are branding, not records).
        count="SELECT count(*) FROM athletes WHERE photo_id IS NOT NULL",
        bytes=(
            "SELECT coalesce(sum(media.byte_size), 0) FROM athletes "
            "JOIN media ON media.id = athletes.photo_id"
        ),
        kept_in="media",
    ),
    RecordKind(
        "documents",
        _("documents"),
        lambda count: _n("{count} document", "{count} documents", count),
        # A changed document is one only in each file: its athlete is listed as changed.
        Compared(
            fields=(
                ComparedField(_("kind"), "kind", _DOCUMENT_KINDS),
                ComparedField(_("title"), "title"),
                ComparedField(_("issued on"), "issued_on", dated=True),
                ComparedField(_("valid until"), "valid_until", dated=True),
                ComparedField(_("notes"), "notes"),
                # The file itself, by its digest: a scan replaced is a document changed.
                ComparedField(_("file"), _digest_of("media_id"), opaque=_FILE),
            )
        ),
        parent="athletes",
        parent_column="athlete_id",
        bytes=(
            "SELECT coalesce(sum(media.byte_size), 0) FROM documents "
            "JOIN media ON media.id = documents.media_id"
        ),
    ),
    RecordKind(
        "clubs",
        _("clubs"),
        lambda count: _n("{count} club", "{count} clubs", count),
        Compared(
            label="name",
            # Two clubs can't share a name, whatever its case.
            key=("lower(name)",),
            lineage="created_at",
            fields=(
                ComparedField(_("name"), "name"),
                ComparedField(_("short name"), "short_name"),
                ComparedField(_("federation"), "federation"),
                ComparedField(_("city"), "city"),
                ComparedField(_("contact"), "contact"),
                ComparedField(_("logo"), _digest_of("logo_id"), opaque=_LOGO),
            ),
        ),
    ),
    RecordKind(
        "tournaments",
        _("tournaments"),
        lambda count: _n("{count} tournament", "{count} tournaments", count),
        Compared(
            label="name",
            # The same name on the same first day is the same tournament in any club's file.
            key=("lower(name)", "starts_on"),
            lineage="created_at",
            fields=(
                ComparedField(_("name"), "name"),
                ComparedField(_("first day"), "starts_on", dated=True),
                ComparedField(_("last day"), "ends_on", dated=True),
                ComparedField(_("location"), "location"),
                ComparedField(_("organiser"), "organiser"),
                ComparedField(_("entry deadline"), "entry_deadline", dated=True),
                ComparedField(_("notes"), "notes"),
            ),
        ),
    ),
    RecordKind(
        "tournament_entries",
        _("tournament entries"),
        lambda count: _n("{count} tournament entry", "{count} tournament entries", count),
        # An entry differs by who entered, where, and how it went; ids differ between clubs.
        Compared(
            fields=(
                ComparedField(
                    _("athlete"),
                    "(SELECT full_name FROM athletes WHERE athletes.id = record.athlete_id)",
                ),
                ComparedField(
                    _("age category"),
                    "(SELECT code FROM tournament_categories c WHERE c.id = record.category_id)",
                ),
                ComparedField(_("weight class"), _WEIGHT_CLASS_LABEL),
                ComparedField(_("weigh-in (kg)"), "weigh_in_kg"),
                ComparedField(_("result"), "result", _RESULTS),
            )
        ),
        parent="tournaments",
        parent_column="tournament_id",
    ),
)
KINDS_BY_TABLE = {kind.table: kind for kind in RECORD_KINDS}


class Contents(Mapping[str, int | None]):
    """{kind: count}, in the order of RECORD_KINDS; None where the file's schema version has
    no such table (a backup from before promotions were kept records none, rather than
    zero). Kinds that are files also have their total size (`size`)."""

    __slots__ = ("_counts", "_sizes")

    def __init__(
        self, counts: Mapping[str, int | None], sizes: Mapping[str, int] | None = None
    ) -> None:
        self._counts = dict(counts)
        self._sizes = dict(sizes or {})

    def __getitem__(self, kind: str) -> int | None:
        return self._counts[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    def __repr__(self) -> str:
        return f"Contents({self._counts!r}, {self._sizes!r})"

    def size(self, kind: str) -> int | None:
        """The bytes of the kind's stored files; None for a kind that isn't files, or that
        the file doesn't keep."""
        return self._sizes.get(kind)

    def as_record(self) -> dict[str, object]:
        """As the backup log keeps it in JSON: the counts, and the sizes under `bytes`."""
        record: dict[str, object] = dict(self._counts)
        if self._sizes:
            record[_SIZES] = dict(self._sizes)
        return record

    @classmethod
    def from_record(cls, value: object) -> Contents | None:
        """Read back `as_record`'s JSON value (from a log that may come from another
        computer's backup: whatever isn't a count is no count)."""
        if not isinstance(value, dict):
            return None
        sizes = value.get(_SIZES)
        return cls(
            {str(k): _integer(v) for k, v in value.items() if k != _SIZES},
            {str(k): v for k, v in sizes.items() if _integer(v) is not None}
            if isinstance(sizes, dict)
            else None,
        )


# The key under which the backup log keeps sizes beside the counts (no kind is named so).
_SIZES = "bytes"


def _integer(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def count_contents(conn: sqlite3.Connection) -> Contents:
    """Count every kind of record, as far as the file's schema has its table, and add up
    the size of those that are stored files."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    counts: dict[str, int | None] = {}
    sizes: dict[str, int] = {}
    for kind in RECORD_KINDS:
        if (kind.kept_in or kind.table) not in tables:
            counts[kind.table] = None
            continue
        # Every statement comes from RECORD_KINDS above, never from the file.
        counts[kind.table] = int(conn.execute(kind.count_sql).fetchone()[0])
        if kind.bytes is not None:
            sizes[kind.table] = int(conn.execute(kind.bytes).fetchone()[0])
    return Contents(counts, sizes)


def describe_counts(contents: Mapping[str, int | None]) -> Message:
    """`3 athletes, 12 photos (8.1 MB) and 0 medals`: for the command line."""
    return joined(
        describe_count(kind, count, _size_of(contents, kind.table))
        for kind in RECORD_KINDS
        if (count := contents.get(kind.table)) is not None
    )


def describe_count(kind: RecordKind, count: int, size: int | None) -> Message:
    """`12 photos (8.1 MB)`, or `3 athletes` for a kind that isn't files (or none of them)."""
    if not count or size is None:
        return kind.counted(count)
    # Translators: {records} is a count such as "12 photos"; {size} such as "8.1 MB".
    return _("{records} ({size})", records=kind.counted(count), size=file_size(size))


def _size_of(contents: Mapping[str, int | None], kind: str) -> int | None:
    return contents.size(kind) if isinstance(contents, Contents) else None


def _plain(value: object) -> Message:
    """A value as the coach reads it: 45.0 is 45 (44.5 is "44,5" in Indonesian), and
    nothing is "—"."""
    if value is None or value == "":
        return formatted("—")
    return formatted(value if isinstance(value, float) else str(value))


@dataclass(frozen=True)
class FileSummary:
    """What one database file holds, and its size on disk."""

    contents: Contents
    bytes: int


def summarize(conn: sqlite3.Connection, size_bytes: int) -> FileSummary:
    """The file's counts, as `count_contents`, and its size."""
    return FileSummary(count_contents(conn), size_bytes)
