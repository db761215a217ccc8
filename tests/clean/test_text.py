"""Text normalisation shared by the stages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analysis.clean import normalize_text, paragraphs_of


def test_normalize_text_nfc_and_controls():
    decomposed = "\u1109\u1165\u110b\u116e\u11af"  # 서울 as conjoining jamo
    assert normalize_text(decomposed + "\x07 \r\n 시") == "서울\n시"


def test_paragraphs_of_drops_blank_lines():
    assert paragraphs_of("첫 문단\r\n\r\n  둘째 문단 \n") == ["첫 문단", "둘째 문단"]


@given(st.text())
def test_normalize_text_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
