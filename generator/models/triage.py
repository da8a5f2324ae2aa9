"""The triage system: urgency tiers, a dictionary of signs, and presenting-problem guides."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from generator.models.common import Id, KbModel, ShortText, Text
from generator.models.guidance import Review, Sources


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
    advice: list[Text] = []
    # share of contacts that should be seen within the target; below it, the dashboard flags a bottleneck
    goal_percent: Annotated[int, Field(ge=0, le=100)] = 80


class TriageScale(KbModel):
    review: Review
    sources: Sources
    tiers: Annotated[list[Tier], Field(min_length=1)]


class Threshold(KbModel):
    species: Id
    text: Text


class Sign(KbModel):
    id: Id
    label: ShortText
    owner_wording: Text
    clinical_wording: Text
    species: Annotated[list[Id], Field(min_length=1)]
    thresholds: list[Threshold] = []
    keywords: list[ShortText] = []


class SignMapping(KbModel):
    sign: Id
    tier: Id
    note: Text | None = None


class OwnerActions(KbModel):
    before_transport: Annotated[list[Text], Field(min_length=1)]
    during_transport: Annotated[list[Text], Field(min_length=1)]
    do_not: list[Text] = []


class Problem(KbModel):
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
    sources: Sources
    review: Review
    aliases: list[Id] = []  # former ids: their old addresses (and printed QR codes) redirect here

    def tiers(self) -> list[str]:
        return list(dict.fromkeys(m.tier for m in self.signs))
