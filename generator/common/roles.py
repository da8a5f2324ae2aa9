"""Roles, never people: the words that make a text a role ("Practice manager", "Duty exotics vet").

Who verified an entry, reviewed guidance or answers referrals is published, so it is written as a
role (people change jobs; a name is personal data). A text with none of these words is most likely a
person's name ("Jane Smith") and is refused, and so is a role beside a title that comes before a name
("Dr Patel (duty vet)"). A network whose roles use another word adds it here.
"""

from __future__ import annotations

import re

ROLE_WORDS = frozenset({
    "vet", "vets", "veterinary", "veterinarian", "surgeon", "clinician", "clinical", "nurse", "nursing",
    "technician", "auxiliary", "assistant", "receptionist", "reception", "desk", "manager", "management",
    "coordinator", "co-ordinator", "coordination", "lead", "head", "director", "officer", "administrator",
    "admin", "secretary", "chair", "trustee", "treasurer", "volunteer", "volunteers", "driver", "team",
    "staff", "duty", "on-call", "liaison", "reviewer", "specialist", "resident", "intern", "student",
    "fosterer", "founder", "owner", "committee", "panel", "board", "service", "services", "library",
    "bookings", "rota", "network", "practice", "hospital", "clinic", "rescue", "shelter", "office",
})
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# titles written before a person's name: "Dr Anna Patel, exotics vet" names someone
_TITLE = re.compile(r"(?<![\w-])(?:dr|mr|mrs|ms|mx|miss|prof|professor|sister|rev|sir|dame)\.?\s+[A-Z]",
                    re.IGNORECASE)


def is_role(text: str) -> bool:
    return any(word in ROLE_WORDS for word in _WORD.findall(text.lower()))


def role(value: str) -> str:
    """For a pydantic AfterValidator: refuse what reads as a person's name rather than a role."""
    title = _TITLE.search(value)
    if title is not None and title.group(0)[-1].isupper():  # "Sister ward nurse" is a role
        raise ValueError(f"'{value}' names a person ('{title.group(0)[:-1].strip()} …'); write the role alone, "
                         "such as 'Duty vet' (a name is personal data, and it is published)")
    if not is_role(value) and "CHANGE" not in value:  # a template's placeholder is reported as such
        raise ValueError(f"'{value}' looks like a person's name; write a role instead, such as "
                         "'Practice manager' or 'Duty exotics vet' (a role names a job: vet, nurse, "
                         "manager, coordinator …)")
    return value
