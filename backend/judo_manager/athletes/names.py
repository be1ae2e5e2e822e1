"""How names are matched: without regard to case or accents."""

from __future__ import annotations

import unicodedata


def search_key(text: str) -> str:
    """`text` folded for matching: "Zsófia Öztürk" and "zsofia ozturk" give the same key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
