"""A demo club's files: each athlete's portrait, and their papers as PDF documents.

Every file goes through the media service's own checks (`MediaService.check_file`), as a
file the coach chose would, and is stored the same way: a demo club's photos have their
thumbnails, and a restore of its backup checks them as any other. Each athlete's files come
from a random stream of their own (the seed and the athlete's id), so they are the same
whichever thread makes them, and two threads make them side by side (Pillow lets go of
Python's lock while it encodes and decodes).

A paper's dates are the athlete's: the medical certificate is valid until the athlete's
medical date, the licence card until the licence's, so some have run out and some soon will.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from judo_manager.db import Database
from judo_manager.demo.files import paper_pdf, portrait_jpeg
from judo_manager.media.model import CheckedFile, Purpose
from judo_manager.media.service import MediaService

# Athletes whose files are made, then stored in one write.
BATCH = 24
WORKERS = 2
DOCTORS = ["Dr. A. Wibowo", "Dr. M. Keller", "Dr. S. Rahman", "Dr. L. Moreau"]


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    birth_date: dt.date
    licence_number: str | None
    licence_valid_until: str | None
    medical_valid_until: str | None
    # The latest grading: (date, belt name), if any.
    graded: tuple[str, str] | None


@dataclass(frozen=True)
class _Paper:
    kind: str
    title: str
    issued_on: str | None
    valid_until: str | None
    file: CheckedFile


@dataclass(frozen=True)
class _Files:
    athlete_id: int
    photo: CheckedFile
    papers: list[_Paper]


def add_demo_files(db: Database, athlete_ids: Iterable[int], *, seed: int, today: dt.date) -> None:
    """Give each athlete of `athlete_ids` a portrait and a few papers."""
    media = MediaService(db)
    ids = list(athlete_ids)
    with tempfile.TemporaryDirectory(prefix="jm-demo-") as scratch:
        folder = Path(scratch)

        def made(person: _Person) -> _Files:
            return _files_of(media, folder, person, seed, today)

        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            for start in range(0, len(ids), BATCH):
                people = _people(db.connection(), ids[start : start + BATCH])
                batch = list(pool.map(made, people))
                with db.write() as conn:
                    for files in batch:
                        _store(conn, media, files)


def _people(conn: sqlite3.Connection, ids: list[int]) -> list[_Person]:
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(
        "SELECT a.id, a.full_name, a.birth_date, a.licence_number, a.licence_valid_until, "
        "a.medical_valid_until, (SELECT p.promoted_on || '|' || b.name FROM promotions p "
        "JOIN belts b ON b.id = p.belt_id WHERE p.athlete_id = a.id "
        "ORDER BY p.promoted_on DESC LIMIT 1) "
        f"FROM athletes a WHERE a.id IN ({marks}) ORDER BY a.id",
        ids,
    )
    return [
        _Person(
            id=row[0],
            name=row[1],
            birth_date=dt.date.fromisoformat(row[2]),
            licence_number=row[3],
            licence_valid_until=row[4],
            medical_valid_until=row[5],
            graded=tuple(row[6].split("|", 1)) if row[6] else None,  # type: ignore[arg-type]
        )
        for row in rows
    ]


def _files_of(
    media: MediaService, folder: Path, person: _Person, seed: int, today: dt.date
) -> _Files:
    rng = random.Random(f"{seed}:files:{person.id}")
    stem = "-".join(person.name.lower().split())
    photo = _checked(media, folder, f"{stem}.jpg", portrait_jpeg(rng), "photo", person.id)
    papers = [
        _Paper(
            kind, title, issued, until, _checked(media, folder, name, data, "document", person.id)
        )
        for kind, title, issued, until, name, data in _papers_of(rng, person, today)
    ]
    return _Files(person.id, photo, papers)


def _papers_of(
    rng: random.Random, person: _Person, today: dt.date
) -> Iterator[tuple[str, str, str | None, str | None, str, bytes]]:
    """(kind, title, issued on, valid until, file name, PDF) of each of the athlete's papers."""
    name = person.name
    if person.medical_valid_until and rng.random() < 0.9:
        until = dt.date.fromisoformat(person.medical_valid_until)
        issued = until - dt.timedelta(days=365)
        doctor = rng.choice(DOCTORS)
        yield (
            "medical_certificate",
            f"Medical certificate {issued.year}",
            issued.isoformat(),
            until.isoformat(),
            f"medical-certificate-{issued.year}.pdf",
            paper_pdf(
                "Medical certificate",
                [
                    f"Medical certificate — {name} — valid until {until.isoformat()}",
                    "Fit to train and compete in judo.",
                    f"Examined on {issued.isoformat()} by {doctor}.",
                ],
            ),
        )
    if person.licence_number and person.licence_valid_until and rng.random() < 0.85:
        until = dt.date.fromisoformat(person.licence_valid_until)
        issued = until - dt.timedelta(days=365)
        yield (
            "licence_card",
            f"Federation licence {person.licence_number}",
            issued.isoformat(),
            until.isoformat(),
            f"licence-{person.licence_number.lower()}.pdf",
            paper_pdf(
                "Federation licence",
                [
                    f"Licence card — {name} — {person.licence_number}",
                    f"Valid from {issued.isoformat()} until {until.isoformat()}.",
                    "Demo Federation",
                ],
            ),
        )
    if (today - person.birth_date).days < 18 * 365 and rng.random() < 0.6:
        issued = person.birth_date + dt.timedelta(days=rng.randint(3, 30))
        yield (
            "birth_certificate",
            "Birth certificate",
            issued.isoformat(),
            None,
            "birth-certificate.pdf",
            paper_pdf(
                "Birth certificate",
                [f"Birth certificate — {name} — born {person.birth_date.isoformat()}"],
            ),
        )
    if person.graded is not None and rng.random() < 0.5:
        day, belt = person.graded
        yield (
            "grading_certificate",
            f"Grading certificate — {belt}",
            day,
            None,
            f"grading-{day}.pdf",
            paper_pdf("Grading certificate", [f"Grading certificate — {name} — {belt} — {day}"]),
        )


def _checked(
    media: MediaService, folder: Path, name: str, data: bytes, purpose: Purpose, owner: int
) -> CheckedFile:
    """`data` checked as the file `name` a coach chose would be."""
    path = folder / str(owner) / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    try:
        return media.check_file(path, purpose)
    finally:
        path.unlink()


def _store(conn: sqlite3.Connection, media: MediaService, files: _Files) -> None:
    photo_id = media.store(conn, files.photo)
    conn.execute("UPDATE athletes SET photo_id = ? WHERE id = ?", (photo_id, files.athlete_id))
    for paper in files.papers:
        conn.execute(
            "INSERT INTO documents(athlete_id, media_id, kind, title, issued_on, valid_until) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                files.athlete_id,
                media.store(conn, paper.file),
                paper.kind,
                paper.title,
                paper.issued_on,
                paper.valid_until,
            ),
        )
