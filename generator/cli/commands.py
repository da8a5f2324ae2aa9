"""The `kb` command's work (generator/cli/__init__.py starts it): check, build and serve the knowledge
base, write a template for a new entry, or regenerate the JSON Schemas. Content types (for `kb new`
and the schemas) come from the registry.

May import every other package of the generator."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.cli.new import new_kinds
from generator.core.settings import EDITIONS
from generator.core.staleness import EVERYWHERE, POLICIES
from generator.host.config import load_site_config, settings_from_config
from generator.host.guard import guarded, print_report, stale_policy
from generator.site.pipeline import load_catalog


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
    build.add_argument("--edition", choices=EDITIONS, default="public",
                       help="members: the members' edition, with what only vetted members may see, for a host behind "
                            "access control (default site folder: site_dir with -members)")

    new = commands.add_parser("new", help="write a commented template for a new entry (refuses an existing id)")
    new.add_argument("kind", help=", ".join(new_kinds()))
    new.add_argument("id", help="the new entry's id: lower-case words joined by hyphens")

    commands.add_parser("schemas", help="write schemas/ from the models and point every YAML file at its schema")

    stale = commands.add_parser("stale", help="print the entries to re-check (as on the audit page) grouped by "
                                "their owners in CODEOWNERS, as Markdown")
    stale.add_argument("--site-url", default="", help="the published site's address, for links")

    serve = commands.add_parser("serve", help="serve with live reload, watching directory/ and content/")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    command.add_argument("--stale-fails", choices=POLICIES, default=EVERYWHERE,
                         help="where problems that only time causes (an entry not verified for a year, an "
                         "overdue review or service) may fail the run: everywhere (default); only in files "
                         "changed since --base (pull requests); nowhere (the deploy of main)")
    command.add_argument("--base", default="origin/main", metavar="REV",
                         help="with --stale-fails changed: the branch the change is compared with")
    command.add_argument("--format", choices=("text", "github"),
                         default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
                         help="problem format (github: workflow annotations; default when GITHUB_ACTIONS is set)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return guarded(lambda: _run(args))


def _run(args: argparse.Namespace) -> int:
    config_file: Path = args.config_file
    if not config_file.is_file():
        print(f"kb: {config_file} not found; run kb from the repository root or pass -f", file=sys.stderr)
        return 2
    if args.command == "serve":
        return _serve(config_file, args.dev_addr)
    if args.command == "schemas":
        from generator.cli.schemas import annotate, write_schemas  # noqa: PLC0415

        root = config_file.resolve().parent
        written, (annotated, skipped) = write_schemas(root), annotate(root)
        for path, why in skipped:
            print(f"kb: {path.relative_to(root)}: left without a schema line: {why}", file=sys.stderr)
        print(f"kb: {len(written)} schema(s) written, {len(annotated)} file(s) given a schema line")
        return 0

    if args.command == "build":  # checks in its first process (generator/host/build_stage.py)
        from generator.host.build import build  # noqa: PLC0415

        return build(config_file, strict=args.strict, fmt=args.format, site_dir=args.site_dir,
                     timings=args.timings, stale=(args.stale_fails, args.base), edition=args.edition)
    # kb check reads mkdocs.yml only for the settings it needs (quickly: no theme or plugins are loaded);
    # kb build and kb serve validate the rest of it, each problem a located line as well
    catalog, problems = load_catalog(settings_from_config(config_file))
    if args.command == "new":
        return _new(catalog, args.kind, args.id)
    if args.command == "stale":
        from generator.site.stale_report import stale_report  # noqa: PLC0415

        print(stale_report(catalog, args.site_url), end="")
        return 0
    problems = stale_policy(problems, catalog.settings.root, args.stale_fails, args.base)
    return 0 if print_report(problems, strict=args.strict, fmt=args.format) else 1


def _new(catalog, kind: str, entry_id: str) -> int:
    from generator.cli.new import NewEntryError, new_entry, reminder  # noqa: PLC0415

    try:
        path = new_entry(catalog, kind, entry_id)
    except NewEntryError as exc:
        print(f"kb: {exc}", file=sys.stderr)
        return 1
    print(f"kb: wrote {path.relative_to(catalog.settings.root)}: replace the values marked CHANGE, then run kb check")
    if reminder(kind):
        print(f"kb: {reminder(kind)}")
    return 0


def _serve(config_file: Path, dev_addr: str) -> int:
    from mkdocs.exceptions import MkDocsException  # noqa: PLC0415

    from generator.host.preview import serve  # noqa: PLC0415

    load_site_config(config_file)  # a broken mkdocs.yml is reported as located lines, not a traceback
    try:
        serve(config_file, dev_addr)
    except MkDocsException as exc:
        print(f"kb: serve failed: {exc}", file=sys.stderr)
        return 1
    return 0

