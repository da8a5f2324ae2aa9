"""The organisation model and its field types, on data shaped like the YAML files."""

import copy

import pytest
import yaml
from pydantic import ValidationError

from generator.common.hours import Period
from generator.common.phones import normalise
from generator.kinds.organisations.model import Organisation
from tests.helpers import VALID

BASE = yaml.safe_load((VALID / "directory/organisations/pebblesham-vets.yml").read_text())
BASE["verified"] = {"on": "2026-11-01", "by": "Practice manager"}  # safe_load turns `on` into True
DEMO = {"country": "GB", "allow_fictional": True}


def org(**changes) -> Organisation:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return Organisation.model_validate(data, context=DEMO)


def test_valid_organisation_normalises_phones_to_e164() -> None:
    model = org()
    assert model.contacts.phones[0].number == "+441632960240"
    assert model.first_call.phone.display == "01632 960240"


def test_shorthand_species_and_services() -> None:
    model = org(species=["rat", {"species": "mouse", "min_weight_g": 20}], services=["triage"])
    assert [c.species for c in model.species] == ["rat", "mouse"]
    assert model.species[1].min_weight_g == 20


def test_unknown_keys_are_errors() -> None:
    with pytest.raises(ValidationError) as info:
        org(websit="https://x.example")
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_fictional_numbers_only_on_demo_sites() -> None:
    assert normalise("01632 960001", "GB", allow_fictional=True).e164 == "+441632960001"
    with pytest.raises(ValueError, match="reserved for fiction"):
        normalise("01632 960001", "GB", allow_fictional=False)
    assert normalise("+1 201-555-0123", None, allow_fictional=True).e164 == "+12015550123"
    assert normalise("0121 234 5678", "GB", allow_fictional=False).e164 == "+441212345678"
    with pytest.raises(ValueError, match="reserved for fiction"):
        normalise("020 7946 0018", "GB", allow_fictional=False)  # valid to phonenumbers, but drama
    with pytest.raises(ValueError, match="not a valid phone number"):
        normalise("0123", "GB", allow_fictional=True)


def test_only_https_links() -> None:
    for bad in ("http://x.example", "javascript:alert(1)", "ftp://x.example"):
        with pytest.raises(ValidationError, match="https://"):
            org(contacts={**BASE["contacts"], "website": bad})


def test_day_ranges_and_24_7() -> None:
    assert Period(days="fri-mon", opens="08:00", closes="09:00").days == ["mon", "fri", "sat", "sun"]
    assert len(org(hours="24/7").hours[0].days) == 7
    with pytest.raises(ValidationError, match="not a time"):
        Period(days="mon", opens="8am", closes="09:00")
    with pytest.raises(ValidationError, match="not a date"):
        org(verified={"on": 20261101, "by": "x"})
