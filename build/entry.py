"""What PyInstaller freezes: the `judo-manager` command, as the venv's console script runs it."""

import sys

from judo_manager.cli import main

if __name__ == "__main__":
    sys.exit(main())
