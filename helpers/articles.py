"""Turn files and folders of articles into a clean corpus.

Every supported file becomes zero or more articles; anything that cannot be
read becomes a row of ``skipped`` with a plain-language reason, and the rest of
the corpus goes on. Nothing here raises on bad input except a missing path.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import pandas as pd
import py3langid
import yaml
from charset_normalizer import from_bytes

from helpers.dates import PublicationDate, date_from_html, date_from_text, parse_date
from helpers.screening.formats import detect_text as detect_list_text
from helpers.text import normalize_text, split_related

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".csv")
#: Documentation files that sit beside articles (attribution, licences) and are not articles.
NOT_ARTICLES = {"readme.md", "sources.md", "license.md", "licence.md", "notice.md", "changelog.md"}

ARTICLE_COLUMNS = [
    "article_id", "path", "title", "text", "related", "lang", "lang_source",
    "published", "date_precision", "url", "source", "licence", "n_chars", "sha256", "duplicates", "abs_path",
]
SKIPPED_COLUMNS = ["path", "reason", "abs_path"]
#: Where the file is on this machine: kept in the workspace only, never shown in a report or CSV
#: file, which name files by ``path``, relative to the input they were found under.
ABSOLUTE_PATH = "abs_path"

#: Document formats people often drop beside articles: a reader for them may come later.
NOT_YET_SUPPORTED = {
    ".pdf": "PDF documents", ".docx": "Word documents", ".doc": "Word documents",
    ".odt": "OpenDocument texts", ".rtf": "RTF documents", ".epub": "EPUB books",
    ".xlsx": "Excel workbooks", ".xls": "Excel workbooks", ".ods": "OpenDocument spreadsheets",
}
#: Field names of CSV and JSON records, in French or English, mapped to the names the loader reads.
FIELD_ALIASES = {
    "titre": "title", "texte": "text", "corps": "text",
    "langue": "lang", "language": "lang", "lien": "url", "link": "url", "adresse": "url",
    "publié": "published", "publie": "published", "date de publication": "published",
    "auteur": "author", "licence": "licence", "license": "licence", "identifiant": "id",
}

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


class InputPathError(FileNotFoundError):
    """An input path given by the user does not exist."""


@dataclass
class RawArticle:
    """One article as read from its file, before normalisation."""

    path: str
    text: str
    abs_path: str = ""
    title: str = ""
    article_id: str = ""
    url: str = ""
    #: The date as the input gives it (text, or a date from YAML); read once the language is known.
    published: Any = ""
    #: A date already read from the file's markup (HTML pages).
    date: PublicationDate | None = None
    lang: str = ""
    source: str = ""
    licence: str = ""


@dataclass
class Corpus:
    """The result of loading: the articles, and what was skipped and why."""

    articles: pd.DataFrame
    skipped: pd.DataFrame
    files_seen: int = 0

    def summary(self) -> str:
        lines = [f"{len(self.articles)} articles loaded from {self.files_seen} files; "
                 f"{len(self.skipped)} items skipped."]
        for reason, count in _reason_kinds(self.skipped).items():
            lines.append(f"  skipped {count}: {reason}")
        return "\n".join(lines)


@dataclass
class _Collector:
    articles: list[RawArticle] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)
    #: (shown path, absolute path) of the file being read: readers name items by the shown path.
    current: tuple[str, str] = ("", "")

    def skip(self, path: str, reason: str, *, absolute: str | None = None) -> None:
        log.info("Skipped %s: %s", path, reason)
        self.skipped.append((path, reason, absolute or self.absolute(path)))

    def add(self, article: RawArticle) -> None:
        article.abs_path = self.absolute(article.path)
        self.articles.append(article)

    def absolute(self, path: str) -> str:
        """The absolute form of a shown path (``#row 3`` and the like kept)."""
        shown, absolute = self.current
        return absolute + path[len(shown):] if shown and path.startswith(shown) else path


# Public API ------------------------------------------------------------------


def find_files(inputs: Iterable[str | os.PathLike]) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of files.

    Hidden files and folders (starting with ".") are left out.

    Raises:
        InputPathError: when an input path does not exist.
    """
    files: list[Path] = []
    for raw in inputs:
        path = Path(raw).expanduser()
        if not path.exists():
            raise InputPathError(f"Input path does not exist: {path}")
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    files.append(child)
        else:
            files.append(path)
    return files


def shown_path(path: str | os.PathLike, roots: Iterable[str | os.PathLike]) -> str:
    """``path`` as a report shows it: relative to the input it was found under, from that input's name.

    A file under the input folder ``~/leak`` is ``leak/sub/a.txt``; a file given
    by itself is its name. Nothing of the machine's folders above the input
    (home folder, user name, mount point) is kept.
    """
    absolute = Path(os.path.abspath(Path(path).expanduser()))
    best: tuple[int, str] | None = None
    for raw in roots:
        root = Path(os.path.abspath(Path(raw).expanduser()))
        if absolute == root:
            found = root.name
        elif absolute.is_relative_to(root):
            found = (Path(root.name) / absolute.relative_to(root)).as_posix()
        else:
            continue
        if best is None or len(root.parts) > best[0]:
            best = (len(root.parts), found)
    return best[1] if best else absolute.name


def load_articles(
    inputs: Iterable[str | os.PathLike],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int], None] | None = None,
    roots: Iterable[str | os.PathLike] | None = None,
) -> Corpus:
    """Read every article under ``inputs`` into a normalised, de-duplicated corpus.

    Args:
        inputs: files or folders (read recursively).
        max_bytes: files larger than this are skipped (default 20 MB).
        progress: called with 1 after each file.
        roots: the folders and files given by the user, that ``path`` is shown
            relative to (:func:`shown_path`); default ``inputs``.

    Returns:
        A :class:`Corpus`; its ``articles`` has :data:`ARTICLE_COLUMNS` and its
        ``skipped`` :data:`SKIPPED_COLUMNS`.
    """
    inputs = list(inputs)
    files = find_files(inputs)
    roots = list(roots) if roots is not None else inputs
    collector = _Collector()
    for path in files:
        read_file(path, collector, max_bytes=max_bytes, shown=shown_path(path, roots))
        if progress:
            progress(1)
    articles = _finish(collector)
    skipped = pd.DataFrame(collector.skipped, columns=SKIPPED_COLUMNS)
    return Corpus(articles=articles, skipped=skipped, files_seen=len(files))


def read_file(path: Path, collector: _Collector, *, max_bytes: int = DEFAULT_MAX_BYTES,
              shown: str | None = None) -> None:
    """Read one file into ``collector``: its articles, or the reason it was skipped.

    ``shown`` names the file in the corpus tables (default: its path as given).
    """
    where = shown if shown is not None else str(path)
    collector.current = (where, os.path.abspath(path))
    suffix = path.suffix.lower()
    if path.name.lower() in NOT_ARTICLES:
        collector.skip(where, f"documentation file ({path.name}), not an article")
        return
    if suffix not in SUPPORTED_SUFFIXES:
        later = NOT_YET_SUPPORTED.get(suffix)
        hint = f": {later} are not supported yet; save the text as .txt or .html to load it" if later else ""
        collector.skip(
            where,
            f"unsupported file type '{suffix or path.name}'{hint} (supported: {', '.join(SUPPORTED_SUFFIXES)})",
        )
        return
    try:
        size = path.stat().st_size
    except OSError as err:
        collector.skip(where, f"cannot read file: {err.strerror or err}")
        return
    if size > max_bytes:
        collector.skip(
            where, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB size limit"
        )
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        collector.skip(where, f"cannot read file: {err.strerror or err}")
        return
    if not data.strip():
        collector.skip(where, "empty file")
        return
    text, problem = decode_bytes(data)
    if text is None:
        collector.skip(where, problem)
        return
    if not text.strip():
        collector.skip(where, "empty file (only whitespace after decoding)")
        return
    list_format = detect_list_text(path.name, text) if suffix in (".csv", ".json", ".jsonl") else None
    if list_format:
        collector.skip(where, f"sanctions-list file ({list_format}), not an article: pass it with --lists")
        return
    READERS[suffix](where, text, collector)


def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode file bytes: UTF-8, UTF-8 or UTF-16 with BOM, then a detected legacy encoding.

    Returns:
        ``(text, "")`` on success, ``(None, reason)`` when the bytes are not text.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), ""
            except UnicodeDecodeError as err:
                return None, f"undecodable bytes: the file starts with a {encoding} mark but {err.reason} at byte {err.start}"
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return None, f"binary file ({kind}), not text"
    head = data[:8192]
    if b"\x00" in head:
        return None, "binary file (contains NUL bytes), not text"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    else:
        if _control_ratio(text) > 0.05:
            return None, "binary file (mostly control characters), not text"
        return text, ""
    utf8_chars = len(_UTF8_MULTIBYTE.findall(data))
    if utf8_chars > len(_UTF8_MULTIBYTE.sub(b"", data).translate(None, bytes(range(128)))):
        # Mostly UTF-8 with a few broken bytes: any legacy encoding would only give mojibake.
        return None, f"undecodable bytes: UTF-8 text with invalid bytes (first at byte {first_bad})"
    matches = from_bytes(data, cp_isolation=None)
    best = matches.best()
    if best is None or best.encoding is None:
        return None, "undecodable bytes: not UTF-8 and no legacy encoding fits"
    encoding = _prefer_western(data, matches, best)
    text = data.decode(encoding)
    if _control_ratio(text) > 0.05:
        return None, f"binary file (mostly control characters as {encoding}), not text"
    log.info("Decoded as %s", encoding)
    return text, ""


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
#: Characters that Windows-1252 text in French, English and other Western languages is made of.
_WESTERN_CHARS = set(
    "\u00a0«»°§€’‘“”„–—…•œŒšŠžŽŸ"
    "ÀÁÂÃÄÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäæçèéêëìíîïñòóôõöùúûüýÿß"
)


def _prefer_western(data: bytes, matches: Any, best: Any) -> str:
    """The detected encoding, or Windows-1252/Latin-1 when that reads at least as well.

    On short French or English texts detection often picks a Central European or
    Baltic code page (è read as č); Windows-1252 wins when its reading is as
    coherent and uses only Western letters and punctuation.
    """
    for match in matches:
        western = next((e for e in _WESTERN if e in match.could_be_from_charset), None)
        if western is None or match.coherence < best.coherence:
            continue
        try:
            text = data.decode(western)
        except UnicodeDecodeError:
            continue
        if all(ch in _WESTERN_CHARS for ch in text if ord(ch) > 127):
            return western
    return best.encoding


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


# Readers per format ------------------------------------------------------------


def _read_txt(path: str, text: str, collector: _Collector) -> None:
    lines = text.strip().splitlines()
    title = lines[0].strip() if lines else ""
    body = "\n".join(lines[1:]).strip()
    if not body:
        collector.skip(path, "no article text: the file has a title line and nothing else")
        return
    collector.add(RawArticle(path=path, title=title, text=body))


def _read_md(path: str, text: str, collector: _Collector) -> None:
    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError) as err:
        collector.skip(path, f"malformed front matter: {_one_line(err)}")
        return
    meta = {str(k).lower(): v for k, v in post.metadata.items()}
    body = post.content.strip()
    title = _text_field(meta.get("title"))
    if not title:
        heading = re.match(r"\s*#\s+(.+)\n", body)
        if heading:
            title = heading.group(1).strip()
            body = body[heading.end():].strip()
    if not body:
        collector.skip(path, "no article text after the front matter")
        return
    collector.add(
        RawArticle(
            path=path,
            title=title,
            text=body,
            url=_text_field(meta.get("url") or meta.get("link")),
            published=meta.get("date") or meta.get("published") or "",
            lang=_text_field(meta.get("lang") or meta.get("language")),
            source=_text_field(meta.get("source") or meta.get("publisher")),
            licence=_text_field(meta.get("licence") or meta.get("license")),
        )
    )


def _read_html(path: str, text: str, collector: _Collector) -> None:
    import trafilatura

    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
    )
    body = (doc.text if doc is not None else "") or ""
    if not body.strip():
        collector.skip(path, "no article text found in the HTML page")
        return
    collector.add(
        RawArticle(
            path=path,
            title=(doc.title or "").strip(),
            text=body,
            url=(doc.url or "").strip(),
            date=date_from_html(text),
            lang=_html_lang(text),
            source=(doc.sitename or "").strip(),
        )
    )


def _html_lang(html: str) -> str:
    match = re.search(r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]{2,3})", html[:5000], re.IGNORECASE)
    return match.group(1).lower() if match else ""


def _read_json(path: str, text: str, collector: _Collector) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        collector.skip(path, f"malformed JSON: {err.msg} at line {err.lineno}, column {err.colno}")
        return
    records = data if isinstance(data, list) else [data]
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        records = data["articles"]
    for number, record in enumerate(records, start=1):
        _add_record(f"{path}#{number}" if len(records) > 1 else path, record, collector)


def _read_jsonl(path: str, text: str, collector: _Collector) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}#line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            collector.skip(where, f"malformed JSON line: {err.msg} at column {err.colno}")
            continue
        _add_record(where, record, collector)


def _read_csv(path: str, text: str, collector: _Collector) -> None:
    csv.field_size_limit(DEFAULT_MAX_BYTES)
    lines = io.StringIO(text, newline="").readlines()
    names: list[str] = []
    for delimiter in _csv_delimiters(lines):
        rows = _csv_rows(lines, delimiter=delimiter)
        first = next(rows, None)
        if first is None or first[1] is None:
            continue
        names = [_field_name(h) for h in first[1]]
        if "text" in names or "body" in names:
            break
    else:
        if not names:
            collector.skip(path, "malformed CSV: no header row")
        else:
            collector.skip(path, f"CSV header has no 'text' or 'body' column (nor texte, corps; found: "
                                 f"{', '.join(names)})")
        return
    accounted = False  # a row was loaded or skipped: else the file itself is skipped
    for number, row, problem in rows:
        where = f"{path}#row {number}"
        if row is None:
            collector.skip(where, f"malformed CSV row: {problem}")
            accounted = True
            continue
        if not any(cell.strip() for cell in row):
            continue
        accounted = True
        if len(row) != len(names):
            collector.skip(where, f"malformed CSV row: {len(row)} fields where the header has {len(names)}")
            continue
        _add_record(where, dict(zip(names, row)), collector)
    if not accounted:
        collector.skip(path, "empty CSV: a header row and no article row")


def _csv_delimiters(lines: list[str]) -> list[str]:
    """Delimiters to try: the one csv.Sniffer finds (";" in French Excel), those of the header line, ","."""
    header = lines[0] if lines else ""
    try:
        sniffed = [csv.Sniffer().sniff("".join(lines[:20])[:20000], delimiters=_CSV_DELIMITERS).delimiter]
    except csv.Error:  # rows of unequal lengths: the header line alone decides
        sniffed = []
    by_header = sorted((d for d in _CSV_DELIMITERS if d in header), key=header.count, reverse=True)
    return list(dict.fromkeys([*sniffed, *by_header, ","]))


_CSV_DELIMITERS = ",;\t|"


def _field_name(name: Any) -> str:
    """A CSV header or JSON key as the loader reads it: lower case, French names mapped."""
    key = " ".join(str(name).replace("\ufeff", "").split()).lower()
    return FIELD_ALIASES.get(key, key)


def _csv_rows(lines: list[str], first_line: int = 1, *, delimiter: str = ",") -> Iterator[tuple[int, list[str] | None, str]]:
    """``(line number, row, "")`` per CSV record, or ``(line number, None, problem)`` for a broken one.

    A stray quote makes a record run on over the next lines; strict parsing stops
    it at the first impossible character, and the lines it swallowed are read
    again, so one bad row never takes its good neighbours with it.
    """
    reader = csv.reader(lines, strict=True, delimiter=delimiter)
    done = 0  # lines consumed by the records read so far
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield first_line + done, None, _one_line(err)
            yield from _csv_rows(lines[done + 1 : reader.line_num], first_line + done + 1, delimiter=delimiter)
        else:
            yield first_line + done, row, ""
        done = reader.line_num


def _add_record(where: str, record: Any, collector: _Collector) -> None:
    if not isinstance(record, dict):
        collector.skip(where, f"record is a JSON {type(record).__name__}, not an object")
        return
    mapped: dict[str, Any] = {}
    for key, value in record.items():
        name = _field_name(key)
        if name not in mapped or not _text_field(mapped[name]):  # of "text" and "texte", the first filled one
            mapped[name] = value
    record = mapped
    body = _text_field(record.get("text") or record.get("body"))
    if not body.strip():
        collector.skip(where, "record has no 'text' or 'body'")
        return
    collector.add(
        RawArticle(
            path=where,
            article_id=_text_field(record.get("id")),
            title=_text_field(record.get("title")),
            text=body,
            url=_text_field(record.get("url")),
            published=record.get("published") or record.get("date") or "",
            lang=_text_field(record.get("lang")),
            source=_text_field(record.get("source")),
            licence=_text_field(record.get("licence") or record.get("license")),
        )
    )


READERS: dict[str, Callable[[str, str, _Collector], None]] = {
    ".txt": _read_txt,
    ".md": _read_md,
    ".markdown": _read_md,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
    ".csv": _read_csv,
}


# Normalisation, ids, languages, duplicates ----------------------------------------


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of ``text``'s language; the same answer on every run."""
    sample = text[:5000]
    if not re.search(r"[^\W\d_]", sample):
        return "und"
    lang, _score = py3langid.classify(sample)
    return lang


#: ISO 639-2/3 codes seen in article metadata, mapped to the ISO 639-1 codes the kit uses.
_THREE_LETTER = {"fra": "fr", "fre": "fr", "eng": "en", "deu": "de", "ger": "de", "spa": "es",
                 "por": "pt", "ita": "it", "rus": "ru", "ukr": "uk", "nld": "nl", "dut": "nl",
                 "pol": "pl", "zho": "zh", "chi": "zh", "ara": "ar"}


def language_code(value: str) -> str:
    """``"fr-FR"``, ``"FR"``, ``"fra"`` -> ``"fr"``; an unknown code is kept as given, lower-cased."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return _THREE_LETTER.get(code, code)


def content_id(title: str, text: str) -> str:
    """An article id derived from the content, stable across runs."""
    return hashlib.sha256(f"{title}\n{text}".encode("utf-8")).hexdigest()[:16]


def _finish(collector: _Collector) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    by_hash: dict[str, dict[str, Any]] = {}
    used_ids: set[str] = set()
    for raw in collector.articles:
        title = normalize_text(raw.title).replace("\n", " ")
        full = normalize_text(raw.text)
        if not full:  # only marks the normalisation removes (a UTF-16 file holding one byte-order mark more)
            collector.skip(raw.path, "empty article: no text left after normalising (only invisible characters)",
                           absolute=raw.abs_path)
            continue
        body, related = split_related(full)
        digest = hashlib.sha256(full.encode("utf-8")).hexdigest()
        if digest in by_hash:
            first = by_hash[digest]
            first["duplicates"].append(raw.path)
            collector.skip(raw.path, f"duplicate of {first['path']} (same text), loaded once as {first['article_id']}",
                           absolute=raw.abs_path)
            continue
        article_id = raw.article_id.strip() or content_id(title, full)
        if article_id in used_ids:
            collector.skip(raw.path, f"article id {article_id!r} is already used by another article with different text",
                           absolute=raw.abs_path)
            continue
        given_lang = language_code(raw.lang)
        lang = given_lang or detect_language(body)
        published, precision = _publication(raw, body, lang)
        row = {
            "article_id": article_id,
            "path": raw.path,
            "title": title,
            "text": body,
            "related": related,
            "lang": lang,
            "lang_source": "input" if given_lang else "detected",
            "published": published,
            "date_precision": precision,
            "url": raw.url,
            "source": raw.source,
            "licence": raw.licence,
            "n_chars": len(body),
            "sha256": digest,
            "duplicates": [],
            ABSOLUTE_PATH: raw.abs_path or raw.path,
        }
        by_hash[digest] = row
        used_ids.add(article_id)
        rows.append(row)
    for row in rows:
        row["duplicates"] = "; ".join(row["duplicates"])
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def _text_field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return str(value).strip()


def _publication(raw: RawArticle, body: str, lang: str) -> tuple[str, str]:
    """``(published, date_precision)``: from the markup, the metadata, else the text's first lines.

    A metadata value that reads as no date is kept as given, with no precision.
    """
    found = raw.date or parse_date(raw.published, lang=lang) or date_from_text(body, lang=lang)
    if found:
        return found.value, found.precision
    given = _text_field(raw.published)
    if given:
        log.info("%s: the date %r does not read as a date", raw.path, given)
    return given, ""


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:200]


def _reason_kinds(skipped: pd.DataFrame) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for reason in skipped.get("reason", []):
        kind = reason.split(":")[0].split("(")[0].strip()
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def iter_article_texts(articles: pd.DataFrame) -> Iterator[tuple[str, str, str]]:
    """``(article_id, lang, text)`` for every article, the input of the tagging steps."""
    yield from zip(articles["article_id"], articles["lang"], articles["text"])
