"""`python -m recovery_desktop` runs the command line (the GUI by default)."""

import sys

from recovery_desktop.cli import main

sys.exit(main())
