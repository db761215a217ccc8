"""Dates: parse_date, what a date line is, and which one is the article's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.clean import clean_page, parse_date
from analysis.clean.dates import DateKind, date_labels, date_mark


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("입력 2022-08-01 10:00", "2022-08-01T10:00"),
        ("기사입력 2021.11.03. 오전 9:12", "2021-11-03T09:12"),
        ("기사입력 2021.11.03. 오후 9:12", "2021-11-03T21:12"),
        ("2024년 1월 9일 오후 3시 5분", "2024-01-09T15:05"),
        ("등록 2020-03-15 06:00:00", "2020-03-15T06:00:00"),
        ("송고시간2023-05-02 14:31", "2023-05-02T14:31"),
        ("오전 12:30 2020.01.02", "2020-01-02"),
        ("입력 2023.07.14 (21:12)", "2023-07-14T21:12"),
        ("기사입력: 2024/03/04 [11:20]", "2024-03-04T11:20"),
        ("2024-06-11T07:12:00+09:00", "2024-06-11T07:12:00"),
        ("Posted : Aug. 21, 2024 - 07:05", "2024-08-21T07:05"),
        ("September 3, 2019 5:45 PM", "2019-09-03T17:45"),
        ("21 August 2024", "2024-08-21"),
        ("2009-01-20", "2009-01-20"),
        ("March 8, 2024 at 2:05 PM", "2024-03-08T14:05"),
        ("https://news.example.kr/2024/03/08/1234", ""),  # a web address is not a date
        ("2022.13.01", ""),
        ("날짜 없음", ""),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


@given(st.datetimes(min_value=__import__("datetime").datetime(1990, 1, 1),
                    max_value=__import__("datetime").datetime(2099, 12, 31)))
def test_parse_date_reads_back_what_it_writes(moment):
    """Any date written the way Korean sites write it comes back as the same ISO minute."""
    ampm, hour12 = ("오전", moment.hour % 12 or 12) if moment.hour < 12 else ("오후", moment.hour % 12 or 12)
    iso = moment.strftime("%Y-%m-%dT%H:%M")
    assert parse_date(moment.strftime("입력 %Y-%m-%d %H:%M")) == iso
    assert parse_date(f"기사입력 {moment:%Y.%m.%d}. {ampm} {hour12}:{moment:%M}") == iso
    assert parse_date(f"{moment.year}년 {moment.month}월 {moment.day}일 {ampm} {hour12}시 {moment.minute}분") == iso


@given(st.text())
def test_parse_date_never_raises(text):
    assert isinstance(parse_date(text), str)


@pytest.mark.parametrize(
    ("line", "kind", "iso"),
    [
        ("입력 2022-08-01 10:00", DateKind.PUBLISHED, "2022-08-01T10:00"),
        ("수정 2020-03-16 08:00 | 등록 2020-03-15 06:00", DateKind.PUBLISHED, "2020-03-15T06:00"),
        ("2019.07.21 17:05", DateKind.BARE, "2019-07-21T17:05"),
        ("최종수정 2019.07.22 09:00", DateKind.MODIFIED, "2019-07-22T09:00"),
        ("입력 | 2022-05-13 20:24 수정 | 2022-05-13 20:51", DateKind.PUBLISHED, "2022-05-13T20:24"),
        ("Updated : Aug. 21, 2024 - 16:40", DateKind.MODIFIED, "2024-08-21T16:40"),
        ("Posted : Aug. 21, 2024 - 07:05", DateKind.PUBLISHED, "2024-08-21T07:05"),
        ("입력 2023.07.14 (21:12)", DateKind.PUBLISHED, "2023-07-14T21:12"),
        ("2023/05/02 14:31 송고", DateKind.PUBLISHED, "2023-05-02T14:31"),
        ("최종편집 2024-12-04 02:40", DateKind.CLOCK, "2024-12-04T02:40"),
        # an outlet's name, the first publication, then its edit (a portal's copy)
        ("푸른강일보 2022. 4. 3. 09:15 수정 2022. 4. 3. 11:40", DateKind.PUBLISHED, "2022-04-03T09:15"),
        ("수정 2022. 4. 3. 11:40", DateKind.MODIFIED, "2022-04-03T11:40"),
        # labels after their dates: each label is its own date's, not the next one's
        ("2024.03.08 16:05 입력 · 2024.03.08 17:20 수정", DateKind.PUBLISHED, "2024-03-08T16:05"),
        ("2024.03.08 16:05 수정 · 2024.03.07 09:00 입력", DateKind.PUBLISHED, "2024-03-07T09:00"),
        # an unlabelled date next to a labelled modification is the bare date
        ("2024.03.08 16:05 (최종 수정 2024.03.08 17:20)", DateKind.BARE, "2024-03-08T16:05"),
        ("기사입력: 2024/03/04 [11:20]  최종편집: 2024/03/05 [09:00]", DateKind.PUBLISHED, "2024-03-04T11:20"),
        ("방송일 2024.05.03 (금) 오후 8:14", DateKind.PUBLISHED, "2024-05-03T20:14"),
        ("게재 일자 2024-03-08", DateKind.PUBLISHED, "2024-03-08"),
        ("횡단보도를 건너고 있다. 2024.7.2", None, None),  # 보도 inside a word, far from the date, is no label
        ("UPDATE 2024-06-11 07:12 (Tue)", DateKind.MODIFIED, "2024-06-11T07:12"),
        ("2024.03.09 14:05 현재", DateKind.CLOCK, "2024-03-09T14:05"),
        # a one-word label the lists do not know
        ("공개일 2024.05.03 20:14", DateKind.OTHER, "2024-05-03T20:14"),
        ("마감 임박 2024.05.03 20:14", None, None),
        ("정부는 2022년 8월 1일 새 정책을 발표했고 내년부터 전국 모든 지역에서 단계적으로 시행한다고 밝혔다.", None, None),
    ],
)
def test_date_mark(line, kind, iso):
    mark = date_mark(line, date_labels())
    assert (mark.kind, mark.iso) == (kind, iso) if kind else mark is None


def test_modified_date_is_not_the_date():
    page = "제목이 여기에 있습니다\n수정 2020-03-16 08:00 | 등록 2020-03-15 06:00\n" + "본문 문장은 충분히 길게 씁니다. " * 3
    assert clean_page(page).date == "2020-03-15T06:00"


TITLE = "청년 월세 지원 대상 확대…소득 기준 완화"
BODY = ["시는 올해 하반기부터 청년 월세 지원 대상을 넓히기로 하고 세부 기준을 14일 공개했다.",
        "지원 대상은 만 19세부터 34세까지 무주택 청년으로, 소득 기준은 중위소득 150% 이하로 완화된다."]


@pytest.mark.parametrize(
    ("head", "foot", "date"),
    [
        (["2024년 3월 9일 토요일", "새날일보", "사회", TITLE, "입력 2024-03-08 17:20"], [], "2024-03-08T17:20"),
        (["2024년 3월 9일 토요일", "새날일보", "사회", TITLE], ["김민지 기자", "입력 2024-03-08 17:20"], "2024-03-08T17:20"),
        (["최종편집 2024-03-09 08:00", TITLE, "2024.03.08 17:20 | 댓글 3"], [], "2024-03-08T17:20"),
        ([TITLE], ["2024/03/08 17:20 송고", "관련기사", "다른 기사 제목입니다", "2024-03-01 09:00"], "2024-03-08T17:20"),
        ([TITLE], ["관련기사", "다른 기사 제목입니다", "2024-03-01 09:00"], ""),  # a related story's date is not it
        ([TITLE, "등록 2024-03-08 17:20 | 수정 2024-03-09 09:00"], ["관련기사", "다른 기사", "2024-03-01 09:00"],
         "2024-03-08T17:20"),
        (["입력 2024-03-08 17:20", TITLE], [], "2024-03-08T17:20"),  # above the headline when nothing is below it
        (["기사최종편집일 2024-03-09 08:00", TITLE], [], ""),  # a site clock only: no date
        # a date in the login bar is the site's clock, not the article's
        (["홈 | 로그인 | 회원가입 | 2024.4.19 (금)", TITLE], ["김민지 기자", "기사입력 2024-03-08 17:20"], "2024-03-08T17:20"),
        # the foot's labelled date stands past the copyright line; the comments' dates below it are not the article's
        ([TITLE], ["김민지 기자", "ⓒ 새날일보", "2024/03/08 17:20 송고"], "2024-03-08T17:20"),
        ([TITLE], ["김민지 기자", "ⓒ 새날일보", "댓글 (2)", "산책하는사람 | 2024/03/09 10:05"], ""),
        ([TITLE], ["김민지 기자", "2024/03/08 17:20", "ⓒ 새날일보"], "2024-03-08T17:20"),
        # a labelled date above the headline beats a bare one in the foot
        (["입력 2024-03-08 17:20", TITLE], ["2024.03.01 09:00"], "2024-03-08T17:20"),
        # an unknown label in the head, after the known kinds
        ([TITLE, "공개일 2024.03.08 20:14"], [], "2024-03-08T20:14"),
        ([TITLE, "공개일 2024.03.08 20:14", "입력 2024.03.08 21:00"], [], "2024-03-08T21:00"),
        # a byline and a date on one line (a glued separator, a glued label, the date first)
        ([TITLE, "김하은 기자I 2024.03.08 16:05:33"], [], "2024-03-08T16:05:33"),
        ([TITLE, "이기국 기자입력 : 2023. 12. 20(수) 22:10"], [], "2023-12-20T22:10"),
        ([TITLE, "2013-09-24 강아름 기자 kar@news.example.kr"], [], "2013-09-24"),
    ],
)
def test_date_is_nearest_the_headline_and_body(head, foot, date):
    assert clean_page("\n".join([*head, *BODY, *foot])).date == date
