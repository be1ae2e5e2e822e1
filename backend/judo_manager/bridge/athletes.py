"""`window.pywebview.api.athletes`."""

from __future__ import annotations

from judo_manager.athletes.model import (
    Athlete,
    AthleteFields,
    AthleteWarnings,
    DeletedAthlete,
    DocumentFields,
    GradingCandidate,
    GradingReadiness,
    MedalFields,
    PromotionFields,
    Roster,
)
from judo_manager.athletes.service import AthletesService
from judo_manager.bridge.convert import from_wire, to_wire
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.types import AthleteFilters
from judo_manager.bridge.wire import Wire


class AthletesApi:
    """The roster, as the page sees it."""

    def __init__(self, athletes: AthletesService) -> None:
        self._athletes = athletes

    @coach_errors
    def list(self, filters: AthleteFilters) -> Wire[Roster]:
        """The roster filtered, searched and sorted, with each athlete's age, category and
        weight class."""
        return athlete_list(self._athletes.roster(from_wire(filters)))

    @coach_errors
    def gradingReadiness(self) -> Wire[GradingReadiness]:
        """The active athletes ready for their next belt today, and those ready within
        three months, each with when their time in the grade started and when they're ready."""
        return grading_wire(self._athletes.grading_readiness())

    @coach_errors
    def get(self, id: int) -> Wire[Athlete]:
        """One athlete in full, with their promotions, medals, documents and papers."""
        return to_wire(self._athletes.get(id))

    @coach_errors
    def create(self, data: Wire[AthleteFields]) -> Wire[Athlete]:
        """Add an athlete after checking every field; a duplicate is refused."""
        return to_wire(self._athletes.create(from_wire(data)))

    @coach_errors
    def nextMemberId(self) -> str:
        """The member ID an athlete added now would get (the form's placeholder)."""
        return self._athletes.next_member_id()

    @coach_errors
    def checkAthlete(self, data: Wire[AthleteFields]) -> Wire[AthleteWarnings]:
        """What looks unusual in the form (a dan grade under 14, an odd weight for the age
        and sex): warnings the coach may save past, by field."""
        return to_wire(self._athletes.warnings(from_wire(data)))

    @coach_errors
    def update(self, id: int, revision: str, data: Wire[AthleteFields]) -> Wire[Athlete]:
        """Change an athlete, still at `revision`, after checking every field."""
        return to_wire(self._athletes.update(id, revision, from_wire(data)))

    @coach_errors
    def delete(self, id: int, revision: str) -> Wire[DeletedAthlete]:
        """Remove an athlete, still at `revision`, with their promotions, medals, documents
        and photo; the token undoes it a while."""
        return to_wire(self._athletes.delete(id, revision))

    @coach_errors
    def undoDelete(self, token: str) -> Wire[Athlete]:
        """Put back the athlete a recent delete removed, exactly as they were."""
        return to_wire(self._athletes.undo_delete(token))

    @coach_errors
    def addPromotion(
        self, athleteId: int, revision: str, data: Wire[PromotionFields]
    ) -> Wire[Athlete]:
        """Record a grading; the newest one sets the athlete's current belt."""
        return to_wire(self._athletes.add_promotion(athleteId, revision, from_wire(data)))

    @coach_errors
    def updatePromotion(
        self, promotionId: int, revision: str, data: Wire[PromotionFields]
    ) -> Wire[Athlete]:
        """Correct a grading; the history stays a chain, or nothing changes."""
        return to_wire(self._athletes.update_promotion(promotionId, revision, from_wire(data)))

    @coach_errors
    def deletePromotion(self, promotionId: int, revision: str) -> Wire[Athlete]:
        """Remove a grading; removing the newest gives back the belt held before it."""
        return to_wire(self._athletes.delete_promotion(promotionId, revision))

    @coach_errors
    def addMedal(self, athleteId: int, revision: str, data: Wire[MedalFields]) -> Wire[Athlete]:
        """Record a podium place."""
        return to_wire(self._athletes.add_medal(athleteId, revision, from_wire(data)))

    @coach_errors
    def updateMedal(self, medalId: int, revision: str, data: Wire[MedalFields]) -> Wire[Athlete]:
        """Correct a medal."""
        return to_wire(self._athletes.update_medal(medalId, revision, from_wire(data)))

    @coach_errors
    def deleteMedal(self, medalId: int, revision: str) -> Wire[Athlete]:
        """Remove a medal."""
        return to_wire(self._athletes.delete_medal(medalId, revision))

    @coach_errors
    def setPhoto(self, athleteId: int, revision: str, token: str) -> Wire[Athlete]:
        """Give the athlete the photo chosen with `media.chooseFile("photo")`; the old one's
        file goes."""
        return to_wire(self._athletes.set_photo(athleteId, revision, token))

    @coach_errors
    def removePhoto(self, athleteId: int, revision: str) -> Wire[Athlete]:
        """Take the athlete's photo away, and its file."""
        return to_wire(self._athletes.remove_photo(athleteId, revision))

    @coach_errors
    def addDocument(
        self, athleteId: int, revision: str, token: str, data: Wire[DocumentFields]
    ) -> Wire[Athlete]:
        """Keep a paper for the athlete: the file chosen with `media.chooseFile("document")`
        and what it says."""
        return to_wire(self._athletes.add_document(athleteId, revision, token, from_wire(data)))

    @coach_errors
    def updateDocument(
        self, documentId: int, revision: str, data: Wire[DocumentFields]
    ) -> Wire[Athlete]:
        """Correct what a document says; its file stays."""
        return to_wire(self._athletes.update_document(documentId, revision, from_wire(data)))

    @coach_errors
    def deleteDocument(self, documentId: int, revision: str) -> Wire[Athlete]:
        """Remove a document and its file; a promotion or medal it proved keeps no proof."""
        return to_wire(self._athletes.delete_document(documentId, revision))


def athlete_list(roster: Roster) -> Wire[Roster]:
    """The roster in the shape `athletes.list` answers with."""
    # Spelled out rather than through `to_wire`: at 5,000 rows this saves about a third of
    # Python's share of a filter change. tests/integration/test_bridge_roster.py checks that
    # the keys are those of `RosterRow`.
    return {
        "season": roster.season,
        "total": roster.total,
        "rows": [
            {
                "id": row.id,
                "fullName": row.full_name,
                "birthYear": row.birth_year,
                "age": row.age,
                "sex": row.sex,
                "beltId": row.belt_id,
                "weightKg": row.weight_kg,
                "categoryId": row.category_id,
                "weightClassId": row.weight_class_id,
                "active": row.active,
                "memberId": row.member_id,
                "clubId": row.club_id,
                "photoId": row.photo_id,
                "licenceState": row.licence_state,
                "licenceUntil": row.licence_until,
                "medicalState": row.medical_state,
                "medicalUntil": row.medical_until,
            }
            for row in roster.rows
        ],
    }


def grading_wire(readiness: GradingReadiness) -> Wire[GradingReadiness]:
    """The readiness in the shape `athletes.gradingReadiness` answers with."""
    # Spelled out rather than through `to_wire`, as `athlete_list` is: a big club lists
    # thousands. tests/integration/test_grading_readiness.py checks the keys.
    return {
        "today": readiness.today,
        "ready": [_candidate_wire(c) for c in readiness.ready],
        "soon": [_candidate_wire(c) for c in readiness.soon],
        "noDate": readiness.no_date,
    }


def _candidate_wire(candidate: GradingCandidate) -> Wire[GradingCandidate]:
    return {
        "athleteId": candidate.athlete_id,
        "fullName": candidate.full_name,
        "memberId": candidate.member_id,
        "clubId": candidate.club_id,
        "birthDate": candidate.birth_date,
        "licenceNumber": candidate.licence_number,
        "beltId": candidate.belt_id,
        "nextBeltId": candidate.next_belt_id,
        "countedFrom": candidate.counted_from,
        "countedFromKind": candidate.counted_from_kind,
        "monthsInGrade": candidate.months_in_grade,
        "readyOn": candidate.ready_on,
        "ready": candidate.ready,
    }
