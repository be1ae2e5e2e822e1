import type { ErrorCode, JudoManagerApi } from "../types/bridge";
import { translate } from "./i18n";

/** The window event pywebview fires once `window.pywebview.api` is injected. */
export const BRIDGE_READY_EVENT = "pywebviewready";

/**
 * True when the Python bridge can take calls.
 *
 * pywebview creates `window.pywebview.api` before the transport is connected;
 * on Qt (platform "qtwebengine") calls only work once its QWebChannel exists,
 * which is also the moment `pywebviewready` fires. So when we arrive after the
 * event, we check for that channel rather than for the api object alone.
 */
export function isBridgeReady(): boolean {
  const bridge = window.pywebview as
    | (Partial<{ api: Partial<JudoManagerApi> }> & {
        platform?: string;
        _QWebChannel?: unknown;
      })
    | undefined;
  if (typeof bridge?.api?.system?.getAppInfo !== "function") return false;
  if (bridge.platform === "qtwebengine" && !bridge._QWebChannel) return false;
  return true;
}

/**
 * The one typed entry point to Python. Components call `api().system...`
 * and never touch `window.pywebview` themselves.
 */
export function api(): JudoManagerApi {
  const bridge = window.pywebview;
  if (!bridge) {
    throw new Error(translate("errors.stillStarting"));
  }
  return bridge.api;
}

/**
 * The stable code of an error a bridge call rejected with ("stale-record"), for the page to
 * react to an error without reading its text, which is in the coach's language; null for
 * any other error.
 */
export function errorCode(err: unknown): ErrorCode | null {
  if (!(err instanceof Error)) return null;
  const code: unknown = (err as Error & { code?: unknown }).code;
  return typeof code === "string" ? (code as ErrorCode) : null;
}
