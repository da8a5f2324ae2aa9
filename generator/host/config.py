"""Read mkdocs.yml: the few settings the generator needs, and the whole file validated as mkdocs would,
with every problem as one located line (`mkdocs.yml:27:7: error: plugins[0].kb.nonsense: …`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.core.issues import Issue, Severity, Stage
from generator.core.settings import Settings, SettingsError, settings_from_extra
from generator.core.sources import Source, display_path, parse_text, read_text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class ConfigError(SettingsError):
    """mkdocs.yml cannot be used; ``problems`` say where and why, one line each."""

    def __init__(self, problems: list[Issue]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.text() for p in problems))


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as !ENV; the generator only needs plain settings."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode) and node.value:
        # !ENV [NAME, default]: take the default
        last = node.value[-1]
        return loader.construct_object(last) if isinstance(last, yaml.ScalarNode) else None
    return None


_LenientLoader.add_multi_constructor("!", _ignore_tag)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def _source(config_file: Path) -> Source:
    """mkdocs.yml parsed with positions; a file that cannot be read or parsed raises ConfigError."""
    root = config_file.resolve().parent
    text, problems = read_text(config_file, root)
    source = None
    if text is not None:
        source, problems = parse_text(text, display_path(config_file, root), config_file, tags_allowed=True)
    if source is None or problems:
        raise ConfigError(problems)
    return source


def read_mkdocs_config(config_file: Path) -> dict[str, Any]:
    source = _source(config_file)
    data = yaml.load(source.text, Loader=_LenientLoader)  # noqa: S506 - SafeLoader subclass
    return data if isinstance(data, dict) else {}


def settings_from_config(config_file: Path) -> Settings:
    data = read_mkdocs_config(config_file)
    extra = data.get("extra") or {}
    try:
        return settings_from_extra(config_file.resolve().parent, extra if isinstance(extra, dict) else {})
    except SettingsError as exc:
        key = getattr(exc, "key", None)
        if key is None:
            raise
        raise ConfigError([_source(config_file).problem(("extra", key), exc.reason, stage=Stage.SCHEMA)]) from None


_PLUGIN_OPTION = re.compile(r"^Plugin '(?P<plugin>[^']+)' option '(?P<option>[^']+)': (?P<message>.*)$", re.DOTALL)


def load_site_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """mkdocs' own configuration, validated; every error (and, in strict mode, every warning) raises
    ConfigError with one located line each, instead of mkdocs' log lines and Abort."""
    from mkdocs.config.defaults import MkDocsConfig  # noqa: PLC0415 - slow to import

    source = _source(config_file)
    config = MkDocsConfig(config_file_path=str(config_file))
    with config_file.open("rb") as handle:
        config.load_file(handle)
    config.load_dict({key: value for key, value in overrides.items() if value is not None})
    errors, warnings = config.validate()
    problems = [_located(source, name, str(error), Severity.ERROR) for name, error in errors]
    if config.strict or errors:
        problems += [_located(source, name, str(warning), Severity.ERROR) for name, warning in warnings]
    if problems:
        raise ConfigError(problems)
    return config


def _located(source: Source, name: str, message: str, severity: Severity) -> Issue:
    path: tuple[str | int, ...] = (name,)
    option = _PLUGIN_OPTION.match(message)
    if name == "plugins" and option:
        plugins = source.data.get("plugins") if isinstance(source.data, dict) else None
        index = next((i for i, item in enumerate(plugins or [])
                      if isinstance(item, dict) and option["plugin"] in item), None)
        if index is not None:
            path = ("plugins", index, option["plugin"], option["option"])
        message = f"plugin '{option['plugin']}': {option['message']}"
    message = " ".join(message.split())  # mkdocs' messages can span lines
    return source.problem(path, message, severity=severity, stage=Stage.SCHEMA, at_key=True)
