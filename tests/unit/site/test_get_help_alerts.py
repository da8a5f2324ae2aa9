"""Which alerts Get help carries (generator/site/get_help.py, for_owners): those an owner acts on."""

from __future__ import annotations

from datetime import UTC, datetime

from generator.common.notices import Notice
from generator.site.get_help import for_owners

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
