"""Shared fixtures."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Hand-made workspace tables (mentions, entities, ...) -------------------------------

#: Toy articles: paragraphs split on blank lines, sentences after ". " and at line ends.
TOY_ARTICLES = [
    {
        "article_id": "a1",
        "title": "Binance settles with the Treasury",
        "lang": "en",
        "published": "2023-11-21",
        "text": (
            "Binance agreed to pay the Treasury. Changpeng Zhao left Binance.\n\n"
            "The Treasury said Changpeng Zhao had failed. Binance and Changpeng Zhao met OFAC in Washington."
        ),
    },
    {
        "article_id": "a2",
        "title": "Garantex <script>window.__xss=1</script> sanctionné",
        "lang": "fr",
        "published": "2022-04-05",
        "text": (
            "OFAC a sanctionné Garantex à Moscou. "
            "Selon OFAC, Garantex <script>window.__xss=1</script> a aidé Hydra.\n\n"
            "Hydra et Garantex ont été fermés par le Treasury."
        ),
    },
    {
        "article_id": "a3",
        "title": "Navalny's foundation",
        "lang": "en",
        "published": "",
        "text": "Alexei Navalny founded the Anti-Corruption Foundation in Moscow. Binance was not involved.",
    },
]

#: name -> (entity_id, label, forms found in the text)
TOY_ENTITIES = {
    "Binance": ("e01", "ORG", ("Binance",)),
    "Changpeng Zhao": ("e02", "PER", ("Changpeng Zhao",)),
    "U.S. Treasury": ("e03", "ORG", ("Treasury",)),
    "OFAC": ("e04", "ORG", ("OFAC",)),
    "Washington": ("e05", "LOC", ("Washington",)),
    "Garantex": ("e06", "ORG", ("Garantex",)),
    "Moscow": ("e07", "LOC", ("Moscou", "Moscow")),
    "Hydra": ("e08", "ORG", ("Hydra",)),
    "Alexei Navalny": ("e09", "PER", ("Alexei Navalny",)),
    "Anti-Corruption Foundation": ("e10", "ORG", ("Anti-Corruption Foundation",)),
}


def make_tables(docs: list[dict], names: dict[str, tuple]) -> dict[str, pd.DataFrame]:
    """Workspace tables (articles, sentences, mentions, entities) built from plain texts."""
    articles = pd.DataFrame(docs)
    for column in ("path", "related", "lang_source", "url", "source", "licence", "sha256", "duplicates"):
        articles[column] = ""
    articles["n_chars"] = articles["text"].str.len()
    sentence_rows, mention_rows = [], []
    for doc in docs:
        text, aid = doc["text"], doc["article_id"]
        spans = [m.span() for m in re.finditer(r"[^\s][^\n]*?(?:\.(?= )|\.?$)", text, re.M)]
        for sid, (start, end) in enumerate(spans):
            paragraph = text.count("\n\n", 0, start)
            sentence = text[start:end]
            sentence_rows.append((aid, sid, paragraph, start, end, sentence))
            for name, (eid, label, forms) in names.items():
                for form in forms:
                    for m in re.finditer(re.escape(form), sentence):
                        mention_rows.append(
                            (aid, sid, start + m.start(), start + m.end(), form, label, eid, sentence)
                        )
    sentences = pd.DataFrame(
        sentence_rows, columns=["article_id", "sentence_id", "paragraph_id", "start", "end", "text"]
    )
    mentions = pd.DataFrame(
        mention_rows,
        columns=["article_id", "sentence_id", "start", "end", "text", "label", "entity_id", "sentence"],
    ).sort_values(["article_id", "start"], ignore_index=True)
    entity_rows = []
    for name, (eid, label, forms) in names.items():
        mine = mentions[mentions["entity_id"] == eid]
        entity_rows.append((eid, name, label, "; ".join(forms), len(mine), mine["article_id"].nunique()))
    entities = pd.DataFrame(
        entity_rows, columns=["entity_id", "name", "label", "aliases", "mentions", "articles"]
    ).sort_values(["mentions", "name"], ascending=[False, True], ignore_index=True)
    return {"articles": articles, "sentences": sentences, "mentions": mentions, "entities": entities}


@pytest.fixture
def tables_from_texts():
    """:func:`make_tables`, for tests that write their own toy articles."""
    return make_tables


@pytest.fixture
def toy_tables() -> dict[str, pd.DataFrame]:
    """Small hand-made ``articles``/``sentences``/``mentions``/``entities`` tables."""
    return make_tables(TOY_ARTICLES, TOY_ENTITIES)


# Tiny article folders for end-to-end reports --------------------------------------

#: A clean corpus in French and English where a few pairs meet in several sentences.
CLEAN_CORPUS = {
    "en_binance.md": """---
title: Binance pleads guilty
date: 2023-11-21
lang: en
source: Fixture Wire
---
Binance agreed to pay $4.3 billion to the U.S. Department of Justice. Changpeng Zhao, the founder of Binance, resigned as chief executive.

Changpeng Zhao met prosecutors in Seattle. Binance and Changpeng Zhao accepted a monitor from the Treasury Department.

Richard Teng replaced Changpeng Zhao at Binance. The Treasury Department said Binance had processed payments for Hamas.
""",
    "en_navalny.md": """---
title: Alexei Navalny dies in prison
date: 2024-02-16
lang: en
source: Fixture Wire
---
Alexei Navalny died in an Arctic prison, the Russian prison service said. Yulia Navalnaya blamed Vladimir Putin for the death of Alexei Navalny.

Joe Biden said Vladimir Putin was responsible. Yulia Navalnaya spoke in Munich the same day.
""",
    "fr_garantex.txt": """Garantex sanctionnée par l'OFAC

L'OFAC a sanctionné la plateforme Garantex, installée à Moscou, en avril 2022. Selon l'OFAC, Garantex a blanchi plus de 100 millions de dollars pour Hydra.

Aleksej Besciokov, administrateur de Garantex, a été arrêté en Inde. Le département d'État américain offre jusqu'à 5 millions de dollars pour Aleksandr Mira Serda, cofondateur de Garantex.
""",
}

#: Articles whose titles and bodies try to inject HTML and script into the report.
XSS_PAYLOADS = (
    '<script>window.__xss=1</script>',
    '<img src=x onerror="window.__xss=1">',
    '<a href="javascript:window.__xss=1">click</a>',
    "</table>",
)
XSS_CORPUS = {
    "en_xss.md": """---
title: Binance <script>window.__xss=1</script> and <img src=x onerror="window.__xss=1"> news
date: 2023-11-21
lang: en
---
Binance <script>window.__xss=1</script> agreed to pay the Treasury Department. Changpeng Zhao left Binance <img src=x onerror="window.__xss=1"> in November.

Changpeng Zhao met prosecutors in Seattle <a href="javascript:window.__xss=1">click</a> on Tuesday. Binance and Changpeng Zhao accepted a monitor </table> from the Treasury Department.
""",
    "fr_xss.txt": """Garantex <script>window.__xss=1</script> sanctionnée </table>

L'OFAC a sanctionné Garantex <script>window.__xss=1</script> à Moscou. Selon l'OFAC, Garantex <a href="javascript:window.__xss=1">click</a> a aidé Hydra.

Aleksej Besciokov, administrateur de Garantex <img src=x onerror="window.__xss=1">, a été arrêté en Inde.
""",
}


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def clean_corpus(tmp_path_factory) -> Path:
    """A folder of three short articles (French and English)."""
    return write_corpus(tmp_path_factory.mktemp("clean_corpus"), CLEAN_CORPUS)


@pytest.fixture(scope="session")
def xss_corpus(tmp_path_factory) -> Path:
    """A folder of articles carrying script and markup in titles and bodies."""
    return write_corpus(tmp_path_factory.mktemp("xss_corpus"), XSS_CORPUS)


def run_report(corpus: Path, base: Path) -> Path:
    """Build the report on ``corpus`` with the command line; return its folder."""
    out, workspace = base / "report", base / "workspace"
    done = subprocess.run(
        [sys.executable, "-m", "helpers", "report", str(corpus), "--out", str(out),
         "--workspace", str(workspace), "--quiet", "--timeout", "300"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1200,
    )
    assert done.returncode == 0, f"report failed:\n{done.stdout}\n{done.stderr}"
    return out


@pytest.fixture(scope="session")
def clean_report(clean_corpus, tmp_path_factory) -> Path:
    """The report built once per session on :func:`clean_corpus`."""
    return run_report(clean_corpus, tmp_path_factory.mktemp("clean_report"))


@pytest.fixture(scope="session")
def xss_report(xss_corpus, tmp_path_factory) -> Path:
    """The report built once per session on :func:`xss_corpus`."""
    return run_report(xss_corpus, tmp_path_factory.mktemp("xss_report"))


# Article loader fixtures (tests/fixtures/articles, tests/fixtures/bad) -------------

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES_DIR = FIXTURES / "articles"
BAD_DIR = FIXTURES / "bad"


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    """Good articles in every supported format and encoding."""
    return ARTICLES_DIR


@pytest.fixture(scope="session")
def bad_dir() -> Path:
    """One bad file of each kind beside good files (and good rows or lines among bad ones)."""
    return BAD_DIR


@pytest.fixture
def tmp_workspace(tmp_path):
    """An empty workspace in a temporary folder."""
    from helpers.workspace import Workspace

    return Workspace(tmp_path / "workspace")


#: Every article in tests/fixtures/articles, by file name and record, with fields it must have.
GOOD_ARTICLES = {
    "fr_brief.txt": {
        "title": "Saisie record d'avoirs gelés chez un courtier en ligne",
        "lang": "fr", "lang_source": "detected", "published": "", "url": "",
    },
    "de_notiz.txt": {"title": "Ermittlungen gegen Zahlungsdienstleister ausgeweitet", "lang": "de"},
    "en_report.md": {
        "title": "Shell companies linked to sanctioned oligarch, leaked files show",
        "published": "2023-05-02", "url": "https://news.example.org/investigations/shell-companies-oligarch",
        "lang": "en", "lang_source": "input", "source": "Example News",
    },
    "fr_page.html": {
        "title": "Une plateforme de cryptomonnaies visée par une enquête pour blanchiment",
        "published": "2024-03-14",
        "url": "https://www.lequotidien.example/economie/2024/03/14/plateforme-crypto-enquete",
        "lang": "fr",
    },
    "en_page.html": {
        "title": "Regulators fine crypto exchange over sanctions breaches",
        "published": "2023-11-21",
        "url": "https://www.dailyledger.example/news/2023/11/21/regulators-fine-crypto-exchange",
        "lang": "en",
    },
    "records_list.json#1": {
        "article_id": "json-list-1", "title": "Customs seize luxury yacht tied to sanctions evasion",
        "published": "2022-03-18", "url": "https://news.example.org/yacht-seized", "lang": "en",
        "lang_source": "input", "source": "Example News",
    },
    "records_list.json#2": {  # "body" and "date" instead of "text" and "published"; no lang given
        "article_id": "json-list-2", "title": "La justice gèle les comptes d'une société de conseil",
        "published": "2022-06-09", "lang": "fr", "lang_source": "detected", "source": "Le Quotidien",
    },
    "record_object.json": {
        "article_id": "json-object-1", "published": "2023-01-12", "lang": "en",
        "title": "Auditor resigns after questions over crypto fund's reserves",
    },
    "records.jsonl#line 1": {
        "article_id": "jsonl-1", "title": "Bank fined for weak money-laundering controls",
        "published": "2021-09-30", "lang": "en", "url": "https://news.example.org/bank-fined",
    },
    "records.jsonl#line 2": {"article_id": "jsonl-2", "published": "2021-10-04", "lang": "fr"},
    "records.csv#row 2": {
        "article_id": "csv-1", "title": "Port authority chief arrested", "published": "2020-02-11",
        "url": "https://news.example.org/port-chief", "lang": "en", "source": "Example News",
    },
    "records.csv#row 3": {
        "article_id": "csv-2", "title": "Enquête sur des transferts vers des comptes offshore",
        "published": "2020-05-27", "url": "", "lang": "fr", "source": "Le Quotidien",
    },
    "cp1252_fr.txt": {"title": "Le Trésor gèle 2 500 € d'avoirs d'un élu", "lang": "fr"},
    "latin1_fr.txt": {"title": "Procès du réseau de fraude à la TVA", "lang": "fr"},
    "utf8_bom_fr.txt": {"title": "Réunion secrète à Genève", "lang": "fr"},
    "utf16_en.txt": {"title": "Whistleblower describes offshore payment scheme", "lang": "en"},
}

#: Every item of tests/fixtures/bad that must be skipped, with a phrase of its reason.
BAD_REASONS = {
    "empty.txt": "empty file",
    "whitespace_only.md": "empty file",
    "scanned_page.txt": "binary file",
    "photo.html": "binary file",
    "nul_bytes.txt": "binary file",
    "undecodable.txt": "undecodable bytes",
    "malformed.json": "malformed JSON",
    "mixed.jsonl#line 2": "malformed JSON line",
    "mixed.csv#row 3": "malformed CSV row",
    "no_text_column.csv": "no 'text' or 'body' column",
    "no_header.csv": "no 'text' or 'body' column",
    "report.docx": "unsupported file type",
}

#: The good files, rows and lines among the bad ones in tests/fixtures/bad.
GOOD_BESIDE_BAD = [
    "good_note.txt", "good_story.md",
    "mixed.csv#row 2", "mixed.csv#row 4",
    "mixed.jsonl#line 1", "mixed.jsonl#line 3",
]


def files_in(folder: Path) -> list[Path]:
    """The files under ``folder``, as the loader walks them (hidden ones left out)."""
    return [p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts)]
