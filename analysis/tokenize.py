"""Sentences and morphemes with kiwipiepy, into pandas tables.

One :class:`kiwipiepy.Kiwi` per process (:func:`get_kiwi`), created on first use with pinned
settings (:data:`SETTINGS`) and the project's user dictionary (``corpus/userdict.tsv``). All
articles go to Kiwi in one call so its worker threads share the work.
Sentences never cross a paragraph; a quoted sentence stays inside the sentence quoting it
(Kiwi reports it as a sub-sentence). Kiwi's time grows faster than the length of one text (about
2.7× per doubling past 100,000 characters), so a text longer than ``SETTINGS.max_chars`` goes to
Kiwi in pieces cut at paragraph, then sentence boundaries (:func:`split_long`), and the offsets
are stitched back: the cost stays linear in length, and shorter texts are not touched.

Example:
    >>> sents, toks = tokenize_texts(["오 시장은 \\"연대해야 한다\\"고 말했다."], ["a1"])
    >>> toks.loc[toks.tag == "VV", "lemma"].tolist()  # doctest: +SKIP
    ['말하다']
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
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
    max_chars: int = 20_000  # longer texts go to Kiwi in pieces of at most this many characters


SETTINGS: Final = AnalyzerSettings()

#: Version of how this module turns Kiwi's output into tables; part of every cache key, so a
#: change here re-tokenises cached articles. 2: sentences from ``Token.sent_position``.
TABLES_VERSION: Final = 2
#: Where a paragraph too long for one piece may be cut: after a sentence's final punctuation (and any
#: closing quote or bracket) and the spaces after it.
SENTENCE_END: Final = re.compile(r"[.?!。…][\"'”’」』)\]]*\s+")

_lock = threading.Lock()
log = logging.getLogger(__name__)


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


def text_key(text: str, *, settings: AnalyzerSettings = SETTINGS, dictionary: Path = USER_DICTIONARY) -> str:
    """Cache key of one article's analysis (sentences, tokens): its text plus analyser version, settings and
    dictionary."""
    h = hashlib.sha256(settings_key(settings, dictionary).encode())
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:24]


@cache
def _make_kiwi(model_type: str, num_workers: int, integrate_allomorph: bool, load_typo_dict: bool, dictionary: Path) -> Kiwi:
    from kiwipiepy import Kiwi

    log.info("loading the Kiwi model (%s)…", analyzer_version())
    kiwi = Kiwi(num_workers=num_workers, model_type=model_type, integrate_allomorph=integrate_allomorph,
                load_typo_dict=load_typo_dict)
    for word, tag, score in load_user_dictionary(dictionary):
        kiwi.add_user_word(word, tag, score)
    return kiwi


def get_kiwi(settings: AnalyzerSettings = SETTINGS, dictionary: Path = USER_DICTIONARY) -> Kiwi:
    """The process's Kiwi for these settings, loaded once (thread-safe; settings that only say how texts are
    fed to Kiwi, such as ``max_chars``, share one)."""
    with _lock:
        return _make_kiwi(settings.model_type, settings.num_workers, settings.integrate_allomorph,
                          settings.load_typo_dict, dictionary)


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
    lets run across a line break is cut there, so sentences never cross a paragraph. A text longer
    than ``settings.max_chars`` goes in pieces (:func:`split_long`); a sentence never spans two.

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
    # a text Kiwi would take too long over goes in pieces; each piece's offset within its text is added back
    pieces, piece_text, piece_offset = [], array("i"), array("q")
    for number, text in enumerate(texts):
        for offset, piece in split_long(text, max_chars=settings.max_chars):
            pieces.append(piece)
            piece_text.append(number)
            piece_offset.append(offset)
    results = kiwi.tokenize(pieces, normalize_coda=settings.normalize_coda, split_complex=settings.split_complex)
    if progress:
        from tqdm.auto import tqdm

        results = tqdm(results, total=len(pieces), desc="tokenising (Kiwi)", unit="piece", mininterval=1.0)

    # one pass over Kiwi's tokens, attribute by attribute; each piece's columns go straight into
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

    piece = np.repeat(np.arange(len(pieces)), counts)
    art = np.asarray(piece_text, dtype=np.int64)[piece]
    t_start = np.asarray(start, dtype=np.int64) + np.asarray(piece_offset, dtype=np.int64)[piece]
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
    new_sent[1:] = (piece[1:] != piece[:-1]) | (np.diff(np.asarray(sent_pos, dtype=np.int32)) != 0) | (line[1:] != line[:-1])
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


def split_long(text: str, *, max_chars: int = SETTINGS.max_chars) -> list[tuple[int, str]]:
    """``text`` as ``(offset, piece)`` pairs of at most ``max_chars`` characters, for Kiwi.

    A text that fits is one piece. A longer one is cut between paragraphs; a paragraph that is itself
    too long, after a sentence (:data:`SENTENCE_END`), else at a space, else at ``max_chars``. Pieces
    are packed greedily, so each is as long as the limit allows; every cut point is found by one
    left-to-right scan, so the work is linear in the length.

    Example:
        >>> split_long("첫 문단이다.\n둘째 문단이다.", max_chars=10)
        [(0, '첫 문단이다.\n'), (8, '둘째 문단이다.')]
    """
    if len(text) <= max_chars:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    begin = 0
    while len(text) - begin > max_chars:
        limit = begin + max_chars
        cut = text.rfind("\n", begin, limit) + 1  # after the last line break that fits
        if cut <= begin:
            ends = [m.end() for m in SENTENCE_END.finditer(text, begin, limit)]
            cut = ends[-1] if ends else text.rfind(" ", begin, limit) + 1
            if cut <= begin:
                cut = limit
        pieces.append((begin, text[begin:cut]))
        begin = cut
    pieces.append((begin, text[begin:]))
    return pieces


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
