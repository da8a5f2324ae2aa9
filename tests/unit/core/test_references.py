"""Cross-references, checked on a small hand-made catalog (fast: no tree is loaded). Each case gives the
YAML as written, the declared references and the exact problems expected (issue 17: mutation-tested)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from generator.core.ids import CHOOSE
from generator.core.issues import Issue, Severity, Stage
from generator.core.references import EACH, EACH_KEY, Reference, _written, check_references, ref, unknown
from generator.core.sources import Source

SPECIES = {"rat": ["Rat", "Rats"], "guinea-pig": ["Guinea pig", "Guinea pigs"], "hamster": ["Hamster"]}
REGIONS = {"northvale": ["Northvale"], "westmoor": ["Westmoor"]}


@dataclass
class FakeCatalog:
    """What check_references reads of a catalog: its sources, and the ids and names of each type."""

    sources: dict[str, list[Source]] = field(default_factory=dict)
    known: dict[str, dict[str, list[str]] | None] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def ids(self, name: str) -> dict[str, None] | None:
        known = self.known.get(name, {})
        return None if known is None else dict.fromkeys(known)

    def names(self, name: str) -> dict[str, list[str]]:
        self.asked.append(name)
        return dict(self.known.get(name) or {})


def source(text: str, display: str = "directory/organisations/a.yml") -> Source:
    return Source(Path(display), display, yaml.safe_load(text), text)


def check(text: str, *references, found: list[Issue] | None = None, **known) -> list[str]:
    catalog = FakeCatalog({"organisations": [source(text)]}, {"species": SPECIES, "regions": REGIONS, **known})
    return [p.text() for p in check_references(catalog, {"organisations": tuple(references)},
                                                [] if found is None else found)]


SERVICE_SPECIES = ref("services.*.species.*", "species", "species")
F = "directory/organisations/a.yml"

CASES = [
    # (what, YAML, references, expected problems)
    ("a known id passes", "services:\n- species: [rat, hamster]\n", (SERVICE_SPECIES,), []),
    ("an unknown id with no close match lists the ids", "services:\n- species: [rat, degu]\n", (SERVICE_SPECIES,),
     [f"{F}:2:18: error: services[0].species[1]: unknown species 'degu' (use one of: rat, guinea-pig, hamster)"]),
    ("a near miss is suggested", "services:\n- species:\n  - guinea-pigs\n", (SERVICE_SPECIES,),
     [f"{F}:3:5: error: services[0].species[0]: unknown species 'guinea-pigs' (did you mean 'guinea-pig'?)"]),
    ("every item of every list is checked", "services:\n- species: [rat]\n- species: [hamsters, rat, mouse]\n",
     (SERVICE_SPECIES,),
     [f"{F}:3:13: error: services[1].species[0]: unknown species 'hamsters' (did you mean 'hamster'?)",
      f"{F}:3:28: error: services[1].species[2]: unknown species 'mouse' (use one of: rat, guinea-pig, hamster)"]),
    ("without list_options the hint is empty", "region: eastmarsh\n",
     (ref("region", "regions", "region", list_options=False),),
     [f"{F}:1:9: error: region: unknown region 'eastmarsh'"]),
    ("a word allowed besides ids", "region: any\n", (ref("region", "regions", "region", also=frozenset({"any"})),),
     []),
    ("the same word without 'also' is unknown", "region: any\n", (ref("region", "regions", "region"),),
     [f"{F}:1:9: error: region: unknown region 'any' (use one of: northvale, westmoor)"]),
    ("a shorthand mapping holds the id under its key", "partners:\n- {organisation: rat}\n- {organisation: mouse}\n",
     (ref("partners.*", "species", "species", shorthand="organisation"),),
     [f"{F}:3:18: error: partners[1].organisation: unknown species 'mouse' "
      "(use one of: rat, guinea-pig, hamster)"]),
    ("a shorthand list item may be a bare id", "partners:\n- rat\n- mouse\n",
     (ref("partners.*", "species", "species", shorthand="organisation"),),
     [f"{F}:3:3: error: partners[1]: unknown species 'mouse' (use one of: rat, guinea-pig, hamster)"]),
    ("a mapping without the shorthand's key is left to the schema", "partners:\n- {name: x}\n",
     (ref("partners.*", "species", "species", shorthand="organisation"),), []),
    # every key of a mapping (reported at the key's value, as the corpus examples of contacts_by_tier expect)
    ("every key of a mapping", "counts:\n  rat: 1\n  mouse: 2\n", (ref(f"counts.{EACH_KEY}", "species", "species"),),
     [f"{F}:3:10: error: counts.mouse: unknown species 'mouse' (use one of: rat, guinea-pig, hamster)"]),
    ("not a string: the schema's to report", "services:\n- species: [3, null]\n", (SERVICE_SPECIES,), []),
    ("not an id ('Guinea Pigs'): the schema's to report", "services:\n- species: [Guinea Pigs]\n",
     (SERVICE_SPECIES,), []),
    ("a list where a mapping is expected, and the reverse", "services: {species: [mouse]}\n", (SERVICE_SPECIES,), []),
    ("EACH on a mapping", "counts: {rat: 1}\n", (ref(f"counts.{EACH}", "species", "species"),), []),
    ("EACH_KEY on a list", "counts: [mouse]\n", (ref(f"counts.{EACH_KEY}", "species", "species"),), []),
    ("a path that is not there", "name: x\n", (SERVICE_SPECIES,), []),
    ("the template's choice left as written",
     f"region: {CHOOSE}\n", (ref("region", "regions", "region"),),
     [f"{F}:1:9: error: region: choose the region: the template leaves it for you to choose "
      "(use one of: northvale, westmoor)"]),
    ("the template's choice without a list", f"region: {CHOOSE}\n",
     (ref("region", "regions", "region", list_options=False),),
     [f"{F}:1:9: error: region: choose the region: the template leaves it for you to choose "
      "(write the id of an existing region)"]),
    ("a name is matched to its id", "region: west-moor\n", (ref("region", "regions", "region"),),
     [f"{F}:1:9: error: region: unknown region 'west-moor' (did you mean 'westmoor'?)"]),
]


@pytest.mark.parametrize(("text", "references", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_references(text: str, references, expected: list[str]) -> None:
    assert check(text, *references) == expected


def test_problems_are_reference_errors() -> None:
    catalog = FakeCatalog({"organisations": [source("region: eastmarsh\n")]}, {"regions": REGIONS})
    [problem] = check_references(catalog, {"organisations": (ref("region", "regions", "region"),)}, [])
    assert (problem.severity, problem.stage) == (Severity.ERROR, Stage.REFERENCE)


def test_a_type_that_could_not_be_read_is_not_checked() -> None:
    # its own error says what is wrong; every file naming it would otherwise report 'unknown' too
    catalog = FakeCatalog({"organisations": [source("region: eastmarsh\nspecies: mouse\n")]},
                          {"regions": None, "species": SPECIES})
    problems = check_references(catalog, {"organisations": (ref("region", "regions", "region"),
                                                            ref("species", "species", "species"))}, [])
    assert [p.field for p in problems] == ["species"]


def test_an_empty_type_lists_nothing() -> None:
    # a vocabulary read but empty (regions.yml holding []) has nothing to suggest: no crash, no list
    catalog = FakeCatalog({"organisations": [source("region: eastmarsh\n")]}, {"regions": {}})
    [problem] = check_references(catalog, {"organisations": (ref("region", "regions", "region"),)}, [])
    assert (problem.message, problem.hint) == ("unknown region 'eastmarsh'", "")


def test_only_the_declared_types_sources_are_read() -> None:
    catalog = FakeCatalog({"organisations": [source("region: eastmarsh\n")],
                           "cases": [source("region: nowhere\n", "content/cases/b.yml")]}, {"regions": REGIONS})
    problems = check_references(catalog, {"organisations": (ref("region", "regions", "region"),)}, [])
    assert [(p.path, p.message) for p in problems] == [(F, "unknown region 'eastmarsh'")]
    # and a type declared with no file read is no problem
    assert check_references(FakeCatalog({}, {"regions": REGIONS}),
                            {"volunteers": (ref("region", "regions", "region"),)}, []) == []


def test_names_are_read_once_per_type_and_only_when_needed() -> None:
    catalog = FakeCatalog({"organisations": [source("region: northvale\n")]}, {"regions": REGIONS})
    assert check_references(catalog, {"organisations": (ref("region", "regions", "region"),)}, []) == []
    assert catalog.asked == []
    catalog = FakeCatalog({"organisations": [source("region: east\nother: west\n")]}, {"regions": REGIONS})
    check_references(catalog, {"organisations": (ref("region", "regions", "region"),
                                                  ref("other", "regions", "region"))}, [])
    assert catalog.asked == ["regions"]


def _schema_issue(field_path: str, message: str = "not an id") -> Issue:
    return Issue(F, 1, 9, field_path, message, "use lower case", stage=Stage.SCHEMA)


def test_a_value_already_reported_is_not_reported_again() -> None:
    found = [_schema_issue("region")]
    assert check("region: eastmarsh\n", ref("region", "regions", "region"), found=found) == []
    assert found == [_schema_issue("region")]  # an id the schema refused keeps the schema's hint


def test_a_name_the_schema_refused_gets_the_hint_of_the_id_meant() -> None:
    found = [_schema_issue("other"), _schema_issue("region")]
    assert check("region: Westmoor Moors\nother: x\n", ref("region", "regions", "region"), found=found) == []
    assert found == [_schema_issue("other"), Issue(F, 1, 9, "region", "not an id", "did you mean 'westmoor'?",
                                                   stage=Stage.SCHEMA)]


def test_a_name_with_no_id_meant_keeps_the_schema_hint() -> None:
    found = [_schema_issue("region")]
    assert check("region: Nowhere At All\n", ref("region", "regions", "region"), found=found) == []
    assert found == [_schema_issue("region")]


def test_a_name_not_reported_by_the_schema_is_left_alone() -> None:
    # only the schema says what is wrong with a value that is not an id; no issue is made up here
    assert check("region: Westmoor Moors\n", ref("region", "regions", "region"), found=[]) == []


def test_unknown_with_names_finds_an_id_from_a_name() -> None:
    src = source("region: Kettle\n")
    problem = unknown(src, ("region",), "organisation", "kettlemoor-vets",
                      {"kettlemoor-veterinary-practice": None, "westmoor-market-vets": None},
                      names={"kettlemoor-veterinary-practice": ["Kettlemoor Veterinary Practice"],
                             "westmoor-market-vets": ["Westmoor Market Vets"]})
    assert problem.hint == "did you mean 'kettlemoor-veterinary-practice'?"
    # without names, the ids alone are matched
    problem = unknown(src, ("region",), "region", "westmor", {"westmoor": None, "northvale": None})
    assert (problem.message, problem.hint) == ("unknown region 'westmor'", "did you mean 'westmoor'?")
    assert (problem.line, problem.column, problem.stage) == (1, 9, Stage.REFERENCE)


def test_written_yields_every_match_with_its_path() -> None:
    data = {"a": [{"b": {"x": 1, "y": 2}}, {"b": {"z": 3}}, "plain"]}
    assert list(_written(data, ("a", EACH, "b", EACH_KEY), ())) == [
        (("a", 0, "b", "x"), "x"), (("a", 0, "b", "y"), "y"), (("a", 1, "b", "z"), "z")]
    assert list(_written(data, ("a", EACH, "b"), ("root",))) == [
        (("root", "a", 0, "b"), {"x": 1, "y": 2}), (("root", "a", 1, "b"), {"z": 3})]
    assert list(_written(data, (), ())) == [((), data)]
    assert list(_written(data, ("missing",), ())) == []


def test_ref_reads_its_path_and_options() -> None:
    assert ref("services.*.species.*", "species", "species", list_options=False, shorthand="id") == Reference(
        ("services", "*", "species", "*"), "species", "species", list_options=False, shorthand="id")


def test_every_value_after_one_left_to_the_schema_is_still_checked() -> None:
    found = [_schema_issue("region[0]")]
    assert check("region: [Westmoor Moors, eastmarsh, Not An Id, mouse]\n", ref("region.*", "regions", "region"),
                 found=found) == [
        f"{F}:1:26: error: region[1]: unknown region 'eastmarsh' (use one of: northvale, westmoor)",
        f"{F}:1:48: error: region[3]: unknown region 'mouse' (use one of: northvale, westmoor)"]


def test_names_find_an_id_its_words_do_not() -> None:
    # 'cavy' is nothing like the id guinea-pig, but it is one of its names
    named = {"rat": ["Rat"], "guinea-pig": ["Guinea pig", "Cavy"]}
    catalog = FakeCatalog({"organisations": [source("species: cavy\n")]}, {"species": named})
    [problem] = check_references(catalog, {"organisations": (ref("species", "species", "species"),)}, [])
    assert problem.hint == "did you mean 'guinea-pig'?"
    src = source("species: cavy\n")
    assert unknown(src, ("species",), "species", "cavy", dict.fromkeys(named), names=named).hint == \
        "did you mean 'guinea-pig'?"
    assert unknown(src, ("species",), "species", "cavy", dict.fromkeys(named)).hint == "use one of: rat, guinea-pig"


def test_the_templates_choice_is_a_reference_error() -> None:
    problem = unknown(source(f"region: {CHOOSE}\n"), ("region",), "region", CHOOSE, dict.fromkeys(REGIONS))
    assert (problem.stage, problem.hint) == (Stage.REFERENCE, "use one of: northvale, westmoor")
