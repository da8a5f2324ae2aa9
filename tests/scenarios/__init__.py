"""Situations as data (who-can-help.yml), shared by the Python and the browser scenario tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

HERE = Path(__file__).resolve().parent
ZONE = ZoneInfo("Europe/London")  # every demo region's time zone


def scenarios() -> list[dict[str, Any]]:
    return yaml.safe_load((HERE / "who-can-help.yml").read_text(encoding="utf-8"))


def local_time(scenario: dict[str, Any]) -> datetime:
    return datetime.strptime(scenario["at"], "%Y-%m-%d %H:%M").replace(tzinfo=ZONE)


def ids(scenarios_list: list[dict[str, Any]]) -> list[str]:
    return [s["id"] for s in scenarios_list]
