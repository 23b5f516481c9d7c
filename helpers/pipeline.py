"""The analysis steps, each reading and writing the workspace.

Notebooks call one step each; ``python -m helpers extract`` calls them all.
Data flows one way: input files -> workspace tables -> CSV files and report.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

import pandas as pd

from helpers.amounts import build_amounts
from helpers.articles import (
    ABSOLUTE_PATH,
    ARTICLE_COLUMNS,
    SKIPPED_COLUMNS,
    Corpus,
    iter_article_texts,
    load_articles,
)
from helpers.nlp import TagStats, Watchlist, code_signature, model_name, tag_keys, tag_texts
from helpers.paths import PACKAGE_DATA
from helpers.workspace import Workspace

log = logging.getLogger(__name__)

SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "start", "end", "text"]
#: File of curation decisions in the workspace folder.
CURATION_FILE = "curation.yaml"
#: Graph files written beside the CSV files: GraphML, and GEXF for Gephi.
GRAPH_FILES = ("graph.graphml", "graph.gexf")
#: CSV files written by ``extract`` and the report, in this order, with their tables.
CSV_TABLES = {
    "articles.csv": ("articles", [c for c in ARTICLE_COLUMNS if c not in ("text", "related", ABSOLUTE_PATH)]),
    "skipped.csv": ("skipped", [c for c in SKIPPED_COLUMNS if c != ABSOLUTE_PATH]),
    "mentions.csv": ("mentions", None),
    "entities.csv": ("entities", None),
    "amounts.csv": ("amounts", None),
    "relations.csv": ("relations", None),
}

Progress = Callable[[int], None]


@dataclass
class StepReport:
    """What a step did, for the summary printed at the end of a run."""

    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        log.info(line)
        self.lines.append(line)


# Step 1: load -------------------------------------------------------------------


def load_corpus(
    inputs: Iterable[str | os.PathLike],
    *,
    workspace: Workspace,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    roots: Iterable[str | os.PathLike] | None = None,
) -> Corpus:
    """Load articles from ``inputs`` and store them (and what was skipped) in the workspace.

    ``roots`` are the inputs the user named, that tables show paths relative to
    (default ``inputs``); the absolute paths stay in the workspace's ``abs_path``.
    """
    options = {} if max_bytes is None else {"max_bytes": max_bytes}
    corpus = load_articles(inputs, progress=progress, roots=roots, **options)
    workspace.write_tables({"articles": corpus.articles, "skipped": corpus.skipped})
    return corpus


def read_articles(workspace: Workspace) -> pd.DataFrame:
    return workspace.read_table("articles")


# Step 2 and 3: tagging (one cached spaCy pass serves both) ----------------------------


def tag_corpus(
    workspace: Workspace,
    *,
    watchlist: Watchlist | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> tuple[pd.DataFrame, dict[str, dict], TagStats]:
    """Run (or reuse from cache) the spaCy pass over every article body."""
    articles = workspace.read_table("articles")
    payloads, stats = tag_texts(
        iter_article_texts(articles),
        workspace=workspace,
        watchlist=watchlist or Watchlist(),
        n_process=n_process,
        batch_size=batch_size,
        progress=progress,
    )
    return articles, payloads, stats


def sentence_table(articles: pd.DataFrame, payloads: dict[str, dict]) -> pd.DataFrame:
    """Every sentence of every article, with its paragraph, from the tagging output."""
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        payload = payloads.get(aid)
        if payload is None:
            continue
        paragraph = 0
        cursor = 0
        for sid, (start, end) in enumerate(payload["sents"]):
            paragraph += text.count("\n\n", cursor, start)
            cursor = start
            rows.append((aid, sid, paragraph, start, end, text[start:end]))
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def _signature(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _tags_signature(articles: pd.DataFrame, watchlist: Watchlist | None) -> str:
    """Changes when any article's tags would: its text, language, model, the watchlist, the code."""
    keys = tag_keys(iter_article_texts(articles), watchlist or Watchlist())
    return _signature(*(f"{aid}={key}" for aid, key in sorted(keys.items())))


def _up_to_date(workspace: Workspace, step: str, signature: str, tables: tuple[str, ...]) -> bool:
    """True when ``step`` last ran on exactly these inputs and its tables are there."""
    return workspace.get_meta(f"signature:{step}") == signature and all(
        workspace.has_table(t) for t in tables
    )


def _entities_signature(workspace: Workspace, articles: pd.DataFrame, watchlist: Watchlist | None) -> str:
    curation = curation_path(workspace)
    here = Path(__file__).resolve().parent
    return _signature(
        _tags_signature(articles, watchlist),
        code_signature(here / "docs.py", here / "entities", PACKAGE_DATA / "entities"),
        curation.read_text(encoding="utf-8") if curation.exists() else "",
    )


# Curation: the reporter's decisions on entities, kept in the workspace ----------------


def curation_path(workspace: Workspace) -> Path:
    """Path of the workspace's curation file (it may not exist yet)."""
    return Path(workspace.file(CURATION_FILE))


def load_curation(workspace: Workspace) -> list[dict]:
    """The decisions saved in the workspace, oldest first; none when the file is missing.

    Raises:
        ValueError: the file is not valid YAML or holds a bad decision.
    """
    from helpers.entities import parse_curation

    path = curation_path(workspace)
    if not path.exists():
        return []
    return parse_curation(path.read_text(encoding="utf-8"), path=path)


def record_decision(workspace: Workspace, action: str, **fields: object) -> dict:
    """Append a curation decision to the workspace's curation file and return it.

    Args:
        workspace: the workspace.
        action: ``merge``, ``rename``, ``relabel`` or ``hide``; the fields each
            needs are those of :func:`helpers.entities.new_decision`.
        **fields: the decision's fields.

    Raises:
        ValueError: unknown action, missing field or unknown label.
    """
    from helpers.entities import curation_text, new_decision

    decision = new_decision(action, **fields)
    decisions = load_curation(workspace)
    decisions.append(decision)
    workspace.write_text_atomic(CURATION_FILE, curation_text(decisions))
    return decision


def undo_decision(workspace: Workspace, index: int | None = None) -> dict:
    """Remove the last decision, or the one at ``index``, and return it.

    Raises:
        IndexError: there is no such decision.
    """
    from helpers.entities import curation_text

    decisions = load_curation(workspace)
    if not decisions:
        raise IndexError("There is no curation decision to undo")
    removed = decisions.pop(-1 if index is None else index)
    workspace.write_text_atomic(CURATION_FILE, curation_text(decisions))
    return removed


Tagged = tuple[pd.DataFrame, dict[str, dict], TagStats]


def tag_entities(
    workspace: Workspace,
    *,
    watchlist: Watchlist | None = None,
    n_process: int = 1,
    progress: Progress | None = None,
    tagged: Callable[[], Tagged] | None = None,
) -> StepReport:
    """Tag people, organisations and places; write ``sentences``, ``mentions``, ``entities``.

    When the articles, models, watchlist, rules and curation are all unchanged
    since the last run, the tables already in the workspace are kept as they are.
    """
    from helpers.entities import build_entities

    report = StepReport()
    articles = workspace.read_table("articles")
    signature = _entities_signature(workspace, articles, watchlist)
    tables = ("sentences", "mentions", "entities", "tag_status")
    if _up_to_date(workspace, "entities", signature, tables):
        entities = workspace.read_table("entities")
        report.add(f"Entities: {len(entities)} entities, unchanged since the last run (nothing to tag).")
        return report
    articles, payloads, stats = (tagged or partial(
        tag_corpus, workspace, watchlist=watchlist, n_process=n_process, progress=progress
    ))()
    sentences = sentence_table(articles, payloads)
    mentions, entities = build_entities(
        articles[["article_id", "lang", "text"]], payloads, decisions=load_curation(workspace)
    )
    status = articles[["article_id", "lang"]].copy()
    # From the registry, not from this run's stats: cached articles were not tagged now.
    without_model = sorted(lang for lang in status["lang"].unique() if model_name(lang) is None)
    status["has_model"] = ~status["lang"].isin(without_model)
    workspace.write_tables(
        {"sentences": sentences, "mentions": mentions, "entities": entities, "tag_status": status},
        meta={"signature:entities": signature},
    )
    report.add(
        f"Entities: {len(entities)} entities, {len(mentions)} mentions "
        f"({stats.tagged} articles tagged, {stats.cached} from cache)."
    )
    if without_model:
        report.add(
            "No language model for: " + ", ".join(without_model)
            + " (only the watchlist and the amount rules ran on those articles)."
        )
    return report


def tag_amounts(
    workspace: Workspace,
    *,
    watchlist: Watchlist | None = None,
    n_process: int = 1,
    progress: Progress | None = None,
    tagged: Callable[[], Tagged] | None = None,
) -> StepReport:
    """Tag money amounts and thresholds; write ``amounts`` (kept when nothing changed)."""
    report = StepReport()
    articles = workspace.read_table("articles")
    signature = _tags_signature(articles, watchlist)
    if _up_to_date(workspace, "amounts", signature, ("amounts",)):
        amounts = workspace.read_table("amounts")
    else:
        articles, payloads, _stats = (tagged or partial(
            tag_corpus, workspace, watchlist=watchlist, n_process=n_process, progress=progress
        ))()
        amounts = build_amounts(articles, payloads)
        workspace.write_tables({"amounts": amounts}, meta={"signature:amounts": signature})
    thresholds = int(amounts["threshold"].isin(["above", "below"]).sum())
    report.add(f"Amounts: {len(amounts)} amounts, {thresholds} of them thresholds.")
    return report


# Step 5: relations -------------------------------------------------------------


def relate_entities(workspace: Workspace, *, unit: str = "sentence") -> StepReport:
    """Relate entities mentioned together; write ``relations`` and ``relation_evidence``."""
    from helpers.relations import build_relations

    here = Path(__file__).resolve().parent
    signature = _signature(
        workspace.get_meta("signature:entities"), unit, code_signature(here / "relations.py")
    )
    report = StepReport()
    if _up_to_date(workspace, "relations", signature, ("relations", "relation_evidence")):
        relations = workspace.read_table("relations")
    else:
        mentions = workspace.read_table("mentions")
        sentences = workspace.read_table("sentences")
        relations, evidence = build_relations(
            mentions, sentences, unit=unit, entities=workspace.read_table("entities")
        )
        workspace.write_tables(
            {"relations": relations, "relation_evidence": evidence},
            meta={"signature:relations": signature},
        )
    report.add(f"Relations: {len(relations)} pairs of entities mentioned in the same {unit}.")
    return report


# Outputs -----------------------------------------------------------------------


def export_data(workspace: Workspace, out_dir: str | os.PathLike) -> list[Path]:
    """Write the CSV files (and the graph files, when relations exist) to ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, (table, columns) in CSV_TABLES.items():
        if not workspace.has_table(table):
            continue
        frame = workspace.read_table(table)
        if columns is not None:
            frame = frame[columns]
        target = out / filename
        frame.to_csv(target, index=False)
        written.append(target)
    if workspace.has_table("relations"):
        written.extend(write_graph_files(workspace, out))
    return written


def write_graph_files(workspace: Workspace, out_dir: str | os.PathLike) -> list[Path]:
    """Write the relation network as ``graph.graphml`` and ``graph.gexf`` (Gephi) to ``out_dir``."""
    import networkx as nx

    from helpers.relations import gexf_graph, relation_graph

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    entities = workspace.read_table("entities") if workspace.has_table("entities") else None
    graph = relation_graph(workspace.read_table("relations"), entities)
    graphml, gexf = (out / name for name in GRAPH_FILES)
    nx.write_graphml(graph, graphml)
    nx.write_gexf(gexf_graph(graph), gexf)
    return [graphml, gexf]


def run_extract(
    inputs: Iterable[str | os.PathLike],
    *,
    out_dir: str | os.PathLike,
    workspace: Workspace,
    max_bytes: int | None = None,
    watchlist: Watchlist | None = None,
    n_process: int = 1,
    progress_factory: Callable[[str, int], Progress] | None = None,
) -> tuple[Corpus, StepReport, list[Path]]:
    """Every step without notebooks: load, tag entities and amounts, relate, export CSV."""
    inputs = list(inputs)
    report = StepReport()

    def progress(label: str, total: int) -> Progress | None:
        return progress_factory(label, total) if progress_factory else None

    from helpers.articles import find_files

    files = find_files(inputs)  # walked once: the count drives the progress bar
    corpus = load_corpus(files, workspace=workspace, max_bytes=max_bytes, roots=inputs,
                         progress=progress("Loading", len(files)))
    # One spaCy pass (or cache read) serves both tagging steps, and only if one needs it.
    tagged = cache(partial(
        tag_corpus, workspace, watchlist=watchlist, n_process=n_process,
        progress=progress("Tagging", len(corpus.articles)),
    ))
    report.lines += tag_entities(workspace, watchlist=watchlist, tagged=tagged).lines
    report.lines += tag_amounts(workspace, watchlist=watchlist, tagged=tagged).lines
    report.lines += relate_entities(workspace).lines
    written = export_data(workspace, out_dir)
    return corpus, report, written
