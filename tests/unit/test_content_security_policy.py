"""The page's Content-Security-Policy allows exactly the `<style>` elements that scripts insert.

frontend/vite.config.ts lists them by hash, as the policy has no 'unsafe-inline'; if sonner or
pywebview change what they insert, the toasts or the window's text selection would quietly
lose their styles. Each hash is taken here from the installed package itself.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import webview

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def _listed_hashes() -> set[str]:
    config = (FRONTEND / "vite.config.ts").read_text()
    block = re.search(r"const INSERTED_STYLES = \[(.*?)\];", config, re.DOTALL)
    assert block, "vite.config.ts has no INSERTED_STYLES list"
    return set(re.findall(r'"(sha256-[A-Za-z0-9+/]+=*)"', block.group(1)))


def _sonner_style() -> str:
    package = FRONTEND / "node_modules" / "sonner"
    assert package.is_dir(), "frontend/node_modules is missing: run the README's setup"
    manifest = json.loads((package / "package.json").read_text())
    module = (package / manifest["exports"]["."]["import"]["default"]).read_text()
    # `function __insertCSS(code) {...}`, then its one call with the stylesheet.
    assert module.count("__insertCSS(") == 2, "sonner no longer adds its styles as it did"
    definition = module.index("function __insertCSS(")
    after = definition + len("function __insertCSS(")
    start = module.index("__insertCSS(", after) + len("__insertCSS(")
    css, _ = json.JSONDecoder().raw_decode(module, start)
    return str(css)


def _pywebview_text_select_style() -> str:
    customize = Path(webview.__file__).with_name("js") / "customize.js"
    found = re.search(r"var disableTextCss = '([^']*)'", customize.read_text())
    assert found, "pywebview's customize.js no longer sets disableTextCss"
    return found.group(1)


def test_the_listed_hashes_are_those_of_the_inserted_styles() -> None:
    expected = {
        _hash(_sonner_style()): "sonner's stylesheet",
        _hash(""): "sonner's <style> before it is filled",
        _hash(_pywebview_text_select_style()): "pywebview's user-select style",
    }
    missing = [f"{name}: '{h}'" for h, name in expected.items() if h not in _listed_hashes()]
    assert missing == [], "add to INSERTED_STYLES in frontend/vite.config.ts"
    # And one more: react-remove-scroll-bar's, written at run time, so checked in the real
    # window (tests/e2e/test_bridge_guard.py opens a dialog under the policy).
    assert len(_listed_hashes() - set(expected)) == 1, "INSERTED_STYLES lists a stale hash"


def test_the_policy_comes_first_in_the_page() -> None:
    head = (FRONTEND / "index.html").read_text().split("</head>")[0]
    policy = head.index('<meta http-equiv="Content-Security-Policy"')
    assert policy < head.index("<link")
    assert "<script" not in head[:policy]


def test_images_come_from_the_page_itself_or_from_what_it_holds_in_memory() -> None:
    # Photos and scans are read from Python: thumbnails as `data:` URLs, a whole image in the
    # viewer as a `blob:` URL. Without them an athlete's photo would be a broken image; with
    # more, the page could show (and so call out to) images from anywhere.
    config = (FRONTEND / "vite.config.ts").read_text()
    found = re.search(r'"img-src": \[([^\]]*)\]', config)
    assert found, "vite.config.ts has no img-src directive"
    assert re.findall(r'"([^"]+)"', found.group(1)) == ["'self'", "blob:", "data:"]
