"""What an id is: lower-case words joined by hyphens, at most 80 characters. Ids are file names and
URL segments, so one rule serves the models, the loaders, the reference checks and `kb new`."""

from __future__ import annotations

import re

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_MAX_LENGTH = 80  # ids are file names and URL segments
# What `kb new` templates write where the contributor must choose (a kind, a region, a tier …): never
# a real value; the schema and reference checks report it as a choice still to make.
CHOOSE = "change-me"
_ID = re.compile(ID_PATTERN)


def is_valid_id(text: str) -> bool:
    return len(text) <= ID_MAX_LENGTH and _ID.fullmatch(text) is not None
