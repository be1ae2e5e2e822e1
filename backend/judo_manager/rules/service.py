"""Reads and edits the belt ladder and the age categories."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Mapping
from decimal import Decimal
from typing import cast

from judo_manager.db import Database
from judo_manager.errors import ConflictError, NotFoundError
from judo_manager.forms import FormReader, require_id
from judo_manager.i18n import Message, _, _n
from judo_manager.rules import repository
from judo_manager.rules.model import (
    BELT_KINDS,
    SEXES,
    AgeCategory,
    Belt,
    BeltFields,
    BeltKind,
    CategoryFields,
    Rules,
    Sex,
    WeightClass,
    WeightClassFields,
)
from judo_manager.rules.weights import ladder, weight_class_label

COLOR = re.compile(r"#[0-9a-f]{6}")
MAX_AGE = 120
# A belt's minimum time in the grade below it: up to 50 years, in months.
MAX_MIN_MONTHS = 600
# A weight class's limit: whole kilograms or tenths, as federations write them (-44.5 kg).
MIN_LIMIT_KG = 1
MAX_LIMIT_KG = 300
WEIGHT_CLASS_NAME_LENGTH = 20
EXAMPLE_KG = Decimal("44.5")
# What a record missing meanwhile is called: "That belt is no longer there".
BELT = _("belt")
AGE_CATEGORY = _("age category")
WEIGHT_CLASS = _("weight class")


def load_rules(conn: sqlite3.Connection) -> Rules:
    """The ladder, lowest first, and the active ruleset's categories, youngest first."""
    _id, ruleset_name = repository.active_ruleset(conn)
    return Rules(ruleset_name, repository.list_belts(conn), load_categories(conn))


def load_categories(conn: sqlite3.Connection) -> list[AgeCategory]:
    """The active ruleset's categories, youngest first: all the roster needs of the rules.

    The roster asks on every filter change, so it skips the belts and their athlete counts.
    """
    ruleset_id, _name = repository.active_ruleset(conn)
    by_category: dict[int, list[WeightClass]] = {}
    for weight_class in repository.list_weight_classes(conn, ruleset_id):
        by_category.setdefault(weight_class.category_id, []).append(weight_class)
    categories = [
        dataclasses.replace(category, weight_classes=_ladders(by_category.get(category.id, [])))
        for category in repository.list_categories(conn, ruleset_id)
    ]
    return sorted(categories, key=AgeCategory.youth_order)


def _ladders(classes: list[WeightClass]) -> tuple[WeightClass, ...]:
    # Women's ladder, then men's, each in ladder order.
    return tuple(weight_class for sex in SEXES for weight_class in ladder(classes, sex))


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

    def current_belts(self) -> list[Belt]:
        """The ladder, lowest first, read on this thread's connection without a transaction
        of its own: inside a caller's write, the belts that write sees."""
        return repository.list_belts(self._db.connection())

    def belt_exists(self, belt_id: int) -> bool:
        """True when the belt is on the ladder (inside the caller's transaction, if any)."""
        return repository.belt_exists(self._db.connection(), belt_id)

    def create_belt(self, data: Mapping[str, object]) -> Rules:
        """Add a belt at the top of the ladder."""
        with self._db.write() as conn:
            repository.insert_belt(conn, _read_belt(conn, data, belt_id=None))
            return load_rules(conn)

    def update_belt(self, belt_id: int, data: Mapping[str, object]) -> Rules:
        """Rename or recolour a belt, or change its grading minimums."""
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

    def create_weight_class(self, category_id: int, data: Mapping[str, object]) -> Rules:
        """Add a weight class to an age category's ladder for one sex."""
        category_id = require_id(category_id, AGE_CATEGORY)
        with self._db.write() as conn:
            category = next((c for c in load_categories(conn) if c.id == category_id), None)
            if category is None:
                raise _missing_category()
            fields = _read_weight_class(data, category, class_id=None)
            repository.insert_weight_class(conn, category.id, fields)
            return load_rules(conn)

    def update_weight_class(self, class_id: int, data: Mapping[str, object]) -> Rules:
        """Change a weight class's limit, kind, sex or name."""
        class_id = require_id(class_id, WEIGHT_CLASS)
        with self._db.write() as conn:
            ruleset_id, _name = repository.active_ruleset(conn)
            category = next(
                (
                    c
                    for c in load_categories(conn)
                    if any(weight_class.id == class_id for weight_class in c.weight_classes)
                ),
                None,
            )
            if category is None:
                raise _missing_weight_class()
            fields = _read_weight_class(data, category, class_id)
            if not repository.update_weight_class(conn, ruleset_id, class_id, fields):
                raise _missing_weight_class()
            return load_rules(conn)

    def delete_weight_class(self, class_id: int) -> Rules:
        """Remove a weight class; tournaments keep the copy they took of it."""
        class_id = require_id(class_id, WEIGHT_CLASS)
        with self._db.write() as conn:
            ruleset_id, _name = repository.active_ruleset(conn)
            if not repository.delete_weight_class(conn, ruleset_id, class_id):
                raise _missing_weight_class()
            return load_rules(conn)


def _read_belt(
    conn: sqlite3.Connection, data: Mapping[str, object], belt_id: int | None
) -> BeltFields:
    form = FormReader(data)
    name = form.text("name", _("Belt name"), required=True, max_length=40)
    kind = form.choice("kind", _("Kind"), BELT_KINDS, choose=_("kind"))
    color = _color(form, "color", _("Colour"), required=True)
    second = _color(form, "second_color", _("Second colour"), required=False)
    # Translators: the belt editor's field: months in the belt below before this one.
    months_label = _("Minimum months")
    min_months = form.integer(
        "min_months", months_label, minimum=0, maximum=MAX_MIN_MONTHS, required=False
    )
    min_age = form.integer("min_age", _("Minimum age"), minimum=0, maximum=MAX_AGE, required=False)
    if name is not None and repository.belt_named(conn, name) not in (None, belt_id):
        form.problem("name", _("There is already a belt called {name}.", name=name))
    form.check()
    assert name is not None and kind is not None and color is not None
    return BeltFields(name, cast(BeltKind, kind), color, second, min_months, min_age)


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


def _read_weight_class(
    data: Mapping[str, object], category: AgeCategory, class_id: int | None
) -> WeightClassFields:
    form = FormReader(data)
    sex = cast(Sex | None, form.choice("sex", _("Sex"), SEXES, choose=_("sex")))
    # Translators: a weight class's limit in kg: "up to and including" it, or "over" it.
    limit = form.number(
        "limit_kg", _("Limit"), minimum=MIN_LIMIT_KG, maximum=MAX_LIMIT_KG, in_kg=True
    )
    if limit is not None and round(limit, 1) != limit:
        form.problem(
            "limit_kg",
            _("The limit can have at most one decimal, like {example} kg.", example=EXAMPLE_KG),
        )
        limit = None
    # Translators: the weight class editor's tick box: the heaviest class, "over N kg".
    over = form.flag("over", _("Over the limit"))
    name = form.text("name", _("Name"), required=False, max_length=WEIGHT_CLASS_NAME_LENGTH)
    if sex is not None and limit is not None and "over" not in form.problems:
        fields = WeightClassFields(sex, limit, over, name)
        others = [c for c in ladder(category.weight_classes, sex) if c.id != class_id]
        problem = _ladder_problem(fields, category, others)
        if problem is not None:
            form.problem(*problem)
    form.check()
    assert sex is not None and limit is not None
    return WeightClassFields(sex, limit, over, name)


def _ladder_problem(
    fields: WeightClassFields, category: AgeCategory, others: list[WeightClass]
) -> tuple[str, Message] | None:
    """What a class with `fields` would break in its ladder, whose other classes are
    `others` (in ladder order): the field to blame and why, or None."""
    # The class as the coach reads it, whatever name it is given: "-66 kg".
    label = weight_class_label(
        WeightClass(0, category.id, fields.sex, fields.limit_kg, fields.over, None)
    )
    women = fields.sex == "F"
    if any(c.over == fields.over and c.limit_kg == fields.limit_kg for c in others):
        return "limit_kg", (
            _(
                "{category} already has a {label} class for women.",
                category=category.name,
                label=label,
            )
            if women
            else _(
                "{category} already has a {label} class for men.",
                category=category.name,
                label=label,
            )
        )
    over = next((c for c in others if c.over), None)
    if fields.over and over is not None:
        other = weight_class_label(over)
        return "over", (
            _(
                "{category} already has an over class for women, {other}; change that one instead.",
                category=category.name,
                other=other,
            )
            if women
            else _(
                "{category} already has an over class for men, {other}; change that one instead.",
                category=category.name,
                other=other,
            )
        )
    if fields.over:
        heaviest = next((c for c in reversed(others) if not c.over), None)
        if heaviest is not None and heaviest.limit_kg > fields.limit_kg:
            return "limit_kg", _(
                "{label} can't be below {other}: the over class is the heaviest. "
                "Lower or remove {other} first.",
                label=label,
                other=weight_class_label(heaviest),
            )
    elif over is not None and fields.limit_kg > over.limit_kg:
        return "limit_kg", _(
            "{label} can't be above the over class, {other}: raise that one first.",
            label=label,
            other=weight_class_label(over),
        )
    return None


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


def _missing_weight_class() -> NotFoundError:
    return NotFoundError(
        _("That weight class no longer exists; the data may have been restored meanwhile.")
    )
