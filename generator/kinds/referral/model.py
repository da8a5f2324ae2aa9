"""The referral and transfer protocol, as data."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from generator.common.fields import Id, KbModel, ShortText, Text
from generator.common.review import Review, Sources


class Mode(KbModel):
    id: Id
    label: ShortText
    description: Text
    when: Text


class Timeline(KbModel):
    tier: Id
    first_response: ShortText
    decision: ShortText
    transfer: ShortText


class TransferProtocol(KbModel):
    carrier: Annotated[list[Text], Field(min_length=1)]
    warmth: Annotated[list[Text], Field(min_length=1)]
    bonded_companion: Annotated[list[Text], Field(min_length=1)]
    sedation: Annotated[list[Text], Field(min_length=1)]
    documents: Annotated[list[Text], Field(min_length=1)]


class Status(KbModel):
    id: Id
    label: ShortText
    description: Text


class ReferralProtocol(KbModel):
    title: ShortText
    summary: Text
    modes: Annotated[list[Mode], Field(min_length=1)]
    caller_checklist: Annotated[list[Text], Field(min_length=1)]
    timelines: Annotated[list[Timeline], Field(min_length=1)]
    transfer: TransferProtocol
    statuses: Annotated[list[Status], Field(min_length=4)]
    sources: Sources
    review: Review
