"""The languages Judo Manager speaks: the one list, and how a system's language maps to it.

Adding a language is adding its catalogs (backend/judo_manager/locale/<code>/ and
frontend/src/locales/<code>/) and one line in `LANGUAGES`. The page learns the list from
the bridge; a unit test checks that both sides have a catalog for each.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language of the app."""

    # The catalogs' folder name, the page's `<html lang>`, the CLI's `--lang`.
    code: str
    # Its name in itself, as the language menu shows it whatever language is chosen.
    name: str
    # How Babel (Python) and Intl (the page) format its numbers and dates.
    formats: str


LANGUAGES = (
    Language("en", "English", "en-GB"),
    Language("id", "Bahasa Indonesia", "id-ID"),
)
# The language the messages are written in, in the code; what a system's other language gets.
SOURCE_LANGUAGE = "en"
# The Settings choice that follows the system's language.
SYSTEM_CHOICE = "system"

_BY_CODE = {language.code: language for language in LANGUAGES}


def language(code: str) -> Language:
    """The language with this code; the source language for an unknown one."""
    return _BY_CODE.get(code, _BY_CODE[SOURCE_LANGUAGE])


def is_language(code: object) -> bool:
    """True when `code` names one of `LANGUAGES`."""
    return isinstance(code, str) and code in _BY_CODE


def match(tag: str | None) -> str | None:
    """The app's language for a locale name ("id_ID.UTF-8", "en-US", "in"); None if none.

    "in" is Java's and older systems' code for Indonesian.
    """
    if not tag:
        return None
    primary = tag.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    primary = {"in": "id"}.get(primary, primary)
    return primary if primary in _BY_CODE else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The system's language when the app speaks it, else the source language.

    The variables gettext reads, in its order: `LANGUAGE` (a list), `LC_ALL`,
    `LC_MESSAGES`, `LANG`; then, on Windows and macOS, where they are seldom set, the
    language of the user's interface.
    """
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
            return SOURCE_LANGUAGE
        for tag in value.split(":"):
            found = match(tag)
            if found:
                return found
        if name != "LANGUAGE":
            # The first one set decides, as for gettext: LANG=fr_FR means French, not
            # whatever a later variable says.
            return SOURCE_LANGUAGE
    if environ is None:
        found = match(_interface_language())
        if found:
            return found
    return SOURCE_LANGUAGE


def spoken_language(choice: str) -> str:
    """The language a Settings choice means now: the system's for SYSTEM_CHOICE."""
    return system_language() if choice == SYSTEM_CHOICE else choice


def _interface_language() -> str | None:
    if sys.platform == "win32":
        import ctypes

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        return locale.windows_locale.get(lcid)
    if sys.platform == "darwin":
        # An app opened from the Finder gets no LANG: the system's list is in NSLocale
        # (PyObjC comes with pywebview's Cocoa engine).
        try:
            from Foundation import NSLocale  # type: ignore[import-not-found]
        except ImportError:
            return None
        preferred = NSLocale.preferredLanguages()
        return str(preferred[0]) if preferred else None
    try:
        return locale.getlocale(locale.LC_MESSAGES)[0]  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, ValueError):
        return None
