"""Static knowledge-base generator for a small-mammal emergency care network.

Data flows one way: sources (YAML with positions) -> models (pydantic) -> catalog (links and
derived views) -> pages (specs) -> render (Jinja) -> mkdocs (host) -> search index and exports.
"""
