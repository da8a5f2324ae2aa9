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
    """The content type's YAML files that `kb schemas` may edit: plain files only, never a link (it
    could point outside the repository), a folder or a pipe (reading one would wait for ever)."""
    if kind.file:
        candidates = [root / kind.file]
    else:
        folder = root / (kind.folder or "")
        candidates = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    return [path for path in candidates if path.is_file() and not path.is_symlink()]


BOM = b"\xef\xbb\xbf"


def annotate(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Add (or correct) the schema line at the top of every YAML file, keeping its line endings and
    byte-order mark; returns the files changed, and those left alone with why (`kb check` reports
    what is wrong with them)."""
    changed, skipped = [], []
    for kind in SCHEMA_TYPES:
        for path in files_of(root, kind):
            try:
                raw = path.read_bytes()
                text = raw[len(BOM):].decode("utf-8") if raw.startswith(BOM) else raw.decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                skipped.append((path, "not readable as UTF-8 text" if isinstance(exc, UnicodeDecodeError)
                                else exc.strerror or str(exc)))
                continue
            newline = "\r\n" if "\r\n" in text else "\n"
            line = schema_line(root, path, kind)
            first, rest = (text.split(newline, 1) + [""])[:2] if text else ("", "")
            if first.startswith(MARKER):
                if first == line:
                    continue
                text = line + newline + rest if newline in text else line
            else:
                text = line + newline + text
            path.write_bytes((BOM if raw.startswith(BOM) else b"") + text.encode("utf-8"))
            changed.append(path)
    return changed, skipped
