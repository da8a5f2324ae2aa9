"""Markdown never carries scripts, handlers, styles or links off the site into the HTML (issue 16):
the rendered HTML of every Markdown field is sanitised with an allow-list, the checks say where the
unsafe text is, and the hand-written pages keep attribute lists for Material's buttons only."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.cli import main as kb_main
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from generator.site.plan import plan_pages
from generator.site.render import make_environment, render_body
from tests.helpers import make_tree, page

HOSTILE = """
See [the guide][evil] and [that page](//evil.example/x) and [home](\\\\evil.example).
A [styled link](https://ok.example){: style="position:fixed;top:0;left:0;width:100%;height:100%" }
and a [handler](https://ok.example){: onclick="window.__pwned=1" } and
[a rewritten link](https://ok.example){: href="javascript:window.__pwned=2" }.

Plain <b onmouseover="x">raw HTML</b> and <javascript:window.__pwned=3>.

[evil]: javascript:window.__pwned=4
"""


def unsafe(html: BeautifulSoup) -> list[str]:
    found = []
    for element in html.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") or name == "style":
                found.append(f"<{element.name} {name}>")
            if name in ("href", "src") and (text.strip().lower().startswith("javascript:")
                                            or text.strip().startswith(("//", "\\"))):
                found.append(f"<{element.name} {name}={text}>")
    return found


@pytest.fixture(scope="module")
def hostile_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("markdown"))
    first_aid = tree / "content/first-aid/keeping-warm.md"
    first_aid.write_text(first_aid.read_text(encoding="utf-8") + HOSTILE, encoding="utf-8")
    module = tree / "content/training/oxygen-therapy-for-rodents.yml"
    indented = "\n".join("      " + line if line else "" for line in HOSTILE.strip().splitlines())
    module.write_text(module.read_text(encoding="utf-8").replace(
        "    body: |\n", "    body: |\n" + indented + "\n\n", 1), encoding="utf-8")
    return tree


def test_the_checks_say_where_each_unsafe_part_is(hostile_tree: Path) -> None:
    _, problems = load_catalog(Settings(root=hostile_tree, demo_data=True))
    body = [p.text() for p in problems.sorted() if p.path == "content/first-aid/keeping-warm.md"]
    messages = [line.split(": error: (body): ", 1)[1] for line in body]
    assert sorted(messages) == sorted([
        "a link starting with '//' leads off the site without saying where (write the whole address, starting "
        "with https://)",
        "a link starting with '//' leads off the site without saying where (write the whole address, starting "
        "with https://)",
        *["attribute lists ('{: …}') are not allowed here (remove it: the site's templates decide how text looks)"]
        * 3,
        "links to 'javascript:' are not allowed; use https://, mailto: or tel:",
        "links to 'javascript:' are not allowed; use https://, mailto: or tel:",
    ]), body
    section = [p for p in problems.sorted() if p.path.endswith("oxygen-therapy-for-rodents.yml")]
    assert {p.field for p in section} == {"sections[0].body"}  # a field has no lines: one problem of each kind
    assert len(section) == 3, [p.text() for p in section]


@pytest.mark.parametrize("url", ["first-aid/keeping-warm/", "training/oxygen-therapy-for-rodents/"])
def test_no_unsafe_markup_reaches_the_html_of_a_markdown_field(hostile_tree: Path, url: str) -> None:
    catalog, _ = load_catalog(Settings(root=hostile_tree, demo_data=True))
    env = make_environment(catalog)
    spec = next(s for s in plan_pages(catalog) if s.url == url)
    body = render_body(env, spec)
    if spec.markdown:  # as the host would: mkdocs runs the page through Markdown with mkdocs.yml's extensions
        body = markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])
    html = BeautifulSoup(body, "html.parser")
    assert unsafe(html) == []
    assert "raw HTML" in html.get_text() and html.find("b", onmouseover=True) is None


def test_headings_of_a_first_aid_body_make_the_table_of_contents(fixture_site: Path) -> None:
    html = page(fixture_site, "first-aid/keeping-warm")
    assert [a.get_text(strip=True) for a in html.select("nav.md-nav--secondary a")] == ["What to do", "Do not"]
    assert html.find("h2", id="what-to-do") is not None


def test_hand_written_pages_keep_buttons_and_lose_handlers_and_styles(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    home = tree / "content/pages/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[Get help](get-help.md){ .md-button .md-button--primary }\n"
                    '[Trap](get-help.md){ onclick="window.__pwned=1" style="position:fixed" }\n'
                    "<div onmouseover=\"window.__pwned=2\" style=\"position:fixed\">raw</div>\n", encoding="utf-8")
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict"]) == 0
    article = page(tree / "site", "").select_one("article")
    assert unsafe(article) == []
    assert article.select("a.md-button.md-button--primary")
