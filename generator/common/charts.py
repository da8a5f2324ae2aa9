"""Charts as inline, accessible SVG, drawn at build time with matplotlib's SVG backend.

Only published (suppressed) figures are plotted; a hidden value is a gap in the line. Output is
made reproducible: a fixed hash salt for element ids and no creation date in the metadata.
"""

from __future__ import annotations

import atexit
import base64
import calendar
import collections
import contextlib
import functools
import io
import json
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import Future
from xml.etree import ElementTree

SVG_NS = "http://www.w3.org/2000/svg"
ElementTree.register_namespace("", SVG_NS)
ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
# colours distinguishable in greyscale as well; lines also differ in marker and dash
STYLES = [("#00574b", "o", "-"), ("#a33000", "s", "--"), ("#1565c0", "^", "-."), ("#6a1b9a", "D", ":"),
          ("#424242", "v", "-")]


@functools.cache
def pyplot():  # noqa: ANN201 - matplotlib.pyplot, imported only when something is drawn
    """matplotlib, set up for the site's drawings. Imported on first use: it takes a second, and
    `kb check` (or a build with no metrics) draws nothing."""
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415 - the backend is chosen first

    # every label repeats its font list, so the list is one family (then the reader's sans-serif)
    plt.rcParams.update({"svg.hashsalt": "kb-charts", "svg.fonttype": "none", "font.size": 9,
                         "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]})
    return plt


class Chart:
    """A chart being drawn: the page reads the SVG when it is written (as safe HTML)."""

    def __init__(self, kind: str, key: str, drawing: Future[str] | None) -> None:
        self._kind, self._key, self._drawing = kind, key, drawing
        self._svg: str | None = None

    def __html__(self) -> str:
        if self._svg is None:
            with contextlib.suppress(OSError, ValueError):  # the drawing process failed: draw it here instead
                self._svg = self._drawing.result() if self._drawing is not None else None
            if self._svg is None:
                self._svg = draw(self._kind, self._key)
        return self._svg

    __str__ = __html__


def draw(kind: str, key: str) -> str:
    """Draw one chart from its JSON arguments (in the drawing process, or here)."""
    args, kwargs = json.loads(key)
    return _DRAWINGS[kind](*args, **kwargs)


class _Drawer:
    """One process (generator/common/chart_worker.py) that draws the charts while this one plans and
    renders the rest of the site: matplotlib's drawing, seconds per build, runs on the second core.
    Requests and drawings are JSON lines on its stdin and stdout, answered in order."""

    def __init__(self) -> None:
        self._process = subprocess.Popen([sys.executable, "-m", "generator.common.chart_worker"],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                         encoding="utf-8")
        self._waiting: collections.deque[Future[str]] = collections.deque()
        self._submitted: list[Future[str]] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        atexit.register(self.close)

    def close(self) -> None:
        """Let the process end (its input closes) and wait for it, so none is left behind."""
        with self._lock:
            if self._process.stdin is not None and not self._process.stdin.closed:
                self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def submit(self, kind: str, key: str) -> Future[str]:
        drawing: Future[str] = Future()
        with self._lock:
            self._waiting.append(drawing)
            self._submitted.append(drawing)
            assert self._process.stdin is not None
            self._process.stdin.write(json.dumps([kind, key]) + "\n")
            self._process.stdin.flush()
        return drawing

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            with self._lock:
                drawing = self._waiting.popleft()
            answer = json.loads(line)
            if "svg" in answer:
                drawing.set_result(answer["svg"])
            else:
                drawing.set_exception(ValueError(answer.get("error", "the chart could not be drawn")))
        with self._lock:  # the process ended: whatever it had not drawn is drawn here
            while self._waiting:
                self._waiting.popleft().set_exception(OSError("the drawing process ended"))


    def settle(self) -> None:
        """Wait until every chart asked for is drawn (or has failed)."""
        with self._lock:
            submitted, self._submitted = self._submitted, []
        futures.wait(submitted)


_DRAWER: list[_Drawer | None] = []


def settle_drawings() -> None:
    """Before this process forks (generator/host/page_split.py): a forked copy has no thread reading
    the drawings, so one still being drawn would keep its page waiting for ever."""
    if _DRAWER and _DRAWER[0] is not None:
        _DRAWER[0].settle()


def _drawer() -> _Drawer | None:
    if not _DRAWER:
        try:
            _DRAWER.append(_Drawer())
        except OSError:
            _DRAWER.append(None)
    return _DRAWER[0]


def _remembered(kind: str) -> Callable[..., Chart]:
    """`kb serve` rebuilds on every edit and the figures rarely change, so a chart asked for again
    with the same arguments is the same drawing."""
    @functools.lru_cache(maxsize=128)
    def by_arguments(key: str) -> Chart:
        drawer = _drawer()
        try:
            return Chart(kind, key, drawer.submit(kind, key) if drawer is not None else None)
        except OSError:  # the drawing process is gone: the chart is drawn here when a page needs it
            return Chart(kind, key, None)

    def remembered(*args: object, **kwargs: object) -> Chart:
        return by_arguments(json.dumps([args, kwargs]))

    return remembered


def period_label(period: str) -> str:
    """'2026-05' -> 'May\n2026', '2026-Q2' -> 'Q2\n2026': short enough for a phone's axis."""
    year, part = period.split("-")
    return f"{part if part.startswith('Q') else calendar.month_abbr[int(part)]}\n{year}"


def period_name(period: str) -> str:
    """'2026-05' -> 'May 2026', '2026-Q2' -> 'Q2 2026': how tables and sentences name a period."""
    year, part = period.split("-")
    return f"{part if part.startswith('Q') else calendar.month_name[int(part)]} {year}"


def _line_chart(chart_id: str, title: str, description: str, x_labels: list[str],
               series: list[tuple[str, list[float | None]]], y_label: str, y_max: float | None = None) -> str:
    figure, axes = pyplot().subplots(figsize=(4.4, 3.6))
    for index, (name, values) in enumerate(series):
        colour, marker, dash = STYLES[index % len(STYLES)]
        points = [float("nan") if v is None else v for v in values]
        axes.plot([period_label(label) for label in x_labels], points, color=colour, marker=marker,
                  linestyle=dash, label=name, linewidth=1.8)
    axes.set_ylabel(y_label)
    if y_max is not None:
        axes.set_ylim(0, y_max)
    else:
        axes.set_ylim(bottom=0)
    axes.grid(axis="y", color="#dddddd")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False, fontsize=8)
    figure.tight_layout()
    return _accessible_svg(figure, chart_id, title, description)


def _bar_chart(chart_id: str, title: str, description: str, categories: list[str],
              series: list[tuple[str, list[float | str]]], y_label: str) -> str:
    """Bars; a value given as text is a hidden figure, drawn as that text where its bar would be."""
    figure, axes = pyplot().subplots(figsize=(4.4, 3.6))
    width = 0.8 / max(1, len(series))
    for index, (name, values) in enumerate(series):
        colour, _, _ = STYLES[index % len(STYLES)]
        positions = [i + index * width for i in range(len(categories))]
        heights = [0 if isinstance(v, str) else v for v in values]
        bars = axes.bar(positions, heights, width=width, color=colour, label=name,
                        hatch=["", "//", "..", "xx"][index % 4], edgecolor="white")
        for bar, value in zip(bars, values, strict=True):
            if isinstance(value, str):  # hidden: no bar, a visible marker instead
                axes.annotate(value, (bar.get_x() + width / 2, 0), ha="center", va="bottom", fontsize=7)
    axes.set_xticks([i + width * (len(series) - 1) / 2 for i in range(len(categories))], categories,
                    rotation=20, ha="right")
    axes.set_ylabel(y_label)
    axes.grid(axis="y", color="#dddddd")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False, fontsize=8)
    figure.tight_layout()
    return _accessible_svg(figure, chart_id, title, description)


# Coordinates to a tenth of a point (about a tenth of a pixel on a phone): matplotlib writes six
# decimals, which made the charts a quarter of a metrics page's download. Text is left alone.
_GEOMETRY = re.compile(r'(\s(?:d|transform|x|y|x1|x2|y1|y2|width|height|points)=")([^"]*)"')
_NUMBER = re.compile(r"-?\d+\.\d{2,}")


def _tenth(match: re.Match[str]) -> str:
    return f"{float(match.group(0)):.1f}"


def _accessible_svg(figure, chart_id: str, title: str, description: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    pyplot().close(figure)
    root = ElementTree.fromstring(buffer.getvalue())
    for element in list(root.iter()):  # matplotlib's own <title>/<metadata> would be read out first
        for child in list(element):
            if child.tag in (f"{{{SVG_NS}}}metadata",):
                element.remove(child)
    title_el = ElementTree.Element(f"{{{SVG_NS}}}title", {"id": f"{chart_id}-title"})
    title_el.text = title
    desc_el = ElementTree.Element(f"{{{SVG_NS}}}desc", {"id": f"{chart_id}-desc"})
    desc_el.text = description
    root.insert(0, desc_el)
    root.insert(0, title_el)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    root.set("class", "kb-chart")
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)  # scale with the page; viewBox keeps the shape
    svg = _GEOMETRY.sub(lambda m: m.group(1) + _NUMBER.sub(_tenth, m.group(2)) + '"',
                        ElementTree.tostring(root, encoding="unicode"))
    # matplotlib's internal ids are not unique across several charts on one page: prefix them
    return re.sub(r'(id="|url\(#|href="#)([^"\)]+)', lambda m: f"{m.group(1)}{chart_id}-{m.group(2)}"
                  if not m.group(2).startswith(chart_id) else m.group(0), svg)


def _app_icon(size: int) -> str:
    """The app icon, a PNG as base64 text (answers are text): white lettering on the site's green."""
    plt = pyplot()
    figure = plt.figure(figsize=(1, 1), dpi=size)
    figure.patch.set_facecolor("#003d34")
    figure.text(0.5, 0.52, "SOS", ha="center", va="center", color="white", fontsize=22, fontweight="bold")
    figure.text(0.5, 0.2, "small pets", ha="center", va="center", color="white", fontsize=7)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=size, facecolor="#003d34", metadata={"Software": None})
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


_DRAWINGS: dict[str, Callable[..., str]] = {"line": _line_chart, "bar": _bar_chart, "icon": _app_icon}
line_chart = _remembered("line")
bar_chart = _remembered("bar")
# drawn by the drawing process too: importing matplotlib was half a second of the build's own time,
# spent only on the two icons
app_icon = _remembered("icon")


def icon_png(drawing: Chart) -> bytes:
    """The PNG bytes of an `app_icon(size)` drawing."""
    return base64.b64decode(str(drawing))
