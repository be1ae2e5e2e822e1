"""Clubs and the organisation, as the app works with them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Club:
    """A club athletes train at, with how many athletes belong to it now."""

    id: int
    name: str
    short_name: str | None
    federation: str | None
    city: str | None
    contact: str | None
    logo_id: int | None
    athlete_count: int


@dataclass(frozen=True)
class ClubFields:
    """The club editor's fields: as the page sends them, and once checked."""

    name: str
    short_name: str | None
    federation: str | None
    city: str | None
    contact: str | None


@dataclass(frozen=True)
class Organisation:
    """Who the app is branded for (a club, or a regional office with several clubs): its
    name and logo in the sidebar and on every PDF, and the prefix of new member IDs."""

    name: str | None
    logo_id: int | None
    member_id_prefix: str


@dataclass(frozen=True)
class OrganisationFields:
    """The branding form's fields: as the page sends them, and once checked."""

    name: str | None
    member_id_prefix: str
