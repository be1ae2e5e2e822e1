"""`window.pywebview.api.athletes`."""

from __future__ import annotations

from judo_manager.athletes.model import Roster
from judo_manager.athletes.service import AthletesService
from judo_manager.bridge.convert import from_wire, to_wire
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.types import (
    Athlete,
    AthleteFilters,
    AthleteInput,
    AthleteList,
    AthleteRow,
    MedalInput,
    PromotionInput,
)


class AthletesApi:
    """The roster, as the page sees it."""

    def __init__(self, athletes: AthletesService) -> None:
        self._athletes = athletes

    @coach_errors
    def list(self, filters: AthleteFilters) -> AthleteList:
        """The roster filtered, searched and sorted, with each athlete's age and category."""
        return athlete_list(self._athletes.roster(from_wire(filters)))

    @coach_errors
    def get(self, id: int) -> Athlete:
        """One athlete in full, with their promotions and medals."""
        return to_wire(self._athletes.get(id))

    @coach_errors
    def create(self, data: AthleteInput) -> Athlete:
        """Add an athlete after checking every field; a duplicate is refused."""
        return to_wire(self._athletes.create(from_wire(data)))

    @coach_errors
    def update(self, id: int, data: AthleteInput) -> Athlete:
        """Change an athlete after checking every field."""
        return to_wire(self._athletes.update(id, from_wire(data)))

    @coach_errors
    def delete(self, id: int) -> None:
        """Remove an athlete with their promotions and medals."""
        self._athletes.delete(id)

    @coach_errors
    def addPromotion(self, athleteId: int, data: PromotionInput) -> Athlete:
        """Record a grading; the newest one sets the athlete's current belt."""
        return to_wire(self._athletes.add_promotion(athleteId, from_wire(data)))

    @coach_errors
    def deletePromotion(self, promotionId: int) -> Athlete:
        """Remove a grading; removing the newest gives back the belt held before it."""
        return to_wire(self._athletes.delete_promotion(promotionId))

    @coach_errors
    def addMedal(self, athleteId: int, data: MedalInput) -> Athlete:
        """Record a podium place."""
        return to_wire(self._athletes.add_medal(athleteId, from_wire(data)))

    @coach_errors
    def deleteMedal(self, medalId: int) -> Athlete:
        """Remove a medal."""
        return to_wire(self._athletes.delete_medal(medalId))


def athlete_list(roster: Roster) -> AthleteList:
    """The roster in the shape `athletes.list` answers with."""
    # Spelled out rather than through `to_wire`: at 5,000 rows this saves about a third of
    # Python's share of a filter change.
    return AthleteList(
        season=roster.season,
        total=roster.total,
        rows=[
            AthleteRow(
                id=row.id,
                fullName=row.full_name,
                birthYear=row.birth_year,
                age=row.age,
                sex=row.sex,
                beltId=row.belt_id,
                weightKg=row.weight_kg,
                categoryId=row.category_id,
                active=row.active,
            )
            for row in roster.rows
        ],
    )
