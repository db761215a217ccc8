"""Read articles from files in the formats users bring, and clean them.

Accepted (a PATH is a file or a folder; folders are walked in sorted order):

- ``.txt``: one article per file, as captured from a news page (chrome is removed by
  :func:`analysis.clean.clean_page`).
- ``.html``/``.htm``: one saved page; rendered to lines with lxml, then cleaned the same way,
  with trafilatura's metadata (title, date) preferred where it finds them.
- ``.jsonl``/``.json``: one article per record (``id, title, date, url, text`` and aliases such
  as ``body``/``content``); a ``.json`` file may hold one object or a list.
- ``.csv``: one article per row, same columns.
- ``.xlsx``: BigKinds (빅카인즈) exports, Korean column names (뉴스 식별자, 일자, 언론사,
  기고자, 제목, 본문, URL …), or the English names above.
- Any of the text formats compressed with gzip: ``.jsonl.gz``, ``.csv.gz``, ``.txt.gz`` …

Where the text came from and under what terms travels with each article (``source`` and
``license`` columns), so that whatever shows the text can credit it: records carry their own
``source``/``license`` fields; a page file (``.txt``/``.html``) takes them from a sidecar
``NAME.meta.json`` beside it (``{"source": …, "license": …, "url": …}``), if there is one.

Encodings: UTF-8 with or without BOM, UTF-16 (BOM), CP949/EUC-KR (detected with
charset-normalizer). Everything is NFC-normalised; a lone surrogate in any field (JSON may escape
one, a file name may hold undecodable bytes) becomes U+FFFD. Every record read ends either as an
article or as a reject with a reason: ``len(articles) + len(rejects) == records read``.

Folders are walked following symbolic links; a folder met twice (a link loop, or two links to
one folder) and a broken link are rejects, as is a field of the wrong type (a title that is a
list). A date is ISO 8601 (:func:`datetime.fromisoformat` first, so ``2022-08-01T10:00:00+09:00``
keeps its time and offset, then :func:`analysis.clean.parse_date` for Korean forms); one that
cannot be read is kept as given in ``date_raw`` and ``date`` is left empty.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .clean import clean_page, normalize_text, paragraphs_of, parse_date
from .resources import DEFAULT_CORPUS
from .schema import ARTICLES, REJECTS, Record, Reject, conform, empty_frame

if TYPE_CHECKING:
    import pandas as pd

SUPPORTED: Final = (".txt", ".jsonl", ".json", ".csv", ".html", ".htm", ".xlsx")
#: Formats that may also come gzip-compressed (``corpus.jsonl.gz``).
GZIPPED: Final = (".txt", ".jsonl", ".json", ".csv", ".html", ".htm")
#: The sidecar of a page file ``NAME.txt``: ``NAME.txt.meta.json`` or ``NAME.meta.json``.
SIDECAR: Final = ".meta.json"
#: HTML elements that start a new line when a page is rendered to text.
BLOCK_TAGS: Final = frozenset({
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "aside", "section",
    "article", "figure", "figcaption", "table", "tr", "td", "th", "br", "dd", "dt", "blockquote", "main", "form",
    "time", "address", "hr", "pre", "title",
})

#: Column/field aliases, checked in order; the first present non-empty one wins.
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "id": ("id", "article_id", "news_id", "doc_id", "뉴스 식별자", "뉴스식별자", "식별자"),
    "title": ("title", "headline", "제목"),
    "date": ("date", "published", "pub_date", "datetime", "일자", "날짜", "게재일"),
    "outlet": ("outlet", "press", "publisher", "source_name", "언론사"),
    "url": ("url", "link", "URL", "원문 URL", "원문URL"),
    "byline": ("byline", "author", "reporter", "기고자", "기자"),
    "text": ("text", "body", "content", "article", "본문", "내용"),
    "source": ("source", "provenance", "출처"),
    "license": ("license", "licence", "rights", "라이선스", "저작권"),
}


#: Lone UTF-16 surrogates: not encodable as UTF-8, so they would stop the writing of any table.
SURROGATE: Final = re.compile("[\ud800-\udfff]")
#: Which fields may hold a number in JSON (written back as its digits); every other field must be a string.
NUMERIC_FIELDS: Final = frozenset({"id", "date"})


class CorpusError(Exception):
    """Nothing usable could be read (or a PATH does not exist)."""


class _FieldError(ValueError):
    """A record's field holds a value of the wrong type (the message says which)."""


@dataclass(slots=True)
class LoadResult:
    """Articles kept and records rejected, with the count of records read."""

    records: list[Record] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)

    @property
    def n_read(self) -> int:
        return len(self.records) + len(self.rejects)


def discover(paths: str | Path | Sequence[str | Path]) -> tuple[list[Path], list[Reject]]:
    """The files to read under ``paths`` (one path or several), and rejects for what inside folders
    cannot be read: unsupported files, broken links, folders met twice (link loops), unlistable folders.

    Raises:
        CorpusError: a PATH does not exist, naming it.
    """
    files: list[Path] = []
    rejects: list[Reject] = []
    seen: dict[tuple[int, int], Path] = {}  # folders read, by (device, inode): symlinks are followed once
    for raw in [paths] if isinstance(paths, str | Path) else paths:
        path = Path(raw)
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder; give a file or a folder of articles")
        if path.is_dir():
            files += _walk(path, seen, rejects)
        elif file_format(path):
            files.append(path)
        else:
            rejects.append(_unsupported(path))
    return files, rejects


def file_format(path: Path) -> str:
    """The format of ``path`` by its extension: ``".jsonl"`` for ``a.jsonl`` and ``a.jsonl.gz``; ``""`` if unsupported."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".gz"]:
        return suffixes[-2] if len(suffixes) >= 2 and suffixes[-2] in GZIPPED else ""
    return suffixes[-1] if suffixes and suffixes[-1] in SUPPORTED else ""


def file_stem(path: Path) -> str:
    """``path``'s name without its format suffixes: ``a.jsonl.gz`` → ``a``, ``2022.08.01.txt`` → ``2022.08.01``."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return name[: -len(file_format(path))] if file_format(path) else Path(name).stem


def _unsupported(path: Path) -> Reject:
    shown = "".join(path.suffixes[-2:]) or "(none)"
    return Reject(str(path), "", f"unsupported extension {shown!r}; use one of {', '.join(SUPPORTED)} "
                  "(or the text formats gzipped, .jsonl.gz …)")


def _walk(folder: Path, seen: dict[tuple[int, int], Path], rejects: list[Reject]) -> list[Path]:
    """Supported files under ``folder`` in sorted order (hidden entries and README.md skipped), following
    symlinks; a folder already read is a reject, so a link loop ends."""
    try:
        st = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        rejects.append(Reject(str(folder), "", f"cannot list folder: {err.strerror}"))
        return []
    if (st.st_dev, st.st_ino) in seen:
        rejects.append(Reject(str(folder), "", f"folder already read as {seen[st.st_dev, st.st_ino]} "
                              "(a symlink loop or a second link to it); skipped"))
        return []
    seen[st.st_dev, st.st_ino] = folder
    files: list[Path] = []
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.name == "README.md" or entry.name.endswith(SIDECAR):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()  # both follow symlinks
        except OSError as err:
            rejects.append(Reject(str(path), "", f"cannot read: {err.strerror}"))
            continue
        if is_dir:
            files += _walk(path, seen, rejects)
        elif is_file and file_format(path):
            files.append(path)
        elif is_file:
            rejects.append(_unsupported(path))
        elif entry.is_symlink():
            rejects.append(Reject(str(path), "", f"broken symlink (its target {os.readlink(path)!r} does not exist)"))
        else:
            rejects.append(Reject(str(path), "", "not a regular file (a device, socket or pipe)"))
    return files


def decode(data: bytes, path: Path) -> str:
    """Decode file bytes: BOMs first, then strict UTF-8, then charset-normalizer's best guess (:func:`_sniff`).

    Raises:
        ValueError: the bytes are empty, NUL-only or not text, with a message naming the file.
    """
    return data.decode(_sniff(data, whole=True))


def _pick(row: dict[str, Any], key: str) -> str:
    """The first present, non-empty alias of ``key`` in ``row``.

    Raises:
        _FieldError: that value is not a string (nor, for an id or a date, an integer).
    """
    for alias in ALIASES[key]:
        value = row.get(alias)
        if value is None or (isinstance(value, float) and value != value):  # NaN: an empty cell of a table
            continue
        if isinstance(value, int) and not isinstance(value, bool) and key in NUMERIC_FIELDS:
            value = str(value)
        if not isinstance(value, str):
            raise _FieldError(f"field {alias!r} is {type(value).__name__} {_preview(value)}, not a string; "
                              "write it as a JSON string")
        text = value.strip()
        if text:
            return text
    return ""


def _preview(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def read_date(value: str) -> tuple[str, str]:
    """``(date, date_raw)`` of a source's date: ``(ISO 8601, "")``, or ``("", value)`` when it is not a date.

    ISO 8601 is read first (:func:`datetime.fromisoformat`: time, seconds and offset kept), then the
    forms :func:`analysis.clean.parse_date` knows (``2022.08.01 오후 3시``).

    Example:
        >>> read_date("2022-08-01T10:00:00+09:00"), read_date("20220801"), read_date("지난주")
        (('2022-08-01T10:00:00+09:00', ''), ('2022-08-01', ''), ('', '지난주'))
    """
    value = value.strip()
    if not value:
        return "", ""
    iso = _iso_8601(value) or parse_date(value)
    return (iso, "") if iso else ("", value)


def _iso_8601(value: str) -> str:
    if not re.match(r"\d{4}-?\d{2}-?\d{2}(?:$|[T ]\d)", value):
        return ""
    try:
        if len(value) <= 10:
            return date.fromisoformat(value).isoformat()
        moment = datetime.fromisoformat(value)
    except ValueError:
        return ""
    has_seconds = re.search(r"[T ]\d{2}:?\d{2}:?\d{2}", value) is not None
    return moment.isoformat(timespec="auto" if has_seconds else "minutes")


def _from_row(row: dict[str, Any], path: Path, where: str) -> Record | Reject:
    try:
        values = {key: _pick(row, key) for key in ALIASES}
    except _FieldError as err:
        return Reject(str(path), where, str(err))
    if not values["text"]:
        names = ", ".join(ALIASES["text"][:4])
        return Reject(str(path), where, f"record has no text (looked for {names} …)")
    day, day_raw = read_date(values["date"])
    return Record(
        source_path=str(path),
        record=where,
        article_id=values["id"],
        title=normalize_text(values["title"]),
        date=day,
        date_raw=day_raw,
        outlet=values["outlet"],
        url=values["url"],
        byline=values["byline"],
        source=values["source"],
        license=values["license"],
        text="\n".join(paragraphs_of(values["text"])),
    )


def _read_jsonl(text: str, path: Path) -> Iterator[Record | Reject]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _jsonl_record(line, path, f"line {number}")


def _read_json(text: str, path: Path) -> Iterator[Record | Reject]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        yield from _read_jsonl(text, path)  # a .json file holding JSON lines
        return
    items = obj if isinstance(obj, list) else [obj]
    for number, item in enumerate(items, start=1):
        where = f"item {number}"
        yield _from_row(item, path, where) if isinstance(item, dict) else Reject(str(path), where, "record is not a JSON object")


def _read_table(df: pd.DataFrame, path: Path) -> Iterator[Record | Reject]:
    df.columns = [str(c).strip() for c in df.columns]
    if not any(alias in df.columns for alias in ALIASES["text"]):
        yield Reject(str(path), "", f"no text column (looked for {', '.join(ALIASES['text'])}); columns are {list(df.columns)}")
        return
    for number, row in enumerate(df.to_dict("records"), start=2):  # row 1 is the header
        yield _from_row(row, path, f"row {number}")


def html_to_lines(html: str) -> tuple[str, dict[str, str]]:
    """Render an HTML page to text lines (one per block element) and its metadata.

    Captions (``<figcaption>``) are marked with ``▲`` so the cleaner files them as captions.
    Metadata (title, date) comes from trafilatura's extractor where it finds it.
    """
    import lxml.html
    from trafilatura import extract_metadata

    meta: dict[str, str] = {}
    try:
        found = extract_metadata(html)
    except Exception:
        found = None
    if found is not None:
        meta = {"title": found.title or "", "date": found.date or "", "url": found.url or ""}
    parser = lxml.html.HTMLParser(huge_tree=True)  # libxml2 drops what lies deeper than 256 elements otherwise
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except Exception as err:
        raise ValueError(f"HTML could not be parsed: {err}") from None
    limits = [e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:
        raise ValueError(f"HTML nested too deep to read whole ({limits[0]}, even with huge_tree); "
                         "save the article's text as .txt instead")
    for bad in root.xpath("//script|//style|//noscript|//template|//svg|//iframe"):
        bad.drop_tree()
    # source formatting is not structure: fold whitespace inside text, then break at blocks
    for el in root.iter():
        if isinstance(el.tag, str):
            el.text = re.sub(r"\s+", " ", el.text) if el.text else el.text
            el.tail = re.sub(r"\s+", " ", el.tail) if el.tail else el.tail
    caption_like = re.compile(r"caption|photo_?desc|img_?desc|photo_?txt|desc_?photo", re.IGNORECASE)
    for cap in root.xpath("//figcaption | //*[@class or @id]"):
        if cap.tag == "figcaption" or caption_like.search(f"{cap.get('class', '')} {cap.get('id', '')}"):
            cap.text = "▲" + (cap.text or "").lstrip()
    for li in root.xpath("//li"):
        li.text = "• " + (li.text or "")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
    text = root.text_content()
    return text, meta


def sidecar(path: Path) -> dict[str, str]:
    """Provenance of a page file from ``NAME.txt.meta.json`` or ``NAME.meta.json`` beside it ({} if none).

    Raises:
        ValueError: the sidecar is not a JSON object of strings, naming it.
    """
    for candidate in (path.with_name(path.name + SIDECAR), path.with_name(file_stem(path) + SIDECAR)):
        if candidate.is_file():
            try:
                meta = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
                raise ValueError(f"sidecar {candidate.name} is not readable JSON ({err})") from None
            if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
                raise ValueError(f"sidecar {candidate.name} must be a JSON object of strings")
            return meta
    return {}


#: Bytes read to tell a JSON-lines file's encoding; the file itself is then read line by line.
SNIFF_BYTES: Final = 1 << 16


def _sniff(head: bytes, *, whole: bool) -> str:
    """The encoding of a file from its first bytes ``head`` (``whole``: they are the whole file).

    Raises:
        ValueError: empty, blank or binary content.
    """
    if whole and not head.strip(b"\x00 \t\r\n"):
        raise ValueError("empty file" if not head else "file holds only NUL bytes or blanks")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return codec
    if b"\x00" not in head:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=whole)  # a character cut at the end is fine
            return "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(head, cp_isolation=["utf_8", "cp949", "euc_kr", "utf_16", "utf_16_le", "utf_16_be", "latin_1"]).best()
    if best is None:
        raise ValueError("not a text file (binary content, no encoding fits)")
    text = str(best)
    if "\x00" in text or sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t") > len(text) * 0.01:
        raise ValueError(f"not a text file (binary content; best guess {best.encoding} leaves control characters)")
    return best.encoding


def _stream_jsonl(path: Path) -> Iterator[Record | Reject]:
    """A JSON-lines file (gzipped or not) read line by line: memory holds one line, whatever the file's size.

    Each line is decoded on its own, so a line that is not valid in the file's encoding is a reject
    of its own and the lines around it are kept. (A UTF-16 file, whose line breaks are two bytes,
    is decoded whole.)
    """
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    number = 0
    try:
        with opener(path, "rb") as raw:
            head = raw.read(SNIFF_BYTES)
            try:
                encoding = _sniff(head, whole=len(head) < SNIFF_BYTES)
            except ValueError as err:
                yield Reject(str(path), "", str(err))
                return
            raw.seek(0)
            if encoding.startswith("utf-16"):
                yield from _read_jsonl(raw.read().decode(encoding), path)
                return
            for number, data in enumerate(raw, start=1):
                if not data.strip():
                    continue
                try:
                    line = data.decode("utf-8" if encoding == "utf-8-sig" and number > 1 else encoding)
                except UnicodeDecodeError as err:
                    yield Reject(str(path), f"line {number}", f"not valid {encoding} ({err.reason} at byte {err.start})")
                    continue
                yield _jsonl_record(line, path, f"line {number}")
    except (OSError, EOFError, zlib.error) as err:
        where = f"line {number + 1}" if number else ""
        what = "not a readable gzip file" if path.suffix.lower() == ".gz" else "cannot read file"
        yield Reject(str(path), where, f"{what}: {getattr(err, 'strerror', None) or err}")


def _jsonl_record(line: str, path: Path, where: str) -> Record | Reject:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return Reject(str(path), where, f"malformed JSON: {err.msg} at column {err.colno}")
    return _from_row(obj, path, where) if isinstance(obj, dict) else Reject(str(path), where, "record is not a JSON object")


def _read_file(path: Path) -> Iterator[Record | Reject]:
    if file_format(path) == ".jsonl":
        yield from _stream_jsonl(path)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Reject(str(path), "", f"cannot read file: {err.strerror}")
        return
    suffix = file_format(path)
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            yield Reject(str(path), "", f"not a readable gzip file: {err}")
            return
    if suffix in (".xlsx", ".csv"):
        import pandas as pd
    if suffix == ".xlsx":
        try:
            df = pd.read_excel(io.BytesIO(data), engine="openpyxl", dtype=str)
        except Exception as err:
            yield Reject(str(path), "", f"not a readable .xlsx workbook: {err}")
            return
        yield from _read_table(df, path)
        return
    try:
        text = decode(data, path)
    except ValueError as err:
        yield Reject(str(path), "", str(err))
        return
    if suffix == ".json":
        yield from _read_json(text, path)
    elif suffix == ".csv":
        try:
            df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except Exception as err:
            yield Reject(str(path), "", f"not a readable CSV file: {err}")
            return
        yield from _read_table(df, path)
    else:
        meta: dict[str, str] = {}
        if suffix in (".html", ".htm"):
            try:
                text, meta = html_to_lines(text)
            except ValueError as err:
                yield Reject(str(path), "", str(err))
                return
        try:
            given = sidecar(path)
        except ValueError as err:
            yield Reject(str(path), "", str(err))
            return
        page = clean_page(text, title_hint=meta.get("title", ""))
        if not page.paragraphs:
            yield Reject(str(path), "", "no article body found (no run of sentence-like lines)")
            return
        day, day_raw = (page.date, "") if page.date else read_date(meta.get("date", ""))
        yield Record(
            source_path=str(path),
            record="",
            article_id=file_stem(path),
            title=page.title or meta.get("title", ""),
            date=day,
            date_raw=day_raw,
            url=given.get("url") or meta.get("url", ""),
            outlet=given.get("outlet", ""),
            source=given.get("source", ""),
            license=given.get("license", ""),
            byline=page.byline,
            captions=page.captions,
            removed=page.removed,
            text=page.text,
        )


def count_records(paths: str | Path | Sequence[str | Path] | None = None) -> int:
    """About how many records ``paths`` hold, counted cheaply (a build's progress bar total).

    Exact for pages (one per file) and JSON lines (one per non-blank line); CSV rows are counted as
    lines after the header (a field spanning lines counts more than once), a ``.json`` file or an
    Excel workbook as its rows where that is cheap to know, else one.
    """
    files, rejects = discover(paths or DEFAULT_CORPUS)
    total = len(rejects)
    for path in files:
        kind = file_format(path)
        try:
            if kind in (".jsonl", ".csv"):
                opener = gzip.open if path.suffix.lower() == ".gz" else open
                with opener(path, "rb") as f:
                    lines = sum(1 for line in f if line.strip())
                total += lines - 1 if kind == ".csv" else lines
            elif kind == ".xlsx":
                from openpyxl import load_workbook

                total += max((load_workbook(path, read_only=True).active.max_row or 1) - 1, 0)
            else:
                total += 1
        except (OSError, EOFError, zlib.error, ValueError, KeyError):
            total += 1  # unreadable: the build rejects it, one record
    return total


def iter_load(paths: str | Path | Sequence[str | Path] | None = None, *, progress: bool = False) -> Iterator[Record | Reject]:
    """Read and clean every article under ``paths`` (default: the bundled corpus), one at a time.

    Yields each record as a :class:`Record` (kept) or a :class:`Reject` (with its reason), in file
    order, so a build can stream a corpus of any size. Duplicate ids are rejected after the first;
    records without an id get ``FILE-N``.

    Raises:
        CorpusError: a PATH does not exist (before anything is yielded).
    """
    files, rejects = discover(paths or DEFAULT_CORPUS)
    return _iter_files(files, rejects, progress=progress)


def _scrubbed(item: Record | Reject) -> Record | Reject:
    """``item`` with every lone surrogate in any of its fields replaced by U+FFFD (the same object if none)."""
    changed = {}
    for f in fields(item):
        value = getattr(item, f.name)
        if isinstance(value, str) and SURROGATE.search(value):
            changed[f.name] = SURROGATE.sub("\ufffd", value)
        elif isinstance(value, list) and any(SURROGATE.search(v) for v in value):
            changed[f.name] = [SURROGATE.sub("\ufffd", v) for v in value]
    return replace(item, **changed) if changed else item


def _iter_files(files: list[Path], rejects: list[Reject], *, progress: bool) -> Iterator[Record | Reject]:
    yield from map(_scrubbed, rejects)
    seen: dict[str, str] = {}
    iterator: Iterable[Path] = files
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="reading files", unit="file", disable=len(files) < 20)
    for path in iterator:
        for number, read in enumerate(_read_file(path), start=1):
            item = _scrubbed(read)
            if isinstance(item, Reject):
                yield item
                continue
            item.article_id = item.article_id or f"{file_stem(path)}-{number}"
            if item.article_id in seen:
                where = f"{item.record} " if item.record else ""
                yield Reject(item.source_path, item.record,
                             f"duplicate id {item.article_id!r} {where}(first seen in {seen[item.article_id]})")
                continue
            seen[item.article_id] = f"{item.source_path} {item.record}".strip()
            yield item


def load(paths: str | Path | Sequence[str | Path] | None = None, *, progress: bool = False) -> LoadResult:
    """All articles and rejects under ``paths`` (default: the bundled corpus), in memory.

    Raises:
        CorpusError: a PATH does not exist.
    """
    result = LoadResult()
    for item in iter_load(paths, progress=progress):
        (result.rejects if isinstance(item, Reject) else result.records).append(item)
    return result


def articles_frame(records: Sequence[Record], *, content_keys: Sequence[str] | None = None,
                   text_keys: Sequence[str] | None = None) -> pd.DataFrame:
    """The ``articles`` table of ``records`` (built column-wise), with their cache keys when given."""
    import pandas as pd

    if not records:
        return empty_frame("articles")
    cols = {name: [getattr(r, name) for r in records] for name in ARTICLES if hasattr(Record, name)}
    cols["n_chars"] = [len(r.text) for r in records]
    cols["content_key"] = list(content_keys) if content_keys is not None else ["" for _ in records]
    cols["text_key"] = list(text_keys) if text_keys is not None else ["" for _ in records]
    return conform(pd.DataFrame(cols), "articles")


def rejects_frame(rejects: Sequence[Reject]) -> pd.DataFrame:
    """The ``rejects`` table."""
    import pandas as pd

    if not rejects:
        return empty_frame("rejects")
    return conform(pd.DataFrame({c: [getattr(r, c) for r in rejects] for c in REJECTS}), "rejects")


def text_hash(text: str) -> str:
    """A short content hash (sha256, 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
