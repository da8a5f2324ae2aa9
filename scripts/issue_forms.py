"""Write the GitHub issue form for adding or correcting a clinic from the directory's own vocabularies
and the organisation schema, so the form asks for exactly what an organisation file holds and its
choices never drift from the ids a file may use.

    python scripts/issue_forms.py          # rewrite .github/ISSUE_TEMPLATE/suggest-or-correct-a-clinic.yml
    python scripts/issue_forms.py --check  # exit 1 when the committed form is out of date (a test runs this)

Reads only YAML and JSON files (no generator import), so the form can be regenerated in any checkout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FORM = REPO / ".github/ISSUE_TEMPLATE/suggest-or-correct-a-clinic.yml"

# What each after-hours arrangement means to someone filling in the form.
ARRANGEMENT_WORDS = {
    "on-site-24h": "Open 24 hours, a vet on site",
    "on-call": "A vet on call by phone when closed",
    "partner": "Out of hours we send owners to a partner clinic",
    "none": "No out-of-hours service",
}


def _labels(vocabulary: str) -> list[tuple[str, str]]:
    terms = yaml.safe_load((REPO / "directory" / vocabulary).read_text(encoding="utf-8"))
    return [(term["id"], term["label"]) for term in terms]


def _arrangements() -> list[str]:
    schema = json.loads((REPO / "schemas/organisation.schema.json").read_text(encoding="utf-8"))
    values = schema["$defs"]["AfterHours"]["properties"]["arrangement"]["enum"]
    return [f"{ARRANGEMENT_WORDS.get(value, value)} ({value})" for value in values]


def _field(kind: str, field_id: str, label: str, description: str = "", required: bool = False,
           **attributes: object) -> dict:
    field: dict = {"type": kind, "id": field_id, "attributes": {"label": label}}
    if description:
        field["attributes"]["description"] = description
    field["attributes"].update(attributes)
    if required:
        field["validations"] = {"required": True}
    return field


def form() -> dict:
    kinds = [f"{label} ({term})" for term, label in _labels("kinds.yml")]
    regions = [f"{label} ({term})" for term, label in _labels("regions.yml")]
    species = [{"label": f"{label} ({term})"} for term, label in _labels("species.yml")]
    services = [{"label": f"{label} ({term})"} for term, label in _labels("services.yml")]
    return {
        "name": "Suggest or correct a clinic",
        "description": "Tell us about a clinic, rescue or emergency service that is missing or has wrong "
                       "details. No git needed: a coordinator writes the file for you.",
        "title": "Clinic: ",
        "labels": ["directory"],
        "body": [
            {"type": "markdown", "attributes": {"value": (
                "Thank you. A coordinator checks every suggestion with the organisation before it is "
                "published. Fill in what you know; leave the rest empty. Please do not include anyone's "
                "private phone number or a person's name: say a role (\"Practice manager\").\n\n"
                "These fields are the ones in the organisation's file in `directory/organisations/`, "
                "in the same order.")}},
            _field("dropdown", "change", "What should change?", required=True, options=[
                "Add a new organisation", "Correct a phone number",
                "Correct opening hours or after-hours cover", "Correct species or services",
                "The organisation has closed", "Something else"]),
            _field("input", "name", "Organisation name (name)", required=True),
            _field("input", "page", "Link to its page on this site, if it has one"),
            _field("dropdown", "kind", "What kind of organisation is it? (kind)", options=kinds),
            _field("dropdown", "region", "Region (location.region)", options=regions),
            _field("textarea", "address", "Address (location.address)",
                   "Street, town, postcode, country."),
            _field("input", "main_phone", "Main phone number (contacts.phones, type main)",
                   "With the area code, and any extension, e.g. 01632 960 999 ext 2."),
            _field("input", "emergency_phone",
                   "Emergency or after-hours number, if different (contacts.phones, type emergency)"),
            _field("input", "email", "E-mail (contacts.email)"),
            _field("input", "website", "Website (contacts.website)"),
            _field("textarea", "hours", "Opening hours (hours)",
                   "Days and times, e.g. Mon-Fri 08:30-18:30, Sat 09:00-12:00. Holiday closures too."),
            _field("dropdown", "after_hours", "When closed (after_hours.arrangement)",
                   options=_arrangements()),
            _field("checkboxes", "species", "Species treated (species)", options=species),
            _field("input", "weights", "Smallest or largest patient accepted, if any (min_weight_g / max_weight_g)",
                   "For example: no animals under 50 g."),
            _field("checkboxes", "services", "Services offered (services)", options=services),
            _field("textarea", "limits", "Limits owners and vets should know (limitations)",
                   "For example: no CT after 18:00; two oxygen cages."),
            _field("input", "source", "How do you know? (verified)",
                   "For example: the organisation's own website, or you rang them on a given date.",
                   required=True),
            _field("input", "role", "Your role (verified.by)",
                   "A role, never a name: \"Practice manager\", \"Rescue coordinator\".", required=True),
        ],
    }


def render() -> str:
    header = ("# Generated by scripts/issue_forms.py from directory/*.yml and schemas/organisation.schema.json;\n"
              "# edit the script, not this file.\n")
    return header + yaml.safe_dump(form(), sort_keys=False, allow_unicode=True, width=100)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if FORM.read_text(encoding="utf-8") != text:
            print(f"{FORM.relative_to(REPO)} is out of date: run python scripts/issue_forms.py")
            return 1
        return 0
    FORM.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
