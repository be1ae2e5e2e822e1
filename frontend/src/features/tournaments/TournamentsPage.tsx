import { TournamentDetail } from "./TournamentDetail";
import { TournamentList } from "./TournamentList";
import { useTournamentsState } from "./tournaments-store";

/** The tournaments, or one tournament's page opened from the list. */
export function TournamentsPage() {
  const { openId } = useTournamentsState();
  // Keyed by id: another tournament is a fresh page, never the last one's state.
  return openId === null ? <TournamentList /> : <TournamentDetail key={openId} id={openId} />;
}
