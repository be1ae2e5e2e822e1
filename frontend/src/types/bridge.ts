// Mirrors backend/judo_manager/bridge (types.py and the API classes) exactly.
// tests/unit/test_bridge_types.py parses this file and compares it with the
// Python side: keep one member per line and no comments inside the bodies.

// What Settings shows about the running app and its data.
export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databasePath: string;
  databaseBytes: number;
  athleteCount: number;
}

// One successful backup; finishedAt is ISO-8601 with a UTC offset.
export interface BackupRecord {
  finishedAt: string;
  path: string;
  fileName: string;
  bytes: number;
  durationMs: number;
  athleteCount: number;
}

// Pushed from Python as a `judo-manager:progress` window event; fraction is 0..1.
// A backup goes snapshot → copying → verifying. A restore goes staging → validating
// while the chosen file is checked (chooseRestoreFile), then safetyCopy → replacing.
export interface ProgressUpdate {
  operation: "backup" | "restore";
  phase: "snapshot" | "copying" | "verifying" | "staging" | "validating" | "safetyCopy" | "replacing";
  fraction: number;
}

// What one database holds; promotions/medals are null where a backup has no such table.
export interface DataSummary {
  athletes: number;
  promotions: number | null;
  medals: number | null;
  bytes: number;
}

// A chosen backup that passed validation, side by side with the current data. takenAt is
// ISO-8601; when takenAtFromBackup is false it is the file's modification time instead.
export interface RestorePreview {
  token: string;
  fileName: string;
  path: string;
  takenAt: string;
  takenAtFromBackup: boolean;
  appVersion: string | null;
  schemaVersion: number;
  backup: DataSummary;
  current: DataSummary;
}

// The copy of the data as it was before the latest restore, which Undo puts back.
export interface SafetyCopy {
  takenAt: string;
  fileName: string;
  bytes: number;
  athletes: number;
}

// What a restore or an undo left in place.
export interface RestoreResult {
  athletes: number;
  undo: SafetyCopy | null;
}

// window.pywebview.api.system
export interface SystemApi {
  getAppInfo(): Promise<AppInfo>;
  getLastBackup(): Promise<BackupRecord | null>;
  backupDatabase(): Promise<BackupRecord | null>;
  chooseRestoreFile(): Promise<RestorePreview | null>;
  restoreDatabase(token: string): Promise<RestoreResult>;
  undoRestore(): Promise<RestoreResult>;
  getUndoStatus(): Promise<SafetyCopy | null>;
  cancelRestore(): Promise<null>;
}

// window.pywebview.api.athletes
export interface AthletesApi {
  count(): Promise<number>;
}

// window.pywebview.api
export interface JudoManagerApi {
  system: SystemApi;
  athletes: AthletesApi;
}

declare global {
  interface Window {
    pywebview?: { api: JudoManagerApi };
  }
}
