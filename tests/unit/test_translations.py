"""Every language is complete, on both sides of the bridge, and no catalog holds words no
code uses any more."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from judo_manager.i18n import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    Message,
    _,
    _n,
    formatted,
    joined,
    megabytes,
    speaking,
    translate,
)
from judo_manager.i18n import catalogs as python_catalogs
from judo_manager.i18n.languages import match, system_language

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend" / "src"
LOCALES = FRONTEND / "locales"
# The first word of each ICU argument: "{count, plural, ...}", "{name}".
_ICU_ARGUMENT = re.compile(r"{\s*(\w+)\s*[,}]")


def _flatten(catalog: dict[str, object], prefix: str = "") -> dict[str, str]:
    keys: dict[str, str] = {}
    for key, value in catalog.items():
        if isinstance(value, dict):
            keys.update(_flatten(value, f"{prefix}{key}."))
        else:
            keys[f"{prefix}{key}"] = str(value)
    return keys


def _page_catalog(code: str, namespace: str) -> dict[str, str]:
    path = LOCALES / code / f"{namespace}.json"
    return _flatten(json.loads(path.read_text(encoding="utf-8")))


def _namespaces() -> list[str]:
    return sorted(path.stem for path in (LOCALES / SOURCE_LANGUAGE).glob("*.json"))


def _page_sources() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for path in FRONTEND.rglob("*")
        if path.suffix in (".ts", ".tsx") and "locales" not in path.parts
    )


def test_the_page_and_python_speak_the_same_languages() -> None:
    page = sorted(path.name for path in LOCALES.iterdir() if path.is_dir())
    assert page == sorted(language.code for language in LANGUAGES)
    i18n = (FRONTEND / "lib" / "i18n.ts").read_text(encoding="utf-8")
    declared = re.search(r"NAMESPACES = \[([^\]]*)\]", i18n)
    assert declared is not None
    assert sorted(re.findall(r'"(\w+)"', declared.group(1))) == _namespaces()


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_every_page_catalog_has_every_word(code: str) -> None:
    for namespace in _namespaces():
        reference = _page_catalog(SOURCE_LANGUAGE, namespace)
        catalog = _page_catalog(code, namespace)
        assert sorted(set(reference) - set(catalog)) == [], f"{code}/{namespace} lacks these"
        assert sorted(set(catalog) - set(reference)) == [], f"{code}/{namespace}: not in English"
        for key, text in catalog.items():
            assert text.strip(), f"{code}/{namespace}: {key} is empty"
            wanted = set(_ICU_ARGUMENT.findall(reference[key]))
            assert set(_ICU_ARGUMENT.findall(text)) == wanted, f"{code}/{namespace}: {key}"


def test_every_page_word_is_used_by_some_code() -> None:
    sources = _page_sources()
    unused = [
        f"{namespace}: {key}"
        for namespace in _namespaces()
        for key in _page_catalog(SOURCE_LANGUAGE, namespace)
        if f'"{key}"' not in sources and f'"{namespace}:{key}"' not in sources
    ]
    assert unused == []


def test_every_python_message_is_translated_and_used() -> None:
    assert python_catalogs.problems() == []


def test_python_messages_are_written_whole() -> None:
    """A message built with an f-string or `+` would be extracted as a fragment, or not at
    all, and reach the coach untranslated."""
    package = ROOT / "backend" / "judo_manager"
    built = re.compile(r"\b_n?\(\s*(f[\"']|[\"'][^\"']*[\"']\s*\+)")
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if built.search(line)
    ]
    assert offenders == []


def test_a_message_is_rendered_in_the_language_of_its_call() -> None:
    message = _("Zoom must be between 50% and 200%.")
    with speaking("id"):
        assert translate(message) != message.msgid
        assert str(message) == translate(message, "id")
    assert str(message) == "Zoom must be between 50% and 200%."


def test_numbers_and_dates_in_a_message_follow_its_language() -> None:
    import datetime as dt

    sized = Message("{size} MB on {day}", size=38.5, day=dt.date(2026, 3, 14))
    assert translate(sized, "en") == "38.5 MB on 14 Mar 2026"
    assert translate(sized, "id") == "38,5 MB on 14 Mar 2026"


def test_lists_and_amounts_in_a_message_follow_its_language() -> None:
    counts = joined(_n("{count} athlete", "{count} athletes", n) for n in (1, 2, 1200))
    assert translate(counts, "en") == "1 athlete, 2 athletes and 1,200 athletes"
    assert translate(megabytes(38_000_000), "en") == "38.0 MB"
    assert translate(megabytes(1_234_567_890), "id") == "1.234,6 MB"
    assert translate(formatted(44.5), "id") == "44,5"


def test_plural_messages_follow_the_count() -> None:
    assert translate(_n("{count} athlete", "{count} athletes", 1), "en") == "1 athlete"
    assert translate(_n("{count} athlete", "{count} athletes", 1200), "en") == "1,200 athletes"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LC_ALL": "in_ID"}, "id"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:id", "LANG": "fr_FR.UTF-8"}, "id"),
        ({"LC_ALL": "C.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_read_as_gettext_reads_it(
    environment: dict[str, str], expected: str
) -> None:
    assert system_language(environment) == expected


def test_locale_names_match_the_app_languages() -> None:
    assert match("id-ID") == "id"
    assert match("en_US.UTF-8") == "en"
    assert match("ja_JP") is None
