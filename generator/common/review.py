"""Fields every piece of clinical guidance carries: who reviewed it, when, and its sources."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from generator.common.fields import HttpsUrl, IsoDate, KbModel, ShortText


class Review(KbModel):
    reviewer: ShortText  # a role, never a private person's name
    reviewed: IsoDate
    next_review: IsoDate

    @model_validator(mode="after")
    def _next_after_reviewed(self) -> Review:
        if self.next_review <= self.reviewed:
            raise ValueError("next_review must be after reviewed")
        return self


class SourceRef(KbModel):
    title: ShortText
    publisher: ShortText
    year: Annotated[int, Field(ge=1950, le=2100)] | None = None
    url: HttpsUrl | None = None
    section: ShortText | None = None  # chapter, section or page: enough for a reviewer to find the claim
    consulted: IsoDate | None = None  # when the contributor read it (web pages change)


Sources = Annotated[list[SourceRef], Field(min_length=1)]
