"""A corpus to analyse — a build folder or tables in memory — queried with DuckDB.

Corpus-wide analyses (keywords, keyness, trends, collocates, KWIC, themes) run as DuckDB queries
over the stored parquet tables: DuckDB streams the part files, uses both cores and spills to disk
beyond its memory limit, so a newsroom archive is analysed in bounded memory and linear time,
never loaded whole into pandas. The same queries run on in-memory tables (a :class:`Corpus`),
so tests and small corpora take the same code path.

A :class:`Dataset` may be narrowed to a date range and an outlet; every table it shows (and every
analysis run on it) then holds only those articles. It also gives users SQL over their corpus:

Example:
    >>> ds = Dataset.open("build/wikinews", since="2020-01-01")  # doctest: +SKIP
    >>> ds.sql("SELECT outlet, count(*) AS n FROM articles GROUP BY outlet")  # doctest: +SKIP
    >>> sql("SELECT form, count(*) FROM tokens WHERE tag = 'NNP' GROUP BY form", "build/wikinews")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Union

from .schema import TABLES, TableName, conform, empty_frame

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from .build import Corpus

#: DuckDB's working memory; beyond it, sorts, joins and aggregations spill to disk.
#: ``ANALYSIS_MEMORY_LIMIT`` overrides it (``"4GB"``).
MEMORY_LIMIT: Final = os.environ.get("ANALYSIS_MEMORY_LIMIT", "512MB")
#: Bytes of ``tokens`` part files per step of :meth:`Dataset.batches` (about 20,000 Wikinews-sized articles).
BATCH_BYTES: Final = 64 * 2**20
TABLE_NAMES: Final[tuple[TableName, ...]] = ("articles", "sentences", "tokens", "quotes", "rejects")


@dataclass(frozen=True, slots=True)
class Selection:
    """Which articles to keep: dates (ISO 8601, inclusive) and an outlet. Empty fields keep everything.

    An article without a date is left out as soon as ``since`` or ``until`` is given.
    """

    since: str = ""
    until: str = ""
    outlet: str = ""

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.outlet)

    def where(self) -> tuple[str, list[str]]:
        """The SQL condition on ``articles`` and its parameters."""
        clauses, params = [], []
        if self.since:
            clauses.append("date <> '' AND date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("date <> '' AND substr(date, 1, ?) <= ?")
            params.extend([str(len(self.until)), self.until])
        if self.outlet:
            clauses.append("outlet = ?")
            params.append(self.outlet)
        return " AND ".join(clauses) or "TRUE", params

    def describe(self) -> str:
        """In Korean, for notebook and report pages (``""`` when nothing is filtered)."""
        parts = []
        if self.since or self.until:
            parts.append(f"기간 {self.since or '처음'} ~ {self.until or '끝'}")
        if self.outlet:
            parts.append(f"언론사 {self.outlet}")
        return ", ".join(parts)


@dataclass(slots=True)
class Dataset:
    """A corpus to analyse: the tables of a build folder (``out``) or in memory (``frames``), narrowed by ``selection``.

    Use :meth:`open` for a build folder, :meth:`of` for anything an analysis accepts.
    """

    out: Path | None = None
    frames: Corpus | None = None
    selection: Selection = field(default_factory=Selection)
    _con: Any = None
    _files: dict[str, list[Path]] = field(default_factory=dict)

    # ------------------------------------------------------------------ construction

    @classmethod
    def open(cls, out: str | Path, *, since: str = "", until: str = "", outlet: str = "", verify: bool = True) -> Dataset:
        """The build published in folder ``out`` when it is opened, optionally narrowed.

        ``build.json`` is read once, so every table comes from the same snapshot; a build published
        meanwhile is seen by the next :meth:`open`, and the files read here stay on disk through it
        (:mod:`analysis.store`). With ``verify`` every part file is checked against the SHA-256 the
        build recorded (a damaged file is refused, naming it); DuckDB then reads the files themselves.

        Raises:
            analysis.store.StoreError: ``out`` holds no build (the message says how to make one) or a
                damaged part file.
        """
        from .store import published
        from .store.files import problem
        from .store.tables import damaged, entries

        out = Path(out)
        manifest = published(out)
        files: dict[str, list[Path]] = {}
        for table in TABLE_NAMES:
            listed = entries(out, manifest, table)
            for path, entry in listed if verify else ():
                if why := problem(path, entry):
                    raise damaged(path, why, out)
            files[table] = [path for path, _ in listed]
        return cls(out=out, selection=Selection(since, until, outlet), _files=files)

    @classmethod
    def of(cls, source: Source, **selection: str) -> Dataset:
        """``source`` as a dataset: a Dataset (narrowed further if asked), a build folder, a :class:`Corpus`
        or a bare ``tokens`` DataFrame."""
        import pandas as pd

        from .build import Corpus

        if isinstance(source, Dataset):
            if not any(selection.values()):
                return source
            merged = {f: selection.get(f) or getattr(source.selection, f) for f in ("since", "until", "outlet")}
            return cls(out=source.out, frames=source.frames, selection=Selection(**merged), _files=source._files)
        if isinstance(source, str | Path):
            return cls.open(source, **selection)
        if isinstance(source, Corpus):
            return cls(frames=source, selection=Selection(**selection))
        if isinstance(source, pd.DataFrame):
            frames = {t: empty_frame(t) for t in TABLE_NAMES}
            frames["tokens"] = source
            return cls(frames=Corpus(**frames), selection=Selection(**selection))
        raise TypeError(f"cannot analyse a {type(source).__name__}: give a build folder, a Corpus or a tokens table")

    # ------------------------------------------------------------------ DuckDB

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection with the tables as views (``articles``, ``sentences``, ``tokens``, ``quotes``, ``rejects``)."""
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        import duckdb
        import pyarrow as pa

        con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": max(os.cpu_count() or 1, 1),
                                     "temp_directory": str(Path(tempfile.gettempdir()) / "analysis-duckdb"),
                                     "preserve_insertion_order": False})  # every query that needs an order says it
        with contextlib.suppress(duckdb.Error):  # its own bar would print into consoles and pipes (Jupyter: none
            con.execute("SET enable_progress_bar = false")  # without ipywidgets, and the setting is refused there)
        for table in TABLE_NAMES:
            if self.frames is not None:
                frame = getattr(self.frames, table)
                arrow = pa.Table.from_pandas(frame, preserve_index=False)
                con.register(f"_raw_{table}", arrow)
                source = f"_raw_{table}"
            else:
                files = [str(p) for p in self._files[table]]
                con.execute(f"CREATE VIEW _raw_{table} AS SELECT * FROM read_parquet({files!r})")
                source = f"_raw_{table}"
            con.execute(f"CREATE VIEW {table}_all AS SELECT * FROM {source}")
        # corpus order: the order articles were read in (part files in name order, rows in file order)
        if self.frames is not None:
            import pandas as pd

            order = pd.DataFrame({"article_id": self.frames.articles["article_id"].astype("string"),
                                  "ord": range(len(self.frames.articles))})
            con.register("article_order", pa.Table.from_pandas(order, preserve_index=False))
        else:
            files = [str(p) for p in self._files["articles"]]
            con.execute("CREATE VIEW article_order AS SELECT article_id, row_number() OVER (ORDER BY filename, file_row_number) "
                        f"AS ord FROM read_parquet({files!r}, filename = true, file_row_number = true)")
        condition, params = self.selection.where()
        if self.selection:
            # views cannot take parameters: the selection is materialised as a small table of ids
            con.execute(f"CREATE TEMP TABLE _selected AS SELECT article_id FROM articles_all WHERE {condition}", params)
            con.execute("CREATE VIEW articles AS SELECT * FROM articles_all WHERE article_id IN (SELECT article_id FROM _selected)")
            for table in ("sentences", "tokens", "quotes"):
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM {table}_all "
                            "WHERE article_id IN (SELECT article_id FROM _selected)")
        else:
            for table in ("articles", "sentences", "tokens", "quotes"):
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM {table}_all")
        con.execute("CREATE VIEW rejects AS SELECT * FROM rejects_all")
        return con

    def sql(self, query: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> pd.DataFrame:
        """Run ``query`` (DuckDB SQL over the table views) and return the result as a DataFrame."""
        return self.con.execute(query, params).df() if params else self.con.execute(query).df()

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Make ``frame`` a table of this connection (a list of ids, stopwords …)."""
        import pyarrow as pa

        self.con.register(name, pa.Table.from_pandas(frame, preserve_index=False))

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    # ------------------------------------------------------------------ tables

    def table(self, name: TableName, *, columns: Sequence[str] | None = None, where: str = "",
              params: Sequence[Any] = (), limit: int | None = None) -> pd.DataFrame:
        """Rows of one table (optionally some columns, a condition, a limit), typed as the schema says.

        Rows come in corpus order: article by article as read, then by sentence, token or quote.
        """
        cols = list(columns) if columns else list(TABLES[name])
        query = f"SELECT {', '.join('t.' + _quote(c) for c in cols)} FROM {name} t"
        if name != "rejects":
            query += " JOIN article_order o USING (article_id)"
        if where:
            query += f" WHERE {where}"
        if name != "rejects":
            query += " ORDER BY o.ord" + {"sentences": ", t.sent_id", "tokens": ", t.token_id", "quotes": ", t.quote_id"}.get(name, "")
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        frame = self.con.execute(query, list(params)).df() if params else self.con.execute(query).df()
        if frame.empty:
            return empty_frame(name)[cols]
        frame = _lists(frame, name)
        if columns:
            return frame.astype({c: TABLES[name][c] for c in cols if c in TABLES[name] and TABLES[name][c] != "object"})
        return conform(frame, name)

    @cached_property
    def articles(self) -> pd.DataFrame:
        """The ``articles`` table (all columns), loaded once."""
        return self.table("articles")

    def count(self, name: TableName) -> int:
        """Rows of one table."""
        return int(self.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])

    def parts(self, *, tables: Sequence[TableName] = ("articles", "sentences", "tokens", "quotes")) -> Iterator[Corpus]:
        """The corpus part by part (each part holds whole articles), as in-memory :class:`Corpus` objects.

        For analyses that need Python per article (theme matching): memory holds one part.
        """
        from .build import Corpus

        if self.frames is not None:
            frames = {t: (self._filtered(getattr(self.frames, t), t) if t in tables else empty_frame(t)) for t in TABLE_NAMES}
            yield Corpus(**frames)
            return
        import pandas as pd

        names = sorted({p.name for p in self._files["articles"]})
        keep = None
        if self.selection:
            keep = set(self.con.execute("SELECT article_id FROM _selected").df()["article_id"])
        for name in names:
            frames: dict[str, pd.DataFrame] = {}
            for t in TABLE_NAMES:
                path = next((p for p in self._files[t] if p.name == name), None) if t in tables else None
                frame = conform(pd.read_parquet(path), t) if path is not None else empty_frame(t)
                if keep is not None and t != "rejects":
                    frame = frame[frame["article_id"].isin(keep)].reset_index(drop=True)
                frames[t] = frame
            yield Corpus(**frames)

    def batches(self, tables: Sequence[TableName] = ("tokens",), *, size: int | None = None) -> Iterator[int]:
        """Walk the corpus in batches of whole articles; during each step the views ``<table>_batch`` show one batch.

        For queries whose working state grows with the corpus rather than with their result (counts
        per article and n-gram, say): run them once per batch and add the results up, and memory is
        bounded by one batch. A batch is a run of part files holding about ``size`` bytes of
        ``tokens`` (default :data:`BATCH_BYTES`); the selection applies. Tables in memory are one batch.

        Yields:
            The batch number, from 0.

        Example:
            >>> for _ in ds.batches():  # doctest: +SKIP
            ...     ds.con.execute("INSERT INTO _counts SELECT form, count(*) FROM tokens_batch GROUP BY form")
        """
        con = self.con
        if self.frames is not None:
            for table in tables:
                con.execute(f"CREATE OR REPLACE TEMP VIEW {table}_batch AS SELECT * FROM {table}")
            yield 0
            return
        size = BATCH_BYTES if size is None else size
        groups: list[set[str]] = []  # part-file names, a run of them per batch
        held = 0
        for path in self._files["tokens"]:
            bytes_ = path.stat().st_size
            if not groups or held + bytes_ > size:
                groups.append(set())
                held = 0
            groups[-1].add(path.name)
            held += bytes_
        where = " WHERE article_id IN (SELECT article_id FROM _selected)" if self.selection else ""
        for number, group in enumerate(groups):
            for table in tables:
                files = [str(p) for p in self._files[table] if p.name in group]
                source = f"read_parquet({files!r})" if files else f"(SELECT * FROM {table}_all LIMIT 0)"
                con.execute(f"CREATE OR REPLACE TEMP VIEW {table}_batch AS SELECT * FROM {source}{where}")
            yield number

    def _filtered(self, frame: pd.DataFrame, table: TableName) -> pd.DataFrame:
        if not self.selection or table == "rejects":
            return frame
        keep = set(self.con.execute("SELECT article_id FROM _selected").df()["article_id"])
        return frame[frame["article_id"].isin(keep)].reset_index(drop=True)

    def subset(self, article_ids: Sequence[str]) -> Corpus:
        """The tables of some articles, in memory (one article to show in detail, say)."""
        import pandas as pd

        from .build import Corpus

        self.register("_subset", pd.DataFrame({"article_id": pd.Series(list(article_ids), dtype="string")}))
        where = "t.article_id IN (SELECT article_id FROM _subset)"
        frames = {t: self.table(t, where=where) if t != "rejects" else empty_frame(t) for t in TABLE_NAMES}
        return Corpus(**frames, n_read=len(frames["articles"]))

    def corpus(self) -> Corpus:
        """Every table in memory (for small corpora and tests)."""
        from .build import Corpus

        frames = {t: self.table(t) for t in TABLE_NAMES}
        return Corpus(**frames, n_read=len(frames["articles"]) + len(frames["rejects"]))


def _quote(column: str) -> str:
    return f'"{column}"'


def _lists(frame: pd.DataFrame, table: TableName) -> pd.DataFrame:
    """DuckDB returns LIST columns as numpy arrays: make them the lists the schema promises."""
    for column, dtype in TABLES[table].items():
        if dtype == "object" and column in frame:
            frame[column] = [list(v) if v is not None else [] for v in frame[column]]
    return frame


#: What every analysis accepts: a dataset, a build folder, a :class:`Corpus`, or a bare ``tokens`` table.
Source = Union[Dataset, "Corpus", str, Path, "pd.DataFrame"]


def sql(query: str, source: Source, *, params: Sequence[Any] | Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run DuckDB SQL over a corpus's tables (``articles``, ``sentences``, ``tokens``, ``quotes``, ``rejects``).

    Example:
        >>> sql("SELECT speaker, count(*) AS n FROM quotes GROUP BY speaker ORDER BY n DESC LIMIT 5",
        ...     "build/wikinews")  # doctest: +SKIP
    """
    return Dataset.of(source).sql(query, params)
