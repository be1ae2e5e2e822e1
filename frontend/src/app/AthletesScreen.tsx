import { AthletesPage } from "../features/athletes/AthletesPage";
import { ImportButton } from "../features/imports/ImportButton";

/**
 * The roster with the import from a spreadsheet beside "Add athlete" (its dialog is the
 * shell's). A module of its own: the page registry loads it when it is first shown.
 */
export function AthletesScreen() {
  return <AthletesPage importAction={<ImportButton />} />;
}
