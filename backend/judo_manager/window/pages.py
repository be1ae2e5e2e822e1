"""Which page the window loads (the built frontend, or the Vite dev server), and whether an
address is that page."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from judo_manager.i18n import Language

DEV_SERVER_URL = "http://localhost:5173/"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def web_dir() -> Path:
    """The Vite build of the frontend, inside the package (or the PyInstaller bundle)."""
    return Path(__file__).resolve().parents[1] / "web"


@dataclass(frozen=True)
class FirstScreen:
    """What the page's first screen would otherwise ask Python before it draws: the language
    spoken and whether the club's data opened. Given in the page's address (its fragment,
    read by frontend/src/lib/first-screen.ts), it saves two round trips over the bridge at
    every start; the page still asks, and follows the answers."""

    language: Language
    data_opened: bool

    def fragment(self) -> str:
        """`language=id&formats=id-ID&data=ok` (`data=damaged` when it did not open)."""
        return urlencode(
            {
                "language": self.language.code,
                "formats": self.language.formats,
                "data": "ok" if self.data_opened else "damaged",
            }
        )


def frontend_url(dev: bool, first_screen: FirstScreen) -> str:
    """What the window loads: the Vite dev server with `--dev`, else the built index.html,
    with what its first screen needs to know in the fragment.

    The built page is given by absolute path so that pywebview serves it over its local
    HTTP server; module scripts don't load from `file://`. pywebview keeps the fragment.
    """
    page = DEV_SERVER_URL if dev else str(web_dir() / "index.html")
    return f"{page}#{first_screen.fragment()}"


# The ports Chromium (Qt WebEngine, WebView2) refuses to load a page from, ERR_UNSAFE_PORT,
# above 1023 (Chromium's net/base/port_util.cc). pywebview picks its server's port at random
# from 1023 up, so now and then the window would open on "This site can't be reached".
UNSAFE_PORTS = frozenset(
    {1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667}
    | {6668, 6669, 6679, 6697, 10080}
)
_PORT_TRIES = 20


def page_server_port(free_port: Callable[[], int] | None = None) -> int | None:
    """A free port on this computer for the page's local server, one the engine loads from.

    The system hands out the port (its ephemeral range, where nothing listens yet); one on
    Chromium's unsafe list is passed over. None, pywebview's own random pick, only if the
    system offered nothing else 20 times. `free_port` stands in for the system in tests.
    """
    ask = free_port or _system_free_port
    for _attempt in range(_PORT_TRIES):
        port = ask()
        if port not in UNSAFE_PORTS:
            return port
    return None


def _system_free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def same_origin(url: str, app_url: str | None) -> bool:
    """True when `url` has the scheme, host and port of the app's page `app_url`.

    `app_url` is the address pywebview resolved the page to (`http://127.0.0.1:<random
    port>/index.html`, or the dev server); None for a window without a page of ours.
    """
    if app_url is None:
        return False
    return _origin(url) == _origin(app_url) and _origin(url)[0] in _DEFAULT_PORTS


def is_app_page(url: str, app_url: str | None) -> bool:
    """True when `url` is the app's page itself (any query or fragment), not another file."""
    return same_origin(url, app_url) and urlsplit(url).path == urlsplit(app_url or "").path


def is_external_link(url: str, app_url: str | None) -> bool:
    """True for a web address of another site, for the system browser to open."""
    return urlsplit(url).scheme.lower() in _DEFAULT_PORTS and not same_origin(url, app_url)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or _DEFAULT_PORTS.get(scheme)
    except ValueError:  # a port that is not a number
        return ("", "", None)
    return (scheme, (parts.hostname or "").lower(), port)
