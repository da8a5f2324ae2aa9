"""Issues found in the input, and the one place that formats them for people and for CI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"  # becomes an error with --strict
    NOTE = "note"  # informational, never fails a build


class Stage(StrEnum):
    PARSE = "parse"
    SCHEMA = "schema"
    REFERENCE = "reference"
    CONTENT = "content"
    FRESHNESS = "freshness"  # only the passing of time made it a problem (a verification or review aged)


@dataclass(frozen=True, order=True)
class Issue:
    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    stage: Stage = Stage.SCHEMA

    def text(self) -> str:
        suffix = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.field}: {self.message}{suffix}"

    def github(self) -> str:
        level = {"error": "error", "warning": "warning", "note": "notice"}[self.severity]
        suffix = f" ({self.hint})" if self.hint else ""
        message = _escape_github(f"{self.field}: {self.message}{suffix}")
        return (
            f"::{level} file={_escape_github_property(self.path)},line={self.line},"
            f"col={self.column},title={_escape_github_property(self.field)}::{message}"
        )


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Issues:
    """An ordered collection; loading and validation append, the CLI reports."""

    items: list[Issue] = field(default_factory=list)

    def add(self, problem: Issue) -> None:
        self.items.append(problem)

    def extend(self, problems: Issues | list[Issue]) -> None:
        self.items.extend(problems.items if isinstance(problems, Issues) else problems)

    def __iter__(self):
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Issue]:
        return sorted(set(self.items), key=lambda p: (p.path, p.line, p.column, p.field, p.message))

    def count(self, severity: Severity) -> int:
        return sum(1 for p in set(self.items) if p.severity == severity)

    def failing(self, strict: bool) -> bool:
        return self.count(Severity.ERROR) > 0 or (strict and self.count(Severity.WARNING) > 0)

    def promoted(self, strict: bool) -> list[Issue]:
        """The problems as they are reported: with --strict, warnings are errors."""
        if not strict:
            return self.sorted()
        return [
            Issue(**{**p.__dict__, "severity": Severity.ERROR}) if p.severity == Severity.WARNING else p
            for p in self.sorted()
        ]


def report(problems: Issues, *, strict: bool, fmt: str = "text") -> list[str]:
    """Lines to print, ending with a one-line summary."""
    shown = problems.promoted(strict)
    lines = [p.github() if fmt == "github" else p.text() for p in shown]
    errors = sum(1 for p in shown if p.severity == Severity.ERROR)
    warnings = sum(1 for p in shown if p.severity == Severity.WARNING)
    notes = sum(1 for p in shown if p.severity == Severity.NOTE)
    lines.append(f"{errors} error(s), {warnings} warning(s), {notes} note(s)")
    return lines
