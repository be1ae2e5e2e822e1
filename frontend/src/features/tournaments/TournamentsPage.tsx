import { TournamentDetail } from "./TournamentDetail";
import { TournamentList } from "./TournamentList";
import { closeTournament, useTournamentsState } from "./tournaments-store";

/** The tournaments, or one tournament's page opened from the list. */
export function TournamentsPage() {
  const { openId } = useTournamentsState();
  // Keyed by id: another tournament is a fresh page, never the last one's state.
  return openId === null ? <TournamentList /> : <TournamentDetail key={openId} id={openId} />;
}

/** Back to the list (the sidebar's "Tournaments"). */
export function showTournamentList(): void {
  closeTournament();
}
