// Generated from backend/judo_manager/bridge by `python -m judo_manager.bridge.typescript`.
// Don't edit: change the Python side and run that command again.

export type Sex = "F" | "M";
export type BeltKind = "kyu" | "dan";
export type MedalPlace = "gold" | "silver" | "bronze";
export type RosterStatus = "active" | "inactive" | "all";
export type RosterSort = "name" | "belt" | "age" | "weight";
export type RosterPapers = "all" | "expired" | "expiring" | "missing";
export type Validity = "expired" | "expiring" | "valid";
export type DocumentKind = "birth_certificate" | "id_card" | "licence_card" | "medical_certificate" | "grading_certificate" | "medal_proof" | "other";
export type BackupPhase = "snapshot" | "copying" | "verifying";
export type RestorePhase = "staging" | "validating" | "safetyCopy" | "replacing";
export type TournamentResult = "1" | "2" | "3" | "5" | "7" | "participated" | "dns";
export type ConflictCode = "age" | "no_weight" | "weight_class" | "no_category" | "belt" | "sex_closed" | "inactive" | "duplicate" | "licence_missing" | "licence_expired" | "medical_missing" | "medical_expired";
export type ExportFormat = "pdf" | "csv" | "xlsx";
export type ImportField = "fullName" | "firstName" | "lastName" | "birthDate" | "sex" | "belt" | "weight" | "club" | "licenceNumber" | "memberId" | "joinedOn" | "licenceValidUntil" | "medicalValidUntil" | "phone" | "email" | "guardianName" | "guardianPhone" | "address" | "school" | "notes";
export type DateOrder = "dmy" | "mdy" | "ymd";
export type DuplicatePolicy = "skip" | "fill";
export type SheetFormat = "xlsx" | "csv" | "ods" | "xls";

// The list for one query; `total` counts every athlete.
export interface AthleteList {
  season: number;
  total: number;
  rows: AthleteRow[];
}

// One line of the list; `category_id` is the most specific category the athlete fits,
// `weight_class_id` that category's class for the athlete's sex and weight (None: no weight,
// no category, or no class fits).
export interface AthleteRow {
  id: number;
  fullName: string;
  birthYear: number;
  age: number;
  sex: Sex;
  beltId: number | null;
  weightKg: number | null;
  categoryId: number | null;
  weightClassId: number | null;
  active: boolean;
  memberId: string | null;
  clubId: number | null;
  photoId: number | null;
  licenceState: Validity | null;
  licenceUntil: string | null;
  medicalState: Validity | null;
  medicalUntil: string | null;
}

// Who is ready to grade on `today`, and who will be within `READY_SOON_MONTHS`.
// `ready` is sorted by `ready_on`, then name; `soon` likewise. `no_date` counts the active
// athletes below the top belt with neither a promotion nor a day joined to count from.
export interface GradingReadiness {
  today: string;
  ready: GradingCandidate[];
  soon: GradingCandidate[];
  noDate: number;
}

// An active athlete below the top of the ladder, and when they may take the next belt.
// `ready_on` is the first day both of the next belt's minimums are met: `min_months` after
// `counted_from` (the last promotion's date, or the day joined), and the `min_age`-th
// birthday. `months_in_grade` counts whole months from `counted_from` to today (0 when that
// day is still ahead, as after a clock set back).
export interface GradingCandidate {
  athleteId: number;
  fullName: string;
  memberId: string | null;
  clubId: number | null;
  birthDate: string;
  licenceNumber: string | null;
  beltId: number;
  nextBeltId: number;
  countedFrom: string;
  countedFromKind: "promotion" | "joined";
  monthsInGrade: number;
  readyOn: string;
  ready: boolean;
}

// One athlete in full; promotions, medals and documents newest first.
// `licence_valid_until` and `medical_valid_until` are the dates as typed in the profile;
// `licence` and `medical` are what they come to with the athlete's documents.
export interface Athlete {
  id: number;
  fullName: string;
  birthDate: string;
  sex: Sex;
  beltId: number | null;
  weightKg: number | null;
  memberId: string | null;
  clubId: number | null;
  joinedOn: string | null;
  licenceNumber: string | null;
  licenceValidUntil: string | null;
  medicalValidUntil: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  school: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
  notes: string | null;
  active: boolean;
  photoId: number | null;
  createdAt: string;
  updatedAt: string;
  revision: string;
  licence: Paper;
  medical: Paper;
  promotions: Promotion[];
  medals: Medal[];
  documents: Document[];
}

// The licence or the medical certificate, as the athlete's page tells it.
// `valid_until` is the effective date: the later of the one typed in the profile and the
// newest valid-until of the athlete's licence-card (or medical-certificate) documents;
// `from_document` says it is a document's. `state` is its state today; both None when no date
// is known.
export interface Paper {
  validUntil: string | null;
  state: Validity | null;
  fromDocument: boolean;
}

// A grading: the belt reached, and the belt held before it.
export interface Promotion {
  id: number;
  promotedOn: string;
  beltId: number;
  fromBeltId: number | null;
  examiner: string | null;
  notes: string | null;
  proofDocumentId: number | null;
}

// A podium place at a competition.
export interface Medal {
  id: number;
  competition: string;
  heldOn: string;
  place: MedalPlace;
  category: string | null;
  proofDocumentId: number | null;
  tournamentId: number | null;
}

// A paper kept for an athlete (a scan or a PDF), with what it says and its file.
// `validity` is its state today, from `valid_until`; None when it has no such date.
export interface Document {
  id: number;
  kind: DocumentKind;
  title: string;
  issuedOn: string | null;
  validUntil: string | null;
  notes: string | null;
  createdAt: string;
  media: MediaInfo;
  validity: Validity | null;
}

// What the page knows of a stored file without its bytes.
export interface MediaInfo {
  id: number;
  mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
  fileName: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  createdAt: string;
}

// The add/edit form: as the page sends it (dates as YYYY-MM-DD), and once checked.
// `member_id` may be left blank when adding an athlete: the next one is generated.
export interface AthleteInput {
  fullName: string;
  birthDate: string;
  sex: Sex;
  beltId: number;
  weightKg: number;
  memberId: string | null;
  clubId: number | null;
  joinedOn: string | null;
  licenceNumber: string | null;
  licenceValidUntil: string | null;
  medicalValidUntil: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  school: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
  notes: string | null;
  active: boolean;
}

// Unusual values in an athlete's form, by field; None where the field looks usual.
export interface AthleteWarnings {
  beltId: string | null;
  weightKg: string | null;
}

// What a delete hands back: who it was, and the token that undoes it for a while.
export interface DeletedAthlete {
  fullName: string;
  undoToken: string;
}

// The "record a promotion" form: as the page sends it, and once checked.
// `proof_document_id` is one of the athlete's documents (the grading certificate).
export interface PromotionInput {
  promotedOn: string;
  beltId: number;
  examiner: string | null;
  notes: string | null;
  proofDocumentId: number | null;
}

// The "add a medal" form: as the page sends it, and once checked.
// `proof_document_id` is one of the athlete's documents (the medal's proof).
export interface MedalInput {
  competition: string;
  heldOn: string;
  place: MedalPlace;
  category: string | null;
  proofDocumentId: number | null;
}

// The document form: as the page sends it, and once checked.
export interface DocumentInput {
  kind: DocumentKind;
  title: string;
  issuedOn: string | null;
  validUntil: string | null;
  notes: string | null;
}

// The ladder, lowest first, and the categories of the active ruleset, youngest first.
// The roster shows the narrowest category that fits an age (`roster_category`).
export interface Rules {
  rulesetName: string;
  belts: Belt[];
  categories: AgeCategory[];
}

// One step of the ladder; `rank` orders it, lowest first.
// Colours are #rrggbb; a two-coloured belt (white-yellow, red-and-white) has a `second_color`.
// `min_months` (in the belt below) and `min_age` are what an athlete needs to be promoted to
// it; None asks nothing. `athlete_count` counts the athletes who hold it now.
export interface Belt {
  id: number;
  rank: number;
  name: string;
  kind: BeltKind;
  color: string;
  secondColor: string | null;
  minMonths: number | null;
  minAge: number | null;
  athleteCount: number;
}

// An age band; an athlete's age is the season year minus the birth year.
// `weight_classes` are its ladders, women's then men's, each lightest first.
export interface AgeCategory {
  id: number;
  code: string;
  name: string;
  minAge: number;
  maxAge: number | null;
  weightClasses: WeightClass[];
}

// One class of a category's ladder for one sex: "up to and including `limit_kg`", or with
// `over`, "over `limit_kg`" (the heaviest). `name` replaces "-66 kg" where set.
export interface WeightClass {
  id: number;
  categoryId: number;
  sex: Sex;
  limitKg: number;
  over: boolean;
  name: string | null;
}

// The belt editor's fields: as the page sends them, and once checked; a blank minimum is None
// (no minimum).
export interface BeltInput {
  name: string;
  kind: BeltKind;
  color: string;
  secondColor: string | null;
  minMonths: number | null;
  minAge: number | null;
}

// The category editor's fields, as sent and once checked; `max_age` None: no limit.
export interface AgeCategoryInput {
  code: string;
  name: string;
  minAge: number;
  maxAge: number | null;
}

// The weight class editor's fields, as sent and once checked.
export interface WeightClassInput {
  sex: Sex;
  limitKg: number;
  over: boolean;
  name: string | null;
}

// A checked file held for a form still open: `token` names it when the form is saved.
// `thumbnail` is a `data:` URL (images only), so the form can show what was chosen.
export interface PendingFile {
  token: string;
  fileName: string;
  mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
  byteSize: number;
  thumbnail: string | null;
}

// One piece of a stored file, base64: the page reads a file piece by piece from `offset` until
// `next_offset` is None.
export interface MediaChunk {
  mediaId: number;
  mediaType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
  sha256: string;
  total: number;
  offset: number;
  data: string;
  nextOffset: number | null;
}

// A stored image's thumbnail as a `data:` URL, for the roster and the athlete header.
export interface Thumbnail {
  mediaId: number;
  url: string;
}

// Where "Save a copy…" wrote the file.
export interface SavedCopy {
  path: string;
  fileName: string;
  bytes: number;
}

// A club athletes train at, with how many athletes belong to it now.
export interface Club {
  id: number;
  name: string;
  shortName: string | null;
  federation: string | null;
  city: string | null;
  contact: string | null;
  logoId: number | null;
  athleteCount: number;
}

// The club editor's fields: as the page sends them, and once checked.
export interface ClubFields {
  name: string;
  shortName: string | null;
  federation: string | null;
  city: string | null;
  contact: string | null;
}

// Who the app is branded for (a club, or a regional office with several clubs): its name and
// logo in the sidebar and on every PDF, and the prefix of new member IDs.
export interface Organisation {
  name: string | null;
  logoId: number | null;
  memberIdPrefix: string;
}

// The branding form's fields: as the page sends them, and once checked.
export interface OrganisationFields {
  name: string | null;
  memberIdPrefix: string;
}

// One line of the tournaments list; `upcoming` while its last day hasn't passed.
export interface TournamentSummary {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string | null;
  location: string | null;
  entryCount: number;
  conflictCount: number;
  upcoming: boolean;
  entryDeadline: string | null;
}

// A tournament in full: its copy of the rules, and its entries in the entry sheet's order (age
// category, youngest first; women, then men; the weight ladder; the name).
// `age_year` is the year ages are counted for; `can_refresh_rules` says whether the copy of
// the rules may still be taken again (until the entry deadline, or without one, the first
// day). `conflict_count` counts the entries with at least one conflict.
export interface Tournament {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string | null;
  location: string | null;
  organiser: string | null;
  entryDeadline: string | null;
  notes: string | null;
  rulesetName: string;
  rulesCopiedAt: string;
  canRefreshRules: boolean;
  ageYear: number;
  upcoming: boolean;
  categories: TournamentCategory[];
  entries: Entry[];
  conflictCount: number;
}

// An age category of the tournament's copy of the rules, with the tournament's own limits: the
// lowest belt allowed (None: any), and whether each sex may enter.
// `weight_classes` are the copied ladders (their `category_id` is this category's id).
export interface TournamentCategory {
  id: number;
  code: string;
  name: string;
  minAge: number;
  maxAge: number | null;
  weightClasses: WeightClass[];
  minBeltId: number | null;
  openToF: boolean;
  openToM: boolean;
}

// One athlete entered, with what the entry sheet shows of them.
// `weight_kg` is the weight the entry is judged by: the weigh-in where one is recorded, else
// the roster's. `suggested_category_id` is the narrowest category the age fits, and
// `suggested_weight_class_id` the class that weight falls in within the chosen category (the
// suggested one while none is chosen); `eligible_category_ids` are every category the age fits
// (the page marks the others). `medal_id` is the medal a result of 1st to 3rd gave.
export interface Entry {
  id: number;
  athleteId: number;
  fullName: string;
  memberId: string | null;
  birthYear: number;
  age: number;
  sex: Sex;
  beltId: number | null;
  clubId: number | null;
  licenceNumber: string | null;
  rosterWeightKg: number | null;
  weighInKg: number | null;
  weightKg: number | null;
  categoryId: number | null;
  weightClassId: number | null;
  suggestedCategoryId: number | null;
  suggestedWeightClassId: number | null;
  eligibleCategoryIds: number[];
  result: TournamentResult | null;
  medalId: number | null;
  conflicts: Conflict[];
}

// Something about an entry that the organiser may refuse, in the coach's words.
export interface Conflict {
  code: ConflictCode;
  message: string;
}

// The tournament form: as the page sends it (dates as YYYY-MM-DD), and once checked.
export interface TournamentFields {
  name: string;
  startsOn: string;
  endsOn: string | null;
  location: string | null;
  organiser: string | null;
  entryDeadline: string | null;
  notes: string | null;
}

// A category's limits for one tournament: as the page sends them, and once checked.
export interface CategoryLimits {
  minBeltId: number | null;
  openToF: boolean;
  openToM: boolean;
}

// What adding athletes did: the tournament now, those added, and those skipped because they
// were entered already.
export interface EntriesAdded {
  tournament: Tournament;
  added: number;
  skipped: number;
}

// An entry's editable fields: as the page sends them, and once checked.
// With `follow_weight`, the class is the one the entry's weight falls in within its category
// (`rules.weights.weight_class_for`), whatever `weight_class_id` says: the page asks for it
// when the category or the weigh-in changes, and never works it out itself.
export interface EntryFields {
  categoryId: number | null;
  weightClassId: number | null;
  weighInKg: number | null;
  followWeight: boolean;
}

// A tournament an athlete entered, as their page lists it.
export interface AthleteTournament {
  tournamentId: number;
  name: string;
  startsOn: string;
  endsOn: string | null;
  categoryCode: string | null;
  weightClassLabel: string | null;
  result: TournamentResult | null;
}

// A document written where the coach chose. `token` names it for `exports.open` (the page
// never holds a path); `bytes` is its size.
export interface SavedExport {
  token: string;
  fileName: string;
  bytes: number;
  format: ExportFormat;
}

// A report as the page shows it, exactly as it will be saved.
// `details` are lines under the title (the period, the filters in words); `summary` closes it
// ("120 athletes"); `available_columns` is the roster report's column choice (empty for the
// others); `sort`/`descending` the order actually applied.
export interface ReportView {
  name: "roster" | "grading" | "promotions" | "medals" | "papers";
  title: string;
  details: string[];
  groupColumns: string[];
  columns: ReportColumn[];
  groups: ReportGroup[];
  summary: string;
  rowCount: number;
  availableColumns: ColumnChoice[];
  sort: string | null;
  descending: boolean;
}

// A column as the page shows it: `key` names it in `ReportQuery.columns` and `sort`.
export interface ReportColumn {
  key: string;
  label: string;
  align: "left" | "right";
  sortable: boolean;
}

// Rows under one heading; `values` match the view's `group_columns`, `total` is the line under
// the group ("12 medals").
export interface ReportGroup {
  values: string[];
  rows: ReportRow[];
  total: string;
}

// One line: `cells` match the view's columns, as text in the coach's language. `athlete_id`
// lets the page open the athlete; `problems` are what the row is flagged for (a paper
// expired), in the coach's words.
export interface ReportRow {
  cells: string[];
  athleteId: number | null;
  problems: string[];
}

// A column the roster report can show, and whether the current request shows it.
export interface ColumnChoice {
  key: string;
  label: string;
  chosen: boolean;
}

// What importing the file would do, before anything changes.
// `to_add` new athletes; `duplicates` rows that are athletes already in the club, of which
// `to_fill` would have empty fields filled (with "fill"); `problems` the first rows that can't
// be imported (`problem_count` in all). `date_order_needed`: every date reads as day/month and
// as month/day, so the coach chooses (`date_example` shows one). `new_clubs` are the clubs the
// file names that the app doesn't have yet: the import adds them. `can_import` is false when a
// required field has no column, the date order isn't chosen yet, or no row would change
// anything.
export interface ImportPreview {
  token: string;
  fileName: string;
  format: SheetFormat;
  encoding: string | null;
  separator: string | null;
  sheetName: string | null;
  columns: ImportColumn[];
  rowCount: number;
  toAdd: number;
  duplicates: number;
  toFill: number;
  problems: ImportProblem[];
  problemCount: number;
  dateOrder: DateOrder | null;
  dateOrderNeeded: boolean;
  dateExample: DateExample | null;
  missingFields: ImportField[];
  newClubs: string[];
  canImport: boolean;
}

// One column of the file: its header, the field it fills (None: ignored), whether that is the
// app's guess, and its first few values.
export interface ImportColumn {
  index: number;
  header: string;
  field: ImportField | null;
  guessed: boolean;
  samples: string[];
}

// A row that won't be imported, numbered as the spreadsheet numbers it, and why.
export interface ImportProblem {
  row: number;
  message: string;
}

// A row whose date reads two ways, as text and read each way (None: no such date).
export interface DateExample {
  row: number;
  text: string;
  asDmy: string | null;
  asMdy: string | null;
}

// How to read the file: a field (or None, ignored) per column by index, the order of an
// ambiguous date's day and month (None: not chosen), and what to do with athletes already in
// the club.
export interface ImportSettings {
  columns: (ImportField | null)[];
  dateOrder: DateOrder | null;
  duplicates: DuplicatePolicy;
}

// The club at a glance on `today`, for `season`.
// `athletes` counts every athlete, active or not; the other counts are of active ones: by sex,
// by the most specific age category of the season (youngest first, every category included;
// `no_category` fit none), by belt in ladder order (every belt included; `no_belt` have none
// recorded), and those new in the season. Medals are of `medal_season` (None: all time), with
// every season that has medals and the athletes with the most.
export interface Overview {
  today: string;
  season: number;
  athletes: number;
  active: number;
  female: number;
  male: number;
  byCategory: CategoryCount[];
  noCategory: number;
  byBelt: BeltCount[];
  noBelt: number;
  newInSeason: number;
  medalSeason: number | null;
  medalSeasons: number[];
  medals: MedalCounts;
  topAthletes: MedalLeader[];
  grading: GradingSummary;
  papers: PaperAlerts;
  deadlines: DeadlineSoon[];
}

// The active athletes whose most specific age category in the season is this one.
export interface CategoryCount {
  categoryId: number;
  code: string;
  name: string;
  count: number;
}

// The active athletes holding this belt; colours as the ladder has them.
export interface BeltCount {
  beltId: number;
  name: string;
  color: string;
  secondColor: string | null;
  count: number;
}

// Medals by place.
export interface MedalCounts {
  gold: number;
  silver: number;
  bronze: number;
}

// An athlete among those with the most medals, and their medals by place.
export interface MedalLeader {
  athleteId: number;
  fullName: string;
  gold: number;
  silver: number;
  bronze: number;
}

// How many are ready to grade today and within three months, and the first of them (the ready
// ones first, each group soonest first).
export interface GradingSummary {
  ready: number;
  soon: number;
  first: GradingLine[];
}

// An athlete ready to grade (or soon): their belt, the next, and the day they may.
export interface GradingLine {
  athleteId: number;
  fullName: string;
  beltName: string;
  nextBeltName: string;
  readyOn: string;
  ready: boolean;
}

// Active athletes' papers that need seeing to, counted as the roster's papers filter counts
// them: `expired` athletes have one expired, `expiring` athletes have one expiring within
// `EXPIRING_DAYS` and none expired. `first` are the most pressing papers, the earliest date
// first.
export interface PaperAlerts {
  expired: number;
  expiring: number;
  first: PaperAlert[];
}

// An active athlete's licence or medical certificate, expired or expiring (the effective
// valid-until date: see `Paper`).
export interface PaperAlert {
  athleteId: number;
  fullName: string;
  paper: "licence" | "medical";
  validUntil: string;
  state: Validity;
}

// A tournament whose entries close within `DEADLINE_DAYS`; `days_left` 0 is today.
export interface DeadlineSoon {
  tournamentId: number;
  name: string;
  startsOn: string;
  entryDeadline: string;
  daysLeft: number;
}

// How many records of one kind a database holds; `count` is null where the file's data version
// has no such table. Kinds come in the order the app lists them; `kind` is the table
// ("athletes"), which the page names in its own words. `bytes` is the size of their stored
// files, for kinds that are files (photos, documents); null for the others.
export interface RecordCount {
  kind: string;
  count: number | null;
  bytes: number | null;
}

// This computer's choices for the window; `backupReminderSnoozedUntil` is YYYY-MM-DD.
export interface WindowPreferences {
  zoom: number;
  backupReminderSnoozedUntil: string | null;
}

// One language of the app: `code` for `setLanguage`, `name` in itself, `formats` the locale
// its numbers and dates follow (for `Intl`).
export interface LanguageOption {
  code: string;
  name: string;
  formats: string;
}

// The coach's language: `choice` is a code or "system"; `language` is the one spoken; `system`
// is the one "system" means on this computer.
export interface LanguageSettings {
  choice: string;
  language: string;
  system: string;
  languages: LanguageOption[];
}

// Whether every page reminds the coach to back up; `lastBackupOn` is YYYY-MM-DD.
export interface BackupReminderState {
  due: boolean;
  lastBackupOn: string | null;
}

// The club's data on this computer can't be used: the message says why and what to do.
export interface DataProblem {
  message: string;
}

// What Settings shows about the running app and its data.
export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databasePath: string;
  databaseBytes: number;
  contents: RecordCount[];
}

// One successful backup: returned by an export and shown as "last backup".
export interface BackupRecord {
  finishedAt: string;
  path: string;
  fileName: string;
  bytes: number;
  durationMs: number;
  contents: RecordCount[];
}

// How the club's data stands with its backups, for the dashboard's card: `level` "ok", "due"
// (14 days or 50 changes since the last backup), "never" (none yet, and the club holds
// athletes) or "empty" (none yet, and nothing to back up); `daysSince` is 0 for a backup dated
// a day after today (a time zone crossed), null with no backup or one whose date can't be read
// or is later still (a clock set back since); `changes` counts the records added, edited or
// deleted since, each once.
export interface BackupStatusState {
  level: "ok" | "due" | "never" | "empty";
  last: BackupRecord | null;
  daysSince: number | null;
  changes: ChangeCounts;
}

// The athletes, promotions and medals added, edited or deleted since the last backup, each
// counted once however often it changed.
export interface ChangeCounts {
  athletes: number;
  promotions: number;
  medals: number;
  total: number;
}

// Pushed from Python as a `judo-manager:progress` window event while a long job runs.
export interface ProgressUpdate {
  operation: "backup" | "restore";
  phase: BackupPhase | RestorePhase;
  fraction: number;
}

// What one database file holds, and its size.
export interface DataSummary {
  contents: RecordCount[];
  bytes: number;
}

// A chosen backup that passed validation, side by side with the current data.
// `current` is null when the current data is damaged and can't be read: the backup stands
// alone, and restoring it keeps the damaged file aside.
export interface RestorePreview {
  token: string;
  fileName: string;
  path: string;
  takenAt: string;
  takenAtFromBackup: boolean;
  appVersion: string | null;
  schemaVersion: number;
  backup: DataSummary;
  current: DataSummary | null;
  differences: KindDifference[] | null;
}

// One kind's records only in the current data, only in the other file, and in both but
// different: counted in full, the first `EXAMPLES` of each named (child kinds count only).
export interface KindDifference {
  table: string;
  onlyCurrent: number;
  onlyOther: number;
  changed: number;
  onlyCurrentExamples: RecordDifference[];
  onlyOtherExamples: RecordDifference[];
  changedExamples: RecordDifference[];
  parent: string | null;
}

// One record lost, added or changed, named for the coach.
export interface RecordDifference {
  label: string;
  fields: FieldChange[];
  children: ChildCounts[];
}

// One field that differs: as it is now, and as the other file has it.
export interface FieldChange {
  field: string;
  current: string;
  other: string;
}

// A record's rows of one child kind (promotions, medals) found on one side only.
export interface ChildCounts {
  table: string;
  onlyCurrent: number;
  onlyOther: number;
}

// The copy of the data as it was before the latest restore or import, which Undo puts back;
// `kind` says which of the two it was taken before ("Undo import").
export interface SafetyCopy {
  kind: "restore" | "import";
  takenAt: string;
  fileName: string;
  bytes: number;
  athletes: number;
}

// What "Undo last restore" puts back (the safety copy) beside the current data.
// `differences` reads as for a restore, with the safety copy as the backup; `workSince` names
// the work done since the restore, which the undo throws away.
export interface UndoPreview {
  copy: SafetyCopy;
  copyData: DataSummary;
  current: DataSummary | null;
  differences: KindDifference[] | null;
  workSince: string | null;
}

// What a restore or an undo left in place.
export interface RestoreResult {
  athletes: number;
  undo: SafetyCopy | null;
}

// What an import did: athletes added, athletes already in the club whose empty fields were
// filled, athletes already in the club left as they were (`skipped`), rows with a problem, not
// imported; and the safety copy that "Undo import" puts back (null when it can't be read back:
// there is no undo to offer).
export interface ImportResult {
  added: number;
  filled: number;
  skipped: number;
  problems: number;
  undo: SafetyCopy | null;
}

// What the roster shows: a name search, filters, the season and the sort order.
// `season` null means the current year. `categoryId` keeps the athletes *eligible* for that
// category in the season, which is what a coach entering a competition needs. `weightClassId`
// (a weight class of the active ruleset) keeps the athletes whose row shows that class: the
// season's category is the class's, and sex and weight put them in it. `papers` keeps those
// whose licence or medical is "expired", "expiring" (within 30 days, none expired) or
// "missing" (no date for one of them).
export interface AthleteFilters {
  search: string;
  sex: Sex | null;
  beltId: number | null;
  categoryId: number | null;
  weightClassId: number | null;
  clubId: number | null;
  papers: RosterPapers;
  status: RosterStatus;
  season: number | null;
  sort: RosterSort;
  descending: boolean;
}

// Which report the page asks for, and for what (see `reports.model.ReportQuery`).
// Dates are YYYY-MM-DD; `filters` is the roster's own filter object (the roster report);
// `columns` are keys of the view's `availableColumns` (empty: the default set); `sort` is a
// column key (null: the report's own order).
export interface ReportRequest {
  name: "roster" | "grading" | "promotions" | "medals" | "papers";
  season: number | null;
  fromDate: string | null;
  toDate: string | null;
  filters: AthleteFilters | null;
  columns: string[];
  newInSeason: boolean;
  groupBy: "athlete" | "tournament";
  sort: string | null;
  descending: boolean;
}

// The message of a `ValidationError` as it crosses the bridge, as JSON.
// `fields` maps a form field's name (as in the input shapes above) to what is wrong with it.
export interface FieldProblems {
  message: string;
  fields: Record<string, string>;
}

// window.pywebview.api.system: The app itself, its data file, its backups and restores.
export interface SystemApi {
  // Why the club's data can't be used (it is damaged), or None; the page then offers the
  // rescue.
  getDataProblem(): Promise<DataProblem | null>;
  // Open the data folder in the system's file manager.
  showDataFolder(): Promise<null>;
  // Version, schema version, data folder, database size and what it holds.
  getAppInfo(): Promise<AppInfo>;
  // This computer's choices for the window: its zoom, the backup reminder.
  getPreferences(): Promise<WindowPreferences>;
  // Zoom the page (1.0 is 100%, from 0.5 to 2.0) and keep it for the next start.
  setZoom(zoom: number): Promise<WindowPreferences>;
  // The coach's language choice, the language it means, and every one to choose.
  getLanguage(): Promise<LanguageSettings>;
  // Speak `choice` (a language's code, or "system") from now on, and at every start.
  setLanguage(choice: string): Promise<LanguageSettings>;
  // "Remind me tomorrow": the backup reminder stays quiet until tomorrow.
  snoozeBackupReminder(): Promise<WindowPreferences>;
  // Whether to remind the coach to back up (as `getBackupStatus` says it is due).
  getBackupReminder(): Promise<BackupReminderState>;
  // The last backup, the changes since it, and whether another is due (the dashboard).
  getBackupStatus(): Promise<BackupStatusState>;
  // The most recent successful backup, or None if there was none.
  getLastBackup(): Promise<BackupRecord | null>;
  // Export Database: the native save dialog, then a verified backup; None if cancelled.
  backupDatabase(): Promise<BackupRecord | null>;
  // Import Database: the native open dialog, then a full check; None if cancelled.
  chooseRestoreFile(): Promise<RestorePreview | null>;
  // Replace the data with the checked file behind `token`, keeping a safety copy.
  restoreDatabase(token: string): Promise<RestoreResult>;
  // What "Undo last restore" would put back, and the work since that it throws away.
  previewUndo(): Promise<UndoPreview>;
  // Put back the data as it was before the latest restore.
  undoRestore(): Promise<RestoreResult>;
  // The safety copy that "Undo last restore" would put back, or None.
  getUndoStatus(): Promise<SafetyCopy | null>;
  // The coach said no to the preview: drop the staged copy.
  cancelRestore(): Promise<null>;
}

// window.pywebview.api.athletes: The roster, as the page sees it.
export interface AthletesApi {
  // The roster filtered, searched and sorted, with each athlete's age, category and weight
  // class.
  list(filters: AthleteFilters): Promise<AthleteList>;
  // The active athletes ready for their next belt today, and those ready within three months,
  // each with when their time in the grade started and when they're ready.
  gradingReadiness(): Promise<GradingReadiness>;
  // One athlete in full, with their promotions, medals, documents and papers.
  get(id: number): Promise<Athlete>;
  // Add an athlete after checking every field; a duplicate is refused.
  create(data: AthleteInput): Promise<Athlete>;
  // The member ID an athlete added now would get (the form's placeholder).
  nextMemberId(): Promise<string>;
  // What looks unusual in the form (a dan grade under 14, an odd weight for the age and sex):
  // warnings the coach may save past, by field.
  checkAthlete(data: AthleteInput): Promise<AthleteWarnings>;
  // Change an athlete, still at `revision`, after checking every field.
  update(id: number, revision: string, data: AthleteInput): Promise<Athlete>;
  // Remove an athlete, still at `revision`, with their promotions, medals, documents and
  // photo; the token undoes it a while.
  delete(id: number, revision: string): Promise<DeletedAthlete>;
  // Put back the athlete a recent delete removed, exactly as they were.
  undoDelete(token: string): Promise<Athlete>;
  // Record a grading; the newest one sets the athlete's current belt.
  addPromotion(athleteId: number, revision: string, data: PromotionInput): Promise<Athlete>;
  // Correct a grading; the history stays a chain, or nothing changes.
  updatePromotion(promotionId: number, revision: string, data: PromotionInput): Promise<Athlete>;
  // Remove a grading; removing the newest gives back the belt held before it.
  deletePromotion(promotionId: number, revision: string): Promise<Athlete>;
  // Record a podium place.
  addMedal(athleteId: number, revision: string, data: MedalInput): Promise<Athlete>;
  // Correct a medal.
  updateMedal(medalId: number, revision: string, data: MedalInput): Promise<Athlete>;
  // Remove a medal.
  deleteMedal(medalId: number, revision: string): Promise<Athlete>;
  // Give the athlete the photo chosen with `media.chooseFile("photo")`; the old one's file
  // goes.
  setPhoto(athleteId: number, revision: string, token: string): Promise<Athlete>;
  // Take the athlete's photo away, and its file.
  removePhoto(athleteId: number, revision: string): Promise<Athlete>;
  // Keep a paper for the athlete: the file chosen with `media.chooseFile("document")` and what
  // it says.
  addDocument(athleteId: number, revision: string, token: string, data: DocumentInput): Promise<Athlete>;
  // Correct what a document says; its file stays.
  updateDocument(documentId: number, revision: string, data: DocumentInput): Promise<Athlete>;
  // Remove a document and its file; a promotion or medal it proved keeps no proof.
  deleteDocument(documentId: number, revision: string): Promise<Athlete>;
}

// window.pywebview.api.rules: Reads and edits the club's rules; every change returns the rules as they are now.
export interface RulesApi {
  // The belt ladder, lowest first, and the age categories with their weight classes (women's
  // ladder, then men's, each lightest first, the over class last).
  get(): Promise<Rules>;
  // Add a belt at the top of the ladder.
  createBelt(data: BeltInput): Promise<Rules>;
  // Rename or recolour a belt, or change its grading minimums (blank: none).
  updateBelt(id: number, data: BeltInput): Promise<Rules>;
  // Remove a belt that no athlete holds or ever held.
  deleteBelt(id: number): Promise<Rules>;
  // Put the ladder in this order, lowest first; every belt must be listed once.
  reorderBelts(ids: number[]): Promise<Rules>;
  // Add an age category.
  createCategory(data: AgeCategoryInput): Promise<Rules>;
  // Change an age category's code, name or ages.
  updateCategory(id: number, data: AgeCategoryInput): Promise<Rules>;
  // Remove an age category.
  deleteCategory(id: number): Promise<Rules>;
  // Add a weight class to an age category's ladder for one sex.
  createWeightClass(categoryId: number, data: WeightClassInput): Promise<Rules>;
  // Change a weight class's sex, limit, kind (up to or over) or name.
  updateWeightClass(id: number, data: WeightClassInput): Promise<Rules>;
  // Remove a weight class; tournaments keep their copy of it.
  deleteWeightClass(id: number): Promise<Rules>;
}

// window.pywebview.api.media: Stored files as the page sees them: never a path, only ids, tokens and pieces.
export interface MediaApi {
  // Ask for a photo, logo or document in the native open dialog, and check it; the checked
  // file is held for the form that sends its token. None if cancelled.
  chooseFile(purpose: "photo" | "logo" | "document"): Promise<PendingFile | null>;
  // The piece of a stored file from `offset` (1 MiB, base64).
  read(mediaId: number, offset: number): Promise<MediaChunk>;
  // The thumbnails of these stored images (those without one are left out).
  thumbnails(mediaIds: number[]): Promise<Thumbnail[]>;
  // Write a copy of a stored file where the coach chooses; None if cancelled.
  saveCopy(mediaId: number): Promise<SavedCopy | null>;
  // Open a stored file (a PDF) in the system's viewer.
  openExternally(mediaId: number): Promise<null>;
}

// window.pywebview.api.clubs: Clubs and the organisation's branding; every change answers them as they are now.
export interface ClubsApi {
  // Every club by name, with how many athletes belong to each.
  list(): Promise<Club[]>;
  // Add a club after checking its fields; a name already taken (in any case) is refused.
  create(data: ClubFields): Promise<Club[]>;
  // Change a club's name, short name, federation, city or contact.
  update(id: number, data: ClubFields): Promise<Club[]>;
  // Remove a club; its athletes stay, with no club, and its logo goes with it.
  delete(id: number): Promise<Club[]>;
  // Give a club the logo chosen with `media.chooseFile("logo")`; the old one is deleted.
  setLogo(id: number, token: string): Promise<Club[]>;
  // Take a club's logo away.
  removeLogo(id: number): Promise<Club[]>;
  // Who the app is branded for: its name, its logo and the prefix of new member IDs.
  getOrganisation(): Promise<Organisation>;
  // Set the organisation's name and the prefix of new member IDs.
  updateOrganisation(data: OrganisationFields): Promise<Organisation>;
  // Brand the app with the logo chosen with `media.chooseFile("logo")`.
  setOrganisationLogo(token: string): Promise<Organisation>;
  // Take the organisation's logo away.
  removeOrganisationLogo(): Promise<Organisation>;
}

// window.pywebview.api.tournaments: Tournaments as the page sees them; every change returns the tournament as it is now.
export interface TournamentsApi {
  // Every tournament, upcoming first, with its entries and conflicts counted.
  list(): Promise<TournamentSummary[]>;
  // One tournament: its copy of the rules, its entries and their conflicts.
  get(id: number): Promise<Tournament>;
  // Add a tournament, with a copy of the club's rules as they are now.
  create(data: TournamentFields): Promise<Tournament>;
  // Change a tournament's name, dates, place or notes; its medals follow.
  update(id: number, data: TournamentFields): Promise<Tournament>;
  // Remove a tournament and its entries; its medals stay as ordinary medals unless
  // `keepMedals` is false.
  delete(id: number, keepMedals: boolean): Promise<null>;
  // Take the club's rules again (until the entry deadline); entries keep their category and
  // class where the new copy has them.
  refreshRules(id: number): Promise<Tournament>;
  // Set a category's lowest belt and whether women and men may enter.
  setCategoryLimits(id: number, categoryId: number, data: CategoryLimits): Promise<Tournament>;
  // Enter athletes in their suggested category and class; those entered already are skipped
  // and counted.
  addEntries(id: number, athleteIds: number[]): Promise<EntriesAdded>;
  // Change an entry's age category, weight class or weigh-in.
  updateEntry(id: number, entryId: number, data: EntryFields): Promise<Tournament>;
  // Take entries out; a medal their result gave goes with them.
  removeEntries(id: number, entryIds: number[]): Promise<Tournament>;
  // Record an entry's place (null clears it); 1st to 3rd is a medal too.
  setResult(id: number, entryId: number, result: TournamentResult | null): Promise<Tournament>;
  // The tournaments an athlete entered, latest first, with their results.
  forAthlete(athleteId: number): Promise<AthleteTournament[]>;
  // Save the entry sheet as PDF, CSV or XLSX where the coach chooses in the save dialog
  // (offered as `entries_<tournament>_<date>`); null if they cancelled.
  saveEntrySheet(id: number, format: ExportFormat): Promise<SavedExport | null>;
}

// window.pywebview.api.exports: Saved exports as the page knows them: by a token, never by a path.
export interface ExportsApi {
  // Open a file saved a moment ago (its `SavedExport.token`) in the system's viewer.
  open(token: string): Promise<null>;
}

// window.pywebview.api.reports: Reports as the page sees them: what a request shows is what it saves.
export interface ReportsApi {
  // The report for `request`, as the page shows it.
  show(request: ReportRequest): Promise<ReportView>;
  // Save the report as PDF, CSV or XLSX where the coach chooses in the save dialog; null if
  // they cancelled.
  save(request: ReportRequest, format: ExportFormat): Promise<SavedExport | null>;
  // Open the report's PDF in the system's viewer, to print from there.
  print(request: ReportRequest): Promise<null>;
}

// window.pywebview.api.imports: A spreadsheet read once, previewed as often as the coach changes a setting, and imported in one transaction; the page holds only the file's token.
export interface ImportsApi {
  // The native open dialog, then the file read and previewed with the app's guesses; null if
  // the coach cancelled.
  chooseFile(): Promise<ImportPreview | null>;
  // What importing the file with these settings would do; nothing changes.
  preview(token: string, settings: ImportSettings): Promise<ImportPreview>;
  // Import the good rows in one transaction, after a safety copy that Undo puts back
  // (`system.previewUndo`, `system.undoRestore`); the page then says the athletes and clubs
  // changed.
  apply(token: string, settings: ImportSettings): Promise<ImportResult>;
  // The coach closed the preview: forget the file.
  discard(token: string): Promise<null>;
}

// window.pywebview.api.dashboard: The dashboard as the page sees it.
export interface DashboardApi {
  // The counts of `season` (null: this year), the medals of `medalSeason` (null: all time),
  // and what needs the coach's attention today.
  overview(season: number | null, medalSeason: number | null): Promise<Overview>;
}

// window.pywebview.api
export interface JudoManagerApi {
  system: SystemApi;
  athletes: AthletesApi;
  rules: RulesApi;
  media: MediaApi;
  clubs: ClubsApi;
  tournaments: TournamentsApi;
  exports: ExportsApi;
  reports: ReportsApi;
  imports: ImportsApi;
  dashboard: DashboardApi;
}

// The window events Python dispatches to the page.
export const BRIDGE_EVENTS = {
  progress: "judo-manager:progress",
  dataReplaced: "judo-manager:data-replaced",
} as const;

// The stable `code` of every error a bridge call can reject with.
export type ErrorCode = "backup" | "backup-verification" | "busy" | "conflict" | "damaged-database" | "data-folder" | "database" | "destination-exists" | "dialog" | "disk-full" | "export" | "file-in-use" | "folder-in-use" | "foreign-database" | "import-rejected" | "judo-manager" | "media-copy" | "media-refused" | "newer-database" | "not-a-database" | "not-found" | "read-only-data" | "restore" | "restore-rejected" | "stale-record" | "unexpected" | "validation" | "window-engine";

declare global {
  interface Window {
    pywebview?: { api: JudoManagerApi };
  }
}
