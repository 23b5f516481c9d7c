"""Publication dates (helpers.dates) and how the loader and the timeline use them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from helpers import plots
from helpers.articles import load_articles
from helpers.dates import PublicationDate, date_from_html, date_from_text, parse_date
from helpers.paths import SEEDS


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        # the local day of the publication, not UTC's (the UTC day is 2024-03-13)
        ("2024-03-14T00:30+01:00", "fr", ("2024-03-14", "day")),
        ("2024-03-14T00:30:00+01:00", "en", ("2024-03-14", "day")),
        ("2024-03-13T23:30:00-05:00", "en", ("2024-03-13", "day")),
        (datetime(2024, 3, 14, 0, 30, tzinfo=timezone(timedelta(hours=1))), "fr", ("2024-03-14", "day")),
        (date(2023, 11, 21), "en", ("2023-11-21", "day")),
        # numeric dates in the article's order: day first in French, month first in English
        ("03/04/2024", "fr", ("2024-04-03", "day")),
        ("03/04/2024", "en", ("2024-03-04", "day")),
        ("14.03.2024", "fr", ("2024-03-14", "day")),
        # month names in the article's language
        ("14 mars 2024", "fr", ("2024-03-14", "day")),
        ("1er mai 2022", "fr", ("2022-05-01", "day")),
        ("March 12, 2024", "en", ("2024-03-12", "day")),
        ("12 March 2024", "en", ("2024-03-12", "day")),
        # the precision given is kept: a year is not the 1st of January
        ("2023", "fr", ("2023", "year")),
        (2023, "en", ("2023", "year")),
        ("2021-09", "fr", ("2021-09", "month")),
        ("mars 2024", "fr", ("2024-03", "month")),
        ("September 2021", "en", ("2021-09", "month")),
    ],
)
def test_parse_date(value, lang, expected):
    found = parse_date(value, lang=lang)
    assert found is not None
    assert (found.value, found.precision) == expected


@pytest.mark.parametrize("value", ["", None, "hier", "yesterday", "il y a 2 jours", "12 mars", "not a date",
                                   "2024-13-45", "Immediate Release", True])
def test_parse_date_refuses_what_is_not_an_absolute_date(value):
    assert parse_date(value, lang="fr") is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Publié le 12 mars 2024\nLe parquet a saisi des avoirs.", "fr", ("2024-03-12", "day")),
        ("Par Jean Dupont\nPublié le 12/03/2024 à 14h30, mis à jour le 13/03/2024\nLe texte.", "fr",
         ("2024-03-12", "day")),
        ("Mis à jour le 2 avril 2024\nLe texte.", "fr", ("2024-04-02", "day")),
        ("Updated March 12, 2024\nProsecutors seized assets.", "en", ("2024-03-12", "day")),
        ("By Jane Doe | Published on 12 March 2024\nText.", "en", ("2024-03-12", "day")),
        ("Posted: 2024-03-12T08:00:00-04:00\nText.", "en", ("2024-03-12", "day")),
        ("U.S. DEPARTMENT OF THE TREASURY\nTreasury Sanctions Hydra\nApril 5, 2022\nWASHINGTON — Today...", "en",
         ("2022-04-05", "day")),
    ],
)
def test_date_from_text_reads_the_first_lines(text, lang, expected):
    found = date_from_text(text, lang=lang)
    assert found is not None
    assert (found.value, found.precision) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le 20 août 2020, l'opposant a été empoisonné.\nIl a été hospitalisé.", "fr"),  # what the article is about
        ("On 16 February 2024, at 14:19 Moscow time, the service announced a death.", "en"),
        ("Budget\n2014\nLe budget a été de 28,5 millions de roubles.", "fr"),  # a lone year is a heading
        ("1\n2\n3\n4\n5\n6\nPublié le 12 mars 2024", "fr"),  # too far down to be the article's date
    ],
)
def test_date_from_text_leaves_other_dates_alone(text, lang):
    assert date_from_text(text, lang=lang) is None


def test_date_from_html_reads_markup_in_local_time():
    html = ('<html><head><meta property="article:published_time" content="2024-03-14T00:30:00+01:00">'
            '</head><body><p>Text.</p><footer>© 2023</footer></body></html>')
    assert date_from_html(html) == PublicationDate("2024-03-14", "day")


def test_date_from_html_does_not_take_a_copyright_year_for_a_date():
    assert date_from_html("<html><body><p>Text.</p><footer>© 2023 Example</footer></body></html>") is None


# The loader --------------------------------------------------------------------------


def _one(tmp_path, name: str, content: str):
    (tmp_path / name).write_text(content, encoding="utf-8")
    corpus = load_articles([tmp_path / name])
    assert len(corpus.articles) == 1, corpus.skipped
    return corpus.articles.iloc[0]


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("date: 2024-03-14T00:30:00+01:00", ("2024-03-14", "day")),
        ("date: '2024-03-14T00:30+01:00'", ("2024-03-14", "day")),
        ("date: 2023", ("2023", "year")),
        ("date: 2021-09", ("2021-09", "month")),
        ("date: 03/04/2024\nlang: fr", ("2024-04-03", "day")),
        ("date: 03/04/2024\nlang: en", ("2024-03-04", "day")),
        ("date: 14 mars 2024\nlang: fr", ("2024-03-14", "day")),
    ],
)
def test_loader_reads_front_matter_dates(tmp_path, front, expected):
    row = _one(tmp_path, "a.md", f"---\ntitle: Un titre\n{front}\n---\nLe texte de l'article, assez long pour lui.\n")
    assert (row["published"], row["date_precision"]) == expected


def test_loader_keeps_an_unreadable_date_as_given_without_precision(tmp_path):
    row = _one(tmp_path, "a.md", "---\ntitle: T\ndate: sometime soon\n---\nThe text.\n")
    assert (row["published"], row["date_precision"]) == ("sometime soon", "")


def test_loader_falls_back_to_the_first_lines(tmp_path):
    row = _one(tmp_path, "a.txt", "Saisie record\nPublié le 12 mars 2024\nLe parquet a saisi des avoirs "
                                  "d'un élu dans une enquête sur le blanchiment.\n")
    assert (row["published"], row["date_precision"]) == ("2024-03-12", "day")


def test_loader_reads_csv_dates_in_the_row_language(tmp_path):
    (tmp_path / "a.csv").write_text("titre;texte;date;langue\nA;Un texte.;03/04/2024;fr\nB;A text.;03/04/2024;en\n",
                                    encoding="utf-8")
    articles = load_articles([tmp_path]).articles.set_index("title")
    assert articles.loc["A", "published"] == "2024-04-03" and articles.loc["B", "published"] == "2024-03-04"


def test_loader_dates_html_from_its_markup_then_its_text(tmp_path):
    body = "<p>" + "Le parquet a saisi des avoirs dans une enquête sur le blanchiment. " * 8 + "</p>"
    marked = (f'<html lang="fr"><head><title>T</title><meta property="article:published_time" '
              f'content="2024-03-14T00:30:00+01:00"></head><body><article><h1>T</h1>{body}</article></body></html>')
    plain = (f'<html lang="fr"><head><title>T</title></head><body><article><h1>T</h1>'
             f'<p>Publié le 12 mars 2024</p>{body}</article><footer>© 2019</footer></body></html>')
    assert _one(tmp_path, "marked.html", marked)["published"] == "2024-03-14"
    row = _one(tmp_path, "plain.html", plain)
    assert (row["published"], row["date_precision"]) == ("2024-03-12", "day")


# The timeline ----------------------------------------------------------------------------


def test_publication_dates_place_coarse_dates_at_their_start(toy_tables):
    articles = toy_tables["articles"].assign(published=["2023-11-21", "2022-04", "2021"],
                                             date_precision=["day", "month", "year"])
    assert [str(d.date()) for d in plots.publication_dates(articles)] == ["2023-11-21", "2022-04-01", "2021-01-01"]
    dated = plots.mention_dates(toy_tables["mentions"], articles)
    assert set(dated.groupby("article_id")["precision"].first().items()) == {
        ("a1", "day"), ("a2", "month"), ("a3", "year")}


def test_timeline_shows_coarse_dates_as_rings_and_says_so(toy_tables):
    articles = toy_tables["articles"].assign(published=["2023-11-21", "2022-04", ""],
                                             date_precision=["day", "month", ""])
    ax = plots.draw_mentions_timeline(toy_tables["mentions"], articles, entities=toy_tables["entities"])
    assert "2 dated articles" in ax.get_title() and "1 known to the month or year only" in ax.get_title()
    filled = [len(c.get_facecolor()) > 0 and c.get_facecolor()[0][3] > 0 for c in ax.collections]
    assert True in filled and False in filled  # dots for days, rings for a month


def test_seed_articles_dated(tmp_path):
    """How many seed articles reach the timeline, and at which precision (the README quotes it)."""
    articles = load_articles([SEEDS]).articles
    precisions = articles["date_precision"].value_counts().to_dict()
    dated = articles[articles["date_precision"] != ""]
    assert plots.publication_dates(articles).notna().sum() == len(dated)
    front_matter_dates = sum("\ndate:" in p.read_text(encoding="utf-8").split("\n---", 1)[0]
                             for p in SEEDS.glob("*.md") if p.name != "SOURCES.md")
    assert len(dated) >= front_matter_dates
    assert precisions.get("day", 0) >= 4 and precisions.get("month", 0) + precisions.get("year", 0) >= 1
