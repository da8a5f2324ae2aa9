"""Owner first-aid pages: Markdown with front matter."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from generator.common.fields import KbModel, ShortText, Text
from generator.common.review import Review, Sources


class FirstAidPage(KbModel):
    title: ShortText
    summary: Text
    species: Annotated[list[str], Field(min_length=1)]  # species ids, or "all"
    keywords: list[ShortText] = []
    order: int = 100
    review: Review
    sources: Sources
