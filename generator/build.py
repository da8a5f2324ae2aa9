"""`kb build`: check, build with mkdocs into a temporary folder, and swap it in only on success."""

from __future__ import annotations

import gc
import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.catalog import Catalog
from generator.problems import Problems
from generator.search import SearchIndexError
from generator.timings import TIMINGS


class BuildFailed(RuntimeError):
    pass


def build_site(config_file: Path, catalog: Catalog, problems: Problems, *, strict: bool,
               site_dir: Path | None = None) -> Path:
    """Build the site; the previous output at ``site_dir`` stays untouched unless this succeeds."""
    config = load_config(str(config_file))
    target = (site_dir or Path(config.site_dir)).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging))
        plugin = config.plugins["kb"]
        plugin.config.strict = strict
        plugin.preloaded = (catalog, problems)
        plugin.defer_index = True
        _quiet_mkdocs_info()
        with TIMINGS.stage("mkdocs-total"):
            mkdocs_build(config)
        if plugin.config.search_index:
            # mkdocs' pages are gone now; drop our own references too, so Pagefind (about 100 KB of
            # memory per page) does not run beside a full copy of the site in this process
            plugin.specs, plugin.catalog, plugin.preloaded = [], None, None
            gc.collect()
            plugin.index(staging)
    except SearchIndexError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc) or exc.__class__.__name__) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)
    return target


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _quiet_mkdocs_info() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
