"""Material's interface text through the theme's partials/language.html (generator/host/theme_text.py):
every key gives what Material's own partial gives, unknown keys included, and the theme's templates
get the remembered lookup, not Material's macro."""

from __future__ import annotations

import re
from types import SimpleNamespace

from mkdocs.theme import Theme

from generator.core.settings import THEME
from generator.host.nav_cache import MATERIAL_TEMPLATES
from generator.host.nav_cache import install as install_nav_cache
from generator.host.theme_text import install as install_theme_text

CONFIG = SimpleNamespace(theme=SimpleNamespace(language="en"))


def _theme_env():  # noqa: ANN202 - a jinja2 Environment, as mkdocs makes it for a build
    env = Theme(name="material", custom_dir=str(THEME)).get_env()
    install_nav_cache(env)
    return env, install_theme_text(env, CONFIG)


def _say(env, partial: str, key: str) -> str:  # noqa: ANN001
    template = env.from_string(f'{{% import "{partial}" as lang with context %}}{{{{ lang.t(key) }}}}')
    return template.render(config=CONFIG, key=key)


def test_every_key_reads_as_materials_own_partial_gives_it() -> None:
    env, _ = _theme_env()
    keys = re.findall(r'^\s*"([^"]+)":', (MATERIAL_TEMPLATES / "partials/languages/en.html").read_text("utf-8"), re.M)
    assert len(keys) > 50 and "search.placeholder" in keys
    for key in [*keys, "no.such.key"]:
        ours, materials = _say(env, "partials/language.html", key), _say(env, "material/partials/language.html", key)
        assert ours == materials, key
        assert _say(env, "partials/language.html", key) == ours  # and again, remembered


def test_the_theme_hands_materials_templates_the_remembered_lookup() -> None:
    env, text = _theme_env()
    assert env.get_template("partials/language.html").filename == str(THEME / "partials/language.html")
    module = env.get_template("partials/language.html").make_module({"config": CONFIG})
    assert module.t == text.t
    assert _say(env, "partials/language.html", "search.placeholder") == "Search"
