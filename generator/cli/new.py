"""`kb new KIND ID`: write a commented template for a new entry into the right folder."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.cli.schemas import schema_line
from generator.core.catalog import Catalog
from generator.core.content_type import ContentType
from generator.core.ids import ID_MAX_LENGTH, is_valid_id
from generator.core.settings import THEME
from generator.kinds import REGISTRY
from generator.kinds.organisations.views import orgs

TEMPLATES = THEME / "new"


def new_kinds() -> dict[str, ContentType]:
    """`kb new NAME` for every content type with a template (theme/new/NAME<suffix>): the directory's
    first, then guidance, YAML before Markdown, each in the registry's order."""
    types = [t for t in REGISTRY if t.new]
    ordered = sorted(types, key=lambda t: (not t.path.startswith("directory/"), t.suffix != ".yml"))
    return {t.new: t for t in ordered}


NEW_KINDS = {name: ctype.folder for name, ctype in new_kinds().items()}  # name -> folder


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
    if path.exists():
        raise NewEntryError(f"{path.relative_to(root)} already exists; choose another id or edit that file")
    text = _environment().get_template(f"{kind}{suffix}").render(
        **_context(catalog, kind, entry_id),
        schema_line=schema_line(root, path, ctype) if ctype.schema else "")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined,
                       keep_trailing_newline=True, autoescape=False)  # YAML and Markdown, not HTML


def _context(catalog: Catalog, kind: str, entry_id: str) -> dict:
    today = catalog.settings.today
    first = lambda mapping, default: next(iter(mapping), default)  # noqa: E731
    region = first(catalog.regions, "change-me")
    period = today.strftime("%Y-%m")
    found = re.match(r"^(?P<region>[a-z0-9-]+)-(?P<period>\d{4}-(?:\d{2}|q[1-4]))$", entry_id)
    if kind == "metrics" and found and found["region"] in catalog.regions:
        region, period = found["region"], found["period"].upper()
    active = [o.id for o in orgs(catalog) if o.status == "active"]
    return {
        "id": entry_id, "today": today.isoformat(),
        "next_year": (today + timedelta(days=365)).isoformat(),
        "region": region, "period": period,
        "country": catalog.regions[region].country if region in catalog.regions else "GB",
        "kind": "exotics-practice" if "exotics-practice" in catalog.kinds else first(catalog.kinds, "change-me"),
        "species": first(catalog.species, "rat"), "service": first(catalog.services, "triage"),
        "item": first(catalog.equipment_types, "change-me"), "org": active[0] if active else "change-me",
        "body_system": first(catalog.body_systems, "change-me"), "sign": first(catalog.signs, "change-me"),
        "tier": first(catalog.tiers, "change-me"), "tiers": list(catalog.tiers),
        "phone": "CHANGE",
    }


def reminder(kind: str) -> str | None:
    """What a contributor must answer themselves in the new entry, said when it is written."""
    ctype = new_kinds().get(kind)
    return ctype.new_reminder if ctype else None
