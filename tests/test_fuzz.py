"""Property-based fuzz tests (hypothesis): no input crashes the loader, the dates or the amount parser.

The README quotes how many generated cases run: the ``max_examples`` below, all
run on every ``make test`` (``--hypothesis-show-statistics`` prints them).
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.amounts import amount_records
from helpers.evaluation import blank_amount_pipeline
from helpers.articles import ARTICLE_COLUMNS, SKIPPED_COLUMNS, SUPPORTED_SUFFIXES, load_articles
from helpers.dates import PRECISIONS, date_from_text, parse_date

LOADER_EXAMPLES = 300
AMOUNT_EXAMPLES = 400
DATE_EXAMPLES = 300
FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "database": None}

#: Pieces that the formats' parsers and the decoder treat specially, mixed into random text.
SYNTAX = ["---\n", "title: ", "date: ", "lang: fr\n", "\n", "\r\n", ",", ";", "\t", '"', "'", "{", "}", "[", "]",
          ":", "<html>", "<p>", "</p>", "<meta property=\"article:published_time\" content=\"", "\">", "<!--",
          "titre;texte;date\n", "id,title,text\n", '{"text": "', '"}', "\ufeff", "\x00", "\u2028", "é", "€",
          "Publié le ", "12 mars 2024", "03/04/2024", "2024-03-14T00:30+01:00", "Updated "]
SUFFIXES = [*SUPPORTED_SUFFIXES, ".pdf", ".docx", ""]


def syntax_text(max_size: int = 60) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=12)), max_size=max_size).map("".join)


file_bytes = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    syntax_text().flatmap(lambda t: st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]).map(
        lambda enc: t.encode(enc, "replace"))),
)


@settings(max_examples=LOADER_EXAMPLES, **FUZZ)
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), file_bytes), min_size=1, max_size=4))
def test_fuzz_loader_never_crashes_and_accounts_for_every_file(files):
    with tempfile.TemporaryDirectory() as folder:
        names = []
        for number, (suffix, data) in enumerate(files):
            name = f"f{number}{suffix}"
            (Path(folder) / name).write_bytes(data)
            names.append(name)
        corpus = load_articles([folder])
    assert list(corpus.articles.columns) == ARTICLE_COLUMNS and list(corpus.skipped.columns) == SKIPPED_COLUMNS
    assert corpus.files_seen == len(files)
    seen = {Path(p.split("#")[0]).name for p in [*corpus.articles["path"], *corpus.skipped["path"]]}
    assert set(names) <= seen  # every file is loaded or skipped with a reason
    assert (corpus.articles["text"].str.strip() != "").all()
    assert corpus.articles["article_id"].is_unique
    assert set(corpus.articles["date_precision"]) <= {"", *PRECISIONS}


@settings(max_examples=AMOUNT_EXAMPLES, **FUZZ)
@given(lang=st.sampled_from(["fr", "en"]),
       text=st.one_of(st.text(max_size=300), st.lists(st.one_of(
           st.sampled_from(["€", "$", "US$", "£", "EUR", "USD", "BTC", "euros", "dollars", "millions", "milliard",
                            "bn", "k", "M", "Md€", "m", " ", "\u00a0", "\u202f", ",", ".", "'", "-", "à", "to",
                            "de", "plus de", "up to", "jusqu'à", "exceeding", "(", ")", "soit", "environ",
                            "sanctions", "\n"]),
           st.integers(min_value=0, max_value=10**15).map(str),
           st.text(max_size=5)), max_size=40).map(" ".join)))
def test_fuzz_amount_parser_never_crashes(amount_nlps, lang, text):
    doc = amount_nlps[lang](text)
    records = amount_records(doc)
    for record in records:
        assert 0 <= record["start"] < record["end"] <= len(text)
        assert record["text"] == text[record["start"]:record["end"]]
        assert record["sentence_start"] <= record["start"] and record["end"] <= record["sentence_end"] + 1
        assert record["value"] is None or (math.isfinite(record["value"]) and record["value"] >= 0)
        assert record["threshold"] in (None, "above", "below")
        assert record["vague"] == (record["value"] is None)


@settings(max_examples=DATE_EXAMPLES, **FUZZ)
@given(lang=st.sampled_from(["fr", "en", "de", "und", ""]), text=st.one_of(st.text(max_size=80), syntax_text(12)))
def test_fuzz_dates_never_crash(lang, text):
    for found in (parse_date(text, lang=lang), date_from_text(text, lang=lang)):
        assert found is None or (found.precision in PRECISIONS and found.value[:4].isdigit())


@pytest.fixture(scope="module")
def amount_nlps():
    return {lang: blank_amount_pipeline(lang) for lang in ("fr", "en")}
