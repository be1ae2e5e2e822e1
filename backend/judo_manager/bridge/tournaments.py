"""`window.pywebview.api.tournaments`: tournaments, their entries, results and entry sheet."""

from __future__ import annotations

from judo_manager.bridge.convert import from_wire, to_wire
from judo_manager.bridge.exports import save_through_dialog
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.host import Host
from judo_manager.bridge.wire import Wire
from judo_manager.exports.model import ExportFormat, SavedExport
from judo_manager.exports.service import ExportsService, checked_format
from judo_manager.tournaments.model import (
    AthleteTournament,
    CategoryLimits,
    EntriesAdded,
    EntryFields,
    Result,
    Tournament,
    TournamentFields,
    TournamentSummary,
)
from judo_manager.tournaments.service import TournamentsService


class TournamentsApi:
    """Tournaments as the page sees them; every change returns the tournament as it is now.

    A result of 1st to 3rd changes the athlete's medals too: the page publishes that the
    athletes changed as well.
    """

    def __init__(
        self, tournaments: TournamentsService, exports: ExportsService, window: Host
    ) -> None:
        self._tournaments = tournaments
        self._exports = exports
        self._window = window

    @coach_errors
    def list(self) -> list[Wire[TournamentSummary]]:
        """Every tournament, upcoming first, with its entries and conflicts counted."""
        return to_wire(self._tournaments.list())

    @coach_errors
    def get(self, id: int) -> Wire[Tournament]:
        """One tournament: its copy of the rules, its entries and their conflicts."""
        return to_wire(self._tournaments.get(id))

    @coach_errors
    def create(self, data: Wire[TournamentFields]) -> Wire[Tournament]:
        """Add a tournament, with a copy of the club's rules as they are now."""
        return to_wire(self._tournaments.create(from_wire(data)))

    @coach_errors
    def update(self, id: int, data: Wire[TournamentFields]) -> Wire[Tournament]:
        """Change a tournament's name, dates, place or notes; its medals follow."""
        return to_wire(self._tournaments.update(id, from_wire(data)))

    @coach_errors
    def delete(self, id: int, keepMedals: bool) -> None:
        """Remove a tournament and its entries; its medals stay as ordinary medals unless
        `keepMedals` is false."""
        self._tournaments.delete(id, keepMedals)

    @coach_errors
    def refreshRules(self, id: int) -> Wire[Tournament]:
        """Take the club's rules again (until the entry deadline); entries keep their
        category and class where the new copy has them."""
        return to_wire(self._tournaments.refresh_rules(id))

    @coach_errors
    def setCategoryLimits(
        self, id: int, categoryId: int, data: Wire[CategoryLimits]
    ) -> Wire[Tournament]:
        """Set a category's lowest belt and whether women and men may enter."""
        return to_wire(self._tournaments.set_category_limits(id, categoryId, from_wire(data)))

    @coach_errors
    def addEntries(self, id: int, athleteIds: list[int]) -> Wire[EntriesAdded]:
        """Enter athletes in their suggested category and class; those entered already are
        skipped and counted."""
        return to_wire(self._tournaments.add_entries(id, athleteIds))

    @coach_errors
    def updateEntry(self, id: int, entryId: int, data: Wire[EntryFields]) -> Wire[Tournament]:
        """Change an entry's age category, weight class or weigh-in."""
        return to_wire(self._tournaments.update_entry(id, entryId, from_wire(data)))

    @coach_errors
    def removeEntries(self, id: int, entryIds: list[int]) -> Wire[Tournament]:
        """Take entries out; a medal their result gave goes with them."""
        return to_wire(self._tournaments.remove_entries(id, entryIds))

    @coach_errors
    def setResult(self, id: int, entryId: int, result: Result | None) -> Wire[Tournament]:
        """Record an entry's place (null clears it); 1st to 3rd is a medal too."""
        return to_wire(self._tournaments.set_result(id, entryId, result))

    @coach_errors
    def forAthlete(self, athleteId: int) -> list[Wire[AthleteTournament]]:
        """The tournaments an athlete entered, latest first, with their results."""
        return to_wire(self._tournaments.for_athlete(athleteId))

    @coach_errors
    def saveEntrySheet(self, id: int, format: ExportFormat) -> Wire[SavedExport] | None:
        """Save the entry sheet as PDF, CSV or XLSX where the coach chooses in the save
        dialog (offered as `entries_<tournament>_<date>`); null if they cancelled."""
        export_format = checked_format(format)
        name = self._tournaments.entry_sheet_name(id, export_format)
        sheet = self._tournaments.entry_sheet(id)
        return save_through_dialog(self._exports, self._window, sheet, name, export_format)
