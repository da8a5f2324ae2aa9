"""Every test file is collected: pytest skips folders matching `norecursedirs` (its default holds
"build", which silently dropped tests/build once), so no folder of tests may match one."""

from __future__ import annotations

import fnmatch
import tomllib

from tests.helpers import REPO


def test_no_test_folder_is_skipped_by_pytest() -> None:
    options = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    patterns = options["norecursedirs"]
    files = sorted((REPO / "tests").rglob("test_*.py"))
    assert len(files) > 40
    for path in files:
        for folder in path.relative_to(REPO / "tests").parent.parts:
            assert not any(fnmatch.fnmatch(folder, pattern) for pattern in patterns), (path, folder)
