"""Weight classes in the ruleset on real database files: the defaults a new club gets, every
boundary of them, the editor's checks, what an older backup gains, and the roster's class."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from judo_manager.athletes.service import AthletesService
from judo_manager.bridge import JudoManagerApi
from judo_manager.bridge.guards import error_for_page
from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.db.migrations import MIGRATIONS, migrate
from judo_manager.errors import NotFoundError, ValidationError
from judo_manager.i18n import speaking
from judo_manager.jobs import JobLock
from judo_manager.restore.service import RestoreService
from judo_manager.rules.model import SEXES, AgeCategory, Rules, Sex, WeightClass
from judo_manager.rules.service import RulesService
from judo_manager.rules.weights import ladder, weight_class_for, weight_class_label
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices

TODAY = dt.date(2026, 6, 15)
DEFAULT_CODES = ("U9", "U11", "U13", "U15", "U18", "U21", "SEN", "VET")
CADET_MEN = "-50 -55 -60 -66 -73 -81 -90 +90"
CADET_WOMEN = "-40 -44 -48 -52 -57 -63 -70 +70"
SENIOR_MEN = "-60 -66 -73 -81 -90 -100 +100"
SENIOR_WOMEN = "-48 -52 -57 -63 -70 -78 +78"


@pytest.fixture
def rules(db: Database) -> RulesService:
    return RulesService(db)


@pytest.fixture
def athletes(db: Database) -> AthletesService:
    return AthletesService(db, today=lambda: TODAY)


def category(current: Rules, code: str) -> AgeCategory:
    return next(c for c in current.categories if c.code == code)


def labels(classes: tuple[WeightClass, ...], sex: Sex) -> str:
    """A ladder as the coach reads it, without the unit: "-60 -66 … +100"."""
    return " ".join(str(weight_class_label(c)).removesuffix(" kg") for c in ladder(classes, sex))


def class_named(current: Rules, code: str, sex: Sex, label: str) -> WeightClass:
    return next(
        c
        for c in category(current, code).weight_classes
        if c.sex == sex and str(weight_class_label(c)) == label
    )


def problems(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {field: str(message) for field, message in error.value.fields.items()}


# --- The defaults a new club gets -------------------------------------------------------


def test_a_new_club_has_the_ijf_classes_for_cadets_juniors_seniors_and_veterans(
    rules: RulesService,
) -> None:
    current = rules.get()

    assert (labels(category(current, "U18").weight_classes, "M")) == CADET_MEN
    assert (labels(category(current, "U18").weight_classes, "F")) == CADET_WOMEN
    for code in ("U21", "SEN", "VET"):
        assert labels(category(current, code).weight_classes, "M") == SENIOR_MEN
        assert labels(category(current, code).weight_classes, "F") == SENIOR_WOMEN


def test_every_default_category_has_a_ladder_for_each_sex_women_first(
    rules: RulesService,
) -> None:
    current = rules.get()

    assert tuple(c.code for c in current.categories) == DEFAULT_CODES
    for band in current.categories:
        assert [c.sex for c in band.weight_classes] == sorted(c.sex for c in band.weight_classes)
        for sex in SEXES:
            steps = ladder(band.weight_classes, sex)
            # Lightest first, then the over class at the top up-to class's limit.
            assert len(steps) >= 7, (band.code, sex)
            assert [c.over for c in steps] == [False] * (len(steps) - 1) + [True]
            assert steps[-1].limit_kg == steps[-2].limit_kg
            assert [c.limit_kg for c in steps[:-1]] == sorted({c.limit_kg for c in steps[:-1]})
            assert all(c.name is None and c.category_id == band.id for c in steps)


@pytest.mark.parametrize("sex", SEXES)
@pytest.mark.parametrize("code", DEFAULT_CODES)
def test_every_boundary_of_every_default_class(rules: RulesService, code: str, sex: Sex) -> None:
    # Read back from a fresh database, as the migration seeded it; both sexes' classes are
    # passed, as the roster and the tournaments pass a category's.
    classes = category(rules.get(), code).weight_classes
    *up_to, over = ladder(classes, sex)

    for step, weight_class in enumerate(up_to):
        limit = weight_class.limit_kg
        heavier = up_to[step + 1] if step + 1 < len(up_to) else over
        assert weight_class_for(classes, sex, limit) is weight_class, (code, sex, limit)
        assert weight_class_for(classes, sex, round(limit + 0.1, 1)) is heavier, (code, sex)
    assert weight_class_for(classes, sex, round(over.limit_kg + 0.1, 1)) is over
    assert weight_class_for(classes, sex, 250.0) is over
    # Lighter than the lightest class is still in it.
    assert weight_class_for(classes, sex, 15.0) is up_to[0]


def test_the_peers_bug_heavy_senior_men_reach_minus_90_minus_100_and_plus_100(
    rules: RulesService,
) -> None:
    classes = category(rules.get(), "SEN").weight_classes

    def label(weight: float) -> str:
        found = weight_class_for(classes, "M", weight)
        assert found is not None
        return str(weight_class_label(found))

    assert [label(w) for w in (81.1, 85, 95, 100, 100.1, 120)] == [
        "-90 kg",
        "-90 kg",
        "-100 kg",
        "-100 kg",
        "+100 kg",
        "+100 kg",
    ]


def test_without_its_top_up_to_class_a_ladder_has_a_gap_no_class_fills(
    rules: RulesService, athletes: AthletesService, db: Database
) -> None:
    minus_90 = class_named(rules.get(), "U18", "M", "-90 kg")
    current = rules.delete_weight_class(minus_90.id)
    cadets = category(current, "U18").weight_classes

    assert labels(cadets, "M") == "-50 -55 -60 -66 -73 -81 +90"
    assert weight_class_for(cadets, "M", 85) is None
    assert weight_class_for(cadets, "M", 81) is class_named(current, "U18", "M", "-81 kg")
    assert weight_class_for(cadets, "M", 90.1) is class_named(current, "U18", "M", "+90 kg")
    add(athletes, rules, "Raka", "2010-03-01", weight_kg=85)
    (row,) = athletes.roster({"season": 2026}).rows
    assert (row.category_id, row.weight_class_id) == (category(current, "U18").id, None)


# --- Editing the classes ------------------------------------------------------------------


def test_classes_can_be_added_renamed_moved_and_removed_and_stay_so(
    data_dir: Path, db: Database, rules: RulesService
) -> None:
    cadets = category(rules.get(), "U18")

    added = rules.create_weight_class(
        cadets.id, {"sex": "F", "limit_kg": 44.5, "over": False, "name": None}
    )
    assert labels(category(added, "U18").weight_classes, "F") == (
        "-40 -44 -44.5 -48 -52 -57 -63 -70 +70"
    )
    light = class_named(added, "U18", "F", "-44.5 kg")
    renamed = rules.update_weight_class(
        light.id, {"sex": "F", "limit_kg": 45, "over": False, "name": "  Light (club)  "}
    )
    moved = next(c for c in category(renamed, "U18").weight_classes if c.id == light.id)
    assert (moved.sex, moved.limit_kg, moved.over, moved.name) == ("F", 45.0, False, "Light (club)")
    assert weight_class_label(moved) == "Light (club)"
    over = class_named(renamed, "U18", "M", "+90 kg")
    raised = rules.update_weight_class(over.id, {"sex": "M", "limit_kg": 90, "over": True})
    assert category(raised, "U18").weight_classes == category(renamed, "U18").weight_classes
    removed = rules.delete_weight_class(class_named(raised, "U18", "M", "-50 kg").id)
    assert labels(category(removed, "U18").weight_classes, "M") == "-55 -60 -66 -73 -81 -90 +90"

    db.close()
    reopened = open_database(database_path(data_dir))
    try:
        assert RulesService(reopened).get() == removed
    finally:
        reopened.close()


def test_a_class_moved_to_the_other_sex_joins_that_ladder(rules: RulesService) -> None:
    current = rules.get()
    minus_63 = class_named(current, "U15", "F", "-63 kg")

    moved = rules.update_weight_class(minus_63.id, {"sex": "M", "limit_kg": 63, "over": False})

    assert labels(category(moved, "U15").weight_classes, "F") == "-32 -36 -40 -44 -48 -52 -57 +63"
    assert labels(category(moved, "U15").weight_classes, "M") == (
        "-34 -38 -42 -46 -50 -55 -60 -63 -66 +66"
    )
    with pytest.raises(ValidationError) as error:
        rules.create_weight_class(
            category(moved, "U15").id, {"sex": "M", "limit_kg": 63, "over": False}
        )
    assert problems(error) == {"limit_kg": "Under 15 already has a -63 kg class for men."}
    with pytest.raises(ValidationError) as error:
        # Checked against the ladder it would join: above the men's +66.
        rules.update_weight_class(minus_63.id, {"sex": "M", "limit_kg": 73, "over": False})
    assert problems(error) == {
        "limit_kg": "-73 kg can't be above the over class, +66 kg: raise that one first."
    }


def test_a_class_removed_with_its_category(db: Database, rules: RulesService) -> None:
    u9 = category(rules.get(), "U9")

    rules.delete_category(u9.id)

    left = db.connection().execute(
        "SELECT count(*) FROM weight_classes WHERE category_id = ?", (u9.id,)
    )
    assert left.fetchone()[0] == 0


OUT_OF_RANGE = "Limit must be between 1 and 300 kg."
NOT_A_NUMBER = "Limit must be a number."
NOT_TICKED = "Over the limit must be ticked or not."
MEN = {"sex": "M", "over": False}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (MEN | {"limit_kg": 0}, {"limit_kg": OUT_OF_RANGE}),
        (MEN | {"limit_kg": 300.5}, {"limit_kg": OUT_OF_RANGE}),
        (
            MEN | {"limit_kg": 44.55},
            {"limit_kg": "The limit can have at most one decimal, like 44.5 kg."},
        ),
        (MEN | {"limit_kg": "66"}, {"limit_kg": NOT_A_NUMBER}),
        (MEN | {"limit_kg": float("nan")}, {"limit_kg": NOT_A_NUMBER}),
        ({"limit_kg": 55, "over": False}, {"sex": "Please choose sex."}),
        ({"sex": "X", "limit_kg": 55, "over": False}, {"sex": "Sex must be one of: F, M."}),
        ({"sex": "M", "limit_kg": 55}, {"over": NOT_TICKED}),
        ({"sex": "M", "limit_kg": 55, "over": "yes"}, {"over": NOT_TICKED}),
        (
            MEN | {"limit_kg": 55, "name": "x" * 21},
            {"name": "Name is too long (at most 20 characters)."},
        ),
        (MEN | {"limit_kg": 66}, {"limit_kg": "Seniors already has a -66 kg class for men."}),
        (
            {"sex": "F", "limit_kg": 78.0, "over": False, "name": "Other"},
            {"limit_kg": "Seniors already has a -78 kg class for women."},
        ),
        (
            {"sex": "M", "limit_kg": 120, "over": True},
            {
                "over": "Seniors already has an over class for men, +100 kg; "
                "change that one instead."
            },
        ),
        (
            {"sex": "F", "limit_kg": 90, "over": True},
            {
                "over": "Seniors already has an over class for women, +78 kg; "
                "change that one instead."
            },
        ),
        (
            MEN | {"limit_kg": 110},
            {"limit_kg": "-110 kg can't be above the over class, +100 kg: raise that one first."},
        ),
        # Several fields wrong at once: each is told.
        (
            {"sex": "", "limit_kg": -3, "over": None, "name": 5},
            {
                "sex": "Please choose sex.",
                "limit_kg": OUT_OF_RANGE,
                "over": NOT_TICKED,
                "name": "Name must be text.",
            },
        ),
    ],
)
def test_a_class_that_would_not_make_a_ladder_is_refused_in_coach_words(
    rules: RulesService, data: dict[str, object], expected: dict[str, str]
) -> None:
    before = rules.get()

    with pytest.raises(ValidationError) as error:
        rules.create_weight_class(category(before, "SEN").id, data)

    assert problems(error) == expected
    assert rules.get() == before


def test_an_over_class_cant_sit_below_an_up_to_class(rules: RulesService) -> None:
    current = rules.get()
    seniors = category(current, "SEN")
    rules.delete_weight_class(class_named(current, "SEN", "M", "+100 kg").id)

    with pytest.raises(ValidationError) as error:
        rules.create_weight_class(seniors.id, {"sex": "M", "limit_kg": 90, "over": True})
    assert problems(error) == {
        "limit_kg": "+90 kg can't be below -100 kg: the over class is the heaviest. "
        "Lower or remove -100 kg first."
    }
    # The same limit as the top up-to class, of the other kind, is the usual over class.
    again = rules.create_weight_class(seniors.id, {"sex": "M", "limit_kg": 100, "over": True})
    assert labels(category(again, "SEN").weight_classes, "M") == SENIOR_MEN


def test_a_class_edited_into_its_neighbour_is_refused_but_kept_as_it_is_allowed(
    rules: RulesService,
) -> None:
    current = rules.get()
    minus_66 = class_named(current, "SEN", "M", "-66 kg")
    plus_100 = class_named(current, "SEN", "M", "+100 kg")

    with pytest.raises(ValidationError) as error:
        rules.update_weight_class(minus_66.id, {"sex": "M", "limit_kg": 73, "over": False})
    assert problems(error) == {"limit_kg": "Seniors already has a -73 kg class for men."}
    with pytest.raises(ValidationError) as error:
        # The over class lowered below the classes it must top.
        rules.update_weight_class(plus_100.id, {"sex": "M", "limit_kg": 95, "over": True})
    assert "+95 kg can't be below -100 kg" in problems(error)["limit_kg"]
    # Saved unchanged, or only renamed, it doesn't clash with itself.
    assert rules.update_weight_class(minus_66.id, {"sex": "M", "limit_kg": 66, "over": False})
    named = rules.update_weight_class(
        plus_100.id, {"sex": "M", "limit_kg": 100, "over": True, "name": "Heavy"}
    )
    assert labels(category(named, "SEN").weight_classes, "M") == "-60 -66 -73 -81 -90 -100 Heavy"


def test_the_refusals_read_in_indonesian(rules: RulesService) -> None:
    seniors = category(rules.get(), "SEN")

    with pytest.raises(ValidationError) as error:
        rules.create_weight_class(seniors.id, {"sex": "M", "limit_kg": 44.55, "over": False})
    with speaking("id"):
        assert problems(error) == {
            "limit_kg": "Batas boleh memiliki paling banyak satu angka desimal, misalnya 44,5 kg."
        }
    with pytest.raises(ValidationError) as error:
        rules.create_weight_class(seniors.id, {"sex": "F", "limit_kg": 90, "over": True})
    with speaking("id"):
        assert problems(error) == {
            # The category's name is the club's data, in the language it was made in.
            "over": "Seniors sudah memiliki kelas di atas batas untuk perempuan, yaitu +78 kg; "
            "ubah kelas itu saja."
        }


MISSING_CLASS = r"That weight class (no longer exists|is no longer there)"
MISSING_CATEGORY = r"That age category (no longer exists|is no longer there)"


def test_a_missing_category_or_class_is_told_and_changes_nothing(
    db: Database, rules: RulesService
) -> None:
    # A class of another ruleset than the active one is no class the coach can edit here.
    conn = db.connection()
    with conn:
        ruleset = conn.execute("INSERT INTO rulesets(name, active) VALUES ('Old rules', 0)")
        other_category = conn.execute(
            "INSERT INTO age_categories(ruleset_id, code, name, min_age, max_age) "
            "VALUES (?, 'SEN', 'Seniors', 15, NULL)",
            (ruleset.lastrowid,),
        ).lastrowid
        foreign = conn.execute(
            "INSERT INTO weight_classes(category_id, sex, limit_kg, over) VALUES (?, 'M', 66, 0)",
            (other_category,),
        ).lastrowid
    before = rules.get()
    data = {"sex": "M", "limit_kg": 50, "over": False}
    assert foreign is not None and other_category is not None

    for bad in (987654, foreign, True, "1", 1.0, None, 2**70):
        with pytest.raises(NotFoundError, match=MISSING_CLASS):
            rules.update_weight_class(bad, data)  # type: ignore[arg-type]
        with pytest.raises(NotFoundError, match=MISSING_CLASS):
            rules.delete_weight_class(bad)  # type: ignore[arg-type]
    for bad in (987654, other_category, True, "1"):
        with pytest.raises(NotFoundError, match=MISSING_CATEGORY):
            rules.create_weight_class(bad, data)  # type: ignore[arg-type]
    assert rules.get() == before
    kept = conn.execute("SELECT limit_kg FROM weight_classes WHERE id = ?", (foreign,))
    assert kept.fetchone()[0] == 66


def test_odd_classes_a_restored_file_may_hold_are_read_without_fuss(
    db: Database, rules: RulesService, athletes: AthletesService
) -> None:
    # What the schema lets through though the editor never writes it: an over class below
    # the top up-to class, and a class with a name in another script.
    seniors = category(rules.get(), "SEN")
    conn = db.connection()
    with conn:
        conn.execute(
            "DELETE FROM weight_classes WHERE category_id = ? AND sex = 'M' AND over = 1",
            (seniors.id,),
        )
        conn.execute(
            "INSERT INTO weight_classes(category_id, sex, limit_kg, over, name) "
            "VALUES (?, 'M', 90, 1, '重量級')",
            (seniors.id,),
        )
    current = rules.get()
    assert labels(category(current, "SEN").weight_classes, "M") == (
        "-60 -66 -73 -81 -90 -100 重量級"
    )
    add(athletes, rules, "Bayu", "2000-01-01", weight_kg=95)
    add(athletes, rules, "Dimas", "2000-01-02", weight_kg=101)
    rows = {row.full_name: row.weight_class_id for row in athletes.roster({"season": 2026}).rows}
    assert rows == {
        "Bayu": class_named(current, "SEN", "M", "-100 kg").id,
        "Dimas": class_named(current, "SEN", "M", "重量級").id,
    }


def test_the_bridge_edits_classes_in_camel_case_and_tells_refusals_by_field(
    db: Database,
) -> None:
    api = JudoManagerApi(AppServices.build(db), DesktopWindow())
    seniors = next(c for c in api.rules.get()["categories"] if c["code"] == "SEN")
    assert seniors["weightClasses"][0] == {
        "id": seniors["weightClasses"][0]["id"],
        "categoryId": seniors["id"],
        "sex": "F",
        "limitKg": 48.0,
        "over": False,
        "name": None,
    }

    added = api.rules.createWeightClass(
        seniors["id"], {"sex": "F", "limitKg": 44.5, "over": False, "name": "Extra light"}
    )
    women = [
        c
        for c in next(c for c in added["categories"] if c["code"] == "SEN")["weightClasses"]
        if c["sex"] == "F"
    ]
    assert [(c["limitKg"], c["name"]) for c in women[:2]] == [(44.5, "Extra light"), (48.0, None)]
    updated = api.rules.updateWeightClass(
        women[0]["id"], {"sex": "F", "limitKg": 45, "over": False, "name": None}
    )
    assert 45.0 in [c["limitKg"] for c in updated["categories"][6]["weightClasses"]]
    with pytest.raises(ValidationError) as error:
        api.rules.createWeightClass(seniors["id"], {"sex": "F", "limitKg": 300.01, "over": False})  # type: ignore[typeddict-item]
    sent = json.loads(error_for_page(error.value)["message"])
    assert sent["fields"] == {"limitKg": "Limit must be between 1 and 300 kg."}
    after = api.rules.deleteWeightClass(women[0]["id"])
    assert women[0]["id"] not in [
        c["id"] for band in after["categories"] for c in band["weightClasses"]
    ]
    with pytest.raises(NotFoundError):
        api.rules.deleteWeightClass(women[0]["id"])

    # The roster's rows and filter, as the page asks for them.
    minus_57 = next(c for c in women if c["limitKg"] == 57)
    api.athletes.create(
        {
            "fullName": "Ayu Lestari",
            "birthDate": "2000-04-02",
            "sex": "F",
            "beltId": api.rules.get()["belts"][0]["id"],
            "weightKg": 56.5,
            "active": True,
        }  # type: ignore[typeddict-item]
    )
    found = api.athletes.list({"weightClassId": minus_57["id"], "status": "all"})  # type: ignore[typeddict-item]
    assert [(r["fullName"], r["weightClassId"]) for r in found["rows"]] == [
        ("Ayu Lestari", minus_57["id"])
    ]


# --- An older backup -------------------------------------------------------------------


def _version_7_backup(path: Path) -> None:
    """A club as version 7 of the app left it, with no weight classes: its Seniors renamed
    to a code of its own, its Cadets renamed, and one athlete."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:7])
    conn.execute("UPDATE age_categories SET code = 'ADULT', name = 'Adults' WHERE code = 'SEN'")
    conn.execute("UPDATE age_categories SET name = 'Cadets (PJSI)' WHERE code = 'U18'")
    conn.execute(
        "INSERT INTO athletes(full_name, search_name, birth_date, sex, weight_kg, member_id) "
        "VALUES ('Raka Pratama', 'raka pratama', '2010-05-05', 'M', 66.1, 'JM-001')"
    )
    conn.close()


def test_a_backup_from_version_7_gains_the_default_classes_where_the_codes_are_the_defaults(
    db: Database, tmp_path: Path
) -> None:
    old = tmp_path / "from-version-7.db"
    _version_7_backup(old)
    restore = RestoreService(db, JobLock())

    restore.restore(restore.inspect(old).token)

    current = RulesService(db).get()
    assert labels(category(current, "U18").weight_classes, "M") == CADET_MEN
    assert category(current, "U18").name == "Cadets (PJSI)"
    assert labels(category(current, "U21").weight_classes, "F") == SENIOR_WOMEN
    # A code of the club's own gets no classes: the coach adds them.
    assert category(current, "ADULT").weight_classes == ()
    assert {c.code for c in current.categories if not c.weight_classes} == {"ADULT"}
    (row,) = AthletesService(db, today=lambda: TODAY).roster({"season": 2026}).rows
    assert row.weight_class_id == class_named(current, "U18", "M", "-73 kg").id


# --- The roster ----------------------------------------------------------------------------


def add(
    athletes: AthletesService, rules: RulesService, name: str, born: str, **changes: Any
) -> int:
    white = rules.get().belts[0].id
    data = {
        "full_name": name,
        "birth_date": born,
        "sex": "M",
        "belt_id": white,
        "weight_kg": 60,
        "active": True,
    } | changes
    return athletes.create(data).id


def test_each_roster_row_has_its_season_categorys_class_for_sex_and_weight(
    db: Database, rules: RulesService, athletes: AthletesService
) -> None:
    current = rules.get()
    # Seniors in 2026 (born 2000), a cadet (born 2010), a girl of U15 (born 2012).
    for name, born, sex, weight in [
        ("Adi", "2000-01-01", "M", 85),
        ("Bayu", "2000-02-01", "M", 95),
        ("Candra", "2000-03-01", "M", 100),
        ("Dimas", "2000-04-01", "M", 100.1),
        ("Eka", "2000-05-01", "F", 78.1),
        ("Fajar", "2010-01-01", "M", 66.1),
        ("Gita", "2012-01-01", "F", 44),
        ("Hadi", "2000-06-01", "M", 70),
    ]:
        add(athletes, rules, name, born, sex=sex, weight_kg=weight)
    with db.connection() as conn:
        # A weight nobody recorded (an older club's athlete): no class.
        conn.execute("UPDATE athletes SET weight_kg = NULL WHERE full_name = 'Hadi'")

    rows = {row.full_name: row for row in athletes.roster({"season": 2026}).rows}

    def label(row_name: str) -> str | None:
        row = rows[row_name]
        band = next(c for c in current.categories if c.id == row.category_id)
        found = [c for c in band.weight_classes if c.id == row.weight_class_id]
        return str(weight_class_label(found[0])) if found else None

    assert {name: label(name) for name in rows} == {
        "Adi": "-90 kg",
        "Bayu": "-100 kg",
        "Candra": "-100 kg",
        "Dimas": "+100 kg",
        "Eka": "+78 kg",
        "Fajar": "-73 kg",
        "Gita": "-44 kg",
        "Hadi": None,
    }
    # Another season, another category: Fajar is a junior (U21) in 2028.
    later = {row.full_name: row for row in athletes.roster({"season": 2028}).rows}
    assert later["Fajar"].category_id == category(current, "U21").id
    assert later["Fajar"].weight_class_id == class_named(current, "U21", "M", "-73 kg").id
    # An athlete with no category (too young) has no class.
    add(athletes, rules, "Iwan", "2024-01-01", weight_kg=18)
    (iwan,) = [r for r in athletes.roster({"season": 2026}).rows if r.full_name == "Iwan"]
    assert (iwan.category_id, iwan.weight_class_id) == (None, None)


def test_the_roster_filters_by_a_weight_class_of_the_active_ruleset(
    rules: RulesService, athletes: AthletesService
) -> None:
    current = rules.get()
    for name, born, sex, weight in [
        ("Adi", "2000-01-01", "M", 95),
        ("Bayu", "2000-02-01", "M", 100),
        ("Candra", "2000-03-01", "M", 100.1),
        ("Dewi", "2000-04-01", "F", 95),
        # 16 in 2026: a cadet (U18) row, though Seniors would let him enter.
        ("Eko", "2010-01-01", "M", 95),
        # 65 in 2026: his row is the Veterans', whose -100 is another class.
        ("Fikri", "1961-01-01", "M", 95),
    ]:
        add(athletes, rules, name, born, sex=sex, weight_kg=weight)
    minus_100 = class_named(current, "SEN", "M", "-100 kg")

    def names(**filters: object) -> list[str]:
        found = athletes.roster({"season": 2026, "status": "all", **filters})
        assert all(row.weight_class_id == minus_100.id for row in found.rows)
        return [row.full_name for row in found.rows]

    assert names(weight_class_id=minus_100.id) == ["Adi", "Bayu"]
    assert names(weight_class_id=minus_100.id, search="bay") == ["Bayu"]
    assert names(weight_class_id=minus_100.id, sex="F") == []
    assert names(weight_class_id=minus_100.id, category_id=category(current, "U18").id) == []
    assert names(weight_class_id=minus_100.id, category_id=category(current, "SEN").id) == [
        "Adi",
        "Bayu",
    ]
    assert names(weight_class_id=minus_100.id, season=2001) == []  # born after the season
    plus_100 = class_named(current, "SEN", "M", "+100 kg")
    assert [r.full_name for r in athletes.roster({"weight_class_id": plus_100.id}).rows] == [
        "Candra"
    ]
    cadets = class_named(current, "U18", "M", "+90 kg")
    assert [r.full_name for r in athletes.roster({"weight_class_id": cadets.id}).rows] == ["Eko"]


def test_a_weight_class_filter_that_names_no_class_is_told(
    rules: RulesService, athletes: AthletesService
) -> None:
    gone = class_named(rules.get(), "SEN", "M", "-60 kg")
    rules.delete_weight_class(gone.id)

    with pytest.raises(NotFoundError, match="That weight class is no longer there"):
        athletes.roster({"weight_class_id": gone.id})
    for bad in (True, "5", 0, -1, 2**70):
        with pytest.raises(ValidationError) as error:
            athletes.roster({"weight_class_id": bad})
        assert problems(error) == {"weight_class_id": "Please choose a weight class."}
