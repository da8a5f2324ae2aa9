"""Write the JSON Schemas for editors, and point every YAML file at its schema.

Editors with the YAML language server read the first-line comment
`# yaml-language-server: $schema=<relative path>` and then autocomplete keys and flag mistakes.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from generator.common.fields import PublishedNames
from generator.core.content_type import MARKER, ContentType, schema_line, schema_path
from generator.kinds import REGISTRY

__all__ = ["MARKER", "SCHEMA_TYPES", "annotate", "files_of", "json_schema", "schema_line", "schema_path",
           "schema_texts", "write_schemas"]

# every content type whose files are YAML has a schema
SCHEMA_TYPES: tuple[ContentType, ...] = tuple(t for t in REGISTRY if t.schema)


def json_schema(ctype: ContentType) -> dict:
    adapter = TypeAdapter(list[ctype.model]) if ctype.is_list else TypeAdapter(ctype.model)
    schema = adapter.json_schema(mode="validation", schema_generator=PublishedNames)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = schema.get("title") or ctype.schema.removesuffix(".schema.json")
    return schema




def schema_texts() -> dict[str, str]:
    return {ctype.schema: json.dumps(json_schema(ctype), indent=2, sort_keys=True) + "\n" for ctype in SCHEMA_TYPES}


def write_schemas(root: Path) -> list[Path]:
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def files_of(root: Path, kind: ContentType) -> list[Path]:
    if kind.file:
        path = root / kind.file
        return [path] if path.is_file() else []
    folder = root / (kind.folder or "")
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def annotate(root: Path) -> list[Path]:
    """Add (or correct) the schema line at the top of every YAML file; returns the files changed."""
    changed = []
    for kind in SCHEMA_TYPES:
        for path in files_of(root, kind):
            text = path.read_text(encoding="utf-8")
            line = schema_line(root, path, kind)
            lines = text.split("\n")
            if lines and lines[0].startswith(MARKER):
                if lines[0] == line:
                    continue
                lines[0] = line
            else:
                lines.insert(0, line)
            path.write_text("\n".join(lines), encoding="utf-8")
            changed.append(path)
    return changed
