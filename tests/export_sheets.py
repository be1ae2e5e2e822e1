"""Entry sheets as a feature hands them to the exports, made up for the tests: names in the
scripts a roster holds, conflicts on some rows, and as many rows as a test needs."""

from __future__ import annotations

from judo_manager.exports.model import Column, Group, Row, Sheet

# Latin with Turkish and Vietnamese letters, Japanese, and plain ASCII.
NAMES = ("Öztürk, Ayşe", "Nguyễn Văn An", "山田太郎", "Pratama, Budi", "Müller, Jürgen")
COLUMNS = (
    Column("No.", 0.5, "right"),
    Column("Name", 3.0),
    Column("Birth year", 1.0, "right"),
    Column("Belt", 1.2),
    Column("Weight", 1.0, "right"),
    Column("Club", 2.5),
    Column("Licence", 1.3),
)
CONFLICTS = ("Not eligible by age for U18", "Weight outside -66 kg")


def entry_row(name: str, *, problems: tuple[str, ...] = (), club: str = "Dojo Garuda") -> Row:
    """One entry, as the tournaments feature writes it; `entry_sheet` numbers it."""
    return Row(cells=("", name, "2009", "Yellow", "65.5 kg", club, "LIC-0042"), problems=problems)


def entry_sheet(
    groups: list[tuple[tuple[str, ...], list[Row]]],
    *,
    logo: bytes | None = None,
    organisation: str | None = "Dojo Garuda",
) -> Sheet:
    """A sheet of `groups`, each (heading values, rows), its rows numbered through the
    sheet, totals and summary counted."""
    made, number = [], 0
    for values, rows in groups:
        numbered = []
        for row in rows:
            number += 1
            numbered.append(Row(cells=(str(number), *row.cells[1:]), problems=row.problems))
        made.append(Group(values=values, rows=numbered, total=f"{len(rows)} entries"))
    count = sum(len(rows) for _values, rows in groups)
    marked = sum(1 for _values, rows in groups for row in rows if row.problems)
    return Sheet(
        title="Jakarta Open 2026",
        details=("3 May 2026 - 4 May 2026", "GOR Jakarta"),
        organisation=organisation,
        logo=logo,
        group_columns=("Age category", "Sex", "Weight class"),
        columns=COLUMNS,
        groups=made,
        problems_label="Conflicts",
        summary=f"{count} entries, {marked} with conflicts",
        signature="Coach's signature and date",
    )


def big_sheet(rows: int = 1000, *, cjk: bool = True) -> Sheet:
    """`rows` entries in 20 weight classes, one in seven with two conflicts."""
    names = NAMES if cjk else tuple(n for n in NAMES if n != "山田太郎")
    per_group = rows // 20
    groups = []
    for number in range(20):
        entries = [
            entry_row(
                f"{names[i % len(names)]} {number * per_group + i}",
                problems=CONFLICTS if i % 7 == 0 else (),
            )
            for i in range(per_group)
        ]
        sex = "Women" if number < 10 else "Men"
        groups.append((("U18", sex, f"-{40 + number * 3} kg"), entries))
    return entry_sheet(groups)
