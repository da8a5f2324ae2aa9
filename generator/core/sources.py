"""Load YAML into plain data plus a map from field path to line:column.

YAML 1.1 guesses types (``on`` is True, ``08:00`` is 480, ``2026-01-01`` is a date), so plain
scalars are resolved here with the YAML 1.2 core rules instead: dates and times stay text and the
models parse them. Duplicate keys, tabs, bad UTF-8, control characters, aliases and empty files become problems, not
exceptions. Only regular files inside the repository are read: a pipe would hang the build and a link
out of the repository would publish (and echo) a file that is not part of it.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.core.issues import Issue, Severity, Stage
from generator.core.timings import TIMINGS
from generator.core.yaml_messages import explain, quote_it, sign_message

FieldPath = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_BOOL_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
# control characters other than tab, newline and carriage return; YAML refuses them, and in Markdown
# they are never meant
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEP = os.sep


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class Source:
    """One loaded file: its data and where each field came from.

    Positions come from parsing the text again when a problem is first reported: a table of every
    field's position (or the kept node tree) was most of the loading time and memory for 10,000
    organisations, and is almost never read."""

    path: Path
    display: str
    data: Any
    text: str = ""
    line_offset: int = 0  # lines before the YAML in the file (front matter starts after '---')
    # the ids of list entries that lost their '- ' and joined the entry above (see _lost_entry): not in
    # the data, but they exist for references, so files naming them do not each report them unknown
    lost_ids: tuple[str, ...] = ()
    _root: Node | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def root(self) -> Node | None:
        if self._root is None and self.text:
            self._root = yaml.compose(self.text, Loader=_LOADER)
        return self._root

    def _walk(self, path: FieldPath) -> tuple[Node | None, Node | None, bool]:
        """The node at the longest prefix of ``path`` that exists, the key node naming it, and
        whether the whole path was found."""
        node, key = self.root, None
        for part in path:
            child = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                for key_node, value_node in node.value:
                    if isinstance(key_node, ScalarNode) and _key_text(key_node) == part:
                        key, child = key_node, value_node
                        break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key, child = None, node.value[part]
            if child is None:
                return node, None, False
            node = child
        return node, key, True

    def _at(self, node: Node | None) -> Position:
        if node is None:
            return Position(1, 1)
        return Position(node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def position(self, path: FieldPath) -> Position:
        """Where the value at ``path`` starts, or the nearest enclosing value that exists."""
        return self._at(self._walk(tuple(path))[0])

    def position_in_value(self, path: FieldPath, token: str, occurrence: int = 0) -> Position:
        """Where the ``occurrence``-th ``token`` starts inside the text value at ``path``: a line
        inside a folded block, not just the block's first line. The value's start when not found."""
        node, _, found = self._walk(tuple(path))
        if not found or node is None or not self.text:
            return self.position(path)
        raw = self.text[node.start_mark.index:node.end_mark.index]
        index = -1
        for _ in range(occurrence + 1):
            index = raw.find(token, index + 1)
            if index < 0:
                return self._at(node)
        absolute = node.start_mark.index + index
        line = self.text.count("\n", 0, absolute) + 1 + self.line_offset
        return Position(line, absolute - (self.text.rfind("\n", 0, absolute) + 1) + 1)

    def key_position(self, path: FieldPath) -> Position:
        """Where the key naming ``path`` starts (for unknown or duplicate keys)."""
        node, key, found = self._walk(tuple(path))
        return self._at(key if found and key is not None else node)

    def problem(self, path: FieldPath, message: str, *, hint: str = "", stage: Stage = Stage.REFERENCE,
                severity: Any = None, at_key: bool = False) -> Issue:
        pos = self.key_position(path) if at_key else self.position(path)
        kwargs = {"severity": severity} if severity is not None else {}
        return Issue(self.display, pos.line, pos.column, format_path(path), message, hint, stage=stage,
                       **kwargs)


def format_path(path: FieldPath) -> str:
    """``("contacts", "phones", 0, "number")`` -> ``contacts.phones[0].number``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(file)"


def _scalar(node: ScalarNode) -> Any:
    if node.style:  # quoted or block scalar: always text
        return node.value
    return _plain(node.value)


# Plain scalars repeat across files (keys, days, times, ids, true/false): each distinct one is typed
# once. The results are immutable (text, numbers, booleans, None), so sharing them is safe.
@functools.lru_cache(maxsize=1 << 16)
def _plain(value: str) -> Any:
    if _NULL.match(value):
        return None
    if _BOOL_TRUE.match(value):
        return True
    if _BOOL_FALSE.match(value):
        return False
    if _INT.match(value):
        return int(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    if value in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[value]
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    return value


# libyaml's parser is about ten times faster than PyYAML's pure-Python one and gives the same
# nodes and marks; scalars are typed by _scalar below either way, so resolvers do not matter.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAGS = {ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
         SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
         MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG}


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The composer asks the resolver for every node's tag (a third of parsing, in Python). Nothing
    here reads a tag: scalars are typed by _scalar from their text and style, so it answers at once."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_LOADER = _Loader


def _pos(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _key_text(key_node: ScalarNode) -> str:
    return key_node.value if key_node.style else _plain_key(key_node.value)


@functools.lru_cache(maxsize=1 << 14)  # keys repeat in every file
def _plain_key(value: str) -> str:
    return str(_plain(value))


class _AliasUsed(Exception):
    """The document reuses a node through an alias (`*name`)."""


class _Builder:
    def __init__(self, display: str, *, aliases_possible: bool = True) -> None:
        self.display = display
        self.problems: list[Issue] = []
        self.lost_ids: list[str] = []  # see Source.lost_ids
        self._seen: set[int] | None = set() if aliases_possible else None

    def build(self, node: Node, path: FieldPath) -> Any:
        # An alias makes the composer hand over the anchored node again. Expanding aliases is how a
        # few lines become gigabytes ("billion laughs") or an endless loop (`&r [*r]`), and content
        # never needs them, so the first reuse of a node stops the file.
        if self._seen is not None:
            if id(node) in self._seen:
                raise _AliasUsed
            self._seen.add(id(node))
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return self._sequence(node, path)
        return _scalar(node)

    # Below, a scalar is typed where it is met rather than through build(), and a child's path is
    # made only for a list or a mapping: a file is mostly scalars, and this is a third of parsing.
    # Without aliases no node can come twice, so nothing needs remembering.

    def _sequence(self, node: SequenceNode, path: FieldPath) -> list[Any]:
        if self._seen is not None:
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return [_scalar(item) if type(item) is ScalarNode else self.build(item, (*path, i))
                for i, item in enumerate(node.value)]

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        checked = self._seen is not None
        repeated: list[tuple[ScalarNode, str]] | None = None  # made only for a key given twice
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                key_pos = _pos(key_node)
                self.problems.append(Issue(self.display, key_pos.line, key_pos.column, _path_text(path),
                                             "a key must be a plain word, not a list or mapping",
                                             stage=Stage.PARSE))
                continue
            key = _key_text(key_node)
            if key in result:
                repeated = [*(repeated or []), (key_node, key)]
                continue
            if type(value_node) is ScalarNode and not checked:
                result[key] = _scalar(value_node)
            else:
                result[key] = self.build(value_node, (*path, key))
        if repeated:
            self._duplicates(node, repeated, path)
            if _lost_entry(node, repeated, path):
                given_again = {id(key_node) for key_node, key in repeated if key == "id"}
                self.lost_ids += [id_ for key_node, value_node in node.value
                                  if id(key_node) in given_again and type(value_node) is ScalarNode
                                  and isinstance(id_ := _scalar(value_node), str)]
                # the keys first given after the lost entry began are its own, not this entry's:
                # checked as this entry's, they would report problems that are not there
                lost_from = repeated[0][0].start_mark.index
                for key_node, _ in node.value:
                    if type(key_node) is ScalarNode and key_node.start_mark.index >= lost_from:
                        key = _key_text(key_node)
                        if key in result and _first_key(node, key) is key_node:
                            del result[key]
        return result

    def _duplicates(self, node: MappingNode, repeated: list[tuple[ScalarNode, str]], path: FieldPath) -> None:
        """Each key given twice. An entry of a list that repeats several keys of the one above is most
        likely the next entry without its '- ': one problem, at its first line, says so."""
        def first_line(key: str) -> int:
            return _first_key(node, key).start_mark.line + 1

        if _lost_entry(node, repeated, path):
            # one run per lost entry: a run starts again where a key comes back a third time
            runs: list[list[tuple[ScalarNode, str]]] = []
            for item in repeated:
                if runs and all(item[1] != key for _, key in runs[-1]):
                    runs[-1].append(item)
                else:
                    runs.append([item])
            for run in runs:
                key_node, key = run[0]
                line, last = key_node.start_mark.line + 1, run[-1][0].start_mark.line + 1
                self.problems.append(Issue(
                    self.display, line, key_node.start_mark.column + 1, format_path((*path, key)),
                    f"duplicate keys: lines {line}–{last} give {', '.join(repr(k) for _, k in run)} again "
                    f"(first given on line {first_line(key)})",
                    f"if these lines are the next entry, put '- ' before its first key, on line {line} or "
                    "just above it", stage=Stage.PARSE))
            return
        for key_node, key in repeated:
            key_pos = _pos(key_node)
            self.problems.append(Issue(self.display, key_pos.line, key_pos.column, format_path((*path, key)),
                                         f"duplicate key '{key}' (first given on line {first_line(key)})",
                                         "remove one of the two", stage=Stage.PARSE))


def _lost_entry(node: MappingNode, repeated: list[tuple[ScalarNode, str]], path: FieldPath) -> bool:
    """Whether the keys given again look like the next entry of a list without its '- ': an entry of
    a list, several keys again, among them the one its entries start with (`id`, `type`). Two
    `label`s in one entry are a duplicate, not a lost entry."""
    if len(repeated) < 2 or not path or not isinstance(path[-1], int):
        return False
    starts_with = next((_key_text(k) for k, _ in node.value if type(k) is ScalarNode), None)
    return any(key == starts_with for _, key in repeated)


def _first_key(node: MappingNode, key: str) -> ScalarNode:
    return next(k for k, _ in node.value if type(k) is ScalarNode and _key_text(k) == key)


def _path_text(path: FieldPath) -> str:
    return format_path(path)


def _decode(raw: bytes, display: str) -> tuple[str | None, list[Issue]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [Issue(display, line, column, "(file)",
                              f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                              "save the file as UTF-8", stage=Stage.PARSE)]
    text = text.removeprefix("\ufeff")
    control = _CONTROL.search(text)
    if control:
        line, column = line_column(text, control.start())
        name = "a NUL character" if control.group() == "\0" else f"the control character U+{ord(control.group()):04X}"
        return None, [Issue(display, line, column, "(file)", f"the file contains {name}",
                              "save it as plain UTF-8 text; remove the character", stage=Stage.PARSE)]
    return text, []


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def read_text(path: Path, root: Path) -> tuple[str | None, list[Issue]]:
    """The text of a regular file inside ``root``; anything else (a folder, a pipe, a link out of the
    repository, bad UTF-8) is a located problem and nothing is read."""
    display = display_path(path, root)
    refusal = _not_a_source_file(path, root)
    if refusal:
        return None, [Issue(display, 1, 1, "(file)", refusal, stage=Stage.PARSE)]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Issue(display, 1, 1, "(file)", f"cannot read the file: {exc.strerror}",
                              stage=Stage.PARSE)]
    return _decode(raw, display)


def _not_a_source_file(path: Path, root: Path) -> str | None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return "the file does not exist"
    except OSError as exc:
        return f"cannot read the file: {exc.strerror}"
    if stat.S_ISLNK(mode):
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            return "this is a link to a file outside the repository; only files in the repository are read"
        try:
            mode = target.stat().st_mode
        except OSError:
            return "this is a link to nothing (a broken symbolic link)"
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file; only files are read here"
    if not stat.S_ISREG(mode):
        return "this is not a regular file (a pipe, socket or device); it is not read"
    return None


def parse_text(text: str, display: str, path: Path | None = None, *,
               tags_allowed: bool = False) -> tuple[Source | None, list[Issue]]:
    """Parse one YAML document held in ``text``; never raises for bad input. ``tags_allowed``: for
    mkdocs.yml, whose `!ENV` tags mkdocs reads; content never means one."""
    tab = _TAB_INDENT.search(text)
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        column = tab.end() - tab.start()
        return None, [Issue(display, line, column, "(file)", "a tab character is used for indentation",
                              "indent with spaces only", stage=Stage.PARSE)]
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        unclosed = _unclosed_bracket(exc)
        if unclosed:
            return None, [unclosed.__class__(**{**unclosed.__dict__, "path": display})]
        said = explain(text, exc)
        return None, [Issue(display, said.line, said.column, "(file)", said.message, said.hint, stage=Stage.PARSE)]
    except yaml.YAMLError as exc:
        reason = str(getattr(exc, "reason", "") or exc).splitlines()[0]
        line, column = line_column(text, getattr(exc, "position", 0) or 0)
        return None, [Issue(display, line, column, "(file)", f"invalid YAML: {reason}", stage=Stage.PARSE)]
    if node is None:
        return None, [Issue(display, 1, 1, "(file)", "the file is empty",
                              "copy an existing file from this folder and edit it", stage=Stage.PARSE)]
    builder = _Builder(display, aliases_possible="*" in text)  # an alias is written '*name'
    try:
        data = builder.build(node, ())
    except _AliasUsed:
        return None, [_alias_problem(text, display)]
    source = Source(path or Path(display), display, data, text, lost_ids=tuple(builder.lost_ids))
    problems = builder.problems
    if _may_be_cut(text):  # rare: most files have no '#' against a word after a space at all
        problems = [*problems, *_cut_by_comments(node, text.split("\n"), display)]
    # rare: a value that starts with '&' or '!' (the pattern alone over every file cost a second of
    # `kb check` at 10,000 organisations; the two plain searches first, a hundredth of that)
    if not tags_allowed and ("&" in text or "!" in text) and _MAY_BE_MARKED.search(text):
        problems = [*problems, *_marked_values(text, display)]
    return source, problems


# "name: &Co vets" and "notes: !important" parse, but YAML reads '&Co' as the value's label and
# '!important' as its type, and leaves both out of the text without a word
_MAY_BE_MARKED = re.compile(r"(?:^|[:?-])[ \t]+[&!]|[\[{,][ \t]*[&!]|^[&!]", re.MULTILINE)


def _quote_item(line: str, at: int) -> str:
    """The hint for the value starting at ``at``: an item of a list written in brackets ("[a, !b]") is
    quoted alone, up to its ',' or bracket; any other value, with its whole line (quote_it)."""
    if line[:at].rstrip()[-1:] in ("[", "{", ","):
        item = re.split(r"[,\]}]", line[at:], maxsplit=1)[0].strip().replace('"', '\\"')
        return f"put that item in quotes: \"{item}\""
    return quote_it(line)


def _marked_values(text: str, display: str) -> list[Issue]:
    """An error at each label ('&name') or type ('!name') written where a value starts."""
    found = []
    lines = text.split("\n")
    for event in yaml.parse(text, Loader=_LOADER):
        if not isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            continue
        for sign, name in (("&", event.anchor), ("!", event.tag)):  # a tag is there only if written
            if name is None:
                continue
            line = lines[event.start_mark.line] if event.start_mark.line < len(lines) else ""
            written = line.find(sign, event.start_mark.column)
            column = (written if written >= 0 else event.start_mark.column) + 1
            found.append(Issue(display, event.start_mark.line + 1, column, "(file)", sign_message(sign),
                               _quote_item(line, column - 1), stage=Stage.PARSE))
    return found


# A value written without quotes ends where ' #' starts a comment: "We are #1 for rats", "Rats only, no
# #hamsters" and "01632 960123 #2 for emergencies" lose what follows, silently. A comment is almost
# always written '# ' with a space; a '#' against a word or a figure is read as text that was cut.
_CUT_HERE = re.compile(r"[ \t]+#(?=[^\s#])")
CUT_BY_COMMENT_MESSAGE = "the text from ' #' on is left out: YAML reads ' #' as the start of a comment"
CUT_BY_COMMENT_HINT = "put the whole value in quotes; if it is a comment, write '# ' with a space after it"


def _may_be_cut(text: str) -> bool:
    """Whether ``text`` has a '#' against a word or figure after a space or tab (one plain search through
    its '#'s, a few a file: a pattern over every file's text cost half a second of `kb check` at 10,000
    organisations)."""
    at = text.find("#")
    while at >= 0:
        after = text[at + 1:at + 2]
        if at and text[at - 1] in " \t" and after and not after.isspace() and after != "#":
            return True
        at = text.find("#", at + 1)
    return False


def _cut_by_comments(root: Node, lines: list[str], display: str) -> list[Issue]:
    """A warning at each '#' that cuts an unquoted value short, at its field."""
    found: list[Issue] = []
    pending: list[tuple[Node, FieldPath]] = [(root, ())]
    while pending:
        node, path = pending.pop()
        if isinstance(node, MappingNode):
            pending += [(value, (*path, _key_text(key))) for key, value in node.value if type(key) is ScalarNode]
        elif isinstance(node, SequenceNode):
            pending += [(item, (*path, index)) for index, item in enumerate(node.value)]
        elif isinstance(node, ScalarNode) and not node.style and node.end_mark.line < len(lines):
            cut = _CUT_HERE.match(lines[node.end_mark.line], node.end_mark.column)
            if cut:
                found.append(Issue(display, node.end_mark.line + 1, cut.end(), format_path(path),
                                   CUT_BY_COMMENT_MESSAGE, CUT_BY_COMMENT_HINT, severity=Severity.WARNING,
                                   stage=Stage.CONTENT))
    return sorted(found, key=lambda issue: (issue.line, issue.column))


def _alias_problem(text: str, display: str) -> Issue:
    alias = next((event for event in yaml.parse(text, Loader=_LOADER) if isinstance(event, yaml.AliasEvent)),
                 None)
    line, column = (alias.start_mark.line + 1, alias.start_mark.column + 1) if alias else (1, 1)
    name = f"*{alias.anchor}" if alias else "*"
    return Issue(display, line, column, "(file)", f"YAML aliases ('{name}') are not allowed in content files",
                   "write the value out in full", stage=Stage.PARSE)


_FLOW_CONTEXTS = {"while parsing a flow sequence": ("list", "[", "]"),
                  "while parsing a flow mapping": ("mapping", "{", "}")}


def _unclosed_bracket(exc: yaml.MarkedYAMLError) -> Issue | None:
    """The parser blames the line after an unclosed `[` or `{`; point at the bracket instead."""
    found = _FLOW_CONTEXTS.get((exc.context or "").strip())
    if not found or exc.context_mark is None:
        return None
    what, opener, closer = found
    mark = exc.context_mark
    return Issue("", mark.line + 1, mark.column + 1, "(file)",
                   f"invalid YAML: the {what} opened with '{opener}' here is never closed",
                   f"add the missing '{closer}'", stage=Stage.PARSE)


def load_file(path: Path, root: Path) -> tuple[Source | None, list[Issue]]:
    """Read and parse one file; problems name it relative to ``root``."""
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    return parse_file_text(text, path, root)


def parse_file_text(text: str, path: Path, root: Path) -> tuple[Source | None, list[Issue]]:
    """The text read from ``path``, parsed as `load_file` does."""
    with TIMINGS.stage("load"):
        return parse_text(text, display_path(path, root), path)


def display_path(path: Path, root: Path) -> str:
    # the common case by string: pathlib's relative_to was three calls a file, 2 % of `kb check`
    text, base = str(path), str(root)
    if _SEP == "/" and base != "/" and text.startswith(base) and text[len(base):len(base) + 1] == "/":
        return text[len(base) + 1:]
    try:  # then without filesystem calls
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
