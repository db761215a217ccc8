"""Stage 1 (analysis.quotes.spans): quoted spans in any text, double and single marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.quotes import find_spans

SPAN_CASES = [
    ('그는 "A"며 "B"고 말했다.', ["A", "B"]),
    ("오 시장은 “이번 참가를 통해 배웠다\"며 \"준비하겠다\"고 밝혔다.", ["이번 참가를 통해 배웠다", "준비하겠다"]),
    ("“곡선 따옴표”라고 말했다.", ["곡선 따옴표"]),
    ("그는 \"닫히지 않은 인용이다. 다음 문장은 본문이다.", ["닫히지 않은 인용이다."]),
    ("닫는 따옴표만 있다\"고 말했다. 뒤 문장.", ["닫는 따옴표만 있다"]),
    ("따옴표가 없는 문장이다.", []),
    ("문단 하나 \"열림\n둘째 문단\"", ["열림", "둘째 문단"]),
    ('그는 "“이중으로 감싼 인용”"이라고 했다.', ["이중으로 감싼 인용"]),
    # a straight mark glued to words on both sides opens when a closer follows, else it closes
    ('정부는 유감을 표했다. 조태영 대변인은"일본이 한 일이 나타난 것"이라며 비판했다.', ["일본이 한 일이 나타난 것"]),
    ('닫는 따옴표만 있다"고 말했다. 그는 "좋다"고 했다.', ["닫는 따옴표만 있다", "좋다"]),
    # no space between a sentence's full stop and the next quote's opening mark
    ('그는 이렇게 밝혔다."국회의원들은 아무것도 고치지 않았다"라고 말했다.', ["국회의원들은 아무것도 고치지 않았다"]),
    ('그는 "다 끝났다."라고 말했다.', ["다 끝났다."]),
    # curly marks typed the wrong way round among straight ones
    ('관계자는 "개인정보가 맞다“며 ”확인 중“이라고 전했다.', ["개인정보가 맞다", "확인 중"]),
    ('그는 “마음이 무겁습니다 ”라는 심정을 밝혔다.', ["마음이 무겁습니다 "]),
]


@pytest.mark.parametrize(("text", "contents"), SPAN_CASES)
def test_find_spans(text, contents):
    assert [text[s.start:s.end] for s in find_spans(text)] == contents


@given(st.text(alphabet=st.sampled_from(list('"“”\'‘’가나다 .\n라고며ab')) , max_size=300))
@settings(max_examples=300, deadline=None)
def test_spans_are_always_inside_the_text(text):
    for span in find_spans(text):
        assert 0 <= span.start <= span.end <= len(text)
        assert "\n" not in text[span.start:span.end]


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_find_spans_never_crashes_on_any_unicode(text):
    for span in find_spans(text):
        assert 0 <= span.start <= span.end <= len(text)


@pytest.mark.parametrize(("text", "spans"), [
    # single-quoted spans outside double-quoted ones, marked single; nested single marks are part of their quote
    ("그는 '예산은 충분하다'고 말했다.", [("예산은 충분하다", True)]),
    ('그는 "서울을 \'약자 동행 특별시\'로 만들겠다"고 말했다.', [("서울을 '약자 동행 특별시'로 만들겠다", False)]),
    ("‘곡선 홑따옴표’라며 웃었다.", [("곡선 홑따옴표", True)]),
    # an apostrophe glued to Latin letters or digits opens nothing
    ("It's fine, '90년대 이야기다.", []),
])
def test_single_marks(text, spans):
    assert [(text[s.start:s.end], s.single) for s in find_spans(text)] == spans


@given(st.text(alphabet=st.sampled_from(list("\"“”'‘’가나다 .\n라고며ab")), max_size=300))
@settings(max_examples=300, deadline=None)
def test_single_and_double_spans_never_overlap_and_stay_in_their_paragraph(text):
    spans = find_spans(text)
    for sp in spans:
        assert 0 <= sp.start <= sp.end <= len(text) and "\n" not in text[sp.start:sp.end]
    singles = [sp for sp in spans if sp.single]
    doubles = [sp for sp in spans if not sp.single]
    assert not any(s.start < d.end and d.start < s.end for s in singles for d in doubles)
