"""Which field each column of the coach's spreadsheet holds, guessed from its header.

Headers are compared folded: without case, accents or punctuation, so "Tgl. Lahir",
"tgl lahir" and "TGL_LAHIR" are one. The names are the ones clubs write in English and
Bahasa Indonesia, and the headers `athletes export` writes in every language the app speaks
(the roster report's column labels), so an exported roster comes back in as it went out;
its columns the importer has no field for (age, age category, weight class) are known as
such and left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from judo_manager.athletes.names import search_key
from judo_manager.i18n import LANGUAGES, Message, _, translate
from judo_manager.imports.model import ImportField
from judo_manager.reports import roster

_NOT_A_LETTER = re.compile(r"[^0-9a-z]+")

# The field each column of the roster report (what `athletes export` writes) fills; None
# for a column worked out from others, which nothing reads back. Its labels are taken from
# the report itself, so each language's translation is recognised as well.
ROSTER_COLUMNS: dict[str, ImportField | None] = {
    "member_id": "memberId",
    "name": "fullName",
    "birth_date": "birthDate",
    "birth_year": None,
    "age": None,
    "sex": "sex",
    "belt": "belt",
    "weight": "weight",
    "club": "club",
    "category": None,
    "weight_class": None,
    "licence_number": "licenceNumber",
    "licence_until": "licenceValidUntil",
    "medical_until": "medicalValidUntil",
    "phone": "phone",
    "email": "email",
    "guardian_name": "guardianName",
    "guardian_phone": "guardianPhone",
    "joined_on": "joinedOn",
}
# The athlete form's labels that no roster column has.
_FORM_HEADERS: dict[ImportField, tuple[Message, ...]] = {
    "fullName": (_("Full name"),),
    "address": (_("Address"),),
    "school": (_("School"),),
    "notes": (_("Notes"),),
}
# What clubs write, English and Indonesian, already folded.
_WRITTEN: dict[ImportField, tuple[str, ...]] = {
    "fullName": (
        "name", "full name", "athlete", "athlete name", "nama", "nama lengkap", "nama atlet",
        "atlet",
    ),
    "firstName": ("first name", "given name", "forename", "nama depan", "nama awal"),
    "lastName": (
        "last name", "surname", "family name", "nama belakang", "nama keluarga", "marga",
    ),
    # Not "TTL" (Tempat, Tanggal Lahir): "Bogor, 3 Mei 2011" holds the birthplace too, so
    # it is left for the coach to choose rather than guessed.
    "birthDate": (
        "date of birth", "dob", "d o b", "birth date", "birthdate", "birthday", "born",
        "tanggal lahir", "tgl lahir", "tgl lhr", "tanggal lhr",
    ),
    "sex": ("sex", "gender", "jenis kelamin", "kelamin", "l p", "jk", "m f"),
    "belt": ("belt", "grade", "rank", "kyu dan", "sabuk", "tingkatan", "tingkat", "kyu"),
    "weight": (
        "weight", "weight kg", "weight in kg", "kg", "berat", "berat badan", "berat kg",
        "berat badan kg", "bb", "bb kg",
    ),
    "club": ("club", "klub", "perguruan", "dojo", "club name", "nama klub", "cabang"),
    "licenceNumber": (
        "licence", "license", "licence no", "license no", "licence number",
        "license number", "licence nr", "no lisensi", "nomor lisensi", "lisensi",
    ),
    "memberId": (
        "member id", "member no", "member number", "membership no", "id", "id anggota",
        "no anggota", "nomor anggota", "no induk",
    ),
    "joinedOn": (
        "joined", "date joined", "joined on", "member since", "tanggal bergabung",
        "tgl bergabung", "bergabung", "tanggal masuk", "tgl masuk",
    ),
    "licenceValidUntil": (
        "licence valid until", "license valid until", "licence expiry", "license expiry",
        "licence expires", "license expires", "lisensi berlaku sampai",
        "masa berlaku lisensi",
    ),
    "medicalValidUntil": (
        "medical valid until", "medical expiry", "medical expires", "medical until",
        "surat keterangan sehat berlaku sampai", "surat sehat berlaku sampai",
        "masa berlaku surat sehat",
    ),
    "phone": (
        "phone", "telephone", "mobile", "cell", "phone number", "hp", "no hp", "nomor hp",
        "telepon", "no telepon", "telp", "no telp", "wa", "no wa",
    ),
    "email": ("email", "e mail", "email address", "surel", "alamat email"),
    "guardianName": (
        "parent", "parent name", "guardian", "guardian name", "parent guardian",
        "orang tua", "nama orang tua", "wali", "nama wali", "orang tua wali",
    ),
    "guardianPhone": (
        "parent phone", "guardian phone", "parent s phone", "hp orang tua",
        "no hp orang tua", "telepon orang tua", "hp wali", "no hp wali", "telepon wali",
    ),
    "address": ("address", "home address", "alamat", "alamat rumah"),
    "school": ("school", "sekolah", "nama sekolah", "asal sekolah"),
    "notes": ("notes", "note", "remarks", "comments", "catatan", "keterangan"),
}  # fmt: skip


def header_key(text: str) -> str:
    """A header folded for matching: "Tgl. Lahir" and "TGL_LAHIR" give "tgl lahir"."""
    return " ".join(_NOT_A_LETTER.sub(" ", search_key(text.replace("_", " "))).split())


@functools.cache
def _known_headers() -> dict[str, ImportField | None]:
    # The app's own headers first: what it writes comes back as what it meant, whatever a
    # club's word for something else happens to be in some language.
    app: list[tuple[Message, ImportField | None]] = [
        (column.label, ROSTER_COLUMNS.get(column.key)) for column in roster.FIELDS
    ]
    app += [(label, field) for field, labels in _FORM_HEADERS.items() for label in labels]
    known: dict[str, ImportField | None] = {}
    for label, field in app:
        for language in LANGUAGES:
            known.setdefault(header_key(translate(label, language.code)), field)
    for field, written in _WRITTEN.items():
        for text in written:
            known.setdefault(text, field)
    return known


def guess_field(header: str) -> ImportField | None:
    """The field a header names, or None when it names none the app knows."""
    key = header_key(header)
    return _known_headers().get(key) if key else None


def guess_columns(headers: Sequence[str]) -> list[ImportField | None]:
    """The field of each column, by its header; each field for its first column only (a
    second "Phone" column is left for the coach to say what it is)."""
    taken: set[ImportField] = set()
    guessed: list[ImportField | None] = []
    for header in headers:
        field = guess_field(header)
        if field is not None and field in taken:
            field = None
        if field is not None:
            taken.add(field)
        guessed.append(field)
    return guessed
