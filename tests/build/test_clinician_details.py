"""Clinicians' details (issue 20): bands read as ranges, the referral page leads with what is needed
on the phone, calendar files carry their time zones, a build for this machine's address says so in
CI, and a filter that leaves nothing says why and how to get back."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.host.build_stage import local_address_warning
from tests.helpers import page


def test_weight_bands_read_as_ranges(demo_site: Path) -> None:
    facts = page(demo_site, "cases/degu-diabetic-collapse/").get_text(" ", strip=True)
    assert "150\u2013500 g" in facts and "150 500 g" not in facts


def test_the_referral_page_jumps_to_each_part_and_puts_transfer_before_the_clinics(demo_site: Path) -> None:
    html = page(demo_site, "referral/")
    jumps = [a["href"] for a in html.select("nav.kb-jump a")]
    headings = [h2["id"] for h2 in html.select("h2[id]") if h2["id"] not in ("__comments",)]
    assert jumps == [f"#{h}" for h in headings if h in {j[1:] for j in jumps}] and len(jumps) >= 6
    assert all(html.find(id=target[1:]) is not None for target in jumps)
    assert headings.index("transfer") < headings.index("receivers")
    nav = html.select_one("nav.kb-jump")
    assert nav.find_previous("h2") is None  # before the first section: on the first screen


@pytest.mark.parametrize(("url", "environ", "warned"), [
    ("http://127.0.0.1:8000/", {"CI": "true"}, True),
    ("http://localhost:8000/", {"GITHUB_ACTIONS": "true"}, True),
    ("http://127.0.0.1:8000/", {}, False),  # a preview on one's own machine
    ("https://network.example/", {"CI": "true"}, False),
])
def test_a_build_for_this_machines_address_warns_in_ci(url: str, environ: dict, warned: bool) -> None:
    warning = local_address_warning(url, environ)
    assert (warning is not None) == warned
    if warned:
        assert warning.startswith(f"kb: warning: site_url is {url}") and "KB_SITE_URL" in warning


def test_the_referral_page_gives_emergency_lines_for_urgent_patients_and_every_region_a_number_at_night(
        demo_site: Path, demo_catalog) -> None:
    """Found walking a clinician's journey: the 24-hour hospitals were listed with their referrals lines
    only ("call back within 20 minutes") beside a timeline promising a vet within 5 minutes, and Highcombe,
    with no night cover of its own, had no number at all (Get help offers the nearest open elsewhere)."""
    from generator.kinds.organisations.availability import night_cover, night_elsewhere  # noqa: PLC0415
    from generator.kinds.organisations.views import referral_receivers  # noqa: PLC0415

    html = page(demo_site, "referral/")
    rows = {li.select_one(".kb-org__name").get_text(strip=True): li for li in html.select("#receivers ~ ul.kb-orgs li")}
    with_emergency = [o for o in referral_receivers(demo_catalog) if o.phones_of("emergency")]
    assert len(with_emergency) >= 3
    for org in with_emergency:
        first = rows[org.name].select_one("a[href^='tel:']")
        assert first["href"] == f"tel:{org.phones_of('emergency')[0].number}" and "kb-call--urgent" in first["class"]
    assert "ring the clinic’s emergency line" in html.select_one("#receivers").find_next("p").get_text()
    for region in demo_catalog.regions.values():
        section = html.select_one(f"#fallback-{region.id}")
        numbers = [a["href"] for a in section.find_all_next("a", href=True)
                   if a["href"].startswith("tel:") and a.find_previous("h3") is section]
        expected = [c.phone for c in night_cover(demo_catalog, region.id)] + [
            o.first_call for o in night_elsewhere(demo_catalog, region.id)]
        assert numbers == [f"tel:{phone.number}" for phone in expected] and numbers, region.id
    assert night_elsewhere(demo_catalog, "highcombe"), "the demo no longer has a region without night cover"


def test_every_list_says_which_clinics_take_vets_referrals_only(demo_site: Path, demo_catalog) -> None:
    """Found walking a clinician's journey: referral-only clinics had a Call button and no "Vet referral
    only" in the species', regions' and directory's lists (only the services' lists said so)."""
    referral_only = [o for o in (e.model for e in demo_catalog.organisations.values()) if o.referral_only]
    assert referral_only, "the demo no longer has a referral-only clinic"
    seen = 0
    for path in ("directory/", *(f"regions/{r}/" for r in demo_catalog.regions),
                 *(f"species/{s}/" for s in demo_catalog.species)):
        for org in referral_only:
            for row in page(demo_site, path).select(f"li.kb-org:has(a.kb-org__name[href$='organisations/{org.id}/'])"):
                assert "Vet referral only" in row.select_one(".kb-org__kind").get_text(), (path, org.id)
                seen += 1
    assert seen >= 2 * len(referral_only)


def test_lists_without_a_clock_give_the_day_line_and_the_on_call_line_beside_it(demo_site: Path, demo_catalog) -> None:
    """Found walking an owner's day: every list, the referral page and the referral form gave Kettlemoor
    only its after-hours line, which by day may not be answered. Lists cannot tell the time, so an
    organisation whose own vet is on call out of hours on another line shows both, the day's first."""
    from generator.kinds.organisations.views import organisation  # noqa: PLC0415

    kettlemoor = organisation(demo_catalog, "kettlemoor-veterinary-practice")
    assert kettlemoor.after_hours.arrangement == "on-call"
    main, after_hours = kettlemoor.phones_of("main")[0], kettlemoor.phones_of("after-hours")[0]
    expected = [("Main line", f"tel:{main.number}"), ("After-hours line", f"tel:{after_hours.number}")]
    paths = ["directory/", "referral/", f"regions/{kettlemoor.location.region}/",
             *(f"species/{c.species}/" for c in kettlemoor.species),
             *(f"services/{o.service}/" for o in kettlemoor.services)]
    in_a_list = "ul.kb-orgs:not(.kb-orgs--cover) li:has(a.kb-org__name[href$='/kettlemoor-veterinary-practice/'])"
    for path in paths:
        rows = page(demo_site, path).select(in_a_list)
        assert rows, path
        for row in rows:
            shown = [(a.select_one(".kb-call__label").get_text(strip=True), a["href"])
                     for a in row.select("a[href^='tel:']")]
            assert shown == expected, path
    # who covers the region at night rings the on-call line only
    cover = page(demo_site, f"regions/{kettlemoor.location.region}/").select_one(
        "ul.kb-orgs--cover li:has(a[href$='organisations/kettlemoor-veterinary-practice/'])")
    assert [a["href"] for a in cover.select("a[href^='tel:']")] == [f"tel:{after_hours.number}"]
    # the referral form fills in the number a referring vet rings by day
    option = page(demo_site, "referral/form/").select_one("option[value='Kettlemoor Veterinary Practice']")
    assert "0" + main.number.removeprefix("+44") == option["data-phone"].replace(" ", "")  # shown as dialled in the UK


def test_a_date_with_two_periods_reads_as_one_line_and_runs_through_the_night(demo_site: Path) -> None:
    """An out-of-hours clinic open all day on a bank holiday and on through the night lists the date
    twice; its page gives the date once, with both periods and when the second ends."""
    item = page(demo_site, "organisations/eastmarsh-out-of-hours-vets/").select_one(
        "#exceptions + ul li:has(time[datetime='2026-12-28'])")
    assert item.get_text(" ", strip=True) == (
        "28 December 2026 : 00:00–19:00, 19:00–08:00 (next day) "
        "(Open all day on the bank holiday, and on through the night as usual.)")


def test_an_on_call_line_for_registered_clients_only_says_so_in_every_list(demo_site: Path, demo_catalog) -> None:
    """Found by a review: Mossgate's after-hours line stood in every list with nothing to say that its
    on-call vet answers its own clients only (Get help and the referral page said so)."""
    from generator.kinds.organisations.availability import clients_only, on_call_phone  # noqa: PLC0415
    from generator.kinds.organisations.views import orgs  # noqa: PLC0415

    for_clients = [o for o in orgs(demo_catalog) if clients_only(o)]
    assert for_clients, "the demo no longer has an on-call vet for registered clients only"
    for org in for_clients:
        for path in ("directory/", f"regions/{org.location.region}/", *(f"species/{c.species}/" for c in org.species)):
            for row in page(demo_site, path).select(
                    f"ul.kb-orgs:not(.kb-orgs--cover) li:has(a.kb-org__name[href$='/{org.id}/'])"):
                links = row.select("a[href^='tel:']")
                assert len(links) == 2, (path, org.id)
                note = links[1].find_next_sibling("span")
                assert note is not None and note.get_text() == "for its registered clients only", (path, org.id)
        # and on its own page, at the top, where an owner at night reads the numbers (a journey review)
        on_call = page(demo_site, f"organisations/{org.id}/").select_one(
            f".kb-call[href='tel:{on_call_phone(org).number}']")
        assert on_call is not None, org.id
        note = on_call.find_next_sibling("span")
        assert note is not None and "registered clients only" in note.get_text(), org.id
