"""The page names every kind of record Python counts, in every language.

Python sends what a database holds as `{kind, count}` (db/contents.py `RECORD_KINDS`); the
page says "Athletes" and "3 athletes" from its own catalog, through one map in
frontend/src/lib/record-counts.ts. A kind added in Python without its words there would
reach the coach as its table name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from judo_manager.db.contents import RECORD_KINDS
from judo_manager.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend" / "src"
RECORD_COUNTS = FRONTEND / "lib" / "record-counts.ts"


def _kind_words(code: str) -> dict[str, object]:
    catalog = json.loads((FRONTEND / "locales" / code / "common.json").read_text(encoding="utf-8"))
    return catalog.get("kinds", {})


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_every_kind_has_a_label_and_a_count_in_every_language(code: str) -> None:
    words = _kind_words(code)
    for kind in RECORD_KINDS:
        entry = words.get(kind.table)
        assert isinstance(entry, dict), f"{code}/common.json has no kinds.{kind.table}"
        assert str(entry.get("label", "")).strip(), f"{code}: kinds.{kind.table}.label"
        # An ICU plural of `count`: "{count, plural, one {# athlete} other {# athletes}}".
        count = str(entry.get("count", ""))
        assert re.search(r"{\s*count\s*,\s*plural\s*,", count), f"{code}: kinds.{kind.table}.count"
        assert "#" in count, f"{code}: kinds.{kind.table}.count shows no number"


def test_the_page_maps_every_kind_to_its_words() -> None:
    source = RECORD_COUNTS.read_text(encoding="utf-8")
    for kind in RECORD_KINDS:
        for word in ("label", "count"):
            assert f'"kinds.{kind.table}.{word}"' in source, f"record-counts.ts: {kind.table}"


def test_the_page_has_no_words_for_a_kind_python_no_longer_counts() -> None:
    assert sorted(_kind_words("en")) == sorted(kind.table for kind in RECORD_KINDS)
