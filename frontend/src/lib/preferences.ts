import type { WindowPreferences } from "../types/bridge";
import { api } from "./bridge";
import { translate } from "./i18n";
import { notifyError } from "./notify";
import { createResource, useResource, type Loadable } from "./resource";

/** This computer's choices for the window (zoom, backup reminder), kept by Python. */
export const preferences = createResource<WindowPreferences>({
  load: () => api().system.getPreferences(),
  staleOn: [],
});

export function usePreferences(): Loadable<WindowPreferences> {
  return useResource(preferences);
}

/** The usual browser steps; Python refuses anything else. */
const ZOOM_LEVELS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
/** A mouse wheel's notch; a touchpad's pinch sends many small deltas that add up to it. */
const WHEEL_STEP = 100;

let zoom = 1;
let wheelDelta = 0;
/** Zoom requests go to Python one after another, so quick presses land in order. */
let queue: Promise<void> = Promise.resolve();

function zoomTo(next: number): void {
  if (next === zoom) return;
  zoom = next;
  queue = queue.then(async () => {
    try {
      preferences.set(await api().system.setZoom(next));
    } catch (err) {
      notifyError(err, translate("zoom.failed"));
    }
  });
}

function step(direction: 1 | -1): void {
  // The nearest step in that direction from wherever the zoom is now.
  const index = ZOOM_LEVELS.findIndex((level) => level >= zoom - 0.001);
  const from = index === -1 ? ZOOM_LEVELS.length - 1 : index;
  const at = Math.abs(ZOOM_LEVELS[from] - zoom) < 0.001 ? from : direction === 1 ? from - 1 : from;
  const next = ZOOM_LEVELS[Math.min(ZOOM_LEVELS.length - 1, Math.max(0, at + direction))];
  zoomTo(next);
}

function onKeyDown(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  // "+" is Shift+"=" on many layouts; the keypad has its own keys.
  if (event.key === "+" || event.key === "=" || event.code === "NumpadAdd") step(1);
  else if (event.key === "-" || event.code === "NumpadSubtract") step(-1);
  else if (event.key === "0" || event.code === "Numpad0") zoomTo(1);
  else return;
  event.preventDefault();
}

function onWheel(event: WheelEvent): void {
  if (!event.ctrlKey) return;
  event.preventDefault();
  wheelDelta += event.deltaY;
  if (Math.abs(wheelDelta) < WHEEL_STEP) return;
  step(wheelDelta < 0 ? 1 : -1);
  wheelDelta = 0;
}

/**
 * Ctrl+plus, Ctrl+minus, Ctrl+0 and Ctrl+wheel zoom the page, from 50% to 200%, as in a
 * browser; Python applies it to the window and keeps it for the next start. Once, at start.
 */
export function installZoomKeys(): () => void {
  void preferences.reload().then(() => {
    const state = preferences.store.get().state;
    if (state.status === "loaded") zoom = state.value.zoom;
  });
  window.addEventListener("keydown", onKeyDown);
  // Not passive: the page must not scroll while the wheel zooms.
  window.addEventListener("wheel", onWheel, { passive: false });
  return () => {
    window.removeEventListener("keydown", onKeyDown);
    window.removeEventListener("wheel", onWheel);
  };
}
