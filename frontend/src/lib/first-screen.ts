/**
 * What Python says about the first screen in the page's address, so that it draws the
 * moment the bridge is there instead of after two questions over it: the language the coach
 * chose, its formats, and whether the club's data opened (window/pages.py `FirstScreen`
 * writes it, e.g. `index.html#language=id&formats=id-ID&data=ok`).
 *
 * It is a head start, never the last word: the page still asks Python, and follows the
 * answer. When the coach chooses another language, the address is kept up to date, so a
 * reload of the page speaks it from its first frame too.
 */
export interface FirstScreen {
  language: string;
  formats: string;
  /** False when the data was damaged at start: the page then waits for the rescue's word. */
  dataOpened: boolean;
}

const LANGUAGE = "language";
const FORMATS = "formats";
const DATA = "data";
const DATA_OPENED = "ok";

/** What the address says, or null when it says nothing usable (the dev server, a test). */
export function firstScreen(): FirstScreen | null {
  const fields = new URLSearchParams(window.location.hash.slice(1));
  const language = fields.get(LANGUAGE);
  const formats = fields.get(FORMATS);
  const data = fields.get(DATA);
  if (!language || !formats || !data) return null;
  return { language, formats, dataOpened: data === DATA_OPENED };
}

/** Keep the language now spoken in the address, for a reload of the page. */
export function keepLanguage(language: string, formats: string): void {
  const fields = new URLSearchParams(window.location.hash.slice(1));
  if (!fields.has(DATA)) return; // no address of Python's to keep up to date
  fields.set(LANGUAGE, language);
  fields.set(FORMATS, formats);
  // Replacing the entry changes no page and asks Python nothing.
  window.history.replaceState(window.history.state, "", `#${fields.toString()}`);
}
