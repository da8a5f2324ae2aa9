"""Page bodies rendered while the build waits for the open data (generator/host/early_bodies.py) are
the ones the pages are written with, by either of the two page-writing processes, and the site is the
same bytes as a build that renders every body as its page is written. The fixture network is small,
so the open data is ready at once: `bodies_before_open_data` makes it render every body early."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

import generator.host.plugin as plugin_module
from generator.cli import main as kb_main
from tests.build.test_reproducible import UNSTABLE_UPSTREAM, _files
from tests.helpers import make_tree

PLAIN = "\n  - kb\n"


def _with_options(config: Path, options: str) -> None:
    text = config.read_text(encoding="utf-8")
    assert PLAIN in text
    config.write_text(text.replace(PLAIN, "\n  - kb:\n" + options), encoding="utf-8")


def test_a_site_written_with_early_bodies_from_two_processes_is_the_same_bytes(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    config = tree / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    _with_options(config, "      pages_in_two_processes_from: 0\n      open_data_in_a_second_process: false\n")
    assert kb_main(["-f", str(config), "build", "--site-dir", str(tmp_path / "one")]) == 0
    config.write_text(original, encoding="utf-8")
    _with_options(config, "      pages_in_two_processes_from: 1\n      bodies_before_open_data: 100000\n")
    assert kb_main(["-f", str(config), "build", "--site-dir", str(tmp_path / "two")]) == 0
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    ours = sorted(name for name in one if not name.startswith(UNSTABLE_UPSTREAM))
    assert sorted(name for name in two if not name.startswith(UNSTABLE_UPSTREAM)) == ours
    assert [name for name in ours if not filecmp.cmp(one[name], two[name], shallow=False)] == []


def test_pages_are_written_with_the_bodies_rendered_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = make_tree(tmp_path / "tree")
    config_file = tree / "mkdocs.yml"
    _with_options(config_file, "      search_index: false\n      open_data_in_a_second_process: false\n"
                               "      bodies_before_open_data: 100000\n")
    rendered_when_written = []
    real = plugin_module.render_body
    monkeypatch.setattr(plugin_module, "render_body",
                        lambda env, spec: rendered_when_written.append(spec.src_uri) or real(env, spec))
    mkdocs_build(load_config(config_file=str(config_file), site_dir=str(tmp_path / "site")))
    assert (tmp_path / "site/organisations").is_dir()
    # only the pages planned once the open data is read: "Use our data", Contribute and the history pages
    assert [uri for uri in rendered_when_written if not (uri.startswith(("open-data", "contribute", "changes/"))
                                                         or uri.endswith("/changes.md"))] == []
    assert "open-data.md" in rendered_when_written
