"""From article text to screening.csv: articles written for this test, the shipped list and a user's list."""

from __future__ import annotations

import contextlib
import io

import pandas as pd
import pytest

from helpers.cli import main
from helpers.screening import DEFAULT_LIST

ARTICLES = {
    "fr_oligarques.txt": """Les oligarques visés par Washington

L'homme d'affaires russe Guennadi Timtchenko, né en 1952, contrôle un fonds d'investissement installé au Luxembourg. Selon le Trésor américain, Evgueni Prigojine dirigeait le groupe Wagner jusqu'à sa mort en 2023.

Le ministre Sergueï Choïgou a été reçu à Minsk la semaine dernière. Le joueur de tennis Daniil Medvedev n'a rien à voir avec ces sanctions.
""",
    "en_exchange.md": """---
title: A Moscow exchange and a darknet market
date: 2022-04-05
lang: en
---
The Treasury Department sanctioned the cryptocurrency exchange Garantex on Tuesday. Investigators say Garantex moved funds for the darknet market Hydra.

Bank of America and Deutsche Bank were not involved, a spokesperson for the Treasury Department said. Olga Fictionova, a lawyer in Riga, declined to comment.
""",
}
OWN_LIST = "name,aliases,schema,country,note\nOlga Fiktsionova,,person,lv,in-house watchlist: fixture\n"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    base = tmp_path_factory.mktemp("screen_e2e")
    corpus = base / "articles"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    own = base / "own_watchlist.csv"
    own.write_text(OWN_LIST, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["extract", str(corpus), "--out", str(base / "out"), "--workspace", str(base / "ws"),
                     "--quiet", "--lists", str(DEFAULT_LIST), str(own), "--min-score", "0.70"])
    assert code == 0, err.getvalue()
    table = pd.read_csv(base / "out" / "screening.csv", dtype={"list_entry_id": str}, keep_default_na=False)
    return {"table": table, "stdout": out.getvalue(), "base": base}


@pytest.mark.parametrize("entity, entry", [
    ("Guennadi Timtchenko", "16666"),
    ("Evgueni Prigojine", "21171"),
    ("Sergueï Choïgou", "35173"),
    ("Wagner", "22543"),
    ("Garantex", "36025"),
    ("Hydra", "36216"),
])
def test_listed_names_in_the_articles_are_candidates(run, entity, entry):
    best = run["table"].drop_duplicates("entity_name").set_index("entity_name")
    assert best.loc[entity, "list_entry_id"] == entry
    assert best.loc[entity, "list"] == "OFAC SDN" and best.loc[entity, "status"] == "candidate"
    assert entity.split()[-1] in best.loc[entity, "sentence"]


def test_unlisted_names_are_not_candidates(run):
    names = set(run["table"]["entity_name"])
    assert not names & {"Daniil Medvedev", "Bank of America", "Deutsche Bank", "Treasury Department", "Minsk"}


def test_birth_year_in_the_article_is_compared(run):
    row = run["table"].set_index("entity_name").loc["Guennadi Timtchenko"]
    assert row["name_only"] in (False, "False")
    assert "Birth year match: 1952" in row["explanation"]


def test_french_spelling_is_reported_as_written(run):
    row = run["table"].set_index("entity_name").loc["Sergueï Choïgou"]
    assert row["matched_name"] == "Sergueï Choïgou"
    assert "read as 'sergei shoigu'" in row["explanation"]


def test_users_own_list_is_screened_too(run):
    rows = run["table"][run["table"]["list"] == "own_watchlist"]
    assert list(rows["list_entry_name"]) == ["Olga Fiktsionova"]
    assert rows.iloc[0]["remarks"] == "in-house watchlist: fixture"
    assert "own_watchlist" in run["stdout"] and "candidates to verify" in run["stdout"]


def test_ftm_file_sits_beside_the_csv(run):
    assert (run["base"] / "out" / "entities.ftm.json").stat().st_size > 0
