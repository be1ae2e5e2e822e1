"""The database from many threads at once, as pywebview's bridge calls use it."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from judo_manager.db import Database


def test_each_thread_gets_its_own_connection(db: Database) -> None:
    seen: list[tuple[sqlite3.Connection, sqlite3.Connection]] = []
    # Holding the objects (not their ids) keeps every connection alive, so no address
    # can be reused by another thread's connection.
    all_started = threading.Barrier(4)

    def remember() -> None:
        all_started.wait()
        seen.append((db.connection(), db.connection()))

    threads = [threading.Thread(target=remember) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert all(first is second for first, second in seen)
    distinct = {id(first) for first, _ in seen} | {id(db.connection())}
    assert len(distinct) == 5


def test_concurrent_writers_from_many_threads_all_land(db: Database) -> None:
    errors: list[BaseException] = []

    def add_athletes(worker: int) -> None:
        try:
            for n in range(50):
                with db.write() as conn:
                    conn.execute(
                        "INSERT INTO athletes(full_name, search_name, birth_date, sex) "
                        "VALUES (?1, lower(?1), ?2, ?3)",
                        (f"Athlete {worker}-{n}", "2010-05-01", "F"),
                    )
        except BaseException as error:  # collected, so the test reports it
            errors.append(error)

    threads = [threading.Thread(target=add_athletes, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert db.connection().execute("SELECT count(*) FROM athletes").fetchone()[0] == 400


def test_a_failed_write_is_rolled_back(db: Database) -> None:
    try:
        with db.write() as conn:
            conn.execute("INSERT INTO clubs(name) VALUES ('Half written club')")
            raise ValueError("validation failed after the insert")
    except ValueError:
        pass
    assert db.connection().execute("SELECT count(*) FROM clubs").fetchone()[0] == 0


def test_readers_see_committed_writes_from_other_threads(db: Database) -> None:
    def write() -> None:
        with db.write() as conn:
            conn.execute("INSERT INTO clubs(name) VALUES ('Dojo Kano')")

    t = threading.Thread(target=write)
    t.start()
    t.join()
    assert db.connection().execute("SELECT name FROM clubs").fetchone()[0] == "Dojo Kano"


def test_writes_go_through_the_write_ahead_log(db: Database) -> None:
    with db.write() as conn:
        conn.execute("INSERT INTO clubs(name) VALUES ('WAL club')")
    wal = Path(str(db.path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
