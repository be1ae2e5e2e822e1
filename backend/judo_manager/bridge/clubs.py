"""`window.pywebview.api.clubs`: the clubs athletes belong to, and the organisation's branding."""

from __future__ import annotations

from judo_manager.bridge.convert import from_wire, to_wire
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.wire import Wire
from judo_manager.clubs.model import Club, ClubFields, Organisation, OrganisationFields
from judo_manager.clubs.service import ClubsService

# Every change to a club answers the list as it is now, by name.
ClubList = list[Wire[Club]]


class ClubsApi:
    """Clubs and the organisation's branding; every change answers them as they are now."""

    def __init__(self, clubs: ClubsService) -> None:
        self._clubs = clubs

    @coach_errors
    def list(self) -> ClubList:
        """Every club by name, with how many athletes belong to each."""
        return to_wire(self._clubs.clubs())

    @coach_errors
    def create(self, data: Wire[ClubFields]) -> ClubList:
        """Add a club after checking its fields; a name already taken (in any case) is refused."""
        return to_wire(self._clubs.create(from_wire(data)))

    @coach_errors
    def update(self, id: int, data: Wire[ClubFields]) -> ClubList:
        """Change a club's name, short name, federation, city or contact."""
        return to_wire(self._clubs.update(id, from_wire(data)))

    @coach_errors
    def delete(self, id: int) -> ClubList:
        """Remove a club; its athletes stay, with no club, and its logo goes with it."""
        return to_wire(self._clubs.delete(id))

    @coach_errors
    def setLogo(self, id: int, token: str) -> ClubList:
        """Give a club the logo chosen with `media.chooseFile("logo")`; the old one is deleted."""
        return to_wire(self._clubs.set_logo(id, token))

    @coach_errors
    def removeLogo(self, id: int) -> ClubList:
        """Take a club's logo away."""
        return to_wire(self._clubs.remove_logo(id))

    @coach_errors
    def getOrganisation(self) -> Wire[Organisation]:
        """Who the app is branded for: its name, its logo and the prefix of new member IDs."""
        return to_wire(self._clubs.organisation())

    @coach_errors
    def updateOrganisation(self, data: Wire[OrganisationFields]) -> Wire[Organisation]:
        """Set the organisation's name and the prefix of new member IDs."""
        return to_wire(self._clubs.update_organisation(from_wire(data)))

    @coach_errors
    def setOrganisationLogo(self, token: str) -> Wire[Organisation]:
        """Brand the app with the logo chosen with `media.chooseFile("logo")`."""
        return to_wire(self._clubs.set_organisation_logo(token))

    @coach_errors
    def removeOrganisationLogo(self) -> Wire[Organisation]:
        """Take the organisation's logo away."""
        return to_wire(self._clubs.remove_organisation_logo())
