"""The first half of `kb build` (see generator/host/build.py), run as its own process: check the content,
report problems, and build the pages with mkdocs into a staging folder beside the target. What the
second half needs (where the staging folder is, how many pages must be searchable, timings) is written
to the --handoff file. Started by generator/host/stage_start.py. Exit status as `kb build`: 0 built, 1
content or build errors, 2 internal error.

    python -m generator.host.stage_start -f mkdocs.yml --handoff FILE [--strict] [--format F] [--site-dir D]
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from generator.core.settings import edition_from_environment
from generator.core.timings import TIMINGS
from generator.host.build import FAILED
from generator.host.config import load_site_config, settings_from_config
from generator.host.guard import Terminated, guarded, print_report, stale_policy
from generator.host.page_split import hide_dirty_warning
from generator.host.site_output import (
    UnsafeSiteDir,
    check_target,
    discard,
    make_staging,
    remove_stale_staging,
    signals_held_back,
)
from generator.site.pipeline import load_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb build (stage)")
    parser.add_argument("-f", "--config-file", type=Path, required=True)
    parser.add_argument("--handoff", type=Path, required=True)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--stale-fails", default="everywhere")
    parser.add_argument("--base", default="origin/main")
    args = parser.parse_args(argv)
    return guarded(lambda: _run(args), say_when_stopped=False)  # `kb build` says it, once


LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def local_address_warning(site_url: str, environ: Mapping[str, str]) -> str | None:
    """In CI or a deploy, a site built for this machine's address prints QR codes, feeds and calendar
    files that point at nobody's site: say so (a local preview build stays quiet)."""
    if urlsplit(site_url).hostname not in LOCAL_HOSTS or not (environ.get("CI") or environ.get("GITHUB_ACTIONS")):
        return None
    return (f"kb: warning: site_url is {site_url}: QR codes, feeds, calendar files and sitemaps will point at "
            "this machine; set KB_SITE_URL (or site_url in mkdocs.yml) to the address the site is published at")


def _run(args: argparse.Namespace) -> int:
    signal.signal(signal.SIGTERM, _stop)  # unwind (and remove the staging folder) instead of dying
    from mkdocs.commands.build import build as mkdocs_build  # noqa: PLC0415 - slow to import
    from mkdocs.exceptions import MkDocsException  # noqa: PLC0415

    config = load_site_config(args.config_file)
    root, docs_dir = args.config_file.resolve().parent, Path(config.docs_dir)
    members = edition_from_environment() == "members"
    target = (args.site_dir or Path(config.site_dir + ("-members" if members else ""))).absolute()
    try:  # before anything slow: a build pointed at the sources or at someone's files does nothing
        check_target(target, root, docs_dir)
    except UnsafeSiteDir as exc:
        print(f"kb: {exc}", file=sys.stderr)
        return 1
    warning = local_address_warning(config.site_url or "", os.environ)
    if warning:
        print(warning, file=sys.stderr)
    catalog, problems = load_catalog(settings_from_config(args.config_file))
    problems = stale_policy(problems, catalog.settings.root, args.stale_fails, args.base)
    if not print_report(problems, strict=args.strict, fmt=args.format):
        return 1
    organisations = len(catalog.organisations)
    gc.collect()

    target.parent.mkdir(parents=True, exist_ok=True)
    # a signal waits until the staging folder is both marked and handed over: stopped in between, it
    # was left behind, owned by no one who knew of it (a CI run caught it)
    remove_stale_staging(target.parent)  # a killed build's whole site, perhaps: not while signals wait
    with signals_held_back():
        staging = make_staging(target)
        _hand_over(args.handoff, {"staging": str(staging)})  # so the parent can clean up if this is killed
    plugin = None
    try:
        config = load_site_config(args.config_file, site_dir=str(staging))
        plugin = config.plugins["kb"]
        plugin.config.strict = args.strict
        plugin.preloaded = (catalog, problems)
        plugin.report_format = args.format
        plugin.defer_index = True
        plugin.split_pages = True
        plugin.site_dir_is_new = True  # made just now by make_staging, and built dirty below
        _quiet_mkdocs_info()
        hide_dirty_warning()
        with TIMINGS.stage("mkdocs-total"):
            # "dirty": the staging folder is new, so there is nothing to clean, and a dirty build lets
            # each page say whether this process writes it (generator/host/page_split.py)
            mkdocs_build(config, dirty=True)
    except MkDocsException as exc:
        for stop in (signal.SIGTERM, signal.SIGINT):  # a signal must not cut the cleanup short
            signal.signal(stop, signal.SIG_IGN)
        if plugin is not None:
            plugin.stop_second_processes()  # nothing may be written into the staging folder once it is removed
        discard(staging)
        print(FAILED.format(str(exc) or exc.__class__.__name__), file=sys.stderr)
        return 1
    except BaseException:
        for stop in (signal.SIGTERM, signal.SIGINT):  # a second signal must not cut the cleanup short
            signal.signal(stop, signal.SIG_IGN)
        if plugin is not None:
            plugin.stop_second_processes()
        discard(staging)
        raise
    _hand_over(args.handoff, {
        "staging": str(staging), "target": str(target), "root": str(root), "docs_dir": str(docs_dir),
        "organisations": organisations,
        "index": bool(plugin.config.search_index), "expected_pages": plugin.expected_pages,
        "timings": dict(TIMINGS.seconds)})
    return 0


def _stop(signum: int, frame: object) -> None:
    raise Terminated


def _hand_over(path: Path, data: dict) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(data), encoding="utf-8")
    partial.replace(path)  # the parent never reads half a file


def _quiet_mkdocs_info() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


if __name__ == "__main__":
    sys.exit(main())
