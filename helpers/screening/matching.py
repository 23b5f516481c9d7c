"""Screen names against list entries: block with an inverted index, then score with nomenklatura.

Scoring every entity against every entry with a careful matcher costs about a
millisecond a pair, far too slow for a real list, so candidates come first from
an inverted index over the entries' names: whole name words and character
trigrams of each word (the trigrams find transliterations such as Prigojine /
Prigozhin that share no whole word). Only the best-ranked candidates of each
query are scored, with the algorithm chosen (OpenSanctions' ``logic-v2`` by
default, whose own match threshold is 0.70).
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from followthemoney import EntityProxy, model
from followthemoney.types import registry
from nomenklatura.matching import ScoringConfig, get_algorithm
from normality import ascii_text
from rigour.names import remove_org_types, tokenize_name

from helpers.screening.defaults import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_THRESHOLD  # noqa: F401
from helpers.screening.lists import ListEntry, SanctionsList
from helpers.screening.records import LABEL_SCHEMATA, QUERY_SCHEMA, Match, Query  # noqa: F401

log = logging.getLogger(__name__)

#: Candidates scored per query, best blocking score first.
MAX_CANDIDATES = 10
#: Index keys shared by more entries than this are too common to block on (like stop words).
MAX_POSTINGS = 250
WORD_WEIGHT = 3.0
#: A candidate is scored only when one of its names and one of the query's share at least this
#: part of the shorter name's character trigrams. Measured on the labelled pairs and a generated
#: corpus, every pair scoring 0.70 or more shares at least half; three candidates in four of the
#: corpus share less than 0.3 and all scored below 0.5, at about a millisecond each.
MIN_TRIGRAM_OVERLAP = 0.3
#: The overlap check applies from this threshold up: below it every ranked candidate is scored.
OVERLAP_FROM_THRESHOLD = 0.65

# Blocking -------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def name_words(name: str) -> tuple[str, ...]:
    """Lower-case ASCII words of a name, legal forms (LLC, OOO, PAO, ...) removed."""
    text = ascii_text(name).lower()
    stripped = remove_org_types(text).strip()
    words = tokenize_name(stripped or text)
    return tuple(w for w in words if len(w) >= 2)


def _keys(name: str) -> set[str]:
    keys = set()
    for word in name_words(name):
        keys.add(word)
        padded = f"^{word}$"
        keys.update("#" + padded[i:i + 3] for i in range(len(padded) - 2))
    return keys


def _trigrams(names: Iterable[str]) -> list[frozenset[str]]:
    """The character-trigram keys of each of ``names`` that has any."""
    sets = (frozenset(k for k in _keys(name) if k.startswith("#")) for name in names)
    return [found for found in sets if found]


def trigram_overlap(first: list[frozenset[str]], second: list[frozenset[str]]) -> float:
    """The largest share of the shorter name's trigrams that a name of ``first`` and one of ``second`` share."""
    best = 0.0
    for a in first:
        for b in second:
            shared = len(a & b) / min(len(a), len(b))
            if shared > best:
                best = shared
    return best


class ListIndex:
    """An inverted index over the names of every screenable entry of some lists."""

    def __init__(self, lists: Sequence[SanctionsList], *, max_candidates: int = MAX_CANDIDATES,
                 max_postings: int = MAX_POSTINGS) -> None:
        self.lists = list(lists)
        self.max_candidates = max_candidates
        self.entries: list[tuple[SanctionsList, ListEntry]] = []
        self._entities: dict[int, EntityProxy] = {}
        self._surnames: dict[int, EntityProxy] = {}
        self._trigrams: list[list[frozenset[str]]] = []
        self._postings: dict[str, dict[str, list[int]]] = {label: defaultdict(list) for label in LABEL_SCHEMATA}
        for sanctions in self.lists:
            for entry in sanctions.entries:
                labels = [lb for lb, schemata in LABEL_SCHEMATA.items() if entry.schema in schemata]
                if not labels:
                    continue
                number = len(self.entries)
                self.entries.append((sanctions, entry))
                names = [entry.name, *entry.aliases, *entry.weak_aliases]
                self._trigrams.append(_trigrams(names))
                keys = set().union(*(_keys(n) for n in names))
                for label in labels:
                    for key in keys:
                        self._postings[label][key].append(number)
        self._weights = {
            label: {k: math.log(1 + len(self.entries) / len(v)) * (WORD_WEIGHT if not k.startswith("#") else 1.0)
                    for k, v in postings.items() if len(v) <= max_postings}
            for label, postings in self._postings.items()
        }

    def __len__(self) -> int:
        return len(self.entries)

    def entity(self, number: int) -> EntityProxy:
        """Entry ``number`` as a FollowTheMoney entity, made on first use (most entries never are)."""
        if number not in self._entities:
            sanctions, entry = self.entries[number]
            self._entities[number] = entry.entity(sanctions.key)
        return self._entities[number]

    def surname_entity(self, number: int) -> EntityProxy:
        """A person entry reduced to its family names, to check a one-word query against."""
        if number not in self._surnames:
            sanctions, entry = self.entries[number]
            proxy = model.make_entity("Person")
            proxy.id = f"{sanctions.key}-{entry.entry_id}-surnames"
            proxy.add("name", entry.surnames(), cleaned=False)
            self._surnames[number] = proxy
        return self._surnames[number]

    def trigrams(self, number: int) -> list[frozenset[str]]:
        """The trigram keys of each name of entry ``number``."""
        return self._trigrams[number]

    def candidates(self, names: Iterable[str], label: str) -> list[int]:
        """Entry numbers sharing the most (rarest) keys with any of ``names``, best first."""
        postings, weights = self._postings.get(label), self._weights.get(label)
        if postings is None:
            return []
        scores: Counter[int] = Counter()
        for name in names:
            per_name: Counter[int] = Counter()
            for key in _keys(name):
                weight = weights.get(key)
                if weight is None:
                    continue
                for number in postings[key]:
                    per_name[number] += weight
            for number, value in per_name.items():
                if value > scores[number]:
                    scores[number] = value
        return [number for number, _ in scores.most_common(self.max_candidates)]


# Scoring ---------------------------------------------------------------------------


def algorithm_class(name: str):
    """The nomenklatura scoring algorithm called ``name``.

    Raises:
        ValueError: no such algorithm.
    """
    found = get_algorithm(name)
    if found is None:
        raise ValueError(f"Unknown matching algorithm {name!r}; choose one of {', '.join(ALGORITHMS)}")
    return found


def screen_queries(
    queries: Iterable[Query],
    index: ListIndex,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Match]:
    """Every (query, entry) scoring at least ``threshold``, best first within each query.

    A person known by one word only ("Sergey", "Timtchenko") is kept as a candidate
    only when that word also matches the entry's family name: a lone first name
    matches every Sergey on the list. From :data:`OVERLAP_FROM_THRESHOLD` up, a
    candidate whose names share too few trigrams with the query's
    (:data:`MIN_TRIGRAM_OVERLAP`) is not scored.
    """
    scorer = algorithm_class(algorithm)
    config = ScoringConfig.defaults()
    check_overlap = threshold >= OVERLAP_FROM_THRESHOLD
    matches: list[Match] = []
    for query in queries:
        if query.label not in LABEL_SCHEMATA:
            continue
        names = query.all_names()
        trigrams = _trigrams(names)
        proxy = None
        lone = query.label == "PER" and all(len(name_words(n)) == 1 for n in names)
        found = []
        for number in index.candidates(names, query.label):
            if check_overlap and trigram_overlap(trigrams, index.trigrams(number)) < MIN_TRIGRAM_OVERLAP:
                continue
            if proxy is None:
                proxy = query.entity()
            sanctions, entry = index.entries[number]
            candidate = index.entity(number)
            result = scorer.compare(proxy, candidate, config)
            if result.score < threshold:
                continue
            if lone and scorer.compare(proxy, index.surname_entity(number), config).score < threshold:
                continue  # one word that is not this person's family name: a lone first name
            found.append(_match(query, proxy, sanctions, entry, candidate, result, algorithm))
        found.sort(key=lambda m: (-m.score, m.entry.entry_id))
        matches.extend(found)
    return matches


def warm_up(algorithm: str = DEFAULT_ALGORITHM) -> None:
    """Build the matcher's name tables now: the first comparison in a process takes seconds."""
    scorer, config = algorithm_class(algorithm), ScoringConfig.defaults()
    for query in (Query("warm-up-person", "Vladimir Poutine", "PER", ["Vladimir Putin"]),
                  Query("warm-up-org", "Sberbank of Russia PJSC", "ORG", ["OOO Sberbank"])):
        proxy = query.entity()
        scorer.compare(proxy, proxy, config)
    # List entries give countries by name: the first lookup builds rigour's territory names (about 1 s).
    registry.country.clean_text("Russia")


@lru_cache(maxsize=4)
def _list_index(paths: tuple[str, ...]) -> ListIndex:
    from helpers.screening.lists import read_lists

    return ListIndex(read_lists(paths))


def screen_list_chunk(paths: tuple[str, ...], queries: list[Query], algorithm: str, threshold: float) -> list[Match]:
    """:func:`screen_queries` against the lists at ``paths``, read once per process (for screening processes)."""
    return screen_queries(queries, _list_index(paths), algorithm=algorithm, threshold=threshold)


def _match(query: Query, proxy: EntityProxy, sanctions: SanctionsList, entry: ListEntry,
           candidate: EntityProxy, result, algorithm: str) -> Match:
    explanations = result.explanations
    names = explanations.get("name_match") or explanations.get("name_literal_match")
    read_as = names.query if names is not None and names.query else query.name
    matched = query.original(read_as)
    entry_name = (names.candidate if names is not None and names.candidate else None) or entry.name
    context = []
    if proxy.get("birthDate", quiet=True) and candidate.get("birthDate", quiet=True):
        context.append("birth year")
    if proxy.get("country", quiet=True) and candidate.get("country", quiet=True):
        context.append("country")
    explanation = explain(explanations, context)
    if read_as != matched:
        explanation = f"'{matched}' read as '{read_as}' (French transliteration); {explanation}"
    return Match(
        query=query, sanctions=sanctions, entry=entry, score=round(float(result.score), 3),
        matched_name=matched, entry_name=entry_name, explanation=explanation,
        context=context, algorithm=algorithm,
    )


_QUIET_DETAILS = ("Not a vessel", "No birth", "not provided", "No ")


def explain(explanations: dict, context: list[str]) -> str:
    """The matcher's features in words: which names met, and what else agreed or disagreed."""
    parts = []
    for feature, result in explanations.items():
        detail = result.detail or ""
        if result.score <= 0 and (not detail or detail.startswith(_QUIET_DETAILS)):
            continue
        words = feature.replace("_", " ")
        if result.query and result.candidate:
            parts.append(f"{words} {result.score:.2f}: '{result.query}' ~ '{result.candidate}'")
        elif detail:
            parts.append(f"{words} {result.score:.2f}: {detail}")
        else:
            parts.append(f"{words} {result.score:.2f}")
    parts.append("name only (no birth year or country to compare)" if not context
                 else "also compared: " + ", ".join(context))
    return "; ".join(parts)
