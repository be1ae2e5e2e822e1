"""Amounts with a unit, as every message writes them."""

from __future__ import annotations

from decimal import Decimal

from judo_manager.i18n.messages import Message, _


def in_megabytes(size: int, places: int = 1) -> Decimal:
    """`size` bytes as a number of MB with `places` decimals, for a message to format
    ("38.5", "38,5" in Indonesian)."""
    # Decimal(float) is the float's exact value, so it rounds as f"{x:.1f}" always did.
    return Decimal(size / 1_000_000).quantize(Decimal(1).scaleb(-places))


def in_kilograms(weight_kg: float) -> Decimal:
    """A weight as a number for a message to format, with the decimals it has and no
    more: 66.0 is "66", 44.5 is "44.5" ("44,5" in Indonesian)."""
    # str() first: Decimal(44.5) is exact, Decimal(66.1) would be 66.09999...
    return Decimal(str(weight_kg)).normalize()


def megabytes(size: int, places: int = 1) -> Message:
    """`size` bytes in MB with `places` decimals: "38.5 MB", "38,5 MB" in Indonesian."""
    return _("{size} MB", size=in_megabytes(size, places))


def file_size(size: int) -> Message:
    """A stored file's size as the page writes it: "850 KB", "8.1 MB", "1.2 GB"."""
    if size < 999_500:  # rounds to 1,000 KB and up: 1.0 MB
        # A file is never "0 KB": a 300-byte one is 1 KB, as a file manager says.
        return _("{size} KB", size=Decimal(max(size, 1000) / 1000).quantize(Decimal(1)))
    if size < 999_950_000:
        return megabytes(size)
    return _("{size} GB", size=Decimal(size / 1_000_000_000).quantize(Decimal("0.1")))
