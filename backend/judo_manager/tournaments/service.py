"""What the app can do with tournaments: their copy of the rules, entries, conflicts,
results (and so medals), and the entry sheet."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from judo_manager.athletes.model import AthleteFacts, TournamentMedal
from judo_manager.athletes.names import search_key
from judo_manager.athletes.service import AthletesService
from judo_manager.clubs.service import ClubsService, load_clubs
from judo_manager.db import Database
from judo_manager.errors import ConflictError, NotFoundError, ValidationError
from judo_manager.exports.files import export_file_name
from judo_manager.exports.model import Column, ExportFormat, Group, Row, Sheet
from judo_manager.forms import MAX_ROW_ID, FormReader, require_id
from judo_manager.i18n import Message, _, _n, formatted, in_kilograms, translate
from judo_manager.media.service import MediaService
from judo_manager.rules.model import AgeCategory, Belt, Sex, WeightClass, roster_category
from judo_manager.rules.service import RulesService, load_rules
from judo_manager.rules.weights import ladder, weight_class_for, weight_class_label
from judo_manager.tournaments import repository
from judo_manager.tournaments.conflicts import entry_conflicts
from judo_manager.tournaments.model import (
    MEDAL_OF_RESULT,
    RESULTS,
    AthleteTournament,
    CategoryLimits,
    EntriesAdded,
    Entry,
    EntryDeadline,
    Result,
    Tournament,
    TournamentCategory,
    TournamentFields,
    TournamentSummary,
)

Today = Callable[[], dt.date]
# What a record missing meanwhile is called: "That tournament is no longer there".
TOURNAMENT = _("tournament")
ENTRY = _("entry")
ATHLETE = _("athlete")
AGE_CATEGORY = _("age category")
# A weigh-in's bounds: those of the roster's weight.
MIN_WEIGH_IN_KG = 15
MAX_WEIGH_IN_KG = 250
# More athletes than any club has, entered or removed at once.
MAX_AT_ONCE = 10_000
_OPEN = CategoryLimits(min_belt_id=None, open_to_f=True, open_to_m=True)
_SEXES: tuple[Sex, ...] = ("F", "M")


@dataclass
class _Copy:
    """A tournament's copy of the rules: its categories youngest first, by id too."""

    categories: list[TournamentCategory]
    by_id: dict[int, TournamentCategory]


class TournamentsService:
    """Tournaments, from the roster to the entry sheet and the results."""

    def __init__(
        self,
        db: Database,
        athletes: AthletesService,
        rules: RulesService,
        clubs: ClubsService,
        media: MediaService,
        *,
        today: Today = dt.date.today,
    ) -> None:
        self._db = db
        self._athletes = athletes
        self._rules = rules
        self._clubs = clubs
        self._media = media
        self._today = today

    # Reading

    def list(self) -> list[TournamentSummary]:
        """Every tournament: the upcoming ones first (soonest first), then the past ones
        (latest first), each with its entries and conflicts counted."""
        with self._db.snapshot() as conn:
            tournaments = self._build(conn, repository.list_tournaments(conn))
        upcoming = sorted(
            (t for t in tournaments if t.upcoming), key=lambda t: (t.starts_on, t.name, t.id)
        )
        past = sorted(
            (t for t in tournaments if not t.upcoming),
            key=lambda t: (t.starts_on, t.name, t.id),
            reverse=True,
        )
        return [
            TournamentSummary(
                id=t.id,
                name=t.name,
                starts_on=t.starts_on,
                ends_on=t.ends_on,
                location=t.location,
                entry_count=len(t.entries),
                conflict_count=t.conflict_count,
                upcoming=t.upcoming,
                entry_deadline=t.entry_deadline,
            )
            for t in (*upcoming, *past)
        ]

    def entry_deadlines(self, first: dt.date, last: dt.date) -> list[EntryDeadline]:
        """The tournaments whose entry deadline falls from `first` to `last`, both included,
        soonest first; a deadline a file from elsewhere holds as no date is none."""
        with self._db.snapshot() as conn:
            rows = repository.list_tournaments(conn)
        found = [
            EntryDeadline(id_, name, starts_on, deadline.isoformat())
            for id_, name, starts_on, _ends, _at, _by, text, *_rest in rows
            if (deadline := _date(text)) is not None and first <= deadline <= last
        ]
        found.sort(
            key=lambda d: (d.entry_deadline, d.starts_on, search_key(d.name), d.tournament_id)
        )
        return found

    def get(self, tournament_id: int) -> Tournament:
        """One tournament in full: its copy of the rules, its entries and their conflicts."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        with self._db.snapshot() as conn:
            return self._load(conn, tournament_id)

    def for_athlete(self, athlete_id: int) -> list[AthleteTournament]:
        """The tournaments the athlete entered, latest first, with their results."""
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.snapshot() as conn:
            athlete = self._athletes.entry_facts([athlete_id]).get(athlete_id)
            if athlete is None:
                raise NotFoundError.of(ATHLETE)
            lines = repository.entries_of_athlete(conn, athlete_id)
            wanted = {line[1] for line in lines}
            rows = {row[0]: row for row in repository.list_tournaments(conn) if row[0] in wanted}
            copies = self._copies(conn, sorted(rows))
        found: list[AthleteTournament] = []
        for _id, tournament_id, _athlete, category_id, class_id, _w, result, _m in lines:
            row = rows.get(tournament_id)
            if row is None:
                continue
            copy = copies.get(tournament_id, _Copy([], {}))
            category = copy.by_id.get(category_id) if category_id is not None else None
            weight_class = _class_in(category, class_id, sex=athlete.sex)
            found.append(
                AthleteTournament(
                    tournament_id=tournament_id,
                    name=row[1],
                    starts_on=row[2],
                    ends_on=row[3],
                    category_code=None if category is None else category.code,
                    weight_class_label=None if weight_class is None else _label(weight_class),
                    result=cast("Result | None", result),
                )
            )
        found.sort(key=lambda t: (t.starts_on, t.name, t.tournament_id), reverse=True)
        return found

    # The tournament itself

    def create(self, data: Mapping[str, object]) -> Tournament:
        """Add a tournament, with a copy of the club's rules as they are now."""
        with self._db.write() as conn:
            fields = self._read_tournament(data, current=None, has_results=False)
            rules = load_rules(conn)
            tournament_id = repository.insert_tournament(conn, fields, rules.ruleset_name)
            self._copy_rules(conn, tournament_id, self._rules.current_categories(), {})
            return self._load(conn, tournament_id)

    def update(self, tournament_id: int, data: Mapping[str, object]) -> Tournament:
        """Change a tournament's name, dates, place or notes; its medals follow its name
        and first day."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        with self._db.write() as conn:
            current = self._load(conn, tournament_id)
            has_results = any(e.result is not None for e in current.entries)
            fields = self._read_tournament(data, current=current, has_results=has_results)
            repository.update_tournament(conn, tournament_id, fields)
            starts_on = fields.starts_on.isoformat()
            if (fields.name, starts_on) != (current.name, current.starts_on):
                self._athletes.redate_tournament_medals(tournament_id, fields.name, starts_on)
            return self._load(conn, tournament_id)

    def delete(self, tournament_id: int, keep_medals: object) -> None:
        """Remove a tournament and its entries. Its medals stay in the athletes' histories
        as ordinary medals unless `keep_medals` is False, which removes them too."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        with self._db.write() as conn:
            if repository.tournament(conn, tournament_id) is None:
                raise NotFoundError.of(TOURNAMENT)
            # Only a plain "no" takes medals away: anything else the page might send keeps them.
            if keep_medals is False:
                self._athletes.delete_tournament_medals(tournament_id)
            repository.delete_tournament(conn, tournament_id)

    def refresh_rules(self, tournament_id: int) -> Tournament:
        """Take the club's rules again for the tournament, as they are now.

        Each entry keeps its category by code, and its weight class by sex, limit and kind,
        where the new copy has them; the categories' limits stay with their codes. Refused
        once the entry deadline (without one, the first day) has passed.
        """
        tournament_id = require_id(tournament_id, TOURNAMENT)
        with self._db.write() as conn:
            current = self._load(conn, tournament_id)
            if not current.can_refresh_rules:
                raise ConflictError(_refresh_refused(current))
            old = {c.id: c for c in current.categories}
            kept: list[tuple[int, str | None, tuple[str, float, bool] | None]] = []
            for entry in current.entries:
                category = old.get(entry.category_id) if entry.category_id is not None else None
                weight_class = _class_in(category, entry.weight_class_id, sex=None)
                kept.append(
                    (
                        entry.id,
                        None if category is None else category.code.casefold(),
                        None
                        if weight_class is None
                        else (weight_class.sex, weight_class.limit_kg, weight_class.over),
                    )
                )
            limits = {
                c.code.casefold(): CategoryLimits(c.min_belt_id, c.open_to_f, c.open_to_m)
                for c in current.categories
            }
            # The new copy is made beside the old one, so it takes new ids: a form still
            # open on an old category or class can never name a new one by chance.
            repository.set_codes_aside(conn, tournament_id)
            self._copy_rules(conn, tournament_id, self._rules.current_categories(), limits)
            new = {
                c.code.casefold(): c
                for c in self._copy(conn, tournament_id).categories
                if c.id not in old
            }
            choices: list[tuple[int | None, int | None, int]] = []
            for entry_id, code, class_key in kept:
                category = None if code is None else new.get(code)
                weight_class = next(
                    (
                        c
                        for c in (() if category is None else category.weight_classes)
                        if (c.sex, c.limit_kg, c.over) == class_key
                    ),
                    None,
                )
                choices.append(
                    (
                        None if category is None else category.id,
                        None if weight_class is None else weight_class.id,
                        entry_id,
                    )
                )
            repository.set_entry_choices(conn, choices)
            repository.delete_categories(conn, sorted(old))
            repository.set_rules_copied(conn, tournament_id, load_rules(conn).ruleset_name)
            refreshed = self._load(conn, tournament_id)
            self._sync_medals(refreshed, refreshed.entries)
            return refreshed

    def set_category_limits(
        self, tournament_id: int, category_id: int, data: Mapping[str, object]
    ) -> Tournament:
        """Set one category's limits for the tournament: the lowest belt allowed, and
        whether women and men may enter."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        category_id = require_id(category_id, AGE_CATEGORY)
        with self._db.write() as conn:
            if repository.tournament(conn, tournament_id) is None:
                raise NotFoundError.of(TOURNAMENT)
            limits = self._read_limits(data)
            if not repository.set_category_limits(conn, tournament_id, category_id, limits):
                raise NotFoundError.of(AGE_CATEGORY)
            return self._load(conn, tournament_id)

    # Entries

    def add_entries(self, tournament_id: int, athlete_ids: object) -> EntriesAdded:
        """Enter athletes, each in the category their age fits best and the class their
        weight falls in; athletes entered already are skipped and counted."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        wanted = _id_list(athlete_ids, ATHLETE)
        with self._db.write() as conn:
            row = repository.tournament(conn, tournament_id)
            if row is None:
                raise NotFoundError.of(TOURNAMENT)
            entered = repository.entered_athletes(conn, tournament_id)
            new = [a for a in wanted if a not in entered]
            facts = self._athletes.entry_facts(new)
            if len(facts) != len(new):
                raise NotFoundError.of(ATHLETE)
            year = _year_of(row[2], self._today())
            categories = self._copy(conn, tournament_id).categories
            rows: list[tuple[int, int | None, int | None]] = []
            for athlete_id in new:
                athlete = facts[athlete_id]
                category = _suggested(categories, year - athlete.birth_year)
                weight_class = (
                    None
                    if category is None
                    else weight_class_for(category.weight_classes, athlete.sex, athlete.weight_kg)
                )
                rows.append(
                    (
                        athlete_id,
                        None if category is None else category.id,
                        None if weight_class is None else weight_class.id,
                    )
                )
            repository.insert_entries(conn, tournament_id, rows)
            return EntriesAdded(
                tournament=self._load(conn, tournament_id),
                added=len(new),
                skipped=len(wanted) - len(new),
            )

    def update_entry(
        self, tournament_id: int, entry_id: int, data: Mapping[str, object]
    ) -> Tournament:
        """Change an entry's age category, weight class or weigh-in.

        A category must be the tournament's, and a class one of that category's for the
        athlete's sex. A class of another of its categories (the one the entry had, sent
        with a new category) stands for the class the weight falls in within the new one.
        """
        tournament_id = require_id(tournament_id, TOURNAMENT)
        entry_id = require_id(entry_id, ENTRY)
        with self._db.write() as conn:
            tournament = self._load(conn, tournament_id)
            entry = next((e for e in tournament.entries if e.id == entry_id), None)
            if entry is None:
                raise NotFoundError.of(ENTRY)
            category_id, class_id, weigh_in = self._read_entry(data, tournament, entry)
            repository.update_entry(conn, entry_id, category_id, class_id, weigh_in)
            changed = self._load(conn, tournament_id)
            self._sync_medals(changed, [e for e in changed.entries if e.id == entry_id])
            return changed

    def remove_entries(self, tournament_id: int, entry_ids: object) -> Tournament:
        """Take entries out of the tournament; a medal their result gave goes with them.
        Entries already gone are no matter."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        wanted = set(_id_list(entry_ids, ENTRY))
        with self._db.write() as conn:
            if repository.tournament(conn, tournament_id) is None:
                raise NotFoundError.of(TOURNAMENT)
            for line in repository.entries(conn, [tournament_id]):
                entry_id, _t, athlete_id, *_choices, medal_id = line
                if entry_id in wanted and medal_id is not None:
                    self._athletes.remove_tournament_medal(athlete_id, medal_id, tournament_id)
            repository.delete_entries(conn, tournament_id, sorted(wanted))
            return self._load(conn, tournament_id)

    def set_result(self, tournament_id: int, entry_id: int, result: object) -> Tournament:
        """Record an entry's place (None clears it). 1st to 3rd is also a medal in the
        athlete's history, changed with the place and removed with it, in the same write."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        entry_id = require_id(entry_id, ENTRY)
        if result is not None and result not in RESULTS:
            raise ValidationError(
                {
                    "result": _(
                        "{label} must be one of: {options}.",
                        label=_("Result"),
                        options=", ".join(RESULTS),
                    )
                }
            )
        with self._db.write() as conn:
            tournament = self._load(conn, tournament_id)
            entry = next((e for e in tournament.entries if e.id == entry_id), None)
            if entry is None:
                raise NotFoundError.of(ENTRY)
            first_day = _date(tournament.starts_on)
            if result is not None and first_day is not None and self._today() < first_day:
                raise ConflictError(
                    _(
                        "Results can be recorded from the tournament's first day, {day}.",
                        day=first_day,
                    )
                )
            entry.result = cast("Result | None", result)
            medal_id = self._medal_for(tournament, entry)
            repository.set_result(conn, entry_id, entry.result, medal_id)
            return self._load(conn, tournament_id)

    # The entry sheet

    def entry_sheet(self, tournament_id: int) -> Sheet:
        """The entry sheet, in the language spoken now: the organisation, the tournament,
        and its entries grouped by age category, sex and weight class, each with its
        conflicts."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        with self._db.snapshot() as conn:
            tournament = self._load(conn, tournament_id)
            belts = {belt.id: belt.name for belt in load_rules(conn).belts}
            clubs = {club.id: club.name for club in load_clubs(conn)}
            organisation = self._clubs.organisation()
        return _sheet(tournament, belts, clubs, organisation.name, self._clubs.letterhead_logo())

    def entry_sheet_name(self, tournament_id: int, export_format: ExportFormat) -> str:
        """The name the entry sheet is offered under: `entries_<tournament>_<first day>.pdf`."""
        tournament_id = require_id(tournament_id, TOURNAMENT)
        with self._db.snapshot() as conn:
            row = repository.tournament(conn, tournament_id)
        if row is None:
            raise NotFoundError.of(TOURNAMENT)
        day = _date(row[2]) or self._today()
        return export_file_name("entries", row[1], day, export_format)

    # Inside

    def _load(self, conn: sqlite3.Connection, tournament_id: int) -> Tournament:
        row = repository.tournament(conn, tournament_id)
        if row is None:
            raise NotFoundError.of(TOURNAMENT)
        return self._build(conn, [row])[0]

    def _build(
        self, conn: sqlite3.Connection, rows: Sequence[repository.TournamentLine]
    ) -> list[Tournament]:
        """The tournaments of `rows` in full, read in a few queries whatever their entries."""
        ids = [row[0] for row in rows]
        copies = self._copies(conn, ids)
        lines = repository.entries(conn, ids)
        facts = self._athletes.entry_facts(sorted({line[2] for line in lines}))
        belts = {belt.id: belt for belt in load_rules(conn).belts}
        by_tournament: dict[int, list[repository.EntryLine]] = {id_: [] for id_ in ids}
        for line in lines:
            by_tournament[line[1]].append(line)
        today = self._today()
        return [
            self._tournament(
                row, copies.get(row[0], _Copy([], {})), by_tournament[row[0]], facts, belts, today
            )
            for row in rows
        ]

    def _tournament(
        self,
        row: repository.TournamentLine,
        copy: _Copy,
        lines: Sequence[repository.EntryLine],
        facts: Mapping[int, AthleteFacts],
        belts: Mapping[int, Belt],
        today: dt.date,
    ) -> Tournament:
        id_, name, starts_on, ends_on, location, organiser, deadline, notes, ruleset, copied = row
        last_day = _date(ends_on) or _date(starts_on) or today
        year = _year_of(starts_on, today)
        # Whether each (athlete, category) is entered more than once.
        entered = Counter((line[2], _category_of(copy, line[3])) for line in lines)
        suggested_of_age: dict[int, TournamentCategory | None] = {}
        eligible_of_age: dict[int, list[int]] = {}
        entries: list[Entry] = []
        for entry_id, _t, athlete_id, category_id, class_id, weigh_in, result, medal in lines:
            athlete = facts.get(athlete_id)
            if athlete is None:
                continue  # the athlete went meanwhile; their entry goes with them
            age = year - athlete.birth_year
            if age not in suggested_of_age:
                suggested_of_age[age] = _suggested(copy.categories, age)
                eligible_of_age[age] = [c.id for c in copy.categories if c.fits(age)]
            suggested = suggested_of_age[age]
            category = copy.by_id.get(category_id) if category_id is not None else None
            weight_class = _class_in(category, class_id, sex=athlete.sex)
            weight = weigh_in if weigh_in is not None else athlete.weight_kg
            judged_in = category or suggested
            suggested_class = (
                None
                if judged_in is None
                else weight_class_for(judged_in.weight_classes, athlete.sex, weight)
            )
            entries.append(
                Entry(
                    id=entry_id,
                    athlete_id=athlete_id,
                    full_name=athlete.full_name,
                    member_id=athlete.member_id,
                    birth_year=athlete.birth_year,
                    age=age,
                    sex=athlete.sex,
                    belt_id=athlete.belt_id,
                    club_id=athlete.club_id,
                    licence_number=athlete.licence_number,
                    roster_weight_kg=athlete.weight_kg,
                    weigh_in_kg=weigh_in,
                    weight_kg=weight,
                    category_id=None if category is None else category.id,
                    weight_class_id=None if weight_class is None else weight_class.id,
                    suggested_category_id=None if suggested is None else suggested.id,
                    eligible_category_ids=eligible_of_age[age],
                    suggested_weight_class_id=None
                    if suggested_class is None
                    else suggested_class.id,
                    result=cast("Result | None", result),
                    medal_id=medal,
                    conflicts=entry_conflicts(
                        athlete,
                        age=age,
                        age_year=year,
                        category=category,
                        weight_class=weight_class,
                        weight_kg=weight,
                        last_day=last_day,
                        belts=belts,
                        duplicate=entered[(athlete_id, _category_of(copy, category_id))] > 1,
                    ),
                )
            )
        entries.sort(key=_sheet_order(copy))
        return Tournament(
            id=id_,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            location=location,
            organiser=organiser,
            entry_deadline=deadline,
            notes=notes,
            ruleset_name=ruleset,
            rules_copied_at=copied,
            can_refresh_rules=today.isoformat() <= (deadline or starts_on),
            age_year=year,
            upcoming=last_day >= today,
            categories=copy.categories,
            entries=entries,
            conflict_count=sum(1 for e in entries if e.conflicts),
        )

    def _copies(self, conn: sqlite3.Connection, tournament_ids: Sequence[int]) -> dict[int, _Copy]:
        """Each tournament's copy of the rules, read in two queries for all of them."""
        classes: dict[int, list[WeightClass]] = {}
        for class_id, category_id, sex, limit, over, name in repository.weight_classes(
            conn, tournament_ids
        ):
            classes.setdefault(category_id, []).append(
                WeightClass(class_id, category_id, sex, limit, bool(over), name)
            )
        copies: dict[int, _Copy] = {}
        for line in repository.categories(conn, tournament_ids):
            category_id, tournament_id, code, name, min_age, max_age, belt, to_f, to_m = line
            own = classes.get(category_id, [])
            category = TournamentCategory(
                id=category_id,
                code=code,
                name=name,
                min_age=min_age,
                max_age=max_age,
                weight_classes=tuple(c for sex in _SEXES for c in ladder(own, sex)),
                min_belt_id=belt,
                open_to_f=bool(to_f),
                open_to_m=bool(to_m),
            )
            copy = copies.setdefault(tournament_id, _Copy([], {}))
            copy.categories.append(category)
            copy.by_id[category_id] = category
        for copy in copies.values():
            copy.categories.sort(key=AgeCategory.youth_order)
        return copies

    def _copy(self, conn: sqlite3.Connection, tournament_id: int) -> _Copy:
        return self._copies(conn, [tournament_id]).get(tournament_id, _Copy([], {}))

    def _copy_rules(
        self,
        conn: sqlite3.Connection,
        tournament_id: int,
        categories: Sequence[AgeCategory],
        limits: Mapping[str, CategoryLimits],
    ) -> None:
        """Copy the club's categories and their weight classes into the tournament; a
        category keeps the limits `limits` has for its code."""
        for category in categories:
            copied = repository.insert_category(
                conn,
                tournament_id,
                category.code,
                category.name,
                (category.min_age, category.max_age),
                limits.get(category.code.casefold(), _OPEN),
            )
            repository.insert_weight_classes(conn, copied, category.weight_classes)

    def _medal_for(self, tournament: Tournament, entry: Entry) -> int | None:
        """Write the medal the entry's result gives, or take away the one it gave; the
        medal the entry names now (inside the caller's write)."""
        place = None if entry.result is None else MEDAL_OF_RESULT.get(entry.result)
        if place is None:
            if entry.medal_id is not None:
                self._athletes.remove_tournament_medal(
                    entry.athlete_id, entry.medal_id, tournament.id
                )
            return None
        return self._athletes.save_tournament_medal(
            entry.athlete_id,
            entry.medal_id,
            TournamentMedal(
                tournament_id=tournament.id,
                competition=tournament.name,
                held_on=tournament.starts_on,
                place=place,
                category=_medal_category(tournament, entry),
            ),
        )

    def _sync_medals(self, tournament: Tournament, entries: Sequence[Entry]) -> None:
        """Bring the medals of `entries` in step with their category and class."""
        for entry in entries:
            if entry.medal_id is not None:
                self._medal_for(tournament, entry)

    # Forms

    def _read_tournament(
        self, data: Mapping[str, object], *, current: Tournament | None, has_results: bool
    ) -> TournamentFields:
        form = FormReader(data)
        name = form.text("name", _("Tournament name"), required=True, max_length=120)
        starts_on = form.date("starts_on", _("First day"))
        ends_on = form.date(
            "ends_on",
            _("Last day"),
            required=False,
            not_before=None if starts_on is None else (starts_on, _("the first day")),
        )
        deadline = form.date("entry_deadline", _("Entry deadline"), required=False)
        if deadline is not None and starts_on is not None and deadline > (ends_on or starts_on):
            form.problem(
                "entry_deadline",
                _("Entry deadline can't be after the tournament's last day."),
            )
        if (
            current is not None
            and has_results
            and starts_on is not None
            and starts_on > self._today()
        ):
            form.problem(
                "starts_on",
                _(
                    "This tournament has results, so its first day can't be after today. "
                    "Clear the results first if the date was wrong."
                ),
            )
        fields = TournamentFields(
            name=name or "",
            starts_on=starts_on or dt.date.min,
            ends_on=ends_on,
            location=form.text("location", _("Location"), required=False, max_length=120),
            organiser=form.text("organiser", _("Organiser"), required=False, max_length=120),
            entry_deadline=deadline,
            notes=form.text("notes", _("Notes"), required=False, max_length=2000, multiline=True),
        )
        form.check()
        return fields

    def _read_limits(self, data: Mapping[str, object]) -> CategoryLimits:
        form = FormReader(data)
        belt_id = form.identifier("min_belt_id", _("a belt"), required=False)
        if belt_id is not None and not self._rules.belt_exists(belt_id):
            form.problem(
                "min_belt_id", _("That belt is no longer on the ladder; please choose another.")
            )
        limits = CategoryLimits(
            min_belt_id=belt_id,
            open_to_f=form.flag("open_to_f", _("Open to women")),
            open_to_m=form.flag("open_to_m", _("Open to men")),
        )
        form.check()
        return limits

    def _read_entry(
        self, data: Mapping[str, object], tournament: Tournament, entry: Entry
    ) -> tuple[int | None, int | None, float | None]:
        form = FormReader(data)
        by_id = {c.id: c for c in tournament.categories}
        category_id = form.identifier("category_id", _("an age category"), required=False)
        category = None if category_id is None else by_id.get(category_id)
        if category_id is not None and category is None:
            form.problem(
                "category_id",
                _("That age category is not one of this tournament's; please choose another."),
            )
        weigh_in = None
        sent = data.get("weigh_in_kg")
        if (
            isinstance(sent, float | int)
            and not isinstance(sent, bool)
            and sent == entry.weigh_in_kg
        ):
            # Unchanged: a restored file's odd weigh-in doesn't block changing the category.
            weigh_in = entry.weigh_in_kg
        elif sent not in (None, ""):
            weigh_in = form.number(
                "weigh_in_kg",
                _("Weigh-in"),
                minimum=MIN_WEIGH_IN_KG,
                maximum=MAX_WEIGH_IN_KG,
                in_kg=True,
            )
        follow_weight = data.get("follow_weight") is True
        class_id = (
            None
            if follow_weight
            else form.identifier("weight_class_id", _("a weight class"), required=False)
        )
        weight_class = None
        if follow_weight and category is not None:
            weight = weigh_in if weigh_in is not None else entry.roster_weight_kg
            weight_class = weight_class_for(category.weight_classes, entry.sex, weight)
        elif class_id is not None and category is not None:
            weight_class = next((c for c in category.weight_classes if c.id == class_id), None)
            elsewhere = any(
                c.id == class_id for other in tournament.categories for c in other.weight_classes
            )
            if weight_class is None and elsewhere:
                # The class of the category the entry had: the new category's for the weight.
                weight = weigh_in if weigh_in is not None else entry.roster_weight_kg
                weight_class = weight_class_for(category.weight_classes, entry.sex, weight)
            elif weight_class is None:
                form.problem(
                    "weight_class_id",
                    _(
                        "That weight class is not one of {category}'s; please choose another.",
                        category=category.code,
                    ),
                )
            elif weight_class.sex != entry.sex:
                form.problem(
                    "weight_class_id",
                    _("That weight class is for men; please choose one for women.")
                    if entry.sex == "F"
                    else _("That weight class is for women; please choose one for men."),
                )
        elif class_id is not None and category_id is None:
            form.problem("weight_class_id", _("Choose an age category before a weight class."))
        form.check()
        return (
            None if category is None else category.id,
            None if weight_class is None else weight_class.id,
            weigh_in,
        )


def _id_list(value: object, what: Message) -> list[int]:
    """Row ids sent by the page, each once, in their order; anything else names no row."""
    if not isinstance(value, list) or len(value) > MAX_AT_ONCE:
        raise NotFoundError.of(what)
    ids: dict[int, None] = {}
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= MAX_ROW_ID:
            raise NotFoundError.of(what)
        ids[item] = None
    return list(ids)


def _date(text: str | None) -> dt.date | None:
    """A stored YYYY-MM-DD date; None for none, or for text a file from elsewhere holds."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _year_of(starts_on: str, today: dt.date) -> int:
    """The year a tournament counts ages for: its first day's."""
    day = _date(starts_on)
    return (day or today).year


def _suggested(categories: Sequence[TournamentCategory], age: int) -> TournamentCategory | None:
    found = roster_category(categories, age)
    return cast("TournamentCategory | None", found)


def _category_of(copy: _Copy, category_id: int | None) -> int | None:
    """The entry's category if it is one of the tournament's (a file from elsewhere may
    name another tournament's)."""
    return category_id if category_id is not None and category_id in copy.by_id else None


def _class_in(
    category: TournamentCategory | None, class_id: int | None, *, sex: Sex | None
) -> WeightClass | None:
    """The entry's class if it is one of its category's (for the athlete's `sex`)."""
    if category is None or class_id is None:
        return None
    return next(
        (c for c in category.weight_classes if c.id == class_id and (sex is None or c.sex == sex)),
        None,
    )


def _label(weight_class: WeightClass) -> Message:
    label = weight_class_label(weight_class)
    return label if isinstance(label, Message) else formatted(label)


def _medal_category(tournament: Tournament, entry: Entry) -> str | None:
    """The category a medal records, as the coach reads it: "U18 -66 kg"."""
    category = next((c for c in tournament.categories if c.id == entry.category_id), None)
    if category is None:
        return None
    weight_class = _class_in(category, entry.weight_class_id, sex=entry.sex)
    if weight_class is None:
        return category.code
    return f"{category.code} {translate(weight_class_label(weight_class))}"


def _refresh_refused(tournament: Tournament) -> Message:
    deadline = _date(tournament.entry_deadline)
    if deadline is not None:
        return _(
            "The entry deadline, {day}, has passed, so this tournament keeps the rules it "
            "has. Edit an entry's category or weight class instead.",
            day=deadline,
        )
    return _(
        "This tournament has begun, so it keeps the rules it has. Edit an entry's category "
        "or weight class instead."
    )


def _sheet_order(copy: _Copy) -> Callable[[Entry], tuple[object, ...]]:
    """How the entry sheet orders entries: category (youngest first, none last), women
    then men, the weight ladder (no class last), then the name."""
    category_rank = {c.id: index for index, c in enumerate(copy.categories)}
    class_rank = {
        c.id: index
        for category in copy.categories
        for index, c in enumerate(category.weight_classes)
    }
    last = len(category_rank) + len(class_rank) + 1

    def key(entry: Entry) -> tuple[object, ...]:
        return (
            last if entry.category_id is None else category_rank[entry.category_id],
            entry.sex,
            last if entry.weight_class_id is None else class_rank[entry.weight_class_id],
            search_key(entry.full_name),
            entry.id,
        )

    return key


def _sheet(
    tournament: Tournament,
    belts: Mapping[int, str],
    clubs: Mapping[int, str],
    organisation: str | None,
    logo: bytes | None,
) -> Sheet:
    """The entry sheet of `tournament`, every text rendered in the language spoken now."""
    categories = {c.id: c for c in tournament.categories}
    sexes = {"F": translate(_("Female")), "M": translate(_("Male"))}
    no_category = translate(_("No category"))
    no_class = translate(_("No weight class"))
    groups: list[Group] = []
    key_of_group: tuple[object, ...] | None = None
    rows: list[Row] = []
    values: list[str] = []

    def close_group() -> None:
        if rows:
            total = translate(_n("{count} entry", "{count} entries", len(rows)))
            groups.append(Group(values=list(values), rows=list(rows), total=total))
            rows.clear()

    for number, entry in enumerate(tournament.entries, start=1):
        key = (entry.category_id, entry.sex, entry.weight_class_id)
        if key != key_of_group:
            close_group()
            key_of_group = key
            category = None if entry.category_id is None else categories[entry.category_id]
            weight_class = _class_in(category, entry.weight_class_id, sex=entry.sex)
            values = [
                no_category if category is None else category.code,
                sexes[entry.sex],
                no_class if weight_class is None else translate(weight_class_label(weight_class)),
            ]
        rows.append(
            Row(
                cells=[
                    str(number),
                    entry.full_name,
                    str(entry.birth_year),
                    "" if entry.belt_id is None else belts.get(entry.belt_id, ""),
                    ""
                    if entry.weight_kg is None
                    else translate(_("{weight} kg", weight=in_kilograms(entry.weight_kg))),
                    "" if entry.club_id is None else clubs.get(entry.club_id, ""),
                    entry.licence_number or "",
                ],
                problems=[translate(conflict.message) for conflict in entry.conflicts],
            )
        )
    close_group()
    count = len(tournament.entries)
    if tournament.conflict_count:
        summary = _n(
            "{count} entry, {conflicts} with conflicts",
            "{count} entries, {conflicts} with conflicts",
            count,
            conflicts=tournament.conflict_count,
        )
    else:
        summary = _n("{count} entry", "{count} entries", count)
    return Sheet(
        title=tournament.name,
        details=[translate(line) for line in _details(tournament)],
        organisation=organisation,
        logo=logo,
        group_columns=[
            translate(_("Age category")),
            translate(_("Sex")),
            translate(_("Weight class")),
        ],
        columns=[
            # Translators: the entry sheet's column of row numbers.
            Column(translate(_("No.")), 0.5, "right"),
            Column(translate(_("Name")), 3.0),
            Column(translate(_("Birth year")), 1.0, "right"),
            Column(translate(_("Belt")), 1.5),
            Column(translate(_("Weight")), 1.0, "right"),
            Column(translate(_("Club")), 2.0),
            Column(translate(_("Licence number")), 1.5),
        ],
        groups=groups,
        problems_label=translate(_("Conflicts")),
        summary=translate(summary),
        signature=translate(_("Coach's name and signature")),
    )


def _details(tournament: Tournament) -> list[Message | str]:
    """The lines under the sheet's title: the dates, the place and the organiser."""
    first = _date(tournament.starts_on)
    last = _date(tournament.ends_on)
    lines: list[Message | str] = []
    if first is not None and last is not None and last != first:
        lines.append(_("{first} to {last}", first=first, last=last))
    else:
        lines.append(formatted(first) if first is not None else tournament.starts_on)
    if tournament.location:
        lines.append(tournament.location)
    if tournament.organiser:
        lines.append(_("Organiser: {organiser}", organiser=tournament.organiser))
    return lines
