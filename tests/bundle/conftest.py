"""The bundle as shipped: dist/judo-manager/, built by scripts/build-bundle.

Left out of the default `pytest` run (see addopts in pyproject.toml), since only
scripts/build-bundle makes the bundle: run `pytest tests/bundle` after it, as .ci/run does.
The window is driven with the end-to-end harness: Xvfb, CDP and Playwright.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The e2e fixtures, and the hook that prints the app's log when a test fails.
from tests.e2e.conftest import (  # noqa: F401
    ROOT,
    display,
    launch_app,
    playwright,
    pytest_runtest_makereport,
)

BUNDLE_DIR = ROOT / "dist" / "judo-manager"
EXECUTABLE = BUNDLE_DIR / ("judo-manager.exe" if sys.platform == "win32" else "judo-manager")


def pytest_configure(config: pytest.Config) -> None:
    """Stop at once, with the command to run, when there is no bundle to test."""
    if not EXECUTABLE.is_file():
        raise pytest.UsageError(
            f"{EXECUTABLE.relative_to(ROOT)} doesn't exist: build it first with "
            "scripts/build-bundle, then run pytest tests/bundle again."
        )


@pytest.fixture(scope="session")
def bundle() -> Path:
    """The bundled `judo-manager` executable."""
    return EXECUTABLE
