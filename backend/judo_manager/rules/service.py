"""Reads and edits the belt ladder and the age categories."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from typing import cast

from judo_manager.db import Database
from judo_manager.errors import ConflictError, NotFoundError
from judo_manager.forms import FormReader, require_id
from judo_manager.i18n import Message, _, _n
from judo_manager.rules import repository
from judo_manager.rules.model import (
    BELT_KINDS,
    AgeCategory,
    BeltFields,
    BeltKind,
    CategoryFields,
    Rules,
)

COLOR = re.compile(r"#[0-9a-f]{6}")
MAX_AGE = 120
# What a record missing meanwhile is called: "That belt is no longer there".
BELT = _("belt")
AGE_CATEGORY = _("age category")


def load_rules(conn: sqlite3.Connection) -> Rules:
    """The ladder, lowest first, and the active ruleset's categories, youngest first."""
    _id, ruleset_name = repository.active_ruleset(conn)
    return Rules(ruleset_name, repository.list_belts(conn), load_categories(conn))


def load_categories(conn: sqlite3.Connection) -> list[AgeCategory]:
    """The active ruleset's categories, youngest first: all the roster needs of the rules.

    The roster asks on every filter change, so it skips the belts and their athlete counts.
    """
    ruleset_id, _name = repository.active_ruleset(conn)
    return sorted(repository.list_categories(conn, ruleset_id), key=AgeCategory.youth_order)


class RulesService:
    """The belts and categories a coach can adapt to their federation."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> Rules:
        """The rules as they are now."""
        with self._db.snapshot() as conn:
            return load_rules(conn)

    def current_categories(self) -> list[AgeCategory]:
        """The active ruleset's categories, youngest first.

        Read on this thread's connection without a transaction of its own, so a caller's
        snapshot or write sees them at the same moment as its own reads.
        """
        return load_categories(self._db.connection())

    def belt_exists(self, belt_id: int) -> bool:
        """True when the belt is on the ladder (inside the caller's transaction, if any)."""
        return repository.belt_exists(self._db.connection(), belt_id)

    def create_belt(self, data: Mapping[str, object]) -> Rules:
        """Add a belt at the top of the ladder."""
        with self._db.write() as conn:
            repository.insert_belt(conn, _read_belt(conn, data, belt_id=None))
            return load_rules(conn)

    def update_belt(self, belt_id: int, data: Mapping[str, object]) -> Rules:
        """Rename or recolour a belt."""
        belt_id = require_id(belt_id, BELT)
        with self._db.write() as conn:
            if not repository.update_belt(conn, belt_id, _read_belt(conn, data, belt_id)):
                raise _missing_belt()
            return load_rules(conn)

    def delete_belt(self, belt_id: int) -> Rules:
        """Remove a belt that no athlete holds and no promotion names."""
        belt_id = require_id(belt_id, BELT)
        with self._db.write() as conn:
            holders, promotions = repository.belt_usage(conn, belt_id)
            if holders or promotions:
                raise ConflictError(
                    _(
                        "This belt can't be deleted: {uses}. "
                        "Rename it instead, or change those athletes' belts first.",
                        uses=_uses(holders, promotions),
                    )
                )
            if not repository.delete_belt(conn, belt_id):
                raise _missing_belt()
            return load_rules(conn)

    def reorder_belts(self, ids: object) -> Rules:
        """Order the ladder as `ids`, lowest first; every belt exactly once."""
        with self._db.write() as conn:
            current = {belt.id for belt in repository.list_belts(conn)}
            if (
                not isinstance(ids, list)
                or any(type(id_) is not int for id_ in ids)
                or len(ids) != len(current)
                or set(ids) != current
            ):
                raise ConflictError(
                    _(
                        "The belt ladder changed while you were ordering it (was the data "
                        "restored meanwhile?). Please open Settings again and retry."
                    )
                )
            repository.set_belt_order(conn, ids)
            return load_rules(conn)

    def create_category(self, data: Mapping[str, object]) -> Rules:
        """Add an age category to the active ruleset."""
        with self._db.write() as conn:
            ruleset_id, _name = repository.active_ruleset(conn)
            fields = _read_category(conn, ruleset_id, data, category_id=None)
            repository.insert_category(conn, ruleset_id, fields)
            return load_rules(conn)

    def update_category(self, category_id: int, data: Mapping[str, object]) -> Rules:
        """Change an age category's code, name or ages."""
        category_id = require_id(category_id, AGE_CATEGORY)
        with self._db.write() as conn:
            ruleset_id, _name = repository.active_ruleset(conn)
            fields = _read_category(conn, ruleset_id, data, category_id)
            if not repository.update_category(conn, ruleset_id, category_id, fields):
                raise _missing_category()
            return load_rules(conn)

    def delete_category(self, category_id: int) -> Rules:
        """Remove an age category; athletes simply fall into the next one that fits."""
        category_id = require_id(category_id, AGE_CATEGORY)
        with self._db.write() as conn:
            ruleset_id, _name = repository.active_ruleset(conn)
            if not repository.delete_category(conn, ruleset_id, category_id):
                raise _missing_category()
            return load_rules(conn)


def _read_belt(
    conn: sqlite3.Connection, data: Mapping[str, object], belt_id: int | None
) -> BeltFields:
    form = FormReader(data)
    name = form.text("name", _("Belt name"), required=True, max_length=40)
    kind = form.choice("kind", _("Kind"), BELT_KINDS, choose=_("kind"))
    color = _color(form, "color", _("Colour"), required=True)
    second = _color(form, "second_color", _("Second colour"), required=False)
    if name is not None and repository.belt_named(conn, name) not in (None, belt_id):
        form.problem("name", _("There is already a belt called {name}.", name=name))
    form.check()
    assert name is not None and kind is not None and color is not None
    return BeltFields(name, cast(BeltKind, kind), color, second)


def _color(form: FormReader, field: str, label: Message, *, required: bool) -> str | None:
    value = form.text(field, label, required=required, max_length=7)
    if value is not None and not COLOR.fullmatch(value.lower()):
        form.problem(field, _("{label} must be a colour like #1e40af.", label=label))
        return None
    return None if value is None else value.lower()


def _read_category(
    conn: sqlite3.Connection,
    ruleset_id: int,
    data: Mapping[str, object],
    category_id: int | None,
) -> CategoryFields:
    form = FormReader(data)
    code = form.text("code", _("Code"), required=True, max_length=12)
    name = form.text("name", _("Name"), required=True, max_length=40)
    min_age = form.integer("min_age", _("Minimum age"), minimum=0, maximum=MAX_AGE)
    max_age = form.integer("max_age", _("Maximum age"), minimum=0, maximum=MAX_AGE, required=False)
    if min_age is not None and max_age is not None and max_age < min_age:
        form.problem("max_age", _("Maximum age can't be below the minimum age."))
    if code is not None and repository.category_with_code(conn, ruleset_id, code) not in (
        None,
        category_id,
    ):
        form.problem("code", _("There is already a category with the code {code}.", code=code))
    form.check()
    assert code is not None and name is not None and min_age is not None
    return CategoryFields(code, name, min_age, max_age)


def _uses(holders: int, promotions: int) -> Message:
    held = _n("{count} athlete currently holds it", "{count} athletes currently hold it", holders)
    named = _n(
        "{count} promotion in athletes' histories names it",
        "{count} promotions in athletes' histories name it",
        promotions,
    )
    if holders and promotions:
        return _("{held} and {named}", held=held, named=named)
    return held if holders else named


def _missing_belt() -> NotFoundError:
    return NotFoundError(
        _("That belt is no longer on the ladder; the data may have been restored meanwhile.")
    )


def _missing_category() -> NotFoundError:
    return NotFoundError(
        _("That age category no longer exists; the data may have been restored meanwhile.")
    )
