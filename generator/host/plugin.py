"""The mkdocs host: wires the generator library into mkdocs hooks and does nothing else. It names no
content type: pages and files come from generator/site/plan.py and generator/exports/."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.common.charts import app_icon, icon_png
from generator.common.collector import made_to_last
from generator.common.markdown_text import sanitise_page
from generator.core.catalog import Catalog
from generator.core.history import History, read_history
from generator.core.issues import Issues, Severity, report
from generator.core.remembered import RememberedFiles
from generator.core.settings import SettingsError, settings_from_extra
from generator.core.specs import DataFile, PageSpec, TemplateFile
from generator.core.timings import TIMINGS
from generator.exports import plan_open_data, readme
from generator.exports.feeds import feed_files
from generator.host.csp import UnexpectedInlineScript, apply_policy
from generator.host.file_writer import InChild, InThread, open_data_writer
from generator.host.guard import print_report
from generator.host.html_pages import skip_markdown
from generator.host.incremental import (
    GeneratedFile,
    PreviewRebuilds,
    digest,
    folder_digest,
    nav_names_every_page,
    site_shape,
)
from generator.host.nav_cache import install as install_nav_cache
from generator.host.offline import write_preview_service_worker, write_service_worker
from generator.host.page_split import PageSplit, SecondProcessFailed, hide_dirty_warning
from generator.host.search import SearchIndexError, index_site
from generator.host.site_output import UnsafeSiteDir, check_target, mark_output, write_manifest
from generator.host.theme_files import list_visible_files_only
from generator.host.theme_text import install as install_theme_text
from generator.kinds.triage.quoting import quote
from generator.site.contribute import plan_contribute
from generator.site.history import history_files, plan_history
from generator.site.link_check import check_links
from generator.site.pipeline import load_catalog
from generator.site.plan import plan_files, plan_pages
from generator.site.render import (
    THEME_COMPILED,
    compile_ahead,
    front_matter,
    make_environment,
    render_body,
    render_file,
    render_page,
)

SEARCH_BODY = "data-pagefind-body"
ICON_SIZES = (192, 512)  # the web app manifest's icons (theme/kb/site.webmanifest)
LOG = logging.getLogger("mkdocs.plugins.kb")


def _publish_only_theme_assets(files: Files, config: MkDocsConfig) -> None:
    """mkdocs copies every non-template file of the theme folders into the site. Of ours (theme/), the
    site needs assets/ only: kb/ holds the sources of generated files (sw.js, feeds, tiers.css), with
    their Jinja unrendered, and new/ the `kb new` templates."""
    custom = config.theme.custom_dir
    if not custom:
        return
    ours = Path(custom).resolve()
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(ours) \
                and not file.src_uri.startswith("assets/"):
            files.remove(file)


class KnowledgeBaseConfig(Config):
    strict = config_options.Type(bool, default=False)
    search_index = config_options.Type(bool, default=True)
    # `kb build` writes the pages from two processes from this many pages on (0: never); below it,
    # starting the second process costs more than it saves
    pages_in_two_processes_from = config_options.Type(int, default=2000)
    # the open-data files are made and written by a forked process beside mkdocs (a thread in `kb
    # serve`); false makes them in the build process and writes them from a thread
    open_data_in_a_second_process = config_options.Type(bool, default=True)


def _what_bodies_are_made_from(env: Any) -> tuple:
    """Besides its spec, what a page's body depends on: the templates, and the environment's values
    (the vocabularies' terms, the day, the site's address, the edition), in their order. Its
    functions are the generator's own, the same for the life of the process (the two that read
    the species, `species_list` and `species_plural`, read `terms`)."""
    loader = env.loader
    templates = tuple(folder_digest(Path(folder)) for folder in getattr(loader, "searchpath", ()))
    return templates, _in_order({name: value for name, value in env.globals.items() if not callable(value)})


def _in_order(value: Any) -> Any:
    """Mappings as their items in order: two dicts in different orders are equal, but templates loop
    over them in their order (species.yml reordered reorders every species list)."""
    if isinstance(value, Mapping):
        return tuple((key, _in_order(item)) for key, item in value.items())
    return value


# how many page bodies are rendered together (KnowledgeBasePlugin._render_ahead)
RENDER_AHEAD = 64


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        super().__init__()
        # `kb build` loads and reports first, then hands the result over so nothing is loaded twice.
        self.preloaded: tuple[Catalog, Issues] | None = None
        self.report_format = "text"  # of problems found while building ("github": workflow annotations)
        self.catalog: Catalog | None = None
        self.specs: list[PageSpec] = []
        self.searchable_pages = 0
        self.history = History()
        # pages whose body is finished HTML, by src_uri: rendered only when mkdocs writes the page,
        # so the site's bodies are never all in memory at once (gigabytes at 10,000 entries)
        self.html_pages: dict[str, PageSpec] = {}
        self._env = None
        self._compiled: set[str] = set()  # our templates compiled so far in this build (compile_ahead)
        # `kb build` indexes in its parent process once this one has exited (peak memory at scale);
        # a plain `mkdocs build` or `kb serve` indexes in on_post_build.
        self.defer_index = False
        # `kb build` lets the pages be written by two processes (generator/host/page_split.py)
        self.split_pages = False
        # `kb build` builds into a new staging folder, "dirty" (nothing empties it): the open data may be
        # written straight into place from the start (generator/host/file_writer.py)
        self.site_dir_is_new = False
        self._split: PageSplit | None = None
        self.expected_pages = 0
        self._files: Files | None = None
        # `kb serve` indexes in the background so an edit shows as soon as its pages are written
        self.serving = False
        self._indexing: threading.Thread | None = None
        self._index_again = False  # a build finished while the index was being made: index once more
        self._index_lock = threading.Lock()
        # `kb serve`'s rebuilds keep the files an edit did not change (generator/host/incremental.py)
        self.rebuild_changed_only = False
        self._rebuilds = PreviewRebuilds()
        # HTML bodies rendered before mkdocs writes their pages: the preview's, to compare them, and a
        # build's next few (_render_ahead)
        self._bodies: dict[str, str] = {}
        self._page_order: list[str] = []
        self._page_index: dict[str, int] = {}
        # ...unless the page's spec equals the last rebuild's and so does everything else a body is
        # made from (the templates, the environment's values): then its body is the same, and only
        # the digest of it is kept, by src_uri (with the spec it was made from)
        self._rendered: dict[str, tuple[PageSpec, str]] = {}
        self._rendered_from: tuple | None = None
        # the files the preview's last load read, given again while unchanged: the same entries, so
        # specs compare in no time (generator/core/remembered.py)
        self._remembered = RememberedFiles()
        # the open-data files are made and written beside the build (generator/host/file_writer.py)
        self._writer: InThread | InChild | None = None
        self._icons: dict[int, Any] = {}  # the app icons' drawings, by size
        # `kb serve` keeps showing the last content without errors while an edit has some (mkdocs'
        # server would otherwise hold every request until a build succeeds), with the errors on top
        self.last_good: tuple[Catalog, Issues] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.rebuild_changed_only = self.serving and dirty  # generator/host/preview.py asks for it
        if self.rebuild_changed_only:  # `mkdocs serve --dirty` too: under strict, the warning would fail it
            hide_dirty_warning()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        print(f"kb: serving on {server.url} (press Ctrl+C to stop); pages reload as you save", file=sys.stderr)
        return server

    def on_shutdown(self) -> None:
        self.stop_writing()
        self._wait_for_index()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:  # mkdocs empties site_dir before it builds: never let that be someone's files
            check_target(Path(config.site_dir), Path(config.config_file_path).resolve().parent,
                         Path(config.docs_dir))
        except UnsafeSiteDir as exc:
            raise PluginError(str(exc)) from None
        list_visible_files_only(config.theme)  # Material's 14,000 hidden icons are never published
        if self.preloaded is not None:
            catalog, problems = self.preloaded
        else:
            try:
                settings = settings_from_extra(Path(config.config_file_path).resolve().parent, config.extra)
            except SettingsError as exc:
                raise PluginError(str(exc)) from None
            catalog, problems = load_catalog(settings,
                                             remembered=self._remembered if self.rebuild_changed_only else None)
            if len(problems):
                print("\n".join(report(problems, strict=self.config.strict)), file=sys.stderr)
        config.extra["kb_serve_problems"] = []
        config.extra["kb_serving"] = self.serving  # the preview registers no service worker (theme/main.html)
        config.extra["kb_members_edition"] = catalog.settings.members  # the banner, noindex (theme/main.html)
        if problems.failing(self.config.strict):
            if not (self.serving and self.last_good):
                raise PluginError("the content has errors (listed above); nothing was built")
            config.extra["kb_serve_problems"] = [p.text() for p in problems.promoted(self.config.strict)
                                                 if p.severity == Severity.ERROR]
            print("kb: the content has errors (listed above): the preview shows the last version without "
                  "errors, with these errors on every page, until they are fixed", file=sys.stderr)
            catalog, problems = self.last_good
        elif self.serving:
            self.last_good = (catalog, problems)
        self.catalog = catalog
        if self.rebuild_changed_only:
            self._finish_writing()  # the preview's last rebuild left it writing behind the reload
        self.stop_writing()  # only a build that never ended leaves one running
        with TIMINGS.stage("plan"):
            # in a child process, except in `kb serve`, whose server threads make forking unwise; it
            # makes the exports while this process plans the pages
            site_url = config.site_url or ""
            self._env = make_environment(catalog, site_url=site_url)  # the writer's README is rendered first
            readme_text = readme(self._env, catalog, site_url, config.site_name, config.extra)
            self._writer = open_data_writer(catalog, site_url, config.site_name, config.extra, readme=readme_text,
                                            fork=not self.serving and self.config.open_data_in_a_second_process,
                                            site_dir=Path(config.site_dir), site_dir_is_new=self.site_dir_is_new)
            # asked for now (after that fork, which would wait for them), drawn while the pages are planned
            self._icons = {size: app_icon(size) for size in ICON_SIZES}
            with made_to_last():  # the plans live until the pages are written
                self.specs = plan_pages(catalog)
                self._compiled = set()
                if self.split_pages and isinstance(self._writer, InChild):
                    # this process waits for the exports' summary next (about a second at 5,000
                    # organisations): the templates are compiled in that time instead of before the
                    # pages are written
                    self._compiled = compile_ahead(self._env, {spec.template for spec in self.specs
                                                               if not spec.markdown})
                try:
                    summary = self._writer.summary()
                except (OSError, RuntimeError) as exc:
                    raise PluginError(f"could not make the open-data files: {exc}") from None
                self.specs += (plan_open_data(catalog, summary, config.site_name, config.extra)
                               + plan_contribute(catalog, config.extra))
                self.history = read_history(catalog.settings.root)
                self.specs += plan_history(self.specs, self.history)
        self._check_links(catalog, config)
        self.html_pages = {spec.src_uri: spec for spec in self.specs if not spec.markdown}
        return config

    def _check_links(self, catalog: Catalog, config: MkDocsConfig) -> None:
        """Links in contributors' Markdown that lead nowhere, reported as `kb check` reports: known only
        now that every page is planned (generator/site/link_check.py), and before any page is written.
        The preview shows its pages all the same, as mkdocs would, with the problems above each page
        (theme/main.html), where a contributor looking only at the browser sees them."""
        found = Issues()
        found.extend(check_links(catalog, self.specs, Path(config.docs_dir)))
        config.extra["kb_serve_link_problems"] = [p.text() for p in found.sorted()] if self.serving else []
        if len(found) and not print_report(found, strict=self.config.strict, fmt=self.report_format) \
                and not self.serving:
            raise PluginError("links in the content lead to no page (listed above); nothing was built")

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        _publish_only_theme_assets(files, config)
        env = self._env
        if not self.rebuild_changed_only:  # the preview's starts once its pages are written
            with TIMINGS.stage("exports"):
                self._start_writing(config)
        self._bodies = {}
        with TIMINGS.stage("render"):
            if self.rebuild_changed_only:
                made_from = _what_bodies_are_made_from(env)
                last = self._rendered if made_from == self._rendered_from else {}
                self._rendered, self._rendered_from = {}, made_from
            for spec in self.specs:
                if spec.src_uri not in self.html_pages:
                    content = render_page(env, spec)
                else:  # its body is rendered when mkdocs writes it; the preview compares it now
                    content = front_matter(spec)
                    if self.rebuild_changed_only:
                        self._rendered[spec.src_uri] = self._body_digest(env, spec, last.get(spec.src_uri))
                files.append(GeneratedFile.generated(config, spec.src_uri, content=content))
        with TIMINGS.stage("exports"):
            self._add_exports(files, config, env)
            # the writer and mkdocs write at the same time: they must never write the same file (a
            # clash fails the build, and stops the writer, before mkdocs writes a page)
            assert self._writer is not None
            written_by_writer = self._writer.summary()["paths"]
            clashes = sorted(set(written_by_writer) & {file.dest_uri for file in files})
            if clashes:
                raise PluginError(f"open-data files clash with the site's own files: {', '.join(clashes[:5])}")
            if self.rebuild_changed_only:  # it writes the open data once the pages are written
                self._keep_unchanged_files(files, config, written_by_writer)
        return files

    def _body_digest(self, env: Any, spec: PageSpec, last: tuple[PageSpec, str] | None) -> tuple[PageSpec, str]:
        """The page's spec and the digest of its body: the last rebuild's when the spec is equal (then
        the body is rendered only if mkdocs writes the page), else rendered now and kept to write."""
        if last is not None and last[0] == spec:
            return last
        body = self._bodies[spec.src_uri] = render_body(env, spec)
        return spec, digest(body, repr(spec.toc))

    def _keep_unchanged_files(self, files: Files, config: MkDocsConfig, written_by_writer: list[str]) -> None:
        """The preview writes only the generated files whose content changed, while everything the pages
        share is unchanged; else it empties the site folder (generator/host/incremental.py)."""
        shared = None
        if nav_names_every_page(config.nav):
            shared = digest(config.site_dir,
                            Path(config.config_file_path).read_bytes() if config.config_file_path else b"",
                            json.dumps(config.extra, sort_keys=True, default=str),
                            folder_digest(Path(config.theme.custom_dir) if config.theme.custom_dir else None),
                            folder_digest(Path(config.docs_dir)),
                            repr(self.history.changes),
                            site_shape(files, written_by_writer))
        rendered_again = len(self._bodies)
        bodies = {uri: body_digest for uri, (_, body_digest) in self._rendered.items()}
        written = self._rebuilds.prepare(files, shared, bodies, Path(config.site_dir),
                                         before_emptying=self._wait_for_index)
        for file in files:  # held only for the pages mkdocs will write
            if isinstance(file, GeneratedFile) and file.unchanged:
                self._bodies.pop(file.src_uri, None)
        LOG.info("kb: %d of %d generated files changed (%d of %d page bodies rendered again)", written,
                 sum(isinstance(file, GeneratedFile) for file in files), rendered_again, len(bodies))

    def _start_writing(self, config: MkDocsConfig) -> None:
        """The open-data exports go straight into the site folder (mkdocs has emptied it by now),
        written while this process renders the pages: held as mkdocs files they would stay in memory
        until mkdocs copies its files. on_post_build waits for them; a failed build stops the writer."""
        assert self.catalog is not None and self._writer is not None
        try:
            self._writer.start(Path(config.site_dir))
        except (OSError, RuntimeError) as exc:  # the child's own error, whatever it was, reaches here too
            raise PluginError(f"could not write the open-data files: {exc}") from None

    def wait_for_writing(self) -> None:
        """Every open-data file is on disk once this returns; a failed write fails the build."""
        if self._writer is None:
            return
        with TIMINGS.stage("exports"):
            try:
                # kept until it has finished: a signal during the wait must leave it for stop_writing
                self._writer.wait()
            except (OSError, RuntimeError) as exc:  # a failed write, or a writer that died or hung
                self._writer = None
                raise PluginError(f"could not write the open-data files: {exc}") from None
        self._writer = None

    def stop_writing(self) -> None:
        """The build failed or was stopped: no open-data file is written after this returns."""
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        error = writer.stop()
        if error is not None:
            LOG.error("could not write the open-data files: %s", error)

    def _add_exports(self, files: Files, config: MkDocsConfig, env) -> None:
        """Data, feeds, charts, redirects and icons: every generated file that is not a page."""
        assert self.catalog is not None
        for extra in [*plan_files(self.catalog, config.site_url or ""),
                      *history_files(self.specs, self.history, config.site_url or "", config.site_name),
                      *feed_files(self.catalog, self.specs, self.history, config.site_url or "", config.site_name),
                      TemplateFile("site.webmanifest", "site.webmanifest",
                                   {"name": config.site_name, "description": config.site_description or ""}),
                      *[DataFile(f"assets/icons/icon-{size}.png", icon_png(drawing))
                        for size, drawing in self._icons.items()]]:
            content = render_file(env, extra) if isinstance(extra, TemplateFile) else extra.content
            files.append(GeneratedFile.generated(config, extra.src_uri, content=content))

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.searchable_pages = 0
        site_dir = Path(config.site_dir)
        site_dir.mkdir(parents=True, exist_ok=True)
        mark_output(site_dir)  # a hidden file: mkdocs' cleaning keeps it, and the next build may replace this
        if not self.rebuild_changed_only:  # the preview empties it only when it must, and waits then
            self._wait_for_index()  # mkdocs empties the site folder next

    def on_env(self, env, config: MkDocsConfig, files: Files):
        self._files = files
        pages = files.documentation_pages()
        self._page_order = [file.src_uri for file in pages]
        self._page_index = {uri: index for index, uri in enumerate(self._page_order)}
        threshold = self.config.pages_in_two_processes_from
        if self.split_pages and hasattr(os, "fork") and 0 < threshold <= len(pages):
            self._split = PageSplit()
            self._split.arm(pages)
        install_nav_cache(env)
        install_theme_text(env, config)
        env.bytecode_cache = THEME_COMPILED  # `kb serve` compiles Material's templates once, not on every edit
        if self._split:  # compiled once here and shared by both processes, instead of in each after the fork
            # (mkdocs renders 404.html before the first page, which compiles Material's templates)
            with TIMINGS.stage("render"):
                self._compiled = compile_ahead(self._env, {spec.template for spec in self.html_pages.values()},
                                               known=self._compiled)
        return env

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """A page of ours with an HTML body has no Markdown to convert."""
        if page.file.generated_by and page.file.src_uri in self.html_pages:
            skip_markdown(page)
        return page

    def _let_go_of_written_files(self) -> None:
        """Once mkdocs writes pages, its static and data files are on disk: let go of the generated
        ones' contents (mkdocs would hold them to the end of the build)."""
        if self._files is not None:
            for file in self._files:
                if file.generated_by and not file.is_documentation_page():
                    file.content_bytes = b""
            self._files = None

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
        """A page made from our HTML templates gets its body now, just before mkdocs writes it (its
        file held only the front matter, so Markdown had nothing to convert); and every page gets
        where it comes from and when that last changed, for the footer."""
        self._let_go_of_written_files()
        spec = self.html_pages.get(page.file.src_uri) if page.file.generated_by else None
        if spec is not None:
            body = self._bodies.pop(spec.src_uri, None)
            if body is None:  # most bodies were rendered ahead, a few dozen at a time: timed once for each run
                with TIMINGS.stage("render"):
                    body = render_body(self._env, spec)
                    if not self.rebuild_changed_only:
                        self._render_ahead(spec.src_uri)
            page.content = body
            if spec.toc:
                page.toc = get_toc(spec.toc)
        kb = (page.meta or {}).get("kb") or {}
        source = kb.get("source")
        if not source and not page.file.generated_by:  # a hand-written page in docs_dir
            source = str(Path(config.docs_dir).resolve().relative_to(Path(config.config_file_path).resolve().parent)
                         / page.file.src_uri)
        if source:
            changed = self.history.last_changed(source)
            repo = (config.extra.get("source_repo") or "").rstrip("/")
            page.meta["kb_footer"] = {
                "source": source,
                "changed": changed.date().isoformat() if changed else None,
                "edit": f"{repo}/edit/{config.extra.get('source_branch', 'main')}/{source}" if repo else None,
                "history": kb.get("history"),
            }
        return context

    def _render_ahead(self, src_uri: str) -> None:
        """Render the bodies of the next pages this process writes, while our templates are warm: between
        mkdocs' own work on each page they ran half as fast again (measured at 5,000: an organisation
        page 0.49 ms one at a time, 0.31 ms in a row). A few at a time, so memory stays small. A page
        that fails is left to fail in its own turn, where mkdocs names it."""
        index = self._page_index.get(src_uri)
        if index is None:
            return
        step = 2 if self._split is not None and self._split.forked else 1  # page_split: every other page
        for later in self._page_order[index + step:index + step * RENDER_AHEAD:step]:
            spec = self.html_pages.get(later)
            if spec is None or later in self._bodies:
                continue
            try:
                self._bodies[later] = render_body(self._env, spec)
            except Exception:  # noqa: BLE001 - reported when mkdocs writes that page
                return

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A hand-written page (content/pages) quotes clinical numbers from signs.yml as guidance does:
        {{not-eating:guinea-pig}} becomes "6 hours" (kb check reports a macro that names nothing)."""
        if page.file.generated_by or self.catalog is None:
            return markdown
        return quote(markdown, self.catalog)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A hand-written page (content/pages) is sanitised like contributors' Markdown: its raw HTML and
        attribute lists may not add scripts, event handlers, styles or links off the site."""
        return html if page.file.generated_by else sanitise_page(html)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if SEARCH_BODY in output:
            self.searchable_pages += 1
        if page.file.generated_by:  # written once returned: at 10,000 entries these add up to gigabytes
            page.content, page.markdown = None, None
            page.file.content_bytes = b""
        try:
            return apply_policy(output, page.file.src_uri, live_reload=self.serving)
        except UnexpectedInlineScript as exc:
            raise PluginError(str(exc)) from None

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """Static templates such as 404.html carry the same policy."""
        try:
            return apply_policy(output_content, template_name, live_reload=self.serving)
        except UnexpectedInlineScript as exc:
            raise PluginError(str(exc)) from None

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self._split is not None and self._split.is_child:
            self._split.child_finish(self.searchable_pages)  # does not return
        if self._split is not None and self._split.forked:
            self._join_second_process()
        if not self.rebuild_changed_only:
            self.wait_for_writing()
        else:  # the open data is not what an editor looks at: the page reloads while it is written,
            # and writing it while the pages were written would slow them (one interpreter lock)
            self._start_writing(config)
            self._rebuilds.succeeded()  # every file of mkdocs' is written: the next rebuild may keep them
        site_dir = Path(config.site_dir)
        if not self.config.search_index:
            self._list_what_was_made(site_dir)
            return
        with TIMINGS.stage("exports"):
            if self.serving:
                write_preview_service_worker(site_dir, self._env)
            else:
                # `kb build` (defer_index) finishes it beside Pagefind: hashing every file is seconds at scale
                write_service_worker(site_dir, self._env, members=self.catalog.settings.members,
                                     version_later=self.defer_index)
        self.expected_pages = max(self.searchable_pages, sum(1 for spec in self.specs if spec.search))
        if self.serving:
            with self._index_lock:
                if self._indexing is not None:  # it indexes again once done: one Pagefind at a time
                    self._index_again = True
                    return
                self._indexing = threading.Thread(target=self._index_in_background, args=(site_dir,),
                                                  daemon=True)
                self._indexing.start()
        elif not self.defer_index:
            try:
                self.index(site_dir)
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from None
            self._list_what_was_made(site_dir)

    def _list_what_was_made(self, site_dir: Path) -> None:
        """A plain `mkdocs build` wrote the site in place: list what it made, so that the next build
        refuses the folder if anything else is put there (`kb build` lists its site as it swaps it in)."""
        if not self.serving and not self.defer_index:
            write_manifest(site_dir)

    def _join_second_process(self) -> None:
        assert self._split is not None
        try:
            second = self._split.parent_wait()
        except SecondProcessFailed as exc:
            raise PluginError(str(exc)) from None
        self.searchable_pages += second.searchable_pages
        for stage, seconds in second.seconds.items():
            TIMINGS.seconds[f"{stage} (second process)"] += seconds
        if second.warnings:  # counted here too, so that --strict fails on them
            LOG.warning("%d warning(s) while the second process wrote its pages (listed above)", second.warnings)

    def on_build_error(self, *, error: Exception) -> None:
        if self._split is not None and self._split.is_child:  # the pages' second process: only report
            self._split.child_finish(self.searchable_pages, failed=True)  # does not return
        self.stop_second_processes()

    def stop_second_processes(self) -> None:
        """The build failed or was stopped: nothing more is written into the site folder once this
        returns (the pages' second process is stopped, the open-data writer too)."""
        if self._split is not None:
            self._split.parent_abandon()
        self.stop_writing()

    def _index_in_background(self, site_dir: Path) -> None:
        """`kb serve`: index, and again while builds have finished meanwhile (the pages they wrote
        may have been read half-written)."""
        while True:
            try:
                self.index(site_dir)
            except Exception as exc:  # noqa: BLE001 - reported; the next build indexes again
                LOG.error("search index: %s", exc)
            with self._index_lock:
                if not self._index_again:
                    self._indexing = None
                    return
                self._index_again = False

    def _wait_for_index(self) -> None:
        with self._index_lock:
            indexing = self._indexing
        if indexing is not None:
            indexing.join()

    def finish_background_work(self) -> None:
        """`kb serve`: wait for what the last build left running (generator/host/preview.py)."""
        self._finish_writing()
        self._wait_for_index()

    def _finish_writing(self) -> None:
        """The preview's writer from the last rebuild: let it finish; an error is reported, not raised
        (that build has been shown already)."""
        try:
            self.wait_for_writing()
        except PluginError as exc:
            LOG.error("%s", exc)

    def index(self, site_dir: Path) -> None:
        """Run Pagefind over the built site and check it indexed every searchable page."""
        with TIMINGS.stage("pagefind"):
            index_site(site_dir, self.expected_pages)
