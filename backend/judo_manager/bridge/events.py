"""The window events Python pushes to the page (`window.dispatchEvent(new CustomEvent(...))`).

The page reads the same names from the generated `frontend/src/types/bridge.ts`.
"""

from __future__ import annotations

# Pushed while a backup or restore runs, with a `ProgressUpdate` as its detail.
PROGRESS_EVENT = "judo-manager:progress"
# Pushed after a restore or an undo replaced the whole database; every page reloads.
DATA_REPLACED_EVENT = "judo-manager:data-replaced"

BRIDGE_EVENTS = {"progress": PROGRESS_EVENT, "dataReplaced": DATA_REPLACED_EVENT}
