"""What the app can do with athletes, their promotions, medals, documents and photo."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from judo_manager.athletes import grading, repository, sanity
from judo_manager.athletes.model import (
    DOCUMENT_KINDS,
    MEDAL_PLACES,
    PAPERS_FILTERS,
    SEXES,
    SORT_KEYS,
    STATUSES,
    Athlete,
    AthleteDetails,
    AthleteFacts,
    AthleteFields,
    AthleteWarnings,
    ClubCounts,
    DeletedAthlete,
    Document,
    DocumentFields,
    DocumentKind,
    GradingReadiness,
    MedalFields,
    MedalLeader,
    MedalPlace,
    MedalRecord,
    MedalTally,
    Paper,
    PaperAlert,
    PaperAlerts,
    PaperKind,
    PapersFilter,
    Promotion,
    PromotionFields,
    PromotionRecord,
    Roster,
    RosterQuery,
    RosterRow,
    Sex,
    SortKey,
    Status,
    TournamentMedal,
    Validity,
    validity_on,
)
from judo_manager.athletes.names import search_key
from judo_manager.clubs.service import ClubsService
from judo_manager.db import Database
from judo_manager.errors import ConflictError, NotFoundError, StaleRecordError, ValidationError
from judo_manager.forms import MAX_ROW_ID, FormReader, require_id
from judo_manager.i18n import _
from judo_manager.media.service import MediaService
from judo_manager.rules.model import AgeCategory, WeightClass, roster_category
from judo_manager.rules.service import RulesService
from judo_manager.rules.weights import ladder, weight_class_for

MIN_WEIGHT_KG = 15
MAX_WEIGHT_KG = 250
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MEMBER_ID_LENGTH = 20
# A generated member ID's number has at least this many digits: BJC-001, BJC-1000.
MEMBER_ID_DIGITS = 3
_DIGITS = re.compile(r"[0-9]+")
Today = Callable[[], dt.date]
# How long a delete can be undone; the toast that offers it is gone well before.
UNDO_DELETE_SECONDS = 120.0
TOO_LATE_TO_UNDO = _(
    "It's too late to undo this delete. If it was a mistake, add the athlete again or "
    "restore a backup."
)
# What a record missing or changed meanwhile is called: "That athlete is no longer there".
ATHLETE = _("athlete")
PROMOTION = _("promotion")
MEDAL = _("medal")
DOCUMENT = _("document")
# The labels of the fields more than one form has, as the page shows them.
BIRTH_DATE = _("Birth date")
SEX = _("Sex")
WEIGHT = _("Weight")
A_BELT = _("a belt")
THE_BIRTH_DATE = _("the birth date")
NOTES = _("Notes")
# The fields of the add/edit form, as `_read_athlete` reads them.
_FORM_FIELDS = tuple(field.name for field in dataclasses.fields(AthleteFields))


@dataclass(frozen=True)
class _Undoable:
    deleted_at: float
    # The data's generation when deleted: a restore since makes its ids another club's.
    generation: int
    athlete_id: int
    search_name: str
    birth_date: str
    record: repository.AthleteRecord


class AthletesService:
    """Reads and changes the roster; every change is checked here, whatever the form did."""

    def __init__(
        self,
        db: Database,
        rules: RulesService | None = None,
        *,
        clubs: ClubsService | None = None,
        media: MediaService | None = None,
        today: Today = dt.date.today,
    ) -> None:
        self._db = db
        self._rules = rules or RulesService(db)
        self._clubs = clubs or ClubsService(db)
        # The one that holds the files the page chose: the app passes the bridge's.
        self._media = media or MediaService(db)
        self._today = today
        # The rows of recent deletes, kept in memory only: an undo outlives no restart.
        self._undoable: dict[str, _Undoable] = {}
        self._undo_lock = threading.Lock()
        self._clock = time.monotonic

    def count(self) -> int:
        """How many athletes the club has."""
        return repository.count_athletes(self._db.connection())

    def roster(self, filters: Mapping[str, object]) -> Roster:
        """The athletes matching `filters`, sorted, each with their age, category and
        weight class."""
        query = self._read_query(filters)
        today = self._today()
        with self._db.snapshot() as conn:
            if query.club_id is not None and not self._clubs.exists(query.club_id):
                raise NotFoundError.of(_("club"))
            categories = self._rules.current_categories()
            born_between = None
            if query.category_id is not None:
                category = next((c for c in categories if c.id == query.category_id), None)
                if category is None:
                    raise NotFoundError.of(_("age category"))
                born_between = _born_eligible(category, query.season)
            wanted: WeightClass | None = None
            if query.weight_class_id is not None:
                wanted, query, born_between = _narrowed_to_class(query, categories, born_between)
            words = search_key(query.search).split()
            found = repository.roster_rows(conn, query, words, born_between, today)
            total = repository.count_athletes(conn)
        # Many athletes share an age, so each age's category is looked up once; each
        # category's ladder for each sex is picked out once, not for every athlete.
        category_of_age: dict[int, int | None] = {}
        ladders = {
            (category.id, sex): tuple(ladder(category.weight_classes, sex))
            for category in categories
            for sex in SEXES
        }
        state = validity_on(today)
        rows = []
        for (
            id_,
            name,
            birth_date,
            sex,
            belt_id,
            weight,
            active,
            member_id,
            club_id,
            photo_id,
            licence_until,
            medical_until,
        ) in found:
            birth_year = int(birth_date[:4])
            age = query.season - birth_year
            if age not in category_of_age:
                category = roster_category(categories, age)
                category_of_age[age] = None if category is None else category.id
            category_id = category_of_age[age]
            weight_class = (
                None
                if category_id is None
                else weight_class_for(ladders[category_id, sex], sex, weight)
            )
            if wanted is not None and (weight_class is None or weight_class.id != wanted.id):
                continue
            rows.append(
                RosterRow(
                    id=id_,
                    full_name=name,
                    birth_year=birth_year,
                    age=age,
                    sex=sex,
                    belt_id=belt_id,
                    weight_kg=weight,
                    category_id=category_id,
                    weight_class_id=None if weight_class is None else weight_class.id,
                    active=bool(active),
                    member_id=member_id,
                    club_id=club_id,
                    photo_id=photo_id,
                    licence_state=state(licence_until),
                    licence_until=licence_until,
                    medical_state=state(medical_until),
                    medical_until=medical_until,
                )
            )
        return Roster(season=query.season, total=total, rows=rows)

    def roster_query(self, filters: Mapping[str, object]) -> RosterQuery:
        """The roster's `filters` (as `roster` takes them), checked: for a report of the
        roster, which asks `roster` again with the same filters."""
        return self._read_query(filters)

    def club_counts(self, season: int) -> ClubCounts:
        """The active athletes of `season` counted by sex, birth year and belt, and those
        new in it, read at one moment."""
        with self._db.snapshot() as conn:
            by_sex = dict(repository.active_by_sex(conn))
            by_birth_year = dict(repository.active_by_birth_year(conn))
            by_belt = dict(repository.active_by_belt(conn))
            new = repository.count_active_new_in(conn, season)
        return ClubCounts(
            season=season,
            active=sum(by_sex.values()),
            by_sex={sex: by_sex.get(sex, 0) for sex in SEXES},
            by_birth_year=by_birth_year,
            by_belt=by_belt,
            new_in_season=new,
        )

    def medal_tally(self, season: int | None, *, leaders: int) -> MedalTally:
        """The medals of `season` (None: all time) by place, the seasons with medals, and
        the `leaders` athletes with the most."""
        with self._db.snapshot() as conn:
            by_place = dict(repository.medals_by_place(conn, season))
            seasons = repository.medal_years(conn)
            top = repository.medal_leaders(conn, season, leaders)
        return MedalTally(
            season=season,
            gold=by_place.get("gold", 0),
            silver=by_place.get("silver", 0),
            bronze=by_place.get("bronze", 0),
            seasons=seasons,
            leaders=[MedalLeader(*row) for row in top],
        )

    def paper_alerts(self, *, first: int, today: dt.date | None = None) -> PaperAlerts:
        """The active athletes' licences and medical certificates expired or expiring on
        `today` (this service's clock unless given): the athletes counted as the roster's
        papers filter counts them, and the `first` most pressing papers."""
        day = today or self._today()
        state = validity_on(day)
        with self._db.snapshot() as conn:
            rows = repository.active_papers_due(conn, day)
        expired = expiring = 0
        alerts: list[PaperAlert] = []
        for athlete_id, name, licence_until, medical_until in rows:
            states = {state(licence_until), state(medical_until)}
            if "expired" in states:
                expired += 1
            elif "expiring" in states:
                expiring += 1
            for paper, until in (("licence", licence_until), ("medical", medical_until)):
                paper_state = state(until)
                if until is not None and paper_state in ("expired", "expiring"):
                    alerts.append(
                        PaperAlert(athlete_id, name, cast(PaperKind, paper), until, paper_state)
                    )
        alerts.sort(key=lambda a: (a.valid_until, search_key(a.full_name), a.athlete_id))
        return PaperAlerts(expired=expired, expiring=expiring, first=alerts[:first])

    def get(self, athlete_id: int) -> Athlete:
        """One athlete in full."""
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.snapshot() as conn:
            return self._load(conn, athlete_id)

    def create(self, data: Mapping[str, object]) -> Athlete:
        """Add an athlete after checking every field.

        A blank member ID gets the next one (`next_member_id`), worked out inside the same
        write, so two athletes added at once never get the same.
        """
        with self._db.write() as conn:
            athlete = self._read_athlete(conn, data, current=None)
            if athlete.member_id is None:
                athlete = dataclasses.replace(athlete, member_id=self._next_member_id(conn))
            new_id = repository.insert_athlete(conn, athlete, search_key(athlete.full_name))
            return self._load(conn, new_id)

    def identities(self) -> dict[tuple[str, str], int]:
        """{(folded name, birth date): id} of every athlete, as duplicates are judged (on
        this thread's connection: inside the caller's snapshot or write)."""
        return repository.identities(self._db.connection())

    def check_new(self, data: Mapping[str, object]) -> AthleteFields:
        """The form of a new athlete, checked as `create` checks it, without adding them
        (inside the caller's snapshot or write); raises ValidationError."""
        return self._read_athlete(self._db.connection(), data, current=None)

    def add_checked(self, athlete: AthleteFields) -> int:
        """Add an athlete `check_new` passed, whose member ID is given (inside the caller's
        write, which checked them); the new id."""
        return repository.insert_athlete(
            self._db.connection(), athlete, search_key(athlete.full_name)
        )

    def filled(self, athlete_id: int, data: Mapping[str, object]) -> AthleteFields | None:
        """The athlete with only their empty fields taken from `data`, checked as `update`
        checks them; None when `data` fills none (inside the caller's snapshot or write).
        Nothing they hold is ever overwritten."""
        conn = self._db.connection()
        current = self._load(conn, athlete_id)
        form = {field: getattr(current, field) for field in _FORM_FIELDS}
        empty = [f for f in _FORM_FIELDS if form[f] in (None, "") and data.get(f) not in (None, "")]
        if not empty:
            return None
        form.update({field: data[field] for field in empty})
        return self._read_athlete(conn, form, current=current)

    def save_filled(self, athlete_id: int, athlete: AthleteFields) -> None:
        """Save what `filled` gave (inside the caller's write, which checked it)."""
        repository.update_athlete(
            self._db.connection(), athlete_id, athlete, search_key(athlete.full_name)
        )

    def next_member_id(self) -> str:
        """The member ID an athlete added now would get: the organisation's prefix and the
        number after the highest one used with it, at least three digits (BJC-001)."""
        with self._db.snapshot() as conn:
            return self._next_member_id(conn)

    def new_member_ids(self, count: int) -> list[str]:
        """The next `count` member IDs, for athletes added in bulk (on this thread's
        connection: inside the caller's write, which inserts them)."""
        return self._new_member_ids(self._db.connection(), count)

    def _next_member_id(self, conn: sqlite3.Connection) -> str:
        return self._new_member_ids(conn, 1)[0]

    def _new_member_ids(self, conn: sqlite3.Connection, count: int) -> list[str]:
        prefix = self._clubs.organisation().member_id_prefix
        numbers = [
            int(number)
            for member_id in repository.member_ids_with_prefix(conn, prefix)
            if _DIGITS.fullmatch(number := member_id[len(prefix) :])
        ]
        first = max(numbers, default=0) + 1
        return [f"{prefix}{n:0{MEMBER_ID_DIGITS}d}" for n in range(first, first + count)]

    def warnings(self, data: Mapping[str, object]) -> AthleteWarnings:
        """What is possible but unusual in the form (a dan grade under 14, a weight far from
        the usual range for the age and sex), for the coach to confirm; never a refusal.

        Only fields that read correctly are judged: a missing or wrong one is for `create`
        and `update` to refuse, with their own message.
        """
        form = FormReader(data)
        birth_date = form.date("birth_date", BIRTH_DATE, not_after=self._today())
        sex = form.choice("sex", SEX, SEXES, choose=_("sex"))
        belt_id = form.identifier("belt_id", A_BELT)
        weight = form.number(
            "weight_kg", WEIGHT, minimum=MIN_WEIGHT_KG, maximum=MAX_WEIGHT_KG, in_kg=True
        )
        if birth_date is None:
            return AthleteWarnings(belt_id=None, weight_kg=None)
        age = self._today().year - birth_date.year
        belt = next((b for b in self._rules.get().belts if b.id == belt_id), None)
        return AthleteWarnings(
            belt_id=None
            if belt is None
            else sanity.belt_warning(age, belt.kind == "dan", belt.name),
            weight_kg=(
                None
                if weight is None or sex is None
                else sanity.weight_warning(age, cast(Sex, sex), weight)
            ),
        )

    def update(self, athlete_id: int, revision: str, data: Mapping[str, object]) -> Athlete:
        """Change an athlete after checking every field.

        `revision` is the one the form was loaded with (as every write below takes it): a
        changed or restored-over athlete is refused rather than overwritten.
        """
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.write() as conn:
            _claim(conn, athlete_id, revision)
            athlete = self._read_athlete(conn, data, current=self._load(conn, athlete_id))
            repository.update_athlete(conn, athlete_id, athlete, search_key(athlete.full_name))
            return self._load(conn, athlete_id)

    def delete(self, athlete_id: int, revision: str) -> DeletedAthlete:
        """Remove an athlete; their promotions, medals, documents and photo go with them.

        Their rows are kept for `UNDO_DELETE_SECONDS`, so `undo_delete` can put them back.
        """
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.write() as conn:
            _claim(conn, athlete_id, revision)
            athlete = self._load(conn, athlete_id)
            record = repository.athlete_record(conn, athlete_id)
            if not repository.delete_athlete(conn, athlete_id):
                raise NotFoundError.of(ATHLETE)
        token = secrets.token_urlsafe(16)
        with self._undo_lock:
            now = self._clock()
            for old, entry in list(self._undoable.items()):
                if now - entry.deleted_at > UNDO_DELETE_SECONDS:
                    del self._undoable[old]
            self._undoable[token] = _Undoable(
                now,
                self._db.generation,
                athlete_id,
                search_key(athlete.full_name),
                athlete.birth_date,
                record,
            )
        return DeletedAthlete(full_name=athlete.full_name, undo_token=token)

    def undo_delete(self, token: object) -> Athlete:
        """Put back a deleted athlete exactly as they were, promotions, medals, documents and
        photo included (their files byte for byte), in one transaction; refused when too late
        or when the data changed in the way."""
        with self._undo_lock:
            entry = self._undoable.pop(token, None) if isinstance(token, str) else None
        if entry is None or self._clock() - entry.deleted_at > UNDO_DELETE_SECONDS:
            raise ConflictError(TOO_LATE_TO_UNDO)
        if entry.generation != self._db.generation:
            raise ConflictError(
                _(
                    "The delete can't be undone: a backup was restored since, so the club's "
                    "data is no longer the data the athlete was deleted from."
                )
            )
        with self._db.write() as conn:
            duplicate = repository.find_duplicate(conn, entry.search_name, entry.birth_date)
            if duplicate is not None:
                raise ConflictError(
                    _(
                        "The delete can't be undone: {name}, born {born}, is on the roster again.",
                        name=duplicate,
                        born=dt.date.fromisoformat(entry.birth_date),
                    )
                )
            try:
                repository.insert_record(conn, entry.record)
            except sqlite3.IntegrityError as error:
                raise ConflictError(
                    _(
                        "The delete can't be undone: the club's data changed since (was a "
                        "backup restored, or a belt deleted?)."
                    )
                ) from error
            return self._load(conn, entry.athlete_id)

    def add_promotion(self, athlete_id: int, revision: str, data: Mapping[str, object]) -> Athlete:
        """Record a grading. The newest one sets the current belt.

        Each promotion remembers the belt held before it, so the history stays a chain even
        when an older grading is entered late: it slots in before its successor. One grading a
        day keeps that order unambiguous.
        """
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.write() as conn:
            _claim(conn, athlete_id, revision)
            self._insert_promotion(conn, athlete_id, data)
            return self._load(conn, athlete_id)

    def update_promotion(
        self, promotion_id: int, revision: str, data: Mapping[str, object]
    ) -> Athlete:
        """Correct a grading (its date, belt or examiner).

        Done as the delete and the add that a coach would otherwise do by hand, with the same
        checks, in one transaction: the history stays a chain, and if the corrected grading
        doesn't fit it, nothing changes.
        """
        promotion_id = require_id(promotion_id, PROMOTION)
        with self._db.write() as conn:
            athlete_id, promotion = self._find_promotion(conn, promotion_id)
            _claim(conn, athlete_id, revision)
            _remove_promotion(conn, athlete_id, promotion)
            self._insert_promotion(conn, athlete_id, data)
            return self._load(conn, athlete_id)

    def delete_promotion(self, promotion_id: int, revision: str) -> Athlete:
        """Remove a grading; removing the newest gives back the belt held before it.

        If the coach has since set another belt in the form, that belt stays.
        """
        promotion_id = require_id(promotion_id, PROMOTION)
        with self._db.write() as conn:
            athlete_id, promotion = self._find_promotion(conn, promotion_id)
            _claim(conn, athlete_id, revision)
            _remove_promotion(conn, athlete_id, promotion)
            return self._load(conn, athlete_id)

    def _find_promotion(self, conn: sqlite3.Connection, promotion_id: int) -> tuple[int, Promotion]:
        found = repository.get_promotion(conn, promotion_id)
        if found is None:
            raise NotFoundError.of(PROMOTION)
        return found

    def _insert_promotion(
        self, conn: sqlite3.Connection, athlete_id: int, data: Mapping[str, object]
    ) -> None:
        """Check a grading against the history and slot it in (inside the caller's write)."""
        athlete = self._load(conn, athlete_id)
        promotion = self._read_promotion(data, athlete)
        day = promotion.promoted_on.isoformat()
        if any(p.promoted_on == day for p in athlete.promotions):
            raise ValidationError(
                {
                    "promoted_on": _(
                        "A promotion is already recorded on {day}. Delete it "
                        "first if it was wrong.",
                        day=day,
                    )
                }
            )
        # The first one after that day: past every row id of the day itself.
        successor = repository.next_promotion(conn, athlete_id, day, after_id=MAX_ROW_ID)
        _refuse_a_grading_to_the_same_belt(athlete, promotion, successor)
        if successor is None:
            repository.insert_promotion(conn, athlete_id, promotion, athlete.belt_id)
            repository.set_belt(conn, athlete_id, promotion.belt_id)
        else:
            repository.insert_promotion(conn, athlete_id, promotion, successor.from_belt_id)
            repository.set_promotion_from_belt(conn, successor.id, promotion.belt_id)

    def add_medal(self, athlete_id: int, revision: str, data: Mapping[str, object]) -> Athlete:
        """Record a podium place."""
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.write() as conn:
            _claim(conn, athlete_id, revision)
            athlete = self._load(conn, athlete_id)
            repository.insert_medal(conn, athlete_id, self._read_medal(data, athlete))
            return self._load(conn, athlete_id)

    def update_medal(self, medal_id: int, revision: str, data: Mapping[str, object]) -> Athlete:
        """Correct a medal, after the same checks as adding one."""
        medal_id = require_id(medal_id, MEDAL)
        with self._db.write() as conn:
            athlete_id = repository.medal_owner(conn, medal_id)
            if athlete_id is None:
                raise NotFoundError.of(MEDAL)
            _claim(conn, athlete_id, revision)
            _refuse_a_tournament_medal(conn, medal_id)
            medal = self._read_medal(data, self._load(conn, athlete_id))
            repository.update_medal(conn, medal_id, medal)
            return self._load(conn, athlete_id)

    def delete_medal(self, medal_id: int, revision: str) -> Athlete:
        """Remove a medal."""
        medal_id = require_id(medal_id, MEDAL)
        with self._db.write() as conn:
            athlete_id = repository.medal_owner(conn, medal_id)
            if athlete_id is None:
                raise NotFoundError.of(MEDAL)
            _claim(conn, athlete_id, revision)
            _refuse_a_tournament_medal(conn, medal_id)
            repository.delete_medal(conn, medal_id)
            return self._load(conn, athlete_id)

    def add_document(
        self, athlete_id: int, revision: str, token: object, data: Mapping[str, object]
    ) -> Athlete:
        """Keep a paper for the athlete: the file the coach chose (held under `token` by
        the media service) and what it says.

        The form is checked before the file is taken, so a form sent back to be corrected
        still has its file; the file is stored inside the same write as the document.
        """
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.write() as conn:
            _claim(conn, athlete_id, revision)
            document = self._read_document(data)
            media_id = self._media.store(conn, self._media.take(token, "document"))
            repository.insert_document(conn, athlete_id, media_id, document)
            return self._load(conn, athlete_id)

    def update_document(
        self, document_id: int, revision: str, data: Mapping[str, object]
    ) -> Athlete:
        """Correct what a document says; its file stays."""
        document_id = require_id(document_id, DOCUMENT)
        with self._db.write() as conn:
            athlete_id = self._document_owner(conn, document_id)
            _claim(conn, athlete_id, revision)
            repository.update_document(conn, document_id, self._read_document(data))
            return self._load(conn, athlete_id)

    def delete_document(self, document_id: int, revision: str) -> Athlete:
        """Remove a document and its file; a promotion or medal it proved keeps no proof."""
        document_id = require_id(document_id, DOCUMENT)
        with self._db.write() as conn:
            athlete_id = self._document_owner(conn, document_id)
            _claim(conn, athlete_id, revision)
            repository.delete_document(conn, document_id)
            return self._load(conn, athlete_id)

    def set_photo(self, athlete_id: int, revision: str, token: object) -> Athlete:
        """Give the athlete the photo the coach chose (held under `token`); the old one's
        file is deleted with it."""
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.write() as conn:
            _claim(conn, athlete_id, revision)
            # Only a file chosen as a photo: the media service checked it is an image.
            checked = self._media.take(token, "photo")
            repository.set_photo(conn, athlete_id, self._media.store(conn, checked))
            return self._load(conn, athlete_id)

    def remove_photo(self, athlete_id: int, revision: str) -> Athlete:
        """Take the athlete's photo away; its file is deleted."""
        athlete_id = require_id(athlete_id, ATHLETE)
        with self._db.write() as conn:
            _claim(conn, athlete_id, revision)
            repository.set_photo(conn, athlete_id, None)
            return self._load(conn, athlete_id)

    def entry_facts(self, athlete_ids: Sequence[int]) -> dict[int, AthleteFacts]:
        """{id: facts} of the athletes among `athlete_ids` that are on the roster, read in
        one query whatever their number (on this thread's connection: inside the caller's
        snapshot or write). A tournament's entries are judged with them."""
        return {
            line[0]: AthleteFacts(
                id=line[0],
                full_name=line[1],
                member_id=line[2],
                birth_year=int(line[3][:4]),
                sex=cast(Sex, line[4]),
                belt_id=line[5],
                weight_kg=line[6],
                club_id=line[7],
                licence_number=line[8],
                active=bool(line[9]),
                licence_until=line[10],
                medical_until=line[11],
            )
            for line in repository.athlete_facts(self._db.connection(), athlete_ids)
        }

    def details(self, athlete_ids: Sequence[int]) -> dict[int, AthleteDetails]:
        """{id: details} of the athletes among `athlete_ids` still on the roster, read in one
        query whatever their number: what a roster report shows beyond the roster's row."""
        with self._db.snapshot() as conn:
            lines = repository.athlete_details(conn, athlete_ids)
        return {line[0]: AthleteDetails(*line) for line in lines}

    def promotions_between(self, first: dt.date, last: dt.date) -> list[PromotionRecord]:
        """Every promotion dated `first` to `last` (both included), of active and inactive
        athletes alike, by date, then name."""
        with self._db.snapshot() as conn:
            lines = repository.promotions_between(conn, first.isoformat(), last.isoformat())
        return [PromotionRecord(*line) for line in lines]

    def medals_held(self, season: int | None) -> list[MedalRecord]:
        """Every medal held in the year `season` (None: all time), of active and inactive
        athletes alike, by date, then name."""
        year = None if season is None else f"{season:04d}"
        with self._db.snapshot() as conn:
            lines = repository.medals_held(conn, year)
        return [MedalRecord(*line) for line in lines]

    def grading_readiness(self, *, today: dt.date | None = None) -> GradingReadiness:
        """Who is ready for their next belt on `today` (the service's clock unless given),
        and who will be within `READY_SOON_MONTHS`; see `athletes.grading` for the rule.

        Read in one query on this thread's connection, so a caller's snapshot (a report's,
        the dashboard's) sees it at the same moment as its own reads.
        """
        day = self._today() if today is None else today
        return grading.readiness(repository.grading_facts(self._db.connection()), day)

    def save_tournament_medal(
        self, athlete_id: int, medal_id: int | None, medal: TournamentMedal
    ) -> int:
        """Give the athlete the medal a tournament's result earns, inside the caller's write;
        its id. `medal_id` is the one the result gave before: changed when it is still the
        athlete's medal of that tournament, else (gone, or a file from elsewhere naming
        another athlete's) a new one is added and the old one left alone."""
        conn = self._db.connection()
        if medal_id is not None and repository.tournament_medal_of(
            conn, medal_id, athlete_id, medal.tournament_id
        ):
            repository.update_tournament_medal(conn, medal_id, medal)
            return medal_id
        return repository.insert_tournament_medal(conn, athlete_id, medal)

    def remove_tournament_medal(self, athlete_id: int, medal_id: int, tournament_id: int) -> None:
        """Take away the medal a tournament's result gave, inside the caller's write; a
        medal that isn't the athlete's of that tournament is left alone."""
        conn = self._db.connection()
        if repository.tournament_medal_of(conn, medal_id, athlete_id, tournament_id):
            repository.delete_medal(conn, medal_id)

    def redate_tournament_medals(self, tournament_id: int, name: str, held_on: str) -> None:
        """Name and date the tournament's medals as the tournament now is (inside the
        caller's write)."""
        repository.redate_tournament_medals(self._db.connection(), tournament_id, name, held_on)

    def delete_tournament_medals(self, tournament_id: int) -> None:
        """Remove the tournament's medals from the athletes' histories (inside the caller's
        write), for a tournament deleted with its medals."""
        repository.delete_tournament_medals(self._db.connection(), tournament_id)

    def _document_owner(self, conn: sqlite3.Connection, document_id: int) -> int:
        athlete_id = repository.document_owner(conn, document_id)
        if athlete_id is None:
            raise NotFoundError.of(DOCUMENT)
        return athlete_id

    def _load(self, conn: sqlite3.Connection, athlete_id: int) -> Athlete:
        """One athlete in full, with their papers and documents judged as of today."""
        row = repository.athlete_row(conn, athlete_id)
        if row is None:
            raise NotFoundError.of(ATHLETE)
        validity = validity_on(self._today())
        values = dict(zip(row.keys(), row, strict=True))
        values["active"] = bool(values["active"])
        licence, medical = repository.document_papers(conn, athlete_id)
        documents = repository.list_documents(conn, athlete_id)
        files = self._media.infos([media_id for *_fields, media_id in documents])
        return Athlete(
            **values,
            licence=_paper(values["licence_valid_until"], licence, validity),
            medical=_paper(values["medical_valid_until"], medical, validity),
            promotions=repository.list_promotions(conn, athlete_id),
            medals=repository.list_medals(conn, athlete_id),
            documents=[
                Document(*fields, media=files[media_id], validity=validity(fields[4]))
                for *fields, media_id in documents
            ],
        )

    def _read_query(self, data: Mapping[str, object]) -> RosterQuery:
        form = FormReader(data)
        this_year = self._today().year
        query = RosterQuery(
            search=form.text("search", _("Search"), required=False, max_length=100) or "",
            sex=cast(Sex | None, form.choice("sex", SEX, SEXES, required=False)),
            belt_id=form.identifier("belt_id", A_BELT, required=False),
            category_id=form.identifier("category_id", _("an age category"), required=False),
            status=cast(
                Status, form.choice("status", _("Status"), STATUSES, required=False) or "active"
            ),
            season=form.integer(
                "season", _("Season"), minimum=1900, maximum=this_year + 50, required=False
            )
            or this_year,
            sort=cast(SortKey, form.choice("sort", _("Sort"), SORT_KEYS, required=False) or "name"),
            descending=form.flag("descending", _("Descending"), default=False),
            club_id=form.identifier("club_id", _("a club"), required=False),
            papers=cast(
                PapersFilter,
                # Translators: the roster's filter on the licence and medical certificate dates.
                form.choice("papers", _("Papers"), PAPERS_FILTERS, required=False) or "all",
            ),
            weight_class_id=form.identifier("weight_class_id", _("a weight class"), required=False),
        )
        form.check()
        return query

    def _belt(self, form: FormReader) -> int | None:
        belt_id = form.identifier("belt_id", A_BELT)
        if belt_id is not None and not self._rules.belt_exists(belt_id):
            form.problem(
                "belt_id", _("That belt is no longer on the ladder; please choose another.")
            )
            return None
        return belt_id

    def _read_athlete(
        self, conn: sqlite3.Connection, data: Mapping[str, object], current: Athlete | None
    ) -> AthleteFields:
        """The checked form; `current` is the athlete being edited, None for a new one."""
        today = self._today()
        form = FormReader(data)
        full_name = form.text("full_name", _("Full name"), required=True, max_length=120)
        birth_date = form.date("birth_date", BIRTH_DATE, not_after=today)
        sex = form.choice("sex", SEX, SEXES, choose=_("sex"))
        belt_id = self._belt(form)
        weight = form.number(
            "weight_kg", WEIGHT, minimum=MIN_WEIGHT_KG, maximum=MAX_WEIGHT_KG, in_kg=True
        )
        member_id = self._member_id(conn, form, current)
        club_id = form.identifier("club_id", _("a club"), required=False)
        if club_id is not None and not self._clubs.exists(club_id):
            form.problem("club_id", _("That club is no longer there; please choose another."))
        joined_on = form.date(
            "joined_on",
            _("Date joined"),
            required=False,
            not_after=today,
            not_before=None if birth_date is None else (birth_date, THE_BIRTH_DATE),
        )
        email = form.text("email", _("Email"), required=False, max_length=120)
        if email is not None and not EMAIL.fullmatch(email):
            form.problem("email", _("Email doesn't look like an address (name@example.com)."))
        if current is not None and birth_date is not None:
            first = _first_recorded_day(current)
            if first is not None and birth_date.isoformat() > first:
                form.problem(
                    "birth_date",
                    _(
                        "Birth date can't be after the first promotion or medal on record ({day}).",
                        day=dt.date.fromisoformat(first),
                    ),
                )
        if full_name is not None and birth_date is not None:
            key = (search_key(full_name), birth_date.isoformat())
            # An edit that keeps the name and birth date is never a new duplicate, even where
            # older data already held two such records.
            unchanged = current is not None and key == (
                search_key(current.full_name),
                current.birth_date,
            )
            duplicate = None if unchanged else repository.find_duplicate(conn, *key)
            if duplicate is not None:
                form.problem(
                    "full_name",
                    _(
                        "{name}, born {born}, is already on the roster.",
                        name=duplicate,
                        born=birth_date,
                    ),
                )
        fields = AthleteFields(
            full_name=full_name or "",
            birth_date=birth_date or dt.date.min,
            sex=cast(Sex, sex),
            belt_id=belt_id or 0,
            weight_kg=weight or 0.0,
            member_id=member_id,
            club_id=club_id,
            joined_on=joined_on,
            licence_number=form.text(
                "licence_number", _("Licence number"), required=False, max_length=40
            ),
            licence_valid_until=form.date(
                "licence_valid_until", _("Licence valid until"), required=False
            ),
            medical_valid_until=form.date(
                "medical_valid_until", _("Medical valid until"), required=False
            ),
            phone=form.text("phone", _("Phone"), required=False, max_length=40),
            email=email,
            address=form.text(
                "address", _("Address"), required=False, max_length=300, multiline=True
            ),
            school=form.text("school", _("School"), required=False, max_length=120),
            guardian_name=form.text(
                "guardian_name", _("Guardian name"), required=False, max_length=120
            ),
            guardian_phone=form.text(
                "guardian_phone", _("Guardian phone"), required=False, max_length=40
            ),
            notes=form.text("notes", NOTES, required=False, max_length=2000, multiline=True),
            active=form.flag("active", _("Active")),
        )
        form.check()
        return fields

    def _member_id(
        self, conn: sqlite3.Connection, form: FormReader, current: Athlete | None
    ) -> str | None:
        """The member ID as typed (None: a new athlete's to generate), unless another
        athlete has it, in any case."""
        member_id = form.text(
            "member_id",
            _("Member ID"),
            # Only a new athlete's is generated: an edit keeps the one the form shows.
            required=current is not None,
            max_length=MEMBER_ID_LENGTH,
        )
        if member_id is None:
            return None
        holder = repository.member_id_holder(
            conn, member_id, None if current is None else current.id
        )
        if holder is not None:
            form.problem(
                "member_id",
                _(
                    "Member ID {member_id} already belongs to {name}.",
                    member_id=member_id,
                    name=holder,
                ),
            )
        return member_id

    def _proof(self, form: FormReader, athlete: Athlete) -> int | None:
        """The proof a promotion or medal names: one of the athlete's documents, or none."""
        document_id = form.identifier("proof_document_id", _("a document"), required=False)
        if document_id is not None and all(d.id != document_id for d in athlete.documents):
            form.problem(
                "proof_document_id",
                _(
                    "That document is not among {name}'s documents; please choose one of theirs.",
                    name=athlete.full_name,
                ),
            )
            return None
        return document_id

    def _read_document(self, data: Mapping[str, object]) -> DocumentFields:
        form = FormReader(data)
        issued_on = form.date(
            "issued_on", _("Date issued"), required=False, not_after=self._today()
        )
        fields = DocumentFields(
            kind=cast(
                DocumentKind,
                # Translators: a document's type: birth certificate, ID card, licence card...
                form.choice("kind", _("Type"), DOCUMENT_KINDS, choose=_("a document type")),
            ),
            # Translators: a document's title, as the coach names it ("KTP", "Dan diploma").
            title=form.text("title", _("Title"), required=True, max_length=120) or "",
            issued_on=issued_on,
            valid_until=form.date(
                "valid_until",
                _("Valid until"),
                required=False,
                not_before=None if issued_on is None else (issued_on, _("the date issued")),
            ),
            notes=form.text("notes", NOTES, required=False, max_length=2000, multiline=True),
        )
        form.check()
        return fields

    def _read_promotion(self, data: Mapping[str, object], athlete: Athlete) -> PromotionFields:
        form = FormReader(data)
        promoted_on = form.date(
            "promoted_on",
            _("Promotion date"),
            not_after=self._today(),
            not_before=(dt.date.fromisoformat(athlete.birth_date), THE_BIRTH_DATE),
        )
        belt_id = self._belt(form)
        fields = PromotionFields(
            promoted_on=promoted_on or dt.date.min,
            belt_id=belt_id or 0,
            examiner=form.text("examiner", _("Examiner"), required=False, max_length=120),
            notes=form.text("notes", NOTES, required=False, max_length=2000, multiline=True),
            proof_document_id=self._proof(form, athlete),
        )
        form.check()
        return fields

    def _read_medal(self, data: Mapping[str, object], athlete: Athlete) -> MedalFields:
        form = FormReader(data)
        fields = MedalFields(
            competition=form.text("competition", _("Competition"), required=True, max_length=120)
            or "",
            held_on=form.date(
                "held_on",
                _("Competition date"),
                not_after=self._today(),
                not_before=(dt.date.fromisoformat(athlete.birth_date), THE_BIRTH_DATE),
            )
            or dt.date.min,
            place=cast(
                MedalPlace,
                # Translators: a medal's place: gold, silver or bronze.
                form.choice("place", _("Place"), MEDAL_PLACES, choose=_("place")),
            ),
            category=form.text("category", _("Category"), required=False, max_length=60),
            proof_document_id=self._proof(form, athlete),
        )
        form.check()
        return fields


def _remove_promotion(conn: sqlite3.Connection, athlete_id: int, promotion: Promotion) -> None:
    """Take a grading out of the history, keeping it a chain (inside the caller's write)."""
    successor = repository.next_promotion(
        conn, athlete_id, promotion.promoted_on, after_id=promotion.id
    )
    if successor is None:
        if repository.current_belt(conn, athlete_id) == promotion.belt_id:
            repository.set_belt(conn, athlete_id, promotion.from_belt_id)
    elif successor.belt_id == promotion.from_belt_id:
        raise ConflictError(
            _(
                "Deleting this promotion would leave the one on {day} "
                "going from a belt to the same belt. Delete that one first.",
                day=dt.date.fromisoformat(successor.promoted_on),
            )
        )
    else:
        repository.set_promotion_from_belt(conn, successor.id, promotion.from_belt_id)
    repository.delete_promotion(conn, promotion.id)


def _refuse_a_grading_to_the_same_belt(
    athlete: Athlete, promotion: PromotionFields, successor: Promotion | None
) -> None:
    """A promotion must change the belt: from the one held before it, to a different one."""
    if successor is None:
        if promotion.belt_id == athlete.belt_id:
            raise ValidationError(
                {"belt_id": _("{name} already holds this belt.", name=athlete.full_name)}
            )
    elif promotion.belt_id in (successor.from_belt_id, successor.belt_id):
        raise ValidationError(
            {
                "belt_id": _(
                    "{name} held this belt around that date already: "
                    "the next recorded promotion, on {day}, is from or to it.",
                    name=athlete.full_name,
                    day=dt.date.fromisoformat(successor.promoted_on),
                )
            }
        )


def _claim(conn: sqlite3.Connection, athlete_id: int, revision: object) -> None:
    """Refuse a write unless the athlete is still at the `revision` the page loaded."""
    current = repository.athlete_revision(conn, athlete_id)
    if current is None:
        raise NotFoundError.of(ATHLETE)
    if revision != current:
        raise StaleRecordError.of(ATHLETE)


def _refuse_a_tournament_medal(conn: sqlite3.Connection, medal_id: int) -> None:
    """A medal a tournament's results give is changed there, never on the athlete's page."""
    tournament = repository.medal_result_of(conn, medal_id)
    if tournament is not None:
        raise ConflictError(
            _(
                "This medal comes from the results of {tournament}. Change the result there.",
                tournament=tournament,
            )
        )


def _first_recorded_day(athlete: Athlete) -> str | None:
    days = [p.promoted_on for p in athlete.promotions] + [m.held_on for m in athlete.medals]
    return min(days, default=None)


def _paper(
    typed: str | None, documented: str | None, validity: Callable[[str | None], Validity | None]
) -> Paper:
    """The licence or medical paper: the later of the typed date and the documents'."""
    from_document = documented is not None and (typed is None or documented > typed)
    until = documented if from_document else typed
    return Paper(valid_until=until, state=validity(until), from_document=from_document)


def _born_eligible(category: AgeCategory, season: int) -> tuple[str, str]:
    """The birth dates (inclusive, ISO) of the athletes whose season age fits `category`."""
    oldest = "1000" if category.max_age is None else str(season - category.max_age)
    return (f"{oldest}-01-01", f"{season - category.min_age}-12-31")


def _narrowed_to_class(
    query: RosterQuery, categories: Sequence[AgeCategory], born_between: tuple[str, str] | None
) -> tuple[WeightClass, RosterQuery, tuple[str, str]]:
    """The weight class the roster is filtered by, and the query and birth dates narrowed
    to those who can have it: its sex, and an age its category fits.

    Whether an athlete's row has the class (their season's category is the class's, their
    weight is in it) is decided row by row, as for every row.
    """
    wanted = next(
        (
            c
            for category in categories
            for c in category.weight_classes
            if c.id == query.weight_class_id
        ),
        None,
    )
    if wanted is None:
        raise NotFoundError.of(_("weight class"))
    owner = next(category for category in categories if category.id == wanted.category_id)
    low, high = _born_eligible(owner, query.season)
    if born_between is not None:
        low, high = max(low, born_between[0]), min(high, born_between[1])
    if query.sex is None:
        # A filter on the other sex keeps its own: no row of it has this class.
        query = dataclasses.replace(query, sex=wanted.sex)
    return wanted, query, (low, high)
