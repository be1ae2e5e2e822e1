import { api } from "../../lib/bridge";
import { createResource, useResource, type Loadable } from "../../lib/resource";
import type { BackupStatusState } from "../../types/bridge";

/**
 * How the club's data stands with its backups: Python decides whether one is due (one rule,
 * the header's reminder reads it too). Any write to an athlete, a promotion or a medal moves
 * the change count; a backup or a restore resets it.
 */
export const backupStatus = createResource<BackupStatusState>({
  load: () => api().system.getBackupStatus(),
  staleOn: ["data-replaced", "backup-finished", "athletes-changed", "tournaments-changed", "language-changed"],
});

export function useBackupStatus(): Loadable<BackupStatusState> {
  return useResource(backupStatus);
}
