"""Write a valid synthetic network of any size, shaped like the demo network.

The tree is the repository's own (mkdocs.yml, theme, content, vocabularies and the 34 demo
organisations, so every cross reference the demo has still resolves) plus generated entries:
organisations spread over more regions as the network grows (a national network has more regions,
not bigger ones), cases, training modules and kit cloned from the demo's own with new ids, each
pointing at generated organisations. Hours follow the demo's patterns, phone numbers come only from
fictional-use ranges, and the output is the same for the same arguments.

    .venv/bin/python -m benchmarks.synthetic OUT --orgs 10000 --cases 3000 --modules 300 --equipment 5000
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ORGS_PER_REGION = 250
SPECIES = ["rat", "mouse", "hamster", "gerbil", "guinea-pig", "chinchilla", "degu"]
SERVICES = ["triage", "hospitalisation", "oxygen-therapy", "isolation", "anaesthesia", "radiography",
            "ultrasound", "dentistry", "soft-tissue-surgery", "orthopaedic-surgery", "critical-care",
            "telemedicine-consults"]
RESCUE_SERVICES = ["foster-care", "rehoming", "triage"]
KINDS = ["general-practice"] * 6 + ["exotics-practice"] * 3 + ["emergency-hospital", "rescue"]
PLACE_START = ["Ash", "Bram", "Cold", "Dun", "Elm", "Fen", "Gold", "Hart", "Iron", "Kings", "Lark", "Mill",
               "Nor", "Oak", "Pen", "Rook", "Stan", "Thorn", "Ux", "Wald", "Yar", "Bex", "Cran", "Dal"]
PLACE_END = ["ford", "ley", "mere", "stow", "wick", "thorpe", "bury", "combe", "field", "holm", "well",
             "ton", "by", "den", "gate", "moor", "vale", "wood", "hurst", "brook"]
STREETS = ["High Street", "Station Road", "Church Lane", "Mill Road", "Market Place", "Bridge Street",
           "Orchard Way", "Victoria Road", "Park Lane", "Green Lane"]
# Fictional-use numbers: Ofcom's drama ranges (1,000 each; 01632 960 is the demo's own, so it is not
# used), then the US 555-0100 to 555-0199 in every area code. No two organisations share a number up to
# 95,000 numbers, so the likely-copy check finds nothing to warn about and `--strict` builds pass.
PHONE_PREFIXES = ["0113 496 0", "0114 496 0", "0115 496 0", "0116 496 0", "0117 496 0",
                  "0118 496 0", "0121 496 0", "0131 496 0", "0141 496 0", "0151 496 0", "0161 496 0",
                  "020 7946 0", "028 9649 6", "029 2018 0", "01914 980"]
DAYTIME = [
    [{"days": "mon-fri", "opens": "08:30", "closes": "18:00"}],
    [{"days": "mon-fri", "opens": "08:00", "closes": "19:00"}, {"days": ["sat"], "opens": "09:00", "closes": "13:00"}],
    [{"days": "mon-sat", "opens": "09:00", "closes": "17:30"}],
    [{"days": ["mon", "wed", "fri"], "opens": "10:00", "closes": "16:00"}],
]
TODAY_ISH = "2026-11-01"  # recent verification: no freshness warnings at any size
# England's public holidays within six weeks of the demo's date: hours given for each, as kb check asks
HOLIDAYS_CLOSED = [{"date": day, "closed": True, "note": note} for day, note in (
    ("2026-12-25", "Christmas Day."), ("2026-12-26", "Boxing Day."), ("2026-12-28", "Bank holiday."),
    ("2027-01-01", "New Year's Day."))]


def _phones() -> Iterator[str]:
    for prefix in PHONE_PREFIXES:
        for n in range(1000):
            yield f"{prefix}{n:03d}"  # every prefix leaves the last three digits free
    while True:  # then +1 NXX 555 01xx, area codes 201 to 999
        for area in range(201, 1000):
            for n in range(100, 200):
                yield f"+1 {area} 555 0{n}"


def _places(count: int, taken: set[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if count == 0:
        return out
    for start in PLACE_START:
        for end in PLACE_END:
            label = start + end
            if label.lower() not in taken:
                out.append((label.lower(), label))
            if len(out) == count:
                return out
    raise ValueError(f"at most {len(out)} synthetic regions")


def _schema_line(kind: str, depth: int) -> str:
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.schema.json\n# Synthetic benchmark data.\n"


def _dump(path: Path, data: object, kind: str, depth: int) -> None:
    path.write_text(_schema_line(kind, depth) + yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


def write_regions(tree: Path, orgs: int) -> list[str]:
    path = tree / "directory/regions.yml"
    regions = yaml.safe_load(path.read_text(encoding="utf-8"))
    wanted = max(0, orgs // ORGS_PER_REGION - len(regions))
    for region_id, label in _places(wanted, {r["id"] for r in regions}):
        regions.append({"id": region_id, "label": label, "description": f"Towns and villages around {label}.",
                        "timezone": "Europe/London", "country": "GB", "subdivision": "ENG"})
    _dump(path, regions, "regions", 1)
    return [r["id"] for r in regions]


def _organisation(rng: random.Random, number: int, org_id: str, name: str, region: str, partner: str | None,
                  phone: Iterator[str], hub: bool) -> dict:
    kind = "emergency-hospital" if hub else rng.choice(KINDS[:-2] + ["rescue"])
    rescue = kind == "rescue"
    species = sorted(rng.sample(SPECIES, rng.randint(2, 7)), key=SPECIES.index)
    pool = RESCUE_SERVICES if rescue else SERVICES
    services = sorted(rng.sample(pool, rng.randint(1, min(6, len(pool)))), key=pool.index)
    phones = [{"type": "main", "number": next(phone)}]
    if hub:
        phones.append({"type": "emergency", "number": next(phone), "verified_on": TODAY_ISH})
        after_hours = {"arrangement": "on-site-24h"}
        hours: object = "24/7"
    elif partner and not rescue:
        after_hours = {"arrangement": "partner", "partner": partner,
                       "notes": "Out of hours, phone the partner hospital before setting off."}
        hours = rng.choice(DAYTIME)
    else:
        after_hours = {"arrangement": "none"}
        hours = rng.choice(DAYTIME)
    lat, lon = 50.5 + rng.random() * 4, -4.5 + rng.random() * 4
    org = {
        "id": org_id, "name": name, "kind": kind,
        "summary": f"{name} sees {', '.join(s.replace('-', ' ') for s in species)} in and around "
                   f"{region.title()}. Synthetic entry for the scale benchmark.",
        "status": "active", "species": species, "services": services,
        "limitations": ["No overnight hospitalisation."] if not hub else [],
        "contacts": {"phones": phones, "email": f"hello@{org_id}.example", "website": f"https://{org_id}.example"},
        "location": {"address": {"street": f"{number} {rng.choice(STREETS)}",  # unique
                                 "locality": region.title(),
                                 "postcode": f"ZZ{rng.randint(1, 99)} {rng.randint(1, 9)}XX", "country": "GB"},
                     "region": region, "coordinates": {"lat": round(lat, 3), "lon": round(lon, 3)}},
        "hours": hours, "after_hours": after_hours,
        "exceptions": HOLIDAYS_CLOSED if not hub else [],
        "languages": ["en"], "verified": {"on": TODAY_ISH, "by": "Practice manager"},
    }
    if not org["limitations"]:
        del org["limitations"]
    if not org["exceptions"]:
        del org["exceptions"]
    return org


def write_organisations(tree: Path, count: int, regions: list[str], rng: random.Random) -> list[str]:
    folder = tree / "directory/organisations"
    existing = sorted(p.stem for p in folder.glob("*.yml"))
    phone = _phones()
    made: list[str] = []
    hubs: dict[str, str] = {}
    for i in range(max(0, count - len(existing))):
        region = regions[i % len(regions)]
        hub = region not in hubs
        org_id = f"{region}-{'emergency-centre' if hub else 'clinic'}-{i:05d}"
        town = region.replace("-", " ").title()
        name = f"{town} Emergency Centre {i:05d}" if hub else f"{town} Small Animal Clinic {i:05d}"
        if hub:
            hubs[region] = org_id
        _dump(folder / f"{org_id}.yml", _organisation(rng, i + 1, org_id, name, region, hubs.get(region), phone, hub),
              "organisation", 2)
        made.append(org_id)
    return existing + made


def _clone(source: Path, target: Path, old_id: str, new_id: str, replacements: dict[str, str]) -> None:
    text = source.read_text(encoding="utf-8")
    text = re.sub(rf"^id: {re.escape(old_id)}$", f"id: {new_id}", text, count=1, flags=re.M)
    for pattern, value in replacements.items():
        text = re.sub(pattern, value, text, flags=re.M)
    target.write_text(text, encoding="utf-8")


def clone_entries(folder: Path, count: int, suffix_of, replacements_for) -> None:
    """``count`` more entries in ``folder``, cloned round-robin from the demo's own."""
    templates = sorted(folder.glob("*.yml"))
    for n in range(count):
        source = templates[n % len(templates)]
        copy = n // len(templates)
        new_id = f"{source.stem}-{suffix_of(copy)}"
        _clone(source, folder / f"{new_id}.yml", source.stem, new_id, replacements_for(n, copy))


def copy_demo_tree(target: Path) -> Path:
    """A copy of the demo network's sources in ``target`` (emptied first); returns its mkdocs.yml."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ("content", "directory", "theme"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target / "mkdocs.yml"


def write_network(target: Path, *, orgs: int, cases: int = 0, modules: int = 0, equipment: int = 0,
                  seed: int = 1) -> Path:
    """Write the tree into ``target`` (emptied first); return the path of its mkdocs.yml."""
    rng = random.Random(seed)
    copy_demo_tree(target)
    regions = write_regions(target, orgs)
    org_ids = write_organisations(target, orgs, regions, rng)
    generated = [o for o in org_ids if re.search(r"-\d{5}$", o)] or org_ids

    def pick(n: int) -> str:
        return generated[(n * 7919) % len(generated)]

    demo_modules = {p.stem for p in (target / "content/training").glob("*.yml")}

    def module_refs(copy: int) -> dict[str, str]:
        # prerequisites point at the same copy of the module they named: no cycles, same shape
        return {rf"^(\s+- )({'|'.join(map(re.escape, sorted(demo_modules)))})$": rf"\1\2-s{copy:04d}",
                r"^title: (.*)$": rf"title: \1 (synthetic copy {copy + 1})"}

    # whole copies of the module set: a copied module needs its prerequisites' copies
    whole_sets = -(-modules // len(demo_modules)) * len(demo_modules)
    clone_entries(target / "content/training", whole_sets, lambda c: f"s{c:04d}", lambda n, c: module_refs(c))
    clone_entries(target / "content/cases", cases, lambda c: f"s{c:04d}",
                  lambda n, c: {r"^organisation: .*$": f"organisation: {pick(n)}",
                                r"^title: (.*)$": rf"title: \1 (synthetic {n:05d})"})
    clone_entries(target / "directory/equipment", equipment, lambda c: f"s{c:04d}",
                  lambda n, c: {r"^holder: .*$": f"holder: {pick(n)}"})
    return target / "mkdocs.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--cases", type=int, default=0)
    parser.add_argument("--modules", type=int, default=0)
    parser.add_argument("--equipment", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    config = write_network(args.out, orgs=args.orgs, cases=args.cases, modules=args.modules,
                           equipment=args.equipment, seed=args.seed)
    print(f"wrote {config.parent}")


if __name__ == "__main__":
    main()
