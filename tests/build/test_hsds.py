"""The Open Referral HSDS 3.0 export validates against the official HSDS JSON Schemas (read from
../shared/hsds-3.0, never copied into the repository) and holds exactly the directory."""

from __future__ import annotations

import copy
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.kinds.organisations import views
from generator.kinds.organisations.views import region_of
from tests.helpers import REPO


def _schema_folder() -> Path:
    """../shared/hsds-3.0 beside the repository; for a clone (CI clones the working repository into
    a temporary folder), beside the repository it was cloned from, or where KB_HSDS_DIR points."""
    candidates = [REPO.parent / "shared" / "hsds-3.0"]
    if os.environ.get("KB_HSDS_DIR"):
        candidates.insert(0, Path(os.environ["KB_HSDS_DIR"]))
    origin = subprocess.run(["git", "-C", str(REPO), "config", "--get", "remote.origin.url"],
                            capture_output=True, text=True).stdout.strip()
    if origin and Path(origin).is_dir():
        candidates.append(Path(origin).resolve().parent / "shared" / "hsds-3.0")
    found = next((c for c in candidates if (c / "schema").is_dir()), candidates[0])
    return found / "schema"


HSDS = _schema_folder()
BASE = "https://hsds.invalid/schema/"  # where the schemas' relative $refs ("phone.json") resolve


@pytest.fixture(scope="module")
def validator_for():
    if not (HSDS / "organization.json").is_file():
        # the GitHub workflow fetches them at a pinned commit: there a missing schema is a failure
        assert not os.environ.get("CI"), f"the HSDS 3.0 schemas are not at {HSDS}: see .github/workflows/ci.yml"
        pytest.skip(f"the HSDS 3.0 schemas are not at {HSDS} (they live in ../shared/hsds-3.0 beside the repository)")
    registry = Registry().with_resources(
        (BASE + path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")),
                                                  default_specification=DRAFT202012))
        for path in HSDS.glob("*.json") if path.name != "openapi.json")
    checker = FormatChecker()  # uuid, email, uri (rfc3986-validator) and date-time (rfc3339-validator)
    assert {"uuid", "email", "uri", "date-time"} <= set(checker.checkers)

    def validator(schema: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": BASE + schema}, registry=registry, format_checker=checker)
    return validator


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(data)]


def test_every_hsds_file_validates(demo_site: Path, validator_for) -> None:
    folder = demo_site / "api" / "hsds"
    organization, service = validator_for("organization.json"), validator_for("service.json")
    taxonomy, term = validator_for("taxonomy.json"), validator_for("taxonomy_term.json")
    problems: dict[str, list[str]] = {}
    for path in sorted((folder / "organizations").glob("*.json")):
        problems[path.name] = _errors(organization, _read(path))
    for path in sorted((folder / "services").glob("*.json")):
        problems[path.name] = _errors(service, _read(path))
    lists = {"organizations.json": organization, "services.json": service, "taxonomies.json": taxonomy,
             "taxonomy_terms.json": term}
    for name, item_validator in lists.items():
        page = _read(folder / name)
        assert page["total_items"] == page["size"] == len(page["contents"]) and page["total_pages"] == 1
        for index, item in enumerate(page["contents"]):
            problems[f"{name}[{index}]"] = _errors(item_validator, item)
    assert _read(folder / "index.json")["version"] == "3.0"
    assert len(problems) > 200
    assert {name: found for name, found in problems.items() if found} == {}


def test_hsds_round_trips_the_directory(demo_site: Path, demo_catalog) -> None:
    folder = demo_site / "api" / "hsds"
    orgs = {o.id: o for o in views.orgs(demo_catalog)}
    organizations = [_read(p) for p in (folder / "organizations").glob("*.json")]
    services = [_read(p) for p in (folder / "services").glob("*.json")]
    assert len(organizations) == len(orgs) == _read(folder / "organizations.json")["total_items"]
    assert len(services) == sum(len(o.services) for o in orgs.values()) == _read(folder / "services.json")["size"]
    for organization in organizations:
        org = orgs[organization["uri"].rstrip("/").rsplit("/", 1)[1]]
        assert organization["name"] == org.name
        # HSDS keeps an extension apart: "+441632960220;ext=4" is number +441632960220, extension 4
        assert [p["number"] + (f";ext={p['extension']}" if "extension" in p else "")
                for p in organization["phones"]] == [p.number for p in org.contacts.phones]
        (location,) = organization["locations"]
        assert location["addresses"][0]["address_1"] == org.location.address.street
        assert len(location["schedules"]) == len(org.hours) + len(org.exceptions)
        assert len(organization["services"]) == len(org.services)
        by_service = {s["id"]: s for s in services}
        for brief in organization["services"]:
            full = by_service[brief["id"]]
            assert full["organization_id"] == organization["id"]
            assert len(full["service_areas"]) == 1
            assert full["service_areas"][0]["name"] == region_of(demo_catalog, org).label
            assert full["service_at_locations"][0]["location"]["id"] == location["id"]
            assert full["status"] == {"active": "active", "temporarily-closed": "temporarily closed",
                                      "closed": "defunct"}[org.status]
    schedules = [s["id"] for o in organizations for loc in o["locations"] for s in loc["schedules"]]
    ids = [o["id"] for o in organizations] + [s["id"] for s in services] + schedules
    assert len(set(ids)) == len(ids)  # a date with two periods (Eastmarsh's bank holiday) gives two ids
    terms = _read(folder / "taxonomy_terms.json")["contents"]
    assert len(terms) == len(demo_catalog.services) + len(demo_catalog.species) + len(demo_catalog.kinds)


def test_the_validation_catches_a_broken_export(demo_site: Path, validator_for) -> None:
    service = _read(next((demo_site / "api" / "hsds" / "services").glob("*.json")))
    validator = validator_for("service.json")
    assert _errors(validator, service) == []
    broken = copy.deepcopy(service)
    broken["status"] = "open"  # not in HSDS's enum
    broken["service_at_locations"][0]["location"]["addresses"][0].pop("postal_code")  # required, two $refs down
    broken["phones"][0]["id"] = "not-a-uuid"
    found = " ".join(_errors(validator, broken))
    assert "'open' is not one of" in found and "'postal_code' is a required property" in found
    assert "is not a 'uuid'" in found
