"""Material's interface text ("Skip to content", "Search"), looked up once per key for a build.

Material's `partials/language.html` answers `lang.t(key)` with a macro that builds its whole table of
translations (a hundred entries) on every call, and its templates call it about fifteen times per
page: 150,000 tables at 10,000 organisations. The theme's partials/language.html hands its templates
`kb_theme_text.t` instead, which asks Material's own macro (through the "material/" prefix that
generator/host/nav_cache.py installs) once per key and remembers the answer. The answer depends only
on the key and the site's language, both fixed for a build; mkdocs makes a new environment for every
build, so a new instance is installed with it. An environment this plugin did not prepare (another
plugin's own) gets Material's partial as it is, from the same file.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

MATERIAL_LANGUAGE = "material/partials/language.html"


class ThemeText:
    def __init__(self, env: Environment, config: Any) -> None:
        self._env = env
        self._config = config
        self._module: Any = None
        self._answers: dict[str, Any] = {}

    def t(self, key: str) -> Any:
        """What Material's own `lang.t(key)` gives (the same object: text, or Markup if escaping)."""
        try:
            return self._answers[key]
        except KeyError:
            pass
        if self._module is None:
            # Material's partial reads only `config` from the page's context
            self._module = self._env.get_template(MATERIAL_LANGUAGE).make_module({"config": self._config})
        answer = self._answers[key] = self._module.t(key)
        return answer


def install(env: Environment, config: Any) -> ThemeText:
    """A fresh lookup for this build's theme environment (after nav_cache.install, which adds the prefix)."""
    text = ThemeText(env, config)
    env.globals["kb_theme_text"] = text
    return text
