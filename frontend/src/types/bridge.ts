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
export interface ProgressUpdate {
  operation: "backup";
  phase: "snapshot" | "copying" | "verifying";
  fraction: number;
}

// window.pywebview.api.system
export interface SystemApi {
  getAppInfo(): Promise<AppInfo>;
  getLastBackup(): Promise<BackupRecord | null>;
  backupDatabase(): Promise<BackupRecord | null>;
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
