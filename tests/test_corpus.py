"""Loading every accepted format and encoding; bad input becomes a named reject; counts add up."""

from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.corpus import CorpusError, articles_frame, decode, load, read_date, rejects_frame

BODY = "서울시는 1일 새로운 기후 정책을 발표했다. 오세훈 시장은 \"탄소중립을 앞당기겠다\"고 말했다."
BODY2 = "부산시는 2일 심야버스 운행을 늘린다고 밝혔다. 시민들의 반응은 좋았다."


def write_jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_jsonl_aliases_and_fields(tmp_path):
    f = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "a1", "title": "제목 하나", "date": "2022-08-01", "url": "https://example.org/1", "text": BODY},
        {"id": "a2", "headline": "제목 둘", "body": BODY2},
        {"article_id": "a3", "content": BODY},
    ])
    result = load([f])
    assert [r.article_id for r in result.records] == ["a1", "a2", "a3"]
    assert result.records[0].date == "2022-08-01"
    assert result.records[1].title == "제목 둘"
    assert result.records[1].text == BODY2
    assert result.n_read == 3 and not result.rejects



@pytest.mark.parametrize("as_type", [str, lambda p: p])
def test_one_path_is_not_read_as_a_list_of_characters(tmp_path, as_type):
    f = write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", "text": BODY}, {"id": "a2", "text": BODY2}])
    result = load(as_type(f))
    assert [r.article_id for r in result.records] == ["a1", "a2"]
    assert result.n_read == 2 and not result.rejects


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x", "text": "잘린 줄', "malformed JSON"),
        ('{"id": "y", "title": "본문 없음"}', "record has no text"),
        ('["리스트"]', "not a JSON object"),
        ('{"id": "a1", "text": "같은 아이디의 두 번째 기사입니다."}', "duplicate id 'a1'"),
    ],
)
def test_bad_jsonl_line_is_a_reject_among_good_ones(tmp_path, line, reason):
    f = write_jsonl(tmp_path / "mixed.jsonl", [{"id": "a1", "text": BODY}, line, {"id": "a2", "text": BODY2}])
    result = load([f])
    assert [r.article_id for r in result.records] == ["a1", "a2"]
    (reject,) = result.rejects
    assert reason in reject.reason
    assert reject.record == "line 2" and reject.source_path == str(f)
    assert result.n_read == 3


def test_json_list_and_csv(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "j1", "text": BODY}], ensure_ascii=False), encoding="utf-8")
    pd.DataFrame({"id": ["c1", "c2"], "title": ["가", "나"], "body": [BODY, ""]}).to_csv(tmp_path / "b.csv", index=False)
    result = load([tmp_path])
    assert [r.article_id for r in result.records] == ["j1", "c1"]
    (reject,) = result.rejects
    assert reject.record == "row 3" and "no text" in reject.reason


def test_bigkinds_xlsx(tmp_path):
    frame = pd.DataFrame({
        "뉴스 식별자": ["01100101.20220801"], "일자": ["20220801"], "언론사": ["경향신문"], "기고자": ["홍길동 기자"],
        "제목": ["서울시 기후 정책"], "본문": [BODY], "URL": ["https://example.org/bk"],
    })
    path = tmp_path / "bigkinds.xlsx"
    frame.to_excel(path, index=False, engine="openpyxl")
    (record,) = load([path]).records
    assert record.article_id == "01100101.20220801"
    assert (record.date, record.outlet, record.byline, record.title) == ("2022-08-01", "경향신문", "홍길동 기자", "서울시 기후 정책")
    assert record.text == BODY


def test_xlsx_without_text_column_is_a_reject(tmp_path):
    path = tmp_path / "other.xlsx"
    pd.DataFrame({"a": [1]}).to_excel(path, index=False, engine="openpyxl")
    result = load([path])
    assert not result.records and "no text column" in result.rejects[0].reason


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr", "utf-16"])
def test_encodings_are_decoded(tmp_path, encoding):
    page = "서울시 기후 정책 발표\n입력 2022-08-01 10:00\n" + BODY + "\n" + BODY2 + "\n"
    f = tmp_path / f"page-{encoding}.txt"
    f.write_bytes(page.encode(encoding))
    (record,) = load([f]).records
    assert record.text == BODY + "\n" + BODY2
    assert record.date == "2022-08-01T10:00"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x00" * 64, "NUL bytes"),
        (bytes(range(256)) * 8, "not a text file"),
    ],
    ids=["empty", "nul-bytes", "binary"],
)
def test_unreadable_files_are_rejects(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    result = load([f])
    assert not result.records
    assert reason in result.rejects[0].reason and result.rejects[0].source_path == str(f)


def test_unsupported_extension_in_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("제목 하나입니다\n" + BODY, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = load([tmp_path])
    assert len(result.records) == 1
    assert "unsupported extension '.docx'" in result.rejects[0].reason


def test_missing_path_names_it(tmp_path):
    with pytest.raises(CorpusError, match=r"nope\.jsonl"):
        load([tmp_path / "nope.jsonl"])


def test_html_page_with_navigation_and_footer(tmp_path):
    html = (
        "<html><head><title>사이트</title></head><body><nav><ul><li>홈</li><li>정치</li><li>경제</li></ul></nav>"
        "<h1>서울시 기후 정책 발표</h1><p class='date'>입력 2022.08.01 10:00</p>"
        f"<div class='article'><p>{BODY}</p><p>{BODY2}</p></div>"
        "<aside><h3>많이 본 뉴스</h3><ul><li>다른 기사 제목 하나</li><li>다른 기사 제목 둘</li></ul></aside>"
        "<footer>Copyright © 예시일보. 무단전재 및 재배포 금지</footer></body></html>"
    )
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    (record,) = load([f]).records
    assert record.title == "서울시 기후 정책 발표"
    assert record.date == "2022-08-01T10:00"
    assert record.text.split("\n") == [BODY, BODY2]
    assert "다른 기사" not in record.text and "무단전재" not in record.text


def test_default_is_the_seed_page_and_the_bundled_wikinews():
    result = load()
    assert result.n_read == 500 and not result.rejects
    seed, *wikinews = result.records
    assert seed.article_id == "000_f887c3d3ff964b74" and seed.date == "2022-08-01T10:00"
    assert "captured by the user" in seed.source  # from its NAME.meta.json sidecar
    assert len(wikinews) == 499 and all(r.article_id.startswith("kowikinews-") for r in wikinews)
    assert {r.license.split(" (")[0] for r in wikinews} == {"CC BY 2.5"}  # the records' own licence field
    dates = sorted(r.date for r in wikinews)
    assert dates[0].startswith("2009") and dates[-1].startswith("2023")


def test_gzipped_jsonl_and_csv_are_read(tmp_path):
    import gzip

    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "text": BODY, "source": "테스트", "license": "CC0"}, ensure_ascii=False) + "\n")
    with gzip.open(tmp_path / "b.csv.gz", "wt", encoding="utf-8") as f:
        f.write(f"id,text\ng2,{BODY2}\n")
    (tmp_path / "c.jsonl.gz").write_bytes(b"not gzip at all")
    (tmp_path / "d.tar.gz").write_bytes(b"")
    result = load([tmp_path])
    assert [(r.article_id, r.source, r.license) for r in result.records] == [("g1", "테스트", "CC0"), ("g2", "", "")]
    reasons = sorted(r.reason for r in result.rejects)
    assert len(reasons) == 2 and reasons[0].startswith("not a readable gzip file") and "unsupported extension" in reasons[1]


def test_a_page_takes_its_provenance_from_a_sidecar(tmp_path):
    page = tmp_path / "2022.08.01 page.txt"
    page.write_text("제목입니다 제목\n" + BODY, encoding="utf-8")
    (tmp_path / "2022.08.01 page.meta.json").write_text('{"source": "한빛일보", "license": "허락받음", "url": "https://x"}',
                                                      encoding="utf-8")
    (record,) = load([tmp_path]).records
    assert (record.article_id, record.source, record.license, record.url) == ("2022.08.01 page", "한빛일보", "허락받음", "https://x")
    (tmp_path / "2022.08.01 page.meta.json").write_text("[1, 2]", encoding="utf-8")
    (reject,) = load([tmp_path]).rejects
    assert "must be a JSON object of strings" in reject.reason


def test_counts_add_up_over_a_messy_folder(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", "text": BODY}, "{oops", {"id": "a1", "text": BODY2}])
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text("제목입니다 제목\n" + BODY, encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    result = load([tmp_path])
    assert result.n_read == 6
    assert len(result.records) == 2 and len(result.rejects) == 4
    articles, rejects = articles_frame(result.records), rejects_frame(result.rejects)
    assert len(articles) + len(rejects) == result.n_read


def test_decode_prefers_boms():
    assert decode("\ufeff서울".encode(), None) == "서울"
    assert decode("서울".encode("utf-16"), None) == "서울"


def test_symlinked_folders_are_followed_once(tmp_path):
    """A link to a folder is read; a loop and a second link to a folder already read are rejects; so is a
    broken link; every record is counted once."""
    real = tmp_path / "real"
    real.mkdir()
    write_jsonl(real / "a.jsonl", [{"id": "a1", "text": BODY}])
    top = tmp_path / "top"
    top.mkdir()
    (top / "linked").symlink_to(real, target_is_directory=True)
    (top / "again").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(top, target_is_directory=True)
    (top / "gone.jsonl").symlink_to(tmp_path / "missing.jsonl")
    result = load([top])
    assert [r.article_id for r in result.records] == ["a1"]
    reasons = sorted(r.reason.split(" (")[0] for r in result.rejects)
    # top/again is read first (sorted names); top/again/loop leads back to top, top/linked to top/again
    assert reasons == ["broken symlink", "folder already read as " + str(top), "folder already read as " + str(top / "again")]
    assert result.records[0].source_path == str(top / "again" / "a.jsonl")


@pytest.mark.parametrize(("row", "reason"), [
    ({"id": "x", "title": ["목록", "제목"], "text": BODY}, "field 'title' is list [\"목록\", \"제목\"], not a string"),
    ({"id": "x", "text": {"p": BODY}}, "field 'text' is dict"),
    ({"id": "x", "text": 42}, "field 'text' is int 42, not a string"),
    ({"id": True, "text": BODY}, "field 'id' is bool true"),
    ({"id": "x", "url": 3.5, "text": BODY}, "field 'url' is float 3.5"),
])
def test_a_field_of_the_wrong_type_is_a_reject(tmp_path, row, reason):
    f = write_jsonl(tmp_path / "t.jsonl", [row, {"id": "ok", "text": BODY2}])
    result = load([f])
    assert [r.article_id for r in result.records] == ["ok"]
    (reject,) = result.rejects
    assert reject.reason.startswith(reason) and reject.record == "line 1"


def test_numbers_are_accepted_for_id_and_date(tmp_path):
    f = write_jsonl(tmp_path / "n.jsonl", [{"id": 17, "date": 20220801, "text": BODY}])
    (record,) = load([f]).records
    assert (record.article_id, record.date, record.date_raw) == ("17", "2022-08-01", "")


@pytest.mark.parametrize(("value", "date", "raw"), [
    ("2022-08-01T10:00:00+09:00", "2022-08-01T10:00:00+09:00", ""),
    ("2022-08-01T10:00+09:00", "2022-08-01T10:00+09:00", ""),
    ("2022-08-01 10:00", "2022-08-01T10:00", ""),
    ("2022-08-01T10:00:05.250Z", "2022-08-01T10:00:05.250000+00:00", ""),
    ("2022-08-01", "2022-08-01", ""),
    ("20220801", "2022-08-01", ""),
    ("2022.08.01 오후 3:05", "2022-08-01T15:05", ""),
    ("2022년 8월 1일", "2022-08-01", ""),
    ("지난주 화요일", "", "지난주 화요일"),
    ("2022-13-45", "", "2022-13-45"),
])
def test_dates_are_iso_8601_or_kept_raw(tmp_path, value, date, raw):
    f = write_jsonl(tmp_path / "d.jsonl", [{"id": "d", "date": value, "text": BODY}])
    (record,) = load([f]).records
    assert (record.date, record.date_raw) == (date, raw)


def test_lone_surrogates_in_any_field_become_replacement_characters(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text('{"id": "a\\ud800", "title": "제목\\udc00", "byline": "\\ud83d기자", "text": "' + BODY.replace('"', '\\"')
                 + '"}\n', encoding="utf-8")
    (record,) = load([f]).records
    assert (record.article_id, record.title, record.byline) == ("a\ufffd", "제목\ufffd", "\ufffd기자")


@pytest.mark.parametrize(("depth", "kept"), [(300, True), (1500, True), (3000, False)])
def test_deeply_nested_html_is_read_whole_or_rejected_with_the_reason(tmp_path, depth, kept):
    """libxml2 silently drops what lies deeper than 256 elements; with huge_tree it reads up to 2048."""
    page = ("<html><body><h1>서울시 기후 정책 발표</h1>" + "<div>" * depth + f"<p>{BODY}</p><p>{BODY2}</p>"
            + "</div>" * depth + "</body></html>")
    f = tmp_path / "deep.html"
    f.write_text(page, encoding="utf-8")
    result = load([f])
    if kept:
        assert result.records[0].text.split("\n") == [BODY, BODY2]
    else:
        (reject,) = result.rejects
        assert "nested too deep" in reject.reason and "2048" in reject.reason


def test_a_pipe_in_a_folder_is_a_reject(tmp_path):
    import os

    write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", "text": BODY}])
    os.mkfifo(tmp_path / "feed.jsonl")
    result = load([tmp_path])
    assert [r.article_id for r in result.records] == ["a1"]
    assert [(r.source_path, r.reason) for r in result.rejects] == [(str(tmp_path / "feed.jsonl"),
                                                                    "not a regular file (a device, socket or pipe)")]


@given(moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.none() | st.timezones()),
       spec=st.sampled_from(["minutes", "seconds", "milliseconds"]))
def test_an_iso_8601_moment_reads_back_as_itself(moment, spec):
    text = moment.isoformat(timespec=spec)
    day, raw = read_date(text)
    assert raw == "" and datetime.fromisoformat(day) == datetime.fromisoformat(text)


def test_a_jsonl_file_is_read_line_by_line_and_a_line_with_a_bad_byte_is_one_reject(tmp_path):
    row = json.dumps({"id": "a", "text": BODY}, ensure_ascii=False) + "\n"
    good = [row.replace('"a"', f'"a{i}"') for i in range(600)]  # well past the bytes read to tell the encoding
    path = tmp_path / "big.jsonl"
    path.write_bytes("".join(good).encode("utf-8") + b'{"id": "bad", "text": "\xff\xfe"}\n' + row.replace('"a"', '"z"').encode("utf-8"))
    result = load([path])
    assert len(result.records) == 601 and result.n_read == 602  # the lines after the bad one are kept too
    (reject,) = result.rejects
    assert reject.record == "line 601" and reject.reason.startswith("not valid utf-8")


def test_a_cp949_jsonl_is_read(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes((json.dumps({"id": "k", "text": BODY}, ensure_ascii=False) + "\n").encode("cp949"))
    (record,) = load([path]).records
    assert record.text == BODY
