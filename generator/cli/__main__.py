"""`python -m generator.cli`: the `kb` command."""

import sys

from generator.cli import main

sys.exit(main())
