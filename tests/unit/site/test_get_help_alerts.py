"""Which alerts Get help carries (generator/site/get_help.py, for_owners): those an owner acts on."""

from __future__ import annotations

from datetime import UTC, datetime

from generator.common.notices import Notice, notices
from generator.core.settings import Settings
from generator.site.get_help import for_owners
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree

STARTS, ENDS = datetime(2026, 12, 1, 8, 0, tzinfo=UTC), datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


def _alert(alert_id: str, organisations: tuple[str, ...] = (), regions: tuple[str, ...] = ()) -> Notice:
    return Notice(id=alert_id, title=alert_id, severity="closure", starts=STARTS, ends=ENDS, instead="",
                  url=f"alerts/{alert_id}/", organisations=organisations, regions=regions)


def test_get_help_leaves_out_only_the_alerts_about_clinics_owners_cannot_ring(demo_catalog) -> None:
    referrals = [o.id for o in (e.model for e in demo_catalog.organisations.values()) if o.referral_only]
    owners = [o.id for o in (e.model for e in demo_catalog.organisations.values()) if not o.referral_only]
    assert len(referrals) >= 2 and owners
    alerts = [_alert("region-wide", regions=("southhaven",)),
              _alert("owners-clinic", (owners[0],)),
              _alert("referrals-only", tuple(referrals[:2])),
              _alert("both", (referrals[0], owners[0]))]
    assert [n.id for n in for_owners(demo_catalog, alerts)] == ["region-wide", "owners-clinic", "both"]


def test_an_alert_naming_a_region_of_its_own_stays_though_it_names_a_referral_clinic(tmp_path) -> None:
    """The notice's regions hold its clinics' regions too: whether the alert named a region itself is
    read from the alert (a region-wide closure that also names the imaging centre is for everyone)."""
    tree = make_tree(tmp_path / "tree")
    (tree / "content/alerts").mkdir(parents=True, exist_ok=True)
    referral = next(p for p in (tree / "directory/organisations").glob("*.yml"))
    text = referral.read_text(encoding="utf-8")
    referral.write_text(text.replace("referral_only: false", "referral_only: true")
                        if "referral_only:" in text else text + "referral_only: true\n", encoding="utf-8")
    catalog, problems = load_catalog(Settings(root=tree, demo_data=True))
    org_id = referral.stem
    assert catalog.organisations[org_id].model.referral_only, problems.items
    region = catalog.organisations[org_id].model.location.region
    for name, regions in (("named", f"regions: [{region}]\n"), ("unnamed", "")):
        (tree / f"content/alerts/{name}.yml").write_text(
            f"id: {name}\ntitle: Power cut\nseverity: closure\nstart: 2026-11-20 08:00\nend: 2026-11-27 18:00\n"
            f"organisations: [{org_id}]\n{regions}summary: No power.\ninstead: Ring another clinic.\n"
            "issued_by: Network coordinator\n", encoding="utf-8")
    catalog, problems = load_catalog(Settings(root=tree, demo_data=True))
    assert {"named", "unnamed"} <= set(catalog.alerts), problems.items
    assert [n.id for n in for_owners(catalog, notices(catalog)) if n.id in ("named", "unnamed")] == ["named"]
