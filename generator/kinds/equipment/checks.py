"""Checks of shared equipment: its holder is open, loanable kit says who may borrow it, service dates."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity, Stage
from generator.kinds.organisations.views import organisation


def check_equipment(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    issues: list[Issue] = []
    today = catalog.settings.today
    for entry in catalog.equipment.values():
        equipment, src = entry.model, entry.source
        if equipment.holder in catalog.organisations and organisation(catalog, equipment.holder).status == "closed" \
                and equipment.status != "retired":
            issues.append(src.problem(("holder",), f"'{equipment.holder}' has closed; retire or move this kit"))
        if equipment.loanable and equipment.access is None:
            issues.append(src.problem(("loanable",), "loanable kit needs access rules: who may borrow it and for "
                                      "how long", hint="add access: {who: [...], max_days: ...}"))
        if equipment.last_serviced and equipment.last_serviced > today:
            issues.append(src.problem(("last_serviced",), "the service date is in the future"))
        if equipment.status == "available" and equipment.next_service_due and equipment.next_service_due < today:
            issues.append(src.problem(("next_service_due",), f"service overdue since {equipment.next_service_due}; "
                                      "the kit library shows it as not available until it is serviced",
                                      hint="service it and update both dates, or set status: in-maintenance",
                                      severity=Severity.WARNING, stage=Stage.FRESHNESS))
    return issues
