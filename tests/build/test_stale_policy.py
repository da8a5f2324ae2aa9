"""Stale data blocks only the pull request that touches it (issue 20): problems that only time
causes fail `kb check --strict` in the files a change touches, are notes elsewhere, and never fail
the deploy; every other problem still fails wherever it is. `kb stale` lists them by owner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, make_tree

LATER = "2028-06-01"  # the fixture's verification and review dates are all over a year old by then
ORG = "directory/organisations/pebblesham-vets.yml"


def kb(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KB_TODAY": LATER, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator.cli", "-f", str(tree / "mkdocs.yml"), *args],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=300)


def git(tree: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(tree), "-c", "user.name=t", "-c", "user.email=t@t.example", *args],
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The fixture tree as a repository (its mkdocs.yml sets no demo date), a year and a half later, with
    a pull request branch that edits one organisation."""
    tree = make_tree(tmp_path / "repo")  # demo data without a demo date: the clock is KB_TODAY
    (tree / ".github").mkdir()
    (tree / ".github/CODEOWNERS").write_text("/content/   @clinical-reviewers\n/directory/ @coordinators\n")
    git(tree, "init", "-q", "-b", "main")
    git(tree, "add", "-A")
    git(tree, "commit", "-qm", "the network's data")
    git(tree, "checkout", "-qb", "change")
    path = tree / ORG
    path.write_text(path.read_text().replace("Friendly seaside practice", "Seaside practice"))
    git(tree, "commit", "-qam", "edit one organisation")
    return tree


def stale_lines(output: str, severity: str) -> list[str]:
    return [line for line in output.splitlines() if f": {severity}: " in line and "more than a year" in line]


def test_everywhere_by_default(repo: Path) -> None:
    result = kb(repo, "check", "--strict")
    assert result.returncode == 1
    assert len(stale_lines(result.stderr, "error")) > 1  # every organisation's verification is old


def test_in_a_pull_request_only_the_touched_file_fails(repo: Path) -> None:
    result = kb(repo, "check", "--strict", "--stale-fails", "changed", "--base", "main")
    assert result.returncode == 1
    failing = stale_lines(result.stderr, "error")
    assert [line.split(":")[0] for line in failing] == [ORG]
    spared = stale_lines(result.stderr, "note")
    assert spared and all("not failing: this change does not touch the file" in line for line in spared)
    assert ORG not in {line.split(":")[0] for line in spared}


def test_other_problems_still_fail_everywhere(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")  # a mistake already on main, in a file the change does not touch
    other = repo / "directory/organisations/saltwick-veterinary-hospital.yml"
    other.write_text(other.read_text().replace("kind: ", "kind: no-such-kind-", 1))
    git(repo, "commit", "-qam", "a mistake on main")
    git(repo, "checkout", "-q", "change")
    git(repo, "merge", "-q", "--no-edit", "main")
    result = kb(repo, "check", "--strict", "--stale-fails", "changed", "--base", "main")
    assert result.returncode == 1
    assert any("saltwick-veterinary-hospital.yml" in line and "unknown kind" in line
               for line in result.stderr.splitlines())


def test_the_deploy_never_fails_for_staleness_alone(repo: Path) -> None:
    result = kb(repo, "check", "--strict", "--stale-fails", "nowhere")
    assert result.returncode == 0, result.stderr
    assert stale_lines(result.stdout, "note") and not stale_lines(result.stdout, "error")


def test_an_unknown_base_is_one_line_not_a_traceback(repo: Path) -> None:
    result = kb(repo, "check", "--stale-fails", "changed", "--base", "no-such-branch")
    assert result.returncode == 2
    assert result.stderr.startswith("kb: cannot tell which files changed since no-such-branch")
    assert "Traceback" not in result.stderr


def test_kb_stale_lists_the_audit_by_owner(repo: Path) -> None:
    result = kb(repo, "stale", "--site-url", "https://network.example/")
    assert result.returncode == 0
    report = result.stdout
    coordinators, reviewers = report.index("## @coordinators"), report.index("## @clinical-reviewers")
    pebblesham = report.index("[Pebblesham Vets](https://network.example/organisations/pebblesham-vets/)")
    assert coordinators < pebblesham and (reviewers < coordinators or pebblesham < reviewers)
    assert "**overdue**" in report and "File: `directory/organisations/pebblesham-vets.yml`" in report
