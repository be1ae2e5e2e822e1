"""Coach messages, written in English in the code and rendered in the coach's language.

A message is made where the code knows what to say (`_("The backup was saved to
{folder}.", folder=path)`) and rendered where it knows to whom: the bridge in the language
the page sent with the call, the command line in `--lang` or the system's. So a service
never needs to know the language, and no process-wide locale is ever switched: bridge
calls run side by side on their own threads.

The catalogs are gettext `.po` files kept by Babel (`scripts/messages`), read as they are:
nothing to compile, so a bundle or a checkout can't hold a stale catalog.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from importlib import resources
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from judo_manager.i18n.languages import SOURCE_LANGUAGE, is_language, language

CATALOG_DOMAIN = "messages"

_speaking: ContextVar[str] = ContextVar("judo_manager_language", default=SOURCE_LANGUAGE)


class Message:
    """A coach message and its values, rendered only when read.

    Values are formatted for the language they are rendered in: numbers with its decimal
    and grouping marks (a `Decimal` with as many decimals as it has: `Decimal("38.0")` is
    "38.0", "38,0"), dates with its month names and order, messages translated in turn, and
    a list or tuple as that language joins one ("a, b and c", "a, b, dan c"). A number that
    is a name rather than an amount (a year, a file's number) is passed as text.
    """

    __slots__ = ("count", "msgid", "params", "plural")

    def __init__(
        self,
        msgid: str,
        plural: str | None = None,
        count: int | None = None,
        /,
        **params: object,
    ) -> None:
        self.msgid = msgid
        self.plural = plural
        self.count = count
        self.params = params

    def render(self, code: str | None = None) -> str:
        """The message in the language `code`, or in the one being spoken now."""
        return translate(self, code)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.msgid, self.plural, self.count, self.params) == (
            other.msgid,
            other.plural,
            other.count,
            other.params,
        )

    def __hash__(self) -> int:
        return hash((self.msgid, self.plural, self.count))


def _(msgid: str, /, **params: object) -> Message:
    """A coach message, with `{name}` placeholders filled from `params` when rendered."""
    return Message(msgid, **params)


def _n(singular: str, plural: str, count: int, /, **params: object) -> Message:
    """A message that depends on a number: "1 athlete" / "{count} athletes"."""
    return Message(singular, plural, count, count=count, **params)


def joined(items: Iterable[Message | str], /) -> Message:
    """Several messages (or names) as one, joined as the language joins a list: "3 athletes,
    1 promotion and 2 medals"."""
    return Message("{items}", items=tuple(items))


def formatted(value: object, /) -> Message:
    """A value alone, formatted for the language it is rendered in: 44.5 is "44,5" in
    Indonesian."""
    return Message("{value}", value=value)


def translate(message: Message | str, code: str | None = None) -> str:
    """The one way a coach message becomes text: in `code`, or the language spoken now.

    Plain text (a name, a file's path) is returned as it is.
    """
    if isinstance(message, str):
        return message
    code = code if code is not None else _speaking.get()
    catalog = _catalog(code)
    if message.plural is None:
        text = catalog.gettext(message.msgid)
    else:
        text = catalog.ngettext(message.msgid, message.plural, message.count or 0)
    if not message.params:
        return text
    values = {name: _formatted(value, code) for name, value in message.params.items()}
    return text.format(**values)


def current_language() -> str:
    """The language this thread is rendering messages in now."""
    return _speaking.get()


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Render messages in `code` on this thread (this bridge call) until the block ends."""
    token = _speaking.set(code if is_language(code) else SOURCE_LANGUAGE)
    try:
        yield
    finally:
        _speaking.reset(token)


def _formatted(value: object, code: str) -> str:
    if isinstance(value, Message):
        return value.render(code)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, list | tuple):
        return format_list([_formatted(item, code) for item in value], locale=_babel_locale(code))
    where = _babel_locale(code)
    if isinstance(value, Decimal):
        places = max(0, -int(value.as_tuple().exponent))
        pattern = "#,##0." + "0" * places if places else "#,##0"
        return format_decimal(value, format=pattern, locale=where)
    if isinstance(value, int | float):
        return format_decimal(value, locale=where)
    if isinstance(value, dt.datetime):
        return format_datetime(value, "medium", locale=where)
    if isinstance(value, dt.date):
        return format_date(value, "medium", locale=where)
    return str(value)


@functools.cache
def _babel_locale(code: str) -> Locale:
    return Locale.parse(language(code).formats, sep="-")


def catalog_path(code: str) -> Path:
    """Where the `.po` catalog of a language is, in the package."""
    return Path(str(resources.files("judo_manager") / "locale" / code / "LC_MESSAGES")) / (
        f"{CATALOG_DOMAIN}.po"
    )


@functools.cache
def _catalog(code: str) -> gettext.NullTranslations:
    if code == SOURCE_LANGUAGE or not is_language(code):
        return gettext.NullTranslations()
    with catalog_path(code).open("rb") as po:
        catalog = read_po(po, locale=code)
    compiled = io.BytesIO()
    # Fuzzy entries (guessed by Babel when a message changed) are left out: a guess shown
    # to a coach is worse than the English.
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)
