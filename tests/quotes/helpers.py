"""Shared helpers of the quote tests."""

from __future__ import annotations


def attributions(corpus_of, text: str) -> list[tuple[str, str]]:
    """(content, speaker) of every quote found in ``text`` built as one article."""
    quotes = corpus_of({"a": text}).quotes
    return list(zip(quotes["content"], quotes["speaker"], strict=True))
