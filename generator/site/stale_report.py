"""`kb stale`: the audit's list (the same findings as the /audit/ page) grouped by the owners of each
file in CODEOWNERS, as Markdown for the one issue the scheduled workflow keeps up to date."""

from __future__ import annotations

from generator.common.freshness import DUE_SOON_DAYS
from generator.common.owners import owners_of, read_owners
from generator.core.catalog import Catalog
from generator.site.audit import audit

NOBODY = "(no owner in CODEOWNERS)"


def stale_report(catalog: Catalog, site_url: str = "") -> str:
    findings = audit(catalog)
    today = catalog.settings.today.isoformat()
    overdue = [f for f in findings if f.risk != "low"]
    lines = [f"Entries to re-check, as of {today}: {len(overdue)} overdue and "
             f"{len(findings) - len(overdue)} due within {DUE_SOON_DAYS} days. The same list as the "
             f"[audit page]({site_url}audit/). This issue is rewritten every week by "
             "`.github/workflows/stale.yml`; it closes when nothing is overdue or due.", ""]
    if not findings:
        lines.append("Nothing is overdue or due soon.")
        return "\n".join(lines) + "\n"
    rules = read_owners(catalog.settings.root)
    by_owner: dict[str, list] = {}
    for finding in findings:
        for owner in owners_of(rules, finding.source) or (NOBODY,):
            by_owner.setdefault(owner, []).append(finding)
    for owner in sorted(by_owner, key=lambda o: (o == NOBODY, o)):
        lines += [f"## {owner}", ""]
        for f in by_owner[owner]:
            when = "**overdue**" if f.risk != "low" else "due soon"
            lines.append(f"- [ ] {when}: [{f.title}]({site_url}{f.url}) ({f.what}): {f.detail}. File: `{f.source}`")
        lines.append("")
    return "\n".join(lines)
