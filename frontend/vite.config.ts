import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const DEV_SERVER_PORT = 5173;

/**
 * The `<style>` elements that scripts insert, allowed by the hash of their text. When one
 * changes, tests/unit/test_content_security_policy.py fails with the new hash, or for the
 * last, the e2e test does (the app's log shows the hash Chromium expected).
 */
const INSERTED_STYLES = [
  // sonner (the toasts) adds its stylesheet from its script: `__insertCSS("...")` in
  // node_modules/sonner/dist/index.mjs. It appends the <style> empty and fills it after,
  // so the empty text is checked first; an empty <style> can do nothing.
  "sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY=",
  "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
  // pywebview's injected script adds `body {... user-select: none ...}` for a window with
  // `text_select=False`, as ours is: `disableTextCss` in webview/js/customize.js.
  "sha256-RoIvEyQwR8x7XAq0wvZTfMiswRYjOD0c8DenZVf2Kss=",
  // Radix's modal dialogs lock the page's scrolling with a <style> that react-remove-scroll-bar
  // writes at run time, with the width of the page's scrollbar in it: this is its text for
  // none, as the app's page has (it scrolls inside, never as a whole). Were there one, only
  // the lock would be refused: the page behind the dialog could scroll. Checked in the real
  // window by tests/e2e/test_bridge_guard.py, which opens a dialog.
  "sha256-nzTgYzXYDNe6BAHiiI7NNlfK8n/auuOAhh2t92YvuXo=",
];

/**
 * The page's Content-Security-Policy, written into index.html's `<meta http-equiv>`.
 *
 * A meta tag rather than a header: the built page is served by pywebview's own HTTP server,
 * which has no way to add a header, and the same index.html goes through the dev server
 * and into the bundle. What only a header can say (frame-ancestors, report-uri, sandbox)
 * the window doesn't need: it never leaves this page (backend/judo_manager/window/guards.py).
 *
 * Allowed, from the page's own origin only: the scripts and the stylesheet Vite emits, the
 * inserted styles above, images (the favicon) and fonts; and images the page holds itself
 * (`blob:`, `data:`: the athletes' photos and documents, read from Python). Refused: every other origin,
 * inline scripts, eval and `new Function`, frames, plugins, workers, forms, `<base>`,
 * fetch and WebSockets. pywebview's bridge script is injected by Qt rather than loaded, so
 * script-src doesn't apply to it, but it runs under the policy all the same: that is why
 * the window builds the api stubs without `new Function` and answers calls without the
 * `eval` of pywebview's `evaluate_js`.
 */
function policy(dev: boolean): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", ...INSERTED_STYLES.map((hash) => `'${hash}'`)],
    // Stored files never come from a URL: thumbnails cross the bridge as `data:` URLs, and
    // the viewer shows a whole image from the bytes it read, as a `blob:` object URL.
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
  };
  if (dev) {
    // `npm run dev` only: React's hot reload puts an inline module script in the page, Vite
    // adds each stylesheet as a <style> (with a hash listed, 'unsafe-inline' would be
    // ignored) and its client talks to the server over a WebSocket.
    directives["script-src"] = ["'self'", "'unsafe-inline'"];
    directives["style-src"] = ["'self'", "'unsafe-inline'"];
    directives["connect-src"] = ["'self'", `ws://localhost:${DEV_SERVER_PORT}`];
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

function contentSecurityPolicy(): Plugin {
  const placeholder = "%CONTENT_SECURITY_POLICY%";
  let dev = false;
  return {
    name: "judo-manager-content-security-policy",
    configResolved(config) {
      dev = config.command === "serve";
    },
    transformIndexHtml: {
      order: "pre",
      handler(html) {
        if (!html.includes(placeholder)) {
          throw new Error(`index.html must hold the policy's meta tag with ${placeholder}`);
        }
        return html.replace(placeholder, policy(dev));
      },
    },
  };
}

// The built page is served by pywebview's local HTTP server from
// backend/judo_manager/web, so every asset URL must be relative.
export default defineConfig({
  base: "./",
  plugins: [contentSecurityPolicy(), react(), tailwindcss()],
  build: {
    outDir: "../backend/judo_manager/web",
    emptyOutDir: true,
    // Read from the app's own folder, never downloaded, yet every byte of the first script is
    // parsed before the window is usable: the pages but the first and Recharts are chunks of
    // their own (app/pages.tsx, dashboard/CountsSection.tsx), and none is over the default
    // warning's 500 kB.
  },
  server: {
    port: DEV_SERVER_PORT,
    strictPort: true,
  },
});
