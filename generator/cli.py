"""The `kb` command: check, build and serve the knowledge base."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from generator.catalog import load_catalog
from generator.config import settings_from_config
from generator.problems import report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kb", description="Check, build and serve the emergency-care "
                                     "knowledge base from directory/ and content/.")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate every file and print problems")
    _common(check)

    build = commands.add_parser("build", help="check, then build and index the site")
    _common(build)
    build.add_argument("--site-dir", type=Path, help="where to write the site (default: site_dir in mkdocs.yml)")
    build.add_argument("--timings", type=Path, metavar="FILE", help="write seconds per build stage to FILE (JSON)")

    new = commands.add_parser("new", help="write a commented template for a new entry (refuses an existing id)")
    new.add_argument("kind", help="organisation, equipment, volunteer-group, problem, case, module, metrics, "
                     "first-aid")
    new.add_argument("id", help="the new entry's id: lower-case words joined by hyphens")

    commands.add_parser("schemas", help="write schemas/ from the models and point every YAML file at its schema")

    serve = commands.add_parser("serve", help="serve with live reload, watching directory/ and content/")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    command.add_argument("--format", choices=("text", "github"),
                         default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
                         help="problem format (github: workflow annotations; default when GITHUB_ACTIONS is set)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never show a traceback to contributors
        if os.environ.get("KB_DEBUG"):
            traceback.print_exc()
        print(f"kb: internal error: {exc.__class__.__name__}: {exc} (set KB_DEBUG=1 for details)",
              file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    config_file: Path = args.config_file
    if not config_file.is_file():
        print(f"kb: {config_file} not found; run kb from the repository root or pass -f", file=sys.stderr)
        return 2
    if args.command == "serve":
        return _serve(config_file, args.dev_addr)
    if args.command == "schemas":
        from generator.schemas import annotate, write_schemas  # noqa: PLC0415

        root = config_file.resolve().parent
        written, annotated = write_schemas(root), annotate(root)
        print(f"kb: {len(written)} schema(s) written, {len(annotated)} file(s) given a schema line")
        return 0

    settings = settings_from_config(config_file)
    catalog, problems = load_catalog(settings)
    if args.command == "new":
        return _new(catalog, args.kind, args.id)
    for line in report(problems, strict=args.strict, fmt=args.format):
        print(line, file=sys.stderr if problems.failing(args.strict) else sys.stdout)
    if problems.failing(args.strict):
        return 1
    if args.command == "check":
        return 0

    from generator.build import BuildFailed, build_site  # noqa: PLC0415 - mkdocs is slow to import

    try:
        target = build_site(config_file, catalog, problems, strict=args.strict, site_dir=args.site_dir)
    except BuildFailed as exc:
        print(f"kb: build failed: {exc}; the previous site was left as it was", file=sys.stderr)
        return 1
    print(f"kb: built {len(catalog.organisations)} organisations into {target}")
    if args.timings:
        from generator.timings import TIMINGS  # noqa: PLC0415

        TIMINGS.write(args.timings)
    return 0


def _new(catalog, kind: str, entry_id: str) -> int:
    from generator.new import REMINDERS, NewEntryError, new_entry  # noqa: PLC0415

    try:
        path = new_entry(catalog, kind, entry_id)
    except NewEntryError as exc:
        print(f"kb: {exc}", file=sys.stderr)
        return 1
    print(f"kb: wrote {path.relative_to(catalog.settings.root)}: replace the values marked CHANGE, then run kb check")
    if kind in REMINDERS:
        print(f"kb: {REMINDERS[kind]}")
    return 0


def _serve(config_file: Path, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve  # noqa: PLC0415
    from mkdocs.exceptions import MkDocsException  # noqa: PLC0415

    try:
        serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True, watch_theme=True)
    except MkDocsException as exc:
        print(f"kb: serve failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
