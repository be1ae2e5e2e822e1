"""Ordered schema migrations, bookkept in `PRAGMA user_version`.

Each migration is a function applied inside one transaction together with the new
`user_version`, so a crash leaves the schema at a whole version. `PRAGMA application_id`
marks the file as Judo Manager's.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable

from judo_manager.db.stamp import BACKED_UP_THROUGH_KEY, TAKEN_AT_KEY
from judo_manager.i18n import _, current_language, speaking, translate

# "JUDO" in ASCII.
APPLICATION_ID = 0x4A55444F

Migration = Callable[[sqlite3.Connection], None]


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction.

    `Connection.executescript` would commit the open transaction first, which would make a
    migration half-applied after a crash.
    """
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                conn.execute(statement)
            statement = ""


def _v1_initial(conn: sqlite3.Connection) -> None:
    execute_script(
        conn,
        """
        CREATE TABLE clubs (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
            federation  TEXT,
            city        TEXT,
            created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE TABLE athletes (
            id          INTEGER PRIMARY KEY,
            club_id     INTEGER REFERENCES clubs(id) ON DELETE SET NULL,
            full_name   TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
            birth_date  TEXT NOT NULL,
            sex         TEXT NOT NULL CHECK (sex IN ('F', 'M')),
            weight_kg   REAL,
            active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX athletes_club ON athletes(club_id);
        CREATE TABLE app_settings (
            key    TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )


def _v2_backup_log(conn: sqlite3.Connection) -> None:
    execute_script(
        conn,
        """
        CREATE TABLE backup_log (
            id             INTEGER PRIMARY KEY,
            started_at     TEXT NOT NULL,
            finished_at    TEXT NOT NULL,
            path           TEXT NOT NULL,
            bytes          INTEGER,
            duration_ms    INTEGER NOT NULL,
            athlete_count  INTEGER,
            ok             INTEGER NOT NULL CHECK (ok IN (0, 1)),
            error          TEXT
        );
        CREATE INDEX backup_log_ok_finished ON backup_log(ok, finished_at);
        """,
    )


# The common European kyu ladder, then the dan grades: (name, kind, colour, second colour).
# A new club gets them in the language the app speaks when its data is made; from then on
# they are the club's own data, never translated again.
_DEFAULT_BELTS = (
    # Translators: the default belt ladder of a new club, as clubs in your language name it.
    (_("White"), "kyu", "#ffffff", None),
    (_("White-Yellow"), "kyu", "#ffffff", "#facc15"),
    (_("Yellow"), "kyu", "#facc15", None),
    (_("Yellow-Orange"), "kyu", "#facc15", "#f97316"),
    (_("Orange"), "kyu", "#f97316", None),
    (_("Orange-Green"), "kyu", "#f97316", "#16a34a"),
    (_("Green"), "kyu", "#16a34a", None),
    (_("Blue"), "kyu", "#2563eb", None),
    (_("Brown"), "kyu", "#78350f", None),
    (_("1st Dan"), "dan", "#111111", None),
    (_("2nd Dan"), "dan", "#111111", None),
    (_("3rd Dan"), "dan", "#111111", None),
    (_("4th Dan"), "dan", "#111111", None),
    (_("5th Dan"), "dan", "#111111", None),
    (_("6th Dan"), "dan", "#dc2626", "#ffffff"),
    (_("7th Dan"), "dan", "#dc2626", "#ffffff"),
    (_("8th Dan"), "dan", "#dc2626", "#ffffff"),
    (_("9th Dan"), "dan", "#dc2626", None),
    (_("10th Dan"), "dan", "#dc2626", None),
)
# The IJF's categories; the kids' bands differ between federations and are meant to be edited.
# The codes are the same in every language.
_DEFAULT_RULESET = _("IJF age categories")
_DEFAULT_CATEGORIES = (
    # Translators: the default age categories of a new club.
    ("U9", _("Under 9"), 5, 8),
    ("U11", _("Under 11"), 9, 10),
    ("U13", _("Under 13"), 11, 12),
    ("U15", _("Under 15"), 13, 14),
    ("U18", _("Cadets"), 15, 17),
    ("U21", _("Juniors"), 15, 20),
    ("SEN", _("Seniors"), 15, None),
    ("VET", _("Veterans"), 30, None),
)


# A frozen copy of how names were folded for search when version 3 was written: a migration
# must mean the same thing forever, whatever `athletes.names.search_key` becomes.
_V3_BASE_LETTERS = str.maketrans(
    {**dict(zip("łøđðıħŧ", "loddiht", strict=True)), "æ": "ae", "œ": "oe", "þ": "th"}
)


def _v3_search_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_V3_BASE_LETTERS))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _v3_roster(conn: sqlite3.Connection) -> None:
    # No index on promotions' belt columns: only deleting a belt, which is rare, looks them
    # up, and a club's history is scanned in milliseconds.
    # The athletes table gains a belt and contact fields, so it is rebuilt. Athletes from
    # older files keep no belt (NULL) rather than an invented one, and no weight if they had
    # none: the form asks for both the next time they are edited.
    conn.create_function("search_key", 1, _v3_search_key, deterministic=True)
    execute_script(
        conn,
        """
        CREATE TABLE belts (
            id            INTEGER PRIMARY KEY,
            rank          INTEGER NOT NULL UNIQUE,
            name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            kind          TEXT NOT NULL CHECK (kind IN ('kyu', 'dan')),
            color         TEXT NOT NULL,
            second_color  TEXT
        );
        CREATE TABLE rulesets (
            id      INTEGER PRIMARY KEY,
            name    TEXT NOT NULL CHECK (length(trim(name)) > 0),
            active  INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
        );
        CREATE UNIQUE INDEX rulesets_one_active ON rulesets(active) WHERE active = 1;
        CREATE TABLE age_categories (
            id          INTEGER PRIMARY KEY,
            ruleset_id  INTEGER NOT NULL REFERENCES rulesets(id) ON DELETE CASCADE,
            code        TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(code)) > 0),
            name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
            min_age     INTEGER NOT NULL CHECK (min_age >= 0),
            max_age     INTEGER CHECK (max_age IS NULL OR max_age >= min_age),
            UNIQUE (ruleset_id, code)
        );
        CREATE TABLE athletes_v3 (
            id              INTEGER PRIMARY KEY,
            club_id         INTEGER REFERENCES clubs(id) ON DELETE SET NULL,
            full_name       TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
            search_name     TEXT NOT NULL,
            birth_date      TEXT NOT NULL,
            sex             TEXT NOT NULL CHECK (sex IN ('F', 'M')),
            belt_id         INTEGER REFERENCES belts(id) ON DELETE RESTRICT,
            weight_kg       REAL,
            licence_number  TEXT,
            phone           TEXT,
            email           TEXT,
            guardian_name   TEXT,
            guardian_phone  TEXT,
            notes           TEXT,
            active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        INSERT INTO athletes_v3 (id, club_id, full_name, search_name, birth_date, sex,
                                 weight_kg, active, created_at, updated_at)
            SELECT id, club_id, full_name, search_key(full_name), birth_date, sex,
                   weight_kg, active, created_at, updated_at
            FROM athletes;
        DROP TABLE athletes;
        ALTER TABLE athletes_v3 RENAME TO athletes;
        CREATE INDEX athletes_club ON athletes(club_id);
        CREATE INDEX athletes_belt ON athletes(belt_id);
        CREATE INDEX athletes_birth_date ON athletes(birth_date);
        CREATE INDEX athletes_active_sex ON athletes(active, sex);
        CREATE TABLE promotions (
            id            INTEGER PRIMARY KEY,
            athlete_id    INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
            promoted_on   TEXT NOT NULL,
            belt_id       INTEGER NOT NULL REFERENCES belts(id) ON DELETE RESTRICT,
            from_belt_id  INTEGER REFERENCES belts(id) ON DELETE RESTRICT,
            examiner      TEXT,
            notes         TEXT,
            created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX promotions_athlete ON promotions(athlete_id, promoted_on, id);
        CREATE TABLE medals (
            id           INTEGER PRIMARY KEY,
            athlete_id   INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
            competition  TEXT NOT NULL CHECK (length(trim(competition)) > 0),
            held_on      TEXT NOT NULL,
            place        TEXT NOT NULL CHECK (place IN ('gold', 'silver', 'bronze')),
            category     TEXT,
            created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX medals_athlete ON medals(athlete_id, held_on, id);
        ALTER TABLE backup_log ADD COLUMN promotion_count INTEGER;
        ALTER TABLE backup_log ADD COLUMN medal_count INTEGER;
        """,
    )
    # Named in the language `migrate` speaks (see there).
    conn.executemany(
        "INSERT INTO belts(rank, name, kind, color, second_color) VALUES (?, ?, ?, ?, ?)",
        [
            (rank, translate(name), *rest)
            for rank, (name, *rest) in enumerate(_DEFAULT_BELTS, start=1)
        ],
    )
    ruleset_id = conn.execute(
        "INSERT INTO rulesets(name, active) VALUES (?, 1)", (translate(_DEFAULT_RULESET),)
    ).lastrowid
    conn.executemany(
        "INSERT INTO age_categories(ruleset_id, code, name, min_age, max_age) "
        "VALUES (?, ?, ?, ?, ?)",
        [(ruleset_id, code, translate(name), *ages) for code, name, *ages in _DEFAULT_CATEGORIES],
    )


def _v4_backup_log_contents(conn: sqlite3.Connection) -> None:
    # What each backup held becomes one JSON object {table: count}, so a table added later
    # is recorded without a column of its own. Old rows keep their counts (null stays null).
    execute_script(
        conn,
        """
        ALTER TABLE backup_log ADD COLUMN contents TEXT;
        UPDATE backup_log SET contents = json_object(
            'athletes', athlete_count, 'promotions', promotion_count, 'medals', medal_count)
            WHERE ok = 1;
        ALTER TABLE backup_log DROP COLUMN athlete_count;
        ALTER TABLE backup_log DROP COLUMN promotion_count;
        ALTER TABLE backup_log DROP COLUMN medal_count;
        """,
    )


def _v5_backup_log_kind(conn: sqlite3.Connection) -> None:
    # The log becomes this computer's history, carried across restores: it records the
    # restores and undos too, and "last backup" reads only the backups.
    conn.execute(
        "ALTER TABLE backup_log ADD COLUMN kind TEXT NOT NULL DEFAULT 'backup' "
        "CHECK (kind IN ('backup', 'restore', 'undo'))"
    )


# The columns each revision trigger watches, frozen as version 6 had them: a write that
# changes none of them (a no-op rewrite, such as a restore's CHECK pass) keeps the revision.
_V6_WATCHED = {
    "athletes": (
        "club_id", "full_name", "search_name", "birth_date", "sex", "belt_id", "weight_kg",
        "licence_number", "phone", "email", "guardian_name", "guardian_phone", "notes",
        "active", "created_at", "updated_at",
    ),
    "promotions": (
        "athlete_id", "promoted_on", "belt_id", "from_belt_id", "examiner", "notes", "created_at",
    ),
    "medals": ("athlete_id", "competition", "held_on", "place", "category", "created_at"),
}  # fmt: skip
_NEW_REVISION = "lower(hex(randomblob(8)))"


def _v6_athlete_revisions(conn: sqlite3.Connection) -> None:
    # Every write from the page names the revision of the athlete it was loaded from, so a
    # form opened before a restore can't save over another club's athlete with the same id.
    # A random token rather than a counter: two clubs' athlete 5 both at "version 1" would
    # match. It covers the athlete's promotions and medals, the record the page shows, and
    # the triggers keep it whatever code path writes.
    def changed(table: str) -> str:
        return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _V6_WATCHED[table])

    execute_script(
        conn,
        f"""
        ALTER TABLE athletes ADD COLUMN revision TEXT NOT NULL DEFAULT '';
        UPDATE athletes SET revision = {_NEW_REVISION};
        CREATE TRIGGER athletes_revision_on_insert AFTER INSERT ON athletes
        BEGIN
            UPDATE athletes SET revision = {_NEW_REVISION} WHERE id = NEW.id;
        END;
        CREATE TRIGGER athletes_revision_on_update AFTER UPDATE ON athletes
        WHEN NEW.revision = OLD.revision AND ({changed("athletes")})
        BEGIN
            UPDATE athletes SET revision = {_NEW_REVISION} WHERE id = NEW.id;
        END;
        """,
    )
    for table in ("promotions", "medals"):
        for event, when, owners in (
            ("INSERT", "", "NEW.athlete_id"),
            ("UPDATE", f"WHEN {changed(table)}", "NEW.athlete_id, OLD.athlete_id"),
            ("DELETE", "", "OLD.athlete_id"),
        ):
            conn.execute(
                f"CREATE TRIGGER {table}_revision_on_{event.lower()} AFTER {event} ON {table} "
                f"{when} BEGIN UPDATE athletes SET revision = {_NEW_REVISION} "
                f"WHERE id IN ({owners}); END"
            )


# The columns each revision trigger watches from version 7 on: the athlete's new profile
# fields, photo and proofs too. Frozen like version 6's.
_V7_WATCHED = {
    "athletes": (
        *_V6_WATCHED["athletes"], "member_id", "joined_on", "address", "school",
        "licence_valid_until", "medical_valid_until", "photo_id",
    ),
    "promotions": (*_V6_WATCHED["promotions"], "proof_document_id"),
    "medals": (*_V6_WATCHED["medals"], "proof_document_id"),
    "documents": (
        "athlete_id", "media_id", "kind", "title", "issued_on", "valid_until", "notes",
        "created_at",
    ),
}  # fmt: skip
# What a new club's member IDs start with until the coach sets a prefix in Settings.
DEFAULT_MEMBER_ID_PREFIX = "JM-"


def _v7_unique_club_names(conn: sqlite3.Connection) -> None:
    # Club names become unique whatever their case (A to Z, as NOCASE folds), but version 6
    # took "dojo a" beside "Dojo A", and `demo --force` added "Demo Judo Club" once more: the
    # first of each name keeps it, and each later one takes the first free number after it,
    # "dojo a (2)", so every club and its athletes come through, told apart.
    earlier = "SELECT 1 FROM clubs WHERE name = ? COLLATE NOCASE AND id < ?"
    taken = "SELECT 1 FROM clubs WHERE name = ? COLLATE NOCASE AND id != ?"
    for club_id, name in conn.execute("SELECT id, name FROM clubs ORDER BY id").fetchall():
        if conn.execute(earlier, (name, club_id)).fetchone() is None:
            continue
        number = 2
        while conn.execute(taken, (f"{name} ({number})", club_id)).fetchone() is not None:
            number += 1
        conn.execute("UPDATE clubs SET name = ? WHERE id = ?", (f"{name} ({number})", club_id))


def _v7_athlete_records(conn: sqlite3.Connection) -> None:
    # Photos, documents and logos live inside the database, so a backup stays one verified
    # snapshot. A stored file's bytes sit in a table of their own: listing documents or
    # drawing thumbnails never walks the pages of a 20 MB original, and the original is read
    # in pieces through SQLite's incremental blob I/O (its rowid is the media id).
    # Each stored file has exactly one holder (a photo, a document, a logo); the triggers
    # delete it with its holder, or when the holder takes another.
    def changed(table: str) -> str:
        return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _V7_WATCHED[table])

    _v7_unique_club_names(conn)
    execute_script(
        conn,
        f"""
        CREATE TABLE media (
            id          INTEGER PRIMARY KEY,
            media_type  TEXT NOT NULL CHECK (media_type IN
                            ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
            file_name   TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
            byte_size   INTEGER NOT NULL CHECK (byte_size > 0),
            sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
            width       INTEGER CHECK (width IS NULL OR width > 0),
            height      INTEGER CHECK (height IS NULL OR height > 0),
            thumbnail   BLOB,
            created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE TABLE media_data (
            media_id  INTEGER PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
            data      BLOB NOT NULL
        );
        CREATE TABLE documents (
            id           INTEGER PRIMARY KEY,
            athlete_id   INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
            media_id     INTEGER NOT NULL UNIQUE REFERENCES media(id) ON DELETE RESTRICT,
            kind         TEXT NOT NULL CHECK (kind IN ('birth_certificate', 'id_card',
                             'licence_card', 'medical_certificate', 'grading_certificate',
                             'medal_proof', 'other')),
            title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
            issued_on    TEXT,
            valid_until  TEXT CHECK (valid_until IS NULL OR issued_on IS NULL
                             OR valid_until >= issued_on),
            notes        TEXT,
            created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX documents_athlete ON documents(athlete_id, kind, valid_until);
        CREATE TABLE organisation (
            id                INTEGER PRIMARY KEY CHECK (id = 1),
            name              TEXT CHECK (name IS NULL OR length(trim(name)) > 0),
            logo_id           INTEGER REFERENCES media(id) ON DELETE SET NULL,
            member_id_prefix  TEXT NOT NULL DEFAULT '{DEFAULT_MEMBER_ID_PREFIX}'
        );
        INSERT INTO organisation(id) VALUES (1);
        ALTER TABLE clubs ADD COLUMN short_name TEXT;
        ALTER TABLE clubs ADD COLUMN contact TEXT;
        ALTER TABLE clubs ADD COLUMN logo_id INTEGER REFERENCES media(id) ON DELETE SET NULL;
        CREATE UNIQUE INDEX clubs_name ON clubs(name COLLATE NOCASE);
        ALTER TABLE athletes ADD COLUMN member_id TEXT
            CHECK (member_id IS NULL OR length(trim(member_id)) > 0);
        ALTER TABLE athletes ADD COLUMN joined_on TEXT;
        ALTER TABLE athletes ADD COLUMN address TEXT;
        ALTER TABLE athletes ADD COLUMN school TEXT;
        ALTER TABLE athletes ADD COLUMN licence_valid_until TEXT;
        ALTER TABLE athletes ADD COLUMN medical_valid_until TEXT;
        ALTER TABLE athletes ADD COLUMN photo_id INTEGER REFERENCES media(id) ON DELETE SET NULL;
        UPDATE athletes SET member_id = (
            SELECT '{DEFAULT_MEMBER_ID_PREFIX}' || printf('%03d', numbered.n)
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM athletes) AS numbered
            WHERE numbered.id = athletes.id);
        CREATE UNIQUE INDEX athletes_member_id ON athletes(member_id COLLATE NOCASE);
        ALTER TABLE promotions ADD COLUMN proof_document_id INTEGER
            REFERENCES documents(id) ON DELETE SET NULL;
        ALTER TABLE medals ADD COLUMN proof_document_id INTEGER
            REFERENCES documents(id) ON DELETE SET NULL;
        CREATE TRIGGER documents_media_on_delete AFTER DELETE ON documents
        BEGIN
            DELETE FROM media WHERE id = OLD.media_id;
        END;
        DROP TRIGGER athletes_revision_on_update;
        CREATE TRIGGER athletes_revision_on_update AFTER UPDATE ON athletes
        WHEN NEW.revision = OLD.revision AND ({changed("athletes")})
        BEGIN
            UPDATE athletes SET revision = {_NEW_REVISION} WHERE id = NEW.id;
        END;
        DROP TRIGGER promotions_revision_on_update;
        DROP TRIGGER medals_revision_on_update;
        """,
    )
    # A photo's or logo's file goes when its holder does, or takes another. The organisation
    # is one row, never deleted.
    for table, column, events in (
        ("athletes", "photo_id", ("DELETE", "UPDATE")),
        ("clubs", "logo_id", ("DELETE", "UPDATE")),
        ("organisation", "logo_id", ("UPDATE",)),
    ):
        name = column.removesuffix("_id")
        for event in events:
            on = f"UPDATE OF {column}" if event == "UPDATE" else event
            replaced = f" AND OLD.{column} IS NOT NEW.{column}" if event == "UPDATE" else ""
            conn.execute(
                f"CREATE TRIGGER {table}_{name}_on_{event.lower()} AFTER {on} ON {table} "
                f"WHEN OLD.{column} IS NOT NULL{replaced} "
                f"BEGIN DELETE FROM media WHERE id = OLD.{column}; END"
            )
    for table in ("promotions", "medals", "documents"):
        for event, when, owners in (
            ("INSERT", "", "NEW.athlete_id"),
            ("UPDATE", f"WHEN {changed(table)}", "NEW.athlete_id, OLD.athlete_id"),
            ("DELETE", "", "OLD.athlete_id"),
        ):
            if table != "documents" and event != "UPDATE":
                continue  # version 6's stand
            conn.execute(
                f"CREATE TRIGGER {table}_revision_on_{event.lower()} AFTER {event} ON {table} "
                f"{when} BEGIN UPDATE athletes SET revision = {_NEW_REVISION} "
                f"WHERE id IN ({owners}); END"
            )


# The IJF's weight classes (2017 on) for cadets, juniors, seniors and veterans, and a ladder
# for each kids' band that many federations use, to be edited: kids' classes differ most
# between federations. Each is "up to and including N kg"; the last number is also the
# "over N kg" class. Keyed by the default categories' codes: a club that renamed its codes
# gets no classes for those and adds its own.
_IJF_CADET = {"M": (50, 55, 60, 66, 73, 81, 90), "F": (40, 44, 48, 52, 57, 63, 70)}
_IJF_SENIOR = {"M": (60, 66, 73, 81, 90, 100), "F": (48, 52, 57, 63, 70, 78)}
_DEFAULT_WEIGHT_CLASSES: dict[str, dict[str, tuple[float, ...]]] = {
    "U9": {"M": (20, 23, 26, 29, 32, 36), "F": (20, 23, 26, 29, 32, 36)},
    "U11": {"M": (24, 27, 30, 34, 38, 42, 46), "F": (22, 25, 28, 32, 36, 40, 44)},
    "U13": {"M": (30, 34, 38, 42, 46, 50, 55), "F": (28, 32, 36, 40, 44, 48, 52)},
    "U15": {"M": (34, 38, 42, 46, 50, 55, 60, 66), "F": (32, 36, 40, 44, 48, 52, 57, 63)},
    "U18": _IJF_CADET,
    "U21": _IJF_SENIOR,
    "SEN": _IJF_SENIOR,
    "VET": _IJF_SENIOR,
}
# A tournament's place for an entry: 1st, 2nd, 3rd, 5th, 7th, took part, did not start.
_RESULTS = "'1', '2', '3', '5', '7', 'participated', 'dns'"


def _weight_class_table(name: str, categories: str, key: str) -> str:
    # "Up to and including limit_kg", or with `over`, "over limit_kg": one of those per
    # category and sex, the heaviest. The ladder's order is the limits' order.
    return f"""
        CREATE TABLE {name} (
            id           {key},
            category_id  INTEGER NOT NULL REFERENCES {categories}(id) ON DELETE CASCADE,
            sex          TEXT NOT NULL CHECK (sex IN ('F', 'M')),
            limit_kg     REAL NOT NULL CHECK (limit_kg > 0 AND limit_kg <= 300),
            over         INTEGER NOT NULL DEFAULT 0 CHECK (over IN (0, 1)),
            name         TEXT CHECK (name IS NULL OR length(trim(name)) > 0),
            UNIQUE (category_id, sex, over, limit_kg)
        );
        CREATE UNIQUE INDEX {name}_one_over ON {name}(category_id, sex) WHERE over = 1;
    """


def _v8_tournaments(conn: sqlite3.Connection) -> None:
    # Weight classes belong to an age category of the ruleset. A tournament keeps a copy of
    # the categories and classes taken when it was created, so editing the club's ruleset
    # later leaves past tournaments as they were. An entry names its copied category and
    # class; a result of 1st to 3rd is also a medal in the athlete's history, linked both
    # ways (the medal names the tournament, the entry names the medal).
    # A tournament's ids are never given again (AUTOINCREMENT): an athlete's delete undone
    # after their tournament was deleted and another created must not land in the new one.
    execute_script(
        conn,
        _weight_class_table("weight_classes", "age_categories", "INTEGER PRIMARY KEY")
        + """
        CREATE TABLE tournaments (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
            starts_on        TEXT NOT NULL,
            ends_on          TEXT CHECK (ends_on IS NULL OR ends_on >= starts_on),
            location         TEXT,
            organiser        TEXT,
            entry_deadline   TEXT,
            notes            TEXT,
            ruleset_name     TEXT NOT NULL,
            rules_copied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX tournaments_starts_on ON tournaments(starts_on);
        CREATE TABLE tournament_categories (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            tournament_id  INTEGER NOT NULL REFERENCES tournaments(id) ON DELETE CASCADE,
            code           TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(code)) > 0),
            name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
            min_age        INTEGER NOT NULL CHECK (min_age >= 0),
            max_age        INTEGER CHECK (max_age IS NULL OR max_age >= min_age),
            min_belt_id    INTEGER REFERENCES belts(id) ON DELETE SET NULL,
            open_to_f      INTEGER NOT NULL DEFAULT 1 CHECK (open_to_f IN (0, 1)),
            open_to_m      INTEGER NOT NULL DEFAULT 1 CHECK (open_to_m IN (0, 1)),
            UNIQUE (tournament_id, code)
        );
        """
        + _weight_class_table(
            "tournament_weight_classes",
            "tournament_categories",
            "INTEGER PRIMARY KEY AUTOINCREMENT",
        )
        + f"""
        ALTER TABLE medals ADD COLUMN tournament_id INTEGER
            REFERENCES tournaments(id) ON DELETE SET NULL;
        CREATE INDEX medals_tournament ON medals(tournament_id) WHERE tournament_id IS NOT NULL;
        CREATE TABLE tournament_entries (
            id               INTEGER PRIMARY KEY,
            tournament_id    INTEGER NOT NULL REFERENCES tournaments(id) ON DELETE CASCADE,
            athlete_id       INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
            category_id      INTEGER REFERENCES tournament_categories(id) ON DELETE SET NULL,
            weight_class_id  INTEGER
                                 REFERENCES tournament_weight_classes(id) ON DELETE SET NULL,
            weigh_in_kg      REAL CHECK (weigh_in_kg IS NULL
                                 OR (weigh_in_kg > 0 AND weigh_in_kg <= 300)),
            result           TEXT CHECK (result IS NULL OR result IN ({_RESULTS})),
            medal_id         INTEGER UNIQUE REFERENCES medals(id) ON DELETE SET NULL,
            created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX tournament_entries_tournament ON tournament_entries(tournament_id);
        CREATE INDEX tournament_entries_athlete ON tournament_entries(athlete_id);
        DROP TRIGGER medals_revision_on_update;
        """,
    )
    # A medal moving to or from a tournament's results changes what the athlete's page
    # shows (and whether it can be edited there), so it changes the athlete's revision.
    watched = " OR ".join(
        f"NEW.{c} IS NOT OLD.{c}" for c in (*_V7_WATCHED["medals"], "tournament_id")
    )
    conn.execute(
        f"CREATE TRIGGER medals_revision_on_update AFTER UPDATE ON medals WHEN {watched} "
        f"BEGIN UPDATE athletes SET revision = {_NEW_REVISION} "
        "WHERE id IN (NEW.athlete_id, OLD.athlete_id); END"
    )
    active = conn.execute("SELECT id FROM rulesets WHERE active = 1").fetchone()
    if active is None:
        return
    for code, ladders in _DEFAULT_WEIGHT_CLASSES.items():
        row = conn.execute(
            "SELECT id FROM age_categories WHERE ruleset_id = ? AND code = ? COLLATE NOCASE",
            (active[0], code),
        ).fetchone()
        if row is None:
            continue
        for sex, limits in ladders.items():
            conn.executemany(
                "INSERT INTO weight_classes(category_id, sex, limit_kg, over) VALUES (?, ?, ?, ?)",
                [(row[0], sex, limit, 0) for limit in limits] + [(row[0], sex, limits[-1], 1)],
            )


# What each belt asks of an athlete promoted to it, as a new club and an older file start
# (every value is editable in Settings → Belts): months in the grade before it and a minimum
# age. Kyu grades counted from the top (1st kyu first), dan grades from the bottom; a grade
# past a list's end asks nothing, and the lowest kyu grade, which nobody is promoted to from
# another, asks nothing either. The dan years are the Kodokan's (1 year from 1st to 2nd dan,
# 2 to 3rd, …), the ages those many federations ask.
_KYU_MONTHS_FROM_TOP = (12, 9, 6, 6, 6, 3, 3, 3)
_DAN_MONTHS = (12, 12, 24, 36, 48, 60, 72, 96, 120)
_DAN_AGES = (15, 17, 20, 24, 29, 35, 42, 50, 60)
# The records the dashboard counts as changed since the last backup; the triggers watch the
# columns the revision triggers watch (a no-op rewrite changes nothing).
_CHANGE_WATCHED = {
    "athletes": _V7_WATCHED["athletes"],
    "promotions": _V7_WATCHED["promotions"],
    "medals": (*_V7_WATCHED["medals"], "tournament_id"),
}


def _v9_grading_and_changes(conn: sqlite3.Connection) -> None:
    # Grading readiness: each belt's minimums. NULL asks nothing.
    execute_script(
        conn,
        """
        ALTER TABLE belts ADD COLUMN min_months INTEGER
            CHECK (min_months IS NULL OR (typeof(min_months) = 'integer'
                   AND min_months BETWEEN 0 AND 600));
        ALTER TABLE belts ADD COLUMN min_age INTEGER
            CHECK (min_age IS NULL OR (typeof(min_age) = 'integer' AND min_age BETWEEN 0 AND 120));
        """,
    )
    belts = conn.execute("SELECT id, kind FROM belts ORDER BY rank").fetchall()
    kyu = [belt_id for belt_id, kind in belts if kind == "kyu"]
    dan = [belt_id for belt_id, kind in belts if kind == "dan"]
    minimums = [
        (months, None, belt_id)
        for belt_id, months in zip(reversed(kyu[1:]), _KYU_MONTHS_FROM_TOP, strict=False)
    ] + [
        (months, age, belt_id)
        for belt_id, months, age in zip(dan, _DAN_MONTHS, _DAN_AGES, strict=False)
    ]
    conn.executemany("UPDATE belts SET min_months = ?, min_age = ? WHERE id = ?", minimums)
    # Changes since the last backup: each athlete, promotion and medal added, edited or
    # deleted gets the next mark, one row per record, so an athlete edited five times counts
    # once. An upsert rather than OR REPLACE: the conflict policy of an outer statement (a
    # foreign key's SET NULL) overrides a trigger's. A backup records in the snapshot and in
    # the live data the last mark it holds; a restored backup therefore holds its own, and
    # undoing a restore gives back the old data's. Marks, not times: a clock set back counts
    # the same.
    execute_script(
        conn,
        """
        CREATE TABLE change_marks (
            id      INTEGER PRIMARY KEY,
            kind    TEXT NOT NULL CHECK (kind IN ('athletes', 'promotions', 'medals')),
            row_id  INTEGER NOT NULL,
            mark    INTEGER NOT NULL UNIQUE
                        CHECK (typeof(mark) = 'integer' AND mark BETWEEN 1 AND 4611686018427387904),
            UNIQUE (kind, row_id)
        );
        """,
    )
    next_mark = "(SELECT coalesce(max(mark), 0) + 1 FROM change_marks)"
    for table, columns in _CHANGE_WATCHED.items():
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
        for event, when, row in (
            ("INSERT", "", "NEW.id"),
            ("UPDATE", f"WHEN {changed}", "NEW.id"),
            ("DELETE", "", "OLD.id"),
        ):
            conn.execute(
                f"CREATE TRIGGER {table}_change_on_{event.lower()} AFTER {event} ON {table} "
                f"{when} BEGIN INSERT INTO change_marks(kind, row_id, mark) "
                f"VALUES ('{table}', {row}, {next_mark}) "
                "ON CONFLICT(kind, row_id) DO UPDATE SET mark = excluded.mark; END"
            )
    # An older file: what was written after it was last backed up (by the times it holds)
    # counts as changed; with no backup on record there is nothing to count from. Backed up
    # is the later of its log's last backup and, for a file that is itself a backup (or
    # was restored from one), the moment that backup was taken: its snapshot's own log
    # lacks the export that wrote it, and restoring a backup must leave nothing to count.
    # In julianday, as the times are written in more than one form (UTC "Z", an offset).
    last = conn.execute(
        "SELECT max(backed_up) FROM ("
        "SELECT julianday(started_at) AS backed_up FROM backup_log "
        "WHERE ok = 1 AND kind = 'backup' "
        "UNION ALL SELECT julianday(value) FROM app_settings WHERE key = ?)",
        (TAKEN_AT_KEY,),
    ).fetchone()[0]
    if last is None:
        return
    for table, stamp in (
        ("athletes", "max(julianday(created_at), julianday(updated_at))"),
        ("promotions", "julianday(created_at)"),
        ("medals", "julianday(created_at)"),
    ):
        conn.execute(
            f"INSERT INTO change_marks(kind, row_id, mark) SELECT '{table}', id, "
            f"(SELECT coalesce(max(mark), 0) FROM change_marks) + row_number() OVER (ORDER BY id) "
            f"FROM {table} WHERE {stamp} > ?",
            (last,),
        )
    conn.execute(
        "INSERT INTO app_settings(key, value) VALUES (?, '0') "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (BACKED_UP_THROUGH_KEY,),
    )


MIGRATIONS: tuple[Migration, ...] = (
    _v1_initial,
    _v2_backup_log,
    _v3_roster,
    _v4_backup_log_contents,
    _v5_backup_log_kind,
    _v6_athlete_revisions,
    _v7_athlete_records,
    _v8_tournaments,
    _v9_grading_and_changes,
)
SCHEMA_VERSION = len(MIGRATIONS)


def read_header(conn: sqlite3.Connection) -> tuple[int, int]:
    """The file's `(application_id, user_version)`; reading them writes nothing."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    return application_id, user_version


def migrate(
    conn: sqlite3.Connection,
    from_version: int,
    migrations: tuple[Migration, ...] = MIGRATIONS,
    *,
    language: str | None = None,
) -> int:
    """Apply every pending migration, each in its own transaction; return the new version.

    What a migration seeds (a new club's default belts and age categories) is named in
    `language`, or in the language spoken now (`i18n.speaking`) when it is None.
    """
    with speaking(language or current_language()):
        return _apply(conn, from_version, migrations)


def _apply(conn: sqlite3.Connection, from_version: int, migrations: tuple[Migration, ...]) -> int:
    for version in range(from_version, len(migrations)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have just applied it.
            if read_header(conn)[1] > version:
                conn.execute("COMMIT")
                continue
            migrations[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(migrations)
