import { errorCode } from "./bridge";
import type { FieldProblems } from "../types/bridge";

function isFieldProblems(value: unknown): value is FieldProblems {
  if (typeof value !== "object" || value === null) return false;
  const { message, fields } = value as Record<string, unknown>;
  return (
    typeof message === "string" &&
    typeof fields === "object" &&
    fields !== null &&
    Object.values(fields).every((text) => typeof text === "string")
  );
}

/**
 * The per-field problems of a form Python refused, or null for any other error. Python
 * raises a ValidationError whose message is a FieldProblems object written as JSON.
 */
export function fieldProblems(err: unknown): FieldProblems | null {
  if (!(err instanceof Error) || errorCode(err) !== "validation") return null;
  try {
    const parsed: unknown = JSON.parse(err.message);
    return isFieldProblems(parsed) ? parsed : null;
  } catch {
    // Not JSON after all: the message is plain text and is shown as it is.
    return null;
  }
}
