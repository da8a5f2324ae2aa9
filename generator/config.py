"""Read the few site settings the generator needs from mkdocs.yml without building anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.settings import Settings, settings_from_extra


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


def read_mkdocs_config(config_file: Path) -> dict[str, Any]:
    with config_file.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_LenientLoader)  # noqa: S506 - SafeLoader subclass
    return data if isinstance(data, dict) else {}


def settings_from_config(config_file: Path) -> Settings:
    data = read_mkdocs_config(config_file)
    extra = data.get("extra") or {}
    return settings_from_extra(config_file.resolve().parent, extra)
