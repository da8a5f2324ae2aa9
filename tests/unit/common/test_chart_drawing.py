"""Charts are drawn by a second process while the site is built (generator/common/charts.py): its
drawings must be the very bytes this process would draw, and a chart must still appear when that
process cannot be used."""

from __future__ import annotations

import json

import pytest

from generator.common import charts

ARGS = ("test-chart", "Share seen in time", "A test chart.", ["2026-04", "2026-05"],
        [("Emergency", [80.0, None]), ("Same day", [60.5, 70.0])], "% within target", 100)


def _key() -> str:
    return json.dumps([list(ARGS), {}])


def test_the_drawing_process_draws_the_same_bytes_as_this_one() -> None:
    drawer = charts._drawer()
    assert drawer is not None
    from_worker = drawer.submit("line", _key()).result(timeout=60)
    assert from_worker == charts.draw("line", _key())
    assert from_worker.startswith("<svg") and 'role="img"' in from_worker


def test_a_chart_is_drawn_here_when_the_drawing_process_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    failed = charts.Future()
    failed.set_exception(OSError("the drawing process ended"))
    chart = charts.Chart("line", _key(), failed)
    assert str(chart) == charts.draw("line", _key())
    assert chart.__html__() == str(chart)


def test_no_drawing_process_at_all_still_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "_DRAWER", [None])
    drawn = charts._remembered("bar")("no-worker", "T", "D", ["a", "b"], [("x", [1, 2])], "n")
    assert "no-worker-title" in drawn.__html__()
