"""Build the demo site from two revisions and list every file that differs, byte for byte.

    .venv/bin/python scripts/compare_builds.py main .          # main against the working tree
    .venv/bin/python scripts/compare_builds.py REV_A REV_B      # two commits
    .venv/bin/python scripts/compare_builds.py SITE_A SITE_B    # two folders built already

A revision is built from a clone of this repository (its own history, so "last changed" dates and
the "what changed" pages are as a checkout of it gives them), with that revision's own generator;
`.` is the working tree as it is. Pagefind's filter and metadata indexes are left out: they differ
between two runs over the same input (upstream Pagefind issue 638). Exit status 0 when the builds
are identical apart from those, 1 otherwise.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Pagefind rewrites these with different bytes (and names) from the same input
UNSTABLE_UPSTREAM = ("pagefind/filter/", "pagefind/pagefind-entry.json", "pagefind/pagefind.en_")
PLUGIN_MODULES = ("generator.host.plugin", "generator.plugin")  # where the mkdocs plugin has lived


def site_files(site: Path) -> dict[str, Path]:
    """Every file of a built site by its path, without Pagefind's unstable indexes."""
    return {name: path for path in site.rglob("*") if path.is_file()
            and not (name := path.relative_to(site).as_posix()).startswith(UNSTABLE_UPSTREAM)}


def differences(one: Path, two: Path) -> list[str]:
    """One line per file that is only in one site or differs between them."""
    first, second = site_files(one), site_files(two)
    lines = [f"only in {one}: {name}" for name in sorted(first.keys() - second.keys())]
    lines += [f"only in {two}: {name}" for name in sorted(second.keys() - first.keys())]
    lines += [f"differs: {name}" for name in sorted(first.keys() & second.keys())
              if not filecmp.cmp(first[name], second[name], shallow=False)]
    return lines


def _checkout(revision: str, scratch: Path) -> Path:
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--verify", f"{revision}^{{commit}}"],
                            check=True, capture_output=True, text=True).stdout.strip()
    folder = scratch / f"src-{commit[:12]}"
    subprocess.run(["git", "clone", "--quiet", "--shared", "--no-checkout", str(REPO), str(folder)], check=True)
    subprocess.run(["git", "-C", str(folder), "checkout", "--quiet", "--detach", commit], check=True)
    return folder


def _plugin_shim(checkout: Path, scratch: Path) -> Path:
    """A folder whose package metadata points mkdocs' `kb` plugin at this checkout's module (it moved
    between revisions; the metadata installed in .venv names the working tree's)."""
    module = next(m for m in PLUGIN_MODULES if (checkout / (m.replace(".", "/") + ".py")).is_file())
    shim = scratch / f"shim-{checkout.name}"
    info = shim / "rodent_er_kb-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: rodent-er-kb\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[mkdocs.plugins]\nkb = {module}:KnowledgeBasePlugin\n", encoding="utf-8")
    return shim


def build(source: str, scratch: Path) -> Path:
    """The site built from a revision or the working tree (``.``), or ``source`` itself if it is a site."""
    given = Path(source)
    if given.is_dir() and (given / "index.html").is_file():
        return given
    checkout = REPO if source == "." else _checkout(source, scratch)
    out = scratch / f"site-{checkout.name}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if checkout != REPO:
        env["PYTHONPATH"] = os.pathsep.join([str(_plugin_shim(checkout, scratch)), str(checkout)])
    # `-m generator.cli` from the checkout runs that revision's generator (the current folder comes first)
    subprocess.run([sys.executable, "-m", "generator.cli", "-f", "mkdocs.yml", "build", "--strict", "--site-dir",
                    str(out)], cwd=checkout, env=env, check=True, stdout=subprocess.DEVNULL)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kb-compare-") as scratch:
        one, two = (build(source, Path(scratch)) for source in argv)
        lines = differences(one, two)
        print("\n".join(lines) if lines else f"identical: {len(site_files(one))} files "
              "(Pagefind's filter and metadata indexes left out)")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
