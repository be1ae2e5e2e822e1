"""`python -m judo_manager` runs the same command as `judo-manager`."""

import sys

from judo_manager.cli import main

sys.exit(main())
