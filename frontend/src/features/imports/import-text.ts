import type { DateOrder, ImportField, SheetFormat } from "../../types/bridge";

/** Each field a column can go into, in the order the select lists them (the form's order). */
export const FIELD_KEY = {
  fullName: "fields.fullName",
  firstName: "fields.firstName",
  lastName: "fields.lastName",
  birthDate: "fields.birthDate",
  sex: "fields.sex",
  belt: "fields.belt",
  weight: "fields.weight",
  club: "fields.club",
  memberId: "fields.memberId",
  joinedOn: "fields.joinedOn",
  licenceNumber: "fields.licenceNumber",
  licenceValidUntil: "fields.licenceValidUntil",
  medicalValidUntil: "fields.medicalValidUntil",
  phone: "fields.phone",
  email: "fields.email",
  guardianName: "fields.guardianName",
  guardianPhone: "fields.guardianPhone",
  address: "fields.address",
  school: "fields.school",
  notes: "fields.notes",
} as const satisfies Record<ImportField, string>;

export const FIELDS = Object.keys(FIELD_KEY) as ImportField[];

/** The kind of file, as the coach knows it. */
export const FORMAT_KEY = {
  xlsx: "file.formats.xlsx",
  csv: "file.formats.csv",
  ods: "file.formats.ods",
  xls: "file.formats.xls",
} as const satisfies Record<SheetFormat, string>;

/** A CSV's separator by name: a lone ";" or a tab can't be read aloud or seen. */
export const SEPARATOR_KEY: Readonly<Record<string, "file.separators.comma" | "file.separators.semicolon" | "file.separators.tab">> = {
  ",": "file.separators.comma",
  ";": "file.separators.semicolon",
  "\t": "file.separators.tab",
};

/** The two readings of an ambiguous date that the coach chooses between (year-first is never ambiguous). */
export const DATE_ORDER_KEY = {
  dmy: "dates.dmy",
  mdy: "dates.mdy",
} as const satisfies Partial<Record<DateOrder, string>>;
