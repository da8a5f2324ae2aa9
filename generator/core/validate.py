"""Run a pydantic model over loaded data and turn its errors into positioned problems."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.core.ids import CHOOSE
from generator.core.issues import Issue, Stage
from generator.core.sources import FieldPath, Source, format_path
from generator.core.suggest import closest, did_you_mean, slugify
from generator.core.timings import TIMINGS

M = TypeVar("M", bound=BaseModel)

_QUOTED = re.compile(r"'([^']*)'")


def validate(source: Source, model: type[M], *, path: FieldPath = (), data: Any = None,
             context: dict[str, Any] | None = None) -> tuple[M | None, list[Issue]]:
    """Validate ``data`` (default: the whole file) found at ``path`` in ``source``."""
    value = source.data if data is None else data
    try:
        with TIMINGS.stage("validate"):
            return model.model_validate(value, context=context or {}), []
    except ValidationError as exc:
        errors = _without_typo_echoes(exc.errors(include_url=False))
        return None, [_problem(source, model, path, error) for error in errors]


def validate_as_far_as_possible(source: Source, model: type[M], *, path: FieldPath = (), data: Any = None,
                                context: dict[str, Any] | None = None) -> tuple[M | None, list[Issue]]:
    """As validate, but when unknown fields are the only mistakes the entry is also validated without
    them, and returned, so the rules that need a valid entry still run in the same run (its problems
    are reported either way, so it is never built)."""
    found, problems = validate(source, model, path=path, data=data, context=context)
    value = source.data if data is None else data
    if found is not None or not problems or not all(p.message.startswith("unknown field") for p in problems):
        return found, problems
    try:
        return model.model_validate(_without_unknown(value, model), context=context or {}), problems
    except (ValidationError, TypeError, ValueError):
        return None, problems


def _without_unknown(value: Any, model: Any) -> Any:
    """``value`` with every key that no model along the way declares left out."""
    target = _model_of(model)
    if target is not None and isinstance(value, dict):
        fields = _written_names(target)
        return {key: _without_unknown(item, fields[key].annotation) for key, item in value.items() if key in fields}
    if isinstance(value, list):
        item_type = _item_type(model)
        return [_without_unknown(item, item_type) for item in value] if item_type is not None else value
    return value


def _without_typo_echoes(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`adress:` gives 'unknown field adress' and 'address is required': keep only the first."""
    unknown = [e["loc"] for e in errors if e["type"] == "extra_forbidden"]
    def explained(error: dict[str, Any]) -> bool:
        if error["type"] != "missing":
            return False
        parent, name = error["loc"][:-1], str(error["loc"][-1])
        return any(loc[:-1] == parent and closest(str(loc[-1]), [name]) == name for loc in unknown)
    return [e for e in errors if not explained(e)]


def _problem(source: Source, model: type[BaseModel], base: FieldPath, error: dict[str, Any]) -> Issue:
    loc = tuple(part for part in error["loc"] if isinstance(part, int) or not _is_schema_tag(part))
    full = (*base, *loc)
    kind = error["type"]
    value = error.get("input")
    message, hint, at_key = _describe(kind, error, value, model, loc)
    if kind == "missing":
        pos = source.position(full[:-1])
    elif at_key:
        pos = source.key_position(full)
    else:
        pos = source.position(full)
    return Issue(source.display, pos.line, pos.column, format_path(full), message, hint, stage=Stage.SCHEMA)


def _is_schema_tag(part: str) -> bool:
    # pydantic adds tags such as "function-before[...]" or "list[...]" for wrapped validators
    return "[" in part or part.startswith("function-")


FEW_FIELDS = 6  # an unknown field among this many or fewer lists them all


def _describe(kind: str, error: dict[str, Any], value: Any, model: type[BaseModel], loc: FieldPath
              ) -> tuple[str, str, bool]:
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "this field is required", "", False
    if kind == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), fields or [])
        if not hint and " " in str(loc[-1]).strip():
            hint = "this looks like text cut off by a comma: inside { } a comma starts a new field, so quote the text"
        elif not hint and fields and len(fields) <= FEW_FIELDS:
            hint = f"the fields here are: {', '.join(fields)}"
        return f"unknown field '{loc[-1]}'", hint, True
    if kind == "literal_error":
        options = _QUOTED.findall(str(ctx.get("expected", "")))
        if value == CHOOSE:  # a `kb new` template's choice, left as it was written
            return "choose a value: the template leaves it for you to choose", f"one of: {', '.join(options)}", False
        return (f"{_show(value)} is not one of: {', '.join(options)}", did_you_mean(value, options), False)
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^[a-z0-9]+"):
            # an entry's own id may be any slug; an id naming another file gets the one it means
            # from the reference check (a slug of "Guinea Pigs" is not an id that exists)
            slug = slugify(value) if isinstance(value, str) and loc[-1:] == ("id",) else ""
            return (f"{_show(value)} is not a valid id: use lower-case letters, digits and single hyphens",
                    f"did you mean '{slug}'?" if slug and slug != value else "", False)
        if pattern == "^[A-Z]{2}$":
            capitals = isinstance(value, str) and len(value.strip()) == 2 and value.strip().isalpha()
            return (f"{_show(value)} is not a two-letter country code such as GB",
                    f"write it in capitals: {value.strip().upper()}" if capitals else "", False)
        if pattern.startswith("^#[0-9a-fA-F]{6}"):
            return f"{_show(value)} is not a colour; write it as #rrggbb, for example #2e7d32", "", False
        if pattern == "^[a-z]{2}$":
            return f"{_show(value)} is not a two-letter language code such as en", "", False
        return f"{_show(value)} does not have the expected form", "", False
    if kind in ("string_type", "str_type"):
        if isinstance(value, dict) and len(value) == 1:  # "No CT: refer to Northvale", unquoted
            return ("must be text, but the ': ' in it made YAML read it as a field",
                    "put the whole text in quotes", False)
        if isinstance(value, bool | int | float):
            return f"must be text, not {_show(value)}", "put the value in quotes", False
        return f"must be text, not {_type_name(value)}", "", False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        hint = "write the number only, without units" if isinstance(value, str) and any(
            c.isdigit() for c in value) else ""
        return f"must be a whole number, not {_show(value)}", hint, False
    if kind in ("float_type", "float_parsing"):
        return f"must be a number, not {_show(value)}", "", False
    if kind in ("bool_type", "bool_parsing"):
        if value == CHOOSE:  # the field's description says what each answer means, where false alone is not one
            field = _field_at(model, loc)
            return ("choose a value: the template leaves it for you to choose",
                    (field.description if field is not None else None) or "true or false", False)
        return f"must be true or false, not {_show(value)}", "", False
    if kind == "list_type":
        return f"must be a list, not {_type_name(value)}", "start each item on its own line with '- '", False
    if kind in ("model_type", "model_attributes_type", "dict_type") and not loc and isinstance(value, list):
        return ("the file must be a set of fields such as 'id: ...' starting at the left margin, not a list",
                "remove the '- ' before the first field", False)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        hint = "write its fields indented under it, one per line, without '- '" if isinstance(value, list) else ""
        return f"must be a set of fields (such as 'name: …'), not {_type_name(value)}", hint, False
    if kind == "too_short":
        if isinstance(value, list):
            wanted = ctx.get("min_length", 1)
            return ("must list at least one item" if wanted == 1 else f"must list at least {wanted} items"), "", False
        return "must not be empty", "", False
    if kind == "string_too_short":
        return "must not be empty", "", False
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)", "", False
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {"greater_than": "more than", "greater_than_equal": "at least",
                 "less_than": "less than", "less_than_equal": "at most"}[kind]
        limit = next(iter(ctx.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return f"must be {words} {limit}, not {_show(value)}", "", False
    if kind.startswith("date_"):
        return f"{_show(value)} is not a real date; write it as YYYY-MM-DD", "", False
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), "", False
    return error["msg"], "", False


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, int | float):
        return str(value)
    return _type_name(value)


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "text"
    return "a number" if isinstance(value, int | float) else type(value).__name__


def _model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    """The model found by walking ``loc`` through nested models and lists, or None."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            current = _item_type(current)
            continue
        current = _model_of(current)
        if current is None or part not in _written_names(current):
            return None
        current = _written_names(current)[part].annotation
    return _model_of(current)


def _fields_at(model: type[BaseModel], loc: FieldPath) -> list[str] | None:
    """The field names of the model found by walking ``loc`` through nested models and lists."""
    target = _model_at(model, loc)
    return list(_written_names(target)) if target is not None else None


def _field_at(model: type[BaseModel], loc: FieldPath) -> Any:
    """The pydantic field that ``loc`` ends at, or None."""
    if not loc or isinstance(loc[-1], int):
        return None
    parent = _model_at(model, loc[:-1])
    return _written_names(parent).get(loc[-1]) if parent is not None else None


def _written_names(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the names the data uses (`from` for the field from_)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _unwrap(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [inner for arg in typing.get_args(tp) for inner in _unwrap(arg)]
    return [tp]


def _model_of(tp: Any) -> type[BaseModel] | None:
    for candidate in _unwrap(tp):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _item_type(tp: Any) -> Any:
    for candidate in _unwrap(tp):
        if typing.get_origin(candidate) is list:
            return typing.get_args(candidate)[0]
    return None
