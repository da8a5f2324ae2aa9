"""Every `kb` command imports the generator; the libraries only the site's files need (calendars,
QR codes, charts) are imported when such a file is made, so `kb check` and `kb new` do not pay for
them at start (a tenth of a second each for icalendar and the charts' matplotlib)."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO

MADE_ONLY_FOR_FILES = ("icalendar", "segno", "matplotlib")


def test_starting_a_command_imports_none_of_the_file_making_libraries() -> None:
    code = ("import sys, generator.cli, generator.site.pipeline; "
            f"print(' '.join(name for name in {MADE_ONLY_FOR_FILES!r} if name in sys.modules))")
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              cwd=REPO).stdout.split()
    assert imported == []
