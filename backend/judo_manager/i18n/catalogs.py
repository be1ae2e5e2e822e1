"""Keeping the Python catalogs in step with the code: extraction, update and checks.

`python -m judo_manager.i18n.catalogs` re-extracts every `_()` and `_n()` message from
the package and updates each language's `.po` file: new messages appear untranslated,
removed ones are dropped, changed ones are marked fuzzy (and so not shown) until a
translator looks. `problems()` is what tests/unit/test_translations.py asserts is empty.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from judo_manager.i18n.languages import LANGUAGES, SOURCE_LANGUAGE
from judo_manager.i18n.messages import catalog_path

PACKAGE = Path(__file__).resolve().parents[1]
# `_(msgid, **params)` and `_n(singular, plural, count, **params)`.
KEYWORDS = {"_": None, "_n": (1, 2)}
_PLACEHOLDER = re.compile(r"{(\w+)}")


def extract() -> Catalog:
    """Every coach message in the package's code, with where it is used."""
    template = Catalog(project="Judo Manager", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        template.add(
            message,
            locations=[(filename, lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def translated_languages() -> list[str]:
    """The languages that have a catalog: all but the one the code is written in."""
    return [language.code for language in LANGUAGES if language.code != SOURCE_LANGUAGE]


def read_catalog(code: str) -> Catalog:
    """A language's catalog as it is in the package."""
    with catalog_path(code).open("rb") as po:
        return read_po(po, locale=code)


def update() -> None:
    """Bring every language's catalog in step with the code (new, changed, removed)."""
    template = extract()
    for code in translated_languages():
        path = catalog_path(code)
        if path.exists():
            catalog = read_catalog(code)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=code, project="Judo Manager")
        catalog.update(template, update_header_comment=False)
        catalog.obsolete.clear()
        with path.open("wb") as po:
            # Without line numbers or a dated header, so moving code or updating again
            # doesn't rewrite the catalog: only a changed message does. The plural rule
            # and charset a header would hold come from the language itself (Babel's).
            write_po(
                po, catalog, include_lineno=False, width=100, sort_output=True, omit_header=True
            )


def problems() -> list[str]:
    """What is wrong between the code and the catalogs; empty when they are in step."""
    found: list[str] = []
    template = extract()
    used = {_key(message.id) for message in template if message.id}
    for code in translated_languages():
        catalog = read_catalog(code)
        kept = set()
        for message in catalog:
            if not message.id:
                continue  # the header
            key = _key(message.id)
            kept.add(key)
            if key not in used:
                found.append(f"{code}: {key!r} is in the catalog but no code uses it")
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(strings):
                found.append(f"{code}: {key!r} is not translated")
                continue
            # The plural's placeholders too: `_n` fills both from the same values.
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            wanted = set().union(*(_PLACEHOLDER.findall(msgid) for msgid in ids))
            for text in strings:
                if set(_PLACEHOLDER.findall(text)) != wanted:
                    found.append(f"{code}: {key!r} has other placeholders in {text!r}")
                elif not _renders(text, wanted):
                    found.append(f"{code}: {key!r} can't be rendered: {text!r}")
        found.extend(f"{code}: {key!r} is missing" for key in sorted(used - kept))
    return found


def _renders(text: str, placeholders: set[str]) -> bool:
    """Whether `str.format` takes the text: a stray brace would fail when shown."""
    try:
        text.format(**dict.fromkeys(placeholders, "x"))
    except (ValueError, IndexError, KeyError):
        return False
    return True


def _key(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


if __name__ == "__main__":
    update()
    left = problems()
    print("\n".join(left) if left else "Every catalog is complete.")
    sys.exit(1 if left else 0)
