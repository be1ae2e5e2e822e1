"""Generates a plausible club: varied names, ages from kids to veterans, sensible weights,
belts earned through a grading history, medals, member IDs, and federation licences and
medical certificates some of which have run out or soon will; with `photos`, a portrait of
each athlete and their papers as PDFs (`demo/papers.py`)."""

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
DEMO_CLUB = ("Demo Judo Club", "Demo Federation", "Bogor")
# How each athlete's licence and medical certificate stand today: (share, days from today
# to its valid-until date, or None for no date), so the roster shows every badge.
PAPER_STATES: tuple[tuple[float, tuple[int, int] | None], ...] = (
    (0.70, (31, 400)),  # valid
    (0.10, (0, 30)),  # expiring within 30 days
    (0.12, (-400, -1)),  # expired
    (0.08, None),  # not recorded
)


@dataclass(frozen=True)
class DemoAthlete:
    """One generated athlete with their grading history and medals, oldest first."""

    row: tuple[object, ...]
    promotions: list[tuple[str, int, int, str | None]]
    medals: list[tuple[str, str, str, str]]


@dataclass(frozen=True)
class DemoPapers:
    """An athlete's member ID, federation licence and medical certificate's dates."""

    member_id: str
    licence_number: str | None
    licence_valid_until: str | None
    medical_valid_until: str | None


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


def fill_demo_club(
    db: Database, athletes: int, *, force: bool = False, seed: int = 7, photos: bool = False
) -> int:
    """Add a demo club with `athletes` athletes, their gradings, medals and papers' dates;
    with `photos`, a portrait of each and their papers as PDFs too.

    Refuses a database that already has athletes, unless `force`. The same `seed` makes the
    same club (its papers' dates counted from today).
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
    # The papers draw from a stream of their own, so that the athletes, gradings and medals
    # of a seed stay those of earlier versions.
    papers_rng = random.Random(f"{seed}:papers")
    today = dt.date.today()
    with db.write() as conn:
        ladder = [row[0] for row in conn.execute("SELECT id FROM belts ORDER BY rank")]
        club_id = _demo_club(conn)
        first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM athletes").fetchone()[0]
        taken = set(conn.execute("SELECT search_name, birth_date FROM athletes").fetchall())
        # Made as the app makes them (the club's prefix, after the highest number given).
        member_ids = iter(AthletesService(db).new_member_ids(athletes))
        generated = generate_athletes(rng, athletes, today, ladder, taken)
        for start in range(0, athletes, BATCH):
            batch = list(itertools.islice(generated, BATCH))
            papers = [generate_papers(papers_rng, next(member_ids), today) for _ in batch]
            _insert(conn, club_id, first_id + start, batch, papers)
    if photos:
        from judo_manager.demo.papers import add_demo_files

        add_demo_files(db, range(first_id, first_id + athletes), seed=seed, today=today)
    return athletes


def generate_papers(rng: random.Random, member_id: str, today: dt.date) -> DemoPapers:
    """An athlete's member ID, and a licence and a medical certificate dated as
    `PAPER_STATES` shares them out."""
    licence = None if rng.random() < 0.1 else f"PJSI-{rng.randint(10_000, 99_999)}"
    return DemoPapers(
        member_id=member_id,
        licence_number=licence,
        licence_valid_until=_valid_until(rng, today) if licence else None,
        medical_valid_until=_valid_until(rng, today),
    )


def _valid_until(rng: random.Random, today: dt.date) -> str | None:
    days = rng.choices([s for _w, s in PAPER_STATES], weights=[w for w, _s in PAPER_STATES])[0]
    if days is None:
        return None
    return (today + dt.timedelta(days=rng.randint(*days))).isoformat()


def _demo_club(conn: sqlite3.Connection) -> int:
    """The demo club's id: made the first time, found again after (names are unique)."""
    name, federation, city = DEMO_CLUB
    row = conn.execute("SELECT id FROM clubs WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
    if row is not None:
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO clubs(name, federation, city) VALUES (?, ?, ?)", (name, federation, city)
    )
    return int(cursor.lastrowid or 0)


def _insert(
    conn: sqlite3.Connection,
    club_id: int,
    first_id: int,
    batch: list[DemoAthlete],
    papers: list[DemoPapers],
) -> None:
    ids = range(first_id, first_id + len(batch))
    conn.executemany(
        "INSERT INTO athletes(id, club_id, full_name, search_name, birth_date, sex, belt_id, "
        "weight_kg, active, member_id, licence_number, licence_valid_until, "
        "medical_valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                id_,
                club_id,
                *athlete.row,
                paper.member_id,
                paper.licence_number,
                paper.licence_valid_until,
                paper.medical_valid_until,
            )
            for id_, athlete, paper in zip(ids, batch, papers, strict=True)
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
