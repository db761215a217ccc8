"""Themes (디지털 전환, 탄소중립, …) scored per sentence, paragraph, article, speaker and period.

A theme is a list of terms in ``corpus/themes.toml``. A term matches a morpheme's form, a
predicate's lemma, or up to three adjacent morphemes whose forms join to it (``기후 위기`` and
``기후위기`` both match 기후/위기). Every score is traceable: :func:`theme_hits` lists each match
with its article, sentence and character offsets.

Every function takes the corpus first (a build folder, a :class:`~analysis.dataset.Dataset`
narrowed or not, or a :class:`Corpus` in memory). Matching runs part by part (each part holds
whole articles, so memory holds one part); lengths and totals are DuckDB queries.

Example:
    >>> themes = load_themes()
    >>> "탄소중립" in themes
    True
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import numpy as np
import pandas as pd

from .dataset import Dataset, Source
from .resources import THEMES_FILE, ResourceError

MAX_PARTS: Final = 3
#: Tags not counted in an article's length (punctuation, symbols).
NON_WORD_TAGS: Final = ("SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "W_URL", "W_EMAIL", "W_HASHTAG", "W_MENTION")


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme: its name, description and terms (spaces removed for matching)."""

    name: str
    description: str
    terms: tuple[str, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(t.replace(" ", "") for t in self.terms)


def load_themes(path: str | Path = THEMES_FILE) -> dict[str, Theme]:
    """Read and check a theme lexicon (TOML).

    Raises:
        ResourceError: the file is missing or not TOML, a theme lacks ``terms``, or an entry is
            empty, not a string, or repeated — the message names the file, theme and entry.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResourceError(f"{path}: theme lexicon not found") from None
    except tomllib.TOMLDecodeError as err:
        raise ResourceError(f"{path}: not valid TOML: {err}") from None
    table = data.get("themes")
    if not isinstance(table, dict) or not table:
        raise ResourceError(f'{path}: no [themes."NAME"] tables')
    themes: dict[str, Theme] = {}
    for name, spec in table.items():
        where = f'{path}: theme "{name}"'
        if not isinstance(spec, dict):
            raise ResourceError(f"{where}: expected a table with `terms`")
        unknown = set(spec) - {"terms", "description"}
        if unknown:
            raise ResourceError(f"{where}: unknown key(s) {sorted(unknown)}; use `terms` and `description`")
        raw = spec.get("terms")
        if not isinstance(raw, list) or not raw:
            raise ResourceError(f"{where}: `terms` must be a non-empty list of strings")
        seen: dict[str, int] = {}
        for number, term in enumerate(raw, start=1):
            if not isinstance(term, str) or not term.strip():
                raise ResourceError(f"{where}: term {number} ({term!r}) is not a non-empty string")
            key = term.replace(" ", "")
            if key in seen:
                raise ResourceError(f"{where}: term {number} ({term!r}) repeats term {seen[key]}")
            if len(term.split()) > MAX_PARTS:
                raise ResourceError(f"{where}: term {number} ({term!r}) has more than {MAX_PARTS} words")
            seen[key] = number
        themes[name] = Theme(name=name, description=str(spec.get("description", "")), terms=tuple(raw))
    return themes


HIT_COLUMNS: Final = ["article_id", "paragraph_id", "sent_id", "theme", "term", "start", "end"]
_UNIT_KEYS: Final = {"article": ["article_id"], "paragraph": ["article_id", "paragraph_id"],
                     "sentence": ["article_id", "sent_id"]}


def theme_hits(source: Source, *, themes: Mapping[str, Theme] | None = None) -> pd.DataFrame:
    """Every match of every theme term: ``article_id, paragraph_id, sent_id, theme, term, start, end``.

    A stretch of text matched by a longer term (디지털 전환) is not counted again for a shorter one
    (디지털) of the same theme. Sorted in corpus order (article by article), then offset, then theme.

    The candidates are found by DuckDB: each morpheme's form and lemma, and runs of two or three
    morphemes of one sentence whose joined forms begin a term, joined with the lexicon — so the work
    is one pass over the tokens, whatever the corpus size.

    Example:
        >>> theme_hits(corpus).query("theme == '탄소중립'").head(2)  # doctest: +SKIP
    """
    themes = load_themes() if themes is None else themes
    ds = Dataset.of(source)
    names = list(themes)
    entries = [(n, t) for n, name in enumerate(names) for t in themes[name].terms]
    terms = sorted({t for _, t in entries})
    term_id = {t: i for i, t in enumerate(terms)}
    keys = pd.DataFrame({"theme_id": [n for n, _ in entries], "key": pd.Series([t.replace(" ", "") for _, t in entries],
                         dtype="string"), "term_id": [term_id[t] for _, t in entries]})
    prefixes = sorted({k[:n] for k in keys["key"] for n in range(1, len(k) + 1)})
    pieces = sorted({k[i:j] for k in keys["key"] for i in range(len(k)) for j in range(i + 1, len(k) + 1)})
    ds.register("_theme_keys", keys)
    ds.register("_key_prefixes", pd.DataFrame({"p": pd.Series(prefixes, dtype="string")}))
    ds.register("_key_pieces", pd.DataFrame({"p": pd.Series(pieces, dtype="string")}))
    # candidates in three small steps, each materialised, so every join builds on the few candidates, never on the tokens
    con = ds.con
    con.execute("""CREATE OR REPLACE TEMP TABLE _c1 AS
        SELECT article_id, sent_id, token_id AS i, token_id AS last, start, "end", 1 AS parts, 0 AS rank, key FROM (
            SELECT article_id, sent_id, token_id, start, "end", replace(form, ' ', '') AS key FROM tokens
            WHERE replace(form, ' ', '') IN (SELECT p FROM _key_prefixes))
        UNION ALL
        SELECT article_id, sent_id, token_id, token_id, start, "end", 1, 1, lemma FROM tokens
        WHERE lemma <> '' AND lemma IN (SELECT key FROM _theme_keys)""")
    # a morpheme that continues a term is a piece of one: only those tokens are joined to the candidates
    con.execute("""CREATE OR REPLACE TEMP TABLE _t AS SELECT article_id, sent_id, token_id, "end", replace(form, ' ', '') AS f
        FROM tokens WHERE replace(form, ' ', '') IN (SELECT p FROM _key_pieces)""")
    for parts in (2, 3):
        con.execute(f"""CREATE OR REPLACE TEMP TABLE _c{parts} AS
            SELECT c.article_id, c.sent_id, c.i, t.token_id AS last, c.start, t."end", {parts} AS parts, {parts} AS rank,
                   c.key || t.f AS key
            FROM (SELECT * FROM _c{parts - 1} WHERE rank <> 1) c
            JOIN _t t ON t.article_id = c.article_id AND t.token_id = c.last + 1 AND t.sent_id = c.sent_id
            WHERE c.key || t.f IN (SELECT p FROM _key_prefixes)""")
    cand = ds.sql("""
        WITH c AS (SELECT * FROM _c1 UNION ALL SELECT * FROM _c2 UNION ALL SELECT * FROM _c3)
        SELECT c.article_id, s.paragraph_id, c.sent_id, k.theme_id, k.term_id, c.start, c."end", c.parts, c.rank, c.i, o.ord
        FROM c JOIN _theme_keys k USING (key)
        JOIN sentences s ON s.article_id = c.article_id AND s.sent_id = c.sent_id
        JOIN article_order o ON o.article_id = c.article_id""")
    for table in ("_c1", "_c2", "_c3", "_t"):
        con.execute(f"DROP TABLE {table}")
    if cand.empty:
        return pd.DataFrame({c: pd.Series(dtype="string" if c in ("article_id", "theme", "term") else "int64")
                             for c in HIT_COLUMNS})
    rows = []
    for number in range(len(names)):
        hit = cand[cand["theme_id"] == number]
        if hit.empty:
            continue
        # the longest match wins where matches of one theme overlap (a form before a lemma, then position)
        hit = hit.sort_values(["ord", "start", "parts", "rank", "i"], ascending=[True, True, False, True, True], kind="stable")
        hit = hit.drop_duplicates(["article_id", "start"])
        reach = hit.groupby("ord", sort=False)["end"].cummax()  # the furthest end so far in the article
        prev_end = reach.groupby(hit["ord"], sort=False).shift(1).fillna(-1)
        rows.append(hit[hit["start"] >= prev_end])
    hits = pd.concat(rows, ignore_index=True)
    hits["theme"] = pd.Categorical.from_codes(hits["theme_id"].to_numpy(), categories=names)  # few: compact categoricals
    hits["term"] = pd.Categorical.from_codes(hits["term_id"].to_numpy(), categories=terms)
    hits = hits.iloc[_theme_name_order(hits, names)]
    return hits[HIT_COLUMNS].reset_index(drop=True).astype(
        {"article_id": "string", "paragraph_id": "int32", "sent_id": "int32", "start": "int32", "end": "int32"})


def _theme_name_order(hits: pd.DataFrame, names: list[str]) -> np.ndarray:
    """Row order by corpus order, offset, then theme name (as strings sort), for :func:`theme_hits`."""
    rank = np.argsort(np.argsort(np.asarray(names, dtype=object), kind="stable"), kind="stable")  # name order of each theme
    return np.lexsort((rank[hits["theme_id"].to_numpy()], hits["start"].to_numpy(), hits["ord"].to_numpy()))


def _words_sql() -> str:
    """Words (non-punctuation morphemes) per sentence, as SQL over the ``tokens`` view."""
    tags = ", ".join(f"'{t}'" for t in NON_WORD_TAGS)
    return f"""SELECT article_id, sent_id, count(*) AS tokens FROM tokens
               WHERE CAST(tag AS VARCHAR) NOT IN ({tags}) GROUP BY article_id, sent_id"""


def _lengths(ds: Dataset, unit: Literal["article", "paragraph", "sentence"], *, only: str = "") -> pd.DataFrame:
    """Words (non-punctuation morphemes) and sentences per unit (of the articles in table ``only``, if given)."""
    keys = _UNIT_KEYS[unit]
    cols = ", ".join(f"s.{k}" for k in keys)
    where = f"WHERE s.article_id IN (SELECT article_id FROM {only})" if only else ""
    out = ds.sql(f"""
        WITH w AS ({_words_sql()}),
        s AS (SELECT s.article_id, s.paragraph_id, s.sent_id, coalesce(w.tokens, 0) AS tokens
              FROM sentences s LEFT JOIN w USING (article_id, sent_id) {where})
        SELECT {cols}, sum(s.tokens)::BIGINT AS tokens, count(*)::BIGINT AS n_sentences FROM s GROUP BY {cols}""")
    return out.astype({"article_id": "string"})


def _article_order(ds: Dataset) -> dict[str, int]:
    """Article id → position in corpus order."""
    order = ds.sql("SELECT article_id, ord FROM article_order")
    return dict(zip(order["article_id"], order["ord"], strict=True))


def scores(source: Source, *, unit: Literal["article", "paragraph", "sentence"] = "article",
           themes: Mapping[str, Theme] | None = None, hits: pd.DataFrame | None = None,
           article_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Theme scores per unit: hits per 1,000 words and the share of sentences touching the theme.

    ``article_ids`` limits the table to those articles (the paragraphs of one article, say).

    Returns:
        One row per unit and theme (zeros included): the unit's keys, ``theme, score, hits,
        sentences, share, terms`` — ``terms`` the matched terms by frequency (the evidence),
        ``sentences`` how many of the unit's sentences touch the theme. Sorted by unit (corpus
        order) then theme in lexicon order.
    """
    ds = Dataset.of(source)
    themes = load_themes() if themes is None else themes
    hits = theme_hits(ds, themes=themes) if hits is None else hits
    keys = _UNIT_KEYS[unit]
    hits = hits.astype({"theme": "string", "term": "string"})  # counted as strings: a category would list every term
    only = ""
    if article_ids is not None:
        ds.register("_scored_articles", pd.DataFrame({"article_id": pd.Series(list(article_ids), dtype="string")}))
        hits, only = hits[hits["article_id"].isin(set(article_ids))], "_scored_articles"
    base = _lengths(ds, unit, only=only)
    grid = base.merge(pd.DataFrame({"theme": pd.Series(list(themes), dtype="string")}), how="cross")
    agg = hits.groupby([*keys, "theme"], observed=True).agg(
        hits=("term", "size"), sentences=("sent_id", "nunique"),
        terms=("term", lambda s: [t for t, _ in sorted(s.value_counts().items(), key=lambda kv: (-kv[1], kv[0]))]),
    ).reset_index()
    agg = agg.astype({k: grid[k].dtype for k in [*keys, "theme"]})
    out = grid.merge(agg, on=[*keys, "theme"], how="left")
    out["hits"] = out["hits"].fillna(0).astype("int64")
    out["sentences"] = out["sentences"].fillna(0).astype("int64")
    out["terms"] = out["terms"].apply(lambda v: [str(t) for t in v] if isinstance(v, list | np.ndarray) else [])
    out["score"] = np.round(np.where(out["tokens"] > 0, out["hits"] / out["tokens"].clip(lower=1) * 1000, 0.0), 3)
    out["share"] = np.round(out["sentences"] / out["n_sentences"].clip(lower=1), 4)
    theme_order = {name: i for i, name in enumerate(themes)}
    art_order = _article_order(ds)
    out = out.sort_values([*keys, "theme"], key=lambda s: s.map(art_order) if s.name == "article_id"
                          else s.map(theme_order) if s.name == "theme" else s, kind="stable")
    return out[[*keys, "theme", "score", "hits", "sentences", "share", "tokens", "terms"]].reset_index(drop=True)


def top_articles(source: Source, *, n: int = 20, themes: Mapping[str, Theme] | None = None,
                 hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``n`` articles with the highest summed theme score, as an article × theme table of scores (hits per
    1,000 words), highest first, ties in corpus order — computed from per-article totals, never the full grid."""
    ds = Dataset.of(source)
    themes = load_themes() if themes is None else themes
    hits = theme_hits(ds, themes=themes) if hits is None else hits
    counts = hits.groupby(["article_id", "theme"], observed=True).size().rename("hits").reset_index()
    words = _lengths(ds, "article").set_index("article_id")["tokens"]
    counts["score"] = (counts["hits"] / counts["article_id"].map(words).clip(lower=1) * 1000).round(3)
    wide = counts.pivot_table(index="article_id", columns="theme", values="score", observed=False, fill_value=0.0)
    wide = wide.reindex(columns=list(themes), fill_value=0.0)
    wide.columns = pd.Index(list(themes), name="theme")
    order = _article_order(ds)
    ranked = wide.assign(_total=wide.sum(axis=1), _ord=wide.index.map(order))
    ranked = ranked.sort_values(["_total", "_ord"], ascending=[False, True], kind="stable").head(n)
    return ranked.drop(columns=["_total", "_ord"])


def article_scores(source: Source, *, themes: Mapping[str, Theme] | None = None) -> pd.DataFrame:
    """Per article and theme: ``article_id, theme, score, hits, sentences`` (see :func:`scores`)."""
    return scores(source, unit="article", themes=themes)[["article_id", "theme", "score", "hits", "sentences"]]


def evidence(source: Source, *, themes: Mapping[str, Theme] | None = None, hits: pd.DataFrame | None = None
             ) -> pd.DataFrame:
    """The sentences that carry each theme, with the terms matched in them.

    Returns ``article_id, paragraph_id, sent_id, theme, terms, text`` sorted by article, sentence, theme.
    """
    ds = Dataset.of(source)
    hits = theme_hits(ds, themes=themes) if hits is None else hits
    hits = hits.astype({"theme": "string", "term": "string"})  # sorted as strings, as the table promises
    per = hits.groupby(["article_id", "paragraph_id", "sent_id", "theme"], observed=True, sort=False)["term"] \
        .agg(lambda s: sorted(set(s))).rename("terms").reset_index()
    per["terms"] = per["terms"].map(lambda v: [str(t) for t in v])
    ds.register("_evidence", per[["article_id", "sent_id"]].drop_duplicates().astype({"article_id": "string"}))
    text = ds.sql("""SELECT s.article_id, s.sent_id, s.text FROM sentences s
                     JOIN _evidence e ON e.article_id = s.article_id AND e.sent_id = s.sent_id""")
    text = text.set_index(["article_id", "sent_id"])["text"]
    per["text"] = text.reindex(pd.MultiIndex.from_frame(per[["article_id", "sent_id"]].astype({"sent_id": "int32"}))
                               ).to_numpy()
    return per.sort_values(["article_id", "sent_id", "theme"], kind="stable").reset_index(drop=True)


def corpus_shares(source: Source, *, themes: Mapping[str, Theme] | None = None, hits: pd.DataFrame | None = None
                  ) -> pd.DataFrame:
    """Across the corpus: ``theme, articles, article_share, sentences, sentence_share, hits, per_1k``."""
    ds = Dataset.of(source)
    themes = load_themes() if themes is None else themes
    hits = theme_hits(ds, themes=themes) if hits is None else hits
    n_words = int(ds.sql(f"SELECT coalesce(sum(tokens), 0) AS n FROM ({_words_sql()})")["n"].iloc[0])
    return share_table(theme_counts(hits, themes), n_articles=ds.count("articles"), n_sentences=ds.count("sentences"),
                       n_words=n_words)


def theme_counts(hits: pd.DataFrame, themes: Mapping[str, Theme]) -> pd.DataFrame:
    """Per theme (lexicon order): articles and sentences touched, and hits."""
    counts = pd.DataFrame({
        "articles": hits.groupby("theme", observed=True)["article_id"].nunique(),
        "sentences": hits[["theme", "article_id", "sent_id"]].drop_duplicates().groupby("theme", observed=True).size(),
        "hits": hits.groupby("theme", observed=True).size(),
    })
    counts.index = counts.index.astype(object)
    return counts.reindex(pd.Index(list(themes), name="theme"), fill_value=0).fillna(0).astype("int64")


def share_table(counts: pd.DataFrame, *, n_articles: int, n_sentences: int, n_words: int) -> pd.DataFrame:
    """``theme, articles, article_share, sentences, sentence_share, hits, per_1k`` from theme counts and totals."""
    out = counts.copy()
    out["article_share"] = np.round(out["articles"] / max(n_articles, 1), 4)
    out["sentence_share"] = np.round(out["sentences"] / max(n_sentences, 1), 4)
    out["per_1k"] = np.round(out["hits"] / max(n_words, 1) * 1000, 3)
    return out.reset_index()[["theme", "articles", "article_share", "sentences", "sentence_share", "hits", "per_1k"]]


def cooccurrence(source: Source, *, unit: Literal["article", "sentence"] = "article",
                 themes: Mapping[str, Theme] | None = None, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Theme × theme matrix: how many articles (or sentences) touch both themes."""
    themes = load_themes() if themes is None else themes
    hits = theme_hits(source, themes=themes) if hits is None else hits
    keys = ["article_id"] if unit == "article" else ["article_id", "sent_id"]
    touched = hits[[*keys, "theme"]].drop_duplicates().assign(v=1)
    if touched.empty:
        return pd.DataFrame(0, index=pd.Index(list(themes), name="theme"), columns=pd.Index(list(themes), name="theme"))
    wide = touched.pivot_table(index=keys, columns="theme", values="v", fill_value=0, observed=True)
    wide.columns = wide.columns.astype(object)
    wide = wide.reindex(columns=list(themes), fill_value=0)
    return (wide.T @ wide).astype("int64")


def over_time(source: Source, *, freq: Literal["Y", "M"] = "Y", themes: Mapping[str, Theme] | None = None,
              hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Theme hits per 1,000 words per period, for dated articles: ``period, theme, hits, tokens, per_1k, articles``."""
    from .keywords.trends import PERIOD_SQL

    ds = Dataset.of(source)
    themes = load_themes() if themes is None else themes
    hits = theme_hits(ds, themes=themes) if hits is None else hits
    periods = ds.sql(f"""
        WITH p AS (SELECT article_id, {PERIOD_SQL[freq]} AS period FROM articles WHERE {PERIOD_SQL[freq]} IS NOT NULL),
        w AS (SELECT article_id, sum(tokens) AS tokens FROM ({_words_sql()}) GROUP BY article_id)
        SELECT p.period, count(*)::BIGINT AS articles, coalesce(sum(w.tokens), 0)::BIGINT AS tokens
        FROM p LEFT JOIN w USING (article_id) GROUP BY p.period HAVING sum(w.tokens) > 0""")
    period_of = ds.sql(f"SELECT article_id, {PERIOD_SQL[freq]} AS period FROM articles WHERE {PERIOD_SQL[freq]} IS NOT NULL")
    period_of = period_of.astype({"article_id": "string"}).set_index("article_id")["period"]
    h = hits[hits["article_id"].isin(period_of.index)]
    counts = h.assign(period=h["article_id"].map(period_of)).groupby(["period", "theme"], observed=True).size().rename("hits")
    counts.index = counts.index.set_levels([counts.index.levels[0].astype(object), counts.index.levels[1].astype(object)])
    grid = pd.MultiIndex.from_product([sorted(periods["period"]), list(themes)], names=["period", "theme"])
    out = counts.reindex(grid, fill_value=0).reset_index()
    out = out.merge(periods[["period", "tokens"]], on="period").merge(periods[["period", "articles"]], on="period")
    out["per_1k"] = np.round(out["hits"] / out["tokens"].clip(lower=1) * 1000, 3)
    return out


def speakers_by_theme(source: Source, *, themes: Mapping[str, Theme] | None = None, hits: pd.DataFrame | None = None
                      ) -> pd.DataFrame:
    """Who is quoted on each theme: a quote is on a theme when a theme term falls inside its content.

    Returns ``theme, speaker, quotes, articles, example`` (the first such quote, with article id and
    offsets in ``example_id``), sorted by theme order, quotes desc, speaker.
    """
    ds = Dataset.of(source)
    themes = load_themes() if themes is None else themes
    hits = theme_hits(ds, themes=themes) if hits is None else hits
    q = ds.sql("SELECT article_id, quote_id, start, \"end\", speaker, content FROM quotes WHERE speaker <> ''")
    if q.empty or hits.empty:
        return pd.DataFrame(columns=["theme", "speaker", "quotes", "articles", "example", "example_id"])
    q = q.astype({"article_id": "string"})
    m = hits.merge(q, on="article_id", suffixes=("", "_q"))
    m = m[(m["start"] >= m["start_q"]) & (m["end"] <= m["end_q"])]
    m = m.drop_duplicates(["theme", "article_id", "quote_id"])
    m = m.sort_values(["article_id", "start_q"], kind="stable")
    g = m.groupby(["theme", "speaker"], observed=True)
    out = g.agg(quotes=("quote_id", "size"), articles=("article_id", "nunique"),
                example=("content", "first"), article_id=("article_id", "first"), start=("start_q", "first"),
                end=("end_q", "first")).reset_index()
    out["example_id"] = out["article_id"] + ":" + out["start"].astype(str) + "-" + out["end"].astype(str)
    theme_order = {name: i for i, name in enumerate(themes)}
    out = out.sort_values(["theme", "quotes", "speaker"], ascending=[True, False, True],
                          key=lambda s: s.map(theme_order) if s.name == "theme" else s, kind="stable")
    return out[["theme", "speaker", "quotes", "articles", "example", "example_id"]].reset_index(drop=True)


def suggest_terms(source: Source, theme: str, *, themes: Mapping[str, Theme] | None = None, top: int = 20,
                  min_count: int = 3) -> pd.DataFrame:
    """Candidate terms for ``theme``: nouns that occur in the theme's sentences more than elsewhere.

    Ranked by log-likelihood G² (sentences touching the theme vs. the rest), positive direction only;
    existing terms are left out. Shown for a person to accept — never added to the lexicon.
    """
    from .keywords import log_likelihood
    from .keywords.terms import terms_sql

    ds = Dataset.of(source)
    themes = load_themes() if themes is None else themes
    if theme not in themes:
        raise KeyError(f"no theme {theme!r}; themes are {list(themes)}")
    hits = theme_hits(ds, themes={theme: themes[theme]})
    ds.register("_touched", hits[["article_id", "sent_id"]].drop_duplicates().astype({"article_id": "string", "sent_id": "int32"}))
    table = ds.sql(f"""
        WITH occ AS (SELECT o.term, t.article_id IS NOT NULL AS inside FROM ({terms_sql(ds)}) o
                     LEFT JOIN _touched t ON t.article_id = o.article_id AND t.sent_id = o.sent_id)
        SELECT term, count(*) FILTER (WHERE inside)::BIGINT AS in_theme, count(*) FILTER (WHERE NOT inside)::BIGINT AS elsewhere
        FROM occ GROUP BY term""")
    c, d = max(int(table["in_theme"].sum()), 1), max(int(table["elsewhere"].sum()), 1)
    table = table.set_index("term")
    table = table[(table["in_theme"] >= min_count) & ~table.index.isin(themes[theme].keys)]
    av, bv = table["in_theme"].to_numpy(float), table["elsewhere"].to_numpy(float)
    table["g2"] = np.round(log_likelihood(av, bv, c, d), 3)
    table = table[av / c > bv / d]
    out = table.reset_index(names="term").astype({"term": "string", "in_theme": "int64", "elsewhere": "int64"})
    return out.sort_values(["g2", "term"], ascending=[False, True], kind="stable").head(top).reset_index(drop=True)
