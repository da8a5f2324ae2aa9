"""The theme's listing skips hidden folders (Material's 14,000 icons) and mkdocs publishes exactly the
files it published before: the repository's own theme over Material, and a theme folder with hidden
files and folders of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator.host.theme_files import list_visible_files_only

REPO = Path(__file__).resolve().parents[3]


def _published_from_theme(config) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(file.src_uri, file.abs_src_path) for file in files]


def _tree(tmp_path: Path) -> Path:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "directory").mkdir()  # watched by the preview: mkdocs wants it to exist
    # hidden things of the project's own theme, at the top and deeper, beside visible ones
    (tmp_path / "theme/.drafts").mkdir()
    (tmp_path / "theme/.drafts/draft.css").write_text("a{}")
    (tmp_path / "theme/assets/.cache").mkdir()
    (tmp_path / "theme/assets/.cache/old.js").write_text("")
    (tmp_path / "theme/assets/.hidden.css").write_text("a{}")
    (tmp_path / "theme/assets/extra").mkdir()
    (tmp_path / "theme/assets/extra/visible.css").write_text("a{}")
    return tmp_path


def _config(tree: Path):
    return load_config(str(tree / "mkdocs.yml"))


def test_the_same_files_are_published(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    as_mkdocs_lists = _published_from_theme(_config(tree))
    config = _config(tree)
    list_visible_files_only(config.theme)
    list_visible_files_only(config.theme)  # a second call (a rebuild's on_config) changes nothing
    assert _published_from_theme(config) == as_mkdocs_lists
    assert ("assets/extra/visible.css", str(tmp_path / "theme/assets/extra/visible.css")) in as_mkdocs_lists


def test_hidden_folders_are_not_listed(tmp_path: Path) -> None:
    config = _config(_tree(tmp_path))
    everything = config.theme.get_env().list_templates()
    list_visible_files_only(config.theme)
    env = config.theme.get_env()
    listed = env.list_templates()
    assert not [name for name in listed if any(part.startswith(".") for part in name.split("/"))]
    assert set(listed) == {name for name in everything if not any(part.startswith(".") for part in name.split("/"))}
    assert len(everything) > 10 * len(listed)  # Material's icons were most of it
    # templates, hidden ones included, are still found
    assert env.get_template("main.html") is not None
    assert "a{}" in env.loader.get_source(env, ".drafts/draft.css")[0]
