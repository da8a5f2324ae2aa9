"""A build never destroys what it did not make (issue 16, data loss).

Every "what happens if" here runs inside pytest's own temporary folders: the repository under test
is a copy (make_tree), and "home" is a folder made for the test.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.host.site_output import MANIFEST, OUTPUT_MARKER, STAGING_MARKER, STAGING_PREFIX
from tests.helpers import make_tree


def kb(tree: Path, *args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", "-f", str(tree / "mkdocs.yml"), *args],
                          capture_output=True, text=True, cwd=cwd or tree, timeout=300,
                          env={**os.environ, **(env or {})})


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (the .git folder included) with a hash of its contents."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("repo"))
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    (tree / ".git" / "precious").write_text("history", encoding="utf-8")
    return tree


@pytest.mark.parametrize("target", [".", "directory", "content", "content/pages", "theme", ".git", "mkdocs.yml",
                                    "directory/organisations/new-empty-folder", ".."])
def test_a_build_refuses_to_replace_the_sources(tree: Path, target: str) -> None:
    if target.endswith("new-empty-folder"):
        (tree / target).mkdir(exist_ok=True)
    before = snapshot(tree.parent)
    result = kb(tree, "build", "--site-dir", target)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kb: refusing to write the site to "), result.stderr
    assert "Traceback" not in result.stderr and "built" not in result.stdout
    assert snapshot(tree.parent) == before


def test_a_build_refuses_a_folder_of_someone_elses_files_a_file_and_the_home_folder(
        tree: Path, tmp_path: Path) -> None:
    mine = tmp_path / "my-photos"
    mine.mkdir()
    (mine / "hamster.jpg").write_bytes(b"\xff\xd8 a picture")
    plain = tmp_path / "notes.txt"
    plain.write_text("keep me", encoding="utf-8")
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents/letter.txt").write_text("keep me", encoding="utf-8")
    before = snapshot(tmp_path)
    for target, reason in ((mine, "holds files that kb did not write"), (plain, "is a file, not a folder"),
                           (home, "your home folder")):
        result = kb(tree, "build", "--site-dir", str(target), env=with_home(home, tmp_path))
        assert result.returncode == 1
        assert result.stderr.strip().splitlines() == [result.stderr.strip()]
        assert reason in result.stderr
    assert snapshot(tmp_path) == before
    # an empty home is still the home folder
    empty_home = tmp_path / "empty-home"
    empty_home.mkdir()
    assert "your home folder" in kb(tree, "build", "--site-dir", str(empty_home),
                                    env=with_home(empty_home, tmp_path)).stderr
    assert list(empty_home.iterdir()) == []


def with_home(home: Path, tmp_path: Path) -> dict[str, str]:
    """HOME set to a test folder; caches (matplotlib's font list) go elsewhere so the home stays as it was."""
    return {"HOME": str(home), "MPLCONFIGDIR": str(tmp_path.parent / "mpl"),
            "XDG_CACHE_HOME": str(tmp_path.parent / "xdg")}


def test_a_build_writes_into_a_missing_or_empty_folder_and_replaces_its_own_output(tree: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "missing/site"
    for target in (empty, missing):
        result = kb(tree, "build", "--site-dir", str(target))
        assert result.returncode == 0, result.stderr
        assert (target / "index.html").is_file() and (target / OUTPUT_MARKER).is_file()
    # a page the last build made (it lists it) that this build does not make: replaced whole
    (empty / "stale-page.html").write_text("from the last build", encoding="utf-8")
    with (empty / MANIFEST).open("a", encoding="utf-8") as listed:
        listed.write("stale-page.html\n")
    assert kb(tree, "build", "--site-dir", str(empty)).returncode == 0
    assert not (empty / "stale-page.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "missing"]  # no staging or old folders left


def test_a_build_refuses_its_own_output_once_someone_has_put_other_files_in_it(tree: Path, tmp_path: Path) -> None:
    """Found by an adversarial review: a rebuild deleted a CNAME, notes and a .git added to the site."""
    site = tmp_path / "site"
    assert kb(tree, "build", "--site-dir", str(site)).returncode == 0
    (site / "CNAME").write_text("kb.example", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    (site / "organisations" / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(site)
    result = kb(tree, "build", "--site-dir", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"refusing to write the site to {site}: it holds files that kb did not write: .git/, CNAME, "
            "organisations/notes.txt;") in result.stderr
    assert snapshot(site) == before and sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    for extra in (site / "CNAME", site / "organisations" / "notes.txt"):
        extra.unlink()
    (site / ".git" / "HEAD").unlink()
    (site / ".git").rmdir()
    assert kb(tree, "build", "--site-dir", str(site)).returncode == 0


def test_output_permissions_follow_the_umask(tree: Path, tmp_path: Path) -> None:
    target = tmp_path / "public"
    result = subprocess.run(f"umask 022 && {sys.executable} -m generator.cli -f {tree / 'mkdocs.yml'} build "
                            f"--site-dir {target}", shell=True, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    assert stat.S_IMODE((target / "index.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((target / "pagefind").stat().st_mode) == 0o755


def test_mkdocs_build_refuses_a_site_dir_that_holds_the_sources(tree: Path, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    subprocess.run(["cp", "-a", str(tree), str(copy)], check=True)
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8").replace("site_dir: site", "site_dir: directory")
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    before = snapshot(copy)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(copy / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "refusing to write the site to" in result.stderr
    assert snapshot(copy) == before


def test_stale_staging_folders_of_a_killed_build_are_removed_and_nothing_else(tree: Path, tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process id that no longer runs
    stale = tmp_path / f"{STAGING_PREFIX}stale"
    stale.mkdir()
    (stale / STAGING_MARKER).write_text(json.dumps({"pid": gone.pid}), encoding="utf-8")
    (stale / "index.html").write_text("half a site", encoding="utf-8")
    lookalike = tmp_path / f"{STAGING_PREFIX}mine"  # the right name, but not made by a build
    lookalike.mkdir()
    (lookalike / "notes.txt").write_text("keep me", encoding="utf-8")
    user_old = tmp_path / ".site-old"
    user_old.mkdir()
    (user_old / "keep.txt").write_text("keep me", encoding="utf-8")

    assert kb(tree, "build", "--site-dir", str(tmp_path / "site")).returncode == 0
    assert not stale.exists()
    assert (lookalike / "notes.txt").is_file() and (user_old / "keep.txt").is_file()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_build_leaves_the_previous_site_and_no_temporary_folders(
        tree: Path, tmp_path: Path, stop: signal.Signals) -> None:
    site = tmp_path / "out/site"
    assert kb(tree, "build", "--site-dir", str(site)).returncode == 0
    previous = snapshot(site)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    # as from a terminal: a test run started in the background (`cmd &` in a script) would otherwise
    # hand down an ignored SIGINT, and Python then never turns it into KeyboardInterrupt
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "-f", str(tree / "mkdocs.yml"), "build",
                                "--site-dir", str(site)], cwd=tree, env={**os.environ, "TMPDIR": str(scratch)},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not list((tmp_path / "out").glob(f"{STAGING_PREFIX}*")):  # stop it half-way through
        assert process.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
        time.sleep(0.02)
    time.sleep(0.3)
    process.send_signal(stop)
    _, err = process.communicate(timeout=120)
    assert process.returncode == (143 if stop == signal.SIGTERM else 130)
    assert "Traceback" not in err
    # said once, by kb build (its stage, stopped with it, says nothing)
    said = {signal.SIGTERM: "kb: stopped by SIGTERM before it finished",
            signal.SIGINT: "kb: interrupted before it finished"}
    assert err.count(said[stop]) == 1 and not any(other in err for other in said.values() if other != said[stop]), err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["site"]
    assert list(scratch.iterdir()) == []
    assert snapshot(site) == previous


def _children(pid: int) -> list[int]:
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads a process's children from /proc")
def test_a_build_whose_stage_alone_is_stopped_says_so_and_leaves_the_previous_site(
        tree: Path, tmp_path: Path) -> None:
    """Found by a review: SIGTERM sent to kb build's stage process only (an out-of-memory killer's
    kind, or a careless `kill`) ended kb build with 130 and not a word."""
    site = tmp_path / "out/site"
    assert kb(tree, "build", "--site-dir", str(site)).returncode == 0
    previous = snapshot(site)
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "-f", str(tree / "mkdocs.yml"), "build",
                                "--site-dir", str(site)], cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + 120
    while not list((tmp_path / "out").glob(f"{STAGING_PREFIX}*")):
        assert process.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
        time.sleep(0.02)
    stage = _children(process.pid)
    assert len(stage) == 1
    os.kill(stage[0], signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143
    assert err.count("kb: build failed: the build process was stopped by SIGTERM; the previous site was left as "
                     "it was") == 1, err
    assert "Traceback" not in err and "interrupted" not in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["site"]
    assert snapshot(site) == previous


def test_kb_check_stopped_by_sigterm_says_so(tree: Path) -> None:
    """Found by a review: only kb build turned SIGTERM into a message; kb check ended without a word."""
    # the command's work made slow, so that the signal surely comes while it runs
    slow = ("import sys, time; import generator.cli, generator.cli.commands as cli; "
            "cli._run = lambda args: print('started', flush=True) or time.sleep(60) or 0; "
            "sys.exit(generator.cli.main(sys.argv[1:]))")
    process = subprocess.Popen([sys.executable, "-c", slow, "-f", str(tree / "mkdocs.yml"), "check"], cwd=tree,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "started\n"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143, err
    assert err.strip().splitlines()[-1] == "kb: stopped by SIGTERM before it finished"


def test_mkdocs_build_lists_what_it_made_and_then_refuses_other_files(tree: Path, tmp_path: Path) -> None:
    site = tmp_path / "plain-site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(tree / "mkdocs.yml"), "--site-dir", str(site)]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "index.html" in (site / MANIFEST).read_text(encoding="utf-8").splitlines()
    (site / "CNAME").write_text("kb.example", encoding="utf-8")
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode != 0 and "it holds files that kb did not write: CNAME;" in again.stderr
    assert (site / "CNAME").read_text(encoding="utf-8") == "kb.example"


def test_timings_are_written_only_to_a_new_file_or_an_earlier_builds(tree: Path, tmp_path: Path) -> None:
    """Found by an adversarial review: --timings replaced any file given (a source file with JSON), and a
    missing folder failed only after the site had been replaced."""
    source = tree / "directory" / "regions.yml"
    before = source.read_text(encoding="utf-8")
    for target, reason in ((source, "it exists and is not a timings file"),
                           (tmp_path / "no-such-folder" / "t.json", "does not exist")):
        result = kb(tree, "build", "--site-dir", str(tmp_path / "site"), "--timings", str(target))
        assert result.returncode == 1 and reason in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / "site").exists()  # refused before building
    assert source.read_text(encoding="utf-8") == before
    from generator.core.timings import timings_refusal  # noqa: PLC0415

    earlier = tmp_path / "timings.json"
    earlier.write_text(json.dumps({"load": 1.0, "render": 2.5, "render (second process)": 2.4}), encoding="utf-8")
    assert timings_refusal(earlier) is None and timings_refusal(tmp_path / "new.json") is None
