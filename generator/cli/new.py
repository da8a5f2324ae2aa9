"""`kb new KIND ID`: write a commented template for a new entry into the right folder (the templates
themselves: generator/site/new_entry.py)."""

from __future__ import annotations

from pathlib import Path

from generator.core.catalog import Catalog
from generator.core.ids import ID_MAX_LENGTH, is_valid_id
from generator.site.new_entry import NEW_KINDS, new_kinds, template_text

__all__ = ["NEW_KINDS", "NewEntryError", "new_entry", "new_kinds", "reminder"]


class NewEntryError(ValueError):
    pass


def new_entry(catalog: Catalog, kind: str, entry_id: str) -> Path:
    root = catalog.settings.root
    if kind not in NEW_KINDS:
        raise NewEntryError(f"unknown kind '{kind}'; choose one of: {', '.join(NEW_KINDS)}")
    shown = entry_id.encode("unicode_escape").decode("ascii")  # a stray newline or tab stays visible
    if len(entry_id) > ID_MAX_LENGTH:  # the limit kb check applies: ids are file names and addresses
        raise NewEntryError(f"'{shown[:40]}…' is too long for an id: at most {ID_MAX_LENGTH} characters")
    if not is_valid_id(entry_id):
        raise NewEntryError(f"'{shown}' is not a valid id: use lower-case letters, digits and single hyphens")
    ctype = new_kinds()[kind]
    suffix = ctype.suffix
    path = root / ctype.path / f"{entry_id}{suffix}"
    if path.exists() or path.is_symlink():  # a link, even to nothing, would be written through
        raise NewEntryError(f"{path.relative_to(root)} already exists; choose another id or edit that file")
    text = template_text(catalog, kind, entry_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as new:  # "x": never over a file made meanwhile
            new.write(text)
    except FileExistsError:
        raise NewEntryError(f"{path.relative_to(root)} already exists; choose another id or edit that file") from None
    return path


def reminder(kind: str) -> str | None:
    """What a contributor must answer themselves in the new entry, said when it is written."""
    ctype = new_kinds().get(kind)
    return ctype.new_reminder if ctype else None
