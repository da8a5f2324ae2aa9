"""Write the JSON Schemas for editors, and point every YAML file at its schema.

Editors with the YAML language server read the first-line comment
`# yaml-language-server: $schema=<relative path>` and then autocomplete keys and flag mistakes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.core.content_type import KINDS, Kind_, json_schema

MARKER = "# yaml-language-server: $schema="


def schema_texts() -> dict[str, str]:
    return {kind.schema: json.dumps(json_schema(kind), indent=2, sort_keys=True) + "\n" for kind in KINDS}


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


def files_of(root: Path, kind: Kind_) -> list[Path]:
    if kind.file:
        path = root / kind.file
        return [path] if path.is_file() else []
    folder = root / (kind.folder or "")
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def schema_line(root: Path, path: Path, kind: Kind_) -> str:
    relative = os.path.relpath(root / kind.schema_path, path.parent).replace(os.sep, "/")
    return f"{MARKER}{relative}"


def annotate(root: Path) -> list[Path]:
    """Add (or correct) the schema line at the top of every YAML file; returns the files changed."""
    changed = []
    for kind in KINDS:
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
