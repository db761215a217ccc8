"""Charts with Korean labels: the NanumGothic font shipped by ``koreanize-matplotlib`` is
registered explicitly, so labels never render as tofu boxes on a fresh machine.

Every function draws on an Axes (a new one unless ``ax`` is given) and returns it; word clouds
take a fixed ``random_state`` so the same counts always give the same picture.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes

FONT_NAME = "NanumGothic"


@cache
def korean_font_path() -> Path:
    """Path of the bundled NanumGothic TTF (from the koreanize-matplotlib package)."""
    import importlib.util

    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or spec.origin is None:
        raise RuntimeError("koreanize-matplotlib is not installed; run `pip install -e .` to get the Korean font")
    path = Path(spec.origin).parent / "fonts" / "NanumGothic.ttf"
    if not path.exists():
        raise RuntimeError(f"{path}: Korean font missing from koreanize-matplotlib; reinstall it")
    return path


@cache
def use_korean_font() -> str:
    """Register NanumGothic with matplotlib and make it the default font (once per process)."""
    import matplotlib as mpl
    from matplotlib import font_manager

    for ttf in korean_font_path().parent.glob("NanumGothic*.ttf"):
        font_manager.fontManager.addfont(str(ttf))
    mpl.rcParams["font.family"] = FONT_NAME
    mpl.rcParams["axes.unicode_minus"] = False
    mpl.rcParams["svg.hashsalt"] = "analysis"
    return FONT_NAME


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    import matplotlib.pyplot as plt

    use_korean_font()
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def bar_terms(freq: pd.DataFrame, *, top: int = 20, value: str = "count", ax: Axes | None = None,
              title: str = "상위 단어") -> Axes:
    """Horizontal bars of the ``top`` terms of a frequency table (``term`` and ``value`` columns)."""
    ax = _axes(ax, (7, 0.3 * top + 1))
    data = freq.head(top).iloc[::-1]
    ax.barh(data["term"].astype(str), data[value], color="#3a6ea5")
    ax.set_xlabel({"count": "빈도", "tfidf": "TF-IDF", "g2": "로그우도(G²)"}.get(value, value))
    ax.set_title(title)
    return ax


def word_cloud(freq: pd.DataFrame, *, top: int = 100, random_state: int = 42, ax: Axes | None = None,
               title: str = "워드클라우드") -> Axes:
    """A word cloud of a frequency table, drawn with the Korean font and a fixed ``random_state``."""
    from wordcloud import WordCloud

    ax = _axes(ax, (8, 4.5))
    counts = dict(zip(freq["term"].astype(str).head(top), freq["count"].head(top), strict=True))
    cloud = WordCloud(font_path=str(korean_font_path()), width=800, height=450, background_color="white",
                      random_state=random_state, prefer_horizontal=1.0, collocations=False)
    ax.imshow(cloud.generate_from_frequencies(counts), interpolation="bilinear")
    ax.set_axis_off()
    ax.set_title(title)
    return ax


def network(edges: pd.DataFrame, *, ax: Axes | None = None, seed: int = 42, title: str = "공기어 네트워크") -> Axes:
    """A co-occurrence network (``source, target, weight`` edges) with a seeded spring layout."""
    import networkx as nx

    ax = _axes(ax, (8, 7))
    graph: nx.Graph = nx.Graph()
    for s, t, w in zip(edges["source"], edges["target"], edges["weight"], strict=True):
        graph.add_edge(str(s), str(t), weight=float(w))
    if not graph:
        ax.text(0.5, 0.5, "연결이 없습니다", ha="center", va="center")
        ax.set_axis_off()
        return ax
    pos = nx.spring_layout(graph, seed=seed, weight="weight")
    widths = [0.5 + graph[u][v]["weight"] for u, v in graph.edges]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, alpha=0.35, edge_color="#777777")
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=[200 + 60 * graph.degree(n) for n in graph], node_color="#a8c6e8")
    nx.draw_networkx_labels(graph, pos, ax=ax, font_family=FONT_NAME, font_size=10)
    ax.set_axis_off()
    ax.set_title(title)
    return ax


def lines(table: pd.DataFrame, *, x: str = "period", y: str = "per_10k", group: str = "term", ax: Axes | None = None,
          title: str = "추이", ylabel: str = "1만 단어당 빈도") -> Axes:
    """One line per ``group`` over ``x`` (a trend table)."""
    ax = _axes(ax, (9, 4))
    for name, g in table.groupby(group, sort=False, observed=True):
        ax.plot(g[x].astype(str), g[y], marker="o", label=str(name))
    ax.set_xlabel("기간")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=9, ncols=2)
    ax.tick_params(axis="x", labelrotation=45)
    return ax


def heatmap(matrix: pd.DataFrame, *, ax: Axes | None = None, title: str = "", fmt: str = "{:.1f}",
            cmap: str = "Blues") -> Axes:
    """A labelled heatmap of a DataFrame (rows × columns), each cell annotated."""
    ax = _axes(ax, (1.2 * matrix.shape[1] + 2, 0.45 * matrix.shape[0] + 1.5))
    ax.imshow(matrix.to_numpy(dtype=float), cmap=cmap, aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns], rotation=30, ha="right")
    ax.set_yticks(range(matrix.shape[0]), [str(i) for i in matrix.index])
    top = float(matrix.to_numpy(dtype=float).max()) if matrix.size else 0.0
    for i in range(matrix.shape[0]):
        for j in range(matrix.shape[1]):
            v = float(matrix.iat[i, j])
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=8,
                    color="white" if top and v > 0.6 * top else "black")
    ax.set_title(title)
    return ax


def bars(series: pd.Series, *, ax: Axes | None = None, title: str = "", xlabel: str = "", horizontal: bool = True
         ) -> Axes:
    """Bars of a Series (index as labels), in the Series' order."""
    ax = _axes(ax, (7, 0.32 * len(series) + 1.2) if horizontal else (8, 4))
    if horizontal:
        ax.barh([str(i) for i in series.index[::-1]], series.to_numpy()[::-1], color="#3a6ea5")
        ax.set_xlabel(xlabel)
    else:
        positions = range(len(series))
        ax.bar(positions, series.to_numpy(), color="#3a6ea5")
        ax.set_xticks(positions, [str(i) for i in series.index], rotation=45 if len(series) > 12 else 0)
        ax.set_ylabel(xlabel)
    ax.set_title(title)
    return ax


def hist(values: pd.Series, *, bins: int = 30, ax: Axes | None = None, title: str = "", xlabel: str = "") -> Axes:
    """A histogram of ``values`` (e.g. article lengths)."""
    ax = _axes(ax, (8, 3.5))
    ax.hist(values.to_numpy(dtype=float), bins=bins, color="#3a6ea5", edgecolor="white")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("기사 수")
    ax.set_title(title)
    return ax


def keyness_panels(table: pd.DataFrame, *, groups: int = 4, top: int = 8, title: str = "특징어") -> Axes:
    """Small multiples of a :func:`analysis.keywords.keyness_by` table: G² of the top terms of the last ``groups`` groups.

    Returns the first panel's Axes (the figure holds one panel per group).
    """
    import matplotlib.pyplot as plt

    use_korean_font()
    names = list(dict.fromkeys(table["group"].astype(str)))[-groups:]
    if not names:
        ax = _axes(None, (6, 2))
        ax.text(0.5, 0.5, "비교할 집단이 없습니다", ha="center", va="center")
        ax.set_axis_off()
        return ax
    fig, axes = plt.subplots(1, len(names), figsize=(3.2 * len(names), 0.35 * top + 1.5), layout="constrained", squeeze=False)
    for ax, name in zip(axes[0], names, strict=True):
        rows = table[table["group"].astype(str) == name].head(top).iloc[::-1]
        ax.barh(rows["term"].astype(str), rows["g2"], color="#b5523b")
        ax.set_title(str(name))
        ax.set_xlabel("G²")
    fig.suptitle(title)
    return axes[0][0]
