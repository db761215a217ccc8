"""Build the corpus tables in chunks, with the build folder as a verified cache.

- :mod:`.run` — :func:`build_dataset` (streamed into a new snapshot) and :func:`build` (the tables).
- :mod:`.chunk` — the chunk pipeline, the same for the local build, dask and the tests.
- :mod:`.cache` — cache keys, and the previous build as a cache.

Reading and writing the folder is :mod:`analysis.store`'s alone; its readers are re-exported here.
"""

from ..schema import Corpus
from ..store import read_manifest, read_table, read_tables, table_files
from ..store import table_files as table_parts
from .cache import content_key, quote_rules
from .chunk import PART_TABLES, ChunkTables, analyse_chunk, finish_chunk, process_chunk, tokenise_chunk
from .run import CHUNK_SIZE, BuildSummary, build, build_dataset

__all__ = [
    "CHUNK_SIZE",
    "PART_TABLES",
    "BuildSummary",
    "ChunkTables",
    "Corpus",
    "analyse_chunk",
    "build",
    "build_dataset",
    "content_key",
    "finish_chunk",
    "process_chunk",
    "quote_rules",
    "read_manifest",
    "read_table",
    "read_tables",
    "table_files",
    "table_parts",
    "tokenise_chunk",
]
