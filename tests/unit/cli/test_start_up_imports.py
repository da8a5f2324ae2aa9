"""`kb check` (and the start of every `kb` command) imports only what checking needs: the libraries
that make the site's pages and files (Jinja, calendars, QR codes, charts) are imported when such a
page or file is made, a tenth of a second each at the start of a command (`python -X importtime`)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import REPO

NOT_NEEDED_TO_CHECK = ("jinja2", "icalendar", "segno", "matplotlib")


def test_checking_the_demo_imports_none_of_the_page_and_file_making_libraries() -> None:
    code = ("import sys\n"
            "from generator.cli import main\n"
            f"status = main(['-f', {str(REPO / 'mkdocs.yml')!r}, 'check'])\n"
            f"print('IMPORTED', status, *(name for name in {NOT_NEEDED_TO_CHECK!r} if name in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO,
                            env={**os.environ, "KB_TODAY": "2026-11-21"})
    line = next(line for line in result.stdout.splitlines() if line.startswith("IMPORTED"))
    assert line.split()[1:] == ["0"], result.stderr[-2000:]
