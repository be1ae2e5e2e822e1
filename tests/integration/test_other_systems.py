"""The backup, restore, undo and rescue tests again, under Windows' and macOS's file rules.

Each test imported below runs once per simulated system (tests/simulated_systems.py) on
top of its own run on Linux: pytest collects the imported functions here too. They are the
ones that run the app in this process, where the simulation applies; those that start the
app as a child process (SIGKILL, the command line) would only repeat their Linux run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.test_backup import (  # noqa: F401
    test_a_drive_that_returns_a_flipped_byte_is_caught,
    test_backup_is_complete_and_self_contained,
    test_read_only_folder,
    test_vanished_destination_folder,
    test_what_a_killed_backup_left_beside_the_destination_is_cleared_a_day_later,
)
from tests.integration.test_rescue import (  # noqa: F401
    test_a_first_start_cut_short_leaves_no_empty_database,
    test_a_rescue_waits_for_no_one_and_refuses_while_another_task_has_the_file_open,
    test_restore_rescues_damaged_live_data_and_keeps_it_aside,
    test_undo_restore_rescues_damaged_live_data_too,
)
from tests.integration.test_restore import (  # noqa: F401
    club,
    test_a_backup_with_8k_pages_is_accepted_and_restored,
    test_a_damaged_safety_copy_is_not_offered_for_undo,
    test_connections_open_in_other_threads_see_the_restored_data,
    test_restore_then_undo_gives_back_exactly_the_data_before,
    test_the_backup_log_is_this_computers_and_survives_a_restore_and_an_undo,
)
from tests.simulated_systems import MacFiles, WindowsFiles

# A scanner that holds each new file for its first three replaces and deletes: longer than
# one retry, well inside the 10 s the app waits.
SCANNER_HOLDS = 3


@pytest.fixture(autouse=True, params=["windows", "windows-scanner", "macos"])
def simulated_system(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:
    """Every test in this module, under each system's file rules."""
    if request.param == "macos":
        yield MacFiles().install(monkeypatch)
        return
    holds = SCANNER_HOLDS if request.param == "windows-scanner" else 0
    yield WindowsFiles(holds=holds).install(monkeypatch)
