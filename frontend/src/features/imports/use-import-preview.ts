import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../lib/bridge";
import { errorMessage } from "../../lib/notify";
import type { ImportPreview, ImportSettings } from "../../types/bridge";

export interface ImportPreviewState {
  /** The answer for the newest settings, or the last one until it arrives. */
  preview: ImportPreview;
  /** True while the answer for the current settings hasn't arrived. */
  busy: boolean;
  /** Why the preview for the current settings failed; its counts aren't shown then. */
  error: string | null;
  reload: () => void;
}

/** One request, by identity: "is this the answer to now?" is a comparison. */
interface Request {
  settings: ImportSettings;
  reloads: number;
}

/**
 * The preview of the file behind `first.token` with `settings`, asked for again on every
 * change (a column's field, the date order, skip or fill). Only the newest request's answer
 * is used, so two quick changes can never end on the older one's counts; `busy` is worked out
 * while rendering, as in lib/use-roster, so the commit that shows a new choice already says
 * its counts are on their way. The first settings are Python's guesses, whose answer is
 * `first`: they aren't asked for again.
 */
export function useImportPreview(first: ImportPreview, settings: ImportSettings): ImportPreviewState {
  const [reloads, setReloads] = useState(0);
  const request = useMemo<Request>(() => ({ settings, reloads }), [settings, reloads]);
  const [firstRequest] = useState(request);
  const [answer, setAnswer] = useState<{ request: Request; preview: ImportPreview; error: string | null }>({
    request,
    preview: first,
    error: null,
  });
  const latest = useRef<Request | null>(null);

  useEffect(() => {
    if (request === firstRequest) return;
    latest.current = request;
    api()
      .imports.preview(first.token, request.settings)
      .then(
        (preview) => {
          if (latest.current === request) setAnswer({ request, preview, error: null });
        },
        (err: unknown) => {
          // The last counts stay in memory, but aren't shown beside choices they don't fit.
          if (latest.current === request) setAnswer((last) => ({ ...last, request, error: errorMessage(err) }));
        },
      );
    // Closing the dialog, or asking again, drops an answer still on its way.
    return () => {
      if (latest.current === request) latest.current = null;
    };
  }, [request, firstRequest, first.token]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { preview: answer.preview, busy: answer.request !== request, error: answer.error, reload };
}
