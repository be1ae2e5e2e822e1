"""Who is lost, added or changed between the current data and another file (a backup, a
safety copy): the restore and undo previews, and `inspect`.

How each kind of record is told apart and compared lives with the kind itself
(`contents.RECORD_KINDS`), so a table added there is compared without code here. Records
are matched by their natural key (an athlete's folded name and birth date), which holds
across clubs, and else by id where the record was made at the same moment and part of that
key still agrees: a renamed athlete, or a corrected birth date, is the same athlete
changed, while another club's athlete 5 is not.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from judo_manager.db.contents import KINDS_BY_TABLE, RECORD_KINDS, Compared, RecordKind
from judo_manager.i18n import Message, _, joined

# How many records of each list a preview names; the rest are counted ("and 12 more").
EXAMPLES = 20


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: as it is now, and as the other file has it."""

    field: Message
    current: Message
    other: Message


@dataclass(frozen=True)
class ChildCounts:
    """A record's rows of one child kind (promotions, medals) found on one side only."""

    table: str
    only_current: int
    only_other: int


@dataclass(frozen=True)
class RecordDifference:
    """One record lost, added or changed, named for the coach."""

    label: str
    fields: Sequence[FieldChange] = ()
    children: Sequence[ChildCounts] = ()


@dataclass(frozen=True)
class KindDifference:
    """One kind's records only in the current data, only in the other file, and in both but
    different: counted in full, the first `EXAMPLES` of each named (child kinds count only).
    """

    table: str
    only_current: int
    only_other: int
    changed: int
    only_current_examples: Sequence[RecordDifference] = ()
    only_other_examples: Sequence[RecordDifference] = ()
    changed_examples: Sequence[RecordDifference] = ()
    # The kind whose records these rows belong to (promotions: athletes); None for a kind
    # with records of its own.
    parent: str | None = None

    @property
    def differs(self) -> bool:
        """True when the two sides hold different records of this kind."""
        return bool(self.only_current or self.only_other or self.changed)


@dataclass
class _Record:
    id: int
    label: str
    key: tuple[object, ...]
    lineage: object
    values: tuple[object, ...]
    # {child table: (how many rows, their compared values as one sorted JSON array)}: equal
    # texts are the same rows, so most records compare without unpacking them.
    children: dict[str, tuple[int, str]] = field(default_factory=dict)


def compare(current: sqlite3.Connection, other: sqlite3.Connection) -> list[KindDifference]:
    """Every compared kind's differences between `current` and `other`.

    Both files must be at the app's own data version (a backup is brought up to it first):
    the columns named by `RECORD_KINDS` are then there.
    """
    differences: list[KindDifference] = []
    for kind, children in _top_kinds():
        assert kind.compared is not None
        mine = _records(current, kind, kind.compared, children)
        theirs = _records(other, kind, kind.compared, children)
        pairs, only_mine, only_theirs = _match(mine, theirs)
        changed = [
            diff
            for a, b in pairs
            if (diff := _difference(a, b, kind.compared, children)) is not None
        ]
        differences.append(
            KindDifference(
                table=kind.table,
                only_current=len(only_mine),
                only_other=len(only_theirs),
                changed=len(changed),
                only_current_examples=_examples(_alone(r, children, True) for r in only_mine),
                only_other_examples=_examples(_alone(r, children, False) for r in only_theirs),
                changed_examples=_examples(changed),
            )
        )
        for child in children:
            lost = added = 0
            for a, b in pairs:
                mine_only, theirs_only = _one_sided(
                    a.children[child.table], b.children[child.table]
                )
                lost += mine_only
                added += theirs_only
            lost += sum(r.children[child.table][0] for r in only_mine)
            added += sum(r.children[child.table][0] for r in only_theirs)
            differences.append(KindDifference(child.table, lost, added, 0, parent=kind.table))
    return differences


# {table: {id: [label, state (a revision or a digest), {child table: rows}, lineage]}}
Marks = dict[str, dict[str, list[object]]]


def marks_of(conn: sqlite3.Connection) -> Marks:
    """A small record of each record's state, to tell later what changed since (`since`).

    Taken of the data a restore puts in place, it lets the undo preview name the work done
    after the restore, which the undo would throw away, without keeping a second full copy.
    """
    return {
        kind.table: {str(id_): list(state) for id_, state in _states(conn, kind, children).items()}
        for kind, children in _top_kinds()
    }


def since(conn: sqlite3.Connection, marks: Marks) -> list[KindDifference]:
    """What changed in `conn` since `marks` were taken, matched by id and lineage.

    `only_current` counts records added since, `only_other` those deleted since (an id
    used again by a new record is both); a child kind counts rows added and deleted (an
    edited promotion changes its athlete instead).
    """
    differences: list[KindDifference] = []
    for kind, children in _top_kinds():
        if kind.table not in marks:
            continue  # marks taken before the app compared this kind: nothing to tell
        marked = marks[kind.table]
        now = {str(id_): state for id_, state in _states(conn, kind, children).items()}
        kept = {
            id_
            for id_, (*_state, lineage) in now.items()
            if (mark := marked.get(id_)) is not None and len(mark) > 3 and mark[3] == lineage
        }
        added = [str(state[0]) for id_, state in now.items() if id_ not in kept]
        deleted = [str(mark[0]) for id_, mark in marked.items() if id_ not in kept]
        changed = [str(now[id_][0]) for id_ in kept if marked[id_][1] != now[id_][1]]
        differences.append(
            KindDifference(
                kind.table,
                len(added),
                len(deleted),
                len(changed),
                _examples(RecordDifference(label) for label in added),
                _examples(RecordDifference(label) for label in deleted),
                _examples(RecordDifference(label) for label in changed),
            )
        )
        for child in children:
            more = fewer = 0
            for id_, (_label, _state, counts, _lineage) in now.items():
                before = _count(marked[id_][2], child.table) if id_ in kept else 0
                more += max(0, counts.get(child.table, 0) - before)
                fewer += max(0, before - counts.get(child.table, 0))
            fewer += sum(
                _count(mark[2], child.table) for id_, mark in marked.items() if id_ not in kept
            )
            differences.append(KindDifference(child.table, more, fewer, 0, parent=kind.table))
    return differences


def _count(counts: object, table: str) -> int:
    """A child count out of marks read back from a file (validated by use, not trusted)."""
    if not isinstance(counts, dict):
        raise ValueError("marks without child counts")
    return int(counts.get(table, 0))


_State = tuple[str, object, dict[str, int], object]


def _states(
    conn: sqlite3.Connection, kind: RecordKind, children: list[RecordKind]
) -> dict[int, _State]:
    """{id: (label, state, {child table: rows}, lineage)} of every record of `kind`.

    With a revision column, SQLite reads it all in a few queries (a 500,000-athlete file in
    about a second); without one, each record's values are digested in Python.
    """
    compared = kind.compared
    assert compared is not None
    if compared.revision is None:
        return {
            record.id: (
                record.label,
                _digest(record),
                {table: rows for table, (rows, _values) in record.children.items()},
                record.lineage,
            )
            for record in _records(conn, kind, compared, children).values()
        }
    cursor = conn.cursor()
    cursor.row_factory = None
    counts: dict[int, dict[str, int]] = {}
    for child in children:
        rows = cursor.execute(
            f'SELECT {child.parent_column}, count(*) FROM "{child.table}" GROUP BY 1'
        )
        for parent_id, count in rows:
            counts.setdefault(parent_id, {})[child.table] = count
    rows = cursor.execute(
        f"SELECT id, {compared.label}, {compared.revision}, {compared.lineage} "
        f'FROM "{kind.table}" AS record'
    )
    return {
        id_: (str(label), state, counts.get(id_, {}), lineage)
        for id_, label, state, lineage in rows
    }


def describe_work_since(
    differences: Sequence[KindDifference], *, after_import: bool = False
) -> Message | None:
    """ "Since the restore you added 1 athlete (Ana Silva) and 2 promotions." or None;
    "Since the import…" `after_import`."""
    parts: list[Message] = []
    for verb, count_of, examples_of in (
        (
            lambda records: _("added {records}", records=records),
            lambda d: d.only_current,
            lambda d: d.only_current_examples,
        ),
        (
            lambda records: _("changed {records}", records=records),
            lambda d: d.changed,
            lambda d: d.changed_examples,
        ),
        (
            lambda records: _("deleted {records}", records=records),
            lambda d: d.only_other,
            lambda d: d.only_other_examples,
        ),
    ):
        counted = [
            _counted(KINDS_BY_TABLE[d.table], count_of(d), examples_of(d))
            for d in differences
            if count_of(d)
        ]
        if counted:
            parts.append(verb(joined(counted)))
    if not parts:
        return None
    if after_import:
        # Translators: {work} is a list such as "added 1 athlete (Ana Silva) and 2 promotions".
        return _("Since the import you {work}.", work=joined(parts))
    # Translators: {work} is a list such as "added 1 athlete (Ana Silva) and 2 promotions".
    return _("Since the restore you {work}.", work=joined(parts))


def _counted(kind: RecordKind, count: int, examples: Sequence[RecordDifference]) -> Message:
    records = kind.counted(count)
    if not examples:
        return records
    names = ", ".join(e.label for e in examples[:3])
    more = count - min(3, len(examples))
    if more > 0:
        return _("{records} ({names} and {more} more)", records=records, names=names, more=more)
    return _("{records} ({names})", records=records, names=names)


def _top_kinds() -> list[tuple[RecordKind, list[RecordKind]]]:
    return [
        (kind, [child for child in RECORD_KINDS if child.parent == kind.table])
        for kind in RECORD_KINDS
        if kind.compared is not None and kind.parent is None
    ]


def _digest(record: _Record) -> str:
    # repr of str, int, float and None is stable across runs and versions of Python.
    state = repr((record.values, sorted(record.children.items())))
    return hashlib.blake2b(state.encode(), digest_size=8).hexdigest()


def _records(
    conn: sqlite3.Connection, kind: RecordKind, compared: Compared, children: list[RecordKind]
) -> dict[int, _Record]:
    # Every expression comes from RECORD_KINDS, never from the file.
    columns = ", ".join(
        [
            compared.label,
            compared.lineage,
            *compared.key,
            *(field.expression for field in compared.fields),
        ]
    )
    records: dict[int, _Record] = {}
    width = len(compared.key)
    none = {child.table: (0, "[]") for child in children}
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a 20,000-athlete club makes many
    for row in cursor.execute(f'SELECT id, {columns} FROM "{kind.table}" AS record'):
        records[row[0]] = _Record(
            id=row[0],
            label=str(row[1]),
            lineage=row[2],
            key=row[3 : 3 + width],
            values=row[3 + width :],
            children=dict(none),
        )
    for child in children:
        assert child.compared is not None and child.parent_column is not None
        values = ", ".join(field.expression for field in child.compared.fields)
        # Each row as JSON text, in one order whatever the file's (the outer ORDER BY is the
        # one SQLite promises to keep), joined per parent: equal texts, equal rows.
        rows = cursor.execute(
            f"SELECT {child.parent_column}, json_array({values}) AS value "
            f'FROM "{child.table}" AS record ORDER BY 1, 2'
        )
        for parent_id, group in itertools.groupby(rows, key=operator.itemgetter(0)):
            if (parent := records.get(parent_id)) is not None:
                values_of = [value for _parent, value in group]
                parent.children[child.table] = (len(values_of), f"[{','.join(values_of)}]")
    return records


def _match(
    mine: dict[int, _Record], theirs: dict[int, _Record]
) -> tuple[list[tuple[_Record, _Record]], list[_Record], list[_Record]]:
    """Pairs of the same record, then those only in `mine` and only in `theirs`.

    In turn: the same key and the same id (two look-alikes keep their own partners); the
    same key; then the same id where the record is the same one edited (made at the same
    moment, and still sharing a part of its key).
    """
    pairs: list[tuple[_Record, _Record]] = []
    taken: set[int] = set()
    left: list[_Record] = []
    for record in mine.values():
        same = theirs.get(record.id)
        if same is not None and same.key == record.key:
            pairs.append((record, same))
            taken.add(same.id)
        else:
            left.append(record)
    by_key: dict[tuple[object, ...], list[_Record]] = {}
    for record in theirs.values():
        if record.id not in taken:
            by_key.setdefault(record.key, []).append(record)
    unmatched: list[_Record] = []
    for record in left:
        candidates = by_key.get(record.key)
        if candidates:
            best = candidates.pop(0)
            pairs.append((record, best))
            taken.add(best.id)
        else:
            unmatched.append(record)
    only_mine: list[_Record] = []
    for record in unmatched:
        same = theirs.get(record.id)
        if (
            same is not None
            and same.id not in taken
            and same.lineage is not None
            and same.lineage == record.lineage
            and any(a == b for a, b in zip(record.key, same.key, strict=True))
        ):
            pairs.append((record, same))
            taken.add(same.id)
        else:
            only_mine.append(record)
    only_theirs = [record for record in theirs.values() if record.id not in taken]
    return pairs, only_mine, only_theirs


def _difference(
    mine: _Record, theirs: _Record, compared: Compared, children: list[RecordKind]
) -> RecordDifference | None:
    if mine.values == theirs.values and mine.children == theirs.children:
        return None  # most records, most of the time: no need to look closer
    fields = [
        FieldChange(field.label, *field.change(a, b))
        for field, a, b in zip(compared.fields, mine.values, theirs.values, strict=True)
        if a != b
    ]
    counts = [
        ChildCounts(
            child.table, *_one_sided(mine.children[child.table], theirs.children[child.table])
        )
        for child in children
    ]
    counts = [c for c in counts if c.only_current or c.only_other]
    if not fields and not counts:
        return None
    return RecordDifference(mine.label, fields, counts)


def _alone(record: _Record, children: list[RecordKind], current: bool) -> RecordDifference:
    counts = []
    for child in children:
        held = record.children[child.table][0]
        if held:
            counts.append(ChildCounts(child.table, held if current else 0, 0 if current else held))
    return RecordDifference(record.label, (), counts)


def _one_sided(mine: tuple[int, str], theirs: tuple[int, str]) -> tuple[int, int]:
    """How many of the rows are in `mine` only, and in `theirs` only."""
    if mine[1] == theirs[1]:
        return 0, 0
    a = Counter(json.dumps(row) for row in json.loads(mine[1]))
    b = Counter(json.dumps(row) for row in json.loads(theirs[1]))
    return sum((a - b).values()), sum((b - a).values())


def _examples(differences: Iterable[RecordDifference]) -> list[RecordDifference]:
    return sorted(differences, key=lambda d: d.label.casefold())[:EXAMPLES]
