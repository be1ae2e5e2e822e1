"""The load of bench/start.py: a second Qt WebEngine window, busy drawing beside the app.

A plain PySide6 QWebEngineView (its own browser and renderer processes, as the app's are)
on a page that redraws a full-window canvas every animation frame: 3,000 translucent
circles on a 1200 x 800 canvas, rasterised in software under Xvfb. It prints "busy" once the
page has drawn its first frame, then draws until it is ended.

    .venv/bin/python bench/_busy_window.py
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

CIRCLES_PER_FRAME = 3000
PAGE = f"""<!doctype html><html><body style="margin:0"><canvas></canvas><script>
const canvas = document.querySelector("canvas");
canvas.width = 1200; canvas.height = 800;
const ctx = canvas.getContext("2d");
let frames = 0;
function frame(now) {{
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, 1200, 800);
  for (let i = 0; i < {CIRCLES_PER_FRAME}; i++) {{
    ctx.fillStyle = `hsla(${{(i + now / 10) % 360}}, 80%, 50%, 0.3)`;
    ctx.beginPath();
    ctx.arc(600 + 500 * Math.sin(i + now / 700), 400 + 350 * Math.cos(i * 1.3 + now / 900),
            10 + (i % 40), 0, 2 * Math.PI);
    ctx.fill();
  }}
  if (++frames === 1) document.title = "busy";
  requestAnimationFrame(frame);
}}
requestAnimationFrame(frame);
</script></body></html>"""


def main() -> None:
    """Show the busy page until the process is ended."""
    app = QApplication(sys.argv)
    view = QWebEngineView()
    view.resize(1200, 800)

    def on_title(title: str) -> None:
        if title == "busy":
            print("busy", flush=True)

    view.titleChanged.connect(on_title)
    view.setHtml(PAGE, QUrl("about:blank"))
    view.show()
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
