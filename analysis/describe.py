"""What a corpus holds: its size, dates, outlets, lengths, tags, and what the cleaner removed — DuckDB queries.

Example:
    >>> summary("build/bundled")  # doctest: +SKIP
         항목              값
    0    기사             500
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from .dataset import Dataset, Source
from .keywords.keyness import GROUP_SQL

Per = Literal["year", "month", "outlet"]


def summary(source: Source) -> pd.DataFrame:
    """Counts and ranges as a two-column table (``항목``, ``값``) for a notebook's first look."""
    ds = Dataset.of(source)
    a = ds.sql("""SELECT count(*) AS n, min(nullif(date, '')) AS first, max(nullif(date, '')) AS last,
                         count(*) FILTER (WHERE date = '') AS undated, count(DISTINCT nullif(outlet, '')) AS outlets,
                         coalesce(sum(n_chars), 0) AS chars FROM articles""").iloc[0]
    rows = [
        ("기사", f"{int(a['n']):,}"),
        ("가장 이른 날짜", a["first"] or "—"),
        ("가장 늦은 날짜", a["last"] or "—"),
        ("날짜 없는 기사", f"{int(a['undated']):,}"),
        ("언론사", f"{int(a['outlets']):,}"),
        ("본문 글자", f"{int(a['chars']):,}"),
        ("문장", f"{ds.count('sentences'):,}"),
        ("형태소", f"{ds.count('tokens'):,}"),
        ("인용문", f"{ds.count('quotes'):,}"),
        ("제외된 레코드", f"{ds.count('rejects'):,}"),
    ]
    if ds.selection:
        rows.insert(0, ("선택", ds.selection.describe()))
    return pd.DataFrame(rows, columns=["항목", "값"])


def articles_per(source: Source, *, by: Per = "year") -> pd.Series:
    """Articles per year (``2022``), month (``2022-08``) or outlet, in order (outlets: most articles first).

    Articles without a date (or outlet) are left out.
    """
    ds = Dataset.of(source)
    order = "n DESC, key" if by == "outlet" else "key"
    frame = ds.sql(f"""SELECT {GROUP_SQL[by]} AS key, count(*) AS n FROM articles
                       WHERE {GROUP_SQL[by]} IS NOT NULL GROUP BY key ORDER BY {order}""")
    label = {"year": "연도", "month": "월", "outlet": "언론사"}[by]
    return pd.Series(frame["n"].to_numpy(), index=pd.Index(frame["key"].astype(str), name=label), name="기사 수")


def lengths(source: Source) -> pd.DataFrame:
    """Per article: ``article_id, chars, sentences, tokens`` (in corpus order)."""
    ds = Dataset.of(source)
    return ds.sql("""
        WITH s AS (SELECT article_id, count(*) AS sentences FROM sentences GROUP BY article_id),
             t AS (SELECT article_id, count(*) AS tokens FROM tokens GROUP BY article_id)
        SELECT a.article_id, a.n_chars AS chars, coalesce(s.sentences, 0) AS sentences, coalesce(t.tokens, 0) AS tokens
        FROM articles a JOIN article_order o USING (article_id) LEFT JOIN s USING (article_id) LEFT JOIN t USING (article_id)
        ORDER BY o.ord""")


def tag_counts(source: Source, *, top: int | None = 15) -> pd.Series:
    """Morphemes per Kiwi tag, most frequent first (ties by tag)."""
    ds = Dataset.of(source)
    frame = ds.sql("SELECT CAST(tag AS VARCHAR) AS tag, count(*) AS n FROM tokens GROUP BY 1 ORDER BY n DESC, tag")
    series = pd.Series(frame["n"].to_numpy(), index=pd.Index(frame["tag"], name="품사"), name="형태소 수")
    return series.head(top) if top is not None else series


def cleaning(source: Source, article_id: str = "") -> tuple[str, pd.DataFrame, pd.DataFrame]:
    """What the cleaner did to one page: ``(article_id, removed lines, captions)``.

    With no ``article_id``, the first article whose page had chrome removed (a scraped page), else
    the first article.
    """
    ds = Dataset.of(source)
    if not article_id:
        first = ds.sql("""SELECT article_id FROM articles JOIN article_order USING (article_id)
                          ORDER BY len(removed) = 0, ord LIMIT 1""")
        article_id = str(first["article_id"].iloc[0]) if len(first) else ""
    row = ds.table("articles", columns=["article_id", "removed", "captions"], where="t.article_id = ?", params=[article_id])
    removed = list(row["removed"].iloc[0]) if len(row) else []
    captions = list(row["captions"].iloc[0]) if len(row) else []
    return article_id, pd.DataFrame({"걷어낸 줄": removed}), pd.DataFrame({"사진 설명": captions})


def rejects(source: Source) -> pd.DataFrame:
    """Every record read that did not become an article, with its reason."""
    return Dataset.of(source).table("rejects")
