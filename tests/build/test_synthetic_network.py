"""The scale benchmark's network (benchmarks/synthetic.py) must pass `kb check --strict`, as
benchmarks/scale.py runs it: when a new rule made its generated entries fail (hours for the demo's
bank holidays, asked for from six weeks ahead), only a scale run of many minutes found out."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic import write_network
from generator.cli import main as kb_main


def test_a_small_synthetic_network_passes_the_strict_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_network(tmp_path / "network", orgs=120, cases=5, modules=1, equipment=5)
    status = kb_main(["-f", str(config), "check", "--strict"])
    report = capsys.readouterr()
    assert status == 0, report.out + report.err
    assert len(list((tmp_path / "network/directory/organisations").glob("*.yml"))) >= 120
