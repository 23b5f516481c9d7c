"""Entities: clean the model's spans, join mentions into canonical entities, curate them.

The model's raw output (``helpers.nlp.tag_texts``) is noisy: spans start with
"l'" or "The", end in "'s" or "(OFAC", swallow citation marks, tag tickers and
pronouns, and give one name different labels in different sentences. This
module turns it into two tables:

* ``mentions``: one row per cleaned mention, with its sentence;
* ``entities``: one row per canonical entity (fullest name, voted label,
  aliases, counts).

Every rule is general (word lists live in ``helpers/data/entities/``) and can be
switched off through :class:`EntityRules`, which is how
``scripts/evaluate_entities.py`` measures what each rule brings.

Reporters correct what is left with curation decisions (merge, rename,
relabel, hide), kept as ``curation.yaml`` in the workspace and replayed on
every run.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from helpers.nlp import Watchlist
from helpers.paths import PACKAGE_DATA

log = logging.getLogger(__name__)

#: Folder of the word lists the rules read.
DATA_DIR = PACKAGE_DATA / "entities"

#: The kit's labels.
LABELS = ("PER", "ORG", "LOC", "MISC")

#: Labels that the evaluation and most reports look at.
NAME_LABELS = ("PER", "ORG", "LOC")

#: Model labels mapped to the kit's labels; the English OntoNotes labels first.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PER",
    "PER": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
    "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
    "MISC": "MISC",
}

#: Numeric labels: not entities, the amounts step deals with money.
DROPPED_LABELS = frozenset(
    {"MONEY", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
)

MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "label", "entity_id", "sentence"]
ENTITY_COLUMNS = ["entity_id", "name", "label", "aliases", "mentions", "articles"]
RAW_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "label", "raw_label", "ent_id"]

#: File of curation decisions in the workspace folder.
CURATION_FILE = "curation.yaml"

#: Curation actions and the fields each one needs besides ``name`` and ``label``.
ACTIONS: dict[str, tuple[str, ...]] = {
    "merge": ("into",),
    "rename": ("to",),
    "relabel": ("to",),
    "hide": (),
}

# Vote weights. A model label counts 1; MISC is the French model's label for
# names it cannot place, so it counts half; a context word or a word inside the
# name that shows the kind of entity counts 2, because on names the model has
# never seen (small companies, new exchanges) it is right more often than the model.
MODEL_WEIGHT = 1.0
MISC_WEIGHT = 0.5
CUE_WEIGHT = 2.0
SPLIT_WEIGHT = 0.25

#: At most this many words between a kind-of noun and the name in French
#: ("l'unité de renseignement financier russe, Rosfin"); none in English.
MAX_FILLERS = 4

#: Person-name particles that may be lowercase inside a name.
NAME_PARTICLES = frozenset(
    {"de", "du", "des", "d", "la", "le", "von", "van", "der", "den", "da", "di", "del", "dos", "bin", "ben", "al", "el", "ibn", "y"}
)


@dataclass(frozen=True)
class EntityRules:
    """Switches for each clean-up and merge rule, all on by default.

    Attributes:
        trim: strip punctuation, quotes, dashes, determiners, elided articles,
            prepositions and possessives at a span's edges, and cut spans at
            brackets, citation marks, commas, line and sentence breaks.
        drop: drop what is not a name: function words, spans without a letter,
            currencies, tickers, dates, lowercase words.
        stoplist: drop the per-language list of known false positives.
        split: split a span made of two names already found in the article
            ("Kostarev de Binance").
        cues: let context words ("la plateforme X", "Senator X", "founder of X")
            and words inside a name ("Bank", "Fondation") vote on the label.
        patterns: tag a capitalised name that the model missed when a kind-of
            noun or a title comes right before it ("analytics firm Chainalysis").
        vote: decide an entity's label by a weighted vote of all its mentions
            (off: the label of its first fullest mention).
        surnames: join a surname or partial name to the full name.
        acronyms: join an acronym to the expansion that the text defines.
    """

    trim: bool = True
    drop: bool = True
    stoplist: bool = True
    split: bool = True
    cues: bool = True
    patterns: bool = True
    vote: bool = True
    surnames: bool = True
    acronyms: bool = True


#: Names of the switchable rules, in the order the evaluation reports them.
RULES = tuple(EntityRules.__dataclass_fields__)


# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, loaded from ``helpers/data/entities``."""

    function_words: frozenset[str]
    honorifics: frozenset[str]
    stoplist: frozenset[str]
    dates: frozenset[str]
    currencies: frozenset[str]
    tickers: frozenset[str]
    legal_forms: frozenset[str]
    name_words: dict[str, str]
    type_cues: dict[str, str]
    title_cues: frozenset[str]
    role_cues: frozenset[str]
    max_fillers: int = MAX_FILLERS
    all_function_words: frozenset[str] = field(default_factory=frozenset)


def _read_list(name: str) -> list[str]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            lines.append(line.casefold())
    return lines


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """Return the word lists for ``lang``; a language without lists uses the English ones."""
    if not (DATA_DIR / f"function_words_{lang}.txt").exists():
        lang = "en"
    type_cues: dict[str, str] = {}
    title_cues: set[str] = set()
    role_cues: set[str] = set()
    for line in _read_list(f"cues_{lang}.txt"):
        label, position, phrase = line.split(None, 2)
        if position == "type":
            type_cues[phrase] = label.upper()
        elif position == "title":
            title_cues.add(phrase)
        elif position == "role":
            role_cues.add(phrase)
        else:
            raise ValueError(f"cues_{lang}.txt: unknown position {position!r} in {line!r}")
    name_words = {}
    for line in _read_list(f"name_words_{lang}.txt"):
        label, word = line.split(None, 1)
        name_words[word] = label.upper()
    return Lexicon(
        function_words=frozenset(_read_list(f"function_words_{lang}.txt")),
        honorifics=frozenset(_read_list("honorifics.txt")),
        stoplist=frozenset(_read_list(f"stoplist_{lang}.txt")),
        dates=frozenset(_read_list(f"dates_{lang}.txt")),
        currencies=frozenset(_read_list("currencies.txt")),
        tickers=frozenset(_read_list("tickers.txt")),
        legal_forms=frozenset(w.rstrip(".") for w in _read_list("legal_forms.txt")),
        name_words=name_words,
        type_cues=type_cues,
        title_cues=frozenset(title_cues),
        role_cues=frozenset(role_cues),
        # English puts a name right after its kind-of noun ("payments firm X");
        # French lets adjectives come between ("le groupe pétrolier X").
        max_fillers=0 if lang == "en" else MAX_FILLERS,
        all_function_words=frozenset(
            w for f in DATA_DIR.glob("function_words_*.txt") for w in _read_list(f.name)
        ),
    )


# ---------------------------------------------------------------------------
# Names and keys
# ---------------------------------------------------------------------------


def unify_label(label: str) -> str | None:
    """Map a model label to PER/ORG/LOC/MISC; numeric labels give None (dropped)."""
    label = (label or "").upper()
    if label in DROPPED_LABELS:
        return None
    return LABEL_MAP.get(label, "MISC")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(name: str) -> list[str]:
    """Words of a name in order, without case, accents, apostrophes, hyphens or dots."""
    return list(_name_tokens(name))


@lru_cache(maxsize=100_000)
def _name_tokens(name: str) -> tuple[str, ...]:
    text = _strip_accents(name).casefold()
    text = re.sub(r"['’`´.\-]", "", text)
    return tuple(t for t in re.split(r"[^\w]+", text) if t)


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """Key under which two spellings are the same name: up to case, accents, apostrophes and word order."""
    return " ".join(sorted(name_tokens(name)))


def entity_id(name: str, label: str) -> str:
    """Stable id of an entity: a short hash of its label and name key."""
    digest = hashlib.sha1(f"{label}|{name_key(name)}".encode("utf-8")).hexdigest()[:10]
    return f"{label.lower()}-{digest}"


# ---------------------------------------------------------------------------
# Span clean-up
# ---------------------------------------------------------------------------

# Where a span is cut into pieces: line breaks, brackets and citation marks,
# quotes, list separators, spaced dashes, and a sentence end inside the span.
_BREAKS = re.compile(
    r"\n+|\[[^\]\n]*\]?|\]|[()«»\"|;]|\s[–—-]+\s|^[–—-]+\s|,\s+|:\s+|(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_])"
)
_EDGE_JUNK = re.compile(r"^[^\w$€£¥₽]+|[^\w.]+$|(?<![.\s]\w)(?<!\.\w\w)\.$")
_LEADING_ELISION = re.compile(r"^(\w{1,7}')(?=\w)", re.IGNORECASE)
_TRAILING_ELISION = re.compile(r"\s(\w{1,7}')\W*$")
_POSSESSIVE = re.compile(r"(?:'s|')$")
_INTERNAL_POSSESSIVE = re.compile(r"'s\s+(?=[A-Z])")
_ABBREVIATION_END = re.compile(r"(?:\b\w\.|\b(?:ltd|inc|corp|co|jr|sr|st|bros)\.)$", re.IGNORECASE)


def _pieces(body: str, start: int, end: int, breaks: Sequence[int], lang: str) -> list[tuple[int, int]]:
    """Cut ``body[start:end]`` at hard breaks and at the given sentence starts."""
    cuts = [start]
    for b in breaks:
        if start < b < end:
            cuts.append(b)
    spans = []
    for a, b in zip(cuts, [*cuts[1:], end]):
        pos = a
        segment = body[a:b]
        patterns = [_BREAKS]
        if lang == "en":
            patterns.append(_INTERNAL_POSSESSIVE)
        marks = sorted(
            (m.start(), m.end()) for p in patterns for m in p.finditer(segment)
        )
        for m_start, m_end in marks:
            if a + m_start >= pos:
                spans.append((pos, a + m_start))
                pos = a + m_end
        spans.append((pos, b))
    return [(a, b) for a, b in spans if b > a]


def _mid_sentence(body: str, start: int) -> bool:
    """True when the text before ``start`` ends with a word or a comma on the same line."""
    before = body[:start].rstrip(" \t")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",'")


def trim_span(body: str, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Strip punctuation, determiners, elisions, prepositions and possessives at the edges.

    A capitalised determiner in the middle of a sentence is part of a name
    ("selon le quotidien Le Monde") and is kept.

    Returns:
        The new ``(start, end)``; ``start == end`` when nothing is left.
    """
    while start < end:
        text = body[start:end]
        # trailing elided word: "Comité national de planification de l'"
        m = _TRAILING_ELISION.search(text)
        if m and m.group(1).casefold() in lex.function_words:
            end = start + m.start()
            continue
        m = _EDGE_JUNK.search(text)
        if m and m.start() == 0 and m.end() > 0:
            start += m.end()
            continue
        abbreviation = text.endswith(".") and _ABBREVIATION_END.search(text)  # "Ltd.", "U.S."
        if m and m.end() == len(text) and m.start() < len(text) and not abbreviation:
            end = start + m.start()
            continue
        # leading elided article or preposition: l'OTAN, d'Europe
        m = _LEADING_ELISION.match(text)
        if m and m.group(1).casefold() in lex.function_words:
            if not (text[0].isupper() and _mid_sentence(body, start)):
                start += m.end()
                continue
        # leading determiner, preposition or courtesy title
        first, _, rest = text.partition(" ")
        low = first.casefold()
        if rest and low in lex.honorifics:
            start += len(first) + 1
            continue
        shouted = first.isupper() and len(first) > 1  # "US", "IT": acronyms, not words
        if rest and low in lex.function_words and not shouted:
            if not (first[0].isupper() and _mid_sentence(body, start)):
                start += len(first) + 1
                continue
        # trailing possessive
        m = _POSSESSIVE.search(text)
        if m and len(text) > 2:
            end = start + m.start()
            continue
        # trailing function word or elided form: "de l'", "of"
        head, _, last = text.rpartition(" ")
        if head and (last.endswith("'") or not last.isupper()) and last.casefold() in lex.function_words:
            end = start + len(head)
            continue
        break
    # leading/trailing spaces left by the cuts above
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def drop_reason(text: str, lex: Lexicon, *, stoplist: bool = True) -> str | None:
    """Why ``text`` is not a name, or None when it may be one."""
    if not re.search(r"[^\W\d_]", text):
        return "no letter"
    low = text.casefold()
    words = low.split()
    if len(re.sub(r"[^\w]", "", text)) < 2:
        return "too short"
    if text.upper() != text and all(w in lex.function_words for w in words):
        return "function word"
    if low.strip("$€£¥₽ ") in lex.currencies or low in lex.currencies:
        return "currency"
    if text.isupper() and low.lstrip("$") in lex.tickers:
        return "ticker"
    tokens = name_tokens(text)
    if any(w in lex.dates for w in tokens) and all(
        w in lex.dates or w.isdigit() or w in lex.function_words for w in tokens
    ):
        return "date"
    if not any(c.isupper() for c in text):
        return "lowercase"
    if stoplist and low in lex.stoplist:
        return "stoplist"
    return None


# ---------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------


@dataclass
class _Mention:
    article_id: str
    lang: str
    start: int
    end: int
    text: str
    model_label: str
    ent_id: str = ""
    weight: float = MODEL_WEIGHT
    cue: str | None = None
    created: bool = False
    node: tuple[str, str] | None = None
    person_link: bool = False

    @property
    def key(self) -> str:
        return name_key(self.ent_id or self.text)


def _sentence_index(sents: Sequence[Sequence[int]], start: int) -> int:
    starts = [s[0] for s in sents]
    return max(bisect_right(starts, start) - 1, 0)


def raw_mentions(articles: pd.DataFrame, payloads: dict[str, dict]) -> pd.DataFrame:
    """The model's spans as they are, labels unified, numeric labels dropped.

    Used by the evaluation to compare the raw model with the kit.
    """
    rows = []
    for article_id, lang, body in _article_rows(articles):
        payload = payloads.get(article_id) or {}
        sents = payload.get("sents") or [[0, len(body)]]
        for ent in payload.get("ents", []):
            start, end, raw_label = ent[0], ent[1], ent[2]
            label = unify_label(raw_label)
            if label is None:
                continue
            ent_id = ent[3] if len(ent) > 3 else ""
            rows.append(
                (article_id, _sentence_index(sents, start), start, end, body[start:end], label, raw_label, ent_id)
            )
    return pd.DataFrame(rows, columns=RAW_COLUMNS)


def _article_rows(articles: pd.DataFrame) -> Iterable[tuple[str, str, str]]:
    for row in articles[["article_id", "lang", "text"]].itertuples(index=False, name=None):
        yield str(row[0]), str(row[1] or ""), str(row[2] or "")


def _clean_mentions(
    article_id: str, lang: str, body: str, payload: dict[str, Any], rules: EntityRules
) -> list[_Mention]:
    """Cut, trim and filter the model's spans of one article."""
    lex = load_lexicon(lang)
    sents = payload.get("sents") or [[0, len(body)]]
    sentence_starts = [s[0] for s in sents]
    out: list[_Mention] = []
    for ent in payload.get("ents", []):
        start, end, raw_label = int(ent[0]), int(ent[1]), ent[2]
        ent_id = ent[3] if len(ent) > 3 and ent[3] else ""
        label = unify_label(raw_label)
        if label is None:
            continue
        if ent_id:  # a watchlist match: the user asked for exactly this
            out.append(_Mention(article_id, lang, start, end, body[start:end], label, ent_id))
            continue
        spans = _pieces(body, start, end, sentence_starts, lang) if rules.trim else [(start, end)]
        for a, b in spans:
            if rules.trim:
                a, b = trim_span(body, a, b, lex)
            if a >= b:
                continue
            text = body[a:b]
            if rules.drop and drop_reason(text, lex, stoplist=rules.stoplist):
                continue
            if not rules.drop and rules.stoplist and text.casefold() in lex.stoplist:
                continue
            weight = MISC_WEIGHT if label == "MISC" else MODEL_WEIGHT
            out.append(_Mention(article_id, lang, a, b, text, label, weight=weight))
    # two overlapping pieces (a watchlist span and a model span cannot overlap) are kept once
    out.sort(key=lambda m: (m.start, -m.end))
    unique: list[_Mention] = []
    for m in out:
        if unique and m.start == unique[-1].start and m.end == unique[-1].end:
            continue
        unique.append(m)
    return unique


# "Kostarev de Binance": a span made of two names already known in the article.
_SPLIT_AT = re.compile(r"\s+(?:de|du|des|of|and|et|&)\s+(?:(?:la|le|les|the)\s+)?|\s+d'|\s+l'")


def _split_known(mentions: list[_Mention], body: str, lex: Lexicon) -> list[_Mention]:
    known: Counter[str] = Counter(m.key for m in mentions)
    person_words = set()
    for m in mentions:
        tokens = name_tokens(m.text)
        if len(tokens) >= 2 and m.model_label == "PER":
            person_words.add(tokens[-1])
    out = []
    for m in mentions:
        done = False
        if not m.ent_id:
            for sep in _SPLIT_AT.finditer(m.text):
                left = m.text[: sep.start()]
                right = m.text[sep.end():]
                lk, rk = name_key(left), name_key(right)
                left_known = known[lk] - (lk == m.key) > 0 or lk in person_words
                right_known = known[rk] - (rk == m.key) > 0
                if left and right and left_known and right_known:
                    a = m.start
                    b = m.start + sep.end()
                    out.append(_Mention(m.article_id, m.lang, a, a + len(left), left, m.model_label, weight=SPLIT_WEIGHT))
                    out.append(_Mention(m.article_id, m.lang, b, m.end, right, m.model_label, weight=SPLIT_WEIGHT))
                    done = True
                    break
        if not done:
            out.append(m)
    return out


# ---------------------------------------------------------------------------
# Context cues
# ---------------------------------------------------------------------------

_CUE_TOKEN = re.compile(r"\w+'|\w+(?:[-.]\w+)*\.?|[^\w\s]")
_BLOCKERS = frozenset(
    {
        "in", "at", "from", "to", "with", "by", "for", "on", "into", "against", "and", "or", "which", "who",
        "that", "than", "as", "à", "au", "aux", "en", "dans", "vers", "par", "pour", "avec", "chez", "sur",
        "sous", "entre", "contre", "et", "ou", "que", "qui", "dont", "où", "comme", "selon",
    }
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "its", "his", "her", "their", "leur", "notre", "our"}
)
_OF = frozenset({"de", "du", "d'", "des", "of", "for", "at", "chez"})


def _tokens(text: str) -> list[str]:
    return _CUE_TOKEN.findall(text)


def _match_end(tokens: list[str], i: int, phrases: Iterable[str] | dict[str, str]) -> str | None:
    """The phrase among ``phrases`` whose last word is ``tokens[i - 1]``, if any."""
    for n in (3, 2, 1):
        if i - n < 0:
            continue
        phrase = " ".join(t.casefold() for t in tokens[i - n : i]).replace("' ", "'")
        if phrase in phrases:
            return phrase
    return None


def _match_start(tokens: list[str], i: int, phrases: Iterable[str] | dict[str, str]) -> tuple[str, int] | None:
    """The phrase among ``phrases`` starting at ``tokens[i]`` and its length, if any."""
    for n in (3, 2, 1):
        if i + n > len(tokens):
            continue
        phrase = " ".join(t.casefold() for t in tokens[i : i + n]).replace("' ", "'")
        if phrase in phrases:
            return phrase, n
    return None


def _clause(body: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of text around a span up to the nearest sentence punctuation or line break.

    Found in the text itself, since a parser's sentence boundaries sometimes
    fall inside a noun phrase ("Le groupe pétrolier | Sibneftegaz").
    """
    left = max(body.rfind("\n", 0, start), *(body.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    left = 0 if left < 0 else left + 1
    right_candidates = [i for i in (body.find(p, end) for p in ("\n", ". ", "! ", "? ")) if i >= 0]
    right = min(right_candidates) if right_candidates else len(body)
    return max(left, start - 200), min(right, end + 200)


def context_cue(body: str, start: int, end: int, lex: Lexicon, *, before_only: bool = False) -> str | None:
    """The label that the words around ``body[start:end]`` point to, or None.

    Before the name: a kind-of noun ("la plateforme d'échange X", "payments firm X"),
    a person's title ("le député X", "son fondateur, X"), or a role and "de/of"
    ("le représentant de X", "founder of X": X is an organisation).
    After it: an apposition (", a private bank", ", a spokeswoman"), a possessive
    role ("X's chairman") or a role before a person's name ("X chief executive Jane Doe").
    """
    left, right = _clause(body, start, end)
    before = _tokens(body[left:start])
    tail = body[end:right]
    possessive = re.match(r"'s?\b|'", tail)
    after = _tokens(tail[possessive.end():] if possessive else tail)
    # role of X -> ORG ("le représentant de Binance", "a spokeswoman for the CBN")
    i = len(before)
    if i and before[i - 1].casefold() in _DETERMINERS:
        i -= 1
    if i >= 2 and before[i - 1].casefold() in _OF and _match_end(before, i - 1, lex.role_cues):
        return "ORG"
    # title right before the name -> PER ("son fondateur, X", "Senator X")
    i = len(before)
    if i and before[i - 1] in {",", '"', "«"}:
        i -= 1
    if i and _match_end(before, i, lex.title_cues):
        return "PER"
    # kind-of noun before the name, lowercase words allowed in between
    i = len(before)
    while i and before[i - 1] in {",", '"', "«"}:
        i -= 1
    fillers = 0
    while i > 0 and fillers <= lex.max_fillers:
        phrase = _match_end(before, i, lex.type_cues)
        if phrase and before[i - 1][:1].islower():
            return lex.type_cues[phrase]
        word = before[i - 1]
        low = word.casefold()
        if not word[:1].isalpha() or not word[:1].islower() or low in _BLOCKERS or low in _DETERMINERS:
            break
        if fillers == 0 and low in _OF:
            break
        i -= 1
        fillers += 1
    if before_only:
        return None
    if possessive:
        # X's chairman, X's former compliance chief -> ORG
        for j in range(min(3, len(after))):
            if _match_start(after, j, lex.role_cues):
                return "ORG"
            if not after[j][:1].islower():
                break
        return None
    # apposition after the name: ", a private bank in", ", a spokeswoman for"
    if after[:1] == [","]:
        j = 1
        if j < len(after) and after[j].casefold() in _DETERMINERS:
            j += 1
        fillers = 0
        while j < len(after) and fillers <= MAX_FILLERS:
            hit = _match_start(after, j, lex.type_cues)
            title = _match_start(after, j, lex.title_cues)
            found = (lex.type_cues[hit[0]], hit[1]) if hit and after[j][:1].islower() else ("PER", title[1]) if title else None
            if found:
                label, n = found
                following = after[j + n] if j + n < len(after) else ""
                # "À Kiev, le député Oleksandr Hrytsenko": the title is the next name's
                return None if following[:1].isupper() else label
            word = after[j]
            low = word.casefold()
            if not word[:1].isalpha() or not word[:1].islower() or low in _BLOCKERS or low in _DETERMINERS:
                break
            j += 1
            fillers += 1
        return None
    # X chief executive Jane Doe -> ORG
    hit = _match_start(after, 0, lex.role_cues)
    if hit and len(after) > hit[1] and after[hit[1]][:1].isupper():
        return "ORG"
    return None


_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])[^\W\d_a-zà-ÿ][\w.&'’-]*(?:[ ][^\W\d_a-zà-ÿ][\w.&'’-]*){0,3}")


def _add_cued_names(
    mentions: list[_Mention], article_id: str, lang: str, body: str, lex: Lexicon, rules: EntityRules
) -> list[_Mention]:
    """Add the capitalised names the model missed that follow a kind-of noun or a title."""
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for match in _CAPITALISED_RUN.finditer(body):
        run_start, b = match.span()
        if any(run_start < e and s < b for s, e in taken):
            continue
        # the title may open the run itself: "Senator Tom Hale"
        starts = [run_start] + [run_start + m.end() for m in re.finditer(r"\S+ ", match.group())]
        label, a = None, run_start
        for a in starts:
            label = context_cue(body, a, b, lex, before_only=True)
            if label:
                break
        if label is None:
            continue
        a, b = trim_span(body, a, b, lex)
        if a >= b or drop_reason(body[a:b], lex, stoplist=rules.stoplist):
            continue
        added.append(_Mention(article_id, lang, a, b, body[a:b], label, weight=0.0, created=True))
    return sorted(mentions + added, key=lambda m: (m.start, -m.end))


def name_word_label(text: str, lex: Lexicon) -> str | None:
    """The label shown by a word inside the name ("Bank", "Fondation", "Islands"), or a web domain."""
    if re.search(r"\w\.(?:com|net|org|io|info|fr|ru|co|uk)$", text, re.IGNORECASE):
        return "ORG"
    words = [w.strip(".,").casefold() for w in text.split()]
    if len(words) < 2:
        return None
    for w in words:
        if w in lex.name_words:
            return lex.name_words[w]
    return None


# ---------------------------------------------------------------------------
# Acronyms
# ---------------------------------------------------------------------------

_ACRONYM = r"[A-Z][A-Za-z0-9&\-]{1,11}"
_ACR_AFTER = re.compile(r"\(\s*(" + _ACRONYM + r")\s*\)")
_ACR_BEFORE = re.compile(r"\b(" + _ACRONYM + r")\s*\(([^()\n]{3,150})\)")
_WORD_SPAN = re.compile(r"[\w]+(?:['’][\w]+)*|['’]")


@dataclass(frozen=True)
class AcronymDefinition:
    """An acronym and the expansion the text gives it, as offsets into the text."""

    short: tuple[int, int]
    long: tuple[int, int]


def _acronym_letters(acr: str) -> str:
    caps = "".join(c for c in acr if c.isupper() or c.isdigit())
    if sum(c.isupper() for c in acr) < 2:
        return ""
    return caps.casefold() if any(c.islower() for c in acr) else re.sub(r"[^\w]", "", acr).casefold()


def _words(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Words of ``text`` with absolute offsets; hyphenated words count as several."""
    out = []
    for m in re.finditer(r"[^\W_]+(?:'[^\W_]+)?", text):
        out.append((m.group(), offset + m.start(), offset + m.end()))
    return out


def _initial(word: str) -> str:
    m = re.match(r"^\w{1,7}'(?=\w)", word)
    if m:
        word = word[m.end():]
    return _strip_accents(word[:1]).casefold()


def _covers(letters: str, words: list[str], lex: Lexicon) -> bool:
    if not letters:
        if not words:
            return True
        # a trailing complement: "... General of Switzerland"
        return len(words) <= 3 and words[0].casefold() in lex.all_function_words and words[-1][:1].isupper()
    if not words:
        return False
    word = words[0]
    elided = re.match(r"^\w{1,7}'(?=\w)", word)
    if elided and elided.group().casefold() in lex.all_function_words and _initial(word) == letters[0]:
        if _covers(letters[1:], words[1:], lex):
            return True
    if _strip_accents(word[:1]).casefold() == letters[0] and _covers(letters[1:], words[1:], lex):
        return True
    base = word[elided.end():] if elided else word
    if word.casefold() in lex.all_function_words or base.casefold() in lex.all_function_words:
        return _covers(letters, words[1:], lex)  # a skipped function word
    return False


def _long_form(letters: str, words: list[tuple[str, int, int]], lex: Lexicon) -> tuple[int, int] | None:
    """The shortest run of ``words`` ending at the last one whose initials spell ``letters``."""
    limit = len(letters) + 6
    for i in range(len(words) - 1, max(-1, len(words) - 1 - limit), -1):
        word = words[i][0]
        if word.casefold() in lex.all_function_words:
            continue
        stripped = re.sub(r"^\w{1,7}'(?=\w)", "", word)
        if not stripped[:1].isupper() or _initial(word) != letters[0]:
            continue
        if _covers(letters[1:], [w for w, _, _ in words[i + 1 :]], lex):
            start = words[i][1]
            if stripped is not word:
                start += len(word) - len(stripped)
            return start, words[-1][2]
    return None


def find_acronyms(text: str, lang: str) -> list[AcronymDefinition]:
    """Acronyms defined in ``text``: "Long Name (ACR)" and "ACR (Long Name)".

    The acronym's capitals must be the initials of the expansion's words, in
    order; function words may be skipped or used ("Department of Justice
    (DOJ)"), and the expansion must start with a capital.
    """
    lex = load_lexicon(lang)
    found = []
    for m in _ACR_AFTER.finditer(text):
        acr = m.group(1)
        letters = _acronym_letters(acr)
        if not letters:
            continue
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start()) + 1, text.rfind(";", 0, m.start()), text.rfind("(", 0, m.start()), 0)
        segment = text[line_start : m.start()]
        words = _words(segment, line_start)
        span = _long_form(letters, words, lex)
        if span:
            found.append(AcronymDefinition((m.start(1), m.end(1)), span))
    for m in _ACR_BEFORE.finditer(text):
        acr = m.group(1)
        letters = _acronym_letters(acr)
        if not letters:
            continue
        inner_start = m.start(2)
        words = _words(m.group(2), inner_start)
        if len(words) < 2 or not words[0][0][:1].isupper():
            continue
        if _initial(words[0][0]) == letters[0] and _covers(letters[1:], [w for w, _, _ in words[1:]], lex):
            found.append(AcronymDefinition((m.start(1), m.end(1)), (words[0][1], words[-1][2])))
    return found


def _apply_acronyms(mentions: list[_Mention], body: str, article_id: str, lang: str) -> tuple[list[_Mention], list[tuple[_Mention, _Mention]]]:
    """Add the missing side of each defined acronym and return (mentions, links)."""
    links: list[tuple[_Mention, _Mention]] = []
    for definition in find_acronyms(body, lang):
        (sa, sb), (la, lb) = definition.short, definition.long
        short = next((m for m in mentions if m.start == sa and m.end == sb), None)
        inside = [m for m in mentions if m.start >= la and m.end <= lb and not (m.start == sa and m.end == sb)]
        container = next((m for m in mentions if m.start <= la and m.end >= lb and m is not short), None)
        elsewhere = [m for m in mentions if m.key in (name_key(body[sa:sb]), name_key(body[la:lb]))]
        if short is None and not inside and container is None and not elsewhere:
            continue  # neither side tagged anywhere: most likely not a name ("anti-money laundering (AML)")
        if container is not None:
            long = container
        elif len(inside) == 1 and inside[0].start == la and inside[0].end == lb:
            long = inside[0]
        else:
            votes: Counter[str] = Counter()
            for m in inside:
                votes[m.model_label] += m.weight
            source = short or (elsewhere[0] if elsewhere else None)
            label = votes.most_common(1)[0][0] if votes else (source.model_label if source else "ORG")
            if any(m.ent_id for m in inside):
                continue
            gone = {id(m) for m in inside}
            mentions = [m for m in mentions if id(m) not in gone]
            long = _Mention(article_id, lang, la, lb, body[la:lb], label, created=not inside)
            mentions.append(long)
        if short is None:
            short = _Mention(article_id, lang, sa, sb, body[sa:sb], long.model_label, weight=SPLIT_WEIGHT, created=True)
            mentions.append(short)
        links.append((short, long))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions, links


# ---------------------------------------------------------------------------
# Joining mentions into entities
# ---------------------------------------------------------------------------


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


@dataclass
class _Node:
    """All mentions of one name (one key) in one article."""

    article_id: str
    key: str
    mentions: list[_Mention] = field(default_factory=list)

    @cached_property
    def form(self) -> str:
        """The fullest form; read only once every mention is in."""
        return _best_form(self.mentions)

    @cached_property
    def tokens(self) -> list[str]:
        """Tokens of the fullest form."""
        return name_tokens(self.form)

    @cached_property
    def winner(self) -> str:
        """The label its mentions vote for; dropped by :func:`_join_partial` when the vote changes."""
        return _winner(self.votes())

    def votes(self) -> Counter[str]:
        return _votes(self.mentions)


def _votes(mentions: Iterable[_Mention]) -> Counter[str]:
    votes: Counter[str] = Counter()
    for m in mentions:
        votes["PER" if m.person_link else m.model_label] += m.weight
        if m.cue:
            votes[m.cue] += CUE_WEIGHT
    return votes


_LABEL_PRIORITY = {"ORG": 3, "PER": 2, "LOC": 1, "MISC": 0}


def _winner(votes: Counter[str]) -> str:
    return max(votes, key=lambda label: (votes[label], _LABEL_PRIORITY.get(label, -1)))


def _best_form(mentions: Iterable[_Mention]) -> str:
    """The fullest surface form: most words, then not in capitals, then most frequent, then longest."""
    mentions = sorted(mentions, key=lambda m: (m.article_id, m.start))
    counts = Counter(m.text for m in mentions)
    first = {}
    for i, m in enumerate(mentions):
        first.setdefault(m.text, i)

    def rank(text: str) -> tuple:
        words = len(name_tokens(text))
        shouting = text.isupper() and words > 1
        return (words, not shouting, counts[text], len(text), -first[text])

    return max(counts, key=rank)


def _person_shaped(text: str, lex: Lexicon) -> bool:
    words = text.split()
    if len(words) < 2 or len(words) > 6:
        return False
    for w in words:
        if any(c.isdigit() for c in w):
            return False
        if w.casefold().strip(".") in lex.name_words or w.casefold().strip(".") in lex.legal_forms:
            return False
        if not w[:1].isupper() and w.casefold() not in NAME_PARTICLES:
            return False
    return True


def _is_subname(short: list[str], full: list[str]) -> bool:
    """True when ``short`` is a strict part of ``full`` ending with the same word (a surname)."""
    if not short or len(short) >= len(full) or short[-1] != full[-1]:
        return False
    remaining = list(full)
    for t in short:
        if t not in remaining:
            return False
        remaining.remove(t)
    return True


def _is_legal_variant(short: list[str], full: list[str], lex: Lexicon) -> bool:
    """True when ``full`` is ``short`` plus legal-form words only ("Bitzlato Limited")."""
    if len(short) >= len(full) or full[: len(short)] != short:
        return False
    return all(t in lex.legal_forms for t in full[len(short):])


def _join_partial(node: _Node, target: _Node, uf: _UnionFind, linked: set, *, as_person: bool) -> None:
    """Join a partial name to its full name; a surname's mentions then vote for a person."""
    uf.union((node.article_id, node.key), (target.article_id, target.key))
    linked.add((node.article_id, node.key))
    if as_person:
        for m in node.mentions:
            m.person_link = True
        node.__dict__.pop("winner", None)  # the vote changed


def _link_partials(
    nodes: dict[tuple[str, str], _Node], uf: _UnionFind, rules: EntityRules, linked: set
) -> None:
    """Join surnames and partial names to the full name, first in the article, then in the corpus."""
    by_article: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        by_article[node.article_id].append(node)

    def is_full_person(node: _Node) -> bool:
        lex = load_lexicon(node.mentions[0].lang)
        if any(m.ent_id for m in node.mentions):
            return node.winner == "PER" and len(node.tokens) >= 2
        return node.winner == "PER" and _person_shaped(node.form, lex)

    def is_org(node: _Node) -> bool:
        return node.winner == "ORG"

    full_people = {id(n): is_full_person(n) for n in nodes.values()}
    no_local_candidate: list[_Node] = []
    for article_id, members in by_article.items():
        for node in sorted(members, key=lambda n: -len(n.tokens)):
            if any(m.ent_id for m in node.mentions):
                continue
            lex = load_lexicon(node.mentions[0].lang)
            tokens = node.tokens
            candidates = [
                other for other in members
                if other is not node and full_people[id(other)] and _is_subname(tokens, other.tokens)
            ]
            legal = [
                other for other in members
                if other is not node and _is_legal_variant(tokens, other.tokens, lex) and (is_org(other) or is_org(node))
            ]
            roots = {uf.find((o.article_id, o.key)) for o in candidates + legal}
            if len(roots) == 1:
                _join_partial(node, (candidates + legal)[0], uf, linked, as_person=bool(candidates))
            elif not roots:
                no_local_candidate.append(node)
    # across the corpus: only nodes with no candidate in their own article. Nodes
    # are grouped by their name's tokens and looked up by last word (a surname ends
    # the full name) or first word (a legal variant starts with the short name), so
    # each distinct name is tested once, not once per article it appears in.
    groups: dict[tuple[str, ...], list[_Node]] = defaultdict(list)
    for n in nodes.values():
        if (n.article_id, n.key) not in linked and n.tokens:
            groups[tuple(n.tokens)].append(n)
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    people_groups: set[tuple[str, ...]] = set()
    org_groups: set[tuple[str, ...]] = set()
    for toks, members in groups.items():
        by_first[toks[0]].append(toks)
        if any(full_people[id(n)] for n in members):
            by_last[toks[-1]].append(toks)
            people_groups.add(toks)
        if any(is_org(n) for n in members):
            org_groups.add(toks)

    def elsewhere(toks: tuple[str, ...], article_id: str, *, people_only: bool) -> list[_Node]:
        return [
            n for n in groups[toks]
            if n.article_id != article_id and (full_people[id(n)] or not people_only)
        ]

    for node in no_local_candidate:
        lex = load_lexicon(node.mentions[0].lang)
        tokens = node.tokens
        if not tokens:
            continue
        people: list[_Node] = []
        for toks in by_last.get(tokens[-1], ()):
            if _is_subname(tokens, list(toks)):
                people += elsewhere(toks, node.article_id, people_only=True)
        legal: list[_Node] = []
        node_is_org = is_org(node)
        for toks in by_first.get(tokens[0], ()):
            if (toks in org_groups or node_is_org) and _is_legal_variant(tokens, list(toks), lex):
                legal += [o for o in elsewhere(toks, node.article_id, people_only=False) if is_org(o) or node_is_org]
        # full names are one entity across the corpus by key, so count keys
        keys = {o.key for o in people + legal}
        if len(keys) == 1:
            _join_partial(node, (people + legal)[0], uf, linked, as_person=bool(people))


def _spells(acronym: str, name: str, lex: Lexicon) -> bool:
    """True when the initials of ``name``'s words spell ``acronym`` ("SEC", "Securities and Exchange Commission")."""
    letters = _acronym_letters(acronym)
    words = [w for w, _, _ in _words(name, 0)]
    return bool(letters) and len(words) >= 2 and _initial(words[0]) == letters[0] and _covers(letters[1:], words[1:], lex)


def _link_initialisms(nodes: dict[tuple[str, str], _Node], uf: _UnionFind, linked: set, defined: set[str]) -> None:
    """Join an acronym the text never defines to the one name it spells, in its article or else the corpus."""
    forms = {node_id: node.form for node_id, node in nodes.items()}
    # Long names by article and by the initial of their first word: an acronym only
    # looks at the names whose first letter it starts with.
    long_by_initial: dict[str, list[tuple[tuple[str, str], str]]] = defaultdict(list)
    for node_id, form in forms.items():
        words = [w for w, _, _ in _words(form, 0)]
        if len(form.split()) >= 2 and words:
            long_by_initial[_initial(words[0])].append((node_id, form))
    corpus_matches: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for node_id, node in nodes.items():
        form = forms[node_id]
        if node.key in defined or not re.fullmatch(r"[A-Z]{2,6}", form) or any(m.ent_id for m in node.mentions):
            continue
        lex = load_lexicon(node.mentions[0].lang)
        letters = _acronym_letters(form)
        if not letters:
            continue
        pool = long_by_initial.get(letters[0], ())
        local = {nid for nid, name in pool if nid[0] == node.article_id and _spells(form, name, lex)}
        if not local:
            memo = (form, node.mentions[0].lang)
            if memo not in corpus_matches:
                corpus_matches[memo] = {nid for nid, name in pool if _spells(form, name, lex)}
            candidates = corpus_matches[memo]
            if len({nid[1] for nid in candidates}) == 1:
                local = {next(iter(candidates))}
        if len(local) == 1:
            uf.union(node_id, next(iter(local)))
            linked.add(node_id)


def _cluster(mentions: list[_Mention], acronym_links: list[tuple[_Mention, _Mention]], rules: EntityRules) -> dict[Any, list[_Mention]]:
    nodes: dict[tuple[str, str], _Node] = {}
    for m in mentions:
        node_id = (m.article_id, m.key)
        m.node = node_id
        nodes.setdefault(node_id, _Node(m.article_id, m.key)).mentions.append(m)
    uf = _UnionFind()
    for node_id in nodes:
        uf.find(node_id)
    linked: set[tuple[str, str]] = set()
    if rules.acronyms:
        defined: dict[str, set[str]] = defaultdict(set)
        for short, long in acronym_links:
            defined[short.key].add(long.key)
        for short, long in acronym_links:
            if len(defined[short.key]) == 1:
                continue  # unambiguous: the acronym is one entity everywhere, joined below
            uf.union(short.node, long.node)
            linked.add(short.node)
        for short, long in acronym_links:
            if len(defined[short.key]) == 1:
                uf.union(short.node, long.node)
        _link_initialisms(nodes, uf, linked, set(defined))
    if rules.surnames:
        _link_partials(nodes, uf, rules, linked)
    # the same name is one entity across the corpus, except where it was linked locally
    by_key: dict[str, tuple[str, str]] = {}
    for node_id, node in nodes.items():
        if node_id in linked:
            continue
        if node.key in by_key:
            uf.union(node_id, by_key[node.key])
        else:
            by_key[node.key] = node_id
    # watchlist matches are one entity per canonical name
    by_ent_id: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.ent_id:
            if m.ent_id in by_ent_id:
                uf.union(m.node, by_ent_id[m.ent_id])
            else:
                by_ent_id[m.ent_id] = m.node
            if name_key(m.ent_id) in by_key:
                uf.union(m.node, by_key[name_key(m.ent_id)])
    clusters: dict[Any, list[_Mention]] = defaultdict(list)
    for m in mentions:
        clusters[uf.find(m.node)].append(m)
    return clusters


def _decide(cluster: list[_Mention], rules: EntityRules) -> tuple[str, str]:
    """Canonical name and label of one cluster of mentions."""
    forced = [m for m in cluster if m.ent_id]
    if forced:
        ent_ids = Counter(m.ent_id for m in forced)
        name = max(ent_ids, key=lambda n: (ent_ids[n], n))
        label = Counter(m.model_label for m in forced if m.ent_id == name).most_common(1)[0][0]
        return name, label
    name = _best_form(cluster)
    if rules.vote:
        label = _winner(_votes(cluster))
    else:
        first = min((m for m in cluster if m.text == name), key=lambda m: (m.article_id, m.start))
        label = first.cue if (rules.cues and first.cue) else first.model_label
    return name, label


def _sentence_of(payload: dict[str, Any], body: str, start: int) -> tuple[int, tuple[int, int]]:
    sents = payload.get("sents") or [[0, len(body)]]
    i = _sentence_index(sents, start)
    return i, (int(sents[i][0]), int(sents[i][1]))


def build_entities(
    articles: pd.DataFrame,
    payloads: dict[str, dict],
    *,
    decisions: list[dict] | None = None,
    rules: EntityRules = EntityRules(),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean the tagged spans and join them into canonical entities.

    Args:
        articles: columns ``article_id, lang, text``; ``text`` is the analysed,
            normalised body that the payload offsets refer to.
        payloads: ``{article_id: payload}`` from :func:`helpers.nlp.tag_texts`.
        decisions: curation decisions to replay (see :func:`load_curation`).
        rules: which clean-up and merge rules run (all by default).

    Returns:
        ``(mentions, entities)`` with the columns of :data:`MENTION_COLUMNS`
        and :data:`ENTITY_COLUMNS`; entities sorted by mentions, most first.
    """
    mentions: list[_Mention] = []
    acronym_links: list[tuple[_Mention, _Mention]] = []
    bodies: dict[str, str] = {}
    for article_id, lang, body in _article_rows(articles):
        bodies[article_id] = body
        payload = payloads.get(article_id) or {}
        found = _clean_mentions(article_id, lang, body, payload, rules)
        lex = load_lexicon(lang)
        if rules.split:
            found = _split_known(found, body, lex)
        if rules.patterns:
            found = _add_cued_names(found, article_id, lang, body, lex, rules)
        if rules.acronyms:
            found, links = _apply_acronyms(found, body, article_id, lang)
            acronym_links.extend(links)
        if rules.cues:
            for m in found:
                if m.ent_id:
                    continue
                m.cue = context_cue(body, m.start, m.end, lex) or name_word_label(m.text, lex)
        mentions.extend(found)
    clusters = _cluster(mentions, acronym_links, rules)
    rows = []
    names: dict[str, tuple[str, str]] = {}
    for cluster in clusters.values():
        name, label = _decide(cluster, rules)
        eid = entity_id(name, label)
        names[eid] = (name, label)
        for m in cluster:
            payload = payloads.get(m.article_id) or {}
            body = bodies[m.article_id]
            sid, (sa, sb) = _sentence_of(payload, body, m.start)
            # A name built from an acronym's definition can run past the parser's
            # sentence end: the quote is extended so it always holds the mention.
            rows.append((m.article_id, sid, m.start, m.end, m.text, label, eid, body[sa:max(sb, m.end)]))
    mention_table = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    mention_table = mention_table.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    entity_table = _entity_table(mention_table, names)
    if decisions:
        mention_table, entity_table = apply_curation(mention_table, entity_table, decisions)
    return mention_table, entity_table


def _entity_table(mentions: pd.DataFrame, names: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """One row per entity id present in ``mentions``."""
    rows = []
    for eid, group in mentions.groupby("entity_id", sort=False):
        name, label = names[eid]
        forms = Counter(group["text"])
        seen = {name_key(name)}
        aliases = []
        for form, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])):
            key = name_key(form)
            if key not in seen and form != name:
                seen.add(key)
                aliases.append(form)
        rows.append((eid, name, label, "; ".join(aliases), int(len(group)), int(group["article_id"].nunique())))
    table = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return table.sort_values(["mentions", "articles", "name"], ascending=[False, False, True], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------
# Watchlist
# ---------------------------------------------------------------------------


def _watch_label(value: Any, where: str) -> str:
    label = str(value or "").strip().upper()
    unified = LABEL_MAP.get(label)
    if unified is None:
        raise ValueError(f"{where}: label {value!r} is not one of {', '.join(LABELS)}")
    return unified


def load_watchlist(path: str | Path) -> Watchlist:
    """Read a watchlist of names the reporter wants found, from CSV or YAML.

    CSV: a header ``name,label,aliases`` and aliases joined by ";". YAML: a list
    of ``{name, label, aliases}`` (aliases a list or a ";"-joined string).
    Labels are PER, ORG, LOC or MISC (spaCy's English labels are accepted and mapped).

    Raises:
        ValueError: the file cannot be read as a watchlist; the message names the row.
    """
    path = Path(path)
    if not path.exists():
        raise ValueError(f"Watchlist {path} does not exist")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        records = _watchlist_csv(path)
    elif suffix in (".yaml", ".yml"):
        records = _watchlist_yaml(path)
    else:
        raise ValueError(f"Watchlist {path}: use a .csv or .yaml file")
    entries = []
    seen = set()
    for where, name, label, aliases in records:
        name = str(name or "").strip()
        if not name:
            raise ValueError(f"{where}: empty name")
        label = _watch_label(label, where)
        if isinstance(aliases, str):
            aliases = aliases.split(";")
        elif aliases is None:
            aliases = []
        elif not isinstance(aliases, (list, tuple)):
            raise ValueError(f"{where}: aliases must be a list or a ';'-joined string")
        clean = tuple(a for a in (str(x).strip() for x in aliases) if a and a != name)
        if name_key(name) in seen:
            raise ValueError(f"{where}: {name!r} is listed twice")
        seen.add(name_key(name))
        entries.append((name, label, clean))
    return Watchlist(entries=tuple(entries))


def _watchlist_csv(path: Path) -> list[tuple[str, Any, Any, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if "name" not in header or "label" not in header:
            raise ValueError(f"Watchlist {path}: the header must be name,label,aliases (got {reader.fieldnames})")
        reader.fieldnames = header
        records = []
        for i, row in enumerate(reader, start=2):
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            records.append((f"{path.name} line {i}", row.get("name"), row.get("label"), row.get("aliases") or ""))
    return records


def _watchlist_yaml(path: Path) -> list[tuple[str, Any, Any, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ValueError(f"Watchlist {path} is not valid YAML: {err}") from err
    if data is None:
        return []
    if isinstance(data, dict) and isinstance(data.get("watchlist"), list):
        data = data["watchlist"]
    if not isinstance(data, list):
        raise ValueError(f"Watchlist {path}: expected a list of {{name, label, aliases}}")
    records = []
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"{path.name} entry {i}: expected a mapping with name, label, aliases")
        records.append((f"{path.name} entry {i}", item.get("name"), item.get("label"), item.get("aliases")))
    return records


# ---------------------------------------------------------------------------
# Curation
# ---------------------------------------------------------------------------

_CURATION_HEADER = (
    "# Curation decisions of the entity step, replayed in this order on every run.\n"
    "# Entities are named by canonical name + label. Actions: merge (into), rename (to),\n"
    "# relabel (to), hide. Edit by hand or with helpers.entities.record_decision / undo_decision.\n"
)


#: Other spellings of decision fields, accepted and stored under the canonical one.
FIELD_ALIASES = {"into_name": "into", "new_name": "to", "new_label": "to"}


def curation_path(workspace: Any) -> Path:
    """Path of the workspace's curation file (it may not exist yet)."""
    return Path(workspace.file(CURATION_FILE))


def _normalise_decision(decision: Any) -> Any:
    if not isinstance(decision, dict):
        return decision
    out = {}
    for key, value in decision.items():
        out.setdefault(FIELD_ALIASES.get(key, key), value)
    return out


def load_curation(workspace: Any) -> list[dict]:
    """The decisions saved in the workspace, oldest first; none when the file is missing."""
    path = curation_path(workspace)
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ValueError(f"{path} is not valid YAML: {err}") from err
    if data is None:
        return []
    decisions = data.get("decisions") if isinstance(data, dict) else data
    if decisions is None:
        return []
    if not isinstance(decisions, list):
        raise ValueError(f"{path}: 'decisions' must be a list")
    decisions = [_normalise_decision(d) for d in decisions]
    for i, decision in enumerate(decisions):
        _check_decision(decision, f"{path.name} decision {i + 1}")
    return decisions


def _save_curation(workspace: Any, decisions: list[dict]) -> Path:
    body = yaml.safe_dump({"decisions": decisions}, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return workspace.write_text_atomic(CURATION_FILE, _CURATION_HEADER + body)


def _check_decision(decision: Any, where: str) -> None:
    if not isinstance(decision, dict):
        raise ValueError(f"{where}: a decision is a mapping")
    action = decision.get("action")
    if action not in ACTIONS:
        raise ValueError(f"{where}: action {action!r} is not one of {', '.join(ACTIONS)}")
    for key in ("name", *ACTIONS[action]):
        if not str(decision.get(key) or "").strip():
            raise ValueError(f"{where}: {action} needs {key!r}")
    for key in ("label", "into_label") + (("to",) if action == "relabel" else ()):
        if decision.get(key) is not None and str(decision[key]).upper() not in LABELS:
            raise ValueError(f"{where}: {key} {decision[key]!r} is not one of {', '.join(LABELS)}")


def record_decision(workspace: Any, action: str, **fields: Any) -> dict:
    """Append a curation decision to the workspace's ``curation.yaml`` and return it.

    Args:
        workspace: a :class:`helpers.workspace.Workspace`.
        action: ``merge`` (``name, label, into, into_label``), ``rename``
            (``name, label, to``), ``relabel`` (``name, label, to``) or
            ``hide`` (``name, label``).
        **fields: the fields of that action; ``note`` is kept as written.
            ``into_name``, ``new_name`` and ``new_label`` are accepted for
            ``into`` and ``to``.

    Raises:
        ValueError: unknown action, missing field or unknown label.
    """
    decision: dict[str, Any] = {"action": action}
    for key, value in _normalise_decision(fields).items():
        if value is None:
            continue
        if key in ("label", "into_label") or (key == "to" and action == "relabel"):
            value = str(value).upper()
        decision[key] = value
    decision.setdefault("at", datetime.now(timezone.utc).replace(microsecond=0).isoformat())
    _check_decision(decision, "decision")
    decisions = load_curation(workspace)
    decisions.append(decision)
    _save_curation(workspace, decisions)
    return decision


def undo_decision(workspace: Any, index: int | None = None) -> dict:
    """Remove the last decision, or the one at ``index``, and return it.

    Raises:
        IndexError: there is no such decision.
    """
    decisions = load_curation(workspace)
    if not decisions:
        raise IndexError("There is no curation decision to undo")
    removed = decisions.pop(-1 if index is None else index)
    _save_curation(workspace, decisions)
    return removed


def _find_entity(entities: pd.DataFrame, name: str, label: str | None) -> int | None:
    key = name_key(name)
    hits = entities.index[entities["name"].map(name_key) == key]
    if label:
        hits = [i for i in hits if entities.at[i, "label"] == str(label).upper()]
    hits = list(hits)
    return hits[0] if len(hits) == 1 else None


def apply_curation(
    mentions: pd.DataFrame, entities: pd.DataFrame, decisions: Iterable[dict]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Replay curation decisions on the two tables, in order, and return new tables.

    A decision whose entity is not found (the corpus changed, or the rules now
    do the same thing) is skipped with a warning, so old decisions never break a run.
    """
    mentions = mentions.copy()
    names = {row.entity_id: (row.name, row.label) for row in entities.itertuples(index=False)}
    table = entities.copy()
    for decision in decisions:
        decision = _normalise_decision(decision)
        _check_decision(decision, "decision")
        action = decision["action"]
        index = _find_entity(table, decision["name"], decision.get("label"))
        if index is None:
            log.warning("Curation: no single entity %r (%s); decision skipped", decision["name"], decision.get("label"))
            continue
        eid = table.at[index, "entity_id"]
        name, label = names[eid]
        if action == "hide":
            mentions = mentions[mentions["entity_id"] != eid]
        elif action == "merge":
            target = _find_entity(table, decision["into"], decision.get("into_label"))
            if target is None:
                log.warning("Curation: no single entity %r to merge into; decision skipped", decision["into"])
                continue
            target_id = table.at[target, "entity_id"]
            if target_id == eid:
                continue
            mentions.loc[mentions["entity_id"] == eid, ["entity_id", "label"]] = [target_id, names[target_id][1]]
        else:
            new_name = decision["to"] if action == "rename" else name
            new_label = str(decision["to"]).upper() if action == "relabel" else label
            new_id = entity_id(new_name, new_label)
            if new_id in names and new_id != eid and new_id in set(mentions["entity_id"]):
                new_name, new_label = names[new_id]  # renamed onto an existing entity: a merge
            names[new_id] = (new_name, new_label)
            mentions.loc[mentions["entity_id"] == eid, ["entity_id", "label"]] = [new_id, new_label]
        table = _entity_table(mentions, names)
    return mentions.reset_index(drop=True), table


# ---------------------------------------------------------------------------
# Scoring (used by scripts/evaluate_entities.py and the tests)
# ---------------------------------------------------------------------------


def entity_set(entities: pd.DataFrame, *, labels: Sequence[str] = NAME_LABELS) -> set[tuple[str, str]]:
    """``(name key, label)`` of the entities with one of ``labels``."""
    return {(name_key(n), l) for n, l in zip(entities["name"], entities["label"]) if l in labels}


def raw_entity_set(raw: pd.DataFrame, *, labels: Sequence[str] = NAME_LABELS) -> set[tuple[str, str]]:
    """``(name key, label)`` of the model's distinct raw spans, as a reporter would get them without the kit."""
    return {(name_key(t), l) for t, l in zip(raw["text"], raw["label"]) if l in labels and name_key(t)}


def score_entities(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall and F1 of predicted ``(name key, label)`` pairs against gold ones."""
    tp = len(predicted & gold)
    fp = len(predicted - gold)
    fn = len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
