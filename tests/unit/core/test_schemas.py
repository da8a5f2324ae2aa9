"""Editor schemas: generated from the models, committed, referenced by every YAML file, and
accepting the repository's real content."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from generator.cli.schemas import MARKER, SCHEMA_TYPES, files_of, schema_line, schema_path, schema_texts
from generator.core.sources import load_file
from tests.helpers import REPO


def test_committed_schemas_match_the_models() -> None:
    expected = schema_texts()
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").glob("*.json")}
    assert set(committed) == set(expected), "run `kb schemas` and commit schemas/"
    for name, text in expected.items():
        assert committed[name] == text, f"schemas/{name} is out of date: run `kb schemas` and commit it"


def test_every_yaml_file_points_at_its_schema() -> None:
    covered = set()
    for kind in SCHEMA_TYPES:
        for path in files_of(REPO, kind):
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == schema_line(REPO, path, kind), f"{path.relative_to(REPO)}: run `kb schemas`"
            covered.add(path)
    every = {p for folder in ("directory", "content") for p in (REPO / folder).rglob("*.yml")}
    assert every == covered, f"YAML files with no content kind: {sorted(every - covered)}"
    assert all(MARKER in p.read_text(encoding="utf-8") for p in every)


@pytest.mark.parametrize("kind", SCHEMA_TYPES, ids=[k.name for k in SCHEMA_TYPES])
def test_real_content_validates_against_its_schema(kind) -> None:
    validator = Draft202012Validator(json.loads((REPO / schema_path(kind)).read_text(encoding="utf-8")))
    files = files_of(REPO, kind)
    assert files
    for path in files:
        source, problems = load_file(path, REPO)
        assert not problems
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(source.data)]
        assert errors == [], f"{path.relative_to(REPO)}: {errors[:3]}"
