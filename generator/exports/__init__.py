"""Open data: the network's published data as static files for other systems (a JSON API with an
OpenAPI document, Open Referral HSDS, CSV, vCards, Atom feeds, one zip of it all) and the
"Use our data" page that documents them.

Everything is made from the Catalog at build time, in memory, and written straight into the site
folder while mkdocs builds (at 10,000 organisations the files add up to 400 MB, too much to hold until
mkdocs copies its files). `kb build` makes and writes them in a forked process beside the build
(generator/host/file_writer.py): the page needs only a summary of them (``summarise``), which is
JSON so that it can cross from that process. `kb build` builds into a staging folder, so a failure
still leaves no half-written export behind. Every content type's collection comes from the registry
(ContentType.export), and so do the private fields no export may carry (ContentType.private).

May import generator.core, generator.common and generator.kinds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from typing import IO, Any

from jinja2 import Environment

from generator.common.collector import collector_paused
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec
from generator.exports.api import API, api_documents, dump_json
from generator.exports.archive import Archive
from generator.exports.csv_export import CSV_PATH, directory_csv
from generator.exports.endpoints import ARCHIVE, OPENAPI, Endpoint, endpoints
from generator.exports.hsds import hsds_documents
from generator.exports.licence import licence_of
from generator.exports.openapi import openapi_document
from generator.exports.public import collections
from generator.exports.vcard import vcard_files
from generator.kinds.training.pages import session_file
from generator.kinds.training.views import module_list

PAGE = "open-data.md"
# endpoints whose example is shown inline on the page (the others are linked)
SNIPPETS = (f"{API}/index.json", f"{API}/species/{{id}}.json", "api/hsds/services/{id}.json", CSV_PATH,
            "api/vcards/{id}.vcf")
SNIPPET_LINES = 16


@dataclass(frozen=True)
class Exports:
    files: dict[str, bytes]  # by path in the site
    endpoints: list[Endpoint]
    collections: list[dict[str, Any]]  # each collection's name, title and count


def catalog_exports(catalog: Catalog, site_url: str, site_name: str, extra: Mapping[str, Any]) -> Exports:
    """The exports made from the catalog alone, and the endpoint table describing every export."""
    licence = licence_of(extra)
    found_collections = collections(catalog, site_url)
    # held as UTF-8 bytes: one curly quote turns a Python string into two bytes per character, and
    # at 10,000 organisations these files are 300 MB as bytes; each is written as JSON as it comes
    files = {path: dump_json(data) for path, data in api_documents(found_collections, licence, site_name).items()}
    counted = [{"name": c.name, "title": c.title, "count": len(c.items)} for c in found_collections]
    # the entries are written: what follows needs only what describes them (hundreds of MB at scale)
    found_collections = [replace(c, items=[]) for c in found_collections]
    files.update((path, dump_json(data)) for path, data in hsds_documents(catalog, site_url))
    files[CSV_PATH] = directory_csv(catalog, site_url).encode("utf-8")
    files.update((path, text.encode("utf-8")) for path, text in vcard_files(catalog, site_url).items())
    found = endpoints(catalog, found_collections)
    files[OPENAPI] = dump_json(openapi_document(found_collections, found, licence, site_name))
    return Exports(files, found, counted)


def summarise(catalog: Catalog, exports: Exports) -> dict[str, Any]:
    """What the "Use our data" page and the build need to know of the exports, as JSON: every
    file's path, each endpoint with an example file (and a few lines of it for SNIPPETS), and each
    collection's size."""
    files = exports.files
    known = sorted([*files, *(session_file(m.id, s.id) for m in module_list(catalog) for s in m.sessions)])
    groups: dict[str, list[tuple[dict[str, Any], str | None, str | None]]] = {}
    for endpoint in exports.endpoints:
        example = endpoint.example(known)
        snippet = _snippet(files[example]) if endpoint.path in SNIPPETS and example in files else None
        groups.setdefault(endpoint.group, []).append((asdict(endpoint), example, snippet))
    return {"paths": [*files, ARCHIVE], "groups": list(groups.items()),
            "collections": exports.collections}


def summarised_exports(catalog: Catalog, site_url: str, site_name: str,
                       extra: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The summary of the exports and their files' bytes by path; the collections they were made
    from are let go on return (only the bytes are written). Made with the garbage collector paused
    (generator/common/collector.py): at 10,000 organisations it rescanned them for seconds."""
    with collector_paused():
        exports = catalog_exports(catalog, site_url, site_name, extra)
        return summarise(catalog, exports), exports.files


def plan_open_data(catalog: Catalog, summary: Mapping[str, Any], site_name: str,
                   extra: Mapping[str, Any]) -> list[PageSpec]:
    groups = [(group, [(Endpoint(**endpoint), example, snippet) for endpoint, example, snippet in items])
              for group, items in summary["groups"]]
    return [PageSpec(PAGE, "open-data.html", "Use our data",
                     "The network's data as a JSON API, Open Referral HSDS, CSV, vCards and feeds, with its licence.",
                     {"licence": licence_of(extra), "groups": groups, "site_name": site_name,
                      "demo": catalog.settings.demo_data, "collections": summary["collections"]})]


def _snippet(data: bytes) -> str:
    text = data.decode("utf-8")
    if text.startswith(("{", "[")):  # JSON files are compact; the page shows them indented
        text = json.dumps(json.loads(text), ensure_ascii=False, indent=1, sort_keys=True)
    lines = text.lstrip("\ufeff").splitlines()
    return "\n".join(lines[:SNIPPET_LINES]) + ("\n…" if len(lines) > SNIPPET_LINES else "")


def readme(env: Environment, catalog: Catalog, site_url: str, site_name: str, extra: Mapping[str, Any]) -> str:
    """The archive's README.txt."""
    return env.get_template("open-data-readme.txt").render(
        licence=licence_of(extra), site_name=site_name, site_url=site_url, demo=catalog.settings.demo_data)


def data_files(data: dict[str, bytes]) -> Iterator[DataFile]:
    """Each data file, its bytes let go once yielded (hundreds of MB at scale): ``data`` is emptied."""
    for path in list(data):
        yield DataFile(path, data.pop(path))


def write_archive(paths: Iterable[str], read: Callable[[str], bytes], readme_text: str, archive_file: IO[bytes],
                  should_stop: Callable[[], bool] = lambda: False) -> bool:
    """The zip of the data files at ``paths`` (each read with ``read`` as it is added, so one at a time
    is held) and the README, written into ``archive_file`` (ARCHIVE in the site), entries in sorted
    order. False if ``should_stop`` said so before the zip was finished."""
    entries = sorted([*((path.removeprefix("api/"), path) for path in paths), ("README.txt", "")],
                     key=lambda entry: entry[0])
    archive = Archive("open-data", archive_file)
    for name, path in entries:
        if should_stop():
            return False
        archive.add(name, read(path) if path else readme_text)
    archive.close()
    return True
