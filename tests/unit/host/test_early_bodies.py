"""Page bodies rendered while the build waits for the open data (generator/host/early_bodies.py): each
is given back once, exactly as rendering it when the page is written would make it; rendering stops
when told to, and at the size limit."""

from __future__ import annotations

import pytest

from generator.host.early_bodies import EarlyBodies
from generator.site.plan import plan_pages
from generator.site.render import make_environment, render_body


@pytest.fixture(scope="module")
def env_and_specs(demo_catalog):
    return make_environment(demo_catalog, site_url="https://kb.example/"), plan_pages(demo_catalog)


def test_every_body_is_given_back_once_as_rendered_when_written(env_and_specs) -> None:
    env, specs = env_and_specs
    early = EarlyBodies()
    early.render_while(env, specs, keep_going=lambda: True)
    assert len(early) == len(specs) > 200
    for spec in specs:
        assert early.take(spec.src_uri) == render_body(env, spec), spec.src_uri
        assert early.take(spec.src_uri) is None  # let go once taken
    assert len(early) == 0


def test_rendering_stops_when_the_open_data_is_ready_after_the_ones_asked_for(env_and_specs) -> None:
    env, specs = env_and_specs
    asked = []

    def keep_going() -> bool:
        asked.append(1)
        return len(asked) <= 5  # ready once asked a sixth time

    early = EarlyBodies()
    early.render_while(env, specs, keep_going, at_least=3)
    assert len(early) == 3 + 5
    assert early.take(specs[7].src_uri) is not None and early.take(specs[8].src_uri) is None

    never = EarlyBodies()
    never.render_while(env, specs, keep_going=lambda: False)
    assert len(never) == 0


def test_rendering_stops_at_the_size_limit(env_and_specs) -> None:
    env, specs = env_and_specs
    early = EarlyBodies()
    early.render_while(env, specs, keep_going=lambda: True, limit_bytes=20_000)
    assert 0 < len(early) < len(specs)
    kept = [spec for spec in specs if early.take(spec.src_uri) is not None]
    assert kept == specs[:len(kept)]  # the first pages in order, none after the limit was met
