"""Which addresses are the app's page, its origin, or another site for the system browser."""

from __future__ import annotations

import socket

import pytest

from judo_manager.i18n import language
from judo_manager.window.pages import (
    DEV_SERVER_URL,
    UNSAFE_PORTS,
    FirstScreen,
    frontend_url,
    is_app_page,
    is_external_link,
    page_server_port,
    same_origin,
    web_dir,
)

BUILT = "http://127.0.0.1:4242/index.html"  # as pywebview resolves the built page


@pytest.mark.parametrize(
    ("url", "app_url", "origin", "page", "external"),
    [
        (BUILT, BUILT, True, True, False),
        (f"{BUILT}?reload=1#top", BUILT, True, True, False),
        ("HTTP://127.0.0.1:4242/index.html", BUILT, True, True, False),
        ("http://127.0.0.1:4242/assets/index.js", BUILT, True, False, False),
        ("http://127.0.0.1:4243/index.html", BUILT, False, False, True),  # another port
        ("https://127.0.0.1:4242/index.html", BUILT, False, False, True),
        ("http://localhost:4242/index.html", BUILT, False, False, True),
        ("https://www.ijf.org/", BUILT, False, False, True),
        ("file:///tmp/x.html", BUILT, False, False, False),
        ("data:text/html,<h1>hi</h1>", BUILT, False, False, False),
        ("javascript:alert(1)", BUILT, False, False, False),
        ("http://127.0.0.1:notaport/", BUILT, False, False, True),
        (DEV_SERVER_URL, DEV_SERVER_URL, True, True, False),
        ("http://localhost:5173/src/main.tsx", DEV_SERVER_URL, True, False, False),
        ("http://localhost/", "http://localhost:80/", True, True, False),  # default port
        # A window of Python's own HTML has no page of ours.
        ("data:text/html,<h1>error</h1>", None, False, False, False),
        ("https://www.ijf.org/", None, False, False, True),
    ],
)
def test_addresses(url: str, app_url: str | None, origin: bool, page: bool, external: bool) -> None:
    assert same_origin(url, app_url) is origin
    assert is_app_page(url, app_url) is page
    assert is_external_link(url, app_url) is external


def test_file_urls_have_no_origin_to_share() -> None:
    assert same_origin("file:///tmp/a.html", "file:///tmp/a.html") is False


def test_the_page_server_never_takes_a_port_the_web_engine_refuses() -> None:
    # pywebview's own random pick once gave 1723, and the window showed "This site can't be
    # reached" (ERR_UNSAFE_PORT): a port on Chromium's list is passed over.
    offered = iter([1723, 6667, 10080, 43127])

    assert page_server_port(lambda: next(offered)) == 43127


def test_the_page_server_port_is_free_for_the_taking() -> None:
    port = page_server_port()

    assert port is not None and port not in UNSAFE_PORTS
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


@pytest.mark.parametrize(
    ("code", "opened", "fragment"),
    [
        ("id", True, "language=id&formats=id-ID&data=ok"),
        ("en", False, "language=en&formats=en-GB&data=damaged"),
    ],
)
def test_the_window_opens_on_an_address_that_tells_the_first_screen_what_to_draw(
    code: str, opened: bool, fragment: str
) -> None:
    # The page draws in the coach's language, and without waiting on the data's health when
    # it opened, before the bridge could answer either (frontend/src/lib/first-screen.ts).
    first = FirstScreen(language(code), data_opened=opened)

    built = frontend_url(False, first)
    assert built == f"{web_dir() / 'index.html'}#{fragment}"
    assert frontend_url(True, first) == f"{DEV_SERVER_URL}#{fragment}"
    # Still the app's own page to the navigation guard, as pywebview resolves it.
    assert is_app_page(f"{BUILT}#{fragment}", BUILT)
