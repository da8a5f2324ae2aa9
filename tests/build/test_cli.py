"""The `kb` command as contributors and CI use it: exit codes, formats, strictness, no tracebacks."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.helpers import REPO, make_tree

ORG = "directory/organisations/pebblesham-vets.yml"
KINDS = ("general-practice, exotics-practice, emergency-hospital, referral-specialist, university-hospital, "
         "rescue, shelter")


def kb(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", "-f", str(tree / "mkdocs.yml"), *args],
                          capture_output=True, text=True, cwd=tree, timeout=300)


def break_file(tree: Path, old: str, new: str, path: str = ORG) -> None:
    target = tree / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_passes_on_the_valid_tree(tmp_path: Path) -> None:
    result = kb(make_tree(tmp_path), "check", "--strict")
    assert result.returncode == 0, result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_all_problems_are_collected_before_exit(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    break_file(tree, "region: eastmarsh", "region: east-marsh")
    break_file(tree, "kind: general-practice", "kind: gp")
    (tree / "directory/organisations/broken.yml").write_text("id: broken\nname: [\n", encoding="utf-8")
    result = kb(tree, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert f"{ORG}:4:7: error: kind: unknown kind 'gp' (use one of: {KINDS})" in lines
    assert f"{ORG}:40:11: error: location.region: unknown region 'east-marsh' (did you mean 'eastmarsh'?)" in lines
    assert any(line.startswith("directory/organisations/broken.yml:3:1: error: (file): invalid YAML") for line in lines)
    assert lines[-1].startswith("3 error(s), 0 warning(s)")
    assert "Traceback" not in result.stderr


def test_github_format(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    break_file(tree, "kind: general-practice", "kind: gp")
    result = kb(tree, "check", "--format", "github")
    assert result.returncode == 1
    assert (f"::error file={ORG},line=4,col=7,title=kind::kind: unknown kind 'gp' (use one of: {KINDS})"
            in result.stderr.splitlines())


def test_stale_verification_warns_and_fails_only_with_strict(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    break_file(tree, "  on: 2026-09-16", "  on: 2025-09-16")  # more than a year before the pinned today
    relaxed = kb(tree, "check")
    assert relaxed.returncode == 0
    assert "warning: verified.on: last verified" in relaxed.stdout
    strict = kb(tree, "check", "--strict")
    assert strict.returncode == 1
    assert "error: verified.on: last verified" in strict.stderr


def test_fictional_numbers_are_rejected_outside_demo_mode(tmp_path: Path) -> None:
    tree = make_tree(tmp_path, demo_data=False)
    result = kb(tree, "check")
    assert result.returncode == 1
    assert "is in a range reserved for fiction and demos" in result.stderr


def test_failed_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    assert kb(tree, "build").returncode == 0
    marker = tree / "site" / "index.html"
    before = marker.read_bytes()
    break_file(tree, "kind: general-practice", "kind: gp")
    result = kb(tree, "build")
    assert result.returncode == 1
    assert marker.read_bytes() == before
    assert (tree / "site/organisations/pebblesham-vets/index.html").is_file()
    assert not [p for p in tree.iterdir() if p.name.startswith((".kb-", ".site"))], "staging must be cleaned up"


def test_plain_mkdocs_build_works_and_reports_problems(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    ok = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tree, capture_output=True, text=True,
                        timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert (tree / "site/organisations/pebblesham-vets/index.html").is_file()
    assert (tree / "site/pagefind/pagefind.js").is_file()
    # its site folder is emptied after the open-data writer starts: the files wait, hidden, until then
    assert (tree / "site/api/open-data.zip").is_file() and (tree / "site/api/v1/organisations.json").is_file()
    assert not (tree / "site/.kb-open-data").exists()
    break_file(tree, "kind: general-practice", "kind: gp")
    bad = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tree, capture_output=True, text=True,
                         timeout=300)
    assert bad.returncode != 0
    assert f"{ORG}:4:7: error: kind: unknown kind 'gp' (use one of: {KINDS})" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_missing_config_is_a_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(tmp_path / "nope.yml"), "check"]) == 2
    assert "not found" in capsys.readouterr().err


def test_repository_content_passes_strict_check() -> None:
    assert main(["-f", str(REPO / "mkdocs.yml"), "check", "--strict"]) == 0


# Sends Ctrl+C to itself while it imports the module named in argv[1] (about half a second of a real
# start), then runs argv[2] as the program with the rest of argv
_INTERRUPTED_WHILE_STARTING = """
import builtins, os, runpy, signal, sys
slow, program = sys.argv[1], sys.argv[2]
real_import = builtins.__import__
def importing(name, *args, **kwargs):
    if name == slow:
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, *args, **kwargs)
builtins.__import__ = importing
sys.argv = [program, *sys.argv[3:]]
runpy.run_module(program, run_name="__main__")
"""


def _interrupted_while_importing(slow: str, program: str, *args: str, ignored: bool = False):
    handling = signal.SIG_IGN if ignored else signal.SIG_DFL  # as a shell hands it down
    return subprocess.run([sys.executable, "-c", _INTERRUPTED_WHILE_STARTING, slow, program, *args],
                          capture_output=True, text=True, cwd=REPO, timeout=300,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, handling))


@pytest.mark.parametrize("ignored", [False, True], ids=["foreground", "started-with-ctrl-c-ignored"])
def test_ctrl_c_while_kb_starts_stops_it_in_one_line(tmp_path: Path, ignored: bool) -> None:
    """Found by a review: Ctrl+C in the first half second printed a Python traceback (the generator was
    still being imported). A run that was started with Ctrl+C ignored (in the background) ignores it."""
    tree = make_tree(tmp_path)
    result = _interrupted_while_importing("generator.cli.commands", "generator.cli", "-f", str(tree / "mkdocs.yml"),
                                          "check", ignored=ignored)
    assert "Traceback" not in result.stderr
    if ignored:
        assert result.returncode == 0, result.stderr
    else:
        assert (result.returncode, result.stderr) == (130, "kb: interrupted before it finished\n")


def test_ctrl_c_while_kb_builds_first_process_starts_leaves_the_saying_to_kb_build(tmp_path: Path) -> None:
    """Ctrl+C reaches the whole process group: `kb build`'s first process, still importing, ends with
    the shell's status and says nothing (kb build says it once)."""
    tree = make_tree(tmp_path)
    result = _interrupted_while_importing("generator.host.build_stage", "generator.host.stage_start",
                                          "-f", str(tree / "mkdocs.yml"), "--handoff", str(tmp_path / "handoff.json"))
    assert (result.returncode, result.stderr) == (130, "")
    assert not (tmp_path / "handoff.json").exists()


@pytest.mark.parametrize(("starter", "light"), [
    ("generator.cli", ["generator", "generator.cli", "generator.core", "generator.core.exit_status"]),
    ("generator.host.stage_start", ["generator", "generator.core", "generator.core.exit_status", "generator.host",
                                    "generator.host.stage_start"]),
])
def test_the_starters_import_nothing_slow(starter: str, light: list[str]) -> None:
    """What a starter imports is outside its quiet Ctrl+C: it must stay this small."""
    listing = "import sys, importlib; importlib.import_module(sys.argv[1]); " \
              "print(' '.join(sorted(m for m in sys.modules if m.startswith('generator'))))"
    result = subprocess.run([sys.executable, "-c", listing, starter], capture_output=True, text=True, cwd=REPO,
                            timeout=60)
    assert result.stdout.split() == light, result.stderr
