"""SQL for athletes, their promotions and medals; nothing else lives here."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from judo_manager.athletes.model import (
    AthleteFields,
    Medal,
    MedalFields,
    Promotion,
    PromotionFields,
    RosterQuery,
)

# The roster's sort orders; the name (then the id) breaks ties so the order is stable.
_ORDER = {
    ("name", False): "a.search_name, a.id",
    ("name", True): "a.search_name DESC, a.id DESC",
    ("belt", False): "b.rank IS NULL, b.rank, a.search_name, a.id",
    ("belt", True): "b.rank IS NULL, b.rank DESC, a.search_name, a.id",
    # Younger first means later birth dates first.
    ("age", False): "a.birth_date DESC, a.search_name, a.id",
    ("age", True): "a.birth_date, a.search_name, a.id",
    ("weight", False): "a.weight_kg IS NULL, a.weight_kg, a.search_name, a.id",
    ("weight", True): "a.weight_kg IS NULL, a.weight_kg DESC, a.search_name, a.id",
}
_PROMOTION = "SELECT id, promoted_on, belt_id, from_belt_id, examiner, notes FROM promotions"
_ATHLETE_COLUMNS = (
    "full_name, search_name, birth_date, sex, belt_id, weight_kg, licence_number, phone, "
    "email, guardian_name, guardian_phone, notes, active"
)


def count_athletes(conn: sqlite3.Connection) -> int:
    """How many athletes the club has, active or not."""
    return int(conn.execute("SELECT count(*) FROM athletes").fetchone()[0])


def roster_rows(
    conn: sqlite3.Connection,
    query: RosterQuery,
    search_words: Sequence[str],
    born_between: tuple[str, str] | None,
) -> list[tuple[int, str, str, str, int | None, float | None, int]]:
    """(id, full_name, birth_date, sex, belt_id, weight_kg, active) of the matching athletes.

    `search_words` must each appear in the folded name; `born_between` is an inclusive range
    of ISO birth dates.
    """
    where: list[str] = []
    params: list[object] = []
    if query.status != "all":
        where.append("a.active = ?")
        params.append(1 if query.status == "active" else 0)
    if query.sex is not None:
        where.append("a.sex = ?")
        params.append(query.sex)
    if query.belt_id is not None:
        where.append("a.belt_id = ?")
        params.append(query.belt_id)
    if born_between is not None:
        where.append("a.birth_date BETWEEN ? AND ?")
        params.extend(born_between)
    for word in search_words:
        where.append("a.search_name LIKE ? ESCAPE '\\'")
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    sql = (
        "SELECT a.id, a.full_name, a.birth_date, a.sex, a.belt_id, a.weight_kg, a.active "
        "FROM athletes a LEFT JOIN belts b ON b.id = a.belt_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY "
        + _ORDER[(query.sort, query.descending)]
    )
    return conn.execute(sql, params).fetchall()


def find_duplicate(conn: sqlite3.Connection, search_name: str, birth_date: str) -> str | None:
    """The full name of an athlete with this folded name and birth date, or None."""
    row = conn.execute(
        "SELECT full_name FROM athletes WHERE search_name = ? AND birth_date = ? LIMIT 1",
        (search_name, birth_date),
    ).fetchone()
    return None if row is None else str(row[0])


def _athlete_values(athlete: AthleteFields, search_name: str) -> tuple[object, ...]:
    return (
        athlete.full_name,
        search_name,
        athlete.birth_date.isoformat(),
        athlete.sex,
        athlete.belt_id,
        athlete.weight_kg,
        athlete.licence_number,
        athlete.phone,
        athlete.email,
        athlete.guardian_name,
        athlete.guardian_phone,
        athlete.notes,
        int(athlete.active),
    )


def insert_athlete(conn: sqlite3.Connection, athlete: AthleteFields, search_name: str) -> int:
    """Add an athlete; returns the new id."""
    cursor = conn.execute(
        f"INSERT INTO athletes({_ATHLETE_COLUMNS}) VALUES ({', '.join('?' * 13)})",
        _athlete_values(athlete, search_name),
    )
    return int(cursor.lastrowid or 0)


def update_athlete(
    conn: sqlite3.Connection, athlete_id: int, athlete: AthleteFields, search_name: str
) -> None:
    """Replace an athlete's fields."""
    assignments = ", ".join(f"{column} = ?" for column in _ATHLETE_COLUMNS.split(", "))
    conn.execute(
        f"UPDATE athletes SET {assignments}, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        (*_athlete_values(athlete, search_name), athlete_id),
    )


def delete_athlete(conn: sqlite3.Connection, athlete_id: int) -> bool:
    """Remove an athlete; the foreign keys delete their promotions and medals."""
    return conn.execute("DELETE FROM athletes WHERE id = ?", (athlete_id,)).rowcount == 1


def athlete_row(conn: sqlite3.Connection, athlete_id: int) -> sqlite3.Row | None:
    """Every column of one athlete, or None."""
    cursor = conn.execute(
        "SELECT id, full_name, birth_date, sex, belt_id, weight_kg, licence_number, phone, "
        "email, guardian_name, guardian_phone, notes, active, created_at, updated_at, revision "
        "FROM athletes WHERE id = ?",
        (athlete_id,),
    )
    cursor.row_factory = sqlite3.Row
    return cursor.fetchone()


def current_belt(conn: sqlite3.Connection, athlete_id: int) -> int | None:
    """The belt an athlete holds now (None if none is recorded, or no such athlete)."""
    row = conn.execute("SELECT belt_id FROM athletes WHERE id = ?", (athlete_id,)).fetchone()
    return None if row is None else row[0]


def athlete_revision(conn: sqlite3.Connection, athlete_id: int) -> str | None:
    """The athlete's current revision, or None when there is no such athlete."""
    row = conn.execute("SELECT revision FROM athletes WHERE id = ?", (athlete_id,)).fetchone()
    return None if row is None else str(row[0])


def set_belt(conn: sqlite3.Connection, athlete_id: int, belt_id: int | None) -> None:
    """Change an athlete's current belt."""
    conn.execute(
        "UPDATE athletes SET belt_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
        "WHERE id = ?",
        (belt_id, athlete_id),
    )


def list_promotions(conn: sqlite3.Connection, athlete_id: int) -> list[Promotion]:
    """An athlete's promotions, newest first."""
    rows = conn.execute(
        f"{_PROMOTION} WHERE athlete_id = ? ORDER BY promoted_on DESC, id DESC",
        (athlete_id,),
    )
    return [Promotion(*row) for row in rows]


def next_promotion(
    conn: sqlite3.Connection, athlete_id: int, promoted_on: str, after_id: int
) -> Promotion | None:
    """The athlete's first promotion later than (`promoted_on`, `after_id`), or None."""
    row = conn.execute(
        f"{_PROMOTION} WHERE athlete_id = ? AND (promoted_on > ? OR (promoted_on = ? AND id > ?)) "
        "ORDER BY promoted_on, id LIMIT 1",
        (athlete_id, promoted_on, promoted_on, after_id),
    ).fetchone()
    return None if row is None else Promotion(*row)


def insert_promotion(
    conn: sqlite3.Connection,
    athlete_id: int,
    promotion: PromotionFields,
    from_belt_id: int | None,
) -> int:
    """Add a promotion; returns the new id."""
    cursor = conn.execute(
        "INSERT INTO promotions(athlete_id, promoted_on, belt_id, from_belt_id, examiner, notes) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            athlete_id,
            promotion.promoted_on.isoformat(),
            promotion.belt_id,
            from_belt_id,
            promotion.examiner,
            promotion.notes,
        ),
    )
    return int(cursor.lastrowid or 0)


def get_promotion(conn: sqlite3.Connection, promotion_id: int) -> tuple[int, Promotion] | None:
    """(the athlete it belongs to, the promotion), or None when there is no such promotion."""
    row = conn.execute(
        "SELECT athlete_id, id, promoted_on, belt_id, from_belt_id, examiner, notes "
        "FROM promotions WHERE id = ?",
        (promotion_id,),
    ).fetchone()
    return None if row is None else (int(row[0]), Promotion(*row[1:]))


def set_promotion_from_belt(
    conn: sqlite3.Connection, promotion_id: int, from_belt_id: int | None
) -> None:
    """Change the belt a promotion started from."""
    conn.execute(
        "UPDATE promotions SET from_belt_id = ? WHERE id = ?", (from_belt_id, promotion_id)
    )


def delete_promotion(conn: sqlite3.Connection, promotion_id: int) -> None:
    """Remove a promotion."""
    conn.execute("DELETE FROM promotions WHERE id = ?", (promotion_id,))


def list_medals(conn: sqlite3.Connection, athlete_id: int) -> list[Medal]:
    """An athlete's medals, newest first."""
    rows = conn.execute(
        "SELECT id, competition, held_on, place, category FROM medals "
        "WHERE athlete_id = ? ORDER BY held_on DESC, id DESC",
        (athlete_id,),
    )
    return [Medal(*row) for row in rows]


def insert_medal(conn: sqlite3.Connection, athlete_id: int, medal: MedalFields) -> int:
    """Add a medal; returns the new id."""
    cursor = conn.execute(
        "INSERT INTO medals(athlete_id, competition, held_on, place, category) "
        "VALUES (?, ?, ?, ?, ?)",
        (athlete_id, medal.competition, medal.held_on.isoformat(), medal.place, medal.category),
    )
    return int(cursor.lastrowid or 0)


def update_medal(conn: sqlite3.Connection, medal_id: int, medal: MedalFields) -> None:
    """Change a medal's fields."""
    conn.execute(
        "UPDATE medals SET competition = ?, held_on = ?, place = ?, category = ? WHERE id = ?",
        (medal.competition, medal.held_on.isoformat(), medal.place, medal.category, medal_id),
    )


def medal_owner(conn: sqlite3.Connection, medal_id: int) -> int | None:
    """The athlete a medal belongs to, or None when there is no such medal."""
    found = conn.execute("SELECT athlete_id FROM medals WHERE id = ?", (medal_id,)).fetchone()
    return None if found is None else int(found[0])


def delete_medal(conn: sqlite3.Connection, medal_id: int) -> None:
    """Remove a medal."""
    conn.execute("DELETE FROM medals WHERE id = ?", (medal_id,))


# An athlete's whole record: their row, then the rows that hang off it, in insert order.
_RECORD_TABLES = (("athletes", "id"), ("promotions", "athlete_id"), ("medals", "athlete_id"))

AthleteRecord = list[tuple[str, list[dict[str, object]]]]


def athlete_record(conn: sqlite3.Connection, athlete_id: int) -> AthleteRecord:
    """Every row of one athlete, as (table, rows), column for column (any column to come)."""
    record: AthleteRecord = []
    for table, key in _RECORD_TABLES:
        cursor = conn.execute(f"SELECT * FROM {table} WHERE {key} = ? ORDER BY id", (athlete_id,))
        columns = [column[0] for column in cursor.description]
        record.append((table, [dict(zip(columns, row, strict=True)) for row in cursor]))
    return record


def insert_record(conn: sqlite3.Connection, record: AthleteRecord) -> None:
    """Put back the rows of `athlete_record` exactly, ids included.

    Raises sqlite3.IntegrityError when an id is taken meanwhile or a belt is gone.
    """
    for table, rows in record:
        for row in rows:
            columns = ", ".join(row)
            marks = ", ".join("?" * len(row))
            conn.execute(f"INSERT INTO {table}({columns}) VALUES ({marks})", tuple(row.values()))
