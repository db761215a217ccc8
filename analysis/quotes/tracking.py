"""Stage 5: track the speaker in force through the article.

A quote with no subject of its own (``이어``, ``또``, ``그러면서``, a bare ``"…"라고 덧붙였다``,
``그는``) takes the speaker in force: the last person or organisation that spoke or took the floor.
The subjects of the sentences between two quotes change it: a person takes the floor in any
sentence, an organisation or anything else only in a sentence that reports speech (``미국은 …
다름없었다`` leaves the person talking), and a remark itself never does (``해당 발언은 …``).

Example:
    >>> state = InForce()
    >>> state.speak("오세훈", "서울시장")
    >>> state.speaker
    '오세훈'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .clause import NOWHERE, adnominal_subject, cited_source, pick_speaker, reports
from .speech import is_speech_noun

if TYPE_CHECKING:
    from .article import ArticleContext


@dataclass(slots=True)
class InForce:
    """Who is talking: the speaker (canonical name) and role in force."""

    speaker: str = ""
    role: str = ""

    def speak(self, speaker: str, role: str = "") -> None:
        """``speaker`` has just been quoted (or taken the floor)."""
        if speaker:
            self.speaker, self.role = speaker, role

    def follow(self, art: ArticleContext, sentence: int) -> None:
        """Update from one sentence with no quote of its own: its subject takes the floor when it
        is a person, or when the sentence reports speech and its subject is no remark."""
        text, toks, lex, spans, cast = art.text, art.toks, art.lex, art.spans, art.cast
        lo, hi = art.sentence_bounds(sentence)
        subjects = art.subjects(sentence)
        # a case subject inside a relative or reported clause does not take the floor (바이든이 …
        # 내세웠다는 주장도 하였다: the sentence's speaker is still the one in force)
        subjects = [m for m in subjects if not (m.marker == 1 and adnominal_subject(toks, m.end, hi, lex))]
        best = pick_speaker(subjects, NOWHERE, cast, lex)
        if best is None or cast.rank(best, lex) > 1:  # 김원웅 광복회장의 발언이 화제가 된 바 있다
            best = cited_source(text, toks, lo, hi, spans, lex) or best
        if best is None:
            return
        speaks = reports(toks, lo, hi, lex) and not is_speech_noun(best.text.split()[-1], lex)
        if cast.rank(best, lex) == 0 or speaks:
            self.speak(cast.canonical(best, lex) or self.speaker, best.role)
