"""axe-core in the real window: WCAG 2 A/AA checks of whatever the page shows, settled.

The page's Content-Security-Policy refuses `add_script_tag`, so axe's source is evaluated
over CDP (which the policy doesn't govern), and axe is called through a function, not a
string, since a string would need `eval` inside the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_SOURCE = Path(__file__).resolve().parents[2] / "frontend/node_modules/axe-core/axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _inject(page: Page) -> None:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE.read_text())


def violations(page: Page, context: str | None = None) -> list[dict[str, Any]]:
    """axe's WCAG 2 A/AA violations in `context` (a CSS selector), else in the whole page."""
    _inject(page)
    result: list[dict[str, Any]] = page.evaluate(
        """async ([context, tags]) => {
          // What the coach sees once it settles: a toast or a dialog still fading in has
          // colours halfway, which axe would measure as they are at that instant. Endless
          // animations (a spinner) never finish, and are left running.
          const settle = () => Promise.all(
            document.getAnimations()
              .filter((a) => a.effect?.getTiming().iterations !== Infinity)
              .map((a) => a.finished.catch(() => undefined)),
          );
          // A fade that starts while axe reads the page (a toast whose time is up) would be
          // measured halfway too: then axe reads the page again, once it has settled.
          let moved = false;
          const mark = () => { moved = true; };
          const starts = ["transitionrun", "animationstart"];
          starts.forEach((type) => document.addEventListener(type, mark, true));
          const options = { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] };
          // While a modal dialog is open, the page behind it takes no pointer (Radix sets
          // pointer-events: none on the body), and axe, which finds what lies on top with
          // elementsFromPoint, then sees the dialog's backdrop over the toasts, which are
          // drawn above it, and measures their colours dimmed. The toasts are checked
          // whenever no dialog is open.
          const modal = document.querySelector('[aria-modal="true"]') !== null;
          const target = context
            ?? (modal ? { exclude: [['section[aria-label^="Notifications"]']] } : document);
          let found;
          try {
            for (let attempt = 0; attempt < 5; attempt += 1) {
              await settle();
              moved = false;
              found = await window.axe.run(target, options);
              if (!moved) break;
            }
          } finally {
            starts.forEach((type) => document.removeEventListener(type, mark, true));
          }
          return found.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
          }));
        }""",
        [context, WCAG_TAGS],
    )
    return result


def describe(found: list[dict[str, Any]]) -> str:
    """The violations as a list a person can read: rule, what it asks, and each element."""
    lines = []
    for violation in found:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(str(node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def expect_no_violations(page: Page, what: str, context: str | None = None) -> None:
    """Fail with a readable list when axe finds any WCAG 2 A/AA violation on `page`."""
    found = violations(page, context)
    assert not found, f"accessibility problems on {what}:\n{describe(found)}"
