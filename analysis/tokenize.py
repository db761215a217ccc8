"""Sentences and morphemes with kiwipiepy, into pandas tables.

One :class:`kiwipiepy.Kiwi` per process (:func:`get_kiwi`), created on first use with pinned
settings (:data:`SETTINGS`) and the project's user dictionary (``corpus/userdict.tsv``). All
paragraphs of all articles go to Kiwi in one call so its worker threads share the work.
Sentences never cross a paragraph; a quoted sentence stays inside the sentence quoting it
(Kiwi reports it as a sub-sentence).

Example:
    >>> sents, toks = tokenize_texts(["오 시장은 \\"연대해야 한다\\"고 말했다."], ["a1"])
    >>> toks.loc[toks.tag == "VV", "lemma"].tolist()  # doctest: +SKIP
    ['말하다']
"""

from __future__ import annotations

import bisect
import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from .resources import USER_DICTIONARY, load_user_dictionary
from .schema import SENTENCES, TOKENS, empty_frame

if TYPE_CHECKING:
    import pandas as pd
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

_lock = threading.Lock()


def analyzer_version() -> str:
    """kiwipiepy and model versions, part of every cache key."""
    from importlib.metadata import version

    return f"kiwipiepy {version('kiwipiepy')}; model {version('kiwipiepy_model')}"


@cache
def settings_key(settings: AnalyzerSettings = SETTINGS, dictionary: Path = USER_DICTIONARY) -> str:
    """Hash of analyser version, settings and user dictionary (the non-text part of a cache key)."""
    blob = json.dumps(
        {"version": analyzer_version(), "settings": asdict(settings), "dictionary": load_user_dictionary(dictionary)},
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


def _pieces(text: str, start: int, end: int, newlines: list[int]) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at line breaks, each piece stripped of surrounding spaces."""
    cuts = newlines[bisect.bisect_left(newlines, start):bisect.bisect_left(newlines, end)]
    out = []
    for lo, hi in zip([start, *(c + 1 for c in cuts)], [*cuts, end], strict=True):
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            out.append((lo, hi))
    return out


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

    if len(texts) != len(article_ids):
        raise ValueError(f"{len(texts)} texts but {len(article_ids)} ids")
    if not any(t.strip() for t in texts):
        return empty_frame("sentences"), empty_frame("tokens")

    kiwi = get_kiwi(settings, dictionary)
    results = kiwi.split_into_sents(
        list(texts),
        normalize_coda=settings.normalize_coda,
        split_complex=settings.split_complex,
        return_tokens=True,
        return_sub_sents=False,
    )
    if progress:
        from tqdm.auto import tqdm

        results = tqdm(results, total=len(texts), desc="tokenising (Kiwi)", unit="article", mininterval=1.0)

    s_art, s_para, s_sent, s_start, s_end = [], [], [], [], []
    t_art, t_sent, t_form, t_tag, t_start, t_end, t_lemma = [], [], [], [], [], [], []
    for art, sentences in enumerate(results):
        text = texts[art]
        newlines = [i for i, ch in enumerate(text) if ch == "\n"] if "\n" in text else []
        # paragraph number of each line (blank lines are no paragraph)
        line_para, number = [], -1
        for line in text.split("\n"):
            number += bool(line.strip())
            line_para.append(max(number, 0))
        sid = -1
        for sent in sentences:
            tokens = sent.tokens
            k = 0
            pieces = _pieces(text, sent.start, sent.end, newlines)
            for n, (lo, hi) in enumerate(pieces):
                last_piece = n == len(pieces) - 1
                sid += 1
                s_art.append(art)
                s_para.append(line_para[bisect.bisect_left(newlines, lo)])
                s_sent.append(sid)
                s_start.append(lo)
                s_end.append(hi)
                while k < len(tokens) and (tokens[k].start < hi or last_piece):
                    tok = tokens[k]
                    t_art.append(art)
                    t_sent.append(sid)
                    t_form.append(tok.form)
                    t_tag.append(tok.tag)
                    t_start.append(tok.start)
                    t_end.append(tok.start + tok.len)
                    t_lemma.append(tok.lemma if tok.tag in PREDICATE_TAGS else "")
                    k += 1

    ids = np.asarray(article_ids, dtype=object)
    s_art_arr = np.asarray(s_art, dtype=np.int64)
    starts, ends = np.asarray(s_start), np.asarray(s_end)
    sentences_df = pd.DataFrame(
        {
            "article_id": ids[s_art_arr],
            "paragraph_id": s_para,
            "sent_id": s_sent,
            "start": starts,
            "end": ends,
            "text": [texts[a][s:e] for a, s, e in zip(s_art, s_start, s_end, strict=True)],
        }
    ).astype(SENTENCES)

    t_art_arr = np.asarray(t_art, dtype=np.int64)
    # running token number within each article
    first = np.r_[0, np.flatnonzero(np.diff(t_art_arr)) + 1] if len(t_art_arr) else np.array([], dtype=np.int64)
    run_start = np.repeat(first, np.diff(np.r_[first, len(t_art_arr)]))
    tokens_df = pd.DataFrame(
        {
            "article_id": ids[t_art_arr],
            "sent_id": t_sent,
            "token_id": np.arange(len(t_art_arr)) - run_start,
            "form": t_form,
            "tag": t_tag,
            "start": t_start,
            "end": t_end,
            "lemma": t_lemma,
        }
    ).astype(TOKENS)
    return sentences_df, tokens_df
