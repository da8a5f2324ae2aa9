"""Static knowledge-base generator for a small-mammal emergency care network.

Data flows one way, and so do imports (core -> common -> kinds -> site / exports -> host -> cli; the
contract is in pyproject.toml):

- core/     issues, sources and positions, validation, loading, the Catalog store, the ContentType
            record, page specs, settings: the machinery, naming no content type
- common/   field types and rules shared by several content types: hours, phones, doses,
            de-identification, freshness, Markdown, review and sources
- kinds/    one package per content type and REGISTRY, the only list of them
- site/     the pipeline (load and check everything), the pages that span types, rendering
- exports/  open data: the JSON API, OpenAPI, HSDS, CSV, vCards, feeds and the archive
- host/     mkdocs: the plugin, the two-process build, search indexing, CSP, offline, site-dir safety
- cli/      the `kb` command
"""
