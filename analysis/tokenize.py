"""Sentences and morphemes with kiwipiepy, into pandas tables.

One :class:`kiwipiepy.Kiwi` per process (:func:`get_kiwi`), created on first use with pinned
settings (:data:`SETTINGS`) and the project's user dictionary (``corpus/userdict.tsv``). All
articles go to Kiwi in one call so its worker threads share the work.
Sentences never cross a paragraph; a quoted sentence stays inside the sentence quoting it
(Kiwi reports it as a sub-sentence).

Example:
    >>> sents, toks = tokenize_texts(["오 시장은 \\"연대해야 한다\\"고 말했다."], ["a1"])
    >>> toks.loc[toks.tag == "VV", "lemma"].tolist()  # doctest: +SKIP
    ['말하다']
"""

from __future__ import annotations

import hashlib
import json
import threading
from array import array
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from .resources import USER_DICTIONARY, load_user_dictionary
from .schema import conform, empty_frame

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    from kiwipiepy import Kiwi

#: Tags whose ``lemma`` is kept (the dictionary form: 밝히 → 밝히다).
PREDICATE_TAGS: Final = frozenset({"VV", "VA", "VX", "VCP", "VCN", "VV-I", "VV-R", "VA-I", "VA-R", "VX-I", "VX-R"})


@dataclass(frozen=True, slots=True)
class AnalyzerSettings:
    """Kiwi settings, pinned so that the same input always gives the same tables."""

    model_type: Literal["cong", "cong-global", "knlm", "sbg"] = "cong"
    num_workers: int = 2
    integrate_allomorph: bool = True
    load_typo_dict: bool = False
    normalize_coda: bool = False
    split_complex: bool = False


SETTINGS: Final = AnalyzerSettings()

#: Version of how this module turns Kiwi's output into tables; part of every cache key, so a
#: change here re-tokenises cached articles. 2: sentences from ``Token.sent_position``.
TABLES_VERSION: Final = 2

_lock = threading.Lock()


def analyzer_version() -> str:
    """kiwipiepy and model versions, part of every cache key."""
    from importlib.metadata import version

    return f"kiwipiepy {version('kiwipiepy')}; model {version('kiwipiepy_model')}"


@cache
def settings_key(settings: AnalyzerSettings = SETTINGS, dictionary: Path = USER_DICTIONARY) -> str:
    """Hash of analyser version, table version, settings and user dictionary (the non-text part of a cache key)."""
    blob = json.dumps(
        {"version": analyzer_version(), "tables": TABLES_VERSION, "settings": asdict(settings),
         "dictionary": load_user_dictionary(dictionary)},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def content_key(text: str, *, settings: AnalyzerSettings = SETTINGS, dictionary: Path = USER_DICTIONARY) -> str:
    """Cache key of one article: its text plus analyser version, settings and dictionary."""
    h = hashlib.sha256(settings_key(settings, dictionary).encode())
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:24]


@cache
def _make_kiwi(settings: AnalyzerSettings, dictionary: Path) -> Kiwi:
    from kiwipiepy import Kiwi

    kiwi = Kiwi(
        num_workers=settings.num_workers,
        model_type=settings.model_type,
        integrate_allomorph=settings.integrate_allomorph,
        load_typo_dict=settings.load_typo_dict,
    )
    for word, tag, score in load_user_dictionary(dictionary):
        kiwi.add_user_word(word, tag, score)
    return kiwi


def get_kiwi(settings: AnalyzerSettings = SETTINGS, dictionary: Path = USER_DICTIONARY) -> Kiwi:
    """The process's Kiwi for these settings, loaded once (thread-safe)."""
    with _lock:
        return _make_kiwi(settings, dictionary)


def kiwi_loaded() -> bool:
    """Whether a Kiwi has been loaded in this process (for tests of the cache)."""
    return _make_kiwi.cache_info().currsize > 0


def tokenize_texts(
    texts: Sequence[str],
    article_ids: Sequence[str],
    *,
    settings: AnalyzerSettings = SETTINGS,
    dictionary: Path = USER_DICTIONARY,
    progress: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split ``texts`` into sentences and morphemes.

    Whole articles go to Kiwi in one call (faster than paragraph by paragraph); a sentence Kiwi
    lets run across a line break is cut there, so sentences never cross a paragraph.

    Args:
        texts: cleaned article bodies, paragraphs separated by ``"\n"``.
        article_ids: one id per text.
        settings: Kiwi settings (default: the pinned :data:`SETTINGS`).
        dictionary: user dictionary file.
        progress: show a tqdm bar over articles.

    Returns:
        ``(sentences, tokens)`` tables (see :mod:`analysis.schema`); offsets index ``texts``.
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    if len(texts) != len(article_ids):
        raise ValueError(f"{len(texts)} texts but {len(article_ids)} ids")
    if not any(t.strip() for t in texts):
        return empty_frame("sentences"), empty_frame("tokens")

    kiwi = get_kiwi(settings, dictionary)
    results = kiwi.tokenize(list(texts), normalize_coda=settings.normalize_coda, split_complex=settings.split_complex)
    if progress:
        from tqdm.auto import tqdm

        results = tqdm(results, total=len(texts), desc="tokenising (Kiwi)", unit="article", mininterval=1.0)

    # one pass over Kiwi's tokens, attribute by attribute; each article's columns go straight into
    # Arrow string arrays and int32 arrays
    form, tag, lemma = [], [], []
    start, length, sent_pos, counts = array("i"), array("i"), array("i"), array("i")
    for toks in results:
        counts.append(len(toks))
        form.append(_strings([t.form for t in toks]))
        tag.append(_strings([t.tag for t in toks]))
        lemma.append(_strings([t.lemma if t.tag in PREDICATE_TAGS else "" for t in toks]))
        start.extend([t.start for t in toks])
        length.extend([t.len for t in toks])
        sent_pos.extend([t.sent_position for t in toks])
    if not start:
        return empty_frame("sentences"), empty_frame("tokens")

    art = np.repeat(np.arange(len(texts)), counts)
    t_start = np.asarray(start, dtype=np.int64)
    t_end = t_start + np.asarray(length, dtype=np.int64)
    # the texts laid end to end, one "\n" between them: global offsets, lines and paragraphs
    joined = "\n".join(texts)
    offset = np.r_[0, np.cumsum(np.fromiter(map(len, texts), np.int64, len(texts)) + 1)[:-1]]
    newlines = np.flatnonzero(np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32) == 10)
    line = np.searchsorted(newlines, offset[art] + t_start)  # global line of each token
    nonblank_before = np.r_[0, np.cumsum([bool(x.strip()) for x in joined.split("\n")])]  # non-blank lines before
    first_line = np.searchsorted(newlines, offset)  # each article's first line
    paragraph = nonblank_before[line] - nonblank_before[first_line[art]]
    # a sentence is Kiwi's sentence cut at line breaks
    new_sent = np.ones(len(art), dtype=bool)
    new_sent[1:] = (art[1:] != art[:-1]) | (np.diff(np.asarray(sent_pos, dtype=np.int32)) != 0) | (line[1:] != line[:-1])
    firsts = np.flatnonzero(new_sent)
    s_art = art[firsts]
    s_id = np.arange(len(firsts)) - np.searchsorted(s_art, s_art)
    s_start = t_start[firsts]
    line_end = np.r_[newlines, len(joined)][line[firsts]] - offset[s_art]
    s_end = np.minimum(np.maximum.reduceat(t_end, firsts), line_end)

    lo, hi = offset[s_art] + s_start, offset[s_art] + s_end  # sentences in ``joined``
    ids = _strings(list(article_ids))
    sentences_df = pd.DataFrame(
        {
            "article_id": pd.arrays.ArrowStringArray(ids.take(s_art)),
            "paragraph_id": paragraph[firsts].astype(np.int32),
            "sent_id": s_id.astype(np.int32),
            "start": s_start.astype(np.int32),
            "end": s_end.astype(np.int32),
            "text": pd.arrays.ArrowStringArray(_strings([joined[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True)])),
        }
    )
    tokens_df = pd.DataFrame(
        {
            "article_id": pd.arrays.ArrowStringArray(ids.take(art)),
            "sent_id": s_id[np.cumsum(new_sent) - 1].astype(np.int32),
            "token_id": (np.arange(len(art)) - np.searchsorted(art, art)).astype(np.int32),
            "form": pd.arrays.ArrowStringArray(pa.concat_arrays(form)),
            "tag": _categorical(pa.concat_arrays(tag)),
            "start": t_start.astype(np.int32),
            "end": t_end.astype(np.int32),
            "lemma": pd.arrays.ArrowStringArray(pa.concat_arrays(lemma)),
        }
    )
    return conform(sentences_df, "sentences"), conform(tokens_df, "tokens")


def _strings(values: list[str]) -> pa.Array:
    """A pyarrow string array in the layout pandas' ``string`` dtype uses."""
    import pyarrow as pa

    return pa.array(values, type=pa.large_string())


def _categorical(values: pa.Array) -> pd.Categorical:
    """``values`` as a categorical with sorted categories (what ``astype("category")`` gives)."""
    import numpy as np
    import pandas as pd

    encoded = values.dictionary_encode()
    categories = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    order = np.argsort(categories, kind="stable")
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    return pd.Categorical.from_codes(rank[encoded.indices.to_numpy()], categories=categories[order])
