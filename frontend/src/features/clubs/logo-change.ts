import type { PendingFile } from "../../types/bridge";

/**
 * What Save does to a logo: nothing, take the file chosen (Python holds it behind its token
 * until then), or remove the one there. Nothing changes before Save, so Cancel means it.
 */
export type LogoChange = { kind: "keep" } | { kind: "choose"; file: PendingFile } | { kind: "remove" };

export const KEEP_LOGO: LogoChange = { kind: "keep" };

/**
 * Carries out `change` once the rest of the form is saved: `setLogo` with the chosen file's
 * token, or `removeLogo`. The answer of the call, or null when there was nothing to do.
 */
export async function applyLogoChange<T>(
  change: LogoChange,
  setLogo: (token: string) => Promise<T>,
  removeLogo: () => Promise<T>,
): Promise<T | null> {
  if (change.kind === "choose") return setLogo(change.file.token);
  if (change.kind === "remove") return removeLogo();
  return null;
}
