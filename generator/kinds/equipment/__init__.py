"""Shared equipment ("kit" on the site's pages and in its addresses): the types of kit
(directory/equipment-types.yml) and one file per item (directory/equipment/), with who holds it,
service dates and borrowing rules.

May import generator.core, generator.common and the kinds below it (organisations)."""

from __future__ import annotations

from typing import Any

from generator.common import freshness
from generator.core.catalog import Catalog
from generator.core.collection import URL, Collection, entries
from generator.core.content_type import ContentType
from generator.core.issues import Issues
from generator.core.loading import Loaded, load_list
from generator.core.references import ref
from generator.core.settings import Settings
from generator.kinds.equipment.checks import check_equipment
from generator.kinds.equipment.model import Equipment, EquipmentType, Loan
from generator.kinds.equipment.pages import plan_equipment
from generator.kinds.equipment.views import is_available

TYPES_FILE = "directory/equipment-types.yml"
FOLDER = "directory/equipment"


def _load_types(settings: Settings, catalog: Catalog, issues: Issues) -> Loaded:
    """The kit types are needed only where there is kit (or the file is there)."""
    path = settings.root / TYPES_FILE
    if path.exists() or path.is_symlink() or (settings.root / FOLDER).is_dir():
        return load_list(path, EquipmentType, settings.root, issues)
    return Loaded()


def _context(data: Any, catalog: Catalog) -> dict[str, Any]:
    """Booking phone numbers are read in the network's first region's country."""
    country = next(iter(catalog.regions.values())).country if catalog.regions else "GB"
    return {"country": country, "allow_fictional": catalog.settings.demo_data}


def _export_types(catalog: Catalog, site_url: str, public: Any) -> Collection:
    used = {e.model.item for e in catalog.equipment.values()}
    return Collection("equipment-types", "Kit types", "Types of shared equipment.", EquipmentType, entries(
        list(catalog.equipment_types.values()), lambda t: f"kit/{t.id}/" if t.id in used else None, site_url, public))


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    return Collection("equipment", "Shared kit",
                      "Equipment members can use or borrow; `available` applies the service-date rule and the "
                      "loan schedule (`loans`: booked and current loans keep the item away from `from` to `to`, "
                      "both days included; the borrower is not published).", Equipment,
                      entries([e.model for e in catalog.equipment.values()], lambda k: f"kit/{k.item}/", site_url,
                              public, available=lambda k: is_available(k, catalog)),
                      {"url": URL, "available": {
                          "type": "boolean",
                          "description": "usable or borrowable on the build's day: status available, service "
                                         "not overdue and not away on a loan"}})


def _audit(catalog: Catalog) -> list:
    found = []
    for entry in catalog.equipment.values():
        equipment = entry.model
        if equipment.status != "retired" and equipment.next_service_due:
            holder = catalog.organisations.get(equipment.holder)
            kind = catalog.equipment_types.get(equipment.item)
            title = f"{kind.label if kind else equipment.item} at {holder.model.name if holder else equipment.holder}"
            item = freshness.finding(catalog.settings, freshness.EQUIPMENT, title, f"kit/{equipment.item}/",
                                     equipment.next_service_due, entry.source.display, "service")
            if item:
                found.append(item)
    return found


EQUIPMENT_TYPES = ContentType(
    "equipment_types", EquipmentType, file=TYPES_FILE, is_list=True, schema="equipment-types.schema.json",
    load=_load_types, references=(ref("*.services.*", "services", "service"),), export=_export_types, terms=True)

EQUIPMENT = ContentType(
    "equipment", Equipment, folder=FOLDER, new="equipment", schema="equipment.schema.json", needs=("regions",),
    context=_context,
    references=(
        ref("item", "equipment_types", "equipment type"),
        ref("holder", "organisations", "organisation", list_options=False),
        ref("access.training", "modules", "training module", list_options=False),
        ref("loans.*.borrower", "organisations", "organisation", list_options=False),
    ),
    checks=(check_equipment,), pages=plan_equipment, export=_export, audit=_audit,
    # internal notes on a piece of kit, and which organisation borrowed it, are for the network's own
    # work: the public pages and open data give a loan's dates and status only
    private={Equipment: frozenset({"notes"}), Loan: frozenset({"borrower"})}, examples="equipment")

TYPES = (EQUIPMENT_TYPES, EQUIPMENT)
