"""The GitHub issue forms: valid by GitHub's rules for issue forms, the clinic form up to date with
the vocabularies and offering every id a file may use, and a page's "Report a problem" link able to
prefill the page's address."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO

FORMS = sorted((REPO / ".github/ISSUE_TEMPLATE").glob("*.yml"))
# GitHub's syntax for issue forms: which attributes each kind of field may carry.
ATTRIBUTES = {
    "markdown": {"value"},
    "input": {"label", "description", "placeholder", "value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}


def _form(name: str) -> dict:
    return yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_every_form_follows_githubs_rules(path: Path) -> None:
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(form) <= {"name", "description", "title", "labels", "assignees", "body", "projects", "type"}
    assert form["name"] and form["description"] and form["body"]
    ids = [field["id"] for field in form["body"] if "id" in field]
    assert len(ids) == len(set(ids)), "field ids must be unique"
    for field in form["body"]:
        kind = field["type"]
        assert set(field["attributes"]) <= ATTRIBUTES[kind], field
        if kind == "markdown":
            assert field["attributes"]["value"].strip()
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", field["id"]), field["id"]
        assert field["attributes"]["label"].strip()
        if kind == "checkboxes":
            assert "validations" not in field  # GitHub refuses a checkboxes field with validations
            labels = [option["label"] for option in field["attributes"]["options"]]
        elif kind == "dropdown":
            labels = field["attributes"]["options"]
        else:
            continue
        assert labels and all(isinstance(label, str) and label for label in labels), field["id"]
        assert len(labels) == len(set(labels)), f"{field['id']}: options must be distinct"


def test_the_clinic_form_is_generated_from_the_vocabularies() -> None:
    result = subprocess.run([sys.executable, "scripts/issue_forms.py", "--check"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout


def test_the_clinic_form_offers_every_id_a_file_may_use() -> None:
    fields = {field.get("id"): field for field in _form("suggest-or-correct-a-clinic.yml")["body"]}

    def offered(field_id: str) -> str:
        options = fields[field_id]["attributes"]["options"]
        return " ".join(option if isinstance(option, str) else option["label"] for option in options)

    for field_id, vocabulary in (("kind", "kinds"), ("region", "regions"), ("species", "species"),
                                 ("services", "services")):
        terms = yaml.safe_load((REPO / "directory" / f"{vocabulary}.yml").read_text(encoding="utf-8"))
        for term in terms:
            assert f"({term['id']})" in offered(field_id), f"{field_id}: {term['id']} is not offered"
    for arrangement in ("on-site-24h", "on-call", "partner", "none"):
        assert f"({arrangement})" in offered("after_hours")
    # the person who verified is a role, as the directory requires
    assert "role" in fields["role"]["attributes"]["label"].lower()


def test_page_problems_and_three_kinds_of_feedback_have_their_own_forms() -> None:
    page = _form("report-a-problem-with-a-page.yml")
    assert [field["id"] for field in page["body"] if field.get("id") == "page"] == ["page"]
    labels = {tuple(_form(name)["labels"]) for name in
              ("feedback-owner.yml", "feedback-clinician.yml", "feedback-rescue.yml")}
    assert labels == {("feedback", "feedback-owner"), ("feedback", "feedback-clinician"),
                      ("feedback", "feedback-rescue")}
