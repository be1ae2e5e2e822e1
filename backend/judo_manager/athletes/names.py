"""How names are matched: without regard to case or accents."""

from __future__ import annotations

import unicodedata

# Letters that are not a base letter plus an accent, so decomposing doesn't reach them.
_BASE_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "\u0131": "i",  # dotless i
        "ħ": "h",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
    }
)


def search_key(text: str) -> str:
    """`text` folded for matching: "Zsófia Öztürk" and "zsofia ozturk" give the same key.

    The key is stored with each athlete (`search_name`): a change here needs a migration that
    recomputes it.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_BASE_LETTERS))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
