"""Athletes, their promotions and medals, as the app works with them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from judo_manager.i18n import Message
from judo_manager.media.model import MediaInfo
from judo_manager.rules.model import SEXES as SEXES
from judo_manager.rules.model import Sex

MedalPlace = Literal["gold", "silver", "bronze"]
MEDAL_PLACES: tuple[MedalPlace, ...] = ("gold", "silver", "bronze")
Status = Literal["active", "inactive", "all"]
STATUSES: tuple[Status, ...] = ("active", "inactive", "all")
SortKey = Literal["name", "belt", "age", "weight"]
SORT_KEYS: tuple[SortKey, ...] = ("name", "belt", "age", "weight")
# A paper's state on a day: expired once its valid-until date is past, expiring within
# `EXPIRING_DAYS` of it (the day itself included), valid after that.
Validity = Literal["expired", "expiring", "valid"]
EXPIRING_DAYS = 30
# The roster's papers filter: "expired" (the licence or the medical), "expiring" (one within
# 30 days, none expired), "missing" (no licence date or no medical date).
PapersFilter = Literal["all", "expired", "expiring", "missing"]
PAPERS_FILTERS: tuple[PapersFilter, ...] = ("all", "expired", "expiring", "missing")
DocumentKind = Literal[
    "birth_certificate",
    "id_card",
    "licence_card",
    "medical_certificate",
    "grading_certificate",
    "medal_proof",
    "other",
]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    "birth_certificate",
    "id_card",
    "licence_card",
    "medical_certificate",
    "grading_certificate",
    "medal_proof",
    "other",
)


@dataclass(frozen=True)
class RosterQuery:
    """Which athletes the list shows, and in what order."""

    search: str
    sex: Sex | None
    belt_id: int | None
    category_id: int | None
    status: Status
    season: int
    sort: SortKey
    descending: bool
    club_id: int | None
    papers: PapersFilter
    # A weight class of the active ruleset: the athletes whose row has it.
    weight_class_id: int | None


# Not frozen: a frozen dataclass is five times slower to make, and a roster makes thousands.
@dataclass(slots=True)
class RosterRow:
    """One line of the list; `category_id` is the most specific category the athlete fits,
    `weight_class_id` that category's class for the athlete's sex and weight (None: no
    weight, no category, or no class fits)."""

    id: int
    full_name: str
    birth_year: int
    age: int
    sex: Sex
    belt_id: int | None
    weight_kg: float | None
    category_id: int | None
    weight_class_id: int | None
    active: bool
    member_id: str | None
    club_id: int | None
    photo_id: int | None
    # The licence's and the medical's effective valid-until dates (see `Paper`), and their
    # state today; None where no date is known.
    licence_state: Validity | None
    licence_until: str | None
    medical_state: Validity | None
    medical_until: str | None


@dataclass(frozen=True)
class Roster:
    """The list for one query; `total` counts every athlete."""

    season: int
    total: int
    rows: Sequence[RosterRow]


@dataclass(frozen=True)
class ClubCounts:
    """The active athletes counted for a season: by sex, by birth year (the season's age
    category follows from it), by belt (None: no belt recorded), and how many are new in
    the season (joined in its year or, with no day joined known, added to the app in it)."""

    season: int
    active: int
    by_sex: Mapping[Sex, int]
    by_birth_year: Mapping[int, int]
    by_belt: Mapping[int | None, int]
    new_in_season: int


@dataclass(frozen=True)
class MedalLeader:
    """An athlete among those with the most medals, and their medals by place."""

    athlete_id: int
    full_name: str
    gold: int
    silver: int
    bronze: int


@dataclass(frozen=True)
class MedalTally:
    """The club's medals of `season` (None: all time) by place, every season in which any
    medal was won (latest first), and the athletes with the most: gold first, then silver,
    then bronze, then name. Medals of athletes no longer active count: they were won."""

    season: int | None
    gold: int
    silver: int
    bronze: int
    seasons: Sequence[int]
    leaders: Sequence[MedalLeader]


# The two papers an athlete must keep valid to compete.
PaperKind = Literal["licence", "medical"]


@dataclass(frozen=True)
class PaperAlert:
    """An active athlete's licence or medical certificate, expired or expiring (the
    effective valid-until date: see `Paper`)."""

    athlete_id: int
    full_name: str
    paper: PaperKind
    valid_until: str
    state: Validity


@dataclass(frozen=True)
class PaperAlerts:
    """Active athletes' papers that need seeing to, counted as the roster's papers filter
    counts them: `expired` athletes have one expired, `expiring` athletes have one expiring
    within `EXPIRING_DAYS` and none expired. `first` are the most pressing papers, the
    earliest date first."""

    expired: int
    expiring: int
    first: Sequence[PaperAlert]


@dataclass(frozen=True)
class AthleteFields:
    """The add/edit form: as the page sends it (dates as YYYY-MM-DD), and once checked.

    `member_id` may be left blank when adding an athlete: the next one is generated.
    """

    full_name: str
    birth_date: dt.date
    sex: Sex
    belt_id: int
    weight_kg: float
    member_id: str | None
    club_id: int | None
    joined_on: dt.date | None
    licence_number: str | None
    licence_valid_until: dt.date | None
    medical_valid_until: dt.date | None
    phone: str | None
    email: str | None
    address: str | None
    school: str | None
    guardian_name: str | None
    guardian_phone: str | None
    notes: str | None
    active: bool


@dataclass(frozen=True)
class Promotion:
    """A grading: the belt reached, and the belt held before it."""

    id: int
    promoted_on: str
    belt_id: int
    from_belt_id: int | None
    examiner: str | None
    notes: str | None
    proof_document_id: int | None


@dataclass(frozen=True)
class PromotionFields:
    """The "record a promotion" form: as the page sends it, and once checked.

    `proof_document_id` is one of the athlete's documents (the grading certificate).
    """

    promoted_on: dt.date
    belt_id: int
    examiner: str | None
    notes: str | None
    proof_document_id: int | None


@dataclass(frozen=True)
class Medal:
    """A podium place at a competition."""

    id: int
    competition: str
    held_on: str
    place: MedalPlace
    category: str | None
    proof_document_id: int | None
    # The tournament whose results gave this medal: those results own it, so it is
    # changed there, not on the athlete's page. None for a medal entered by hand.
    tournament_id: int | None


@dataclass(frozen=True)
class MedalFields:
    """The "add a medal" form: as the page sends it, and once checked.

    `proof_document_id` is one of the athlete's documents (the medal's proof).
    """

    competition: str
    held_on: dt.date
    place: MedalPlace
    category: str | None
    proof_document_id: int | None


@dataclass(frozen=True)
class TournamentMedal:
    """The medal a tournament's result of 1st to 3rd gives: named and dated as the
    tournament, with the category as entered ("U18 -66 kg")."""

    tournament_id: int
    competition: str
    held_on: str
    place: MedalPlace
    category: str | None


# Not frozen: a roster report reads them for every athlete it lists.
@dataclass(slots=True)
class AthleteDetails:
    """What the roster report may show of an athlete beyond their roster row, read for
    many at once (see `AthletesService.details`). `created_at` is when they were added."""

    id: int
    birth_date: str
    licence_number: str | None
    phone: str | None
    email: str | None
    guardian_name: str | None
    guardian_phone: str | None
    joined_on: str | None
    created_at: str


# Not frozen: a promotions report of all time reads tens of thousands of them.
@dataclass(slots=True)
class PromotionRecord:
    """A grading in the club's history, with what a federation's registrar asks of the
    athlete: for the promotions report."""

    promotion_id: int
    athlete_id: int
    full_name: str
    member_id: str | None
    birth_date: str
    licence_number: str | None
    from_belt_id: int | None
    belt_id: int
    promoted_on: str
    examiner: str | None


# Not frozen: a medals report of all time reads thousands of them.
@dataclass(slots=True)
class MedalRecord:
    """A medal in the club's history, with its athlete: for the medals report.
    `tournament_id` is set when a tournament's results own it."""

    medal_id: int
    athlete_id: int
    full_name: str
    member_id: str | None
    competition: str
    held_on: str
    place: MedalPlace
    category: str | None
    tournament_id: int | None


# Not frozen: a tournament with a thousand entries reads a thousand of them.
@dataclass(slots=True)
class AthleteFacts:
    """What a tournament's entry shows and judges of its athlete, read for many at once.

    `licence_until` and `medical_until` are the effective dates (see `Paper`).
    """

    id: int
    full_name: str
    member_id: str | None
    birth_year: int
    sex: Sex
    belt_id: int | None
    weight_kg: float | None
    club_id: int | None
    licence_number: str | None
    active: bool
    licence_until: str | None
    medical_until: str | None


@dataclass(frozen=True)
class Document:
    """A paper kept for an athlete (a scan or a PDF), with what it says and its file.

    `validity` is its state today, from `valid_until`; None when it has no such date.
    """

    id: int
    kind: DocumentKind
    title: str
    issued_on: str | None
    valid_until: str | None
    notes: str | None
    created_at: str
    media: MediaInfo
    validity: Validity | None


@dataclass(frozen=True)
class DocumentFields:
    """The document form: as the page sends it, and once checked."""

    kind: DocumentKind
    title: str
    issued_on: dt.date | None
    valid_until: dt.date | None
    notes: str | None


@dataclass(frozen=True)
class Paper:
    """The licence or the medical certificate, as the athlete's page tells it.

    `valid_until` is the effective date: the later of the one typed in the profile and the
    newest valid-until of the athlete's licence-card (or medical-certificate) documents;
    `from_document` says it is a document's. `state` is its state today; both None when
    no date is known.
    """

    valid_until: str | None
    state: Validity | None
    from_document: bool


@dataclass(frozen=True)
class Athlete:
    """One athlete in full; promotions, medals and documents newest first.

    `licence_valid_until` and `medical_valid_until` are the dates as typed in the profile;
    `licence` and `medical` are what they come to with the athlete's documents.
    """

    id: int
    full_name: str
    birth_date: str
    sex: Sex
    belt_id: int | None
    weight_kg: float | None
    member_id: str | None
    club_id: int | None
    joined_on: str | None
    licence_number: str | None
    licence_valid_until: str | None
    medical_valid_until: str | None
    phone: str | None
    email: str | None
    address: str | None
    school: str | None
    guardian_name: str | None
    guardian_phone: str | None
    notes: str | None
    active: bool
    photo_id: int | None
    created_at: str
    updated_at: str
    # Changes with every write to the athlete, their promotions, medals or documents;
    # writes name it.
    revision: str
    licence: Paper
    medical: Paper
    promotions: Sequence[Promotion]
    medals: Sequence[Medal]
    documents: Sequence[Document]


@dataclass(frozen=True)
class DeletedAthlete:
    """What a delete hands back: who it was, and the token that undoes it for a while."""

    full_name: str
    undo_token: str


@dataclass(frozen=True)
class AthleteWarnings:
    """Unusual values in an athlete's form, by field; None where the field looks usual."""

    belt_id: Message | None
    weight_kg: Message | None


# Where an athlete's time in their grade is counted from: their last promotion, or the day
# they joined when they have none.
CountedFrom = Literal["promotion", "joined"]
# "Ready soon": the minimums are met within this many months of today.
READY_SOON_MONTHS = 3


@dataclass(frozen=True)
class GradingCandidate:
    """An active athlete below the top of the ladder, and when they may take the next belt.

    `ready_on` is the first day both of the next belt's minimums are met: `min_months` after
    `counted_from` (the last promotion's date, or the day joined), and the `min_age`-th
    birthday. `months_in_grade` counts whole months from `counted_from` to today (0 when
    that day is still ahead, as after a clock set back).
    """

    athlete_id: int
    full_name: str
    member_id: str | None
    club_id: int | None
    birth_date: str
    licence_number: str | None
    belt_id: int
    next_belt_id: int
    counted_from: str
    counted_from_kind: CountedFrom
    months_in_grade: int
    ready_on: str
    ready: bool


@dataclass(frozen=True)
class GradingReadiness:
    """Who is ready to grade on `today`, and who will be within `READY_SOON_MONTHS`.

    `ready` is sorted by `ready_on`, then name; `soon` likewise. `no_date` counts the active
    athletes below the top belt with neither a promotion nor a day joined to count from.
    """

    today: str
    ready: Sequence[GradingCandidate]
    soon: Sequence[GradingCandidate]
    no_date: int


def validity_on(today: dt.date) -> Callable[[str | None], Validity | None]:
    """The state on `today` of a paper valid until a YYYY-MM-DD date (None: no date known).

    Made once for a whole roster: the ISO dates are compared as text.
    """
    today_iso = today.isoformat()
    soon_iso = (today + dt.timedelta(days=EXPIRING_DAYS)).isoformat()

    def validity(valid_until: str | None) -> Validity | None:
        if valid_until is None:
            return None
        if valid_until < today_iso:
            return "expired"
        return "expiring" if valid_until <= soon_iso else "valid"

    return validity
