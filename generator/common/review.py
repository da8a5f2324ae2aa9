"""Fields every piece of clinical guidance carries: who reviewed it, when, and its sources."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator

from generator.common.fields import HttpsUrl, IsoDate, KbModel, Role, ShortText
from generator.core.issues import Issue, Stage
from generator.core.sources import FieldPath, Source


class Review(KbModel):
    reviewer: Role
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


def source_problems(src: Source, data: Any, base: FieldPath = ("sources",)) -> list[Issue]:
    """Each source names a chapter or section, or a web address, and when it was consulted."""
    issues = []
    sources = data.get("sources") if isinstance(data, dict) else None
    for i, item in enumerate(sources or []):
        if not isinstance(item, dict):
            continue
        missing = []
        if not item.get("url") and not item.get("section"):
            missing.append("section: with the chapter or section, or url: with the page you read")
        if not item.get("consulted"):
            missing.append("consulted: with the date you read it")
        if missing:
            issues.append(src.problem((*base, i), "a reviewer cannot check this source",
                                      hint="; ".join(f"add {m}" for m in missing), stage=Stage.CONTENT))
    return issues
