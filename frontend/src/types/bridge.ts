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
  promotionCount: number;
  medalCount: number;
}

// One successful backup; finishedAt is ISO-8601 with a UTC offset.
export interface BackupRecord {
  finishedAt: string;
  path: string;
  fileName: string;
  bytes: number;
  durationMs: number;
  athleteCount: number;
  promotionCount: number;
  medalCount: number;
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

export type Sex = "F" | "M";
export type BeltKind = "kyu" | "dan";
export type MedalPlace = "gold" | "silver" | "bronze";

// What the roster shows. season null means the current year. categoryId keeps the
// athletes eligible for that category in the season (not only those shown with it).
export interface AthleteFilters {
  search: string;
  sex: "F" | "M" | null;
  beltId: number | null;
  categoryId: number | null;
  status: "active" | "inactive" | "all";
  season: number | null;
  sort: "name" | "belt" | "age" | "weight";
  descending: boolean;
}

// One line of the roster; categoryId is the youngest category the athlete fits.
export interface AthleteRow {
  id: number;
  fullName: string;
  birthYear: number;
  age: number;
  sex: "F" | "M";
  beltId: number | null;
  weightKg: number | null;
  categoryId: number | null;
  active: boolean;
}

// The roster for some filters; total counts every athlete, filtered or not.
export interface AthleteList {
  season: number;
  total: number;
  rows: AthleteRow[];
}

// The add/edit form. Dates are YYYY-MM-DD; optional text fields are null when empty.
export interface AthleteInput {
  fullName: string;
  birthDate: string;
  sex: "F" | "M";
  beltId: number;
  weightKg: number;
  licenceNumber: string | null;
  phone: string | null;
  email: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
  notes: string | null;
  active: boolean;
}

// One grading: the belt reached on a date, and the belt held before it.
export interface Promotion {
  id: number;
  promotedOn: string;
  beltId: number;
  fromBeltId: number | null;
  examiner: string | null;
  notes: string | null;
}

// The "record a promotion" form.
export interface PromotionInput {
  promotedOn: string;
  beltId: number;
  examiner: string | null;
  notes: string | null;
}

// One podium place at a competition.
export interface Medal {
  id: number;
  competition: string;
  heldOn: string;
  place: "gold" | "silver" | "bronze";
  category: string | null;
}

// The "add a medal" form.
export interface MedalInput {
  competition: string;
  heldOn: string;
  place: "gold" | "silver" | "bronze";
  category: string | null;
}

// One athlete in full, with promotions and medals newest first.
export interface Athlete {
  id: number;
  fullName: string;
  birthDate: string;
  sex: "F" | "M";
  beltId: number | null;
  weightKg: number | null;
  licenceNumber: string | null;
  phone: string | null;
  email: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
  notes: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  promotions: Promotion[];
  medals: Medal[];
}

// One step of the belt ladder; rank orders it, lowest first. Colours are #rrggbb;
// a two-coloured belt (white-yellow, red-and-white) has a secondColor.
export interface Belt {
  id: number;
  rank: number;
  name: string;
  kind: "kyu" | "dan";
  color: string;
  secondColor: string | null;
  athleteCount: number;
}

// The belt editor's fields.
export interface BeltInput {
  name: string;
  kind: "kyu" | "dan";
  color: string;
  secondColor: string | null;
}

// An age band of the ruleset; age = season year - birth year; maxAge null = no limit.
export interface AgeCategory {
  id: number;
  code: string;
  name: string;
  minAge: number;
  maxAge: number | null;
}

// The category editor's fields.
export interface AgeCategoryInput {
  code: string;
  name: string;
  minAge: number;
  maxAge: number | null;
}

// The belt ladder, lowest first, and the active ruleset's age categories, youngest
// first: the first category that fits an age is the one the roster shows.
export interface Rules {
  rulesetName: string;
  belts: Belt[];
  categories: AgeCategory[];
}

// A rejected form: the Error's name is "ValidationError" and its message is this, as JSON.
// fields maps an input field's name (as in the shapes above) to what is wrong with it.
export interface FieldProblems {
  message: string;
  fields: Record<string, string>;
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
  list(filters: AthleteFilters): Promise<AthleteList>;
  get(id: number): Promise<Athlete>;
  create(data: AthleteInput): Promise<Athlete>;
  update(id: number, data: AthleteInput): Promise<Athlete>;
  delete(id: number): Promise<null>;
  addPromotion(athleteId: number, data: PromotionInput): Promise<Athlete>;
  deletePromotion(promotionId: number): Promise<Athlete>;
  addMedal(athleteId: number, data: MedalInput): Promise<Athlete>;
  deleteMedal(medalId: number): Promise<Athlete>;
}

// window.pywebview.api.rules: every change returns the rules as they are now.
export interface RulesApi {
  get(): Promise<Rules>;
  createBelt(data: BeltInput): Promise<Rules>;
  updateBelt(id: number, data: BeltInput): Promise<Rules>;
  deleteBelt(id: number): Promise<Rules>;
  reorderBelts(ids: number[]): Promise<Rules>;
  createCategory(data: AgeCategoryInput): Promise<Rules>;
  updateCategory(id: number, data: AgeCategoryInput): Promise<Rules>;
  deleteCategory(id: number): Promise<Rules>;
}

// window.pywebview.api
export interface JudoManagerApi {
  system: SystemApi;
  athletes: AthletesApi;
  rules: RulesApi;
}

declare global {
  interface Window {
    pywebview?: { api: JudoManagerApi };
  }
}
