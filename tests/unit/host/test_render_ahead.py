"""kb build renders a page's body together with the next ones its process writes
(KnowledgeBasePlugin._render_ahead): the bodies are the ones each page would get on its own, only this
process's pages are rendered (every other page when two processes write them), and a page whose
template fails is left to fail when mkdocs writes it, so the error names that page."""

from __future__ import annotations

from pathlib import Path

from generator.core.specs import PageSpec
from generator.host.plugin import RENDER_AHEAD, KnowledgeBasePlugin
from generator.site.render import TEMPLATES, make_environment, render_body


class _Forked:
    forked = True


def _plugin(demo_catalog, tmp_path: Path, uris: list[str], *, two_processes: bool = False) -> KnowledgeBasePlugin:
    (tmp_path / "page.html").write_text("<p>{{ page_url }}{{ this_fails_on(page_url) }}</p>", encoding="utf-8")
    env = make_environment(demo_catalog, templates=[tmp_path, TEMPLATES])

    def this_fails_on(url: str) -> str:
        if url == "c/":
            raise RuntimeError("a broken page")
        return ""
    env.globals["this_fails_on"] = this_fails_on
    plugin = KnowledgeBasePlugin()
    plugin._env = env
    plugin._page_order = uris
    plugin._page_index = {uri: index for index, uri in enumerate(uris)}
    plugin.html_pages = {uri: PageSpec(uri, "page.html", uri, "", {}) for uri in uris if uri.endswith("index.md")}
    plugin._split = _Forked() if two_processes else None  # type: ignore[assignment]
    return plugin


def test_the_next_pages_are_rendered_as_each_would_be_alone(demo_catalog, tmp_path: Path) -> None:
    uris = [f"{name}/index.md" for name in ("a", "b")] + ["hand-written.md"] + [
        f"p{n}/index.md" for n in range(RENDER_AHEAD + 5)]
    plugin = _plugin(demo_catalog, tmp_path, uris)
    plugin._render_ahead("a/index.md")
    ahead = uris[1:RENDER_AHEAD]
    assert set(plugin._bodies) == {uri for uri in ahead if uri in plugin.html_pages}
    for uri, body in plugin._bodies.items():
        assert body == render_body(plugin._env, plugin.html_pages[uri])


def test_with_two_processes_only_every_other_page_is_this_processs(demo_catalog, tmp_path: Path) -> None:
    uris = [f"p{n}/index.md" for n in range(10)]
    plugin = _plugin(demo_catalog, tmp_path, uris, two_processes=True)
    plugin._render_ahead("p1/index.md")
    assert sorted(plugin._bodies) == [f"p{n}/index.md" for n in (3, 5, 7, 9)]


def test_a_page_that_fails_is_left_to_fail_in_its_own_turn(demo_catalog, tmp_path: Path) -> None:
    uris = [f"{name}/index.md" for name in "abcde"]
    plugin = _plugin(demo_catalog, tmp_path, uris)
    plugin._render_ahead("a/index.md")
    assert sorted(plugin._bodies) == ["b/index.md"]
