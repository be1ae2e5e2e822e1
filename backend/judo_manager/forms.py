"""Reads a form sent from the page, field by field, and collects what is wrong.

The page is not trusted: any field may be missing or of the wrong type. Each reader returns
a clean value, or records a message in the coach's words and returns None; `check()` then
raises one `ValidationError` naming every wrong field.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

from judo_manager.errors import NotFoundError, ValidationError
from judo_manager.i18n import Message, _

# SQLite's largest row id.
MAX_ROW_ID = 2**63 - 1


def require_id(value: object, what: Message) -> int:
    """A row id sent by the page; anything else (a bool, a string, a list) names no row.

    `True` would otherwise reach SQL as 1 and change the first athlete.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ROW_ID:
        raise NotFoundError.of(what)
    return value


class FormReader:
    """One form's fields (snake_case keys) and the problems found in them so far.

    Each field's `label` is what the form calls it (`_("Birth date")`): the problems name
    the field with it, in whatever language they are read in.
    """

    def __init__(self, data: object) -> None:
        self._data: Mapping[str, object] = data if isinstance(data, Mapping) else {}
        self.problems: dict[str, Message] = {}

    def problem(self, field: str, message: Message) -> None:
        """Record what is wrong with `field`, keeping the first problem found."""
        self.problems.setdefault(field, message)

    def check(self) -> None:
        """Raise a `ValidationError` if any field was wrong."""
        if self.problems:
            raise ValidationError(self.problems)

    def text(
        self,
        field: str,
        label: Message,
        *,
        required: bool,
        max_length: int = 200,
        multiline: bool = False,
    ) -> str | None:
        """A trimmed text, on one line unless `multiline`; None when optional and empty."""
        value = self._data.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self._required(field, label)
            return None
        if not isinstance(value, str):
            self.problem(field, _("{label} must be text.", label=label))
            return None
        value = value.strip()
        if len(value) > max_length:
            self.problem(
                field,
                _(
                    "{label} is too long (at most {limit} characters).",
                    label=label,
                    limit=str(max_length),
                ),
            )
            return None
        allowed = "\n\t" if multiline else ""
        if any((ord(c) < 32 and c not in allowed) or c == "\x7f" for c in value):
            if multiline:
                self.problem(field, _("{label} can't contain control characters.", label=label))
            else:
                self.problem(
                    field,
                    _("{label} can't contain line breaks or control characters.", label=label),
                )
            return None
        return value

    def date(
        self,
        field: str,
        label: Message,
        *,
        not_after: dt.date | None = None,
        not_before: tuple[dt.date, Message] | None = None,
        required: bool = True,
    ) -> dt.date | None:
        """A YYYY-MM-DD date, optionally within bounds (`not_before` names its bound); None
        when optional and empty."""
        value = self._data.get(field)
        if value is None or value == "":
            if required:
                self._required(field, label)
            return None
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None or day.year < 1900:
            self.problem(field, _("{label} is not a valid date.", label=label))
            return None
        if not_after is not None and day > not_after:
            self.problem(field, _("{label} can't be in the future.", label=label))
            return None
        if not_before is not None and day < not_before[0]:
            self.problem(
                field, _("{label} can't be before {bound}.", label=label, bound=not_before[1])
            )
            return None
        return day

    def number(
        self, field: str, label: Message, *, minimum: float, maximum: float, in_kg: bool = False
    ) -> float | None:
        """A required finite number between `minimum` and `maximum` (kilograms `in_kg`)."""
        value = self._data.get(field)
        if value is None or value == "":
            self._required(field, label)
            return None
        bad_type = isinstance(value, bool) or not isinstance(value, int | float)
        if bad_type or (isinstance(value, float) and not math.isfinite(value)):
            self.problem(field, _("{label} must be a number.", label=label))
            return None
        # Compared before any conversion to float, which a huge int would overflow.
        if not minimum <= value <= maximum:
            if in_kg:
                message = _(
                    "{label} must be between {minimum} and {maximum} kg.",
                    label=label,
                    minimum=minimum,
                    maximum=maximum,
                )
            else:
                message = _(
                    "{label} must be between {minimum} and {maximum}.",
                    label=label,
                    minimum=minimum,
                    maximum=maximum,
                )
            self.problem(field, message)
            return None
        return float(value)

    def integer(
        self, field: str, label: Message, *, minimum: int, maximum: int, required: bool = True
    ) -> int | None:
        """A whole number between `minimum` and `maximum`; None when optional and empty."""
        value = self._data.get(field)
        if value is None or value == "":
            if required:
                self._required(field, label)
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(field, _("{label} must be a whole number.", label=label))
            return None
        if not minimum <= value <= maximum:
            self.problem(
                field,
                _(
                    "{label} must be between {minimum} and {maximum}.",
                    label=label,
                    # As text: a bound may be a year (a season), which has no thousands mark.
                    minimum=str(minimum),
                    maximum=str(maximum),
                ),
            )
            return None
        return value

    def choice(
        self,
        field: str,
        label: Message,
        options: Sequence[str],
        *,
        required: bool = True,
        choose: Message | None = None,
    ) -> str | None:
        """One of `options`; None when optional and not given.

        `choose` is what "Please choose …" asks for when it is missing (`_("sex")`).
        """
        value = self._data.get(field)
        if value in (None, ""):
            if required:
                self.problem(field, _("Please choose {what}.", what=choose or label))
            return None
        if value not in options:
            self.problem(
                field,
                _("{label} must be one of: {options}.", label=label, options=", ".join(options)),
            )
            return None
        return str(value)

    def flag(self, field: str, label: Message, *, default: bool | None = None) -> bool:
        """A yes/no value, required unless it has a `default`."""
        value = self._data.get(field)
        if value is None and default is not None:
            return default
        if not isinstance(value, bool):
            self.problem(field, _("{label} must be ticked or not.", label=label))
            return False
        return value

    def identifier(self, field: str, what: Message, *, required: bool = True) -> int | None:
        """A row id, as sent by a select; None when optional and not given.

        `what` is what "Please choose …" asks for (`_("a belt")`).
        """
        value = self._data.get(field)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ROW_ID:
            self.problem(field, _("Please choose {what}.", what=what))
            return None
        return value

    def _required(self, field: str, label: Message) -> None:
        # Translators: {label} is a form field's name: "Full name is required."
        self.problem(field, _("{label} is required.", label=label))
