import type { AppInfo, BackupRecord, DataProblem } from "../types/bridge";
import { api } from "./bridge";
import { createResource, useResource, type Loadable } from "./resource";

/*
 * Each of these holds what Python wrote, in the language of the call that read it: each is
 * read again, in the new language, when the coach chooses another ("language-changed").
 */

/**
 * The running app and its data (versions, folder, size, what it holds), as Settings and the
 * restore preview show it. Any change to the data can change its size or its counts.
 */
export const appInfo = createResource<AppInfo>({
  load: () => api().system.getAppInfo(),
  staleOn: ["data-replaced", "backup-finished", "athletes-changed", "rules-changed", "language-changed"],
});

/**
 * The latest successful backup, or null when there was none. The backup history lives in
 * the data, so a restore or an undo changes it too.
 */
export const lastBackup = createResource<BackupRecord | null>({
  load: () => api().system.getLastBackup(),
  staleOn: ["data-replaced", "backup-finished", "language-changed"],
});

export function useAppInfo(): Loadable<AppInfo> {
  return useResource(appInfo);
}

export function useLastBackup(): Loadable<BackupRecord | null> {
  return useResource(lastBackup);
}

/**
 * Why the club's data on this computer can't be used (it is damaged), or null. While it is
 * set, the app shows its rescue screen instead of the pages; a restore clears it.
 */
export const dataProblem = createResource<DataProblem | null>({
  load: () => api().system.getDataProblem(),
  staleOn: ["data-replaced", "restore-finished", "data-damaged", "language-changed"],
});

export function useDataProblem(): Loadable<DataProblem | null> {
  return useResource(dataProblem);
}
