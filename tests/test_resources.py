"""Word-list loaders check each line and name the bad one."""

from __future__ import annotations

import unicodedata

import pytest

from analysis.resources import (
    ResourceError,
    load_patterns,
    load_tagged_patterns,
    load_user_dictionary,
    load_word_sets,
    load_words,
)


def write(tmp_path, text, name="list.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_words_comments_and_nfc(tmp_path):
    path = write(tmp_path, "# 주석\n말하다\n\n" + unicodedata.normalize("NFD", "밝히다") + "\n")
    assert load_words(path) == ("말하다", "밝히다")


@pytest.mark.parametrize(
    ("loader", "text", "message"),
    [
        (load_words, "말하다\n밝히다\n말하다\n", ":3: '말하다' repeats line 1"),
        (load_words, "말\t하다\n", ":1: a tab"),
        (load_patterns, "좋아요\\d*\n(unclosed\n", ":2: bad regular expression"),
        (load_patterns, "a*\n", ":1: 'a*' matches an empty line"),
        (load_user_dictionary, "탄소중립\tNNG\n서울런\tXYZ\n", ":2: unknown tag 'XYZ'"),
        (load_user_dictionary, "탄소중립\n", ":1: expected 'word<TAB>TAG"),
        (load_user_dictionary, "탄소중립\tNNG\tabc\n", ":1: score 'abc' is not a number"),
    ],
)
def test_bad_line_is_named(tmp_path, loader, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ResourceError, match=str(path).replace(".", r"\.") + ".*"):
        loader(path)
    with pytest.raises(ResourceError) as err:
        loader(path)
    assert message in str(err.value)


def test_tagged_patterns(tmp_path):
    path = write(tmp_path, "A\tx+\nB\ty\n")
    got = load_tagged_patterns(path, ("A", "B"))
    assert [p.pattern for p in got["A"]] == ["x+"]
    with pytest.raises(ResourceError, match=":1: expected 'KIND<TAB>regex'"):
        load_tagged_patterns(write(tmp_path, "C\tx\n", "t2.txt"), ("A", "B"))


def test_missing_list(tmp_path):
    with pytest.raises(ResourceError, match="not found"):
        load_words(tmp_path / "none.txt")


def test_shipped_lists_load():
    from analysis.clean.lines import cleaner_lists
    from analysis.keywords import load_stopwords
    from analysis.quotes import lexicon

    assert len(cleaner_lists().chrome["FURNITURE"]) > 5
    assert "말하다" in lexicon().speech_verbs
    assert "것" in load_stopwords()
    assert ("탄소중립", "NNG", 0.0) in load_user_dictionary()


def test_word_sets_from_toml(tmp_path):
    path = write(tmp_path, 'verbs = ["말하다", "밝히다"]\n[nouns]\n"재판부" = ["법원"]\n', "sets.toml")
    assert load_word_sets(path) == {"verbs": ("말하다", "밝히다"), "nouns.재판부": ("법원",)}


@pytest.mark.parametrize(("text", "message"), [
    ("verbs = [\"말하다\", \"말하다\"]\n", "repeats '말하다'"),
    ("verbs = \"말하다\"\n", "list of non-empty strings"),
    ("verbs = [\n", "not a UTF-8 TOML file"),
])
def test_bad_word_sets_are_named(tmp_path, text, message):
    with pytest.raises(ResourceError, match=message):
        load_word_sets(write(tmp_path, text, "bad.toml"))


def test_quote_word_sets_load():
    from analysis.quotes import lexicon

    lex = lexicon()
    assert "관련하다" in lex.word_set("light_verbs") and lex.generic_organisations["재판부"].search("서울고법 형사 9부")
