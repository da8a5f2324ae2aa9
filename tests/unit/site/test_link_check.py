"""Links within the site that lead nowhere (generator/common/link_targets.py, generator/site/link_check.py):
each way of writing a link, one that leads to a page and one that does not; "did you mean"; a link in a
YAML block scalar reported at its own line and column; and the demo's links all leading to pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.common.link_targets import SitePages, judge
from generator.core.issues import Severity
from generator.core.settings import Settings
from generator.core.specs import PageSpec
from generator.exports import PAGE
from generator.site.contribute import plan_contribute
from generator.site.link_check import check_links
from generator.site.pipeline import load_catalog
from generator.site.plan import plan_pages
from tests.helpers import REPO, make_tree

PAGES = SitePages.of(["index.md", "about.md", "get-help.md", "triage/index.md", "triage/bleeding.md",
                      "regions/northvale.md", "directory/find.md"], redirects=["organisations/old-name/"])


def _judged(target: str, page: str = "about.md", *, files_become_addresses: bool = True):
    return judge(target, page, PAGES, files_become_addresses=files_become_addresses)


@pytest.mark.parametrize("target", ["triage/bleeding.md", "triage/index.md#what-to-do", "get-help.md"])
def test_markdown_path_to_a_page_passes(target: str) -> None:
    assert _judged(target) is None


def test_markdown_path_relative_to_the_page_file() -> None:
    assert _judged("../get-help.md", "triage/bleeding.md") is None
    assert _judged("bleeding.md", "triage/index.md") is None
    assert _judged("triage/bleeding.md", "triage/index.md") is not None  # that would be triage/triage/…


def test_markdown_path_leading_nowhere_with_did_you_mean() -> None:
    verdict = _judged("triage/bleding.md")
    assert verdict is not None and verdict.severity == Severity.ERROR
    assert verdict.message == "the link 'triage/bleding.md' leads to no page"
    assert verdict.hint == "did you mean 'triage/bleeding.md'?"


def test_did_you_mean_is_written_relative_to_the_page() -> None:
    assert _judged("../get-halp.md", "triage/index.md").hint == "did you mean '../get-help.md'?"


def test_no_did_you_mean_for_a_name_that_only_shares_the_folder() -> None:
    assert _judged("triage/nothing.md").hint == ""


@pytest.mark.parametrize("target", ["../get-help/", "../regions/northvale/", "../regions/northvale", "../",
                                    "../organisations/old-name/"])
def test_relative_address_to_a_page_passes(target: str) -> None:
    assert _judged(target) is None  # about.md is published at about/


def test_relative_address_leading_nowhere() -> None:
    verdict = _judged("../get-halp/")
    assert verdict.message == "the link '../get-halp/' leads to no page"
    assert verdict.hint == "did you mean '../get-help/'?"
    assert _judged("get-help/").hint == "did you mean '../get-help/'?"  # from about/, that is about/get-help/


def test_address_above_the_site_root_leads_nowhere() -> None:
    assert _judged("../../get-help/").message == "the link '../../get-help/' leads to no page"


def test_address_from_the_root_to_a_page_is_a_warning_with_the_relative_link() -> None:
    verdict = _judged("/triage/bleeding/")
    assert verdict.severity == Severity.WARNING
    assert verdict.hint.startswith("write '../triage/bleeding/': ")


def test_address_from_the_root_leading_nowhere_is_an_error() -> None:
    verdict = _judged("/triage/bleding/")
    assert verdict.severity == Severity.ERROR
    assert verdict.hint == "did you mean '/triage/bleeding/'?"


@pytest.mark.parametrize("target", ["https://example.org/x.md", "mailto:a@b.example", "tel:01632960000",
                                    "#on-this-page", "pictures/rat.png", "open-data/directory.csv"])
def test_links_not_judged(target: str) -> None:
    assert _judged(target) is None


def test_markdown_path_in_a_field_is_no_address() -> None:
    """Contributors' Markdown in YAML is published as written: a .md path leads nowhere there."""
    verdict = _judged("../triage/bleeding.md", "regions/northvale.md", files_become_addresses=False)
    assert verdict.message == "the link '../triage/bleeding.md' leads to no page"
    assert verdict.hint == "link to the page's address here, not its file: did you mean '../../triage/bleeding/'?"


def test_address_in_a_field_relative_to_its_page() -> None:
    assert _judged("../bleeding/", "triage/index.md", files_become_addresses=False) is not None  # triage/ → bleeding/
    assert _judged("bleeding/", "triage/index.md", files_become_addresses=False) is None


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("links"))
    module = tree / "content" / "training" / "oxygen-therapy-for-rodents.yml"
    text = module.read_text(encoding="utf-8")
    anchor = "      - open-mouth breathing or obvious abdominal effort;\n"
    assert anchor in text
    module.write_text(text.replace(anchor, anchor + "      - see [the guide](../../triage/heatstroke/) and "
                                   "[signs](../../triage/no-such-sign/);\n"), encoding="utf-8")
    (tree / "content" / "pages" / "links.md").write_text(
        "---\ntitle: Links\n---\n\n# Links\n\n[Home](index.md), `[code](nowhere.md)`,\n"
        "[broken](triage/heatstrok.md).\n", encoding="utf-8")
    return tree


@pytest.fixture(scope="module")
def found(tree: Path) -> list[str]:
    catalog, problems = load_catalog(Settings(root=tree, demo_data=True))
    assert not problems.failing(strict=False)
    return [p.text() for p in check_links(catalog, plan_pages(catalog), tree / "content" / "pages")]


def _line_of(path: Path, token: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if token in line:
            return number, line.index(token) + 1
    raise AssertionError(token)


def test_link_in_a_yaml_block_scalar_at_its_own_line_and_column(tree: Path, found: list[str]) -> None:
    module = tree / "content" / "training" / "oxygen-therapy-for-rodents.yml"
    line, column = _line_of(module, "../../triage/no-such-sign/")
    assert (f"content/training/oxygen-therapy-for-rodents.yml:{line}:{column}: error: sections[0].body: the link "
            "'../../triage/no-such-sign/' leads to no page") in found
    assert not any("triage/heatstroke/" in problem for problem in found)  # a module page is training/<id>/


def test_hand_written_page_link_at_its_line_and_column(tree: Path, found: list[str]) -> None:
    line, column = _line_of(tree / "content" / "pages" / "links.md", "triage/heatstrok.md")
    assert found == [
        f"content/pages/links.md:{line}:{column}: error: (body): the link 'triage/heatstrok.md' leads to no page "
        "(did you mean 'triage/heatstroke.md'?)", *[p for p in found if "training" in p]]
    assert len(found) == 2


def test_the_demo_content_links_only_to_pages() -> None:
    catalog, _ = load_catalog(Settings(root=REPO, demo_data=True))
    # the pages the build plans once the open data is made (generator/host/plugin.py), as it names them
    specs = plan_pages(catalog) + plan_contribute(catalog, {}) + [PageSpec(PAGE, "open-data.html", "", "")]
    assert check_links(catalog, specs, REPO / "content" / "pages") == []


# From a review of the first version: a page's file as the site has it, and a guess at one
@pytest.mark.parametrize(("target", "hint"), [
    ("triage/bleding/index.html", "did you mean 'triage/bleeding/'?"),
    ("triage/bleeding.html", "did you mean 'triage/bleeding/'?"),
])
def test_an_html_file_of_no_page_leads_nowhere(target: str, hint: str) -> None:
    verdict = _judged(target, "index.md")
    assert verdict is not None and verdict.hint == hint


@pytest.mark.parametrize("target", ["triage/bleeding/index.html", "index.html", "404.html"])
def test_an_html_file_that_is_a_page_or_another_file_is_not_refused(target: str) -> None:
    assert _judged(target, "index.md") is None
