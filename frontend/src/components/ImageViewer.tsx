import { Maximize2Icon, ZoomInIcon, ZoomOutIcon } from "lucide-react";
import { useEffect, useReducer, useRef, useState, type PointerEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatCount } from "../lib/format";
import { readMediaBlob } from "../lib/media";
import { errorMessage } from "../lib/notify";
import { useDelayedFlag } from "../lib/use-delayed-flag";
import { Button } from "./ui/Button";
import { Dialog } from "./ui/Dialog";
import { ProgressBar } from "./ui/ProgressBar";
import { Spinner } from "./ui/Spinner";

interface ImageViewerProps {
  /** The stored image to show (read from Python in pieces, shown from memory). */
  mediaId: number;
  /** The dialog's heading, e.g. "Photo of Kenji Abe" or a document's title. */
  title: string;
  /** Beside the zoom buttons, e.g. "Save a copy…". */
  actions?: ReactNode;
  onClose: () => void;
}

type Loading =
  | { status: "loading"; fraction: number }
  | { status: "error"; message: string }
  | { status: "loaded"; url: string };

interface Size {
  width: number;
  height: number;
}

/** Where the image sits: its scale, and how far its centre is from the stage's, in pixels. */
interface View {
  scale: number;
  x: number;
  y: number;
}

interface Point {
  x: number;
  y: number;
}

interface Geometry {
  /** The image's own size, once it has loaded. */
  natural: Size | null;
  /** The room it is shown in. */
  stage: Size | null;
}

const CENTRE: Point = { x: 0, y: 0 };
const PAN_KEYS: Record<string, [number, number] | undefined> = {
  ArrowLeft: [60, 0],
  ArrowRight: [-60, 0],
  ArrowUp: [0, 60],
  ArrowDown: [0, -60],
};

/** One press of +/− (or a button) zooms by a quarter. */
const ZOOM_STEP = 1.25;
const MAX_SCALE = 8;
/** How much one pixel of wheel turns the zoom; a mouse notch is about 100 px, a pinch sends many small ones. */
const WHEEL_ZOOM_PER_PX = 0.0025;

/**
 * A stored image in a modal, zoomable and movable: the buttons, +/−/0 on the keyboard, the
 * mouse wheel or a pinch, and a drag (or the arrow keys) once it is larger than the window.
 * The image is read into an object URL (the page's policy allows `blob:` images), given back
 * when the viewer closes. Escape closes; the focus stays inside while it is open.
 */
export function ImageViewer({ mediaId, title, actions, onClose }: ImageViewerProps) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState<Loading>({ status: "loading", fraction: 0 });
  const showProgress = useDelayedFlag(loading.status === "loading");

  useEffect(() => {
    let closed = false;
    let url: string | null = null;
    setLoading({ status: "loading", fraction: 0 });
    readMediaBlob(mediaId, (read, total) => {
      if (!closed) setLoading({ status: "loading", fraction: total > 0 ? read / total : 1 });
    }).then(
      (blob) => {
        if (closed) return;
        url = URL.createObjectURL(blob);
        setLoading({ status: "loaded", url });
      },
      (err: unknown) => {
        if (!closed) setLoading({ status: "error", message: errorMessage(err) });
      },
    );
    return () => {
      closed = true;
      // The bytes stay in memory until the URL is given back.
      if (url) URL.revokeObjectURL(url);
    };
  }, [mediaId]);

  return (
    <Dialog title={title} onClose={onClose} width="xl">
      {loading.status === "loaded" ? (
        <ZoomableImage
          key={loading.url}
          url={loading.url}
          alt={title}
          actions={actions}
          onUnreadable={() => setLoading({ status: "error", message: t("viewer.unreadable") })}
        />
      ) : (
        <div className="px-7 pt-5 pb-7">
          {loading.status === "loading" ? (
            <div className="flex h-[min(60vh,32rem)] flex-col items-center justify-center gap-4 rounded-xl bg-slate-100">
              {showProgress ? (
                <div className="w-72 max-w-full">
                  <ProgressBar fraction={loading.fraction} label={t("viewer.progressLabel")} status={t("viewer.loading")} />
                </div>
              ) : (
                <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
                  <Spinner /> {t("viewer.loading")}
                </p>
              )}
            </div>
          ) : (
            <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-800">
              <p className="font-semibold">{t("viewer.failed")}</p>
              <p className="mt-1">{loading.message}</p>
            </div>
          )}
          {actions ? <div className="mt-4 flex justify-end gap-2">{actions}</div> : null}
        </div>
      )}
    </Dialog>
  );
}

interface ZoomableImageProps {
  url: string;
  alt: string;
  actions?: ReactNode;
  /** The bytes arrived but are no image the engine can draw. */
  onUnreadable: () => void;
}

function ZoomableImage({ url, alt, actions, onUnreadable }: ZoomableImageProps) {
  const { t } = useTranslation();
  const stageRef = useRef<HTMLDivElement>(null);
  const [{ natural, stage, view }, dispatch] = useReducer(viewReducer, { natural: null, stage: null, view: null });
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ distance: number } | null>(null);

  useEffect(() => {
    const element = stageRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      dispatch({ type: "resized", stage: { width: element.clientWidth, height: element.clientHeight } }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const fitted = fitScale({ natural, stage });
  const shown: View = view ?? { scale: fitted, x: 0, y: 0 };
  const canPan = overflows({ natural, stage }, shown.scale);

  // Not React's onWheel, which is passive: the wheel must zoom the image, not scroll the
  // dialog, and a pinch (a wheel with Ctrl) must not zoom the whole app (lib/preferences).
  useEffect(() => {
    const element = stageRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      event.stopPropagation();
      const pixels = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 16 : event.deltaY;
      const factor = Math.exp(-pixels * WHEEL_ZOOM_PER_PX);
      dispatch({ type: "zoomBy", factor, at: fromCentre(element, event.clientX, event.clientY) });
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, []);

  // The keys work wherever the focus is in the viewer (the dialog itself, once the image is
  // in, or a button): the viewer is modal, so every key is its own while it is open.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      // With Ctrl, the same keys zoom the whole app (lib/preferences): left to it.
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const pan = PAN_KEYS[event.key];
      if (event.key === "+" || event.key === "=" || event.code === "NumpadAdd") {
        dispatch({ type: "zoomBy", factor: ZOOM_STEP });
      } else if (event.key === "-" || event.key === "_" || event.code === "NumpadSubtract") {
        dispatch({ type: "zoomBy", factor: 1 / ZOOM_STEP });
      } else if (event.key === "0" || event.code === "Numpad0") {
        dispatch({ type: "fit" });
      } else if (pan) {
        dispatch({ type: "pan", dx: pan[0], dy: pan[1] });
      } else {
        return;
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()];
      pinch.current = { distance: Math.hypot(a.x - b.x, a.y - b.y) };
    }
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const before = pointers.current.get(event.pointerId);
    if (!before) return;
    const now = { x: event.clientX, y: event.clientY };
    pointers.current.set(event.pointerId, now);
    if (pointers.current.size >= 2 && pinch.current) {
      // Two fingers: zoom by how far apart they moved, around the point between them.
      const [a, b] = [...pointers.current.values()];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinch.current.distance > 0) {
        const at = fromCentre(event.currentTarget, (a.x + b.x) / 2, (a.y + b.y) / 2);
        dispatch({ type: "zoomBy", factor: distance / pinch.current.distance, at });
      }
      pinch.current = { distance };
      return;
    }
    dispatch({ type: "pan", dx: now.x - before.x, dy: now.y - before.y });
  };
  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  };

  const percent = Math.round(shown.scale * 100);
  const isFitted = view === null;

  return (
    <div className="px-7 pt-4 pb-6">
      <div className="mb-3 flex flex-wrap items-center gap-2" role="group" aria-label={t("viewer.controls")}>
        <Button
          variant="secondary"
          size="sm"
          aria-label={t("viewer.zoomOut")}
          title={t("viewer.zoomOutHint")}
          disabled={natural === null || shown.scale <= fitted + 1e-6}
          onClick={() => dispatch({ type: "zoomBy", factor: 1 / ZOOM_STEP })}
          icon={<ZoomOutIcon aria-hidden="true" size={16} />}
        />
        <output
          aria-live="polite"
          aria-label={t("viewer.zoomLevelLabel")}
          className="min-w-14 text-center text-sm font-semibold text-slate-800 tabular-nums"
          data-testid="viewer-zoom"
        >
          {t("viewer.zoomLevel", { percent: formatCount(percent) })}
        </output>
        <Button
          variant="secondary"
          size="sm"
          aria-label={t("viewer.zoomIn")}
          title={t("viewer.zoomInHint")}
          disabled={natural === null || shown.scale >= MAX_SCALE - 1e-6}
          onClick={() => dispatch({ type: "zoomBy", factor: ZOOM_STEP })}
          icon={<ZoomInIcon aria-hidden="true" size={16} />}
        />
        <Button
          variant="secondary"
          size="sm"
          aria-pressed={isFitted}
          title={t("viewer.fitHint")}
          disabled={natural === null}
          onClick={() => dispatch({ type: "fit" })}
          icon={<Maximize2Icon aria-hidden="true" size={16} />}
        >
          {t("viewer.fit")}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          aria-pressed={!isFitted && percent === 100}
          disabled={natural === null}
          onClick={() => dispatch({ type: "zoomTo", scale: 1 })}
        >
          {t("viewer.actualSize")}
        </Button>
        {actions ? <div className="ml-auto flex gap-2">{actions}</div> : null}
      </div>
      <div
        ref={stageRef}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onDoubleClick={(event) =>
          dispatch(
            isFitted
              ? { type: "zoomTo", scale: 1, at: fromCentre(event.currentTarget, event.clientX, event.clientY) }
              : { type: "fit" },
          )
        }
        className={`relative h-[min(70vh,48rem)] touch-none overflow-hidden rounded-xl bg-slate-900 select-none ${canPan ? "cursor-grab active:cursor-grabbing" : ""}`}
        data-testid="viewer-stage"
      >
        <img
          src={url}
          alt={alt}
          draggable={false}
          onLoad={(event) => {
            const { naturalWidth, naturalHeight } = event.currentTarget;
            dispatch({ type: "loaded", natural: { width: naturalWidth || 1, height: naturalHeight || 1 } });
          }}
          onError={onUnreadable}
          style={{
            width: natural?.width,
            height: natural?.height,
            transform: `translate(-50%, -50%) translate(${shown.x}px, ${shown.y}px) scale(${shown.scale})`,
            visibility: natural ? "visible" : "hidden",
          }}
          className="absolute top-1/2 left-1/2 max-w-none origin-center"
        />
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("viewer.help")}</p>
    </div>
  );
}

/** The scale at which the whole image fits the stage; never above 100%, a small image isn't blown up. */
function fitScale({ natural, stage }: Geometry): number {
  if (!natural || !stage) return 1;
  return Math.min(1, stage.width / natural.width, stage.height / natural.height);
}

/** True when the image at `scale` is larger than the stage, so there is somewhere to move it. */
function overflows({ natural, stage }: Geometry, scale: number): boolean {
  if (!natural || !stage) return false;
  return natural.width * scale > stage.width + 0.5 || natural.height * scale > stage.height + 0.5;
}

/** The view at `scale` (within fit..800%), with the point under `at` staying where it is. */
function zoomed(from: View, scale: number, at: Point, fit: number): View {
  const next = Math.min(MAX_SCALE, Math.max(fit, scale));
  const ratio = next / from.scale;
  return { scale: next, x: at.x - (at.x - from.x) * ratio, y: at.y - (at.y - from.y) * ratio };
}

/** Keeps the image over the stage: a zoomed image's edge never comes inside the stage's. */
function clamp(view: View, { natural, stage }: Geometry, fit: number): View {
  if (!natural || !stage) return view;
  const scale = Math.min(MAX_SCALE, Math.max(fit, view.scale));
  const spareX = Math.max(0, (natural.width * scale - stage.width) / 2);
  const spareY = Math.max(0, (natural.height * scale - stage.height) / 2);
  return {
    scale,
    x: Math.min(spareX, Math.max(-spareX, view.x)),
    y: Math.min(spareY, Math.max(-spareY, view.y)),
  };
}

interface ViewState extends Geometry {
  /** null: fitted to the stage, following it as the window is resized. */
  view: View | null;
}

type ViewAction =
  | { type: "loaded"; natural: Size }
  | { type: "resized"; stage: Size }
  | { type: "zoomBy"; factor: number; at?: Point }
  | { type: "zoomTo"; scale: number; at?: Point }
  | { type: "pan"; dx: number; dy: number }
  | { type: "fit" };

/** Every change of the view from the one it is now, however quickly the events come. */
function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case "loaded":
      return { ...state, natural: action.natural, view: null };
    case "resized": {
      const resized = { ...state, stage: action.stage };
      return { ...resized, view: resized.view && clamp(resized.view, resized, fitScale(resized)) };
    }
    case "fit":
      return { ...state, view: null };
  }
  if (!state.natural || !state.stage) return state;
  const fit = fitScale(state);
  const from = state.view ?? { scale: fit, x: 0, y: 0 };
  const at = "at" in action && action.at ? action.at : CENTRE;
  const next =
    action.type === "pan"
      ? { ...from, x: from.x + action.dx, y: from.y + action.dy }
      : zoomed(from, action.type === "zoomBy" ? from.scale * action.factor : action.scale, at, fit);
  return { ...state, view: clamp(next, state, fit) };
}

/** A point of the window as seen from the centre of `stage`. */
function fromCentre(stage: Element, clientX: number, clientY: number): Point {
  const box = stage.getBoundingClientRect();
  return { x: clientX - box.left - box.width / 2, y: clientY - box.top - box.height / 2 };
}
