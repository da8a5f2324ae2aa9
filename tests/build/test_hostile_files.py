"""Hostile files and YAML (issue 16): aliases, pipes, links out of the repository, odd file names,
control characters and a broken mkdocs.yml are each one located line, never a hang, a traceback or
gigabytes of memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import make_tree

ORGS = "directory/organisations"
LIMIT_BYTES = 2 * 1024**3  # an alias bomb used 7 GB before the fix; 2 GB is plenty for a check


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def kb(tree: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", "-f", str(tree / "mkdocs.yml"), *args],
                          capture_output=True, text=True, cwd=tree, timeout=timeout, preexec_fn=_limit_memory)


def errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The problem lines of a check, without notes and the summary."""
    return [line for line in (result.stdout + result.stderr).splitlines()
            if ": error: " in line or ": warning: " in line]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path / "repo")


def test_an_alias_bomb_is_refused_quickly_at_the_first_alias(tree: Path) -> None:
    lines = ["id: bomb", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (tree / ORGS / "bomb.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = kb(tree, "check", timeout=60)
    assert result.returncode == 1, result.stderr
    assert errors(result) == [f"{ORGS}/bomb.yml:3:10: error: (file): YAML aliases ('*a0') are not allowed in "
                              "content files (write the value out in full)"]


def test_a_recursive_alias_is_a_located_error_not_a_crash(tree: Path) -> None:
    (tree / ORGS / "loop.yml").write_text("id: loop\nextra: &r [*r]\n", encoding="utf-8")
    result = kb(tree, "check")
    assert result.returncode == 1
    assert "internal error" not in result.stderr
    assert errors(result) == [f"{ORGS}/loop.yml:2:12: error: (file): YAML aliases ('*r') are not allowed in "
                              "content files (write the value out in full)"]


def test_a_pipe_named_like_an_entry_does_not_hang_the_check(tree: Path) -> None:
    os.mkfifo(tree / ORGS / "pipe.yml")
    result = kb(tree, "check", timeout=60)
    assert result.returncode == 1
    assert errors(result) == [f"{ORGS}/pipe.yml:1:1: error: (file): this is not a regular file (a pipe, socket or "
                              "device); it is not read"]


def test_a_link_out_of_the_repository_is_not_read_or_echoed(tree: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("id: leaked\nname: PRIVATE-CANARY-TEXT\n", encoding="utf-8")
    (tree / ORGS / "leaked.yml").symlink_to(secret)
    result = kb(tree, "check")
    assert result.returncode == 1
    assert "PRIVATE-CANARY-TEXT" not in result.stdout + result.stderr
    assert errors(result) == [f"{ORGS}/leaked.yml:1:1: error: (file): this is a link to a file outside the "
                              "repository; only files in the repository are read"]
    build = kb(tree, "build")
    assert build.returncode == 1 and not (tree / "site").exists()


def test_a_link_inside_the_repository_is_read(tree: Path) -> None:
    original = tree / ORGS / "pebblesham-vets.yml"
    moved = tree / "pebblesham-vets.yml"
    original.rename(moved)
    original.symlink_to(moved)
    assert kb(tree, "check", "--strict").returncode == 0


def test_every_odd_name_in_a_collection_folder_is_reported(tree: Path) -> None:
    folder = tree / ORGS
    (folder / "folder.yml").mkdir()
    (folder / "old").mkdir()
    (folder / "pebblesham-vets.yml~").write_text("backup", encoding="utf-8")
    (folder / "README.md").write_text("notes", encoding="utf-8")
    (folder / "UPPER.YML").write_text("id: upper\n", encoding="utf-8")
    (folder / "spare.yaml").write_text("id: spare\n", encoding="utf-8")
    (folder / ".gitkeep").write_text("", encoding="utf-8")  # hidden files are left alone
    result = kb(tree, "check")
    assert result.returncode == 1
    assert errors(result) == [
        f"{ORGS}/README.md:1:1: warning: (file): this file is not read: only .yml files are read from this folder "
        "(rename it, or move it out of the folder (an editor's backup?))",
        f"{ORGS}/UPPER.YML:1:1: error: (file): files in this folder must end in lower-case .yml "
        "(rename it to upper.yml)",
        f"{ORGS}/folder.yml:1:1: error: (file): this is a folder, not a file; only files are read here",
        f"{ORGS}/old:1:1: warning: (file): folders inside {ORGS} are not read (entries are .yml files directly "
        "in the folder)",
        f"{ORGS}/pebblesham-vets.yml~:1:1: warning: (file): this file is not read: only .yml files are read from "
        "this folder (rename it, or move it out of the folder (an editor's backup?))",
        f"{ORGS}/spare.yaml:1:1: error: (file): files in this folder must end in lower-case .yml "
        "(rename it to spare.yml)",
    ]


def test_an_entry_saved_as_yaml_is_one_problem_not_one_in_every_file_that_names_it(tree: Path) -> None:
    """Renamed to .yaml by an editor, an organisation others name (as partner, kit holder, host…) is
    one error: its id still exists for their references."""
    named_by = [p for p in tree.rglob("*.yml") if "saltwick-veterinary-hospital" in p.read_text(encoding="utf-8")]
    assert len(named_by) > 3
    (tree / ORGS / "saltwick-veterinary-hospital.yml").rename(tree / ORGS / "saltwick-veterinary-hospital.yaml")
    result = kb(tree, "check")
    assert [line for line in errors(result) if ": error: " in line] == [
        f"{ORGS}/saltwick-veterinary-hospital.yaml:1:1: error: (file): files in this folder must end in "
        "lower-case .yml (rename it to saltwick-veterinary-hospital.yml)"]


def test_odd_names_among_first_aid_pages_are_reported(tree: Path) -> None:
    folder = tree / "content/first-aid"
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    result = kb(tree, "check")
    assert "content/first-aid/notes.txt:1:1: warning: (file): this file is not read: only .md files are read" \
        in result.stdout + result.stderr


def test_a_nul_byte_is_one_located_line(tree: Path) -> None:
    path = tree / ORGS / "pebblesham-vets.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: ", "name: Pebble\0", 1), encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("name: "))
    result = kb(tree, "check")
    assert result.returncode == 1
    assert errors(result) == [f"{ORGS}/pebblesham-vets.yml:{line}:13: error: (file): the file contains a NUL "
                              "character (save it as plain UTF-8 text; remove the character)"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda text: text + "nav: [\n", "mkdocs.yml:{n}:1: error: (file): invalid YAML: "),
    (lambda text: text.replace("  - kb\n", "  - kb:\n      nonsense: 1\n"),
     "mkdocs.yml:{kb}:7: error: plugins[0].kb.nonsense: plugin 'kb': Unrecognised configuration name: nonsense"),
    (lambda text: text.replace("site_name:", "site_nmae: x\nsite_name:"),
     "mkdocs.yml:1:1: error: site_nmae: Unrecognised configuration name: site_nmae"),
    (lambda text: text.replace("site_name: Fixture", "site_name: Fix\0ture"),
     "mkdocs.yml:1:15: error: (file): the file contains a NUL character"),
], ids=["broken-yaml", "unknown-plugin-option", "unknown-key", "nul-byte"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_broken_mkdocs_yml_is_one_located_line(tree: Path, change, expected: str, command: str) -> None:
    """kb build (and serve) validate all of mkdocs.yml; kb check reads only its settings, quickly, so
    it reports what stops it reading them and leaves unknown keys and plugin options to the build."""
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = change(text)
    config.write_text(changed, encoding="utf-8")
    kb_line = changed.splitlines().index("  - kb:") + 2 if "  - kb:" in changed else 0
    result = kb(tree, command)
    if command == "check" and "Unrecognised" in expected:
        assert result.returncode == 0 and result.stderr == ""
        return
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected.format(n=len(text.splitlines()) + 2, kb=kb_line)), lines[0]
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert not (tree / "site").exists()
