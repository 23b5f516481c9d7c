"""The analysis steps, each reading and writing the workspace.

Notebooks call one step each; ``python -m helpers extract`` calls them all.
Data flows one way: input files -> workspace tables -> CSV files and report.
"""

from __future__ import annotations

import hashlib
import json
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
from helpers.duplicates import DUPLICATE_COLUMNS, mark_duplicates, original_of
from helpers.nlp import Payloads, TagStats, Watchlist, code_signature, model_name, tag_keys, tag_texts
from helpers.paths import PACKAGE_DATA
from helpers.workspace import Workspace

log = logging.getLogger(__name__)

SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "start", "end", "text"]
#: File of curation decisions in the workspace folder.
CURATION_FILE = "curation.yaml"
#: Graph files written beside the CSV files: GraphML, and GEXF for Gephi.
GRAPH_FILES = ("graph.graphml", "graph.gexf")
#: CSV file of the screening step (written last by ``extract``: screening runs while the others are written).
SCREENING_CSV = "screening.csv"
#: CSV files written by ``extract`` and the report, in this order, with their tables.
CSV_TABLES = {
    "articles.csv": ("articles", [c for c in ARTICLE_COLUMNS if c not in ("text", "related", ABSOLUTE_PATH)]
                     + DUPLICATE_COLUMNS),
    "skipped.csv": ("skipped", [c for c in SKIPPED_COLUMNS if c != ABSOLUTE_PATH]),
    "mentions.csv": ("mentions", None),
    "entities.csv": ("entities", None),
    "amounts.csv": ("amounts", None),
    "relations.csv": ("relations", None),
    "screening.csv": ("screening", None),
}

Progress = Callable[[int], None]
#: Workspace meta keys: the inputs the corpus was loaded from; the watchlist the entity step last used.
CORPUS_INPUTS = "corpus:inputs"
WATCHLIST = "settings:watchlist"


@dataclass
class StepReport:
    """What a step did, for the summary printed at the end of a run."""

    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        log.info(line)
        self.lines.append(line)


# Step 1: load -------------------------------------------------------------------


class NoArticles(ValueError):
    """No article could be loaded from the inputs: there is nothing to analyse.

    ``corpus`` holds what was seen and skipped. The command line shows the
    message as its one error line (exit code ``helpers.checks.EXIT_NO_ARTICLES``).
    """

    def __init__(self, message: str, *, corpus: Corpus | None = None) -> None:
        super().__init__(message)
        self.corpus = corpus


def no_articles_message(corpus: Corpus, inputs: Iterable[str | os.PathLike]) -> str:
    """One line: where nothing was loaded from, and what was skipped and why."""
    where = ", ".join(str(p) for p in inputs) or "(no input)"
    if not corpus.files_seen:
        return f"no article loaded from {where}: no file found there"
    kinds = corpus.skipped["reason"].astype(str).str.split(":").str[0].str.split("(").str[0].str.strip()
    why = ", ".join(f"{kind}: {count}" for kind, count in kinds.value_counts().items())
    files = "file" if corpus.files_seen == 1 else "files"
    return (f"no article loaded from {where}: {corpus.files_seen} {files} seen, "
            f"{len(corpus.skipped)} skipped" + (f" ({why})" if why else ""))


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
    Near-duplicate articles (syndicated or mirrored copies) get ``duplicate_of``
    and ``similarity`` (:func:`helpers.duplicates.mark_duplicates`).

    Raises:
        NoArticles: not one article could be loaded; the workspace is left as it was.
    """
    inputs = list(inputs)
    options = {} if max_bytes is None else {"max_bytes": max_bytes}
    corpus = load_articles(inputs, progress=progress, roots=roots, **options)
    if corpus.articles.empty:
        raise NoArticles(no_articles_message(corpus, roots if roots is not None else inputs), corpus=corpus)
    corpus.articles = mark_duplicates(corpus.articles)
    given = [str(Path(p).expanduser().resolve()) for p in (roots if roots is not None else inputs)]
    workspace.write_tables({"articles": corpus.articles, "skipped": corpus.skipped},
                           meta={CORPUS_INPUTS: json.dumps(given)})
    return corpus


def corpus_inputs(workspace: Workspace) -> list[str]:
    """The inputs the workspace's corpus was loaded from (absolute paths), or [] when unknown."""
    return json.loads(workspace.get_meta(CORPUS_INPUTS) or "[]")


def read_articles(workspace: Workspace) -> pd.DataFrame:
    return workspace.read_table("articles")


# Step 2 and 3: tagging (one cached spaCy pass serves both) ----------------------------


def tag_corpus(
    workspace: Workspace,
    *,
    watchlist: Watchlist | None = None,
    n_process: int | None = None,
    scheduler: str | None = None,
    batch_size: int = 64,
    progress: Progress | None = None,
    workers=None,
    articles: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, Payloads, TagStats]:
    """Run (or reuse from cache) the spaCy pass over every article body.

    ``n_process`` None or 0 uses every available core; ``scheduler`` (a Dask
    scheduler address) tags on that cluster instead; ``workers`` (a
    :class:`helpers.parallel.Workers` already started) tag here. ``articles``
    is the workspace's articles table when the caller holds it already (as
    just loaded): read again, every text would be held twice.
    """
    if articles is None:
        articles = workspace.read_table("articles")
    payloads, stats = tag_texts(
        iter_article_texts(articles),
        workspace=workspace,
        watchlist=watchlist or Watchlist(),
        n_process=n_process,
        scheduler=scheduler,
        batch_size=batch_size,
        progress=progress,
        workers=workers,
    )
    return articles, payloads, stats


def sentence_table(articles: pd.DataFrame, payloads: dict[str, dict]) -> pd.DataFrame:
    """Every sentence of every article, with its paragraph, from the tagging output."""
    columns: tuple[list, ...] = tuple([] for _ in SENTENCE_COLUMNS)  # no tuple per sentence
    for aid, text in zip(articles["article_id"], articles["text"]):
        payload = payloads.get(aid)
        if payload is None:
            continue
        paragraph = 0
        cursor = 0
        for sid, (start, end) in enumerate(payload["sents"]):
            paragraph += text.count("\n\n", cursor, start)
            cursor = start
            for column, value in zip(columns, (aid, sid, paragraph, start, end, text[start:end])):
                column.append(value)
    if not columns[0]:
        return pd.DataFrame([], columns=SENTENCE_COLUMNS)
    return pd.DataFrame(dict(zip(SENTENCE_COLUMNS, columns)), columns=SENTENCE_COLUMNS)


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


def _amounts_signature(articles: pd.DataFrame, watchlist: Watchlist | None) -> str:
    """Changes when any article's amounts would: its tags, or its page address (whose country
    weighs for a currency marker several countries share, :func:`helpers.amounts.build_amounts`)."""
    urls = articles["url"].fillna("") if "url" in articles.columns else [""] * len(articles)
    pages = sorted(f"{aid}={url}" for aid, url in zip(articles["article_id"], urls))
    return _signature(_tags_signature(articles, watchlist), *pages)


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
        ValueError: unknown action, missing field or unknown label; or, once
            the entity step has run, a decision that would do nothing (a merge
            into itself, a rename to the same name) or names an entity that is
            not in the ``entities`` table. Nothing is written then.
    """
    from helpers.entities import check_decision_applies, curation_text, new_decision

    decision = new_decision(action, **fields)
    if workspace.has_table("entities"):
        check_decision_applies(decision, workspace.read_table("entities"))
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


Tagged = tuple[pd.DataFrame, Payloads, TagStats]


def stored_watchlist(workspace: Workspace) -> Watchlist:
    """The watchlist the entity step last ran with (notebook 02 or ``--watchlist``); empty when none."""
    entries = json.loads(workspace.get_meta(WATCHLIST) or "[]")
    return Watchlist(tuple((name, label, tuple(aliases)) for name, label, aliases in entries))


def _watchlist_meta(watchlist: Watchlist) -> dict[str, str]:
    return {WATCHLIST: json.dumps(watchlist.entries, ensure_ascii=False)}


def tag_entities(
    workspace: Workspace,
    *,
    watchlist: Watchlist | None = None,
    n_process: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    tagged: Callable[[], Tagged] | None = None,
    early=None,
) -> StepReport:
    """Tag people, organisations and places; write ``sentences``, ``mentions``, ``entities``.

    When the articles, models, watchlist, rules and curation are all unchanged
    since the last run, the tables already in the workspace are kept as they are.
    ``watchlist`` is stored in the workspace for the later steps; None means the
    one stored there (pass an empty :class:`Watchlist` for none). ``early`` (a
    :class:`helpers.entities.build.EarlyRules`) holds the per-article rules
    already run while the articles were tagged.
    """
    from helpers.entities import build_entities

    report = StepReport()
    watchlist = stored_watchlist(workspace) if watchlist is None else watchlist
    articles = workspace.read_table("articles")
    signature = _entities_signature(workspace, articles, watchlist)
    tables = ("sentences", "mentions", "entities", "tag_status")
    if _up_to_date(workspace, "entities", signature, tables):
        entities = workspace.read_table("entities")
        workspace.write_tables({}, meta=_watchlist_meta(watchlist))
        report.add(f"Entities: {len(entities)} entities, unchanged since the last run (nothing to tag).")
        return report
    articles = None  # the tagging step gives them back: not held twice while the corpus is tagged
    articles, payloads, stats = (tagged or partial(
        tag_corpus, workspace, watchlist=watchlist, n_process=n_process, scheduler=scheduler, progress=progress
    ))()
    from helpers.parallel import resolve_processes

    mentions, entities = build_entities(
        articles[["article_id", "lang", "text"]], payloads, decisions=load_curation(workspace),
        processes=1 if scheduler else resolve_processes(n_process), early=early,
    )
    sentences = sentence_table(articles, payloads)  # after the entities: not held while they are built
    status = articles[["article_id", "lang"]].copy()
    # From the registry, not from this run's stats: cached articles were not tagged now.
    without_model = sorted(lang for lang in status["lang"].unique() if model_name(lang) is None)
    status["has_model"] = ~status["lang"].isin(without_model)
    workspace.write_tables(
        {"sentences": sentences, "mentions": mentions, "entities": entities, "tag_status": status},
        meta={"signature:entities": signature, **_watchlist_meta(watchlist)},
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
    n_process: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    tagged: Callable[[], Tagged] | None = None,
) -> StepReport:
    """Tag money amounts and thresholds; write ``amounts`` (kept when nothing changed).

    The tags hold the text's reading alone; each article's ``url`` is weighed here for the
    currency markers several countries share, so the step runs again when an address changes.

    ``watchlist`` None means the one the entity step stored: the tagging cache is keyed by it.
    """
    report = StepReport()
    watchlist = stored_watchlist(workspace) if watchlist is None else watchlist
    articles = workspace.read_table("articles")
    signature = _amounts_signature(articles, watchlist)
    if _up_to_date(workspace, "amounts", signature, ("amounts",)):
        amounts = workspace.read_table("amounts")
    else:
        articles, payloads, _stats = (tagged or partial(
            tag_corpus, workspace, watchlist=watchlist, n_process=n_process, scheduler=scheduler, progress=progress
        ))()
        amounts = build_amounts(articles, payloads)
        workspace.write_tables({"amounts": amounts}, meta={"signature:amounts": signature})
    thresholds = int(amounts["threshold"].isin(["above", "below"]).sum())
    report.add(f"Amounts: {len(amounts)} amounts, {thresholds} of them thresholds.")
    return report


# Step 5: relations -------------------------------------------------------------


#: The articles' columns that say which is a copy of which (read without the texts).
COPY_COLUMNS = ("article_id", "duplicate_of")
#: The mentions' columns the relations step reads.
RELATION_MENTION_COLUMNS = ("article_id", "sentence_id", "start", "end", "text", "label", "entity_id")
#: The sentences' columns the relations step reads (and ``paragraph_id`` for paragraph units).
RELATION_SENTENCE_COLUMNS = ("article_id", "sentence_id", "text")


def _relation_evidence(workspace: Workspace, unit: str) -> tuple[pd.DataFrame, dict]:
    """The relations step's evidence rows and entity names, read from the workspace's tables."""
    from helpers.relations import relation_evidence

    paragraphs = ("paragraph_id",) if unit == "paragraph" else ()
    sentences = workspace.read_table("sentences", RELATION_SENTENCE_COLUMNS + paragraphs)
    # Without the sentence each mention quotes (the largest column) when the sentences table has them all.
    mentions = workspace.read_table("mentions", RELATION_MENTION_COLUMNS)
    if not _all_sentences_known(mentions, sentences):
        mentions = workspace.read_table("mentions")
    return relation_evidence(mentions, sentences, unit=unit,
                             entities=workspace.read_table("entities", ("entity_id", "name")))


def _all_sentences_known(mentions: pd.DataFrame, sentences: pd.DataFrame) -> bool:
    """Whether every sentence ``mentions`` point to is a row of ``sentences`` (both by article and id)."""
    if not len(mentions):
        return True
    known = pd.MultiIndex.from_arrays([sentences["article_id"], sentences["sentence_id"].astype(int)])
    wanted = pd.MultiIndex.from_arrays([mentions["article_id"], mentions["sentence_id"].astype(int)])
    return bool(wanted.isin(known).all())


def _relations_signature(workspace: Workspace, unit: str) -> str:
    """Changes with the entities, the unit, the code and which articles are copies of which."""
    here = Path(__file__).resolve().parent
    copies = original_of(workspace.read_table("articles", COPY_COLUMNS)) if workspace.has_table("articles") else {}
    return _signature(workspace.get_meta("signature:entities"), unit,
                      code_signature(here / "relations.py", here / "duplicates.py"), sorted(copies.items()))


def relate_entities(workspace: Workspace, *, unit: str = "sentence") -> StepReport:
    """Relate entities mentioned together; write ``relations`` and ``relation_evidence``."""
    from helpers.relations import relations_from_evidence

    copies = original_of(workspace.read_table("articles", COPY_COLUMNS))
    signature = _relations_signature(workspace, unit)
    report = StepReport()
    if _up_to_date(workspace, "relations", signature, ("relations", "relation_evidence")):
        relations = workspace.read_table("relations")
    else:
        # The mention and sentence tables are gone (read in a function that has returned) when the
        # evidence is weighed, the step's largest moment.
        relations, evidence = relations_from_evidence(*_relation_evidence(workspace, unit), copies=copies)
        workspace.write_tables(
            {"relations": relations, "relation_evidence": evidence},
            meta={"signature:relations": signature},
        )
        del evidence
    report.add(f"Relations: {len(relations)} pairs of entities mentioned in the same {unit}.")
    n_copies = sum(a != o for a, o in copies.items())
    if n_copies:
        copies_are = "1 article is a copy" if n_copies == 1 else f"{n_copies} articles are copies"
        report.add(f"{copies_are} of another one: each group of copies counts once.")
    return report


# Notebooks in any order -----------------------------------------------------------

#: The steps a notebook can need, in order, with the notebook that runs each.
STEPS = {"articles": "01", "entities": "02", "amounts": "03", "relations": "05"}


def prepare(
    workspace: Workspace,
    *,
    needs: Iterable[str],
    inputs: Iterable[str | os.PathLike] | str | None = None,
    unit: str = "sentence",
    n_process: int | None = None,
    scheduler: str | None = None,
) -> StepReport:
    """Bring every step a notebook ``needs`` up to date, so notebooks can be opened in any order.

    A missing corpus is loaded from ``inputs`` (default ``seeds/``); a step whose
    tables are missing, or were computed on another corpus, watchlist, curation
    or code, is computed again with the same function its notebook calls. One
    line says what had to be built and why; nothing is said when all was fresh.
    When ``inputs`` name other files than the workspace's corpus, a line says
    that notebook 01 must run to analyse them: the workspace's corpus is used.

    Args:
        needs: step names among :data:`STEPS` (``articles`` is always there).
        inputs: the notebook's ``inputs`` parameter.
        unit: the co-occurrence unit, when ``relations`` is needed.
        n_process, scheduler: where tagging runs, as for :func:`tag_corpus`.
    """
    from helpers.paths import resolve_inputs

    needs = set(needs)
    unknown = needs - set(STEPS)
    if unknown:
        raise ValueError(f"unknown steps {sorted(unknown)}: use {', '.join(STEPS)}")
    report = StepReport()
    given = [str(p) for p in resolve_inputs(list(inputs) if isinstance(inputs, (list, tuple)) else inputs)]
    if not workspace.has_table("articles"):
        corpus = load_corpus(given, workspace=workspace)
        names = ", ".join(Path(p).name for p in given)
        report.add(f"No corpus in the workspace yet: loaded {len(corpus.articles)} articles from {names} "
                   f"(notebook 01's step), {len(corpus.skipped)} items skipped.")
    elif inputs and sorted(given) != sorted(corpus_inputs(workspace)):
        loaded = ", ".join(Path(p).name for p in corpus_inputs(workspace)) or "inputs not recorded"
        report.add(f"Note: the workspace holds the corpus loaded from {loaded}, not {', '.join(Path(p).name for p in given)}: "
                   "these results describe it; run notebook 01 with these inputs to analyse them.")
    watchlist = stored_watchlist(workspace)
    articles = workspace.read_table("articles")
    stale: list[str] = []
    if "entities" in needs or "relations" in needs:
        state = _state(workspace, "entities", _entities_signature(workspace, articles, watchlist),
                       ("sentences", "mentions", "entities", "tag_status"))
        if state:
            tag_entities(workspace, n_process=n_process, scheduler=scheduler)
            stale.append(f"entities (notebook 02; {state})")
    if "amounts" in needs:
        state = _state(workspace, "amounts", _amounts_signature(articles, watchlist), ("amounts",))
        if state:
            tag_amounts(workspace, n_process=n_process, scheduler=scheduler)
            stale.append(f"amounts (notebook 03; {state})")
    if "relations" in needs:
        state = _state(workspace, "relations", _relations_signature(workspace, unit),
                       ("relations", "relation_evidence"))
        if state:
            relate_entities(workspace, unit=unit)
            stale.append(f"relations (notebook 05; {state})")
    if stale:
        report.add("Computed first, from the workspace's corpus: " + "; ".join(stale) + ".")
    return report


def _state(workspace: Workspace, step: str, signature: str, tables: tuple[str, ...]) -> str:
    """Why ``step`` must run again ("not run yet", "out of date"), or "" when it is up to date."""
    if not all(workspace.has_table(t) for t in tables):
        return "not run yet on this workspace"
    if workspace.get_meta(f"signature:{step}") != signature:
        return "its corpus, watchlist, curation or rules changed since it ran"
    return ""


# Outputs -----------------------------------------------------------------------


def export_data(workspace: Workspace, out_dir: str | os.PathLike, *, only: Iterable[str] | None = None,
                exclude: Iterable[str] = ()) -> list[Path]:
    """Write the CSV files (and the graph and FtM files, when relations and entities exist) to ``out_dir``.

    ``only`` names the CSV files to write (and then no graph or FtM file);
    ``exclude`` names CSV files to leave out.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    chosen = set(only) if only is not None else None
    for filename, (table, columns) in CSV_TABLES.items():
        if not workspace.has_table(table) or filename in exclude or (chosen is not None and filename not in chosen):
            continue
        frame = workspace.read_table(table)
        if columns is not None:  # a workspace from before a column was added still exports
            frame = frame[[c for c in columns if c in frame.columns]]
        target = out / filename
        frame.to_csv(target, index=False)
        written.append(target)
    if chosen is not None:
        return written
    if workspace.has_table("relations"):
        written.extend(write_graph_files(workspace, out))
    if workspace.has_table("entities") and workspace.has_table("mentions"):
        written.append(export_ftm(workspace, out))
    return written


def write_graph_files(workspace: Workspace, out_dir: str | os.PathLike) -> list[Path]:
    """Write the relation network as ``graph.graphml`` and ``graph.gexf`` (Gephi) to ``out_dir``."""
    import networkx as nx

    from helpers.relations import relation_graph, write_gexf

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    entities = workspace.read_table("entities") if workspace.has_table("entities") else None
    graph = relation_graph(workspace.read_table("relations"), entities)
    graphml, gexf = (out / name for name in GRAPH_FILES)
    nx.write_graphml(graph, graphml)
    write_gexf(graph, gexf)  # streamed: networkx's writer holds the whole document
    return [graphml, gexf]


def run_extract(
    inputs: Iterable[str | os.PathLike],
    *,
    out_dir: str | os.PathLike,
    workspace: Workspace,
    max_bytes: int | None = None,
    watchlist: Watchlist | None = None,
    n_process: int | None = None,
    scheduler: str | None = None,
    progress_factory: Callable[[str, int], Progress] | None = None,
    lists: Iterable[str | os.PathLike] | None = None,
    min_score: float | None = None,
    algorithm: str | None = None,
) -> tuple[Corpus, StepReport, list[Path]]:
    """Every step without notebooks: load, tag entities and amounts, relate, screen, export CSV.

    Tagging uses every available core unless ``n_process`` says otherwise, or
    the Dask cluster at ``scheduler``.
    """
    inputs = list(inputs)
    report = StepReport()
    watchlist = watchlist or Watchlist()  # the command line's setting: none unless --watchlist

    def progress(label: str, total: int) -> Progress | None:
        return progress_factory(label, total) if progress_factory else None

    from helpers.articles import find_files

    files = find_files(inputs)  # walked once: the count drives the progress bar
    # A large corpus gets its screening and tagging processes before it is read (see _start_early).
    screener, workers = _start_early(files, watchlist=watchlist, n_process=n_process, scheduler=scheduler,
                                     algorithm=algorithm)
    try:
        corpus = load_corpus(files, workspace=workspace, max_bytes=max_bytes, roots=inputs,
                             progress=progress("Loading", len(files)))
        if screener is None:
            screener = _start_screener(workspace, watchlist=watchlist, n_process=n_process, scheduler=scheduler,
                                       lists=lists, min_score=min_score, algorithm=algorithm)
        else:  # the stored articles and their signature, read and computed once for both checks
            articles = workspace.read_table("articles")
            expected = _entities_signature(workspace, articles, watchlist)
            if not _screening_needed(workspace, watchlist, lists, min_score, algorithm, expected=expected):
                screener.terminate()  # it may still be warming up: no need to wait for that
                screener = None
        early = None
        if workers is not None and _tagging_needed(workspace, watchlist, articles, expected):
            from helpers.entities.build import EarlyRules

            langs = set(corpus.articles["lang"])
            workers.preload(langs)
            workers.idle = partial(_warm_up_steps, langs)
            early = EarlyRules(corpus.articles)  # the entity step's per-article rules, run as the tags come in
            workers.received = early.add
    except BaseException:
        for started in (screener, workers):
            if started is not None:
                started.close()
        raise
    articles = None  # each step reads the table again: one copy of every text fewer to keep
    # One spaCy pass (or cache read) serves both tagging steps, and only if one needs it.
    @cache
    def tagged() -> Tagged:
        try:
            # The articles as just loaded and stored: their texts are held once, by the corpus.
            return tag_corpus(workspace, watchlist=watchlist, n_process=n_process, scheduler=scheduler,
                              progress=progress("Tagging", len(corpus.articles)), workers=workers,
                              articles=corpus.articles)
        finally:
            if workers is not None:  # their memory is free for the entity step
                workers.close()

    try:
        report.lines += tag_entities(workspace, watchlist=watchlist, tagged=tagged, early=early).lines
        report.lines += tag_amounts(workspace, watchlist=watchlist, tagged=tagged).lines
        tagged.cache_clear()  # the articles' texts and tags are not needed past this point
        # With a screener, the scoring runs in its processes while relations are built and exported.
        finish_screening = start_screening(workspace, lists=lists, min_score=min_score, algorithm=algorithm,
                                           screener=screener)
        relations = relate_entities(workspace).lines
        written = export_data(workspace, out_dir, exclude=(SCREENING_CSV,))
        screened = finish_screening().lines
        written += export_data(workspace, out_dir, only=(SCREENING_CSV,))
    finally:
        for started in (screener, workers):
            if started is not None:
                started.close()
    report.lines += relations + screened
    order = [*CSV_TABLES, *GRAPH_FILES]
    written.sort(key=lambda path: order.index(path.name) if path.name in order else len(order))
    return corpus, report, written


# Step 6: sanctions-list screening -------------------------------------------------


#: Input bytes from which ``extract`` starts its processes before reading the corpus: about 128
#: articles of 2 kB, the size from which tagging on several processes pays off.
EARLY_START_BYTES = 256 * 1024


def _start_early(files: list[Path], *, watchlist: Watchlist, n_process: int | None, scheduler: str | None,
                 algorithm: str | None):
    """``(screener, workers)`` started before the corpus is read, or ``(None, None)``.

    For inputs of :data:`EARLY_START_BYTES` or more on several local cores:
    the screening process warms up and the tagging workers load their models
    while this process reads the files, and processes forked while this one
    is small share none of the corpus's tables (a process forked later keeps
    its own copy of every page its parent changes). The screener is closed
    again when screening will reuse its last run.
    """
    from helpers.parallel import Screener, Workers, resolve_processes

    processes = resolve_processes(n_process)
    if scheduler or processes < 2 or not Screener.usable():
        return None, None
    size = 0
    for path in files:
        try:
            size += path.stat().st_size
        except OSError:  # the loader reports it
            continue
    if size < EARLY_START_BYTES:
        return None, None
    screener = Screener(_screening_settings(None, None, algorithm)[2], cores=processes)
    return screener, Workers(processes, watchlist)


def _warm_up_steps(langs: set[str]) -> None:
    """While the workers tag: build the entity step's tables and import what the later steps use."""
    import helpers.relations  # noqa: F401 (networkx)
    import helpers.screening.ftm  # noqa: F401 (followthemoney)
    import helpers.screening.queries  # noqa: F401 (the matcher itself is imported by the screening processes)
    from helpers.entities.build import warm_up

    warm_up(langs)


def _tagging_needed(workspace: Workspace, watchlist: Watchlist, articles: pd.DataFrame,
                    entities_signature: str) -> bool:
    """True when the entity or the amount step will not reuse its last run (so tagging may run)."""
    return not (_up_to_date(workspace, "entities", entities_signature,
                            ("sentences", "mentions", "entities", "tag_status"))
                and _up_to_date(workspace, "amounts", _amounts_signature(articles, watchlist), ("amounts",)))


def _screening_needed(workspace: Workspace, watchlist: Watchlist, lists, min_score, algorithm, *,
                      expected: str | None = None) -> bool:
    """True when screening will not reuse its last run; ``expected`` is the entities' signature, when known."""
    if expected is None:
        expected = _entities_signature(workspace, workspace.read_table("articles"), watchlist)
    return not _screening_up_to_date(workspace, expected, lists, min_score, algorithm)


def _start_screener(workspace: Workspace, *, watchlist: Watchlist, n_process: int | None, scheduler: str | None,
                    lists, min_score, algorithm):
    """Screening processes warming up while the articles are tagged, when that saves time.

    Only with several local cores (a cluster run leaves this process free to
    warm up in it) and when the screening step will not reuse its last run.
    """
    from helpers.parallel import Screener, resolve_processes

    if scheduler or resolve_processes(n_process) < 2 or not Screener.usable():
        return None
    if not _screening_needed(workspace, watchlist, lists, min_score, algorithm):
        return None
    return Screener(_screening_settings(lists, min_score, algorithm)[2], cores=resolve_processes(n_process))


def _lists_signature(paths: list[Path]) -> str:
    """Changes when any list file changes: every file's path, size and content hash."""
    parts = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            parts.append(f"{file}={hashlib.sha256(file.read_bytes()).hexdigest()}")
    return _signature(*parts)


def _screening_settings(lists, min_score, algorithm) -> tuple[list[Path], float, str]:
    from helpers import screening

    paths = [Path(p).expanduser().resolve() for p in (lists or [screening.DEFAULT_LIST])]
    min_score = screening.DEFAULT_THRESHOLD if min_score is None else float(min_score)
    return paths, min_score, algorithm or screening.DEFAULT_ALGORITHM


def _screening_signature(entities_signature: str | None, paths: list[Path], min_score: float, algorithm: str) -> str:
    here = Path(__file__).resolve().parent
    return _signature(
        entities_signature, _lists_signature(paths), f"{min_score:.4f}", algorithm,
        code_signature(*sorted((here / "screening").glob("*.py")), PACKAGE_DATA / "screening"),
    )


def _screening_up_to_date(workspace: Workspace, entities_signature: str, lists, min_score, algorithm) -> bool:
    """True when screening entities of ``entities_signature`` with these settings would reuse the last run."""
    paths, min_score, algorithm = _screening_settings(lists, min_score, algorithm)
    try:
        signature = _screening_signature(entities_signature, paths, min_score, algorithm)
    except OSError:  # a list that cannot be read: the screening step says so
        return True
    return _up_to_date(workspace, "screening", signature, ("screening", "screening_lists"))


def screen_entities(
    workspace: Workspace,
    *,
    lists: Iterable[str | os.PathLike] | None = None,
    min_score: float | None = None,
    algorithm: str | None = None,
    screener=None,
) -> StepReport:
    """Screen PER and ORG entities against sanctions lists; write ``screening`` and ``screening_lists``.

    Without ``lists``, the OFAC SDN extract shipped with the kit. Unchanged
    entities, lists, threshold and algorithm keep the scores of the last run;
    review decisions are replayed on every run. ``screener`` (a
    :class:`helpers.parallel.Screener`) scores in its warmed processes instead
    of this one; the results are the same.

    Raises:
        helpers.screening.ListError: a list cannot be read.
    """
    return start_screening(workspace, lists=lists, min_score=min_score, algorithm=algorithm, screener=screener)()


def start_screening(
    workspace: Workspace,
    *,
    lists: Iterable[str | os.PathLike] | None = None,
    min_score: float | None = None,
    algorithm: str | None = None,
    screener=None,
) -> Callable[[], StepReport]:
    """:func:`screen_entities` in two halves: returns the function that finishes it.

    With a ``screener`` the scoring runs in its processes (watched from a
    background thread) while this process goes on with other steps; the
    returned function waits for the scores, writes the tables and gives the
    step's report. The workspace is read here and written there, only from
    the calling thread.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    from helpers import screening
    from helpers.screening.queries import entity_queries
    from helpers.screening.review import REVIEW_FILE, apply_review, parse_review
    from helpers.screening.table import list_table, screening_table

    paths, min_score, algorithm = _screening_settings(lists, min_score, algorithm)
    if screener is None or algorithm not in screening.ALGORITHMS:  # screening processes import the matcher
        screening.matching.algorithm_class(algorithm)  # an unknown name fails before any work
    signature = _screening_signature(workspace.get_meta("signature:entities"), paths, min_score, algorithm)
    review = workspace.file(REVIEW_FILE)
    decisions = parse_review(review.read_text(encoding="utf-8"), where=str(review)) if review.exists() else []
    if _up_to_date(workspace, "screening", signature, ("screening", "screening_lists")):

        def finish_cached() -> StepReport:
            table = workspace.read_table("screening")
            reviewed = apply_review(table, decisions)
            if not reviewed["status"].equals(table["status"]):
                workspace.write_tables({"screening": reviewed})
            return _screening_report(reviewed, workspace.read_table("screening_lists"), min_score, algorithm,
                                     cached=True)

        return finish_cached
    read = screening.read_lists(paths)
    queries = entity_queries(workspace.read_table("entities"), workspace.read_table("mentions"))
    matches: Future = Future()
    if screener is not None:
        screener.grow_for(len(queries))  # forked here, before the thread below starts
        background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dossier-screening")
        matches = background.submit(screener.screen, queries, paths, algorithm=algorithm, threshold=min_score)
        background.shutdown(wait=False)
    else:
        matches.set_result(screening.screen_queries(queries, screening.ListIndex(read), algorithm=algorithm,
                                                    threshold=min_score))

    def finish() -> StepReport:
        table = apply_review(screening_table(matches.result(), workspace.read_table("mentions")), decisions)
        lists_done = list_table(read)
        workspace.write_tables({"screening": table, "screening_lists": lists_done},
                               meta={"signature:screening": signature})
        return _screening_report(table, lists_done, min_score, algorithm, cached=False)

    return finish


def _screening_report(table: pd.DataFrame, lists_done: pd.DataFrame, min_score: float, algorithm: str, *,
                      cached: bool) -> StepReport:
    report = StepReport()
    names = ", ".join(lists_done["list"])
    report.add(
        f"Screening: {table['entity_id'].nunique()} entities are possible matches on {names} "
        f"(score >= {min_score:.2f}, {algorithm}; candidates to verify, not findings)"
        + (", unchanged since the last run." if cached else ".")
    )
    for label, skipped, detail in zip(lists_done["list"], lists_done["skipped"], lists_done["skipped_detail"]):
        if skipped:
            report.add(f"  {label}: {skipped} list rows skipped ({detail[:300]})")
    return report


def load_screening_review(workspace: Workspace) -> list[dict]:
    """The screening review decisions saved in the workspace, oldest first."""
    from helpers.screening.review import REVIEW_FILE, parse_review

    path = workspace.file(REVIEW_FILE)
    return parse_review(path.read_text(encoding="utf-8"), where=str(path)) if path.exists() else []


def review_match(workspace: Workspace, row: dict | pd.Series, decision: str, *, note: str = "") -> dict:
    """Confirm or reject one row of ``screening``; saved in the workspace and applied to the table."""
    from helpers.screening.review import REVIEW_FILE, apply_review, dump_review, make_decision

    made = make_decision(row, decision, note=note)
    decisions = load_screening_review(workspace) + [made]
    workspace.write_text_atomic(REVIEW_FILE, dump_review(decisions))
    workspace.write_tables({"screening": apply_review(workspace.read_table("screening"), decisions)})
    return made


def undo_review(workspace: Workspace) -> dict | None:
    """Remove the last screening review decision (None when there is none) and re-apply the rest."""
    from helpers.screening.review import REVIEW_FILE, apply_review, dump_review

    decisions = load_screening_review(workspace)
    if not decisions:
        return None
    removed = decisions.pop()
    workspace.write_text_atomic(REVIEW_FILE, dump_review(decisions))
    workspace.write_tables({"screening": apply_review(workspace.read_table("screening"), decisions)})
    return removed


def export_ftm(workspace: Workspace, out_dir: str | os.PathLike) -> Path:
    """Write ``entities.ftm.json``: articles, entities and mentions as FollowTheMoney entities."""
    from helpers.screening.ftm import corpus_entities, ftm_lines

    target = Path(out_dir) / "entities.ftm.json"
    proxies = corpus_entities(workspace.read_table("articles"), workspace.read_table("entities"),
                              workspace.read_table("mentions"))
    tmp = target.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.writelines(ftm_lines(proxies))
    os.replace(tmp, target)
    return target
