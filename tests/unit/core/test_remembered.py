"""`kb serve`'s memory of the files it loaded (generator/core/remembered.py): an unchanged file gives the
very same source and entry again, anything that changed is read and checked afresh, and problems are
reported on every load."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationInfo, field_validator

from benchmarks.reload import ORGANISATION, edit_summary
from benchmarks.synthetic import copy_demo_tree
from generator.common.fields import KbModel
from generator.core.issues import Issues
from generator.core.loading import load_entries
from generator.core.remembered import RememberedFiles
from generator.core.settings import Settings
from generator.host.config import settings_from_config
from generator.site.pipeline import load_catalog


class Thing(KbModel):
    id: str
    size: int
    where: str = ""

    @field_validator("where")
    @classmethod
    def _in_country(cls, value: str, info: ValidationInfo) -> str:
        return f"{value} ({(info.context or {}).get('country')})"


def _load(folder: Path, remembered: RememberedFiles, country: str = "GB") -> tuple[dict[str, Any], Issues]:
    issues = Issues()
    remembered.start_load()
    entries = load_entries(folder, Thing, Settings(root=folder.parent), issues, lambda data: {"country": country},
                           read_files=remembered.reader(), validate_entry=remembered.validate)
    return entries, issues


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "things"
    folder.mkdir()
    (folder / "a.yml").write_text("id: a\nsize: 1\nwhere: here\n")
    (folder / "b.yml").write_text("id: b\nsize: 2\n")
    (folder / "c.yml").write_text("id: c\nsize: many\n")  # invalid
    return folder


def test_an_unchanged_file_gives_the_same_objects_and_a_changed_one_new(tmp_path: Path) -> None:
    folder, remembered = _folder(tmp_path), RememberedFiles()
    first, first_issues = _load(folder, remembered)
    (folder / "b.yml").write_text("id: b\nsize: 3\n")
    second, second_issues = _load(folder, remembered)
    assert second["a"].model is first["a"].model and second["a"].source is first["a"].source
    assert second["b"].model is not first["b"].model and second["b"].model.size == 3
    assert second["b"].source is not first["b"].source
    # the invalid file is reported on every load, in the same words
    assert [i.text() for i in second_issues.items] == [i.text() for i in first_issues.items] != []
    assert [i.path for i in second_issues.items] == ["things/c.yml"]


def test_a_new_context_validates_again(tmp_path: Path) -> None:
    folder, remembered = _folder(tmp_path), RememberedFiles()
    first, _ = _load(folder, remembered, country="GB")
    second, _ = _load(folder, remembered, country="US")
    assert first["a"].model.where == "here (GB)" and second["a"].model.where == "here (US)"
    assert second["a"].source is first["a"].source  # the text did not change: parsed once
    third, _ = _load(folder, remembered, country="US")
    assert third["a"].model is second["a"].model


def test_a_file_deleted_then_restored_is_read_again(tmp_path: Path) -> None:
    folder, remembered = _folder(tmp_path), RememberedFiles()
    first, _ = _load(folder, remembered)
    kept = (folder / "a.yml").read_text()
    (folder / "a.yml").unlink()
    assert "a" not in _load(folder, remembered)[0]
    (folder / "a.yml").write_text(kept)
    again, _ = _load(folder, remembered)
    assert again["a"].model == first["a"].model and again["a"].source is not first["a"].source


def test_a_preview_reload_of_the_demo_keeps_every_entry_but_the_edited_one(tmp_path: Path) -> None:
    tree = copy_demo_tree(tmp_path / "network").parent
    settings, remembered = settings_from_config(tree / "mkdocs.yml"), RememberedFiles()
    first, first_problems = load_catalog(settings, remembered=remembered)
    edit_summary(tree / "directory/organisations" / f"{ORGANISATION}.yml", "remembercheck")
    second, second_problems = load_catalog(settings, remembered=remembered)
    assert "remembercheck" in second.organisations[ORGANISATION].model.summary
    assert second.organisations[ORGANISATION].model is not first.organisations[ORGANISATION].model
    others = [i for i in first.organisations if i != ORGANISATION]
    assert others and all(second.organisations[i].model is first.organisations[i].model for i in others)
    assert all(second.cases[i].model is first.cases[i].model for i in first.cases)
    assert [p.text() for p in second_problems.items] == [p.text() for p in first_problems.items]
    # and a load without the memory reads the same network
    fresh, _ = load_catalog(settings)
    assert {i: e.model for i, e in fresh.organisations.items()} == {i: e.model for i, e in second.organisations.items()}
