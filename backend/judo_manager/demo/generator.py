"""Generates a plausible club: varied names, ages from kids to veterans, sensible weights,
belts earned through a grading history, and medals."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from judo_manager.athletes.names import search_key
from judo_manager.athletes.service import AthletesService
from judo_manager.db import Database
from judo_manager.errors import JudoManagerError
from judo_manager.i18n import _n

FIRST_NAMES = {
    "F": [
        "Amandine",
        "Clarisse",
        "Daria",
        "Distria",
        "Emma",
        "Hana",
        "Ines",
        "Julia",
        "Kaja",
        "Lea",
        "Madeleine",
        "Marta",
        "Nora",
        "Odette",
        "Priscilla",
        "Rafaela",
        "Sarah",
        "Tina",
        "Uta",
        "Yuki",
        "Zsofia",
        "Aiko",
        "Barbara",
        "Chloe",
        "Gulnara",
    ],
    "M": [
        "Ahmad",
        "Bekmurod",
        "Carlos",
        "Daniel",
        "Eduardo",
        "Farid",
        "Guram",
        "Hifumi",
        "Ilias",
        "Jorge",
        "Kenji",
        "Lukas",
        "Matthias",
        "Nikoloz",
        "Ole",
        "Pedro",
        "Rafael",
        "Shohei",
        "Teddy",
        "Varlam",
        "Wojciech",
        "Yerlan",
        "Arman",
        "Budi",
        "Dimas",
    ],
}
LAST_NAMES = [
    "Abe",
    "Bilodid",
    "Cargnin",
    "Deguchi",
    "Eich",
    "Fonseca",
    "Gomez",
    "Hoffmann",
    "Ibragimov",
    "Jansen",
    "Krasniqi",
    "Lombardo",
    "Mollaei",
    "Nagase",
    "Ono",
    "Pereira",
    "Riner",
    "Santoso",
    "Tasoev",
    "Uematsu",
    "Van Dijk",
    "Wieczerzak",
    "Yamamoto",
    "Zantaraia",
    "Kusuma",
    "Putri",
    "Wijaya",
    "Schmidt",
    "Silva",
]
COMPETITIONS = [
    "City Open",
    "Regional Championships",
    "National Cup",
    "Spring Randori Cup",
    "Autumn Kids Tournament",
    "University Games",
    "European Cup",
    "Veterans Masters",
]
EXAMINERS = ["K. Tanaka (6th Dan)", "M. Weber (5th Dan)", "S. Dewi (4th Dan)", None]
BATCH = 10_000


@dataclass(frozen=True)
class DemoAthlete:
    """One generated athlete with their grading history and medals, oldest first."""

    row: tuple[object, ...]
    promotions: list[tuple[str, int, int, str | None]]
    medals: list[tuple[str, str, str, str]]


def generate_athletes(
    rng: random.Random,
    count: int,
    today: dt.date,
    ladder: list[int],
    taken: set[tuple[str, str]],
) -> Iterator[DemoAthlete]:
    """`count` plausible athletes on the belt ladder `ladder` (belt ids, lowest first).

    No two share a name and birth date, with each other or with the (search name, birth
    date) pairs in `taken`, which grows as athletes are made: the app refuses such
    duplicates, so demo data must not hold them either.

    Each started at the lowest belt at some age, was graded about once a year through the
    kyu grades and every few years through the dan grades, and the older ones won a few
    medals. The rows are for `athletes(full_name, search_name, birth_date, sex, belt_id,
    weight_kg, active)`.
    """
    for _ in range(count):
        sex = rng.choice("FM")
        age = rng.choices(
            [rng.randint(6, 14), rng.randint(15, 20), rng.randint(21, 35), rng.randint(36, 65)],
            weights=[45, 30, 15, 10],
        )[0]
        name, birth = _unique_name_and_birth(rng, sex, age, today, taken)
        adult_weight = rng.gauss(62 if sex == "F" else 78, 10)
        # Children grow about 3 kg a year towards their adult weight (~23 kg at 7).
        weight = round(max(18.0, adult_weight * min(1.0, (3.2 * age + 1) / 70)), 1)
        promotions = _grading_history(rng, birth, today, ladder)
        belt = promotions[-1][1] if promotions else ladder[0]
        row = (
            name,
            search_key(name),
            birth.isoformat(),
            sex,
            belt,
            weight,
            int(rng.random() > 0.1),
        )
        yield DemoAthlete(row, promotions, _medals(rng, birth, today, age))


def _unique_name_and_birth(
    rng: random.Random, sex: str, age: int, today: dt.date, taken: set[tuple[str, str]]
) -> tuple[str, dt.date]:
    while True:
        birth = today.replace(year=today.year - age) - dt.timedelta(days=rng.randint(0, 364))
        name = f"{rng.choice(FIRST_NAMES[sex])} {rng.choice(LAST_NAMES)}"
        key = (search_key(name), birth.isoformat())
        if key not in taken:
            taken.add(key)
            return name, birth


def _grading_history(
    rng: random.Random, birth: dt.date, today: dt.date, ladder: list[int]
) -> list[tuple[str, int, int, str | None]]:
    """(date, belt, from belt, examiner) of each grading since the athlete started."""
    day = birth + dt.timedelta(days=365 * rng.randint(5, 12) + rng.randint(0, 364))
    history = []
    for step in range(1, len(ladder)):
        # Kyu grades come every year or so; dan grades take years (the dan count is ~10).
        years = (
            rng.uniform(0.6, 1.5) if step < len(ladder) - 10 else rng.uniform(2.0, 6.0) + step / 3
        )
        day += dt.timedelta(days=int(365 * years))
        if day > today:
            break
        history.append((day.isoformat(), ladder[step], ladder[step - 1], rng.choice(EXAMINERS)))
    return history


def _medals(
    rng: random.Random, birth: dt.date, today: dt.date, age: int
) -> list[tuple[str, str, str, str]]:
    """(competition, date, place, category) of the podiums of a competing athlete."""
    if age < 8 or rng.random() > 0.35:
        return []
    medals = []
    for _ in range(rng.choices([1, 2, 3, 5], weights=[50, 25, 15, 10])[0]):
        years_ago = rng.randint(0, min(age - 7, 10))
        day = today - dt.timedelta(days=365 * years_ago + rng.randint(0, 364))
        category = f"U{min(21, max(9, age - years_ago + 1))} -{rng.choice([40, 48, 57, 66, 73])} kg"
        place = rng.choices(["gold", "silver", "bronze"], weights=[25, 25, 50])[0]
        medals.append((rng.choice(COMPETITIONS), max(day, birth).isoformat(), place, category))
    return medals


DEMO_CLUB = "Demo Judo Club"


def fill_demo_club(db: Database, athletes: int, *, force: bool = False, seed: int = 7) -> int:
    """Add a demo club with `athletes` athletes, their gradings and medals.

    Refuses a database that already has athletes, unless `force`.
    """
    existing = AthletesService(db).count()
    if existing and not force:
        raise JudoManagerError(
            _n(
                "This database already holds {count} athlete. Add --force to add demo "
                "athletes anyway.",
                "This database already holds {count} athletes. Add --force to add demo "
                "athletes anyway.",
                existing,
            )
        )
    rng = random.Random(seed)
    # The papers draw from their own generator, so the athletes stay those of older demos.
    papers_rng = random.Random(seed + 1)
    today = dt.date.today()
    service = AthletesService(db)
    with db.write() as conn:
        ladder = [row[0] for row in conn.execute("SELECT id FROM belts ORDER BY rank")]
        # A second run (--force) adds its athletes to the same club: names are unique.
        found = conn.execute(
            "SELECT id FROM clubs WHERE name = ? COLLATE NOCASE", (DEMO_CLUB,)
        ).fetchone()
        club_id = (
            found[0]
            if found
            else conn.execute(
                "INSERT INTO clubs(name, federation, city) VALUES (?, ?, ?)",
                (DEMO_CLUB, "Demo Federation", "Bogor"),
            ).lastrowid
        )
        first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM athletes").fetchone()[0]
        taken = set(conn.execute("SELECT search_name, birth_date FROM athletes").fetchall())
        generated = generate_athletes(rng, athletes, today, ladder, taken)
        member_ids = service.new_member_ids(athletes)
        for start in range(0, athletes, BATCH):
            batch = list(itertools.islice(generated, BATCH))
            profiles = [
                (member_ids[start + i], *_papers(papers_rng, today)) for i in range(len(batch))
            ]
            _insert(conn, club_id, first_id + start, batch, profiles)
    return athletes


def _papers(rng: random.Random, today: dt.date) -> tuple[str | None, str | None]:
    """(licence valid until, medical valid until) as a club's records hold them: most
    current, some lapsed or about to, some never entered."""

    def until(known: float, earliest: int, latest: int) -> str | None:
        if rng.random() > known:
            return None
        return (today + dt.timedelta(days=rng.randint(earliest, latest))).isoformat()

    return until(0.85, -200, 500), until(0.75, -100, 365)


def _insert(
    conn: sqlite3.Connection,
    club_id: int,
    first_id: int,
    batch: list[DemoAthlete],
    profiles: list[tuple[str, str | None, str | None]],
) -> None:
    ids = range(first_id, first_id + len(batch))
    conn.executemany(
        "INSERT INTO athletes(id, club_id, full_name, search_name, birth_date, sex, belt_id, "
        "weight_kg, active, member_id, licence_valid_until, medical_valid_until) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (id_, club_id, *athlete.row, *profile)
            for id_, athlete, profile in zip(ids, batch, profiles, strict=True)
        ],
    )
    conn.executemany(
        "INSERT INTO promotions(athlete_id, promoted_on, belt_id, from_belt_id, examiner) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (id_, *promotion)
            for id_, athlete in zip(ids, batch, strict=True)
            for promotion in athlete.promotions
        ],
    )
    conn.executemany(
        "INSERT INTO medals(athlete_id, competition, held_on, place, category) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (id_, *medal)
            for id_, athlete in zip(ids, batch, strict=True)
            for medal in athlete.medals
        ],
    )
