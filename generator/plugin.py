"""The mkdocs host: wires the generator library into mkdocs hooks and does nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.catalog import Catalog, load_catalog
from generator.csp import UnexpectedInlineScript, apply_policy
from generator.exports import open_data_files, plan_open_data
from generator.history import History, read_history
from generator.offline import icon_png, write_service_worker
from generator.pages import DataFile, PageSpec, TemplateFile, data_files, plan
from generator.pages_guidance import guidance_files, plan_guidance
from generator.pages_history import history_files, plan_history
from generator.pages_learning import learning_files, plan_kit, plan_learning
from generator.pages_metrics import metrics_files, plan_audit, plan_metrics, plan_offline
from generator.problems import Problems, report
from generator.redirects import redirect_files
from generator.render import make_environment, render_file, render_page
from generator.search import SearchIndexError, build_index, verify_index
from generator.settings import Settings
from generator.timings import TIMINGS

SEARCH_BODY = "data-pagefind-body"


class KnowledgeBaseConfig(Config):
    strict = config_options.Type(bool, default=False)
    search_index = config_options.Type(bool, default=True)


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        super().__init__()
        # `kb build` loads and reports first, then hands the result over so nothing is loaded twice.
        self.preloaded: tuple[Catalog, Problems] | None = None
        self.catalog: Catalog | None = None
        self.specs: list[PageSpec] = []
        self.searchable_pages = 0
        self.history = History()
        self.html_pages: set[str] = set()  # src_uris of pages whose body is finished HTML
        self._held: dict[str, str] = {}
        # `kb build` indexes after mkdocs has returned and its pages are freed (peak memory at scale);
        # a plain `mkdocs build` or `kb serve` indexes in on_post_build.
        self.defer_index = False
        self.expected_pages = 0
        self._files: Files | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.preloaded is not None:
            catalog, problems = self.preloaded
        else:
            settings = Settings(root=Path(config.config_file_path).resolve().parent,
                                demo_data=bool(config.extra.get("demo_data", False)))
            catalog, problems = load_catalog(settings)
            if len(problems):
                print("\n".join(report(problems, strict=self.config.strict)), file=sys.stderr)
        if problems.failing(self.config.strict):
            raise PluginError("the content has errors (listed above); nothing was built")
        self.catalog = catalog
        with TIMINGS.stage("plan"):
            self.specs = (plan(catalog) + plan_guidance(catalog) + plan_learning(catalog) + plan_kit(catalog)
                          + plan_metrics(catalog) + plan_audit(catalog) + plan_offline(catalog)
                          + plan_open_data(catalog, config.site_url or "", config.site_name, config.extra))
            self.history = read_history(catalog.settings.root)
            self.specs += plan_history(self.specs, self.history)
        self.html_pages = {spec.src_uri for spec in self.specs if not spec.markdown}
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        env = make_environment(self.catalog, site_url=config.site_url or "")
        with TIMINGS.stage("render"):
            for spec in self.specs:
                files.append(File.generated(config, spec.src_uri, content=render_page(env, spec)))
        with TIMINGS.stage("exports"):
            self._add_exports(files, config, env)
        return files

    def _add_exports(self, files: Files, config: MkDocsConfig, env) -> None:
        """Data, feeds, charts, redirects and icons: every generated file that is not a page."""
        assert self.catalog is not None
        for data in data_files(self.catalog):
            files.append(File.generated(config, data.src_uri, content=data.content))
        for extra in [*guidance_files(self.catalog, config.site_url or ""),
                      *learning_files(self.catalog, config.site_url or ""), *metrics_files(self.catalog),
                      *redirect_files(self.catalog, config.site_url or ""),
                      *history_files(self.specs, self.history, config.site_url or "", config.site_name),
                      *open_data_files(self.catalog, env, self.specs, self.history, config.site_url or "",
                                       config.site_name, config.extra),
                      TemplateFile("site.webmanifest", "site.webmanifest",
                                   {"name": config.site_name, "description": config.site_description or ""}),
                      DataFile("assets/icons/icon-192.png", icon_png(192)),
                      DataFile("assets/icons/icon-512.png", icon_png(512))]:
            content = render_file(env, extra) if isinstance(extra, TemplateFile) else extra.content
            files.append(File.generated(config, extra.src_uri, content=content))

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.searchable_pages = 0

    def on_env(self, env, config: MkDocsConfig, files: Files):
        self._files = files
        return env

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """Static and data files are on disk by now: let go of the generated ones' contents."""
        if self._files is not None:
            for file in self._files:
                if file.generated_by and not file.is_documentation_page():
                    file.content_bytes = b""
            self._files = None
        return page

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A page rendered from our HTML templates skips Markdown: hold the HTML, convert nothing."""
        if page.file.generated_by and page.file.src_uri in self.html_pages:
            self._held[page.file.src_uri] = markdown
            return ""
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self._held.pop(page.file.src_uri, html)

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
        """Where the page comes from and when that last changed, for the footer on every page."""
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

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if SEARCH_BODY in output:
            self.searchable_pages += 1
        if page.file.generated_by:  # written once returned: at 10,000 entries these add up to gigabytes
            page.content, page.markdown = None, None
            page.file.content_bytes = b""
        try:
            return apply_policy(output, page.file.src_uri)
        except UnexpectedInlineScript as exc:
            raise PluginError(str(exc)) from None

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """Static templates such as 404.html carry the same policy."""
        try:
            return apply_policy(output_content, template_name)
        except UnexpectedInlineScript as exc:
            raise PluginError(str(exc)) from None

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.search_index:
            return
        site_dir = Path(config.site_dir)
        with TIMINGS.stage("exports"):
            write_service_worker(site_dir, make_environment(self.catalog, site_url=config.site_url or ""))
        self.expected_pages = max(self.searchable_pages, sum(1 for spec in self.specs if spec.search))
        if not self.defer_index:
            try:
                self.index(site_dir)
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from None

    def index(self, site_dir: Path) -> None:
        """Run Pagefind over the built site and check it indexed every searchable page."""
        try:
            with TIMINGS.stage("pagefind"):
                indexed = build_index(site_dir)
        except SearchIndexError:
            raise
        except Exception as exc:  # the Pagefind service failing is a build failure, not a traceback
            raise SearchIndexError(f"search indexing failed: {exc}") from None
        verify_index(site_dir, indexed, self.expected_pages)
