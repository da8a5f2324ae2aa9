"""Load the clinical guidance in content/ (triage scale, signs, problem guides, first aid, referral
protocol) and check it: references, review dates, and no dose-like text anywhere."""

from __future__ import annotations

from generator.common.review import Review
from generator.common.text_checks import body_problems
from generator.core.catalog import (
    Catalog,
    Entry,
    Loaded,
    MarkdownEntry,
    collection_files,
    is_valid_id,
    load_entries,
    load_list,
    written_ids,
)
from generator.core.frontmatter import load_markdown
from generator.core.issues import Problem as Issue
from generator.core.issues import Problems, Severity, Stage
from generator.core.settings import Settings
from generator.core.sources import Source, display_path, load_file
from generator.core.validate import validate
from generator.kinds.first_aid.model import FirstAidPage
from generator.kinds.referral.model import ReferralProtocol
from generator.kinds.triage.clinical_checks import check_guide_urgency, check_signs_structure, source_problems
from generator.kinds.triage.model import Problem, Sign, TriageScale
from generator.kinds.vocabularies.model import Kind

REFERRAL_STATUSES = ("pending", "accepted", "declined", "expired")  # the metrics count these
DUE_SOON_DAYS = 30
RESERVED_TRIAGE_IDS = {"tiers", "signs"}  # /triage/<problem>/ shares the folder with these


def load_guidance(settings: Settings, catalog: Catalog, problems: Problems) -> None:
    triage = settings.content / "triage"
    if triage.is_dir():
        source, catalog.scale = _load_scale(triage / "tiers.yml", settings, problems)
        catalog.tiers = Loaded({t.id: t for t in catalog.scale.model.tiers} if catalog.scale else {},
                               sources=[source] if source else [], available=source is not None,
                               known=written_ids(source.data.get("tiers") if source and isinstance(
                                   source.data, dict) else None))
        catalog.sources["tiers"] = catalog.tiers.sources
        catalog.signs = load_list(triage / "signs.yml", Sign, settings.root, problems)
        catalog.body_systems = load_list(triage / "body-systems.yml", Kind, settings.root, problems)
        catalog.problems = load_entries(triage / "problems", Problem, settings, problems, required=True)
    else:  # one problem for the folder, and no "unknown tier/sign/guide" for everything that names them
        problems.add(Issue(display_path(triage, settings.root), 1, 1, "(file)", "this folder is missing: the "
                           "triage scale, signs, body systems and problem guides live in it",
                           f"restore it from the repository (git checkout -- {display_path(triage, settings.root)})",
                           stage=Stage.PARSE))
        for name in ("tiers", "signs", "body_systems", "problems"):
            setattr(catalog, name, Loaded(available=False))
    catalog.first_aid = _load_first_aid(settings, problems)
    protocol = settings.content / "referral" / "protocol.yml"
    if protocol.exists() or protocol.is_symlink():
        source, found = load_file(protocol, settings.root)
        problems.extend(found)
        if source is not None:
            catalog.sources["referral"] = [source]
            model, found = validate(source, ReferralProtocol)
            problems.extend(found)
            catalog.referral = Entry(model, source) if model else None


def _load_scale(path, settings: Settings, problems: Problems) -> tuple[Source | None, Entry[TriageScale] | None]:
    source, found = load_file(path, settings.root)
    problems.extend(found)
    if source is None:
        return None, None
    model, found = validate(source, TriageScale)
    problems.extend(found)
    return source, (Entry(model, source) if model else None)


def _load_first_aid(settings: Settings, problems: Problems) -> dict[str, MarkdownEntry]:
    folder = settings.content / "first-aid"
    pages: Loaded = Loaded()
    if not folder.is_dir():
        return pages
    for path in collection_files(folder, settings.root, problems, ".md"):
        if not is_valid_id(path.stem):  # reported, and the page is still checked
            problems.add(Issue(path.relative_to(settings.root).as_posix(), 1, 1, "(file)",
                               "the file name is the page's address: use lower-case words joined by hyphens",
                               stage=Stage.PARSE))
        markdown, found = load_markdown(path, settings.root)
        problems.extend(found)
        pages.known[path.stem] = None
        if markdown is None:
            continue
        problems.extend(body_problems(markdown.source.display, markdown.body, markdown.body_line))
        pages.sources.append(markdown.source)
        model, found = validate(markdown.source, FirstAidPage)
        problems.extend(found)
        if model is not None:
            pages[path.stem] = MarkdownEntry(path.stem, model, markdown.source, markdown.body, markdown.body_line)
    return pages


# ---- checks ------------------------------------------------------------------------------------

def check_guidance(catalog: Catalog) -> list[Issue]:
    issues: list[Issue] = []
    issues += _check_tiers(catalog)
    for sign in catalog.signs.values():
        issues += _check_sign(catalog, sign)
    for entry in catalog.problems.values():
        issues += _check_problem(catalog, entry)
    for entry in catalog.first_aid.values():
        issues += _check_first_aid(catalog, entry)
    if catalog.referral is not None:
        issues += _check_referral(catalog, catalog.referral)
    return issues


def _list_source(catalog: Catalog, name: str) -> Source | None:
    source, _ = load_file(catalog.settings.content / "triage" / name, catalog.settings.root)
    return source


def _check_tiers(catalog: Catalog) -> list[Issue]:
    if catalog.scale is None:
        return []
    source = catalog.scale.source
    issues = []
    ranks = sorted(t.rank for t in catalog.tiers.values())
    if not 4 <= len(ranks) <= 5:
        issues.append(source.problem(("tiers",), f"the triage scale has {len(ranks)} tiers; it needs 4 or 5"))
    if ranks != list(range(1, len(ranks) + 1)):
        issues.append(source.problem(("tiers",), "tier ranks must run 1, 2, 3 … without gaps or repeats"))
    ids = [t.id for t in catalog.scale.model.tiers]
    issues += [source.problem(("tiers", i, "id"), f"duplicate tier id '{tier_id}'")
               for i, tier_id in enumerate(ids) if ids.index(tier_id) != i]
    advice: dict[str, str] = {}
    for i, tier in enumerate(catalog.scale.model.tiers):
        for j, line in enumerate(tier.advice):
            if line.id in advice:
                issues.append(source.problem(("tiers", i, "advice", j, "id"),
                                             f"advice id '{line.id}' is also used by tier '{advice[line.id]}'",
                                             hint="guides name advice lines by id: give each line its own"))
            advice.setdefault(line.id, tier.id)
    issues += review_problems(catalog, source, catalog.scale.model.review)
    issues += source_problems(source, source.data)
    return issues


def _check_sign(catalog: Catalog, sign: Sign) -> list[Issue]:
    source = _list_source(catalog, "signs.yml")
    if source is None:
        return []
    index = next((i for i, item in enumerate(source.data) if isinstance(item, dict) and item.get("id") == sign.id), 0)
    issues = []
    for i, threshold in enumerate(sign.thresholds):
        if threshold.species not in sign.species:
            issues.append(source.problem((index, "thresholds", i, "species"),
                                         f"'{threshold.species}' has a threshold but is not in this sign's species"))
    issues += check_signs_structure(catalog, source, index, sign)
    return issues


def _check_problem(catalog: Catalog, entry: Entry[Problem]) -> list[Issue]:
    guide, src = entry.model, entry.source
    issues = []
    if guide.id in RESERVED_TRIAGE_IDS:
        issues.append(src.problem(("id",), f"'{guide.id}' is reserved for the triage section's own pages",
                                  hint="choose another id and rename the file"))
    issues += check_guide_urgency(catalog, entry)
    issues += review_problems(catalog, src, guide.review)
    issues += source_problems(src, src.data)
    return issues


def _check_first_aid(catalog: Catalog, entry: MarkdownEntry) -> list[Issue]:
    page, src = entry.model, entry.source
    # unknown species: generator/core/references.py; doses and links in the body: checked as it is loaded
    issues = review_problems(catalog, src, page.review)
    issues += source_problems(src, src.data)
    return issues


def _check_referral(catalog: Catalog, entry: Entry[ReferralProtocol]) -> list[Issue]:
    protocol, src = entry.model, entry.source
    issues = []
    written = {tl.tier for tl in protocol.timelines}
    missing = [t for t in catalog.tiers if t not in written]  # none if tiers failed
    if missing and written <= set(catalog.tiers):  # an unknown tier is the mistake to report, not its gap
        issues.append(src.problem(("timelines",), f"no timeline for tier(s): {', '.join(missing)}"))
    ids = [s.id for s in protocol.statuses]
    if sorted(ids) != sorted(REFERRAL_STATUSES):
        issues.append(src.problem(("statuses",), f"the statuses must be exactly {', '.join(REFERRAL_STATUSES)}, "
                                  "because the network's metrics count them"))
    issues += review_problems(catalog, src, protocol.review)
    issues += source_problems(src, src.data)
    return issues


def review_problems(catalog: Catalog, src: Source, review: Review) -> list[Issue]:
    today = catalog.settings.today
    if review.reviewed > today:
        return [src.problem(("review", "reviewed"), "the review date is in the future")]
    if review.next_review < today:
        return [src.problem(("review", "next_review"), f"review overdue since {review.next_review.isoformat()}",
                            hint="have a clinical reviewer check the guidance, then update both dates",
                            severity=Severity.WARNING, stage=Stage.CONTENT)]
    if (review.next_review - today).days <= DUE_SOON_DAYS:
        return [src.problem(("review", "next_review"), f"review due on {review.next_review.isoformat()}",
                            severity=Severity.NOTE, stage=Stage.CONTENT)]
    return []

