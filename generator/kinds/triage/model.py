"""The triage system: urgency tiers, a dictionary of signs, and presenting-problem guides."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from generator.common.fields import Id, KbModel, ShortText, Text
from generator.common.review import Review, Sources


class Advice(KbModel):
    """One line of a tier's generic advice, printed on tier cards and Get help."""

    id: Id  # problem guides name it to replace it or leave it out on their own page
    text: Text
    # Words that, in a guide's owner actions, contradict this advice (for example "cool" against
    # "keep it warm"): such a guide must replace or leave out this line (its tier_advice).
    contradicted_by: list[ShortText] = []


class Tier(KbModel):
    id: Id
    rank: Annotated[int, Field(ge=1, le=9)]  # 1 is the most urgent
    label: ShortText
    colour: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    symbol: Annotated[str, Field(min_length=1, max_length=3)]  # shown with the colour, never colour alone
    target_minutes: Annotated[int, Field(ge=0)]
    target: ShortText  # the target time to a vet, in words
    meaning: Text
    action: ShortText  # the single call to action
    advice: list[Advice] = []
    # How owners' prose says this urgency ("within the hour"); a note beside a badge may use only
    # its own tier's words, so a badge and its note cannot disagree.
    said_as: list[ShortText] = []
    # share of contacts that should be seen within the target; below it, the dashboard flags a bottleneck
    goal_percent: Annotated[int, Field(ge=0, le=100)] = 80


class TriageScale(KbModel):
    review: Review
    sources: Sources
    tiers: Annotated[list[Tier], Field(min_length=1)]


Number = Annotated[float, Field(gt=0, le=10_000)]
UNITS = {"hours": ("hour", "hours"), "minutes": ("minute", "minutes"), "celsius": ("°C", "°C")}


class Limit(KbModel):
    """A clinical number: how long without food, how many minutes of straining, how warm a room.
    Exactly one of the fields is given."""

    hours: Number | None = None
    minutes: Number | None = None
    celsius: Number | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Limit:
        if sum(v is not None for v in (self.hours, self.minutes, self.celsius)) != 1:
            raise ValueError("give exactly one of hours, minutes or celsius")
        return self

    @property
    def unit(self) -> str:
        return next(name for name in UNITS if getattr(self, name) is not None)

    @property
    def value(self) -> float:
        return getattr(self, self.unit)

    def words(self) -> str:
        """'6 hours', '1 minute', '25 °C'."""
        value = self.value
        number = str(int(value)) if value == int(value) else str(value)
        one, many = UNITS[self.unit]
        if self.unit == "celsius":
            return f"{number} {one}"
        return f"{number} {one if value == 1 else many}"


class Threshold(KbModel):
    """How a sign differs for one species: its urgency, its number and a note in owners' words."""

    species: Id
    tier: Id | None = None  # this species' urgency for the sign; the sign's own tier when absent
    limit: Limit | None = None  # this species' number; the sign's own limit when absent
    text: Text | None = None  # may quote numbers from this file: {{sign-id:species-id}}

    @model_validator(mode="after")
    def _says_something(self) -> Threshold:
        if self.tier is None and self.limit is None and self.text is None:
            raise ValueError("give a tier, a limit or a text for this species")
        return self


class Escalation(KbModel):
    """A more urgent tier when a condition holds: shown as '<tier> if <when>'."""

    tier: Id
    when: Text  # completes "Within the hour if …", e.g. "it is also quiet, cold or off food"
    species: list[Id] = []  # the species it applies to; every species of the sign when empty


class Sign(KbModel):
    id: Id
    label: ShortText
    owner_wording: Text
    clinical_wording: Text
    species: Annotated[list[Id], Field(min_length=1)]
    tier: Id  # the sign's urgency for every species without a threshold of its own
    limit: Limit | None = None  # the number that applies to every species without its own
    thresholds: list[Threshold] = []
    escalate: list[Escalation] = []
    keywords: list[ShortText] = []
    # Phrases that name this sign in prose ("has not eaten"), so the build can find hand-written
    # numbers that differ from this file's.
    said_as: list[ShortText] = []


class SignMapping(KbModel):
    sign: Id
    # The urgency comes from signs.yml, per species. A guide may state it (a reviewer's check);
    # the build fails if it differs from signs.yml for any species the guide covers.
    tier: Id | None = None
    note: Text | None = None  # the guide's context; urgency words only if they match the badge


class AdviceChoice(KbModel):
    """Replace a line of the generic tier advice on this guide's page, or leave it out."""

    advice: Id
    instead: Text | None = None  # leave the line out when absent


class OwnerActions(KbModel):
    before_transport: Annotated[list[Text], Field(min_length=1)]
    during_transport: Annotated[list[Text], Field(min_length=1)]
    do_not: list[Text] = []


# A triage problem guide (an Issue is a problem found in the input). Its schema keeps the name it was
# published under ("Problem"); no docstring here: pydantic would publish it as the schema's description.
class Guide(KbModel):
    model_config = ConfigDict(title="Problem")

    id: Id
    title: ShortText
    summary: Text
    species: Annotated[list[Id], Field(min_length=1)]
    body_system: Id
    keywords: list[ShortText] = []
    signs: Annotated[list[SignMapping], Field(min_length=1)]
    owner: OwnerActions
    clinic_on_arrival: Annotated[list[Text], Field(min_length=1)]
    escalation: Annotated[list[Text], Field(min_length=1)]
    equipment: list[Id] = []  # ids from directory/services.yml
    tier_advice: list[AdviceChoice] = []
    sources: Sources
    review: Review
    aliases: list[Id] = []  # former ids: their old addresses (and printed QR codes) redirect here
