"""`kb serve` rewrites only the files an edit changed (generator/host/incremental.py), and the folder it
leaves is the one a first build of the edited sources writes: after each kind of edit (one field, a new
file, a deleted file, the theme, an error and its fix) the preview's folder is compared file by file
with a fresh preview build of the same sources.

The preview runs in its own process, as `kb serve` does: mkdocs keeps the plugin object for the life
of a process, so an in-process preview would leave its memory to the tests that build after it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.reload import ORGANISATION
from benchmarks.synthetic import copy_demo_tree
from tests.helpers import REPO

DRIVER = textwrap.dedent("""
    import logging
    import sys
    from pathlib import Path
    from generator.host.preview import PreviewBuilds
    said = logging.getLogger("mkdocs.plugins.kb")  # how many bodies each rebuild rendered
    said.addHandler(logging.StreamHandler(sys.stderr))
    said.setLevel(logging.INFO)
    builds = PreviewBuilds(Path(sys.argv[1]), Path(sys.argv[2]))
    try:
        for _ in sys.stdin:
            try:
                builds.build()
                builds.settle()
            except Exception as exc:
                print("failed", exc, flush=True)
            else:
                print("built", flush=True)
    finally:
        builds.close()
""")
SEARCH_INDEX = "pagefind"  # Pagefind's output is not byte-stable from run to run: left out


class Preview:
    """A preview process building ``tree`` into ``site`` whenever it is asked."""

    def __init__(self, tree: Path, site: Path, log: Path) -> None:
        self.site = site
        self._log_path = log
        self._log = log.open("w")
        self._process = subprocess.Popen([sys.executable, "-c", DRIVER, str(tree / "mkdocs.yml"), str(site)],
                                         cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=self._log, text=True)

    def build(self) -> None:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write("build\n")
        self._process.stdin.flush()
        answer = self._process.stdout.readline()
        assert answer == "built\n", f"the preview's build failed: {answer}"

    def bodies_rendered(self) -> tuple[int, int]:
        """How many page bodies the last build rendered, of how many pages with a body."""
        said = re.findall(r"\((\d+) of (\d+) page bodies rendered again\)", self._log_path.read_text())
        assert said, "the preview did not say how many bodies it rendered"
        return int(said[-1][0]), int(said[-1][1])

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=60)
        self._log.close()


def site_files(site: Path) -> dict[str, bytes]:
    files = {}
    for parent, folders, names in os.walk(site):
        folders[:] = [f for f in folders if not f.startswith((".", SEARCH_INDEX))]
        for name in names:
            if not name.startswith("."):
                path = Path(parent, name)
                files[path.relative_to(site).as_posix()] = path.read_bytes()
    return files


def modified_at(site: Path) -> dict[str, int]:
    return {path: (site / path).stat().st_mtime_ns for path in site_files(site)}


@pytest.fixture()
def preview(tmp_path: Path) -> Iterator[tuple[Path, Preview]]:
    tree = tmp_path / "network"
    copy_demo_tree(tree)
    running = Preview(tree, tmp_path / "preview", tmp_path / "preview.log")
    try:
        running.build()
        yield tree, running
    finally:
        running.close()


def assert_same_as_a_first_build(tree: Path, preview: Preview, scratch: Path) -> None:
    fresh = Preview(tree, scratch, scratch.with_suffix(".log"))
    try:
        fresh.build()
    finally:
        fresh.close()
    kept, expected = site_files(preview.site), site_files(scratch)
    assert sorted(kept) == sorted(expected)
    assert [path for path in expected if kept[path] != expected[path]] == []


def test_an_edit_rewrites_its_pages_only_and_every_edit_leaves_what_a_first_build_writes(
        preview: tuple[Path, Preview], tmp_path: Path) -> None:
    tree, running = preview
    source = tree / "directory/organisations" / f"{ORGANISATION}.yml"
    page = f"organisations/{ORGANISATION}/index.html"
    unrelated = "triage/index.html"

    # one field of one organisation (its alert: in page bodies, not in the description of any page's
    # front matter): its page and the few listing it are written, no other page
    before = modified_at(running.site)
    text = source.read_text(encoding="utf-8")
    assert text.count("Please use the Quayside") == 1
    source.write_text(text.replace("Please use the Quayside", "Please use the previewcheck1 Quayside"),
                      encoding="utf-8")
    running.build()
    after = modified_at(running.site)
    rewritten = sorted(path for path in after if path.endswith(".html") and after[path] != before.get(path))
    assert page in rewritten and unrelated not in rewritten
    assert len(rewritten) < len([p for p in after if p.endswith(".html")]) / 10, rewritten
    assert "previewcheck1" in (running.site / page).read_text(encoding="utf-8")
    # the bodies of pages built from other entries only are not even rendered again
    rendered, pages = running.bodies_rendered()
    assert 0 < rendered < pages / 3, (rendered, pages)
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh1")

    # an entry another file's pages show (kit held by this organisation), and a vocabulary's term (its
    # label is on every page that names the species): each page shows the new words, as a first
    # build of the same sources does
    kit = tree / "directory/equipment/saltwick-oxygen-concentrator-1.yml"
    shown = (running.site / page).read_text(encoding="utf-8")
    assert kit.read_text(encoding="utf-8").count("quantity: 2") == 1
    kit.write_text(kit.read_text(encoding="utf-8").replace("quantity: 2", "quantity: 3"), encoding="utf-8")
    running.build()
    assert (running.site / page).read_text(encoding="utf-8") != shown
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh1b")
    species = tree / "directory/species.yml"
    species.write_text(species.read_text(encoding="utf-8").replace("label: Degu", "label: Degu (previewcheck7)"),
                       encoding="utf-8")
    running.build()
    assert "previewcheck7" in (running.site / "species/degu/index.html").read_text(encoding="utf-8")
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh1c")

    # the same terms in another order: pages that list every species list them in the new one, though
    # no page's spec changed (an adversarial review found first-aid pages kept the old order)
    text = species.read_text(encoding="utf-8")
    rat, rest = text.split("- id: mouse", 1)
    header, rat = rat.split("- id: rat", 1)
    species.write_text(header + "- id: mouse" + rest.rstrip("\n") + "\n- id: rat" + rat.rstrip("\n") + "\n",
                       encoding="utf-8")
    running.build()
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh1d")

    # a new organisation, then the same removed: other pages list it, then must not
    added = source.with_name("saltwick-annexe.yml")
    added.write_text(source.read_text(encoding="utf-8")
                     .replace(f"id: {ORGANISATION}", "id: saltwick-annexe")
                     .replace("name: Saltwick Veterinary Hospital", "name: Saltwick Annexe"), encoding="utf-8")
    running.build()
    assert (running.site / "organisations/saltwick-annexe/index.html").is_file()
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh2")
    added.unlink()
    running.build()
    assert not (running.site / "organisations/saltwick-annexe").exists()
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh3")

    # the theme: every page may show it
    stylesheet = tree / "theme/assets/kb.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* previewcheck2 */\n", encoding="utf-8")
    running.build()
    assert "previewcheck2" in (running.site / "assets/kb.css").read_text(encoding="utf-8")
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh4")

    # a hand-written page saved twice in one second (or a file moved in with an older time): what it
    # says counts, not when it was changed
    about = tree / "content/pages/about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text.replace("# About this site", "# About this site\n\npreviewcheck4"), encoding="utf-8")
    running.build()
    when = about.stat().st_mtime_ns
    about.write_text(text.replace("# About this site", "# About this site\n\npreviewcheck5"), encoding="utf-8")
    os.utime(about, ns=(when, when))
    running.build()
    assert "previewcheck5" in (running.site / "about/index.html").read_text(encoding="utf-8")
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh5")

    # a link that leads nowhere: the preview shows the page as written, with the problem above it; then fixed
    about.write_text(text.replace("# About this site", "# About this site\n\n[help](../get-halp/)"), encoding="utf-8")
    running.build()
    assert "kb-serve-links" in (running.site / "about/index.html").read_text(encoding="utf-8")
    shown = (running.site / "about/index.html").read_text(encoding="utf-8")
    assert "leads to no page" in shown and "get-halp" in shown, re.findall(r"kb-serve-links.{0,400}", shown, re.S)
    about.write_text(text, encoding="utf-8")
    running.build()
    assert "kb-serve-links" not in (running.site / "about/index.html").read_text(encoding="utf-8")

    # an error: every page, the unrelated one too, shows it above the last good version; then fixed
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("kind: emergency-hospital", "kind: emergency-hospitl"), encoding="utf-8")
    running.build()
    assert "kb-serve-errors" in (running.site / unrelated).read_text(encoding="utf-8")
    source.write_text(good.replace("previewcheck1", "previewcheck3"), encoding="utf-8")
    running.build()
    assert "kb-serve-errors" not in (running.site / unrelated).read_text(encoding="utf-8")
    assert "previewcheck3" in (running.site / page).read_text(encoding="utf-8")
    assert_same_as_a_first_build(tree, running, tmp_path / "fresh6")
