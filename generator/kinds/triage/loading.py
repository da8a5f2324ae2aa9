"""Loading content/triage/: the tier scale (tiers.yml), the signs (signs.yml), the body systems and
one problem guide per file. A missing content/triage is one issue, and none of its types is then
checked for references (nothing reports "unknown tier" because the folder is gone)."""

from __future__ import annotations

from pathlib import Path

from generator.core.catalog import Catalog
from generator.core.issues import Issues
from generator.core.loading import Loaded, load_entries, load_list, load_single, missing_folder, written_ids
from generator.core.settings import Settings
from generator.kinds.triage.model import Guide, Sign, Tier, TriageScale
from generator.kinds.vocabularies.model import BodySystem

FOLDER = "content/triage"


def _folder(settings: Settings) -> Path | None:
    folder = settings.root / FOLDER
    return folder if folder.is_dir() else None


def load_tiers(settings: Settings, catalog: Catalog, issues: Issues) -> Loaded:
    """The tiers of the scale by id; the scale itself is kept as catalog.scale (an Entry, or None)."""
    folder = _folder(settings)
    catalog.put("scale", None)
    if folder is None:  # one issue for the folder; the other triage types stay quiet
        issues.add(missing_folder(settings.root / FOLDER, settings.root, "this folder is missing: the triage scale, "
                                  "signs, body systems and problem guides live in it"))
        return Loaded(available=False)
    source, scale = load_single(folder / "tiers.yml", TriageScale, settings.root, issues)
    catalog.put("scale", scale)
    tiers = Loaded(tiers_by_id(scale.model.tiers) if scale else {}, sources=[source] if source else [],
                   available=source is not None,
                   known=written_ids(source.data.get("tiers") if source and isinstance(source.data, dict) else None))
    catalog.sources["tiers"] = tiers.sources
    return tiers


def tiers_by_id(tiers: list[Tier]) -> dict[str, Tier]:
    """The tiers by id, the first of each: a second tier with the same id is reported where it is, and must not
    replace the first (its rank and label would make false 'gap in ranks' and escalation errors)."""
    found: dict[str, Tier] = {}
    for tier in tiers:
        found.setdefault(tier.id, tier)
    return found


def load_signs(settings: Settings, catalog: Catalog, issues: Issues) -> Loaded:
    folder = _folder(settings)
    return load_list(folder / "signs.yml", Sign, settings.root, issues) if folder else Loaded(available=False)


def load_body_systems(settings: Settings, catalog: Catalog, issues: Issues) -> Loaded:
    folder = _folder(settings)
    return load_list(folder / "body-systems.yml", BodySystem, settings.root, issues) if folder \
        else Loaded(available=False)


def load_guides(settings: Settings, catalog: Catalog, issues: Issues) -> Loaded:
    folder = _folder(settings)
    return load_entries(folder / "problems", Guide, settings, issues, required=True) if folder \
        else Loaded(available=False)


def signs_source(catalog: Catalog):
    """signs.yml as it was read (once per load), when it is a list of signs."""
    sources = catalog.sources.get("signs") or []
    return sources[0] if sources and isinstance(sources[0].data, list) else None
