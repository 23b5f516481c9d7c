"""The article loader (helpers.articles): formats, encodings, ids, languages, duplicates, bad input."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from helpers.articles import (
    ARTICLE_COLUMNS,
    DEFAULT_MAX_BYTES,
    SKIPPED_COLUMNS,
    InputPathError,
    content_id,
    decode_bytes,
    detect_language,
    load_articles,
    shown_path,
)
from conftest import ARTICLES_DIR, BAD_DIR, BAD_REASONS, GOOD_ARTICLES, GOOD_BESIDE_BAD, files_in
from helpers.paths import SEEDS


def by_name(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """Rows keyed by file name plus record suffix (``records.csv#row 2``)."""
    return {Path(path).name: row for path, (_, row) in zip(frame["path"], frame.iterrows())}


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


@pytest.fixture(scope="module")
def good(articles_dir):
    return load_articles([articles_dir])


@pytest.fixture(scope="module")
def bad(bad_dir):
    return load_articles([bad_dir])


# Good input: every format --------------------------------------------------------



def test_load_articles_reads_every_good_fixture(good):
    assert list(good.articles.columns) == ARTICLE_COLUMNS
    assert list(good.skipped.columns) == SKIPPED_COLUMNS
    assert good.skipped.empty, good.skipped.to_string()
    assert sorted(by_name(good.articles)) == sorted(GOOD_ARTICLES)
    assert good.files_seen == len(files_in(ARTICLES_DIR))


@pytest.mark.parametrize(("name", "expected"), GOOD_ARTICLES.items(), ids=list(GOOD_ARTICLES))
def test_load_articles_fields_per_format(good, name, expected):
    row = by_name(good.articles)[name]
    for column, value in expected.items():
        assert row[column] == value, column
    assert row["text"].strip()
    assert row["n_chars"] == len(row["text"])


@pytest.mark.parametrize(
    ("name", "snippet"),
    [
        ("fr_brief.txt", "Le gérant de la société a été placé en garde à vue."),
        ("cp1252_fr.txt", "Les enquêteurs évoquent des virements répétés de 2 500 € vers une société à Monaco, créée l'été dernier."),
        ("cp1252_fr.txt", "« excessive » et qu'il ferait appel très rapidement."),
        ("latin1_fr.txt", "Les prévenus, dont un ancien négociant, auraient détourné près de cinquante millions d'euros."),
        ("utf8_bom_fr.txt", "Une réunion secrète entre des représentants de banques"),
        ("utf16_en.txt", "She said the firm's partners approved every transfer"),
        ("records.csv#row 2", "taking bribes from shipping companies, prosecutors said."),
        ("records_list.json#2", "Les montants en cause dépasseraient deux millions d'euros."),
    ],
)
def test_load_articles_decodes_and_normalises_body(good, name, snippet):
    text = by_name(good.articles)[name]["text"]
    assert snippet in text
    assert "\ufeff" not in text and "\ufffd" not in text


LEGACY_TEXTS = [
    "L’été dernier, le trésorier a reçu 500 € en espèces. Il a été arrêté près de la Bourse.",
    "Titre\nL’enquête révèle que la société a versé 2 000 € à un élève. Après la fête, on s’est arrêté à Noël.",
    "Café crème à 3 €",
    "Le maître d’œuvre a reçu 3 000 € à Noël ; où est passé l’argent ?",
    "Déjà condamné, l’élu a vu ses comptes gelés. « C’est excessif », dit-il.",
    "The café’s owner paid €5,000 — a “fee” — to the mayor’s office.",
    "Procès du réseau : les prévenus auraient détourné près de cinquante millions d'euros.",
    "Réunion à Genève : « la société a versé 2 000 francs », selon l'élève de l'école.",
]
ENCODERS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "cp1252": lambda t: t.encode("cp1252"),
}


@pytest.mark.parametrize("encoding", ENCODERS)
@pytest.mark.parametrize("text", LEGACY_TEXTS)
def test_decode_bytes_reads_unicode_and_cp1252(text, encoding):
    assert decode_bytes(ENCODERS[encoding](text)) == (text, "")


@pytest.mark.parametrize("text", [t for t in LEGACY_TEXTS if all(ord(ch) < 256 for ch in t)])
def test_decode_bytes_reads_latin1(text):
    assert decode_bytes(text.encode("latin-1")) == (text, "")


@pytest.mark.parametrize("name", ["fr_page.html", "en_page.html"])
@pytest.mark.parametrize(
    "boilerplate",
    ["TRACKER_SCRIPT_TEXT", "MENU_NAV_TEXT", "COOKIE_BANNER_TEXT", "FOOTER_TEXT", "font-family", "cookie", "<"],
)
def test_load_articles_html_drops_boilerplate(good, name, boilerplate):
    row = by_name(good.articles)[name]
    assert boilerplate.lower() not in (row["text"] + row["title"]).lower()


@pytest.mark.parametrize(
    ("name", "paragraph_start"),
    [
        ("fr_page.html", "Le parquet national financier a ouvert une enquête préliminaire"),
        ("fr_page.html", "Selon des documents consultés par notre rédaction"),
        ("fr_page.html", "La plateforme conteste ces accusations."),
        ("fr_page.html", "Les autorités américaines avaient déjà sanctionné"),
        ("fr_page.html", "Une source proche du dossier indique que des perquisitions"),
        ("en_page.html", "Financial regulators on Tuesday fined"),
        ("en_page.html", "According to the settlement documents"),
        ("en_page.html", "The company's former chief executive agreed to step down"),
        ("en_page.html", "Lawmakers welcomed the decision"),
        ("en_page.html", "The exchange will remain under monitoring for five years."),
    ],
)
def test_load_articles_html_keeps_every_paragraph(good, name, paragraph_start):
    assert paragraph_start in by_name(good.articles)[name]["text"]


# Related-links blocks --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "body_end", "related_start"),
    [
        ("fr_brief.txt", "ignorait l'identité réelle des bénéficiaires.", "____\nApprendre encore plus:"),
        ("en_report.md", "all transactions complied with the law.", "Read more:\n- How nominee directors"),
    ],
)
def test_load_articles_splits_related_block(good, name, body_end, related_start):
    row = by_name(good.articles)[name]
    assert row["text"].endswith(body_end)
    assert row["related"].startswith(related_start)
    assert related_start.splitlines()[-1] not in row["text"]


def test_load_articles_splits_related_block_of_seed_sample():
    corpus = load_articles([SEEDS / "000_dc811fb2d9703db4.txt"])
    row = corpus.articles.iloc[0]
    assert row["text"].endswith("(10 900 USD).")
    assert row["related"].startswith("____\nApprendre encore plus:")
    assert row["related"].count("\n– ") == 4
    assert "Apprendre encore plus" not in row["text"]
    assert row["lang"] == "fr"


# Ids -------------------------------------------------------------------------------


def test_load_articles_ids_are_stable_across_runs_and_folders(articles_dir, tmp_path):
    first = load_articles([articles_dir]).articles
    second = load_articles([articles_dir]).articles
    copy = load_articles([shutil.copytree(articles_dir, tmp_path / "elsewhere")]).articles
    assert list(first["article_id"]) == list(second["article_id"])
    assert sorted(first["article_id"]) == sorted(copy["article_id"])
    assert first["article_id"].is_unique


def test_load_articles_keeps_given_ids(good):
    given = {"json-list-1", "json-list-2", "json-object-1", "jsonl-1", "jsonl-2", "csv-1", "csv-2"}
    assert given <= set(good.articles["article_id"])
    derived = good.articles[~good.articles["article_id"].isin(given)]["article_id"]
    assert len(derived) == 9
    assert derived.str.fullmatch(r"[0-9a-f]{16}").all()


@pytest.mark.parametrize(("given", "kept"), [(42, "42"), ("  spaced-id ", "spaced-id"), ("ÉTÉ-1", "ÉTÉ-1")])
def test_load_articles_keeps_given_id_of_any_type(tmp_path, given, kept):
    write(tmp_path, "one.json", json.dumps({"id": given, "text": "A text long enough to be an article body."}))
    assert list(load_articles([tmp_path]).articles["article_id"]) == [kept]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Title", "Body text."), ("Title", "Body text!")),
        (("Title", "Body text."), ("Other title", "Body text.")),
    ],
)
def test_content_id_changes_with_content(a, b):
    assert content_id(*a) == content_id(*a)
    assert content_id(*a) != content_id(*b)


def test_load_articles_skips_second_article_with_same_given_id(tmp_path):
    write(tmp_path, "a.jsonl",
          '{"id": "same", "text": "The first article with this id."}\n'
          '{"id": "same", "text": "A different article reusing the id."}\n')
    corpus = load_articles([tmp_path])
    assert list(corpus.articles["text"]) == ["The first article with this id."]
    assert corpus.skipped["reason"].str.contains("already used").tolist() == [True]



@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom.md", b"\xff\xfe\xff\xfe"),  # UTF-16 mark, then a second mark as the whole text
        ("marks.md", "\ufeff\ufeff\ufeff".encode("utf-8")),  # UTF-8 mark, then two more
    ],
)
def test_load_articles_skips_a_file_left_empty_by_normalising(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    write(tmp_path, "good.txt", "A title\nA body with text.")
    corpus = load_articles([tmp_path])
    assert list(corpus.articles["text"]) == ["A body with text."]
    assert corpus.skipped["path"].str.endswith(name).tolist() == [True]
    assert corpus.skipped["reason"].iloc[0].startswith("empty article")


# Languages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le parquet a ouvert une enquête sur des virements suspects vers des sociétés écrans.", "fr"),
        ("Les enquêteurs soupçonnent la banque d'avoir ignoré les alertes de son propre logiciel.", "fr"),
        ("Prosecutors opened an inquiry into suspicious transfers to shell companies.", "en"),
        ("The bank ignored hundreds of alerts generated by its own monitoring software.", "en"),
        ("Die Staatsanwaltschaft ermittelt gegen den Geschäftsführer des Unternehmens.", "de"),
        ("La fiscalía abrió una investigación sobre transferencias sospechosas a empresas fantasma.", "es"),
        ("Прокуратура возбудила уголовное дело о легализации преступных доходов.", "ru"),
        ("12 345 678 — 2021/2022", "und"),
    ],
)
def test_detect_language_is_deterministic(text, lang):
    assert [detect_language(text) for _ in range(3)] == [lang] * 3


@pytest.mark.parametrize(
    ("front_matter_lang", "expected"),
    [("en", "en"), ("EN", "en"), ("fr-FR", "fr"), ("de", "de")],
)
def test_load_articles_given_lang_wins(tmp_path, front_matter_lang, expected):
    write(tmp_path, "a.md", f"---\ntitle: Titre\nlang: {front_matter_lang}\n---\n"
          "Le parquet a ouvert une enquête sur des virements suspects vers des sociétés écrans.\n")
    row = load_articles([tmp_path]).articles.iloc[0]
    assert (row["lang"], row["lang_source"]) == (expected, "input")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Staatsanwaltschaft hat ihre Ermittlungen gegen einen Zahlungsdienstleister ausgeweitet.", "de"),
        ("La fiscalía abrió una investigación sobre transferencias sospechosas a empresas fantasma.", "es"),
        ("Прокуратура возбудила уголовное дело о легализации преступных доходов.", "ru"),
    ],
)
def test_load_articles_keeps_and_marks_other_languages(tmp_path, text, lang):
    write(tmp_path, "other.txt", f"Title\n{text}\n")
    corpus = load_articles([tmp_path])
    assert corpus.skipped.empty
    assert (corpus.articles.iloc[0]["lang"], corpus.articles.iloc[0]["lang_source"]) == (lang, "detected")


# Duplicates ------------------------------------------------------------------------

ORIGINAL = "Un titre\nL’enquête a révélé que 2\u00a0000 € ont été versés à la société.\nLe parquet enquête."


@pytest.mark.parametrize(
    "variant",
    [
        ORIGINAL,
        ORIGINAL.replace("\n", "\r\n"),
        ORIGINAL.replace("’", "'"),
        ORIGINAL.replace("\u00a0", " "),
        ORIGINAL.replace("\u00a0", "\u202f"),
        unicodedata.normalize("NFD", ORIGINAL),
        "\ufeff" + ORIGINAL + "\n\n",
        ORIGINAL.replace("enquête.", "enq\u200buête."),
    ],
)
def test_load_articles_loads_duplicates_once(tmp_path, variant):
    first = write(tmp_path, "a_original.txt", ORIGINAL)
    second = write(tmp_path, "b_copy.txt", variant)
    corpus = load_articles([tmp_path])
    assert len(corpus.articles) == 1
    row = corpus.articles.iloc[0]
    assert row["abs_path"] == str(first)
    assert row["path"] == f"{tmp_path.name}/{first.name}"
    assert row["duplicates"] == f"{tmp_path.name}/{second.name}"
    assert corpus.skipped["path"].tolist() == [f"{tmp_path.name}/{second.name}"]
    assert corpus.skipped["abs_path"].tolist() == [str(second)]
    assert corpus.skipped["reason"].iloc[0].startswith("duplicate of")


def test_load_articles_keeps_articles_that_differ(tmp_path):
    write(tmp_path, "a.txt", ORIGINAL)
    write(tmp_path, "b.txt", ORIGINAL.replace("2\u00a0000", "3\u00a0000"))
    assert len(load_articles([tmp_path]).articles) == 2


# Text formats in detail -----------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        ("Title\nBody line one.\nBody line two.", "Title", "Body line one.\nBody line two."),
        ("\n\n   \nTitle after blank lines\n\nBody.", "Title after blank lines", "Body."),
        ("  Padded title  \r\nBody with CRLF.\r\n", "Padded title", "Body with CRLF."),
        ("Titre\u00a0: l’affaire\nCorps\u200b du texte.", "Titre : l'affaire", "Corps du texte."),
    ],
)
def test_load_articles_txt_title_is_first_nonempty_line(tmp_path, content, title, text):
    write(tmp_path, "a.txt", content)
    row = load_articles([tmp_path]).articles.iloc[0]
    assert (row["title"], row["text"]) == (title, text)


@pytest.mark.parametrize(
    ("front_matter", "column", "value"),
    [
        ("title: Front title", "title", "Front title"),
        ("date: 2021-02-03", "published", "2021-02-03"),
        ("date: '2021-02-03T10:00:00+01:00'", "published", "2021-02-03"),
        ("url: https://example.org/a", "url", "https://example.org/a"),
        ("lang: fr", "lang", "fr"),
        ("source: Example Wire", "source", "Example Wire"),
    ],
)
def test_load_articles_md_front_matter(tmp_path, front_matter, column, value):
    write(tmp_path, "a.md", f"---\n{front_matter}\n---\nThe body of the article, in English, about money.\n")
    assert load_articles([tmp_path]).articles.iloc[0][column] == value


def test_load_articles_md_without_front_matter_uses_heading(tmp_path):
    write(tmp_path, "a.md", "# Heading title\n\nThe body of the article.\n")
    row = load_articles([tmp_path]).articles.iloc[0]
    assert (row["title"], row["text"]) == ("Heading title", "The body of the article.")


def test_load_articles_ignores_hidden_files(tmp_path):
    write(tmp_path, ".hidden.txt", "Hidden\nA hidden file is not an article.")
    write(tmp_path, ".git/notes.txt", "Notes\nNor is anything in a hidden folder.")
    write(tmp_path, "visible.txt", "Visible\nThis one is.")
    assert load_articles([tmp_path]).articles["title"].tolist() == ["Visible"]


# Bad input ---------------------------------------------------------------------------



@pytest.mark.parametrize(("name", "phrase"), BAD_REASONS.items(), ids=list(BAD_REASONS))
def test_load_articles_skips_bad_item_with_reason(bad, name, phrase):
    reasons = {Path(p).name: r for p, r in zip(bad.skipped["path"], bad.skipped["reason"])}
    assert phrase in reasons[name]


def test_load_articles_records_every_bad_item_once(bad):
    names = [Path(p).name for p in bad.skipped["path"]]
    assert sorted(names) == sorted(BAD_REASONS)
    assert bad.skipped["reason"].str.len().gt(5).all()


def test_load_articles_keeps_good_items_beside_bad(bad):
    assert sorted(by_name(bad.articles)) == sorted(GOOD_BESIDE_BAD)
    assert {"mixed-csv-1", "mixed-csv-3", "mixed-jsonl-1", "mixed-jsonl-3"} <= set(bad.articles["article_id"])


def test_load_articles_summary_counts_articles_and_skips(bad):
    summary = bad.summary()
    assert summary.startswith(f"{len(GOOD_BESIDE_BAD)} articles loaded from {len(files_in(BAD_DIR))} files; "
                              f"{len(BAD_REASONS)} items skipped.")
    assert "empty file" in summary and "unsupported file type" in summary


HEADER = "id,title,text\n"
GOOD_ROWS = ['g1,First,"The first good row, with a comma."\n', "g2,Second,The second good row.\n"]


@pytest.mark.parametrize(
    ("bad_row", "phrase"),
    [
        ("b,Too many,some text,extra,fields\n", "malformed CSV row"),
        ("b,Too few\n", "malformed CSV row"),
        ('b,Unclosed,"This quote never closes\n', "malformed CSV row"),
        ('b,Stray,"closed" then text\n', "malformed CSV row"),
        ("b,Empty text,\n", "no 'text' or 'body'"),
    ],
)
@pytest.mark.parametrize("position", [0, 1, 2])
def test_load_articles_csv_bad_row_spares_other_rows(tmp_path, bad_row, phrase, position):
    rows = list(GOOD_ROWS)
    rows.insert(position, bad_row)
    write(tmp_path, "rows.csv", HEADER + "".join(rows))
    corpus = load_articles([tmp_path])
    assert sorted(corpus.articles["article_id"]) == ["g1", "g2"]
    assert corpus.articles.set_index("article_id").loc["g1", "text"] == "The first good row, with a comma."
    assert len(corpus.skipped) == 1
    assert corpus.skipped["path"].iloc[0].endswith(f"rows.csv#row {position + 2}")
    assert phrase in corpus.skipped["reason"].iloc[0]


def test_load_articles_csv_keeps_multiline_quoted_field(tmp_path):
    write(tmp_path, "rows.csv", HEADER + 'm1,Multi,"Line one, still the field\nline two, also"\n' + GOOD_ROWS[1])
    corpus = load_articles([tmp_path])
    assert corpus.skipped.empty
    assert corpus.articles["text"].tolist() == ["Line one, still the field\nline two, also", "The second good row."]


@pytest.mark.parametrize("content", ["text", "text\n", "id,text\n,\n\n"])
def test_a_csv_with_a_header_and_no_row_is_skipped_with_its_reason(tmp_path, content):
    write(tmp_path, "empty.csv", content)
    write(tmp_path, "b.txt", "Sanctions\n\nLe Trésor a sanctionné Garantex, une plateforme basée à Moscou.")
    corpus = load_articles([tmp_path])
    assert len(corpus.articles) == 1 and "Garantex" in corpus.articles["text"].iloc[0]
    assert corpus.skipped["reason"].tolist() == ["empty CSV: a header row and no article row"]


@pytest.mark.parametrize(
    ("bad_line", "phrase"),
    [
        ('{"id": "b", "text": "cut', "malformed JSON line"),
        ("not json at all", "malformed JSON line"),
        ("[1, 2, 3]", "not an object"),
        ('"a string"', "not an object"),
        ('{"id": "b", "title": "No text"}', "no 'text' or 'body'"),
    ],
)
def test_load_articles_jsonl_bad_line_spares_other_lines(tmp_path, bad_line, phrase):
    write(tmp_path, "lines.jsonl",
          '{"id": "l1", "text": "First good line."}\n' + bad_line + '\n{"id": "l3", "text": "Third good line."}\n')
    corpus = load_articles([tmp_path])
    assert sorted(corpus.articles["article_id"]) == ["l1", "l3"]
    assert corpus.skipped["abs_path"].tolist() == [str(tmp_path / "lines.jsonl") + "#line 2"]
    assert corpus.skipped["path"].tolist() == [f"{tmp_path.name}/lines.jsonl#line 2"]
    assert phrase in corpus.skipped["reason"].iloc[0]


def test_load_articles_json_list_bad_record_spares_others(tmp_path):
    write(tmp_path, "list.json", '[{"id": "j1", "text": "Good."}, 7, {"id": "j3", "body": "Also good."}]')
    corpus = load_articles([tmp_path])
    assert sorted(corpus.articles["article_id"]) == ["j1", "j3"]
    assert corpus.skipped["abs_path"].tolist() == [str(tmp_path / "list.json") + "#2"]


@pytest.mark.parametrize("name", ["doc.docx", "sheet.xlsx", "page.pdf", "notes.rtf", "archive.zip", "Makefile"])
def test_load_articles_skips_unsupported_extension(tmp_path, name):
    write(tmp_path, name, "Some text that is not read.")
    write(tmp_path, "good.txt", "Good\nA good article.")
    corpus = load_articles([tmp_path])
    assert corpus.articles["title"].tolist() == ["Good"]
    assert "unsupported file type" in corpus.skipped.set_index("abs_path").loc[str(tmp_path / name), "reason"]


def test_load_articles_skips_file_over_default_size_limit(tmp_path):
    big = write(tmp_path, "big.txt", "Big\nAn article that ends in padding.\n")
    with open(big, "r+b") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: nothing is written to disk
    write(tmp_path, "small.txt", "Small\nA small article.")
    corpus = load_articles([tmp_path])
    assert corpus.articles["title"].tolist() == ["Small"]
    reason = corpus.skipped.set_index("abs_path").loc[str(big), "reason"]
    assert "over the 20 MB size limit" in reason


@pytest.mark.parametrize(("size", "loaded"), [(999, True), (1000, True), (1001, False), (50_000, False)])
def test_load_articles_size_limit_is_configurable(tmp_path, size, loaded):
    head = "Title\nBody "
    write(tmp_path, "a.txt", head + "x" * (size - len(head)))
    corpus = load_articles([tmp_path], max_bytes=1000)
    assert len(corpus.articles) == int(loaded)
    assert corpus.skipped["reason"].str.contains("size limit").tolist() == ([] if loaded else [True])


def test_load_articles_skips_title_only_txt(tmp_path):
    write(tmp_path, "a.txt", "Only a title\n\n")
    assert "no article text" in load_articles([tmp_path]).skipped["reason"].iloc[0]


@pytest.mark.parametrize("missing", ["does-not-exist", "does-not-exist.txt", "folder/inside"])
def test_load_articles_missing_path_raises(tmp_path, missing):
    write(tmp_path, "good.txt", "Good\nA good article.")
    with pytest.raises(InputPathError, match="does not exist"):
        load_articles([tmp_path, tmp_path / missing])


def test_load_articles_unreadable_file_is_skipped(tmp_path, monkeypatch):
    locked = write(tmp_path, "locked.txt", "Locked\nCannot be read.")
    write(tmp_path, "good.txt", "Good\nA good article.")
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    corpus = load_articles([tmp_path])
    assert corpus.articles["title"].tolist() == ["Good"]
    assert corpus.skipped["reason"].tolist() == ["cannot read file: Permission denied"]


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image)"),
        (b"PK\x03\x04\x14\x00", "binary file (a ZIP archive or Office document)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (a JPEG image)"),
        (b"text\x00with\x00nul", "binary file (contains NUL bytes)"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 40, "binary file"),
        (codecs.BOM_UTF8 + b"abc\xff\xfe", "undecodable bytes"),
        (codecs.BOM_UTF16_LE + b"a\x00b", "undecodable bytes"),
        ("Un texte abîmé où l'été a été coupé".encode() + b"\xff\xfe\xc3" + "é".encode(), "undecodable bytes"),
        ("Déjà".encode() + b"\xe2\x82" + " réglé, à été.".encode(), "undecodable bytes"),
    ],
)
def test_decode_bytes_refuses_bytes_that_are_not_text(data, phrase):
    text, reason = decode_bytes(data)
    assert text is None
    assert phrase in reason


@pytest.mark.parametrize(
    ("path", "roots", "shown"),
    [
        ("/home/jdoe/leak/a.txt", ["/home/jdoe/leak"], "leak/a.txt"),
        ("/home/jdoe/leak/sub/b.md", ["/home/jdoe/leak"], "leak/sub/b.md"),
        ("/home/jdoe/leak/sub/b.md", ["/home/jdoe/leak", "/home/jdoe/leak/sub"], "sub/b.md"),
        ("/home/jdoe/one.txt", ["/home/jdoe/one.txt"], "one.txt"),
        ("/mnt/other/c.txt", ["/home/jdoe/leak"], "c.txt"),
    ],
)
def test_shown_path_is_relative_to_the_input_given(path, roots, shown):
    assert shown_path(path, roots) == shown


def test_load_articles_names_files_from_the_input_folder(tmp_path):
    folder = tmp_path / "private-user" / "leak"
    write(folder / "sub", "a.txt", "Title\nA body.")
    write(folder, "empty.txt", "")
    corpus = load_articles([folder])
    assert corpus.articles["path"].tolist() == ["leak/sub/a.txt"]
    assert corpus.articles["abs_path"].tolist() == [str(folder / "sub" / "a.txt")]
    assert corpus.skipped["path"].tolist() == ["leak/empty.txt"]
    assert "private-user" not in " ".join(corpus.articles["path"]) + " ".join(corpus.skipped["path"])


# CSV as French Excel writes it; document formats not supported yet -----------------------

FRENCH_CSV = (
    "titre;texte;date;langue;source;lien\r\n"
    "Saisie record;\"Le parquet a saisi 2 500 € ; l'enquête continue.\";2024-03-12;fr;Le Fil;https://exemple.fr/a\r\n"
    "Gel d'avoirs;Le Trésor gèle des avoirs.;;fr;Le Fil;https://exemple.fr/b\r\n"
)


@pytest.mark.parametrize(("bom", "encoding"), [(b"", "utf-8"), (b"\xef\xbb\xbf", "utf-8"), (b"", "cp1252")],
                         ids=["utf8", "utf8-bom", "cp1252"])
@pytest.mark.parametrize(
    ("header", "text_column"),
    [("titre;texte;date;langue;source;lien", "texte"), ("titre;corps;date;langue;source;lien", "corps"),
     ("title;text;date;lang;source;url", "text"), ("Titre;Texte;Date;Langue;Source;Lien", "Texte")],
)
def test_load_articles_reads_semicolon_csv(tmp_path, bom, encoding, header, text_column):
    content = FRENCH_CSV.replace("titre;texte;date;langue;source;lien", header)
    write(tmp_path, "export.csv", bom + content.encode(encoding))
    corpus = load_articles([tmp_path])
    assert corpus.skipped.empty, corpus.skipped
    first = corpus.articles.set_index("title").loc["Saisie record"]
    assert first["text"] == "Le parquet a saisi 2 500 € ; l'enquête continue."
    assert (first["lang"], first["source"], first["url"]) == ("fr", "Le Fil", "https://exemple.fr/a")
    assert first["published"].startswith("2024-03-12")
    assert sorted(corpus.articles["title"]) == ["Gel d'avoirs", "Saisie record"]


def test_load_articles_reads_comma_csv_with_french_names(tmp_path):
    write(tmp_path, "export.csv", 'titre,corps,lien\nUn titre,"Un corps, avec une virgule.",https://exemple.fr\n')
    corpus = load_articles([tmp_path])
    row = corpus.articles.iloc[0]
    assert (row["title"], row["text"], row["url"]) == ("Un titre", "Un corps, avec une virgule.", "https://exemple.fr")


def test_load_articles_semicolon_csv_bad_row_spares_others(tmp_path):
    write(tmp_path, "export.csv", "titre;texte\nBon;Un bon texte.\nMauvais;trop;de;champs\nAussi;Un autre texte.\n")
    corpus = load_articles([tmp_path])
    assert sorted(corpus.articles["title"]) == ["Aussi", "Bon"]
    assert corpus.skipped["path"].str.endswith("export.csv#row 3").tolist() == [True]


def test_load_articles_json_with_french_keys(tmp_path):
    write(tmp_path, "a.json", '{"titre": "Un titre", "texte": "Le texte.", "langue": "fr", "lien": "https://x.fr"}')
    row = load_articles([tmp_path]).articles.iloc[0]
    assert (row["title"], row["text"], row["lang"], row["url"]) == ("Un titre", "Le texte.", "fr", "https://x.fr")


@pytest.mark.parametrize(("name", "kind"), [("scan.pdf", "PDF documents"), ("note.docx", "Word documents"),
                                            ("old.doc", "Word documents")])
def test_load_articles_says_document_format_is_not_supported_yet(tmp_path, name, kind):
    write(tmp_path, name, b"%PDF-1.7 or PK\x03\x04 bytes")
    reason = load_articles([tmp_path]).skipped["reason"].iloc[0]
    assert reason.startswith("unsupported file type")
    assert f"{kind} are not supported yet" in reason
