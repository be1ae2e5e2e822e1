import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../lib/bridge";
import { useDataEvent } from "../../lib/data-events";
import { fieldProblems } from "../../lib/field-problems";
import { errorMessage } from "../../lib/notify";
import type { ReportRequest, ReportView } from "../../types/bridge";

export interface Report {
  /** The latest answer: kept on screen while the next one is on its way. */
  view: ReportView | null;
  /** The request `view` answers: what Save and Print hand Python, so the file is what is shown. */
  shown: ReportRequest | null;
  /** True while the answer for the current request hasn't arrived. */
  busy: boolean;
  /** Why the current request has no answer, in the coach's words. */
  error: string | null;
  /** What Python refused in the request, by field (`fromDate`, `toDate`…). */
  fieldErrors: Record<string, string>;
  reload: () => void;
}

/** One request: what was asked, by identity, so "is this the answer to now?" is a comparison. */
interface Request {
  request: ReportRequest;
  dataVersion: number;
  reloads: number;
}

interface Answer {
  request: Request | null;
  view: ReportView | null;
  shown: ReportRequest | null;
  error: string | null;
  fieldErrors: Record<string, string>;
}

const NO_FIELD_ERRORS: Record<string, string> = {};

/**
 * `reports.show` for `request`, asked again on every change (a filter, a column, a sort) and
 * after any change to the data a report reads, or to the language Python writes it in. Only
 * the newest request's answer is used, so quick clicks on headers never end on an older order.
 * `busy` is worked out while rendering, so the commit that shows a new filter already says so.
 */
export function useReport(request: ReportRequest): Report {
  const dataVersion = useDataEvent(
    "data-replaced",
    "athletes-changed",
    "rules-changed",
    "clubs-changed",
    "tournaments-changed",
    "language-changed",
  );
  const [reloads, setReloads] = useState(0);
  const asked = useMemo<Request>(() => ({ request, dataVersion, reloads }), [request, dataVersion, reloads]);
  const [answer, setAnswer] = useState<Answer>({
    request: null,
    view: null,
    shown: null,
    error: null,
    fieldErrors: NO_FIELD_ERRORS,
  });
  const latest = useRef<Request | null>(null);

  useEffect(() => {
    latest.current = asked;
    api()
      .reports.show(asked.request)
      .then(
        (view) => {
          if (latest.current !== asked) return;
          setAnswer({ request: asked, view, shown: asked.request, error: null, fieldErrors: NO_FIELD_ERRORS });
        },
        (err: unknown) => {
          if (latest.current !== asked) return;
          // A refused filter (a period that ends before it starts) keeps the last report on
          // screen under the field that says why; any other failure shows no rows rather than
          // rows that no longer answer the filters above them.
          const fields = fieldProblems(err)?.fields;
          if (fields && Object.keys(fields).length > 0) {
            setAnswer((last) => ({ ...last, request: asked, error: null, fieldErrors: fields }));
          } else {
            setAnswer({ request: asked, view: null, shown: null, error: errorMessage(err), fieldErrors: NO_FIELD_ERRORS });
          }
        },
      );
    return () => {
      if (latest.current === asked) latest.current = null;
    };
  }, [asked]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return {
    view: answer.view,
    shown: answer.shown,
    busy: answer.request !== asked,
    error: answer.error,
    fieldErrors: answer.fieldErrors,
    reload,
  };
}
