"""The demo never rots; a real network's data still does (issue 16).

In a demo build (extra.demo_data) with extra.demo_data_as_of, the clock for the content is that date:
freshness checks, "due" and "overdue" marks, the audit and "upcoming" all read the demo as it stood
then, whatever the date (or KB_TODAY) is. Without demo_data the setting has no effect, so a real
network's verification, review and service dates age as they must."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.host.config import settings_from_config
from generator.kinds.equipment.views import equipment_list, is_available
from generator.site.audit import audit
from generator.site.pipeline import load_catalog
from tests.helpers import REPO, make_tree

LATER = "2028-06-01"  # long after every demo date has passed


def kb(config: Path, *args: str, today: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", "-f", str(config), *args], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "KB_TODAY": today})


def test_the_demo_passes_the_strict_check_years_later() -> None:
    result = kb(REPO / "mkdocs.yml", "check", "--strict", today=LATER)
    assert result.returncode == 0, result.stderr[-2000:]


def _as_seen(today: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KB_TODAY", today)
    settings = settings_from_config(REPO / "mkdocs.yml")
    catalog, problems = load_catalog(settings)
    return settings, problems, audit(catalog), [is_available(k, catalog) for k in equipment_list(catalog)]


def test_the_demo_is_shown_as_it_stood_whatever_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    settings, problems, findings, available = _as_seen(LATER, monkeypatch)
    assert settings.today < date.fromisoformat(LATER)
    assert not problems.failing(strict=True)
    # the audit and the kit library read the same years later as on the demo's date
    _, _, findings_then, available_then = _as_seen(settings.today.isoformat(), monkeypatch)
    assert (findings, available) == (findings_then, available_then)
    assert [f for f in findings if f.risk == "high"] == [] and any(available)


def _with_extra(tree: Path, lines: str) -> Path:
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  generator: false\n", f"  generator: false\n{lines}"), encoding="utf-8")
    return config


def test_a_demo_without_the_setting_rots(tmp_path: Path) -> None:
    config = make_tree(tmp_path).joinpath("mkdocs.yml")
    result = kb(config, "check", "--strict", today=LATER)
    assert result.returncode == 1 and "error: verified.on: last verified" in result.stderr


def test_a_real_network_rots_whatever_the_setting_says(tmp_path: Path) -> None:
    config = _with_extra(make_tree(tmp_path, demo_data=False), "  demo_data_as_of: 2026-11-21\n")
    result = kb(config, "check", "--strict", today=LATER)
    assert result.returncode == 1 and "error: review.next_review: review overdue since" in result.stderr


def test_a_bad_demo_date_is_one_located_line(tmp_path: Path) -> None:
    config = _with_extra(make_tree(tmp_path), "  demo_data_as_of: soon\n")
    result = kb(config, "check", today=LATER)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("error: extra.demo_data_as_of: expected a date such as 2026-11-21, "
                                          "got 'soon'"), result.stderr


def test_the_banner_says_when_the_demo_stood(demo_site: Path) -> None:
    html = (demo_site / "index.html").read_text(encoding="utf-8")
    as_of = settings_from_config(REPO / "mkdocs.yml").today.isoformat()
    assert f'<time datetime="{as_of}">' in html
