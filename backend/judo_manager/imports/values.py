"""The values of a spreadsheet's cells read as the app's: dates, sexes, belts, weights, clubs.

Each reader returns the value, or raises `UnreadableError` with what is wrong in the coach's
words; the athletes' own checks (the form's rules) then judge what was read.

Dates: `2011-05-03` (year first), `03/05/2011`, `3.5.2011`, `3-5-2011`, `03/05/11`, a
month by its name in any language the app speaks (`3 May 2011`, `3 Mei 2011`,
`03-Aug-11`, `May 3, 2011`: what `athletes export` writes, and what people type), an Excel
date serial (the 1900 system with its leap-year bug, or the 1904 system of old Mac
workbooks) and a real date cell. A two-digit year is the most recent year ending so that
is not in the future ("03/05/11" is 2011, "03/05/95" is 1995); for a valid-until date, which
may be ahead, it is 20yy. Whether 03/05/2011 is 3 May or 5 March is one choice for the whole
file (`date_order`); a date with its month's name is never in doubt.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from babel import Locale
from babel.dates import get_month_names

from judo_manager.athletes.names import search_key
from judo_manager.i18n import LANGUAGES, Message, _
from judo_manager.imports.model import DateOrder
from judo_manager.rules.model import Belt

# dd/mm/yyyy, mm/dd/yyyy, with / . - or a space between, a two- or four-digit year.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{2}|\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})\s*[./\-]\s*(\d{1,2})\s*[./\-]\s*(\d{1,2})")
# A month by its name, folded (search_key): "3 may 2011", "03-agu-11", "may 3, 2011".
_DAY_NAME_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s,./-]+([a-z]+)\.?[\s,./-]+(\d{4}|\d{2})")
_NAME_DAY_YEAR = re.compile(r"([a-z]+)\.?[\s,./-]+(\d{1,2})(?:st|nd|rd|th)?[\s,./-]+(\d{4}|\d{2})")
# A date cell written as text with a time after it ("2011-05-03 00:00:00").
_TIME_AFTER = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
# Excel's serials: 1 is 1900-01-01, and 60 is the 29 February 1900 that never was.
_EXCEL_1900 = dt.date(1899, 12, 31)
_EXCEL_1904 = dt.date(1904, 1, 1)
_LAST_SERIAL = 2_958_465  # 9999-12-31
# Whole numbers that are a year more likely than a day count (2026, not 18 July 1905).
_YEARS = range(1900, 2101)
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
MAX_AGE = 100


class UnreadableError(Exception):
    """A cell's value can't be read as its field; `message` says why, for the coach."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class DateText:
    """A date typed with its day and month in either order: the two numbers and the year."""

    first: int
    second: int
    year: int


def cell_text(value: object) -> str:
    """A cell as the coach sees it: a whole number without ".0", a date as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def ambiguous_date(value: object) -> DateText | None:
    """The two numbers of a typed day-and-month date (03/05/2011), or None for any other
    value (a date cell, year first, not a date)."""
    if not isinstance(value, str):
        return None
    match = _DAY_MONTH_YEAR.fullmatch(_TIME_AFTER.sub("", value.strip()))
    if match is None:
        return None
    return DateText(int(match[1]), int(match[2]), int(match[3]))


def settled_order(dates: Sequence[DateText]) -> DateOrder | None:
    """The day/month order the file's typed dates show: "dmy" when one starts with a number
    over 12 (31/01/2011), "mdy" when one has it second; None when every one could be either
    (then the coach is asked) or the file shows both (then the majority, row by row refused
    where it doesn't fit)."""
    day_first = sum(1 for d in dates if d.first > 12 >= d.second)
    month_first = sum(1 for d in dates if d.second > 12 >= d.first)
    if not day_first and not month_first:
        return None
    return "dmy" if day_first >= month_first else "mdy"


def needs_order(dates: Sequence[DateText]) -> bool:
    """Whether some typed date reads as two different days (03/05/2011, not 05/05/2011)."""
    return any(d.first != d.second and d.first <= 12 and d.second <= 12 for d in dates)


def read_date(
    value: object,
    label: Message,
    *,
    order: DateOrder,
    today: dt.date,
    date_1904: bool = False,
    ahead: bool = False,
) -> dt.date:
    """A cell as a date; `label` names the field in a problem ("birth date '31/02/2010'
    doesn't exist"). `ahead`: the date may be in the future (a valid-until date), and a
    two-digit year is then 20yy."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise UnreadableError(
            _("{label} '{text}' is not a date.", label=label, text=cell_text(value))
        )
    if isinstance(value, int | float):
        return _from_serial(value, label, date_1904)
    text = cell_text(value)
    plain = _TIME_AFTER.sub("", text)
    year_first = _YEAR_FIRST.fullmatch(plain)
    typed = ambiguous_date(plain)
    if year_first is not None:
        year, month, day = (int(part) for part in year_first.groups())
    elif typed is not None:
        year = _full_year(typed.year, today, ahead)
        if order == "mdy":
            month, day = typed.first, typed.second
        elif order == "ymd":
            # Year, month, day in two digits each (11/05/03): only a two-digit "year" fits.
            year, month, day = _full_year(typed.first, today, ahead), typed.second, typed.year
        else:
            day, month = typed.first, typed.second
    elif (named := _named_month(plain, label)) is not None:
        day, month, year = named
        year = _full_year(year, today, ahead)
    elif plain.isascii() and plain.isdigit() and 1 <= len(plain) <= 7:  # not "²" or "①"
        return _from_serial(int(plain), label, date_1904)
    else:
        raise UnreadableError(_("{label} '{text}' is not a date.", label=label, text=text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise UnreadableError(
            _("{label} '{text}' doesn't exist.", label=label, text=text)
        ) from None


def read_birth_date(
    value: object, label: Message, *, order: DateOrder, today: dt.date, date_1904: bool
) -> dt.date:
    """A birth date: a real day, not in the future, at most 100 years ago."""
    day = read_date(value, label, order=order, today=today, date_1904=date_1904)
    text = cell_text(value)
    if day > today:
        raise UnreadableError(_("{label} '{text}' is in the future.", label=label, text=text))
    if today.year - day.year > MAX_AGE:
        raise UnreadableError(
            _(
                "{label} '{text}' would make them over {age} years old.",
                label=label,
                text=text,
                age=MAX_AGE,
            )
        )
    return day


def _named_month(text: str, label: Message) -> tuple[int, int, int] | None:
    """Day, month and year of a date written with its month's name ("3 Mei 2011", "May 3,
    2011"); None when the text isn't shaped so. A word in the month's place that names no
    month is a problem of its own ("3 Mayo 2011")."""
    folded = search_key(text)
    if (match := _DAY_NAME_YEAR.fullmatch(folded)) is not None:
        day, name, year = match.groups()
    elif (match := _NAME_DAY_YEAR.fullmatch(folded)) is not None:
        name, day, year = match.groups()
    else:
        return None
    month = _month_numbers().get(name)
    if month is None:
        raise UnreadableError(_("{label} '{text}' is not a date.", label=label, text=text))
    return int(day), month, int(year)


@functools.cache
def _month_numbers() -> dict[str, int]:
    """Every month's full and short name in the languages the app speaks, folded, to its
    number: Babel's data for each language's formats (en-GB writes "Sept") and for the
    bare language (en writes "Sep"), as dates are written and as they stand alone."""
    numbers: dict[str, int] = {}
    clashing: set[str] = set()
    tags = {tag for language in LANGUAGES for tag in (language.formats, language.code)}
    for tag in sorted(tags):
        where = Locale.parse(tag, sep="-")
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context, where).items():
                    key = search_key(name).rstrip(".")
                    if numbers.setdefault(key, month) != month:
                        clashing.add(key)
    # A name two languages give to different months reads as neither, rather than a guess.
    return {name: month for name, month in numbers.items() if name not in clashing}


def _from_serial(serial: float, label: Message, date_1904: bool) -> dt.date:
    if not math.isfinite(serial) or not 1 <= serial <= _LAST_SERIAL:
        raise UnreadableError(
            _("{label} '{text}' is not a date.", label=label, text=cell_text(serial))
        )
    if serial in _YEARS:
        # As a day count it is a day of 1905 or 1909: nobody means that.
        raise UnreadableError(
            _(
                "{label} '{text}' looks like a year, not a date: write the day and the month too.",
                label=label,
                text=cell_text(serial),
            )
        )
    days = int(serial)
    if date_1904:
        return _EXCEL_1904 + dt.timedelta(days=days)
    if days == 60:
        raise UnreadableError(
            _("{label} '{text}' doesn't exist.", label=label, text=cell_text(serial))
        )
    # Excel counts 29 February 1900, which never was: every later serial is one day ahead.
    return _EXCEL_1900 + dt.timedelta(days=days - 1 if days > 60 else days)


def _full_year(year: int, today: dt.date, ahead: bool) -> int:
    if year >= 100:
        return year
    if ahead:
        return 2000 + year
    return 2000 + year if 2000 + year <= today.year else 1900 + year


# Every way of writing a sex that clubs use, folded: English, Indonesian, and their letters.
_SEXES: dict[str, str] = {
    **dict.fromkeys(("m", "male", "man", "boy", "men", "l", "laki laki", "laki", "pria",
                     "putra", "lk", "cowok"), "M"),
    **dict.fromkeys(("f", "female", "woman", "girl", "women", "w", "p", "perempuan",
                     "wanita", "putri", "pr", "cewek"), "F"),
}  # fmt: skip


def read_sex(value: object, label: Message) -> str:
    """ "M" or "F" from M/F, L/P, Male/Female, Man/Woman, Laki-laki/Perempuan, Pria/Wanita."""
    text = cell_text(value)
    sex = _SEXES.get(" ".join(re.sub(r"[^a-z]+", " ", search_key(text)).split()))
    if sex is None:
        raise UnreadableError(
            _("{label} '{text}' is not M or F (or L or P).", label=label, text=text)
        )
    return sex


def read_weight(value: object, label: Message) -> float:
    """Kilograms from a number cell or a text with a comma or a point ("45,5", "45.5 kg")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = cell_text(value)
    number = text.lower().removesuffix("kg").strip()
    if not _NUMBER.fullmatch(number):
        raise UnreadableError(_("{label} '{text}' is not a number.", label=label, text=text))
    return float(number.replace(",", "."))


# Belt colours as clubs name them, English and Indonesian, to the default ladder's colours.
_COLOURS: dict[str, str] = {
    **dict.fromkeys(("white", "putih"), "#ffffff"),
    **dict.fromkeys(("yellow", "kuning"), "#facc15"),
    **dict.fromkeys(("orange", "oranye", "jingga", "oren"), "#f97316"),
    **dict.fromkeys(("green", "hijau"), "#16a34a"),
    **dict.fromkeys(("blue", "biru"), "#2563eb"),
    **dict.fromkeys(("brown", "coklat", "cokelat"), "#78350f"),
    **dict.fromkeys(("black", "hitam"), "#111111"),
}
_BELT_WORDS = re.compile(r"\b(belt|sabuk|obi)\b")
_KYU = re.compile(r"(\d{1,2})\s*(?:st|nd|rd|th|e|\.)?\s*(kyu|dan)")
_JAPANESE_DAN = {
    "shodan": 1, "nidan": 2, "sandan": 3, "yondan": 4, "godan": 5, "rokudan": 6,
    "shichidan": 7, "nanadan": 7, "hachidan": 8, "kudan": 9, "kyudan": 9, "judan": 10,
}  # fmt: skip


def _belt_key(text: str) -> str:
    return " ".join(_BELT_WORDS.sub(" ", re.sub(r"[^0-9a-z]+", " ", search_key(text))).split())


class BeltMatcher:
    """Reads a belt against the club's ladder: by its name ("Yellow", "Sabuk Kuning"), by
    a colour word in English or Indonesian, or by kyu or dan ("4 kyu", "4. Kyu", "1 dan",
    "Shodan"). Kyu N is the N-th kyu belt from the top of the ladder (1st kyu the highest);
    dan N the N-th dan belt from the bottom."""

    def __init__(self, belts: Sequence[Belt]) -> None:
        ladder = sorted(belts, key=lambda belt: belt.rank)
        self._by_name = {}
        for belt in ladder:
            self._by_name.setdefault(_belt_key(belt.name), belt.id)
        self._by_colour: dict[str, int] = {}
        for belt in ladder:
            if belt.second_color is None:
                self._by_colour.setdefault(belt.color.lower(), belt.id)
        self._kyu = [belt.id for belt in reversed(ladder) if belt.kind == "kyu"]
        self._dan = [belt.id for belt in ladder if belt.kind == "dan"]

    def read(self, value: object, label: Message) -> int:
        """The belt's id on the ladder."""
        text = cell_text(value)
        key = _belt_key(text)
        found = self._by_name.get(key)
        if found is None and key in _COLOURS:
            found = self._by_colour.get(_COLOURS[key])
        if found is None:
            found = self._grade(key.replace(" ", "") if key in _JAPANESE_DAN else key)
        if found is None:
            raise UnreadableError(
                _("{label} '{text}' is not a belt on your ladder.", label=label, text=text)
            )
        return found

    def _grade(self, key: str) -> int | None:
        number: int | None = None
        ladder: list[int] = []
        if key in _JAPANESE_DAN:
            number, ladder = _JAPANESE_DAN[key], self._dan
        elif (match := _KYU.fullmatch(key)) is not None:
            number = int(match[1])
            ladder = self._kyu if match[2] == "kyu" else self._dan
        if number is None or not 1 <= number <= len(ladder):
            return None
        return ladder[number - 1]


def read_text(value: object) -> str | None:
    """A cell as text, None when empty; a whole number without ".0" (a phone, an ID)."""
    text = cell_text(value) if not isinstance(value, str) else value.strip()
    return text or None
