"""The machinery every phase uses, naming no content type: issues and their one reporter (issues),
YAML with positions (sources, frontmatter), validation into located issues (validate), loading files
into entries (loading), ids, the Catalog store keyed by type (catalog), the ContentType record
(content_type), declared references (references), open-data collections (collection), page specs
(specs), settings, git history and timings.

May import nothing else of the generator."""
