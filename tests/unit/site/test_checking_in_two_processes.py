"""Loading and checking in two processes gives exactly what one process gives: large folders are parsed
by a forked child (generator/common/read_ahead.py) and the checks of single files run in another
beside the network's checks (generator/common/beside.py). The thresholds are lowered so the small
fixture tree forks, the tree is broken in every way a file can be (bad YAML, a duplicate key, bad
UTF-8, a schema error, identifying details in a case, one at a field the schema refused), and the
problems and the loaded entries are compared with a run in one process, including runs where the
child dies part-way or fails."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import generator.common.forked as forked
import generator.common.read_ahead as read_ahead
import generator.site.pipeline as pipeline
from generator.common.forked import Forked
from generator.host.config import settings_from_config
from tests.helpers import make_tree


@pytest.fixture(scope="module")
def broken_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("broken"))
    orgs, cases = tree / "directory" / "organisations", tree / "content" / "cases"
    (orgs / "bad-yaml.yml").write_text("id: bad-yaml\nname: [unclosed\n", encoding="utf-8")
    (orgs / "not-utf8.yml").write_bytes(b"id: not-utf8\nname: caf\xe9\n")
    pebblesham = (orgs / "pebblesham-vets.yml").read_text(encoding="utf-8")
    (orgs / "twice-named.yml").write_text(pebblesham.replace("id: pebblesham-vets", "id: twice-named")
                                          .replace("\nname:", "\nname: First\nname:", 1), encoding="utf-8")
    (orgs / "wrong-phone.yml").write_text(pebblesham.replace("id: pebblesham-vets", "id: wrong-phone")
                                          .replace("+44 1632 960", "+44 1632 96", 1), encoding="utf-8")
    chinchilla = (cases / "chinchilla-heatstroke-in-a-sunny-room.yml").read_text(encoding="utf-8")
    (cases / "leaky-case.yml").write_text(
        chinchilla.replace("id: chinchilla-heatstroke-in-a-sunny-room", "id: leaky-case")
        .replace("An adult chinchilla lived", "Mrs Lovelace rang on 07700 900123 on 3rd May. Given 0.2 ml by mouth. "
                 "An adult chinchilla lived")
        # a field the schema refuses (an unknown one), holding an identifying detail: reported once
        .replace("timeline:", "owner_name: call oh seven seven double oh nine oh oh one two three\ntimeline:", 1),
        encoding="utf-8")
    (orgs / "still-a-template.yml").write_text(pebblesham.replace("id: pebblesham-vets", "id: still-a-template")
                                               .replace("name: Pebblesham Vets", "name: CHANGE", 1), encoding="utf-8")
    return tree


def _load(tree: Path) -> tuple[list[str], dict[str, object]]:
    catalog, issues = pipeline.load_catalog(settings_from_config(tree / "mkdocs.yml"))
    loaded = {}
    for name in catalog._store:
        value = catalog[name]
        if isinstance(value, dict):
            loaded[name] = {key: _comparable(entry) for key, entry in value.items()}
            loaded[name + " known"] = list(getattr(value, "known", {}))
            loaded[name + " files"] = [(s.path, s.display, s.data, s.text) for s in getattr(value, "sources", [])]
    return [issue.text() for issue in issues], loaded


def _comparable(entry: object) -> object:
    model = getattr(entry, "model", entry)
    return model.model_dump() if hasattr(model, "model_dump") else model


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Lowers both thresholds to one file and records every fork the parent makes. Threads that
    earlier tests left (servers) would stop the forks: the child here only parses and checks."""
    monkeypatch.setattr(read_ahead, "READ_AHEAD_FROM", 1)
    monkeypatch.setattr(pipeline, "CHECK_FILES_BESIDE_FROM", 1)
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    made: list[str] = []
    original = Forked.__init__

    def counting(self: Forked, what: str) -> None:
        original(self, what)
        if not self.is_child:
            made.append(what)

    monkeypatch.setattr(Forked, "__init__", counting)
    return made


@pytest.fixture(scope="module")
def in_one_process(broken_tree: Path) -> tuple[list[str], dict[str, object]]:
    return _load(broken_tree)


def test_the_broken_tree_has_every_kind_of_problem(in_one_process: tuple[list[str], dict[str, object]]) -> None:
    problems = "\n".join(in_one_process[0])
    for expected in ("bad-yaml.yml:2", "not-utf8.yml:2:10: error: (file): the file is not valid UTF-8",
                     "twice-named.yml", "duplicate key 'name'", "wrong-phone.yml",
                     "leaky-case.yml", "'Mrs Lovelace' looks like a person's name",
                     "looks like a phone number", "'3rd May' looks like a calendar date",
                     "cases must not identify owners or animals: remove the field 'owner_name'",
                     "'0.2 ml' looks like a dose", "still-a-template.yml:3:7: warning: name: this is still the "
                     "template's placeholder"):
        assert expected in problems, expected
    # the detail inside the refused field is not reported a second time
    assert "oh seven seven" not in problems


def test_two_processes_give_the_same_problems_and_entries(broken_tree: Path, forks: list[str],
                                                          in_one_process: tuple[list[str], dict[str, object]]) -> None:
    assert _load(broken_tree) == in_one_process
    assert "the process reading files ahead" in forks
    assert "the process checking files" in forks


def _before_each_file(monkeypatch: pytest.MonkeyPatch, *, in_the_child: Callable[[Path], object],
                      here: Callable[[Path], object] = lambda path: None) -> None:
    """Run ``in_the_child`` (or ``here``, in this process) before each file the read-ahead parses."""
    parent, original = os.getpid(), read_ahead.load_file

    def load_file(path: Path, root: Path):
        (here if os.getpid() == parent else in_the_child)(path)
        return original(path, root)

    monkeypatch.setattr(read_ahead, "load_file", load_file)


def test_a_reader_that_dies_part_way_leaves_its_files_to_the_parent(
        broken_tree: Path, forks: list[str], monkeypatch: pytest.MonkeyPatch,
        in_one_process: tuple[list[str], dict[str, object]]) -> None:
    monkeypatch.setattr(read_ahead, "_BATCH", 1)
    seen: list[Path] = []

    def dying(path: Path) -> None:
        seen.append(path)
        if len(seen) == 3:  # two files delivered, then the child is gone
            os._exit(3)

    _before_each_file(monkeypatch, in_the_child=dying)
    assert _load(broken_tree) == in_one_process
    assert "the process reading files ahead" in forks


def test_the_parent_parses_from_the_end_while_it_would_wait(
        broken_tree: Path, forks: list[str], monkeypatch: pytest.MonkeyPatch,
        in_one_process: tuple[list[str], dict[str, object]]) -> None:
    """A slow child: the parent takes files from the last one down, and the two meet in the folder."""
    monkeypatch.setattr(read_ahead, "_BATCH", 2)
    parsed_here: list[Path] = []
    _before_each_file(monkeypatch, in_the_child=lambda path: time.sleep(0.05), here=parsed_here.append)
    assert _load(broken_tree) == in_one_process
    organisations = sorted((broken_tree / "directory/organisations").glob("*.yml"))
    taken = [path for path in parsed_here if path.parent == organisations[0].parent]
    assert taken and len(taken) < len(organisations)
    assert taken == organisations[-len(taken):][::-1]  # from the last one down


def test_file_checks_that_fail_in_the_child_are_done_by_the_parent(
        broken_tree: Path, forks: list[str], monkeypatch: pytest.MonkeyPatch,
        in_one_process: tuple[list[str], dict[str, object]]) -> None:
    parent, original = os.getpid(), pipeline._check_files

    def failing(checked):
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return original(checked)

    monkeypatch.setattr(pipeline, "_check_files", failing)
    assert _load(broken_tree) == in_one_process
    assert "the process checking files" in forks


def test_no_fork_beside_other_threads(broken_tree: Path, forks: list[str], monkeypatch: pytest.MonkeyPatch,
                                      in_one_process: tuple[list[str], dict[str, object]]) -> None:
    """`kb serve` runs a server thread: a fork there could copy a lock held by it, never released."""
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)
    assert _load(broken_tree) == in_one_process
    assert forks == []
