import { LucideProvider } from "lucide-react";
import { Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notifications } from "../components/ui/Notifications";
import { Spinner } from "../components/ui/Spinner";
import { BackupReminder } from "../features/backup/BackupReminder";
import { ImportDialog } from "../features/imports/ImportDialog";
import { RescueScreen } from "../features/rescue/RescueScreen";
import { RestoreConfirmDialog } from "../features/restore/RestoreConfirmDialog";
import { undoLastRestore, useRestore } from "../features/restore/use-restore";
import { dataProblem, useDataProblem } from "../lib/app-info";
import { firstScreen } from "../lib/first-screen";
import { currentLanguage } from "../lib/i18n";
import { languageSettings, useLanguageSettings } from "../lib/language";
import { installZoomKeys } from "../lib/preferences";
import { useBridge } from "../lib/use-bridge";
import { onGoTo } from "../lib/navigation";
import { pageById, pageOf, PAGES, preloadPages, type PageId } from "./pages";
import { Sidebar } from "./Sidebar";

/** What Python said about the first screen in the page's address, when it did. */
const TOLD = firstScreen();
/** If Python hasn't answered by then, say so (calmly). */
const SLOW_START_MS = 15_000;
/** How long after the first screen the other pages' code loads: once it has drawn and settled. */
const PRELOAD_PAGES_AFTER_MS = 2_000;

export function App() {
  const ready = useBridge();
  // Ctrl+plus/minus/0 and Ctrl+wheel, on every screen, once Python can keep the zoom.
  useEffect(() => (ready ? installZoomKeys() : undefined), [ready]);
  useEffect(() => {
    if (ready) askForTheFirstScreen();
  }, [ready]);
  return (
    // Icons are 20 px with a light stroke unless they say otherwise (16 px beside small text).
    <LucideProvider size={20} strokeWidth={1.8}>
      {ready ? <LanguageGate /> : <Starting />}
      <Notifications />
    </LucideProvider>
  );
}

/**
 * What the gates below and the first page wait for, asked the moment Python can answer and
 * side by side, rather than each gate's question after the one before has been answered:
 * the language and the data's health together, and the first page's data. That is written
 * in the language, so it waits for Python's word on it unless the page's address already
 * gave it. The gates' own requests join these.
 */
function askForTheFirstScreen(): void {
  void dataProblem.reload();
  const language = languageSettings.reload();
  if (TOLD?.language === currentLanguage()) PAGES[0].onNavigate();
  else void language.then(() => PAGES[0].onNavigate());
}

function Starting() {
  const { t } = useTranslation();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), SLOW_START_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div role="status" className="flex h-screen flex-col items-center justify-center gap-4 bg-slate-50 px-6 text-center">
      <Spinner className="size-8 text-blue-600" />
      <p className="text-lg font-medium text-slate-700">{t("app.starting")}</p>
      {slow ? <p className="max-w-sm text-sm text-slate-500">{t("app.slowStart")}</p> : null}
    </div>
  );
}

/**
 * Nothing is shown in a language the coach didn't choose: the pages wait for Python's word,
 * unless the page's address gave it (then they follow Python's answer when it comes).
 */
function LanguageGate() {
  const language = useLanguageSettings();
  // A failed read is no reason to keep the coach out: the pages speak the system's language.
  const waiting = language.status === "loading" && TOLD?.language !== currentLanguage();
  return waiting ? <Starting /> : <DataGate />;
}

/**
 * The pages, unless the club's data on this computer is damaged: then the rescue screen,
 * which restores a backup through the same checked, previewed restore as Settings.
 */
function DataGate() {
  const problem = useDataProblem();
  const { stage, chooseFile } = useRestore();
  // The data opened at start (the page's address says so): the pages need not wait.
  if (problem.status === "loading" && !TOLD?.dataOpened) return <Starting />;
  if (problem.status === "loaded" && problem.value) {
    return (
      <>
        <RescueScreen
          message={problem.value.message}
          onRestore={() => void chooseFile()}
          busy={stage !== "idle"}
        />
        <RestoreConfirmDialog />
      </>
    );
  }
  // A failed check is no reason to keep the coach out: the pages say what fails.
  return <Shell />;
}

function Shell() {
  const { t } = useTranslation();
  const [pageId, setPageId] = useState<PageId>(PAGES[0].id);
  const page = pageById(pageId);
  const navigate = (next: PageId) => {
    // The sidebar entry always opens the page at its start (the roster, not the athlete
    // last opened from it); the page's own state, such as the roster's filters, stays.
    pageById(next).onNavigate?.();
    setPageId(next);
  };
  // A link inside a page: its page takes up what the link asks for, then shows.
  useEffect(
    () =>
      onGoTo((destination) => {
        const target = pageOf(destination);
        if (!target) return;
        target.onArrive?.(destination);
        setPageId(target.id as PageId);
      }),
    [],
  );

  useEffect(() => {
    const timer = window.setTimeout(preloadPages, PRELOAD_PAGES_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, []);

  const title = t(page.titleKey);
  const windowTitle = t("app.windowTitle", { page: title });
  useEffect(() => {
    document.title = windowTitle;
  }, [windowTitle]);

  const PageContent = page.component;
  return (
    <div className="flex h-full overflow-hidden bg-slate-50 text-slate-900">
      <Sidebar current={pageId} onNavigate={navigate} />
      {/* The heading stays; below it, one scroll container per page ("fills" pages scroll
          inside themselves). `relative` keeps the screen-reader-only text of a page inside
          it: positioned against the window, it stretched the document past the app. */}
      <main className="relative flex min-w-0 flex-1 flex-col overflow-hidden">
        {/* Compact in a low window, where every line is a roster row less. */}
        <header className="flex shrink-0 flex-wrap items-center justify-between gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-5 py-6 lg:px-10 [@media(max-height:700px)]:py-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            <p className="mt-1 text-sm text-slate-600 [@media(max-height:700px)]:sr-only">{t(page.subtitleKey)}</p>
          </div>
          {/* Beside the title rather than above the page: it covers nothing and, in a low
              window, costs the roster no row. */}
          <BackupReminder />
        </header>
        <div
          key={page.id}
          className={
            page.layout === "fills"
              ? "relative flex min-h-0 flex-1 flex-col"
              : "relative min-h-0 flex-1 overflow-y-auto overscroll-contain"
          }
        >
          {/* Every page but the first loads its code when first shown (app/pages.tsx). */}
          <Suspense fallback={<PageLoading />}>
            {page.layout === "fills" ? (
              <PageContent />
            ) : (
              <div className="max-w-3xl px-5 py-8 lg:px-10">
                <PageContent />
              </div>
            )}
          </Suspense>
        </div>
      </main>
      {/* Here rather than in the card: it opens even if the coach left Settings meanwhile. */}
      <RestoreConfirmDialog />
      {/* The same for the import's dialog, whose undo is the restore's: Python puts back the
          safety copy the import took, and the restore's dialogs confirm it. */}
      <ImportDialog onUndo={() => void undoLastRestore()} />
    </div>
  );
}

/** While a page's code loads (only the first time it opens, if it wasn't preloaded). */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="flex items-center gap-2 px-5 py-8 text-sm text-slate-600 lg:px-10">
      <Spinner className="size-4" />
      {t("status.loading")}
    </p>
  );
}
