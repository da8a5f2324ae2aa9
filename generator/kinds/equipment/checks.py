"""Checks of shared equipment: its holder is open, loanable kit says who may borrow it, service dates,
and a loan schedule that never lends one item twice at once."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity, Stage
from generator.core.sources import Source
from generator.kinds.equipment.model import Equipment
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
        issues += _loan_problems(equipment, src)
    return issues


def _loan_problems(equipment: Equipment, src: Source) -> list[Issue]:
    issues: list[Issue] = []
    if equipment.loans and not equipment.loanable:
        issues.append(src.problem(("loans",), "this kit is not loanable, so it cannot have loans",
                                  hint="set loanable: true and give access rules, or remove the loans", at_key=True))
    longest = equipment.access.max_days if equipment.access else None
    for index, loan in enumerate(equipment.loans):
        if loan.borrower == equipment.holder:
            issues.append(src.problem(("loans", index, "borrower"), "the holder cannot borrow its own kit",
                                      hint="name the borrowing organisation"))
        if longest and loan.days > longest and loan.blocks:
            issues.append(src.problem(("loans", index, "to"), f"this loan is {loan.days} days, longer than the "
                                      f"{longest} days access.max_days allows",
                                      hint="shorten it, or raise max_days if longer loans are agreed",
                                      severity=Severity.WARNING))
    # loans that keep the item away, in date order: each must end before the next begins
    blocking = sorted(((i, loan) for i, loan in enumerate(equipment.loans) if loan.blocks),
                      key=lambda pair: (pair[1].from_, pair[0]))
    for (_, earlier), (index, later) in zip(blocking, blocking[1:], strict=False):
        if later.from_ <= earlier.to:
            issues.append(src.problem(("loans", index, "from"),
                                      f"this loan overlaps the loan from {earlier.from_} to {earlier.to}: one item "
                                      "cannot be lent twice at once",
                                      hint="change the dates, or set the loan that will not happen to cancelled"))
    return issues
