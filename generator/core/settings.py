"""Build settings: where the data lives, what 'today' is, and whether this is a demo site.

The demo never rots: a demo build (extra.demo_data) with extra.demo_data_as_of reads its content as
of that date, whatever the real date or KB_TODAY, so its checks (and CI) pass and its pages show no
"overdue" years later. Without demo_data the setting is ignored: a real network's verification,
review and service dates age from the real date, as they must."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time
from pathlib import Path

# every template, stylesheet and script, and the status words shared with the browser
THEME = Path(__file__).resolve().parents[2] / "theme"


def _today() -> date:
    # KB_TODAY pins the clock for tests and reproducible builds of an old commit.
    pinned = os.environ.get("KB_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


EDITIONS = ("public", "members")  # the members' edition carries what only vetted members may see


def edition_from_environment() -> str:
    # `kb build --edition members` sets KB_EDITION for its build process; everything else builds the public one
    edition = os.environ.get("KB_EDITION", "public")
    if edition not in EDITIONS:
        reason = f"KB_EDITION must be one of {', '.join(EDITIONS)}, not {edition!r}"
        raise SettingsError(f"kb: {reason}", reason=reason)
    return edition


def _now() -> datetime:
    # KB_NOW (an ISO instant with its offset) pins the moment alerts are read at; KB_TODAY, noon that day.
    if pinned := os.environ.get("KB_NOW"):
        return datetime.fromisoformat(pinned).astimezone(UTC)
    if os.environ.get("KB_TODAY"):
        return datetime.combine(_today(), time(12), UTC)
    return datetime.now(UTC)


@dataclass(frozen=True)
class Settings:
    root: Path
    demo_data: bool = False
    today: date = field(default_factory=_today)
    # The moment the build reads alerts at (which are current, which are archived). A demo read as of
    # a date reads them at noon that day, and so do its pages in the browser (clock_pinned): the demo's
    # alerts never expire.
    now: datetime = field(default_factory=_now)
    edition: str = "public"  # or "members": private fields and members-only entries are published too

    @property
    def clock_pinned(self) -> bool:
        """A demo read as of a date: alerts are read at ``now`` whatever the clock says."""
        return self.demo_as_of is not None

    @property
    def members(self) -> bool:
        return self.edition == "members"
    # the demo's date (extra.demo_data_as_of) when it sets today: pages that decide again in the
    # browser use it as their day too, so the demo never rots there either
    demo_as_of: date | None = None
    # Ages (days) at which a directory entry's verification becomes a note and a warning.
    verify_note_days: int = 180
    verify_warn_days: int = 365
    # "Get help now" lists every clinic on one page up to this many; a larger network gets one
    # Get help page per region, and the main page links to them (a phone in an emergency should not
    # download a national list). mkdocs.yml: extra.get_help_clinics_on_one_page.
    get_help_clinics_on_one_page: int = 150
    # The directory page lists every organisation up to this many; beyond, it lists the regions
    # and their counts, and each region's page lists its organisations.
    directory_entries_on_one_page: int = 500
    # A species or service page lists every organisation treating or offering it up to this many;
    # beyond, it lists the regions with their counts, and each region gets its own page
    # (species/<id>/<region>/). 300 rows keep a page well under 200 KB.
    species_service_entries_on_one_page: int = 300
    # The kit library lists every item up to this many, and a kit type's page up to this many entries
    # (its items, and the nearest candidates it carries for each region); beyond, they list the
    # regions with their counts (kit is lent within a region), and each region gets its own page:
    # kit/regions/<region>/, and kit/<type>/<region>/ with the nearest available for that region.
    kit_entries_on_one_page: int = 300
    # The case library lists every case, with its filters, up to this many; beyond, it lists the
    # species with their counts (cases/species/<id>/), and a species with more lists its body systems
    # (cases/species/<id>/<system>/), each page keeping the filters for what it lists.
    case_entries_on_one_page: int = 200
    # The training index lists every audience's pathway up to this many modules; beyond, it lists the
    # audiences with their counts, and each pathway gets its own page (training/pathways/<audience>/).
    training_modules_on_one_page: int = 200
    # A problem guide lists the network's cases of the problem up to this many; beyond, it gives their
    # count by species, and the guide's own cases page (triage/<id>/cases/) lists them all.
    guide_cases_on_one_page: int = 30
    # A region's Get help and region pages carry its who-can-help data, and its Get help page lists
    # every daytime clinic, up to this many clinics in or covering the region; a larger region's pages
    # fetch help/<region>.json instead and its Get help page lists who answers at night in full and
    # this many daytime clinics, with a link to all of them (each page stays under 200 KB at ~250
    # clinics a region). mkdocs.yml: extra.region_clinics_on_one_page.
    region_clinics_on_one_page: int = 100

    @property
    def directory(self) -> Path:
        return self.root / "directory"

    @property
    def content(self) -> Path:
        return self.root / "content"


class SettingsError(ValueError):
    """A setting in mkdocs.yml has a value the generator cannot use."""

    def __init__(self, message: str, *, key: str | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.key = key  # under extra:, for the located message
        self.reason = reason


def settings_from_extra(root: Path, extra: dict) -> Settings:
    """Settings from mkdocs.yml's `extra` block."""
    demo = bool(extra.get("demo_data", False))
    as_of = _date(extra, "demo_data_as_of")
    pinned = {"today": as_of, "demo_as_of": as_of, "now": datetime.combine(as_of, time(12), UTC)} \
        if demo and as_of else {}
    return Settings(root=root, demo_data=demo, **pinned, edition=edition_from_environment(),
                    **{key: _count(extra, key) for key in ("get_help_clinics_on_one_page",
                                                           "directory_entries_on_one_page",
                                                           "species_service_entries_on_one_page",
                                                           "kit_entries_on_one_page",
                                                           "case_entries_on_one_page",
                                                           "training_modules_on_one_page",
                                                           "guide_cases_on_one_page",
                                                           "region_clinics_on_one_page")})


def _date(extra: dict, key: str) -> date | None:
    value = extra.get(key)
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        reason = f"expected a date such as 2026-11-21, got {value!r}"
        raise SettingsError(f"mkdocs.yml: extra.{key}: {reason}", key=key, reason=reason) from None


def _count(extra: dict, key: str) -> int:
    """A whole-number setting; absent, the Settings default."""
    value = extra.get(key, next(f.default for f in fields(Settings) if f.name == key))
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        reason = f"expected a whole number, got {value!r}"
        raise SettingsError(f"mkdocs.yml: extra.{key}: {reason}", key=key, reason=reason)
    return value
