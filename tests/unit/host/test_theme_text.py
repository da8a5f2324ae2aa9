"""Material's interface text through the theme's partials/language.html (generator/host/theme_text.py):
every key gives what Material's own partial gives, unknown keys included, and the theme's templates
get the remembered lookup, not Material's macro."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader
from mkdocs.theme import Theme

from generator.core.settings import THEME
from generator.host.nav_cache import MATERIAL_TEMPLATES
from generator.host.nav_cache import install as install_nav_cache
from generator.host.theme_text import install as install_theme_text

CONFIG = SimpleNamespace(theme=SimpleNamespace(language="en"))
KEYS = re.findall(r'^\s*"([^"]+)":', (MATERIAL_TEMPLATES / "partials/languages/en.html").read_text("utf-8"), re.M)


def _theme_env(config: SimpleNamespace = CONFIG, *, prepared: bool = True):  # noqa: ANN202 - a jinja2 Environment
    env = Theme(name="material", custom_dir=str(THEME)).get_env()
    if not prepared:  # as another plugin makes one for itself
        return env, None
    install_nav_cache(env)
    return env, install_theme_text(env, config)


def _say(env, partial: str, key: str, config: SimpleNamespace = CONFIG) -> str:  # noqa: ANN001
    template = env.from_string(f'{{% import "{partial}" as lang with context %}}{{{{ lang.t(key) }}}}')
    return template.render(config=config, key=key)


def _materials(key: str, config: SimpleNamespace = CONFIG) -> str:
    return _say(Environment(loader=FileSystemLoader(str(MATERIAL_TEMPLATES))), "partials/language.html", key, config)


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_key_reads_as_materials_own_partial_gives_it(language: str) -> None:
    """German has its own words for most keys and falls back to English for the rest."""
    config = SimpleNamespace(theme=SimpleNamespace(language=language))
    env, _ = _theme_env(config)
    assert len(KEYS) > 50 and "search.placeholder" in KEYS
    for key in [*KEYS, "no.such.key"]:
        ours = _say(env, "partials/language.html", key, config)
        assert ours == _materials(key, config), key
        assert _say(env, "partials/language.html", key, config) == ours  # and again, remembered
    assert _say(env, "partials/language.html", "search.placeholder", config) == (
        "Suche" if language == "de" else "Search")


def test_an_environment_kb_did_not_prepare_still_gets_materials_text() -> None:
    env, _ = _theme_env(prepared=False)
    for key in ["search.placeholder", "action.skip", "no.such.key"]:
        assert _say(env, "partials/language.html", key) == _materials(key)


def test_the_theme_hands_materials_templates_the_remembered_lookup() -> None:
    env, text = _theme_env()
    assert env.get_template("partials/language.html").filename == str(THEME / "partials/language.html")
    module = env.get_template("partials/language.html").make_module({"config": CONFIG})
    assert module.t == text.t
    assert _say(env, "partials/language.html", "search.placeholder") == "Search"
