import { TournamentDetail } from "./TournamentDetail";
import { TournamentList } from "./TournamentList";
import type { Destination } from "../../lib/navigation";
import { closeTournament, openTournament, useTournamentsState } from "./tournaments-store";

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

/** A link here (`goTo`): one tournament's page, or the list. */
export function arriveAtTournaments(destination: Destination): void {
  if (destination.page !== "tournaments") return;
  if (destination.tournamentId !== undefined) openTournament(destination.tournamentId);
  else closeTournament();
}
