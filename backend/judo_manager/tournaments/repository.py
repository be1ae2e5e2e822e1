"""SQL for tournaments, their copied rules and their entries; nothing else lives here."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from judo_manager.rules.model import WeightClass
from judo_manager.tournaments.model import CategoryLimits, TournamentFields

_TOURNAMENT = (
    "SELECT id, name, starts_on, ends_on, location, organiser, entry_deadline, notes, "
    "ruleset_name, rules_copied_at FROM tournaments"
)
TournamentLine = tuple[
    int, str, str, str | None, str | None, str | None, str | None, str | None, str, str
]
CategoryLine = tuple[int, int, str, str, int, int | None, int | None, int, int]
WeightClassLine = tuple[int, int, str, float, int, str | None]
EntryLine = tuple[int, int, int, int | None, int | None, float | None, str | None, int | None]


def _plain(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> list[Any]:
    # Plain tuples: a tournament has up to thousands of entries.
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def _ids(values: Iterable[int]) -> str:
    """A list of ids as one JSON parameter, read with json_each: one query for any number."""
    return json.dumps(list(values))


def list_tournaments(conn: sqlite3.Connection) -> list[TournamentLine]:
    """(id, name, starts_on, ends_on, location, organiser, entry_deadline, notes,
    ruleset_name, rules_copied_at) of every tournament."""
    return _plain(conn, _TOURNAMENT)


def tournament(conn: sqlite3.Connection, tournament_id: int) -> TournamentLine | None:
    """One tournament's row, as `list_tournaments` has it, or None."""
    rows = _plain(conn, f"{_TOURNAMENT} WHERE id = ?", (tournament_id,))
    return rows[0] if rows else None


def _values(fields: TournamentFields) -> tuple[object, ...]:
    return (
        fields.name,
        fields.starts_on.isoformat(),
        None if fields.ends_on is None else fields.ends_on.isoformat(),
        fields.location,
        fields.organiser,
        None if fields.entry_deadline is None else fields.entry_deadline.isoformat(),
        fields.notes,
    )


def insert_tournament(conn: sqlite3.Connection, fields: TournamentFields, ruleset_name: str) -> int:
    """Add a tournament; returns the new id."""
    cursor = conn.execute(
        "INSERT INTO tournaments(name, starts_on, ends_on, location, organiser, "
        "entry_deadline, notes, ruleset_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (*_values(fields), ruleset_name),
    )
    return int(cursor.lastrowid or 0)


def update_tournament(
    conn: sqlite3.Connection, tournament_id: int, fields: TournamentFields
) -> bool:
    """Change a tournament's fields; False when there is no such tournament."""
    cursor = conn.execute(
        "UPDATE tournaments SET name = ?, starts_on = ?, ends_on = ?, location = ?, "
        "organiser = ?, entry_deadline = ?, notes = ?, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        (*_values(fields), tournament_id),
    )
    return cursor.rowcount == 1


def delete_tournament(conn: sqlite3.Connection, tournament_id: int) -> bool:
    """Remove a tournament; its copied rules and entries go with it, and medals naming it
    name none (the foreign keys). False when there is no such tournament."""
    return conn.execute("DELETE FROM tournaments WHERE id = ?", (tournament_id,)).rowcount == 1


def set_rules_copied(conn: sqlite3.Connection, tournament_id: int, ruleset_name: str) -> None:
    """Record that the tournament's copy of the rules was taken now, from `ruleset_name`."""
    conn.execute(
        "UPDATE tournaments SET ruleset_name = ?, "
        "rules_copied_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        (ruleset_name, tournament_id),
    )


def insert_category(
    conn: sqlite3.Connection,
    tournament_id: int,
    code: str,
    name: str,
    ages: tuple[int, int | None],
    limits: CategoryLimits,
) -> int:
    """Add a copied category to the tournament; returns the new id."""
    cursor = conn.execute(
        "INSERT INTO tournament_categories(tournament_id, code, name, min_age, max_age, "
        "min_belt_id, open_to_f, open_to_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            tournament_id,
            code,
            name,
            *ages,
            limits.min_belt_id,
            int(limits.open_to_f),
            int(limits.open_to_m),
        ),
    )
    return int(cursor.lastrowid or 0)


def insert_weight_classes(
    conn: sqlite3.Connection, category_id: int, classes: Iterable[WeightClass]
) -> None:
    """Copy weight classes into a tournament's category."""
    conn.executemany(
        "INSERT INTO tournament_weight_classes(category_id, sex, limit_kg, over, name) "
        "VALUES (?, ?, ?, ?, ?)",
        [(category_id, c.sex, c.limit_kg, int(c.over), c.name) for c in classes],
    )


def set_codes_aside(conn: sqlite3.Connection, tournament_id: int) -> None:
    """Give the tournament's copied categories codes no category can have (a control
    character and their id), so a new copy can be made beside them."""
    conn.execute(
        "UPDATE tournament_categories SET code = char(1) || id WHERE tournament_id = ?",
        (tournament_id,),
    )


def delete_categories(conn: sqlite3.Connection, category_ids: Sequence[int]) -> None:
    """Remove copied categories and their classes; entries naming them name none (the
    foreign keys)."""
    conn.execute(
        "DELETE FROM tournament_categories WHERE id IN (SELECT value FROM json_each(?))",
        (_ids(category_ids),),
    )


def categories(conn: sqlite3.Connection, tournament_ids: Sequence[int]) -> list[CategoryLine]:
    """(id, tournament_id, code, name, min_age, max_age, min_belt_id, open_to_f, open_to_m)
    of the copied categories of the tournaments among `tournament_ids`."""
    return _plain(
        conn,
        "SELECT id, tournament_id, code, name, min_age, max_age, min_belt_id, open_to_f, "
        "open_to_m FROM tournament_categories "
        "WHERE tournament_id IN (SELECT value FROM json_each(?))",
        (_ids(tournament_ids),),
    )


def weight_classes(
    conn: sqlite3.Connection, tournament_ids: Sequence[int]
) -> list[WeightClassLine]:
    """(id, category_id, sex, limit_kg, over, name) of the copied classes of the
    tournaments among `tournament_ids`."""
    return _plain(
        conn,
        "SELECT w.id, w.category_id, w.sex, w.limit_kg, w.over, w.name "
        "FROM tournament_weight_classes w JOIN tournament_categories c ON c.id = w.category_id "
        "WHERE c.tournament_id IN (SELECT value FROM json_each(?))",
        (_ids(tournament_ids),),
    )


def set_category_limits(
    conn: sqlite3.Connection, tournament_id: int, category_id: int, limits: CategoryLimits
) -> bool:
    """Set a copied category's limits; False when the tournament has no such category."""
    cursor = conn.execute(
        "UPDATE tournament_categories SET min_belt_id = ?, open_to_f = ?, open_to_m = ? "
        "WHERE id = ? AND tournament_id = ?",
        (
            limits.min_belt_id,
            int(limits.open_to_f),
            int(limits.open_to_m),
            category_id,
            tournament_id,
        ),
    )
    return cursor.rowcount == 1


# An entry's medal is the one it names only while that is the athlete's medal of the
# tournament: a file from elsewhere may name another athlete's.
_ENTRY = (
    "SELECT e.id, e.tournament_id, e.athlete_id, e.category_id, e.weight_class_id, "
    "e.weigh_in_kg, e.result, m.id FROM tournament_entries e "
    "LEFT JOIN medals m ON m.id = e.medal_id AND m.athlete_id = e.athlete_id "
    "AND m.tournament_id = e.tournament_id"
)


def entries(conn: sqlite3.Connection, tournament_ids: Sequence[int]) -> list[EntryLine]:
    """(id, tournament_id, athlete_id, category_id, weight_class_id, weigh_in_kg, result,
    medal_id) of the entries of the tournaments among `tournament_ids`, oldest first."""
    return _plain(
        conn,
        f"{_ENTRY} WHERE e.tournament_id IN (SELECT value FROM json_each(?)) ORDER BY e.id",
        (_ids(tournament_ids),),
    )


def entry(conn: sqlite3.Connection, tournament_id: int, entry_id: int) -> EntryLine | None:
    """One entry of the tournament, as `entries` has it, or None."""
    rows = _plain(
        conn, f"{_ENTRY} WHERE e.id = ? AND e.tournament_id = ?", (entry_id, tournament_id)
    )
    return rows[0] if rows else None


def entries_of_athlete(conn: sqlite3.Connection, athlete_id: int) -> list[EntryLine]:
    """The athlete's entries in every tournament, as `entries` has them."""
    return _plain(conn, f"{_ENTRY} WHERE e.athlete_id = ? ORDER BY e.id", (athlete_id,))


def entered_athletes(conn: sqlite3.Connection, tournament_id: int) -> set[int]:
    """The athletes the tournament already has an entry for."""
    rows = _plain(
        conn, "SELECT athlete_id FROM tournament_entries WHERE tournament_id = ?", (tournament_id,)
    )
    return {int(row[0]) for row in rows}


def insert_entries(
    conn: sqlite3.Connection,
    tournament_id: int,
    rows: Sequence[tuple[int, int | None, int | None]],
) -> None:
    """Enter athletes: (athlete_id, category_id, weight_class_id) each."""
    conn.executemany(
        "INSERT INTO tournament_entries(tournament_id, athlete_id, category_id, weight_class_id) "
        "VALUES (?, ?, ?, ?)",
        [(tournament_id, *row) for row in rows],
    )


def update_entry(
    conn: sqlite3.Connection,
    entry_id: int,
    category_id: int | None,
    weight_class_id: int | None,
    weigh_in_kg: float | None,
) -> None:
    """Change an entry's category, class and weigh-in."""
    conn.execute(
        "UPDATE tournament_entries SET category_id = ?, weight_class_id = ?, weigh_in_kg = ? "
        "WHERE id = ?",
        (category_id, weight_class_id, weigh_in_kg, entry_id),
    )


def set_entry_choices(
    conn: sqlite3.Connection, choices: Sequence[tuple[int | None, int | None, int]]
) -> None:
    """Point entries at other categories and classes: (category_id, weight_class_id,
    entry_id) each."""
    conn.executemany(
        "UPDATE tournament_entries SET category_id = ?, weight_class_id = ? WHERE id = ?",
        choices,
    )


def set_result(
    conn: sqlite3.Connection, entry_id: int, result: str | None, medal_id: int | None
) -> None:
    """Record an entry's result and the medal it gave (None: none)."""
    conn.execute(
        "UPDATE tournament_entries SET result = ?, medal_id = ? WHERE id = ?",
        (result, medal_id, entry_id),
    )


def delete_entries(conn: sqlite3.Connection, tournament_id: int, entry_ids: Sequence[int]) -> None:
    """Remove the tournament's entries among `entry_ids`."""
    conn.execute(
        "DELETE FROM tournament_entries WHERE tournament_id = ? "
        "AND id IN (SELECT value FROM json_each(?))",
        (tournament_id, _ids(entry_ids)),
    )
