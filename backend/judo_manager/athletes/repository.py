"""SQL for athletes, their promotions, medals and documents; nothing else lives here."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence

from judo_manager.athletes.grading import GradingFacts
from judo_manager.athletes.model import (
    EXPIRING_DAYS,
    AthleteFields,
    DocumentFields,
    Medal,
    MedalFields,
    Promotion,
    PromotionFields,
    RosterQuery,
    TournamentMedal,
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
_PROMOTION = (
    "SELECT id, promoted_on, belt_id, from_belt_id, examiner, notes, proof_document_id "
    "FROM promotions"
)
_ATHLETE_COLUMNS = (
    "full_name, search_name, birth_date, sex, belt_id, weight_kg, member_id, club_id, "
    "joined_on, licence_number, licence_valid_until, medical_valid_until, phone, email, "
    "address, school, guardian_name, guardian_phone, notes, active"
)
# The newest valid-until of each athlete's licence cards and medical certificates.
_DOCUMENT_PAPERS = (
    "SELECT athlete_id, "
    "max(CASE kind WHEN 'licence_card' THEN valid_until END) AS licence, "
    "max(CASE kind WHEN 'medical_certificate' THEN valid_until END) AS medical "
    "FROM documents WHERE kind IN ('licence_card', 'medical_certificate') "
    "AND valid_until IS NOT NULL GROUP BY athlete_id"
)


def _later(typed: str, documented: str) -> str:
    # SQLite's max() of several values is NULL when any is, so NULLs count as "" here.
    return f"nullif(max(coalesce({typed}, ''), coalesce({documented}, '')), '')"


# Each athlete's effective licence and medical dates, over `athletes a LEFT JOIN papers p`.
_LICENCE_UNTIL = _later("a.licence_valid_until", "p.licence")
_MEDICAL_UNTIL = _later("a.medical_valid_until", "p.medical")
# The roster's papers filter, with :today and :soon (today + EXPIRING_DAYS) as ISO dates.
_PAPERS_WHERE = {
    "expired": f"({_LICENCE_UNTIL} < :today OR {_MEDICAL_UNTIL} < :today)",
    "expiring": (
        f"({_LICENCE_UNTIL} BETWEEN :today AND :soon OR {_MEDICAL_UNTIL} BETWEEN :today AND :soon)"
        f" AND coalesce({_LICENCE_UNTIL}, :today) >= :today"
        f" AND coalesce({_MEDICAL_UNTIL}, :today) >= :today"
    ),
    "missing": f"({_LICENCE_UNTIL} IS NULL OR {_MEDICAL_UNTIL} IS NULL)",
}


def count_athletes(conn: sqlite3.Connection) -> int:
    """How many athletes the club has, active or not."""
    return int(conn.execute("SELECT count(*) FROM athletes").fetchone()[0])


# The dashboard's counts: grouped here, so each is one pass over the athletes however many.
_ACTIVE = "FROM athletes WHERE active = 1"


def active_by_sex(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(sex, count) of the active athletes."""
    return conn.execute(f"SELECT sex, count(*) {_ACTIVE} GROUP BY sex").fetchall()


def active_by_birth_year(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """(birth year, count) of the active athletes."""
    return conn.execute(
        f"SELECT CAST(substr(birth_date, 1, 4) AS INTEGER) AS year, count(*) {_ACTIVE} "
        "GROUP BY year"
    ).fetchall()


def active_by_belt(conn: sqlite3.Connection) -> list[tuple[int | None, int]]:
    """(belt id or None, count) of the active athletes."""
    return conn.execute(f"SELECT belt_id, count(*) {_ACTIVE} GROUP BY belt_id").fetchall()


def count_active_new_in(conn: sqlite3.Connection, year: int) -> int:
    """How many active athletes joined in `year`, or, with no day joined, were added in it
    (`created_at` is a UTC timestamp: an athlete added on New Year's Eve late in the evening
    east of Greenwich counts in the year it was there)."""
    return int(
        conn.execute(
            f"SELECT count(*) {_ACTIVE} AND CASE WHEN joined_on IS NOT NULL "
            "THEN substr(joined_on, 1, 4) ELSE substr(created_at, 1, 4) END = ?",
            (f"{year:04d}",),
        ).fetchone()[0]
    )


# Medals of one season (:year, four digits) or, with :year NULL, of all time.
_IN_YEAR = "(:year IS NULL OR substr(m.held_on, 1, 4) = :year)"


def medals_by_place(conn: sqlite3.Connection, year: int | None) -> list[tuple[str, int]]:
    """(place, count) of the medals won in `year` (None: ever)."""
    return conn.execute(
        f"SELECT m.place, count(*) FROM medals m WHERE {_IN_YEAR} GROUP BY m.place",
        {"year": _year(year)},
    ).fetchall()


def medal_years(conn: sqlite3.Connection) -> list[int]:
    """The years in which any medal was won, latest first."""
    rows = conn.execute(
        "SELECT DISTINCT CAST(substr(held_on, 1, 4) AS INTEGER) AS year FROM medals "
        "WHERE year > 0 ORDER BY year DESC"
    )
    return [int(row[0]) for row in rows]


def medal_leaders(
    conn: sqlite3.Connection, year: int | None, limit: int
) -> list[tuple[int, str, int, int, int]]:
    """(athlete id, full name, gold, silver, bronze) of the `limit` athletes with the most
    medals in `year` (None: ever): gold first, then silver, then bronze, then name."""
    return conn.execute(
        "SELECT a.id, a.full_name, sum(m.place = 'gold') AS gold, "
        "sum(m.place = 'silver') AS silver, sum(m.place = 'bronze') AS bronze "
        f"FROM medals m JOIN athletes a ON a.id = m.athlete_id WHERE {_IN_YEAR} "
        "GROUP BY a.id ORDER BY gold DESC, silver DESC, bronze DESC, a.search_name, a.id "
        "LIMIT :limit",
        {"year": _year(year), "limit": limit},
    ).fetchall()


def _year(year: int | None) -> str | None:
    return None if year is None else f"{year:04d}"


def active_papers_due(
    conn: sqlite3.Connection, today: dt.date
) -> list[tuple[int, str, str | None, str | None]]:
    """(id, full_name, licence_until, medical_until) of the active athletes whose effective
    licence or medical date is `EXPIRING_DAYS` from `today` or earlier."""
    soon = (today + dt.timedelta(days=EXPIRING_DAYS)).isoformat()
    return conn.execute(
        # The dates in full again in WHERE: an alias there would be the documents' own column.
        f"SELECT a.id, a.full_name, {_LICENCE_UNTIL}, {_MEDICAL_UNTIL} "
        f"FROM athletes a LEFT JOIN ({_DOCUMENT_PAPERS}) p ON p.athlete_id = a.id "
        f"WHERE a.active = 1 AND ({_LICENCE_UNTIL} <= :soon OR {_MEDICAL_UNTIL} <= :soon)",
        {"soon": soon},
    ).fetchall()


RosterLine = tuple[
    int, str, str, str, int | None, float | None, int, str | None, int | None, int | None,
    str | None, str | None,
]  # fmt: skip


def roster_rows(
    conn: sqlite3.Connection,
    query: RosterQuery,
    search_words: Sequence[str],
    born_between: tuple[str, str] | None,
    today: dt.date,
) -> list[RosterLine]:
    """(id, full_name, birth_date, sex, belt_id, weight_kg, active, member_id, club_id,
    photo_id, licence_until, medical_until) of the matching athletes.

    `search_words` must each appear in the folded name; `born_between` is an inclusive range
    of ISO birth dates; `today` is the day the papers filter judges by. The licence and
    medical dates are the effective ones: the later of the typed date and the documents'.
    """
    where: list[str] = []
    params: dict[str, object] = {
        "today": today.isoformat(),
        "soon": (today + dt.timedelta(days=EXPIRING_DAYS)).isoformat(),
    }

    def param(value: object) -> str:
        name = f"p{len(params)}"
        params[name] = value
        return f":{name}"

    if query.status != "all":
        where.append(f"a.active = {param(1 if query.status == 'active' else 0)}")
    if query.sex is not None:
        where.append(f"a.sex = {param(query.sex)}")
    if query.belt_id is not None:
        where.append(f"a.belt_id = {param(query.belt_id)}")
    if query.club_id is not None:
        where.append(f"a.club_id = {param(query.club_id)}")
    if born_between is not None:
        where.append(f"a.birth_date BETWEEN {param(born_between[0])} AND {param(born_between[1])}")
    for word in search_words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(f"a.search_name LIKE {param(f'%{escaped}%')} ESCAPE '\\'")
    if query.papers != "all":
        where.append(_PAPERS_WHERE[query.papers])
    sql = (
        "SELECT a.id, a.full_name, a.birth_date, a.sex, a.belt_id, a.weight_kg, a.active, "
        f"a.member_id, a.club_id, a.photo_id, {_LICENCE_UNTIL}, {_MEDICAL_UNTIL} "
        "FROM athletes a LEFT JOIN belts b ON b.id = a.belt_id "
        f"LEFT JOIN ({_DOCUMENT_PAPERS}) p ON p.athlete_id = a.id"
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


def identities(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """{(folded name, birth date): id} of every athlete (the first, where older data holds
    two alike)."""
    found: dict[tuple[str, str], int] = {}
    for id_, search_name, birth_date in conn.execute(
        "SELECT id, search_name, birth_date FROM athletes ORDER BY id"
    ):
        found.setdefault((search_name, birth_date), id_)
    return found


def _athlete_values(athlete: AthleteFields, search_name: str) -> tuple[object, ...]:
    return (
        athlete.full_name,
        search_name,
        athlete.birth_date.isoformat(),
        athlete.sex,
        athlete.belt_id,
        athlete.weight_kg,
        athlete.member_id,
        athlete.club_id,
        _day(athlete.joined_on),
        athlete.licence_number,
        _day(athlete.licence_valid_until),
        _day(athlete.medical_valid_until),
        athlete.phone,
        athlete.email,
        athlete.address,
        athlete.school,
        athlete.guardian_name,
        athlete.guardian_phone,
        athlete.notes,
        int(athlete.active),
    )


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def insert_athlete(conn: sqlite3.Connection, athlete: AthleteFields, search_name: str) -> int:
    """Add an athlete; returns the new id."""
    cursor = conn.execute(
        f"INSERT INTO athletes({_ATHLETE_COLUMNS}) "
        f"VALUES ({', '.join('?' * len(_ATHLETE_COLUMNS.split(', ')))})",
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
    """Remove an athlete; the foreign keys delete their promotions, medals and documents,
    and the triggers their photo and the documents' files."""
    return conn.execute("DELETE FROM athletes WHERE id = ?", (athlete_id,)).rowcount == 1


def athlete_row(conn: sqlite3.Connection, athlete_id: int) -> sqlite3.Row | None:
    """Every column of one athlete, or None."""
    cursor = conn.execute(
        "SELECT id, full_name, birth_date, sex, belt_id, weight_kg, member_id, club_id, "
        "joined_on, licence_number, licence_valid_until, medical_valid_until, phone, email, "
        "address, school, guardian_name, guardian_phone, notes, active, photo_id, created_at, "
        "updated_at, revision FROM athletes WHERE id = ?",
        (athlete_id,),
    )
    cursor.row_factory = sqlite3.Row
    return cursor.fetchone()


def document_papers(conn: sqlite3.Connection, athlete_id: int) -> tuple[str | None, str | None]:
    """The newest valid-until of the athlete's licence cards, and of their medical
    certificates (None where there is none)."""
    row = conn.execute(
        f"SELECT licence, medical FROM ({_DOCUMENT_PAPERS}) WHERE athlete_id = ?",
        (athlete_id,),
    ).fetchone()
    return (None, None) if row is None else (row[0], row[1])


def member_ids_with_prefix(conn: sqlite3.Connection, prefix: str) -> list[str]:
    """Every member ID starting with `prefix`, in any case."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        "SELECT member_id FROM athletes WHERE member_id LIKE ? ESCAPE '\\'", (f"{escaped}%",)
    )
    return [str(row[0]) for row in rows]


def member_id_holder(conn: sqlite3.Connection, member_id: str, except_id: int | None) -> str | None:
    """The full name of another athlete with this member ID (in any case), or None."""
    row = conn.execute(
        "SELECT full_name FROM athletes WHERE member_id = ? COLLATE NOCASE AND id IS NOT ? LIMIT 1",
        (member_id, except_id),
    ).fetchone()
    return None if row is None else str(row[0])


def set_photo(conn: sqlite3.Connection, athlete_id: int, media_id: int | None) -> None:
    """Give an athlete another photo, or none; a trigger deletes the old photo's file."""
    conn.execute(
        "UPDATE athletes SET photo_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
        "WHERE id = ?",
        (media_id, athlete_id),
    )


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
        "INSERT INTO promotions(athlete_id, promoted_on, belt_id, from_belt_id, examiner, notes, "
        "proof_document_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            athlete_id,
            promotion.promoted_on.isoformat(),
            promotion.belt_id,
            from_belt_id,
            promotion.examiner,
            promotion.notes,
            promotion.proof_document_id,
        ),
    )
    return int(cursor.lastrowid or 0)


def get_promotion(conn: sqlite3.Connection, promotion_id: int) -> tuple[int, Promotion] | None:
    """(the athlete it belongs to, the promotion), or None when there is no such promotion."""
    row = conn.execute(
        "SELECT athlete_id, id, promoted_on, belt_id, from_belt_id, examiner, notes, "
        "proof_document_id FROM promotions WHERE id = ?",
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


# The tournament whose results own a medal: the one it names, when an entry of that
# tournament, the athlete's own, gives it (a medal naming a tournament no entry links, as a
# file from elsewhere may hold, is the athlete's to edit like any other).
_OWNED_BY_RESULT = (
    "EXISTS (SELECT 1 FROM tournament_entries e WHERE e.medal_id = m.id "
    "AND e.athlete_id = m.athlete_id AND e.tournament_id = m.tournament_id)"
)
_RESULT_OF = f"CASE WHEN {_OWNED_BY_RESULT} THEN m.tournament_id END"


def list_medals(conn: sqlite3.Connection, athlete_id: int) -> list[Medal]:
    """An athlete's medals, newest first."""
    rows = conn.execute(
        "SELECT m.id, m.competition, m.held_on, m.place, m.category, m.proof_document_id, "
        f"{_RESULT_OF} FROM medals m WHERE m.athlete_id = ? ORDER BY m.held_on DESC, m.id DESC",
        (athlete_id,),
    )
    return [Medal(*row) for row in rows]


def medal_result_of(conn: sqlite3.Connection, medal_id: int) -> str | None:
    """The competition of a medal that a tournament's results own (see `_RESULT_OF`), or
    None for a medal entered by hand."""
    row = conn.execute(
        f"SELECT m.competition, {_RESULT_OF} FROM medals m WHERE m.id = ?", (medal_id,)
    ).fetchone()
    return None if row is None or row[1] is None else str(row[0])


def insert_medal(conn: sqlite3.Connection, athlete_id: int, medal: MedalFields) -> int:
    """Add a medal; returns the new id."""
    cursor = conn.execute(
        "INSERT INTO medals(athlete_id, competition, held_on, place, category, proof_document_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            athlete_id,
            medal.competition,
            medal.held_on.isoformat(),
            medal.place,
            medal.category,
            medal.proof_document_id,
        ),
    )
    return int(cursor.lastrowid or 0)


def update_medal(conn: sqlite3.Connection, medal_id: int, medal: MedalFields) -> None:
    """Change a medal's fields."""
    conn.execute(
        "UPDATE medals SET competition = ?, held_on = ?, place = ?, category = ?, "
        "proof_document_id = ? WHERE id = ?",
        (
            medal.competition,
            medal.held_on.isoformat(),
            medal.place,
            medal.category,
            medal.proof_document_id,
            medal_id,
        ),
    )


def medal_owner(conn: sqlite3.Connection, medal_id: int) -> int | None:
    """The athlete a medal belongs to, or None when there is no such medal."""
    found = conn.execute("SELECT athlete_id FROM medals WHERE id = ?", (medal_id,)).fetchone()
    return None if found is None else int(found[0])


def delete_medal(conn: sqlite3.Connection, medal_id: int) -> None:
    """Remove a medal."""
    conn.execute("DELETE FROM medals WHERE id = ?", (medal_id,))


def tournament_medal_of(
    conn: sqlite3.Connection, medal_id: int, athlete_id: int, tournament_id: int
) -> bool:
    """Whether the medal is the athlete's and names the tournament."""
    row = conn.execute(
        "SELECT 1 FROM medals WHERE id = ? AND athlete_id = ? AND tournament_id = ?",
        (medal_id, athlete_id, tournament_id),
    ).fetchone()
    return row is not None


def insert_tournament_medal(
    conn: sqlite3.Connection, athlete_id: int, medal: TournamentMedal
) -> int:
    """Add the medal a tournament's result gives; returns the new id."""
    cursor = conn.execute(
        "INSERT INTO medals(athlete_id, competition, held_on, place, category, tournament_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            athlete_id,
            medal.competition,
            medal.held_on,
            medal.place,
            medal.category,
            medal.tournament_id,
        ),
    )
    return int(cursor.lastrowid or 0)


def update_tournament_medal(
    conn: sqlite3.Connection, medal_id: int, medal: TournamentMedal
) -> None:
    """Change the medal a tournament's result gives (its proof, if any, stays)."""
    conn.execute(
        "UPDATE medals SET competition = ?, held_on = ?, place = ?, category = ? "
        "WHERE id = ? AND tournament_id = ?",
        (
            medal.competition,
            medal.held_on,
            medal.place,
            medal.category,
            medal_id,
            medal.tournament_id,
        ),
    )


def redate_tournament_medals(
    conn: sqlite3.Connection, tournament_id: int, competition: str, held_on: str
) -> None:
    """Name and date every medal the tournament's results own as the tournament now is (a
    medal that only names it, from a file edited elsewhere, is the coach's own)."""
    conn.execute(
        "UPDATE medals AS m SET competition = ?, held_on = ? "
        f"WHERE m.tournament_id = ? AND {_OWNED_BY_RESULT}",
        (competition, held_on, tournament_id),
    )


def delete_tournament_medals(conn: sqlite3.Connection, tournament_id: int) -> None:
    """Remove every medal the tournament's results own (see `redate_tournament_medals`)."""
    conn.execute(
        f"DELETE FROM medals AS m WHERE m.tournament_id = ? AND {_OWNED_BY_RESULT}",
        (tournament_id,),
    )


def grading_facts(conn: sqlite3.Connection) -> list[GradingFacts]:
    """The active athletes whose belt has a next one on the ladder (by rank), sorted by
    name, each with the next belt's minimums and their latest promotion by date.

    One query whatever the club's size: each athlete's latest promotion is one seek in the
    `promotions_athlete` index (athlete, date), which holds all it reads.
    """
    cursor = conn.execute(
        "WITH ladder AS ("
        "SELECT id, lead(id) OVER next_up AS next_id, "
        "lead(min_months) OVER next_up AS min_months, lead(min_age) OVER next_up AS min_age "
        "FROM belts WINDOW next_up AS (ORDER BY rank)) "
        "SELECT a.id, a.full_name, a.member_id, a.club_id, a.birth_date, a.licence_number, "
        "a.belt_id, l.next_id, l.min_months, l.min_age, "
        "(SELECT max(p.promoted_on) FROM promotions p WHERE p.athlete_id = a.id), a.joined_on "
        "FROM athletes a JOIN ladder l ON l.id = a.belt_id "
        "WHERE a.active = 1 AND l.next_id IS NOT NULL "
        "ORDER BY a.search_name, a.id"
    )
    cursor.row_factory = None
    return list(map(GradingFacts._make, cursor))


AthleteFactsLine = tuple[
    int, str, str | None, str, str, int | None, float | None, int | None, str | None, int,
    str | None, str | None,
]  # fmt: skip


def athlete_facts(conn: sqlite3.Connection, athlete_ids: Sequence[int]) -> list[AthleteFactsLine]:
    """(id, full_name, member_id, birth_date, sex, belt_id, weight_kg, club_id,
    licence_number, active, licence_until, medical_until) of the athletes among
    `athlete_ids`, in one query whatever their number; the papers' dates are the
    effective ones."""
    ids = json.dumps(list(athlete_ids))
    cursor = conn.execute(
        "WITH wanted(id) AS (SELECT value FROM json_each(?1)), "
        "papers AS ("
        "SELECT athlete_id, "
        "max(CASE kind WHEN 'licence_card' THEN valid_until END) AS licence, "
        "max(CASE kind WHEN 'medical_certificate' THEN valid_until END) AS medical "
        "FROM documents WHERE athlete_id IN (SELECT id FROM wanted) "
        "AND kind IN ('licence_card', 'medical_certificate') AND valid_until IS NOT NULL "
        "GROUP BY athlete_id) "
        "SELECT a.id, a.full_name, a.member_id, a.birth_date, a.sex, a.belt_id, a.weight_kg, "
        f"a.club_id, a.licence_number, a.active, {_LICENCE_UNTIL}, {_MEDICAL_UNTIL} "
        "FROM athletes a LEFT JOIN papers p ON p.athlete_id = a.id "
        "WHERE a.id IN (SELECT id FROM wanted)",
        (ids,),
    )
    cursor.row_factory = None
    return cursor.fetchall()


AthleteDetailsLine = tuple[
    int, str, str | None, str | None, str | None, str | None, str | None, str | None, str
]


def athlete_details(
    conn: sqlite3.Connection, athlete_ids: Sequence[int]
) -> list[AthleteDetailsLine]:
    """(id, birth_date, licence_number, phone, email, guardian_name, guardian_phone,
    joined_on, created_at) of the athletes among `athlete_ids`, in one query whatever
    their number."""
    cursor = conn.execute(
        "SELECT id, birth_date, licence_number, phone, email, guardian_name, guardian_phone, "
        "joined_on, created_at FROM athletes WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(athlete_ids)),),
    )
    cursor.row_factory = None
    return cursor.fetchall()


PromotionLine = tuple[int, int, str, str | None, str, str | None, int | None, int, str, str | None]


def promotions_between(conn: sqlite3.Connection, first: str, last: str) -> list[PromotionLine]:
    """(id, athlete_id, full_name, member_id, birth_date, licence_number, from_belt_id,
    belt_id, promoted_on, examiner) of every promotion dated `first` to `last` (ISO,
    both included), by date, then name."""
    cursor = conn.execute(
        "SELECT p.id, p.athlete_id, a.full_name, a.member_id, a.birth_date, a.licence_number, "
        "p.from_belt_id, p.belt_id, p.promoted_on, p.examiner "
        "FROM promotions p JOIN athletes a ON a.id = p.athlete_id "
        "WHERE p.promoted_on BETWEEN ? AND ? ORDER BY p.promoted_on, a.search_name, p.id",
        (first, last),
    )
    cursor.row_factory = None
    return cursor.fetchall()


MedalLine = tuple[int, int, str, str | None, str, str, str, str | None, int | None]


def medals_held(conn: sqlite3.Connection, year: str | None) -> list[MedalLine]:
    """(id, athlete_id, full_name, member_id, competition, held_on, place, category, the
    tournament whose results own it) of every medal held in `year` (None: all time), by
    date, then name."""
    cursor = conn.execute(
        "SELECT m.id, m.athlete_id, a.full_name, a.member_id, m.competition, m.held_on, "
        f"m.place, m.category, {_RESULT_OF} FROM medals m JOIN athletes a ON a.id = m.athlete_id "
        "WHERE ?1 IS NULL OR substr(m.held_on, 1, 4) = ?1 "
        "ORDER BY m.held_on, a.search_name, m.id",
        (year,),
    )
    cursor.row_factory = None
    return cursor.fetchall()


def list_documents(
    conn: sqlite3.Connection, athlete_id: int
) -> list[tuple[int, str, str, str | None, str | None, str | None, str, int]]:
    """(id, kind, title, issued_on, valid_until, notes, created_at, media_id) of an
    athlete's documents, newest first."""
    return conn.execute(
        "SELECT id, kind, title, issued_on, valid_until, notes, created_at, media_id "
        "FROM documents WHERE athlete_id = ? ORDER BY created_at DESC, id DESC",
        (athlete_id,),
    ).fetchall()


def _document_values(document: DocumentFields) -> tuple[object, ...]:
    return (
        document.kind,
        document.title,
        _day(document.issued_on),
        _day(document.valid_until),
        document.notes,
    )


def insert_document(
    conn: sqlite3.Connection, athlete_id: int, media_id: int, document: DocumentFields
) -> int:
    """Add a document holding the stored file `media_id`; returns the new id."""
    cursor = conn.execute(
        "INSERT INTO documents(athlete_id, media_id, kind, title, issued_on, valid_until, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (athlete_id, media_id, *_document_values(document)),
    )
    return int(cursor.lastrowid or 0)


def update_document(conn: sqlite3.Connection, document_id: int, document: DocumentFields) -> None:
    """Change what a document says (its file stays)."""
    conn.execute(
        "UPDATE documents SET kind = ?, title = ?, issued_on = ?, valid_until = ?, notes = ? "
        "WHERE id = ?",
        (*_document_values(document), document_id),
    )


def document_owner(conn: sqlite3.Connection, document_id: int) -> int | None:
    """The athlete a document belongs to, or None when there is no such document."""
    found = conn.execute("SELECT athlete_id FROM documents WHERE id = ?", (document_id,)).fetchone()
    return None if found is None else int(found[0])


def delete_document(conn: sqlite3.Connection, document_id: int) -> None:
    """Remove a document; a trigger deletes its file, and proofs naming it become none."""
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


# The stored files of one athlete: their photo and their documents' files.
_ATHLETE_MEDIA = (
    "SELECT photo_id FROM athletes WHERE id = :id "
    "UNION SELECT media_id FROM documents WHERE athlete_id = :id"
)
# An athlete's whole record: the rows it is made of, in an order their foreign keys allow
# inserting them in (the files first, then the athlete, then what hangs off them).
_RECORD_QUERIES = (
    ("media", f"SELECT * FROM media WHERE id IN ({_ATHLETE_MEDIA}) ORDER BY id"),
    (
        "media_data",
        f"SELECT * FROM media_data WHERE media_id IN ({_ATHLETE_MEDIA}) ORDER BY media_id",
    ),
    ("athletes", "SELECT * FROM athletes WHERE id = :id"),
    ("documents", "SELECT * FROM documents WHERE athlete_id = :id ORDER BY id"),
    ("promotions", "SELECT * FROM promotions WHERE athlete_id = :id ORDER BY id"),
    ("medals", "SELECT * FROM medals WHERE athlete_id = :id ORDER BY id"),
    ("tournament_entries", "SELECT * FROM tournament_entries WHERE athlete_id = :id ORDER BY id"),
)
# What a record names that may be gone by the time its delete is undone (the tournament
# deleted, its rules refreshed meanwhile): it is put back naming none of it, and an entry of
# a tournament that is gone is left out, rather than the whole undo refused.
_MAY_BE_GONE = {
    "medals": {"tournament_id": "tournaments"},
    "tournament_entries": {
        "category_id": "tournament_categories",
        "weight_class_id": "tournament_weight_classes",
    },
}
_LEFT_OUT_WITHOUT = {"tournament_entries": ("tournament_id", "tournaments")}
# The columns that name a stored file, by table.
_MEDIA_REFERENCES = {"media_data": "media_id", "athletes": "photo_id", "documents": "media_id"}

AthleteRecord = list[tuple[str, list[dict[str, object]]]]


def athlete_record(conn: sqlite3.Connection, athlete_id: int) -> AthleteRecord:
    """Every row of one athlete, their files' included, as (table, rows), column for column
    (any column to come)."""
    record: AthleteRecord = []
    for table, sql in _RECORD_QUERIES:
        cursor = conn.execute(sql, {"id": athlete_id})
        columns = [column[0] for column in cursor.description]
        record.append((table, [dict(zip(columns, row, strict=True)) for row in cursor]))
    return record


def insert_record(conn: sqlite3.Connection, record: AthleteRecord) -> None:
    """Put back the rows of `athlete_record` exactly, ids included, but for the stored
    files: they take new ids (another athlete's photo or a club's logo may have taken the
    old ones meanwhile), and the rows naming them follow.

    Raises sqlite3.IntegrityError when an id is taken meanwhile or a belt is gone.
    """
    new_media: dict[object, int] = {}
    for table, rows in record:
        reference = _MEDIA_REFERENCES.get(table)
        for row in rows:
            values = dict(row)
            needed = _LEFT_OUT_WITHOUT.get(table)
            if needed is not None and not _row_exists(conn, needed[1], values[needed[0]]):
                continue
            for column, named in _MAY_BE_GONE.get(table, {}).items():
                if not _row_exists(conn, named, values[column]):
                    values[column] = None
            if table == "media":
                old_id = values.pop("id")
            elif reference is not None and values[reference] is not None:
                values[reference] = new_media[values[reference]]
            columns = ", ".join(values)
            marks = ", ".join("?" * len(values))
            cursor = conn.execute(
                f"INSERT INTO {table}({columns}) VALUES ({marks})", tuple(values.values())
            )
            if table == "media":
                new_media[old_id] = int(cursor.lastrowid or 0)


def _row_exists(conn: sqlite3.Connection, table: str, row_id: object) -> bool:
    # `table` comes from the maps above, never from a file.
    return (
        row_id is not None
        and conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None
    )
