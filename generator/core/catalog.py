"""Load every source, validate it, resolve references and derive the views pages need.

The Catalog is the one in-memory picture of the network; pages are planned from it only.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

import phonenumbers
from pydantic import BaseModel

from generator.common.fields import ID_MAX_LENGTH, ID_PATTERN
from generator.common.schedule import is_always_open
from generator.core.issues import Problem, Problems, Severity, Stage
from generator.core.settings import Settings
from generator.core.sources import Source, display_path, load_file
from generator.core.suggest import did_you_mean
from generator.core.timings import TIMINGS
from generator.kinds.cases.model import Case
from generator.kinds.equipment.model import Equipment, EquipmentType
from generator.kinds.metrics.model import MetricsReport
from generator.kinds.organisations.model import Organisation
from generator.kinds.referral.model import ReferralProtocol
from generator.kinds.training.model import Module
from generator.kinds.triage.model import Problem as ProblemGuide
from generator.kinds.triage.model import Sign, Tier, TriageScale
from generator.kinds.vocabularies.model import VOCABULARIES, Kind, Language, OrganisationKind, Region, Service, Species
from generator.kinds.volunteers.model import VolunteerGroup

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    model: M
    source: Source

    @property
    def id(self) -> str:
        return self.model.id  # type: ignore[attr-defined]


class Loaded(dict):
    """Entries or terms by id, and what the checks need to know of the files they came from: every
    file that was read (valid or not), every id that exists (valid or not), and whether the file or
    folder could be read at all."""

    def __init__(self, items: Any = (), *, sources: list[Source] | None = None, known: Any = (),
                 available: bool = True) -> None:
        super().__init__(items)
        self.sources: list[Source] = list(sources or [])
        self.known: dict[str, None] = dict.fromkeys(known)
        self.available = available


@dataclass(frozen=True)
class MarkdownEntry(Generic[M]):
    """A Markdown page: its front matter as a model, and its body."""

    id: str
    model: M
    source: Source
    body: str
    body_line: int


@dataclass
class Catalog:
    settings: Settings
    regions: dict[str, Region] = field(default_factory=dict)
    species: dict[str, Species] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    kinds: dict[str, OrganisationKind] = field(default_factory=dict)
    languages: dict[str, Language] = field(default_factory=dict)
    organisations: dict[str, Entry[Organisation]] = field(default_factory=dict)
    # guidance (content/)
    scale: Entry[TriageScale] | None = None
    tiers: dict[str, Tier] = field(default_factory=dict)
    signs: dict[str, Sign] = field(default_factory=dict)
    body_systems: dict[str, Kind] = field(default_factory=dict)
    problems: dict[str, Entry[ProblemGuide]] = field(default_factory=dict)
    first_aid: dict[str, MarkdownEntry] = field(default_factory=dict)
    referral: Entry[ReferralProtocol] | None = None
    cases: dict[str, Entry[Case]] = field(default_factory=dict)
    equipment_types: dict[str, EquipmentType] = field(default_factory=dict)
    equipment: dict[str, Entry[Equipment]] = field(default_factory=dict)
    volunteers: dict[str, Entry[VolunteerGroup]] = field(default_factory=dict)
    metrics: dict[str, Entry[MetricsReport]] = field(default_factory=dict)
    modules: dict[str, Entry[Module]] = field(default_factory=dict)
    # every file read, valid or not, by kind (the keys of references.REFERENCES): checks of the data as
    # written (references, doses, identifying details) run on all of them
    sources: dict[str, list[Source]] = field(default_factory=dict)

    def ids(self, name: str) -> dict[str, None] | None:
        """Every id of ``name`` (an attribute such as "species" or "organisations") that exists,
        valid entries first; None when its file or folder could not be read at all."""
        loaded = getattr(self, name)
        if not getattr(loaded, "available", True):
            return None
        return {**dict.fromkeys(loaded), **getattr(loaded, "known", {})}

    # ---- derived views -------------------------------------------------------------------
    def memo(self, key: tuple, compute: Any) -> Any:
        """Derived views are asked for once per page; at 10,000 organisations recomputing them per page
        makes the build quadratic. The memo is dropped whenever ``organisations`` is replaced or grows."""
        stamp = (id(self.organisations), len(self.organisations))
        memo = self.__dict__.setdefault("_memo_store", {})
        if memo.get("stamp") != stamp:
            memo.clear()
            memo["stamp"] = stamp
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def forget(self, name: str) -> None:
        """Drop the memoised views named ``name`` once nothing will ask for them again this build."""
        memo = self.__dict__.get("_memo_store", {})
        for key in [key for key in memo if isinstance(key, tuple) and key[:1] == (name,)]:
            del memo[key]

    def orgs(self) -> list[Organisation]:
        return list(self.memo(("orgs",), lambda: sorted((e.model for e in self.organisations.values()),
                                                          key=lambda o: o.name.lower())))

    def org(self, org_id: str) -> Organisation:
        return self.organisations[org_id].model

    def region_of(self, org: Organisation) -> Region:
        return self.regions[org.location.region]

    def in_region(self, region_id: str) -> list[Organisation]:
        """Organisations based in the region, round-the-clock care first, then by name."""
        return list(self.memo(("in_region", region_id), lambda: sorted(
            (o for o in self.orgs() if o.location.region == region_id), key=emergency_order)))

    def treating(self, species_id: str) -> list[Organisation]:
        return list(self.memo(("treating", species_id), lambda: [
            o for o in self.orgs() if any(c.species == species_id for c in o.species)]))

    def offering(self, service_id: str) -> list[Organisation]:
        return list(self.memo(("offering", service_id), lambda: [
            o for o in self.orgs() if any(s.service == service_id for s in o.services)]))

    def tiers_by_rank(self) -> list[Tier]:
        return sorted(self.tiers.values(), key=lambda t: t.rank)

    def guides(self) -> list[ProblemGuide]:
        return sorted((e.model for e in self.problems.values()), key=lambda p: p.title.lower())

    def guides_for_species(self, species_id: str) -> list[ProblemGuide]:
        return [p for p in self.guides() if species_id in p.species]

    def guides_with_sign(self, sign_id: str) -> list[ProblemGuide]:
        return [p for p in self.guides() if any(m.sign == sign_id for m in p.signs)]

    def first_aid_for_species(self, species_id: str) -> list[MarkdownEntry]:
        return [e for e in self.first_aid_pages() if "all" in e.model.species or species_id in e.model.species]

    def first_aid_pages(self) -> list[MarkdownEntry]:
        return sorted(self.first_aid.values(), key=lambda e: (e.model.order, e.model.title.lower()))

    def referral_receivers(self) -> list[Organisation]:
        """Organisations that accept referrals from vets, with a named referral role."""
        return [o for o in self.orgs() if o.status == "active" and o.referrals
                and "vets" in o.referrals.accepts_from]

    def case_list(self) -> list[Case]:
        return sorted((e.model for e in self.cases.values()), key=lambda c: c.title.lower())

    def cases_for_guide(self, guide_id: str) -> list[Case]:
        return [c for c in self.case_list() if guide_id in c.related.problems]

    def kit_list(self) -> list[Equipment]:
        return list(self.memo(("kit", len(self.equipment)),
                               lambda: sorted((e.model for e in self.equipment.values()), key=lambda k: k.id)))

    def kit_of(self, org_id: str) -> list[Equipment]:
        def by_holder() -> dict[str, list[Equipment]]:
            held: dict[str, list[Equipment]] = {}
            for kit in self.kit_list():
                if kit.status != "retired":
                    held.setdefault(kit.holder, []).append(kit)
            return held
        return list(self.memo(("kit_by_holder", len(self.equipment)), by_holder).get(org_id, []))

    def volunteers_in(self, region_id: str) -> list[VolunteerGroup]:
        return sorted((e.model for e in self.volunteers.values() if region_id in e.model.regions),
                      key=lambda g: g.name.lower())

    def module_list(self) -> list[Module]:
        return sorted((e.model for e in self.modules.values()), key=lambda m: m.title.lower())

    def partners_of(self, org_id: str) -> list[Organisation]:
        """Organisations that send their after-hours patients to ``org_id``."""
        def by_partner() -> dict[str, list[Organisation]]:
            sent: dict[str, list[Organisation]] = {}
            for org in self.orgs():
                if org.after_hours.partner:
                    sent.setdefault(org.after_hours.partner, []).append(org)
            return sent
        return list(self.memo(("partners",), by_partner).get(org_id, []))


def emergency_order(org: Organisation) -> tuple[int, str]:
    rank = {"on-site-24h": 0, "on-call": 1, "partner": 2, "none": 3}[org.after_hours.arrangement]
    if is_always_open(org.hours):
        rank = 0
    if org.status != "active":
        rank += 10
    return rank, org.name.lower()


# ---- loading -----------------------------------------------------------------------------

def load_catalog(settings: Settings) -> tuple[Catalog, Problems]:
    """Every file loaded and checked; problems hold everything found, in one run."""
    # Loading makes millions of small objects that live as long as the build. The cyclic garbage
    # collector rescanning them over and over took a third of `kb check` at 10,000 organisations, so
    # it pauses while loading, and what was loaded is then frozen out of later collections.
    gc.unfreeze()  # a previous catalog (kb serve rebuilds) becomes collectable again
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with TIMINGS.stage("catalog"):
            return _load_catalog(settings)
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def _load_catalog(settings: Settings) -> tuple[Catalog, Problems]:
    problems = Problems()
    catalog = Catalog(settings)
    for name, model in VOCABULARIES.items():
        terms = load_list(settings.directory / f"{name}.yml", model, settings.root, problems)
        setattr(catalog, name, terms)
        catalog.sources[name] = terms.sources
    catalog.organisations = _load_organisations(settings, catalog, problems)
    from generator.common.text_checks import check_site_pages, check_text  # noqa: PLC0415
    from generator.core.references import check_references  # noqa: PLC0415
    from generator.kinds.cases.checks import check_cases, load_cases  # noqa: PLC0415
    from generator.kinds.equipment.checks import check_kit, load_kit  # noqa: PLC0415
    from generator.kinds.metrics.checks import check_metrics, load_metrics  # noqa: PLC0415
    from generator.kinds.organisations.availability_checks import check_availability  # noqa: PLC0415
    from generator.kinds.organisations.checks import check_organisations  # noqa: PLC0415
    from generator.kinds.training.checks import check_modules, load_modules  # noqa: PLC0415
    from generator.kinds.triage.checks import check_guidance, load_guidance  # noqa: PLC0415 - they use this module
    from generator.site.audit import test_call_reminders  # noqa: PLC0415
    from generator.site.redirects import check_aliases  # noqa: PLC0415

    load_guidance(settings, catalog, problems)
    catalog.modules = load_modules(settings, problems)
    catalog.cases = load_cases(settings, problems)
    load_kit(settings, catalog, problems)
    catalog.metrics = load_metrics(settings, problems)
    for name in ("organisations", "equipment_types", "equipment", "volunteers", "signs", "body_systems", "problems",
                 "first_aid", "cases", "modules", "metrics"):
        catalog.sources.setdefault(name, list(getattr(getattr(catalog, name), "sources", [])))
    # checks of the data as written, before quoting replaces the guidance models (and the ids that
    # exist, valid or not, with them)
    problems.extend(check_references(catalog, problems.items))
    problems.extend(check_text(catalog, problems.items))
    check_site_pages(settings.content / "pages", settings.root, problems)
    from generator.kinds.triage.clinical_checks import quote_catalog  # noqa: PLC0415

    problems.extend(quote_catalog(catalog))  # before the checks: they and the pages see the numbers
    problems.extend(check_organisations(catalog))
    problems.extend(check_availability(catalog))
    problems.extend(check_guidance(catalog))
    problems.extend(check_modules(catalog))
    problems.extend(check_cases(catalog, problems.items))
    problems.extend(check_kit(catalog))
    problems.extend(check_metrics(catalog))
    problems.extend(check_aliases(catalog))
    problems.extend(test_call_reminders(catalog))
    return catalog, problems


def load_list(path: Path, model: type[BaseModel], root: Path, problems: Problems) -> Loaded:
    """A file that is a list of terms with ids (vocabularies, tiers, signs). The ids of terms with
    mistakes still exist for references; an unreadable file provides none (and is reported)."""
    from generator.core.validate import validate_as_far_as_possible as validate  # noqa: PLC0415

    source, parse_problems = load_file(path, root)
    problems.extend(parse_problems)
    if source is None:
        return Loaded(available=False)
    if not isinstance(source.data, list):
        problems.add(source.problem((), "this file must be a list of entries, each starting with '- id:'",
                                    stage=Stage.SCHEMA))
        return Loaded(sources=[source], available=False)
    terms = Loaded(sources=[source], known=written_ids(source.data))
    for index, item in enumerate(source.data):
        term, found = validate(source, model, path=(index,), data=item)
        problems.extend(found)
        if term is None:
            continue
        if term.id in terms:
            problems.add(source.problem((index, "id"), f"duplicate id '{term.id}' in this vocabulary"))
            continue
        terms[term.id] = term
    return terms


def written_ids(items: Any) -> list[str]:
    """The ids written in a list of entries, whatever else is wrong with them."""
    if not isinstance(items, list):
        return []
    return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]


def is_valid_id(text: str) -> bool:
    return len(text) <= ID_MAX_LENGTH and re.fullmatch(ID_PATTERN, text) is not None


def source_display(path: Path, root: Path) -> str:
    return display_path(path, root)


def collection_files(folder: Path, root: Path, problems: Problems, suffix: str = ".yml") -> list[Path]:
    """The entry files of a collection folder (one file per entry, ending in ``suffix``). Anything
    else there is reported, never skipped silently: other endings and folders as warnings, names
    that look meant to be entries (`.yaml`, `UPPER.YML`) as errors. Hidden files (`.gitkeep`, an
    editor's swap file) are left alone. Whether each file is a regular file inside the repository
    is checked when it is read."""
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        display = display_path(path, root)
        lower = path.name.lower()
        if path.name.endswith(suffix):
            files.append(path)
        elif lower.endswith(suffix) or (suffix == ".yml" and lower.endswith(".yaml")):
            stem = path.name[: path.name.lower().rindex(".")]
            problems.add(Problem(display, 1, 1, "(file)", f"files in this folder must end in lower-case {suffix}",
                                 f"rename it to {stem.lower()}{suffix}", stage=Stage.PARSE))
        elif path.is_dir() and not path.is_symlink():
            problems.add(Problem(display, 1, 1, "(file)", f"folders inside {display_path(folder, root)} are not "
                                 "read", f"entries are {suffix} files directly in the folder",
                                 severity=Severity.WARNING, stage=Stage.PARSE))
        else:
            problems.add(Problem(display, 1, 1, "(file)", f"this file is not read: only {suffix} files are read "
                                 "from this folder", "rename it, or move it out of the folder (an editor's backup?)",
                                 severity=Severity.WARNING, stage=Stage.PARSE))
    return files


def load_entries(folder: Path, model: type[M], settings: Settings, problems: Problems,
                 context_of: Any = None, *, required: bool = False) -> Loaded:
    """Load one file per entry, require file name = id, and keep ids unique. Every entry is checked
    as far as it can be: an id that differs from the file name is reported and the entry still
    checked, and every file in the folder counts as existing for references however broken it is.
    A missing folder is one problem when ``required``, and its ids are then not checked."""
    from generator.core.validate import validate_as_far_as_possible as validate  # noqa: PLC0415

    if not folder.is_dir():
        if required:
            problems.add(Problem(display_path(folder, settings.root), 1, 1, "(file)", "this folder is missing",
                                 "restore it from the repository (git checkout -- "
                                 f"{display_path(folder, settings.root)})", stage=Stage.PARSE))
        return Loaded(available=not required)
    entries: Loaded = Loaded()
    for path in collection_files(folder, settings.root, problems):
        entries.known[path.stem] = None
        source, parse_problems = load_file(path, settings.root)
        problems.extend(parse_problems)
        if source is None:
            continue
        entries.sources.append(source)
        written = source.data.get("id") if isinstance(source.data, dict) else None
        if isinstance(written, str):
            entries.known[written] = None
        context = context_of(source.data) if context_of else {}
        model_obj, found = validate(source, model, context=context)
        problems.extend(_id_hint(p, path) for p in found)
        if isinstance(written, str) and written != path.stem and is_valid_id(written):
            taken = folder / f"{written}.yml"
            hint = (f"{written} is already used by {source_display(taken, settings.root)}; set id: {path.stem}"
                    if taken.exists() else f"rename the file to {written}.yml or set id: {path.stem}")
            problems.add(source.problem(("id",), f"id '{written}' does not match the file name '{path.name}'",
                                        hint=hint))
            if written in entries or taken.exists():
                continue  # the id belongs to another file; this one is still checked as far as it is valid
        if model_obj is None:
            continue
        entry_id = model_obj.id  # type: ignore[attr-defined]
        if entry_id in entries:
            problems.add(source.problem(("id",), f"duplicate id '{entry_id}' "
                                        f"(also in {entries[entry_id].source.display})"))
            continue
        entries[entry_id] = Entry(model_obj, source)
    return entries


def _id_hint(problem: Problem, path: Path) -> Problem:
    """A malformed id is fixed by copying the file name, which is valid by construction."""
    if problem.field != "id" or "is not a valid id" not in problem.message or not is_valid_id(path.stem):
        return problem
    return replace(problem, hint=f"the id must match the file name: write id: {path.stem}")


def _load_organisations(settings: Settings, catalog: Catalog, problems: Problems
                        ) -> dict[str, Entry[Organisation]]:
    def context_of(data: Any) -> dict[str, Any]:
        return {"country": _country_of(data, catalog), "allow_fictional": settings.demo_data}

    return load_entries(settings.directory / "organisations", Organisation, settings, problems, context_of,
                        required=True)


def _country_of(data: Any, catalog: Catalog) -> str | None:
    """The country phone numbers are read in: the address's, else the region's (else the first
    region's: a mistake in the address or region must not make every phone number wrong too)."""
    location = data.get("location") if isinstance(data, dict) else None
    if not isinstance(location, dict):
        return None
    address = location.get("address")
    country = address.get("country") if isinstance(address, dict) else None
    if isinstance(country, str) and country in phonenumbers.SUPPORTED_REGIONS:  # a bad code is reported, not used
        return country
    region = catalog.regions.get(location.get("region")) if isinstance(location.get("region"), str) else None
    if region is None and catalog.regions:  # an unknown region is reported; read the numbers as the network's
        region = next(iter(catalog.regions.values()))
    return region.country if region else None


def unknown(source: Source, path: tuple, kind: str, value: str, options: dict[str, Any],
            list_options: bool = True) -> Problem:
    """A reference to something that does not exist. Callers skip the check when ``options`` is
    empty: then the vocabulary itself failed to load, and that error is the one to show."""
    hint = did_you_mean(value, options)
    if not hint and list_options and options:
        hint = f"use one of: {', '.join(options)}"
    return source.problem(path, f"unknown {kind} '{value}'", hint=hint, stage=Stage.REFERENCE)


__all__ = ["Catalog", "Entry", "load_catalog", "unknown", "emergency_order", "Severity"]
