"""The commented templates for a new entry (theme/new/): `kb new` writes them, and the site's
"Add or correct a clinic" page fills one into GitHub's new-file editor. Nothing a contributor must
choose is chosen for them: those fields say `change-me` beside the ids to choose from.

May import generator.core, generator.common and generator.kinds."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from generator.common.public_holidays import public_holidays
from generator.core.catalog import Catalog
from generator.core.content_type import ContentType, schema_line
from generator.core.ids import CHOOSE
from generator.core.settings import THEME
from generator.kinds import REGISTRY
from generator.kinds.organisations.holiday_checks import HOLIDAY_NOTICE_DAYS

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = THEME / "new"


def new_kinds() -> dict[str, ContentType]:
    """`kb new NAME` for every content type with a template (theme/new/NAME<suffix>): the directory's
    first, then guidance, YAML before Markdown, each in the registry's order."""
    types = [t for t in REGISTRY if t.new]
    ordered = sorted(types, key=lambda t: (not t.path.startswith("directory/"), t.suffix != ".yml"))
    return {t.new: t for t in ordered}


NEW_KINDS = {name: ctype.folder for name, ctype in new_kinds().items()}  # name -> folder


def template_text(catalog: Catalog, kind: str, entry_id: str) -> str:
    """The template for a new entry of ``kind`` with id ``entry_id``, as `kb new` writes it."""
    root = catalog.settings.root
    ctype = new_kinds()[kind]
    path = root / ctype.path / f"{entry_id}{ctype.suffix}"
    return _environment().get_template(f"{kind}{ctype.suffix}").render(
        **_context(catalog, kind, entry_id), schema_line=schema_line(root, path, ctype) if ctype.schema else "")


def _environment() -> Environment:
    # imported when an entry is written from its template: `kb check`, which imports this module, never does
    from jinja2 import Environment, FileSystemLoader, StrictUndefined  # noqa: PLC0415

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined,
                       keep_trailing_newline=True, autoescape=False)  # YAML and Markdown, not HTML


def _context(catalog: Catalog, kind: str, entry_id: str) -> dict:
    """What the templates fill in. Nothing a contributor must choose is chosen for them: those
    fields say `change-me` (reported as a choice to make until changed) beside the ids to choose
    from; only metrics take their region and period from the id they were named with, and a budget
    its year."""
    today = catalog.settings.today
    region, period = CHOOSE, today.strftime("%Y-%m")
    found = re.match(r"^(?P<region>[a-z0-9-]+)-(?P<period>\d{4}-(?:\d{2}|q[1-4]))$", entry_id)
    if kind == "metrics" and found and found["region"] in catalog.regions:
        region, period = found["region"], found["period"].upper()
    choices = {name: ", ".join(catalog.get(name) or {}) or "(none yet)"
               for name in ("kinds", "regions", "species", "services", "body_systems", "tiers", "equipment_types")}
    return {
        "id": entry_id, "today": today.isoformat(),
        "next_year": (today + timedelta(days=365)).isoformat(),
        "region": region, "period": period,
        "year": entry_id if kind == "budget" and re.fullmatch(r"\d{4}", entry_id) else "CHANGE",
        "country": catalog.regions[region].country if region in catalog.regions else "GB",
        "tiers": list(catalog.tiers), "choices": choices,
        "phone": "CHANGE",
        "holidays": _holidays_ahead(catalog),
    }


def _holidays_ahead(catalog: Catalog) -> list[dict[str, str]]:
    """The public holidays of the network's regions that kb check will ask a new organisation about
    (within HOLIDAY_NOTICE_DAYS), each with the regions it is for when not all of them."""
    today, regions = catalog.settings.today, list(catalog.regions.values())
    where: dict[tuple[date, str], list[str]] = {}
    for region in regions:
        for day, name in public_holidays(region.country, region.subdivision, today, HOLIDAY_NOTICE_DAYS):
            where.setdefault((day, name), []).append(region.label)
    return [{"date": day.isoformat(), "name": name, "where": "" if len(labels) == len(regions) else ", ".join(labels)}
            for (day, name), labels in sorted(where.items())]
