"""The layout holds: imports run one way (core -> common -> kinds -> site / exports -> host -> cli, and
among content types each imports only those below it), no modules import each other in a cycle, and
every package says what lives there and what it may import. The contracts are import-linter's, in
pyproject.toml; they are run here on the code, and on a copy of it with an upward import and a cycle
added, to show that they fail when they should."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = sorted(p.parent for p in (REPO / "generator").rglob("__init__.py"))


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run the contracts of pyproject.toml over the `generator` package found in ``root``."""
    return subprocess.run([str(LINT_IMPORTS), "--config", str(REPO / "pyproject.toml"), "--no-cache"], cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root)}, capture_output=True, text=True, timeout=300)


def test_imports_keep_every_contract() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _append(root / "generator/core/catalog.py", "from generator.kinds import REGISTRY")
    result = lint_imports(root)
    assert result.returncode != 0
    assert "generator.core is not allowed to import generator.kinds" in result.stdout


def test_a_content_type_importing_one_above_it_breaks_the_contract(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _append(root / "generator/kinds/organisations/views.py", "from generator.kinds.triage.views import guides")
    result = lint_imports(root)
    assert result.returncode != 0
    assert "generator.kinds.organisations is not allowed to import generator.kinds.triage" in result.stdout


def test_a_cycle_breaks_the_contract(tmp_path: Path) -> None:
    root = _copy(tmp_path)  # two modules of one package that import each other
    _append(root / "generator/core/suggest.py", "from generator.core import timings")
    _append(root / "generator/core/timings.py", "from generator.core import suggest")
    result = lint_imports(root)
    assert result.returncode != 0
    assert "No cycles between the modules of any package BROKEN" in result.stdout


@pytest.mark.parametrize("package", PACKAGES, ids=[p.relative_to(REPO).as_posix() for p in PACKAGES])
def test_every_package_says_what_lives_there_and_what_it_may_import(package: Path) -> None:
    text = (package / "__init__.py").read_text(encoding="utf-8")
    assert text.startswith('"""'), f"{package.relative_to(REPO)}/__init__.py needs a docstring"
    docstring = text.split('"""')[1]
    assert "import" in docstring, f"{package.relative_to(REPO)}: say what the package may import"


TEMPLATE_FILES = sorted(p for p in (REPO / "theme").rglob("*") if p.suffix in {".html", ".js", ".xml", ".css", ".txt"})


def test_no_template_can_query_the_catalog() -> None:
    """Templates display what their planner handed them: the catalog is no global of theirs, and no
    template names it."""
    from generator.core.settings import Settings  # noqa: PLC0415
    from generator.site.pipeline import load_catalog  # noqa: PLC0415
    from generator.site.render import make_environment  # noqa: PLC0415

    catalog, _ = load_catalog(Settings(root=REPO / "tests" / "examples" / "valid", demo_data=True))
    assert "catalog" not in make_environment(catalog).globals
    naming = [p.relative_to(REPO).as_posix() for p in TEMPLATE_FILES
              if re.search(r"\bcatalog\b", p.read_text(encoding="utf-8"))]
    assert naming == []
