"""`kb build` runs its first half (check + mkdocs) in a child process; what the parent does when that
child dies without cleaning up."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.host.build import build
from generator.host.site_output import mark_output
from tests.helpers import make_tree

KILLED_STAGE = '''
import json, os, signal, sys
from pathlib import Path
from generator.host.site_output import make_staging
args = sys.argv[1:]
handoff = Path(args[args.index("--handoff") + 1])
target = Path(args[args.index("--site-dir") + 1])
staging = str(make_staging(target))
(Path(staging) / "index.html").write_text("half a site")
handoff.write_text(json.dumps({"staging": staging}))
os.kill(os.getpid(), signal.SIGKILL)
'''


def test_a_killed_build_process_leaves_the_previous_site_and_no_staging_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "stages").mkdir()
    (tmp_path / "stages/killed_stage.py").write_text(textwrap.dedent(KILLED_STAGE))
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "stages"))
    site = tmp_path / "out/site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("the previous site")

    status = build(tmp_path / "mkdocs.yml", strict=False, fmt="text", site_dir=site, timings=None,
                   stage_module="killed_stage")

    assert status == 1
    assert "stopped by signal 9" in capsys.readouterr().err
    assert (site / "index.html").read_text() == "the previous site"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["site"]  # the half-built staging folder is gone


FAILING_WRITE_STAGE = '''
import errno, os, sys
from generator.host import build_stage, file_writer
written = []
real_write = file_writer._write
def write(path, content):
    if len(written) == 20:  # part-way through the open data
        raise ERROR
    written.append(path)
    real_write(path, content)
file_writer._write = write
sys.exit(build_stage.main())
'''
# the disk fills up
FULL_DISK_STAGE = FAILING_WRITE_STAGE.replace("ERROR", "OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)")


def _build_over_a_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage_name: str,
                                stage_source: str) -> tuple[int, Path]:
    """`kb build` of the fixture tree with ``stage_source`` as its first process, over a previous
    site; returns the exit status and the site folder."""
    (tmp_path / "stages").mkdir()
    (tmp_path / f"stages/{stage_name}.py").write_text(textwrap.dedent(stage_source))
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "stages"))
    tree = make_tree(tmp_path / "tree")
    site = tmp_path / "out/site"
    site.mkdir(parents=True)
    mark_output(site)  # an earlier build's output, which a build may replace
    (site / "index.html").write_text("the previous site")
    status = build(tree / "mkdocs.yml", strict=False, fmt="text", site_dir=site, timings=None,
                   stage_module=stage_name)
    return status, site


def _assert_failed_and_left_the_previous_site(status: int, err: str, site: Path) -> None:
    assert status == 1
    assert "kb: build failed" in err and "the previous site was left as it was" in err
    assert "Traceback" not in err
    assert (site / "index.html").read_text() == "the previous site"
    assert [p.name for p in site.parent.iterdir()] == ["site"]  # the staging folder is gone


def test_a_site_file_where_the_open_data_writes_fails_the_build_and_leaves_the_previous_site(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The open-data writer writes into the site while mkdocs does: a file of the site's own at a path
    of the open data (here a file among the hand-written pages) fails the build before a page is
    written, and the previous site stays."""
    tree = make_tree(tmp_path / "tree")
    (tree / "content/pages/api").mkdir(parents=True, exist_ok=True)
    (tree / "content/pages/api/directory.csv").write_text("not the directory\n")
    site = tmp_path / "out/site"
    site.mkdir(parents=True)
    mark_output(site)
    (site / "index.html").write_text("the previous site")

    status = build(tree / "mkdocs.yml", strict=False, fmt="text", site_dir=site, timings=None)

    err = capsys.readouterr().err
    assert "open-data files clash with the site's own files: api/directory.csv" in err
    _assert_failed_and_left_the_previous_site(status, err, site)


def test_a_failed_open_data_write_fails_the_build_with_a_message_and_leaves_the_previous_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    status, site = _build_over_a_previous_site(tmp_path, monkeypatch, "full_disk_stage", FULL_DISK_STAGE)
    err = capsys.readouterr().err
    assert "could not write the open-data files: [Errno 28] No space left on device" in err
    _assert_failed_and_left_the_previous_site(status, err, site)


def _stage_where(name: str, raises: str) -> str:
    """A first process in which the open-data writer's ``name`` raises RuntimeError(``raises``)."""
    return textwrap.dedent(f'''
        import sys
        from generator.host import build_stage, file_writer
        def replaced(*args, **kwargs):
            raise RuntimeError({raises!r})
        file_writer.{name} = replaced
        sys.exit(build_stage.main())
        ''')


BROKEN_EXPORTS_STAGE = _stage_where("summarised_exports", "an export could not be made")


def test_open_data_that_cannot_be_made_fails_the_build_and_leaves_the_previous_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The exports are made in a child process while the build plans its pages: a failure in making
    them fails the build, with a message, and leaves the previous site."""
    status, site = _build_over_a_previous_site(tmp_path, monkeypatch, "broken_exports_stage", BROKEN_EXPORTS_STAGE)
    err = capsys.readouterr().err
    assert "could not make the open-data files" in err and "an export could not be made" in err
    _assert_failed_and_left_the_previous_site(status, err, site)


# not an OSError: the writer child ends with its own error
ENCODING_ERROR_STAGE = FAILING_WRITE_STAGE.replace("ERROR", 'ValueError("a file that cannot be written")')


def test_any_error_of_the_open_data_writer_is_a_message_not_an_internal_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The writer child may fail and end before the build tells it the site folder is ready: its
    error is reported like a full disk, whenever it comes."""
    status, site = _build_over_a_previous_site(tmp_path, monkeypatch, "encoding_error_stage", ENCODING_ERROR_STAGE)
    err = capsys.readouterr().err
    assert "could not write the open-data files" in err and "a file that cannot be written" in err
    assert "internal error" not in err
    _assert_failed_and_left_the_previous_site(status, err, site)


NO_MOVES_STAGE = _stage_where("move_all", "kb build moved the open data")


def test_kb_build_writes_the_open_data_straight_into_its_staging_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """No hidden folder and no moves (generator/host/file_writer.py): a build that moved its files
    fails here."""
    status, site = _build_over_a_previous_site(tmp_path, monkeypatch, "no_moves_stage", NO_MOVES_STAGE)
    assert status == 0, capsys.readouterr().err
    assert (site / "api/open-data.zip").is_file() and (site / "api/v1/organisations.json").is_file()


def _stage_stopped_while_making_staging(when: str) -> str:
    """A first process that receives SIGTERM while it makes its staging folder: ``marking`` before the
    folder carries its marker, ``made`` after it was made and before the parent was told of it."""
    return textwrap.dedent(f'''
        import os, signal, sys
        from generator.host import build_stage, site_output
        real_mark, real_make = site_output._mark_owned, build_stage.make_staging
        def mark(folder):
            if {when!r} == "marking" and folder.name.startswith(site_output.STAGING_PREFIX):
                os.kill(os.getpid(), signal.SIGTERM)
            real_mark(folder)
        def make(target):
            staging = real_make(target)
            if {when!r} == "made":
                os.kill(os.getpid(), signal.SIGTERM)
            return staging
        site_output._mark_owned, build_stage.make_staging = mark, make
        sys.exit(build_stage.main())
        ''')


@pytest.mark.parametrize("when", ["marking", "made"])
def test_a_build_process_stopped_while_making_its_staging_folder_leaves_no_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], when: str) -> None:
    """Found by CI: stopped in the moment between making the staging folder and telling the parent of
    it, the folder was left beside the site, known to no one."""
    status, site = _build_over_a_previous_site(tmp_path, monkeypatch, f"stopped_{when}_stage",
                                               _stage_stopped_while_making_staging(when))
    err = capsys.readouterr().err
    assert status == 143, err
    assert "stopped by SIGTERM; the previous site was left as it was" in err and "Traceback" not in err
    assert (site / "index.html").read_text() == "the previous site"
    assert [p.name for p in site.parent.iterdir()] == ["site"]
