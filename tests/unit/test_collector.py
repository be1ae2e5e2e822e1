"""The cycle collector's pause around big documents: shared, and always given back."""

from __future__ import annotations

import gc
import threading

import pytest

from judo_manager.collector import collector_paused


def test_the_collector_runs_again_after_the_last_of_nested_and_threaded_pauses() -> None:
    inside = threading.Event()
    release = threading.Event()

    def build() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    other = threading.Thread(target=build)
    with collector_paused():
        other.start()
        assert inside.wait(5)
        with collector_paused():
            assert not gc.isenabled()
    # This thread is done; the other still builds, so the pause holds.
    assert not gc.isenabled()
    release.set()
    other.join(5)
    assert gc.isenabled()


def test_a_failure_inside_gives_the_collector_back() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a damaged logo")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
