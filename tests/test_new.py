"""`kb new` writes a template for every kind that passes `kb check`, and refuses existing ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.new import NEW_KINDS
from generator.schemas import MARKER
from tests.helpers import make_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path)


@pytest.mark.parametrize("kind", sorted(NEW_KINDS))
def test_new_entry_passes_check(tree: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = str(tree / "mkdocs.yml")
    assert main(["-f", config, "new", kind, f"brand-new-{kind}"]) == 0
    written = next((tree / NEW_KINDS[kind]).glob(f"brand-new-{kind}.*"))
    text = written.read_text()
    assert "CHANGE" in text
    if written.suffix == ".yml":
        assert text.startswith(MARKER)
    capsys.readouterr()
    assert main(["-f", config, "check", "--strict"]) == 0, capsys.readouterr().err


def test_new_refuses_an_existing_id(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (tree / "directory/organisations/pebblesham-vets.yml").read_text()
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "organisation", "pebblesham-vets"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tree / "directory/organisations/pebblesham-vets.yml").read_text() == before


def test_new_refuses_bad_ids_and_kinds(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "organisation", "Bad Id"]) == 1
    assert "not a valid id" in capsys.readouterr().err
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "clinic", "x"]) == 1
    assert "unknown kind 'clinic'" in capsys.readouterr().err
