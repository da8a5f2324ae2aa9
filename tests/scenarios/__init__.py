"""Situations as data (who-can-help.yml), shared by the Python and the browser scenario tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from generator.kinds.organisations.availability import Help, Need, who_can_help

HERE = Path(__file__).resolve().parent
ZONE = ZoneInfo("Europe/London")  # every demo region's time zone


def scenarios() -> list[dict[str, Any]]:
    return yaml.safe_load((HERE / "who-can-help.yml").read_text(encoding="utf-8"))


def local_time(scenario: dict[str, Any]) -> datetime:
    return datetime.strptime(scenario["at"], "%Y-%m-%d %H:%M").replace(tzinfo=ZONE)


def ids(scenarios_list: list[dict[str, Any]]) -> list[str]:
    return [s["id"] for s in scenarios_list]


def call_bar_clinic(scenario: dict[str, Any]) -> str | None:
    """The clinic a scenario says a guide's call bar rings: its call_bar, else the first who can help now,
    else the nearest open elsewhere; None when nobody can help."""
    return scenario.get("call_bar") or (scenario["now"] or scenario.get("nearest_open") or [None])[0]


def to_ring(catalog: Any, region: str, species: list[str], at: datetime, weight_g: int | None = None) -> str | None:
    """The clinic a guide's call bar rings for a pet of any of ``species`` (theme/assets/callbar.js): of
    those that take every one of them, someone who takes any owner and is sure to be open (and still
    open when the owner gets there), else the
    nearest open elsewhere, else one open on a public holiday by its usual hours only, else an on-call
    vet for its registered clients only."""
    answers = [who_can_help(catalog, at=at, region=region, need=Need(species=s, weight_g=weight_g))
               for s in species or [None]]

    def in_all(rows: list[Help], key: str) -> list[Help]:
        return [h for h in rows if all(h.org.id in {o.org.id for o in getattr(a, key)} for a in answers[1:])]

    now, nearest_open = in_all(answers[0].now, "now"), in_all(answers[0].nearest_open, "nearest_open")
    anyone = [h for h in now if not h.status.clients_only]
    sure = [h for h in anyone if h.sure]
    first = (sure or nearest_open or anyone or now or [None])[0]
    return first.org.id if first else None
