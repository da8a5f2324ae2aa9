"""`kb new KIND ID`: write a commented template for a new entry into the right folder."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.catalog import Catalog, is_valid_id
from generator.models.common import ID_MAX_LENGTH
from generator.registry import KINDS
from generator.schemas import schema_line

TEMPLATES = Path(__file__).resolve().parent.parent / "theme" / "new"
NEW_KINDS = {"organisation": "directory/organisations", "equipment": "directory/equipment",
             "volunteer-group": "directory/volunteers", "problem": "content/triage/problems",
             "case": "content/cases", "module": "content/training", "metrics": "content/metrics",
             "first-aid": "content/first-aid"}
REMINDERS = {"case": "answer consent_recorded with true only when the owner's consent is recorded"}


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
    suffix = ".md" if kind == "first-aid" else ".yml"
    path = root / NEW_KINDS[kind] / f"{entry_id}{suffix}"
    if path.exists():
        raise NewEntryError(f"{path.relative_to(root)} already exists; choose another id or edit that file")
    text = template_text(catalog, kind, entry_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def template_text(catalog: Catalog, kind: str, entry_id: str) -> str:
    """The commented template `kb new` writes for a new entry (also offered on the site's
    "Add or correct a clinic" page, filled into GitHub's new-file editor)."""
    root = catalog.settings.root
    suffix = ".md" if kind == "first-aid" else ".yml"
    path = root / NEW_KINDS[kind] / f"{entry_id}{suffix}"
    registry_kind = next((k for k in KINDS if k.folder == NEW_KINDS[kind]), None)
    return _environment().get_template(f"{kind}{suffix}").render(
        **_context(catalog, kind, entry_id),
        schema_line=schema_line(root, path, registry_kind) if registry_kind else "")


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined,
                       keep_trailing_newline=True, autoescape=False)  # YAML and Markdown, not HTML


def _context(catalog: Catalog, kind: str, entry_id: str) -> dict:
    """What the templates fill in. Nothing a contributor must choose is chosen for them: those
    fields say `change-me` (reported as a choice to make until changed) beside the ids to choose
    from; only metrics take their region and period from the id they were named with."""
    today = catalog.settings.today
    region, period = "change-me", today.strftime("%Y-%m")
    found = re.match(r"^(?P<region>[a-z0-9-]+)-(?P<period>\d{4}-(?:\d{2}|q[1-4]))$", entry_id)
    if kind == "metrics" and found and found["region"] in catalog.regions:
        region, period = found["region"], found["period"].upper()
    choices = {name: ", ".join(getattr(catalog, name)) or "(none yet)"
               for name in ("kinds", "regions", "species", "services", "body_systems", "tiers", "equipment_types")}
    return {
        "id": entry_id, "today": today.isoformat(),
        "next_year": (today + timedelta(days=365)).isoformat(),
        "region": region, "period": period,
        "country": catalog.regions[region].country if region in catalog.regions else "GB",
        "tiers": list(catalog.tiers), "choices": choices,
        "phone": "CHANGE",
    }
