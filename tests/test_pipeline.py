"""The steps end to end (helpers.pipeline): extract on the seeds, traceability, re-runs."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from helpers import entities as ent
from helpers import pipeline
from helpers.paths import SEEDS
from helpers.workspace import Workspace
from helpers.paths import PROJECT_ROOT

GOLD = json.loads((PROJECT_ROOT / "tests" / "data" / "seed_gold.json").read_text(encoding="utf-8"))
SAMPLE = "000_dc811fb2d9703db4.txt"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """``extract`` run once on a copy of seeds/ plus a German article."""
    base = tmp_path_factory.mktemp("extract")
    corpus = base / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "de_notiz.txt").write_text(
        "Binance in Deutschland\nDie Börse Binance zahlte USD 4300 an die Behörde in Berlin.\n",
        encoding="utf-8",
    )
    workspace = Workspace(base / "ws")
    corpus_result, report, written = pipeline.run_extract([corpus], out_dir=base / "out", workspace=workspace)
    return {"base": base, "corpus": corpus, "ws": workspace, "out": base / "out",
            "report": report, "written": written, "articles": corpus_result.articles}


def _csv(extracted, name):
    return pd.read_csv(extracted["out"] / name, keep_default_na=False)


def test_extract_writes_every_output(extracted):
    names = {p.name for p in extracted["written"]}
    assert names == {"articles.csv", "skipped.csv", "mentions.csv", "entities.csv", "amounts.csv",
                     "relations.csv", "graph.graphml", "graph.gexf", "screening.csv", "entities.ftm.json"}
    assert list(_csv(extracted, "mentions.csv").columns) == [
        "article_id", "sentence_id", "start", "end", "text", "label", "entity_id", "sentence"]
    assert list(_csv(extracted, "entities.csv").columns) == [
        "entity_id", "name", "label", "aliases", "mentions", "articles"]
    amounts = _csv(extracted, "amounts.csv")
    for column in ["article_id", "start", "end", "text", "value", "currency", "threshold", "approximate",
                   "vague", "sanctions_context", "linked_to", "sentence"]:
        assert column in amounts.columns
    assert list(_csv(extracted, "relations.csv").columns)[:5] == ["source", "target", "source_id", "target_id", "weight"]


@pytest.mark.parametrize("table", ["mentions.csv", "amounts.csv"])
def test_extract_every_finding_traces_to_its_text_and_sentence(extracted, table):
    texts = dict(zip(extracted["articles"]["article_id"], extracted["articles"]["text"]))
    rows = _csv(extracted, table)
    assert len(rows) > 20
    for row in rows.itertuples(index=False):
        assert texts[row.article_id][row.start:row.end] == row.text
        assert row.text in row.sentence
        assert row.sentence in texts[row.article_id]


def test_extract_reproduces_sample_amounts(extracted):
    articles = extracted["articles"]
    sample = articles[articles["path"].str.endswith(SAMPLE)].iloc[0]
    amounts = _csv(extracted, "amounts.csv")
    found = amounts[amounts["article_id"] == sample["article_id"]]
    got = sorted((r.text, float(r.value) if r.value != "" else None, r.currency, r.threshold or None)
                 for r in found.itertuples())
    want = sorted((a["text"], a["value"], a["currency"], a["threshold"]) for a in GOLD["amounts"])
    assert all(found["sanctions_context"].astype(str).isin(["True", "False"]))
    assert set(found[found["sanctions_context"].astype(str) == "True"]["text"]) == {
        a["text"] for a in GOLD["amounts"] if a.get("sanctions_context")}
    assert got == want
    assert not any(a["text"] in set(found["text"]) for a in GOLD["related_only_amounts"])
    conversion = found[found["text"] == "10 900 USD"].iloc[0]
    linked = found[found["amount_id"] == conversion["linked_to"]] if "amount_id" in found else None
    assert linked is not None and linked.iloc[0]["text"] == "EUR 10 000"


def test_extract_sample_has_no_related_block_names(extracted):
    articles = extracted["articles"]
    sample_id = articles[articles["path"].str.endswith(SAMPLE)].iloc[0]["article_id"]
    mentions = _csv(extracted, "mentions.csv")
    names = set(mentions[mentions["article_id"] == sample_id]["text"])
    assert not names & set(GOLD["related_only"])


def test_extract_relations_hold_gold_pairs(extracted):
    """Every relationship that a sentence of the sample states is found (by canonical names)."""
    relations = _csv(extracted, "relations.csv")
    entities = _csv(extracted, "entities.csv")
    forms = {}
    for row in entities.itertuples():
        for form in [row.name, *[a for a in row.aliases.split("; ") if a]]:
            forms.setdefault(ent.name_key(form), set()).add(row.name)
    pairs = {frozenset((r.source, r.target)) for r in relations.itertuples()}
    found = 0
    for a, b in GOLD["pairs"]:
        names_a, names_b = forms.get(ent.name_key(a), set()), forms.get(ent.name_key(b), set())
        if any(frozenset((x, y)) in pairs for x in names_a for y in names_b):
            found += 1
    assert found >= len(GOLD["pairs"]) - 1, f"{found} of {len(GOLD['pairs'])} gold pairs"


def test_extract_flags_article_without_model(extracted):
    status = extracted["ws"].read_table("tag_status")
    articles = extracted["articles"]
    german = articles[articles["path"].str.endswith("de_notiz.txt")].iloc[0]
    assert german["lang"] == "de"
    assert not status.set_index("article_id").loc[german["article_id"], "has_model"]
    assert any("No language model for: de" in line for line in extracted["report"].lines)
    amounts = _csv(extracted, "amounts.csv")
    assert "USD 4300" in set(amounts[amounts["article_id"] == german["article_id"]]["text"])


def test_extract_screens_seeds_against_the_sample_list(extracted):
    """Garantex and Hydra are candidates with their OFAC entries; Binance, Navalny, Zhao, Rosfin are not."""
    screening = _csv(extracted, "screening.csv")
    best = screening.drop_duplicates("entity_name").set_index("entity_name")
    assert best.loc["Garantex", "list_entry_id"] == 36025
    assert best.loc["Garantex", "list_entry_name"] == "GARANTEX EUROPE OU"
    hydra = [name for name in best.index if name.startswith("Hydra")]
    assert hydra and all(best.loc[name, "list_entry_id"] == 36216 for name in hydra)
    assert set(screening["list"]) == {"OFAC SDN"} and set(screening["list_date"]) == {"2023-12-28"}
    names = " ".join(screening["entity_name"]).casefold()
    for unlisted in ("binance", "navalny", "changpeng", "zhao", "rosfin"):
        assert unlisted not in names, unlisted
    assert (screening["score"] >= 0.70).all() and set(screening["status"]) == {"candidate"}
    assert any("Screening:" in line for line in extracted["report"].lines)


def test_rerun_unchanged_corpus_reuses_tables_and_curation_triggers_rebuild(extracted):
    ws = extracted["ws"]
    before = ws.read_table("entities")
    report = pipeline.tag_entities(ws)
    assert "unchanged" in report.lines[0]
    top = before.iloc[0]
    pipeline.record_decision(ws, "rename", name=top["name"], label=top["label"], new_name="Renamed entity")
    try:
        report = pipeline.tag_entities(ws)
        assert "unchanged" not in report.lines[0]
        assert "Renamed entity" in set(ws.read_table("entities")["name"])
    finally:
        pipeline.undo_decision(ws)
        pipeline.tag_entities(ws)
    pd.testing.assert_frame_equal(ws.read_table("entities"), before)


def test_article_without_model_stays_flagged_when_tags_come_from_cache(extracted, tmp_path):
    """A second workspace fed from the same cache keys still flags the German article."""
    ws = extracted["ws"]
    pipeline.load_corpus([extracted["corpus"]], workspace=ws)
    pipeline.record_decision(ws, "hide", name="Garantex", label="ORG")  # forces a rebuild from cache
    try:
        report = pipeline.tag_entities(ws)
        assert "0 articles tagged" in report.lines[0]
        assert any("No language model for: de" in line for line in report.lines)
        status = ws.read_table("tag_status")
        assert status.loc[status["lang"] == "de", "has_model"].eq(False).all()
        assert status.loc[status["lang"] == "fr", "has_model"].all()
    finally:
        pipeline.undo_decision(ws)
        pipeline.tag_entities(ws)


# Notebooks in any order: prepare() and the stored watchlist ------------------------------


def test_prepare_on_an_empty_workspace_builds_every_step_and_says_so(clean_corpus, tmp_path):
    ws = Workspace(tmp_path / "ws")
    lines = pipeline.prepare(ws, needs=["entities", "amounts", "relations"], inputs=[clean_corpus]).lines
    assert len(lines) == 2
    assert lines[0].startswith(f"No corpus in the workspace yet: loaded 3 articles from {clean_corpus.name}")
    assert lines[1].startswith("Computed first, from the workspace's corpus: entities (notebook 02; not run yet")
    assert "amounts (notebook 03" in lines[1] and "relations (notebook 05" in lines[1]
    for table in ("articles", "entities", "mentions", "amounts", "relations", "relation_evidence"):
        assert ws.has_table(table)
    assert pipeline.prepare(ws, needs=["entities", "amounts", "relations"], inputs=[clean_corpus]).lines == []


def test_prepare_recomputes_what_another_corpus_made_stale(clean_corpus, xss_corpus, tmp_path):
    ws = Workspace(tmp_path / "ws")
    pipeline.prepare(ws, needs=["entities"], inputs=[clean_corpus])
    pipeline.load_corpus([xss_corpus], workspace=ws)  # notebook 01 on another corpus
    lines = pipeline.prepare(ws, needs=["entities"]).lines
    assert lines == ["Computed first, from the workspace's corpus: entities (notebook 02; its corpus, watchlist, "
                     "curation or rules changed since it ran)."]
    new_ids = set(ws.read_table("articles")["article_id"])
    assert set(ws.read_table("mentions")["article_id"]) <= new_ids


def test_prepare_says_when_its_inputs_are_not_the_workspace_corpus(clean_corpus, xss_corpus, tmp_path):
    ws = Workspace(tmp_path / "ws")
    pipeline.load_corpus([clean_corpus], workspace=ws)
    lines = pipeline.prepare(ws, needs=[], inputs=[xss_corpus]).lines
    assert lines == [f"Note: the workspace holds the corpus loaded from {clean_corpus.name}, not {xss_corpus.name}: "
                     "these results describe it; run notebook 01 with these inputs to analyse them."]
    assert len(ws.read_table("articles")) == 3  # nothing reloaded behind the reader's back


def test_watchlist_set_by_the_entity_step_is_used_by_the_amount_step(clean_corpus, tmp_path):
    from helpers.nlp import Watchlist

    ws = Workspace(tmp_path / "ws")
    pipeline.load_corpus([clean_corpus], workspace=ws)
    watchlist = Watchlist((("Fixture Monitor", "ORG", ("the monitor",)),))
    pipeline.tag_entities(ws, watchlist=watchlist)
    assert pipeline.stored_watchlist(ws) == watchlist
    pipeline.tag_amounts(ws)  # no watchlist given: the stored one, so the tagging cache serves it
    articles = ws.read_table("articles")
    assert ws.get_meta("signature:amounts") == pipeline._amounts_signature(articles, watchlist)
    assert pipeline.prepare(ws, needs=["entities", "amounts"]).lines == []
    pipeline.tag_entities(ws, watchlist=Watchlist())  # notebook 02 run again without one clears it
    assert pipeline.stored_watchlist(ws) == Watchlist()
    assert "amounts (notebook 03" in pipeline.prepare(ws, needs=["amounts"]).lines[0]
