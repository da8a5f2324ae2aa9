"""Mutation testing of the safety rules (issue 17): mutmut mutates one module at a time and runs only that
module's fast unit tests against each mutant; then each hand-written mutation of the audit is put in a
copy of the code and its named test must fail. Writes benchmarks/results/mutation.md (and .json, which
keeps the modules not run this time, so one module can be measured again on its own).

    .venv/bin/python -m benchmarks.mutation [--module hours --module doses …] [--named-only] [--jobs 2]

Needs the 'mutation' extra (`pip install -c constraints.txt -e '.[mutation]'`). Everything runs in a
temporary copy of generator/, tests/ and benchmarks/; the checkout is never changed.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
MUTMUT = Path(sys.executable).with_name("mutmut")
TARGET = 0.90


@dataclass(frozen=True)
class Module:
    rule: str  # what it protects, for the report
    path: str
    tests: tuple[str, ...]  # its fast unit tests (seconds, not a site build)


MODULES = {
    "hours": Module("opening hours, overnight periods, exceptions, clock changes", "generator/common/schedule.py",
                    ("tests/unit/common/test_hours.py", "tests/unit/organisations/test_scenarios.py")),
    "availability": Module("who can help now: status, on-call, partners, ranking",
                           "generator/kinds/organisations/availability.py",
                           ("tests/unit/organisations/test_availability.py",
                            "tests/unit/organisations/test_region_help.py",
                            "tests/unit/organisations/test_scenarios.py", "tests/unit/common/test_hours.py")),
    "doses": Module("no drug doses in published text", "generator/common/doses.py",
                    ("tests/unit/common/test_doses.py",)),
    "deidentify": Module("no identifying details in cases", "generator/common/deidentify.py",
                         ("tests/unit/common/test_deidentify.py",)),
    "phones": Module("phone numbers, fictional ranges on demo sites only", "generator/common/phones.py",
                     ("tests/unit/common/test_phones.py",)),
    "rules": Module("organisation rules: duplicates, verification dates, partners, closures",
                    "generator/kinds/organisations/checks.py", ("tests/unit/organisations/test_checks.py",)),
    "suppression": Module("small-number suppression of published figures", "generator/kinds/metrics/suppression.py",
                          ("tests/unit/metrics/test_suppression.py", "tests/build/test_metrics_wording.py")),
    "references": Module("cross-references: unknown ids, near misses, the template's choice, no false cascades",
                         "generator/core/references.py", ("tests/unit/core/test_references.py",)),
    "clinical": Module("guidance contradiction checks: badges, escalations, tier advice, hand-written numbers",
                       "generator/kinds/triage/clinical_checks.py", ("tests/unit/triage/test_clinical_checks.py",)),
    "text": Module("doses, placeholders, unsafe links and attribute lists in every content type's text",
                   "generator/common/text_checks.py", ("tests/unit/common/test_text_checks.py",)),
}


@dataclass(frozen=True)
class Named:
    """One deliberate bug of the audit (or added here), and the test that must fail with it."""
    what: str
    path: str
    old: str
    new: str
    test: str


NAMED = (
    # the nine the audit found uncaught
    Named("hours: the overnight spill-over ignores the previous day's exception (03:00 on 25 December "
          "open when 24 December is closed)", "generator/common/schedule.py",
          "_own_intervals(day - timedelta(days=1), periods, exceptions)",
          "_own_intervals(day - timedelta(days=1), periods, {})",
          "tests/unit/common/test_hours.py::test_exceptions_and_overnight_periods"),
    Named("doses: matching is case-sensitive ('2 ML' passes)", "generator/common/doses.py",
          '    rf"|\\b{_DRUG_UNIT}{_PER_WEIGHT}",\n    re.IGNORECASE)',
          '    rf"|\\b{_DRUG_UNIT}{_PER_WEIGHT}",\n    0)',
          "tests/unit/common/test_doses.py::test_doses_are_found_whatever_the_case"),
    Named("doses: the IU unit removed", "generator/common/doses.py", r"|iu|i\.u\.|international\s+units?|mmol",
          "|mmol", "tests/unit/common/test_doses.py::test_every_drug_unit_is_a_dose"),
    Named("de-identification: the month-first date ('March 12') removed", "generator/common/deidentify.py",
          '    ("a calendar date", re.compile(rf"\\b{_MONTH}\\s+\\d{{1,2}}{_ORDINAL}\\b")),\n', "",
          "tests/unit/common/test_deidentify.py::test_day_and_month_in_either_order"),
    Named("de-identification: ordinal dates ('14th July') removed", "generator/common/deidentify.py",
          '_ORDINAL = r"(?:st|nd|rd|th)?"', '_ORDINAL = r""',
          "tests/unit/common/test_deidentify.py::test_ordinal_dates"),
    Named("phones: the 07700 900xxx fictional range removed", "generator/common/phones.py",
          '    r"^\\+447700900\\d{3}$",  # 07700 900xxx\n', "",
          "tests/unit/common/test_phones.py::test_fictional_ranges_only_on_a_demo_site"),
    Named("organisation rules: 'phone verified in the future' removed", "generator/kinds/organisations/checks.py",
          "if phone.verified_on and phone.verified_on > today:", "if False:",
          "tests/unit/organisations/test_checks.py::test_a_phone_verified_in_the_future"),
    Named("organisation rules: 'number listed twice' removed", "generator/kinds/organisations/checks.py",
          "if numbers.index(phone.number) != i:", "if False:",
          "tests/unit/organisations/test_checks.py::test_a_number_listed_twice"),
    Named("organisation rules: the stale-entry warning moved from 365 to 395 days", "generator/core/settings.py",
          "verify_warn_days: int = 365", "verify_warn_days: int = 395",
          "tests/unit/organisations/test_checks.py::test_freshness_boundaries"),
    # seven more of the same kind, so that sixteen deliberate bugs are each tied to a test
    Named("hours: overnight periods no longer spill into the next morning", "generator/common/schedule.py",
          "if overnight and end > 0:", "if False:", "tests/unit/common/test_hours.py::test_overnight_periods"),
    Named("organisation rules: the re-verification note a day late (181 → 182 days)",
          "generator/common/freshness.py",
          "if age > settings.verify_note_days:", "if age > settings.verify_note_days + 1:",
          "tests/unit/organisations/test_checks.py::test_freshness_boundaries"),
    Named("phones: the 01632 960xxx fictional range removed", "generator/common/phones.py",
          '    r"^\\+441632960\\d{3}$",  # 01632 960xxx\n', "",
          "tests/unit/common/test_phones.py::test_fictional_ranges_only_on_a_demo_site"),
    Named("de-identification: postcodes no longer found", "generator/common/deidentify.py",
          '    ("a postcode", re.compile(', '    ("a postcode", re.compile(r"(?!x)x" or ',
          "tests/unit/common/test_deidentify.py::test_other_identifiers"),
    Named("suppression: the threshold lowered to 4 (a count of 4 published)", "generator/kinds/metrics/suppression.py",
          "THRESHOLD = 5", "THRESHOLD = 4", "tests/unit/metrics/test_suppression.py::test_the_threshold_is_five"),
    Named("suppression: a lone hidden count no longer hides a second figure (differencing)",
          "generator/kinds/metrics/suppression.py", "            if others:\n", "            if False:\n",
          "tests/unit/metrics/test_suppression.py::test_a_small_count_and_the_figures_that_would_give_it_away"),
    Named("who can help now: a service's empty hours sent to the browser as none (clinic listed on its "
          "24/7 hours)", "generator/kinds/organisations/help_data.py", "None if s.hours is None else _periods(s.hours)",
          "_periods(s.hours) if s.hours else None",
          "tests/unit/organisations/test_help_differential.py::test_a_service_with_no_hours_is_never_available_in_either"),
)


def copy_tree(dest: Path) -> Path:
    # the scenario tests read the demo network (mkdocs.yml, content/, directory/); the browser's help.js
    # is rendered from theme/
    for folder in ("generator", "tests", "benchmarks", "theme", "content", "directory"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__", "results"))
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, dest / name)
    return dest


def pytest_args() -> list[str]:
    return ["-p", "no:cacheprovider", "-q", "-x", "--timeout", "120"]


# ---- mutmut -------------------------------------------------------------------------------------------

CAUGHT = {"killed", "timeout", "segfault"}


def run_module(name: str, module: Module, work: Path, jobs: int, previous: dict | None = None,
               rerun: tuple[str, ...] = ()) -> dict:
    """mutmut over one module. With ``previous`` (the last full result of the same module), only its survivors
    and the mutants matching ``rerun`` (functions changed since) are run again; every other mutant was caught
    then, and added tests cannot let it survive."""
    tree = copy_tree(work / name)
    config = tree / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[tool.mutmut]\n" + "\n".join([
        'source_paths = ["generator/"]',
        f'only_mutate = ["{module.path}"]',
        f"pytest_add_cli_args_test_selection = {json.dumps(list(module.tests))}",
        f"pytest_add_cli_args = {json.dumps(pytest_args())}",
        "use_git_change_detection = false",
        'also_copy = ["benchmarks/", "theme/", "content/", "directory/", "mkdocs.yml"]',
    ]) + "\n", encoding="utf-8")
    started = time.monotonic()
    selected = [*(f"*{survivor['mutant'].rsplit('.', 1)[-1]}" for survivor in previous["survivors"]), *rerun] \
        if previous else []
    run = subprocess.run([str(MUTMUT), "run", "--max-children", str(jobs), *selected], cwd=tree,
                         capture_output=True, text=True)
    seconds = round(time.monotonic() - started)
    listed = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=tree, capture_output=True, text=True)
    statuses = dict(re.findall(r"^\s*(\S+__mutmut_\d+): (.+)$", listed.stdout, re.MULTILINE))
    if previous:  # not run again: caught in the previous full run
        statuses = {mutant: "killed" if status == "not checked" else status for mutant, status in statuses.items()}
    counts: dict[str, int] = {}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    survivors = []
    failed = run.returncode != 0 or not statuses or "not checked" in counts
    for mutant, status in sorted(statuses.items(), key=lambda item: _natural(item[0])):
        if status not in CAUGHT and not failed:
            diff = subprocess.run([str(MUTMUT), "show", mutant], cwd=tree, capture_output=True, text=True).stdout
            survivors.append({"mutant": mutant, "status": status, "diff": _short_diff(diff)})
    caught = sum(n for status, n in counts.items() if status in CAUGHT)
    return {"path": module.path, "rule": module.rule, "tests": list(module.tests), "seconds": seconds,
            "mutants": len(statuses), "caught": caught, "counts": counts, "survivors": survivors,
            "score": round(caught / len(statuses), 4) if statuses else None,
            "error": _tail(run.stdout + run.stderr) if failed else None,
            "measured": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "since": f"survivors of {previous['measured']} run again" if previous else None}


def _tail(output: str) -> str:
    """The end of mutmut's output without its spinner frames."""
    lines = [line for line in output.replace("\r", "\n").splitlines()
             if line.strip() and not re.match(r"^\s*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]", line)]
    return "\n".join(lines[-25:])


def _natural(name: str) -> tuple[str, int]:
    base, _, number = name.rpartition("_")
    return base, int(number) if number.isdigit() else 0


def _short_diff(diff: str) -> str:
    return "\n".join(line for line in diff.splitlines() if line.startswith(("-", "+")) and
                     not line.startswith(("---", "+++")))


# ---- the named mutations ------------------------------------------------------------------------------

def run_named(work: Path) -> list[dict]:
    tree = copy_tree(work / "named")
    results = []
    for named in NAMED:
        source = tree / named.path
        original = source.read_text(encoding="utf-8")
        found = original.count(named.old)
        if found != 1:
            results.append({"what": named.what, "test": named.test, "caught": False,
                            "note": f"the code to change was found {found} times: update benchmarks/mutation.py"})
            continue
        source.write_text(original.replace(named.old, named.new), encoding="utf-8")
        try:
            run = subprocess.run([sys.executable, "-m", "pytest", *pytest_args(), named.test], cwd=tree,
                                 capture_output=True, text=True)
        finally:
            source.write_text(original, encoding="utf-8")
        # 1: tests failed (caught); anything else (passed, error, nothing collected) is not a catch
        results.append({"what": named.what, "test": named.test, "caught": run.returncode == 1,
                        "note": "" if run.returncode == 1 else f"pytest exit code {run.returncode}"})
    return results


# ---- the report ---------------------------------------------------------------------------------------

# mutant name -> why it survives (equivalent mutants: no test can tell them from the code)
EXPLAINED: dict[str, str] = {
    "generator.common.phones.x_normalise__mutmut_9":
        "equivalent: with no country, phonenumbers treats the unknown region 'XXXX' exactly as None (a number "
        "without '+' fails to parse either way)",
    "generator.common.deidentify.x__digit_count__mutmut_6":
        "equivalent: every word of a spoken number is a key of _SPELLED_DIGITS (the pattern admits no other word), "
        "so the default of .get() is never used",
    "generator.common.deidentify.x__digit_count__mutmut_8": "equivalent: as _digit_count__mutmut_6",
    "generator.common.deidentify.x__digit_count__mutmut_10": "equivalent: as _digit_count__mutmut_6",
    "generator.common.deidentify.x_find_identifiers__mutmut_36":
        "equivalent in result: the digit count only lets short texts skip the slow phone matcher, whose findings of"
        " fewer than nine digits are dropped anyway",
    "generator.common.deidentify.x_find_identifiers__mutmut_15":
        "equivalent: two findings never touch (every pattern ends and starts at a word boundary, and the phone "
        "matcher's numbers are digits), so '<' and '<=' agree",
    "generator.common.deidentify.x_find_identifiers__mutmut_16": "equivalent: as find_identifiers__mutmut_15",
    "generator.common.deidentify.x_find_identifiers__mutmut_48": "equivalent: the matcher's text never starts with 'X'",
    "generator.common.deidentify.x_find_identifiers__mutmut_60":
        "equivalent: the number occurs once in the matcher's text, so index and rindex agree",
    "generator.kinds.metrics.suppression.x_suppress_table__mutmut_6":
        "equivalent: the margin's private key only has to differ from every row and column name, which any text "
        "with a NUL does",
    "generator.kinds.metrics.suppression.x_suppress_table__mutmut_7": "equivalent: as suppress_table__mutmut_6",
    "generator.kinds.metrics.suppression.x_suppress_table__mutmut_8": "equivalent: as suppress_table__mutmut_6",
    "generator.kinds.metrics.suppression.x_suppress_table__mutmut_9": "equivalent: as suppress_table__mutmut_6",
    "generator.kinds.metrics.suppression.x_suppress_table__mutmut_29": "equivalent: None and False both end the loop",
    "generator.core.references.x_unknown__mutmut_17":
        "equivalent: Source.problem's stage is Stage.REFERENCE unless told otherwise",
    "generator.core.references.x_unknown__mutmut_37": "equivalent: as unknown__mutmut_17",
    # availability: sort keys whose changes keep every order (names are compared among themselves; the reason
    # and round-the-clock ranks only order rows), memo keys that stay unique, and float('INF') == float('inf')
    **{f"generator.kinds.organisations.availability.x_{name}__mutmut_{n}": why for name, numbers, why in (
        ("_now_key", (8, 22), "equivalent: the ranks only order rows, and 0 < 1 < 2 < 3 keep the same order as "
                              "0 < 1 < 3 < 4 (a partner +3) or 0 < 2 (round the clock)"),
        ("_now_key", (16,), "equivalent: float('INF') is float('inf')"),
        ("_nearest_open", (47,), "equivalent: float('INF') is float('inf')"),
        ("_now_key", (23, 24), "equivalent: names compared all upper case sort as all lower case (letters, "
                               "digits, spaces, hyphens and apostrophes all sort before both cases' letters)"),
        ("_nearest_open", (48,), "equivalent: as _now_key__mutmut_23"),
        ("_rank_24h", (6,), "equivalent: as _now_key__mutmut_23"),
        ("fallback", (36,), "equivalent: as _now_key__mutmut_23"),
        ("who_can_help", (75,), "equivalent: as _now_key__mutmut_23"),
        ("_rank_24h", (5,), "equivalent: 0 < 2 orders as 0 < 1"),
        ("candidates", (51, 52), "equivalent: the memo key only has to be unique"),
        ("fallback", (42, 43), "equivalent: the memo key only has to be unique"),
        ("offer_of", (2,), "equivalent: no service is called None, so looking for one finds none"),
    ) for n in numbers},
    # guidance contradiction checks
    "generator.kinds.triage.clinical_checks.x__advice_problems__mutmut_70":
        "equivalent: the pattern is one group around the whole word, so group(1) is group(0)",
    "generator.kinds.triage.clinical_checks.x__advice_problems__mutmut_73": "equivalent: as mutmut_70",
    "generator.kinds.triage.clinical_checks.x__advice_problems__mutmut_90": "equivalent: as mutmut_70",
    "generator.kinds.triage.clinical_checks.x__yaml_findings__mutmut_12":
        "equivalent: no caller passes a base path, and the default is ()",
    "generator.kinds.triage.clinical_checks.x_page_advice__mutmut_8":
        "equivalent: tier_advice does not read the catalog (it takes it for the views' common signature)",
    "generator.kinds.triage.clinical_checks.x__guide_findings__mutmut_9":
        "equivalent: under signs: only a note is prose (sign and tier are not read), and no other field of a "
        "guide is called note",
    "generator.kinds.triage.clinical_checks.x__signs_findings__mutmut_48":
        "equivalent for numbers: quoting.py compares a species the sign does not cover with every species of the "
        "sign, as the unmutated code does; such a threshold is an error of its own (check_signs_structure)",
    "generator.kinds.metrics.suppression.x_suppress_table__mutmut_42":
        "equivalent: an entry of 1 is already hidden (1 to 4 always is), so it is never among the others",
}


def render(data: dict) -> str:
    lines = ["# Mutation testing of the safety rules", "",
             "Written by `.venv/bin/python -m benchmarks.mutation` (mutmut "
             f"{data.get('mutmut', '?')}; each module's mutants run against its fast unit tests only). "
             f"Target: at least {TARGET:.0%} of mutants caught in every module. mutmut mutates code inside "
             "functions: module-level patterns and constants (the dose units, date patterns, fictional "
             "ranges) are not mutated by it; the named mutations below cover them.", "",
             "| module | protects | tests | mutants | caught | survived | score | measured (time) |",
             "|---|---|---|---|---|---|---|---|"]
    for name, result in data["modules"].items():
        where = _where(name, result)
        if result.get("error"):
            lines.append(f"| {where} | {result['rule']} | {', '.join(result['tests'])} | – | – | – | "
                         f"failed to run | {result['measured']} |")
            continue
        score = f"{result['score']:.1%}" + ("" if result["score"] >= TARGET else " (below target)")
        lines.append(f"| {where} | {result['rule']} | {', '.join(result['tests'])} | "
                     f"{result['mutants']} | {result['caught']} | {result['mutants'] - result['caught']} | "
                     f"{score} | {result['measured']} ({result['seconds']} s"
                     f"{'; ' + result['since'] if result.get('since') else ''}) |")
    for name, module in MODULES.items():
        if name not in data["modules"]:
            lines.append(f"| `{module.path}` | {module.rule} | {', '.join(module.tests)} | – | – | – | "
                         f"not measured yet (`--module {name}`) | – |")
    lines += ["", "## The named mutations", "",
              "Each deliberate bug is put into a copy of the code; the named test must fail.", "",
              "| # | mutation | test that must fail | caught |", "|---|---|---|---|"]
    for i, named in enumerate(data.get("named", []), 1):
        lines.append(f"| {i} | {named['what']} | `{named['test']}` | "
                     f"{'yes' if named['caught'] else 'NO ' + named['note']} |")
    lines += ["", "## Surviving mutants", ""]
    for name, result in data["modules"].items():
        if result.get("error"):
            lines += [f"### {MODULES[name].path}", "", "mutmut failed:", "", "```", result["error"], "```", ""]
            continue
        if not result["survivors"]:
            continue
        lines += [f"### {MODULES[name].path} ({len(result['survivors'])})", ""]
        if result["path"] != MODULES[name].path:
            lines += [f"Measured before the restructure, as `{result['path']}`: the names below are the old ones.", ""]
        for survivor in result["survivors"]:
            why = EXPLAINED.get(_current_name(survivor["mutant"], result["path"], MODULES[name].path), "")
            lines += [f"- `{survivor['mutant']}` ({survivor['status']}){': ' + why if why else ''}", "",
                      "  ```diff", *[f"  {line}" for line in survivor["diff"].splitlines()], "  ```", ""]
    return "\n".join(lines) + "\n"


def _where(name: str, result: dict) -> str:
    """The module's path, and where it was when a result is from before the restructure moved it."""
    now = MODULES[name].path
    return f"`{now}`" if result["path"] == now else f"`{now}` (measured before the move, as `{result['path']}`)"


def _current_name(mutant: str, measured_path: str, path: str) -> str:
    """A mutant's name as mutmut gives it for the module where it is now (EXPLAINED's keys)."""
    dotted = lambda p: p.removesuffix(".py").replace("/", ".")  # noqa: E731
    return mutant.replace(dotted(measured_path) + ".", dotted(path) + ".", 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=sorted(MODULES), help="only these (repeatable)")
    parser.add_argument("--named-only", action="store_true", help="only the named mutations")
    parser.add_argument("--skip-named", action="store_true", help="keep the named mutations' last results")
    parser.add_argument("--survivors", action="store_true",
                        help="run only the last run's survivors again (and the mutants matching --rerun)")
    parser.add_argument("--rerun", action="append", default=[],
                        help="with --survivors: mutants to run again as well, as mutmut patterns "
                             "('*x_fallback__mutmut_*' for a function changed since)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (default 2)")
    args = parser.parse_args(argv)
    if not MUTMUT.exists():
        print("mutmut is missing: pip install -c constraints.txt -e '.[mutation]'", file=sys.stderr)
        return 2
    store = RESULTS / "mutation.json"
    data = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {"modules": {}, "named": []}
    data["mutmut"] = metadata.version("mutmut")
    with tempfile.TemporaryDirectory(prefix="kb-mutation-") as work:
        if not args.named_only:
            for name in args.module or sorted(MODULES):
                print(f"mutating {MODULES[name].path} …", flush=True)
                previous = data["modules"].get(name) if args.survivors else None
                data["modules"][name] = run_module(name, MODULES[name], Path(work), args.jobs, previous,
                                                   tuple(args.rerun))
                store.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        if not args.skip_named:
            data["named"] = run_named(Path(work))
    data["modules"] = {name: data["modules"][name] for name in MODULES if name in data["modules"]}
    store.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (RESULTS / "mutation.md").write_text(render(data), encoding="utf-8")
    print((RESULTS / "mutation.md").read_text(encoding="utf-8"))
    below = [n for n, r in data["modules"].items() if r.get("error") or (r["score"] or 0) < TARGET]
    uncaught = [n["what"] for n in data["named"] if not n["caught"]]
    return 1 if below or uncaught else 0


if __name__ == "__main__":
    sys.exit(main())
