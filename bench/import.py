"""How long importing a spreadsheet of athletes takes: reading and previewing it, then the
import itself (safety copy, checks and one write), for XLSX and CSV.

A file of --rows athletes (Indonesian headers, dd/mm/yyyy dates, belts by colour, weights
with a comma, a few clubs), written once per format with openpyxl and the csv module. Each
run reads it into a fresh club (`ImportService.read`, which previews with the guesses), asks
one more preview as the page does after a change, and imports it. The baselines, from the
same run: python-calamine's bare read of the same workbook (the reader the import uses) and
the csv module's bare read of the same text, which no import can beat; and openpyxl's bare
read (read-only, values only), the reader the import used before.

Goal: the preview of 5,000 rows under 3 s. Nothing here asserts on a time; a wrong count
stops the run.

    .venv/bin/python bench/import.py [--rows 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "backend"), str(Path(__file__).parent)]

from openpyxl import Workbook, load_workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from _common import median, print_table, ratio  # noqa: E402
from judo_manager.db import open_database  # noqa: E402
from judo_manager.db.layout import database_path  # noqa: E402
from judo_manager.wiring import AppServices  # noqa: E402

HEADER = ["Nama", "Tanggal Lahir", "JK", "Sabuk", "Berat", "Klub", "No HP", "ID Anggota"]
BELTS = ["Putih", "Kuning", "Oranye", "Hijau", "Biru", "Cokelat", "4 kyu", "1 dan"]
CLUBS = ["Garuda Bogor", "Merapi Judo", "Dojo Bandung", ""]


def rows(count: int) -> list[list[str]]:
    """`count` distinct athletes as a coach's sheet holds them."""
    return [
        [
            f"Atlet {n:05d}",
            f"{1 + n % 28:02d}/{1 + n % 12:02d}/{1995 + n % 20}",
            "L" if n % 2 else "P",
            BELTS[n % len(BELTS)],
            f"{30 + n % 60},{n % 10}",
            CLUBS[n % len(CLUBS)],
            f"0812{n:07d}",
            f"IMP-{n:05d}",
        ]
        for n in range(count)
    ]


def write_files(folder: Path, count: int) -> dict[str, Path]:
    data = [HEADER, *rows(count)]
    with (folder / "athletes.csv").open("w", newline="", encoding="cp1252") as out:
        csv.writer(out, delimiter=";").writerows(data)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Atlet")
    for row in data:
        sheet.append(row)
    workbook.save(folder / "athletes.xlsx")
    return {"xlsx": folder / "athletes.xlsx", "csv": folder / "athletes.csv"}


def bare_read(kind: str, path: Path) -> int:
    """The rows the library alone reads: the floor under any import."""
    if kind == "xlsx":
        with CalamineWorkbook.from_path(path) as workbook:
            return len(workbook.get_sheet_by_index(0).to_python(skip_empty_area=False))
    if kind == "openpyxl":
        workbook = load_workbook(path, read_only=True, data_only=True)
        count = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        return count
    with path.open(newline="", encoding="cp1252") as text:
        return sum(1 for _row in csv.reader(text, delimiter=";"))


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def one_run(kind: str, path: Path, count: int, folder: Path) -> tuple[float, float, float]:
    """Seconds to read and preview, to preview again, and to import, into a fresh club."""
    db = open_database(database_path(Path(tempfile.mkdtemp(dir=folder))))
    try:
        imports = AppServices.build(db).imports
        read_s, first = timed(lambda: imports.read(path))
        settings = {
            "columns": [column.field for column in first.columns],  # type: ignore[attr-defined]
            "date_order": None,
            "duplicates": "skip",
        }
        again_s, preview = timed(lambda: imports.preview(first.token, settings))  # type: ignore[attr-defined]
        if preview.to_add != count or preview.problem_count:  # type: ignore[attr-defined]
            raise SystemExit(f"{kind}: the preview found {preview}")
        apply_s, outcome = timed(lambda: imports.apply(first.token, settings))  # type: ignore[attr-defined]
        if outcome.added != count:  # type: ignore[attr-defined]
            raise SystemExit(f"{kind}: imported {outcome}")
        return read_s, again_s, apply_s
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        files = write_files(folder, args.rows)
        table = []
        for kind, path in files.items():
            baseline = median(
                [timed(lambda p=path, k=kind: bare_read(k, p))[0] for _ in range(args.runs)]
            )
            runs = [one_run(kind, path, args.rows, folder) for _ in range(args.runs)]
            read_s, again_s, apply_s = (median([run[i] for run in runs]) for i in range(3))
            table.append(
                [
                    kind,
                    f"{path.stat().st_size / 1e6:.2f} MB",
                    f"{baseline:.2f} s",
                    f"{read_s:.2f} s ({ratio(read_s, baseline)})",
                    f"{again_s:.2f} s",
                    f"{apply_s:.2f} s",
                ]
            )
        before = median(
            [timed(lambda: bare_read("openpyxl", files["xlsx"]))[0] for _ in range(args.runs)]
        )
    print_table(
        f"Import of {args.rows:,} athletes, median of {args.runs} runs (goal: preview < 3 s)",
        ["file", "size", "bare read (baseline)", "read + first preview", "next preview", "import"],
        table,
    )
    print(
        f"openpyxl's bare read of the same XLSX (the reader before python-calamine): {before:.2f} s"
    )


if __name__ == "__main__":
    main()
