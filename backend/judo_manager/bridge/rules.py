"""`window.pywebview.api.rules`: the belt ladder, the age categories and their weight classes."""

from __future__ import annotations

from judo_manager.bridge.convert import from_wire, to_wire
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.wire import Wire
from judo_manager.rules.model import BeltFields, CategoryFields, Rules, WeightClassFields
from judo_manager.rules.service import RulesService


class RulesApi:
    """Reads and edits the club's rules; every change returns the rules as they are now."""

    def __init__(self, rules: RulesService) -> None:
        self._rules = rules

    @coach_errors
    def get(self) -> Wire[Rules]:
        """The belt ladder, lowest first, and the age categories with their weight classes
        (women's ladder, then men's, each lightest first, the over class last)."""
        return to_wire(self._rules.get())

    @coach_errors
    def createBelt(self, data: Wire[BeltFields]) -> Wire[Rules]:
        """Add a belt at the top of the ladder."""
        return to_wire(self._rules.create_belt(from_wire(data)))

    @coach_errors
    def updateBelt(self, id: int, data: Wire[BeltFields]) -> Wire[Rules]:
        """Rename or recolour a belt, or change its grading minimums (blank: none)."""
        return to_wire(self._rules.update_belt(id, from_wire(data)))

    @coach_errors
    def deleteBelt(self, id: int) -> Wire[Rules]:
        """Remove a belt that no athlete holds or ever held."""
        return to_wire(self._rules.delete_belt(id))

    @coach_errors
    def reorderBelts(self, ids: list[int]) -> Wire[Rules]:
        """Put the ladder in this order, lowest first; every belt must be listed once."""
        return to_wire(self._rules.reorder_belts(ids))

    @coach_errors
    def createCategory(self, data: Wire[CategoryFields]) -> Wire[Rules]:
        """Add an age category."""
        return to_wire(self._rules.create_category(from_wire(data)))

    @coach_errors
    def updateCategory(self, id: int, data: Wire[CategoryFields]) -> Wire[Rules]:
        """Change an age category's code, name or ages."""
        return to_wire(self._rules.update_category(id, from_wire(data)))

    @coach_errors
    def deleteCategory(self, id: int) -> Wire[Rules]:
        """Remove an age category."""
        return to_wire(self._rules.delete_category(id))

    @coach_errors
    def createWeightClass(self, categoryId: int, data: Wire[WeightClassFields]) -> Wire[Rules]:
        """Add a weight class to an age category's ladder for one sex."""
        return to_wire(self._rules.create_weight_class(categoryId, from_wire(data)))

    @coach_errors
    def updateWeightClass(self, id: int, data: Wire[WeightClassFields]) -> Wire[Rules]:
        """Change a weight class's sex, limit, kind (up to or over) or name."""
        return to_wire(self._rules.update_weight_class(id, from_wire(data)))

    @coach_errors
    def deleteWeightClass(self, id: int) -> Wire[Rules]:
        """Remove a weight class; tournaments keep their copy of it."""
        return to_wire(self._rules.delete_weight_class(id))
