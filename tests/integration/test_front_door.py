"""A second start knocks on the open window's door: only with the key, only while it's open."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Client
from pathlib import Path

import pytest

from judo_manager.db.layout import DataFolder
from judo_manager.window import front
from judo_manager.window.front import FrontDoor, bring_open_window_forward


@contextmanager
def _open_door(data_dir: Path) -> Iterator[tuple[DataFolder, threading.Event]]:
    """The front door of an open window on `data_dir`, and whether anyone got through."""
    folder = DataFolder(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    knocked = threading.Event()
    door = FrontDoor(folder, knocked.set)
    door.open()
    try:
        yield folder, knocked
    finally:
        door.close()


def test_the_open_window_comes_forward_when_this_users_app_knocks(data_dir: Path) -> None:
    with _open_door(data_dir) as (folder, knocked):
        assert folder.window_key.stat().st_mode & 0o077 == 0  # the key is the owner's alone
        assert bring_open_window_forward(folder)
        assert knocked.is_set()

    assert not folder.window_key.exists()
    assert not bring_open_window_forward(folder)  # closed: nobody answers


def test_a_caller_without_the_key_is_not_let_in(data_dir: Path) -> None:
    with _open_door(data_dir) as (folder, knocked):
        folder.window_key.write_bytes(b"guessed" * 5)

        assert not bring_open_window_forward(folder)
        assert not knocked.is_set()


def test_another_data_folder_has_a_door_of_its_own(data_dir: Path, tmp_path: Path) -> None:
    with _open_door(data_dir) as (_folder, knocked):
        elsewhere = DataFolder(tmp_path / "other-club")
        elsewhere.root.mkdir()

        assert not bring_open_window_forward(elsewhere)
        assert not knocked.is_set()


class _Payload:
    """What a pickle can make a receiver do: here, write a file."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.write_text, (self.target, "owned"))


def test_nothing_a_caller_sends_is_unpickled(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "owned.txt"
    with (
        _open_door(data_dir) as (folder, knocked),
        Client(front._address(folder), authkey=folder.window_key.read_bytes()) as conn,
    ):
        conn.send(_Payload(target))
        # Hung up on, unanswered (a reset when the payload was left unread).
        with pytest.raises((EOFError, ConnectionResetError)):
            conn.recv_bytes()
    assert not target.exists()
    assert not knocked.is_set()
