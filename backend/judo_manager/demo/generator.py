"""Generates a plausible club: varied names, ages from kids to veterans, sensible weights."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Iterator

from judo_manager.athletes.repository import count_athletes
from judo_manager.db import Database
from judo_manager.errors import JudoManagerError

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
BATCH = 10_000


def generate_athletes(rng: random.Random, count: int, today: dt.date) -> Iterator[tuple]:
    """`count` rows for `athletes(full_name, birth_date, sex, weight_kg, active)`."""
    for _ in range(count):
        sex = rng.choice("FM")
        age = rng.choices(
            [rng.randint(6, 14), rng.randint(15, 20), rng.randint(21, 35), rng.randint(36, 65)],
            weights=[45, 30, 15, 10],
        )[0]
        birth = today.replace(year=today.year - age) - dt.timedelta(days=rng.randint(0, 364))
        adult_weight = rng.gauss(62 if sex == "F" else 78, 10)
        weight = adult_weight * min(1.0, 0.35 + age * 0.045)
        name = f"{rng.choice(FIRST_NAMES[sex])} {rng.choice(LAST_NAMES)}"
        yield (name, birth.isoformat(), sex, round(max(18.0, weight), 1), int(rng.random() > 0.1))


def fill_demo_club(db: Database, athletes: int, *, force: bool = False, seed: int = 7) -> int:
    """Add a demo club with `athletes` athletes; refuses a database that already has athletes."""
    existing = count_athletes(db.connection())
    if existing and not force:
        raise JudoManagerError(
            f"This database already holds {existing} athletes. Add --force to add demo "
            "athletes anyway."
        )
    rng = random.Random(seed)
    rows = generate_athletes(rng, athletes, dt.date.today())
    with db.write() as conn:
        club_id = conn.execute(
            "INSERT INTO clubs(name, federation, city) VALUES (?, ?, ?)",
            ("Demo Judo Club", "Demo Federation", "Bogor"),
        ).lastrowid
        _insert_batches(conn, club_id, rows)
    return athletes


def _insert_batches(conn: sqlite3.Connection, club_id: int, rows: Iterator[tuple]) -> None:
    batch: list[tuple] = []
    for row in rows:
        batch.append((club_id, *row))
        if len(batch) == BATCH:
            _insert(conn, batch)
            batch.clear()
    _insert(conn, batch)


def _insert(conn: sqlite3.Connection, batch: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO athletes(club_id, full_name, birth_date, sex, weight_kg, active) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        batch,
    )
