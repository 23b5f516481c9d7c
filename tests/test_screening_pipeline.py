"""The screening step on workspace tables: outputs, cache, review replay and undo, FtM export, CLI."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from followthemoney import model

from helpers import pipeline
from helpers.cli import main
from helpers.screening import DEFAULT_LIST
from helpers.screening.review import REVIEW_FILE, apply_review, parse_review
from helpers.screening.table import SCREENING_COLUMNS

LISTS = Path(__file__).resolve().parent / "fixtures" / "lists"
REQUIRED_COLUMNS = ["entity_id", "entity_name", "label", "list", "list_entry_id", "list_entry_name", "matched_name",
                    "score", "algorithm", "explanation", "programs", "status", "article_id", "sentence"]


@pytest.fixture
def toy_ws(tmp_workspace, toy_tables):
    tmp_workspace.write_tables(toy_tables, meta={"signature:entities": "toy"})
    return tmp_workspace


@pytest.fixture
def screened(toy_ws):
    pipeline.screen_entities(toy_ws)
    return toy_ws


def test_screening_table_has_the_documented_columns_best_first(screened):
    table = screened.read_table("screening")
    assert list(table.columns) == SCREENING_COLUMNS
    assert list(table.columns[:len(REQUIRED_COLUMNS)]) == REQUIRED_COLUMNS
    assert list(table["entity_name"]) == ["Hydra", "Garantex"]
    assert list(table["list_entry_id"]) == ["36216", "36025"]
    assert (table["score"] >= 0.70).all() and set(table["status"]) == {"candidate"}
    assert table["score"].is_monotonic_decreasing


def test_screening_rows_carry_first_mention_and_list_date(screened):
    row = screened.read_table("screening").set_index("entity_name").loc["Garantex"]
    assert row["article_id"] == "a2" and row["sentence"] == "OFAC a sanctionné Garantex à Moscou."
    assert row["list"] == "OFAC SDN" and row["list_date"] == "2023-12-28"
    assert row["programs"] == "RUSSIA-EO14024"
    assert "name only" in row["explanation"] and row["name_only"]
    lists = screened.read_table("screening_lists")
    assert lists.iloc[0]["list"] == "OFAC SDN (2023-12-28)" and lists.iloc[0]["entries"] == 385


def test_unlisted_entities_are_not_screening_candidates(screened):
    names = set(screened.read_table("screening")["entity_name"])
    assert not names & {"Binance", "Changpeng Zhao", "Alexei Navalny", "Anti-Corruption Foundation", "Moscow"}


def test_unchanged_inputs_reuse_the_scores_and_changes_rescreen(screened, tmp_path):
    again = pipeline.screen_entities(screened)
    assert "unchanged since the last run" in again.lines[0]
    higher = pipeline.screen_entities(screened, min_score=0.80)
    assert "unchanged" not in higher.lines[0]
    assert list(screened.read_table("screening")["entity_name"]) == ["Hydra"]
    copy = shutil.copytree(DEFAULT_LIST, tmp_path / "ofac_sdn_2023-12-28")
    with (copy / "sdn.csv").open("rb+") as handle:  # one entry fewer: a changed list
        lines = handle.read().split(b"\r\n")
        handle.seek(0)
        handle.write(b"\r\n".join(line for line in lines if not line.startswith(b"36025,")))
        handle.truncate()
    changed = pipeline.screen_entities(screened, lists=[copy])
    assert "unchanged" not in changed.lines[0]
    assert "Garantex" not in set(screened.read_table("screening")["entity_name"])
    algorithm = pipeline.screen_entities(screened, algorithm="logic-v1")
    assert "unchanged" not in algorithm.lines[0]
    assert set(screened.read_table("screening")["algorithm"]) <= {"logic-v1"}


def test_review_is_saved_readable_replayed_and_undone(screened):
    table = screened.read_table("screening")
    hydra = table[table["entity_name"] == "Hydra"].iloc[0]
    garantex = table[table["entity_name"] == "Garantex"].iloc[0]
    pipeline.review_match(screened, hydra, "confirm")
    pipeline.review_match(screened, garantex, "reject", note="an exchange, not the Estonian company")
    saved = yaml.safe_load(screened.file(REVIEW_FILE).read_text(encoding="utf-8"))["decisions"]
    assert [(d["decision"], d["entity"], d["list_entry_id"]) for d in saved] == [
        ("confirm", "Hydra", "36216"), ("reject", "Garantex", "36025")]
    assert saved[1]["note"] == "an exchange, not the Estonian company"
    statuses = lambda: dict(zip(*(screened.read_table("screening")[c] for c in ("entity_name", "status"))))  # noqa: E731
    assert statuses() == {"Hydra": "confirmed", "Garantex": "rejected"}
    pipeline.screen_entities(screened, min_score=0.72)  # re-screened: decisions replayed
    assert statuses() == {"Hydra": "confirmed", "Garantex": "rejected"}
    assert pipeline.undo_review(screened)["entity"] == "Garantex"
    assert statuses() == {"Hydra": "confirmed", "Garantex": "candidate"}
    pipeline.undo_review(screened)
    assert pipeline.undo_review(screened) is None
    assert statuses() == {"Hydra": "candidate", "Garantex": "candidate"}


def test_latest_review_decision_wins():
    table = pd.DataFrame([{"entity_name": "Hydra", "label": "ORG", "list": "OFAC SDN", "list_entry_id": "36216",
                           "status": "candidate"}])
    decisions = [{"decision": "confirm", "entity": "hydra", "label": "org", "list": "OFAC SDN", "list_entry_id": "36216"},
                 {"decision": "reject", "entity": "Hydra", "label": "ORG", "list": "OFAC SDN", "list_entry_id": "36216"}]
    assert apply_review(table, decisions)["status"].tolist() == ["rejected"]
    assert apply_review(table, decisions[:1])["status"].tolist() == ["confirmed"]


@pytest.mark.parametrize("text, message", [
    ("decisions: [1, 2", "not valid YAML"),
    ("decisions: {a: 1}", "must be a list"),
    ("decisions:\n- decision: maybe\n  entity: X\n  label: ORG\n  list: L\n  list_entry_id: '1'\n", "'maybe' is not one of"),
    ("decisions:\n- decision: confirm\n  entity: X\n  label: ORG\n", "missing 'list'"),
])
def test_bad_review_file_is_a_clear_error(text, message):
    with pytest.raises(ValueError, match=message):
        parse_review(text, where="screening_review.yaml")


def test_ftm_export_is_valid_followthemoney(screened, tmp_path):
    target = pipeline.export_ftm(screened, tmp_path)
    assert target.name == "entities.ftm.json"
    proxies = [model.get_proxy(json.loads(line)) for line in target.read_text(encoding="utf-8").splitlines()]
    for proxy in proxies:
        proxy.schema.validate(proxy.to_dict())
    kinds = pd.Series([p.schema.name for p in proxies]).value_counts()
    assert kinds["Article"] == 3 and kinds["Person"] == 2 and kinds["Address"] == 2
    assert kinds["Mention"] == len(screened.read_table("mentions"))
    ids = {p.id for p in proxies}
    for mention in (p for p in proxies if p.schema.name == "Mention"):
        assert set(mention.get("document")) <= ids and set(mention.get("resolved")) <= ids


def test_export_data_writes_screening_csv_and_ftm(screened, tmp_path):
    from helpers.articles import ARTICLE_COLUMNS

    articles = screened.read_table("articles")
    for column in set(ARTICLE_COLUMNS) - set(articles.columns):  # the toy tables lack some loader columns
        articles[column] = ""
    screened.write_tables({"articles": articles})
    names = {p.name for p in pipeline.export_data(screened, tmp_path)}
    assert {"screening.csv", "entities.ftm.json"} <= names
    assert list(pd.read_csv(tmp_path / "screening.csv").columns[:len(REQUIRED_COLUMNS)]) == REQUIRED_COLUMNS


def test_user_list_is_screened_alongside(toy_ws, tmp_path):
    own = tmp_path / "own.csv"
    own.write_text("name,aliases,schema,country,note\nChangpeng Zhao,CZ,person,ca,in-house: founder of Binance\n",
                   encoding="utf-8")
    report = pipeline.screen_entities(toy_ws, lists=[DEFAULT_LIST, own])
    table = toy_ws.read_table("screening")
    assert "own" in report.lines[0]
    row = table[table["entity_name"] == "Changpeng Zhao"].iloc[0]
    assert row["list"] == "own" and row["list_entry_id"] == "2" and row["remarks"] == "in-house: founder of Binance"


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv, message", [
    (["--lists", str(LISTS / "not_a_list.csv")], "not a sanctions list in a known format"),
    (["--lists", str(LISTS / "missing.csv")], "no such file or folder"),
    (["--algorithm", "nope"], "unknown matching algorithm 'nope'"),
])
def test_cli_rejects_bad_lists_and_algorithms_before_any_work(tmp_path, argv, message):
    article = tmp_path / "a.txt"
    article.write_text("Title\nGarantex was sanctioned.\n", encoding="utf-8")
    code, _out, err = _run(["extract", str(article), "--out", str(tmp_path / "out"),
                            "--workspace", str(tmp_path / "ws"), "--quiet", *argv])
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
