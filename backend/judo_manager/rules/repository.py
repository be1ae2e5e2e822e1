"""SQL for belts, rulesets and age categories; nothing else lives here."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from judo_manager.rules.model import (
    AgeCategory,
    Belt,
    BeltFields,
    CategoryFields,
    WeightClass,
    WeightClassFields,
)


def list_belts(conn: sqlite3.Connection) -> list[Belt]:
    """The ladder, lowest first, with how many athletes hold each belt now."""
    rows = conn.execute(
        "SELECT b.id, b.rank, b.name, b.kind, b.color, b.second_color, b.min_months, b.min_age, "
        "(SELECT count(*) FROM athletes a WHERE a.belt_id = b.id) AS athlete_count "
        "FROM belts b ORDER BY b.rank"
    )
    return [Belt(*row) for row in rows]


def belt_exists(conn: sqlite3.Connection, belt_id: int) -> bool:
    """True when the belt is on the ladder."""
    return conn.execute("SELECT 1 FROM belts WHERE id = ?", (belt_id,)).fetchone() is not None


def belt_named(conn: sqlite3.Connection, name: str) -> int | None:
    """The id of the belt with this name, in any case, or None."""
    row = conn.execute("SELECT id FROM belts WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
    return None if row is None else int(row[0])


def insert_belt(conn: sqlite3.Connection, belt: BeltFields) -> int:
    """Add a belt at the top of the ladder."""
    cursor = conn.execute(
        "INSERT INTO belts(rank, name, kind, color, second_color, min_months, min_age) "
        "VALUES ((SELECT coalesce(max(rank), 0) + 1 FROM belts), ?, ?, ?, ?, ?, ?)",
        (belt.name, belt.kind, belt.color, belt.second_color, belt.min_months, belt.min_age),
    )
    return int(cursor.lastrowid or 0)


def update_belt(conn: sqlite3.Connection, belt_id: int, belt: BeltFields) -> bool:
    """Change a belt; False when there is no such belt."""
    cursor = conn.execute(
        "UPDATE belts SET name = ?, kind = ?, color = ?, second_color = ?, min_months = ?, "
        "min_age = ? WHERE id = ?",
        (
            belt.name,
            belt.kind,
            belt.color,
            belt.second_color,
            belt.min_months,
            belt.min_age,
            belt_id,
        ),
    )
    return cursor.rowcount == 1


def belt_usage(conn: sqlite3.Connection, belt_id: int) -> tuple[int, int]:
    """(athletes holding the belt now, promotions that name it, to or from)."""
    holders = conn.execute("SELECT count(*) FROM athletes WHERE belt_id = ?", (belt_id,))
    graded = conn.execute(
        "SELECT count(*) FROM promotions WHERE belt_id = ?1 OR from_belt_id = ?1", (belt_id,)
    )
    return int(holders.fetchone()[0]), int(graded.fetchone()[0])


def delete_belt(conn: sqlite3.Connection, belt_id: int) -> bool:
    """Remove a belt; False when there is no such belt."""
    return conn.execute("DELETE FROM belts WHERE id = ?", (belt_id,)).rowcount == 1


def set_belt_order(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Rank the belts in the order of `ids`, lowest first."""
    # Ranks are unique, so they are first moved out of the way, then set.
    conn.execute("UPDATE belts SET rank = -rank")
    conn.executemany(
        "UPDATE belts SET rank = ? WHERE id = ?", [(rank, id_) for rank, id_ in enumerate(ids, 1)]
    )


def active_ruleset(conn: sqlite3.Connection) -> tuple[int, str]:
    """(id, name) of the ruleset the app uses."""
    row = conn.execute("SELECT id, name FROM rulesets WHERE active = 1").fetchone()
    return int(row[0]), str(row[1])


def list_categories(conn: sqlite3.Connection, ruleset_id: int) -> list[AgeCategory]:
    """The ruleset's categories, in no particular order."""
    rows = conn.execute(
        "SELECT id, code, name, min_age, max_age FROM age_categories WHERE ruleset_id = ?",
        (ruleset_id,),
    )
    return [AgeCategory(*row) for row in rows]


def category_with_code(conn: sqlite3.Connection, ruleset_id: int, code: str) -> int | None:
    """The id of the ruleset's category with this code, in any case, or None."""
    row = conn.execute(
        "SELECT id FROM age_categories WHERE ruleset_id = ? AND code = ? COLLATE NOCASE",
        (ruleset_id, code),
    ).fetchone()
    return None if row is None else int(row[0])


def insert_category(conn: sqlite3.Connection, ruleset_id: int, category: CategoryFields) -> None:
    """Add a category to the ruleset."""
    conn.execute(
        "INSERT INTO age_categories(ruleset_id, code, name, min_age, max_age) "
        "VALUES (?, ?, ?, ?, ?)",
        (ruleset_id, category.code, category.name, category.min_age, category.max_age),
    )


def update_category(
    conn: sqlite3.Connection, ruleset_id: int, category_id: int, category: CategoryFields
) -> bool:
    """Change one of the ruleset's categories; False when there is no such category."""
    cursor = conn.execute(
        "UPDATE age_categories SET code = ?, name = ?, min_age = ?, max_age = ? "
        "WHERE id = ? AND ruleset_id = ?",
        (category.code, category.name, category.min_age, category.max_age, category_id, ruleset_id),
    )
    return cursor.rowcount == 1


def delete_category(conn: sqlite3.Connection, ruleset_id: int, category_id: int) -> bool:
    """Remove one of the ruleset's categories; False when there is no such category."""
    cursor = conn.execute(
        "DELETE FROM age_categories WHERE id = ? AND ruleset_id = ?", (category_id, ruleset_id)
    )
    return cursor.rowcount == 1


def list_weight_classes(conn: sqlite3.Connection, ruleset_id: int) -> list[WeightClass]:
    """Every weight class of the ruleset's categories, in no particular order: one query for
    all of them, however many categories there are."""
    rows = conn.execute(
        "SELECT w.id, w.category_id, w.sex, w.limit_kg, w.over, w.name FROM weight_classes w "
        "JOIN age_categories c ON c.id = w.category_id WHERE c.ruleset_id = ? ORDER BY w.id",
        (ruleset_id,),
    )
    # The CHECK lets a number through as a name: a restore refuses one, but a file edited
    # by another program in the data folder may still hold it.
    return [
        WeightClass(
            id_, category_id, sex, float(limit), bool(over), None if name is None else str(name)
        )
        for id_, category_id, sex, limit, over, name in rows
    ]


def insert_weight_class(
    conn: sqlite3.Connection, category_id: int, weight_class: WeightClassFields
) -> int:
    """Add a class to a category's ladder for one sex."""
    cursor = conn.execute(
        "INSERT INTO weight_classes(category_id, sex, limit_kg, over, name) VALUES (?, ?, ?, ?, ?)",
        (
            category_id,
            weight_class.sex,
            weight_class.limit_kg,
            int(weight_class.over),
            weight_class.name,
        ),
    )
    return int(cursor.lastrowid or 0)


# A weight class of the ruleset's categories, and no other ruleset's.
_IN_RULESET = "category_id IN (SELECT id FROM age_categories WHERE ruleset_id = ?)"


def update_weight_class(
    conn: sqlite3.Connection, ruleset_id: int, class_id: int, weight_class: WeightClassFields
) -> bool:
    """Change one of the ruleset's weight classes; False when there is no such class."""
    cursor = conn.execute(
        "UPDATE weight_classes SET sex = ?, limit_kg = ?, over = ?, name = ? "
        f"WHERE id = ? AND {_IN_RULESET}",
        (
            weight_class.sex,
            weight_class.limit_kg,
            int(weight_class.over),
            weight_class.name,
            class_id,
            ruleset_id,
        ),
    )
    return cursor.rowcount == 1


def delete_weight_class(conn: sqlite3.Connection, ruleset_id: int, class_id: int) -> bool:
    """Remove one of the ruleset's weight classes; False when there is no such class."""
    cursor = conn.execute(
        f"DELETE FROM weight_classes WHERE id = ? AND {_IN_RULESET}", (class_id, ruleset_id)
    )
    return cursor.rowcount == 1
