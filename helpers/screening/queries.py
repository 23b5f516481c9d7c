"""Turn the corpus's entities into screening queries, with the context the articles give.

Context is read conservatively, right next to a mention: a birth year written as
"né en 1961", "born 1 June 1961" or "(born 1961)" just after the name, and a
nationality adjective just before it ("l'homme d'affaires russe X", "Russian
businessman X"). Anything further away is too often about someone else.
"""

from __future__ import annotations

import csv
import re
from functools import cache

import pandas as pd

from helpers.paths import PACKAGE_DATA
from helpers.screening.records import LABEL_SCHEMATA, Query

_BIRTH = re.compile(
    r"^[\s,(]{0,3}(?:\w+\s+){0,2}?(?:né|née|born)\s+(?:le\s+|on\s+|in\s+|en\s+)?"
    r"(?:\d{1,2}(?:er)?\s+\w+\s+|\w+\s+\d{1,2},?\s+)?(\d{4})\b",
    re.IGNORECASE,
)
_BIRTH_BRACKET = re.compile(r"^\s*\(\s*(?:né|née|born|b\.)?\s*(?:en\s+|in\s+)?(\d{4})\s*[-–)]")
_BEFORE = 40
_AFTER = 60


@cache
def nationality_words() -> dict[str, str]:
    """Nationality adjectives (French and English) and their country codes."""
    with (PACKAGE_DATA / "screening" / "nationalities.csv").open(encoding="utf-8") as handle:
        return {row["word"].casefold(): row["country"] for row in csv.DictReader(handle)}


def birth_year_after(text: str) -> str | None:
    """A birth year stated right after a name ("..., né en 1961", " (born 1961)"), or None."""
    window = text[:_AFTER]
    found = _BIRTH.match(window) or _BIRTH_BRACKET.match(window)
    return found.group(1) if found else None


def nationality_before(text: str) -> str | None:
    """The country of a nationality adjective just before a name ("oligarque russe X"), or None.

    Only the last three words before the name count, and no punctuation may come
    between: in "le Trésor américain, Evgueni Prigojine" the adjective is the Treasury's.
    """
    words = nationality_words()
    tail = re.split(r"[^\w\s'-]", text[-_BEFORE:])[-1]
    tokens = tail.casefold().split()[-3:]
    for first, second in zip(tokens, tokens[1:] + [""]):
        if f"{first} {second}" in words:
            return words[f"{first} {second}"]
    for token in reversed(tokens):
        if token in words:
            return words[token]
    return None


def entity_queries(entities: pd.DataFrame, mentions: pd.DataFrame) -> list[Query]:
    """One query per PER or ORG entity: its name, its aliases, and the context of its mentions."""
    wanted = entities[entities["label"].isin(list(LABEL_SCHEMATA))]
    context: dict[str, tuple[set[str], set[str]]] = {eid: (set(), set()) for eid in wanted["entity_id"]}
    people = set(wanted.loc[wanted["label"] == "PER", "entity_id"])
    for row in mentions[mentions["entity_id"].isin(people)].itertuples(index=False):
        sentence, text = str(row.sentence or ""), str(row.text or "")
        at = sentence.find(text)
        if at < 0:
            continue
        years, countries = context[row.entity_id]
        year = birth_year_after(sentence[at + len(text):])
        if year:
            years.add(year)
        country = nationality_before(sentence[:at])
        if country:
            countries.add(country)
    queries = []
    for row in wanted.itertuples(index=False):
        aliases = [a.strip() for a in str(row.aliases or "").split(";") if a.strip()]
        years, countries = context[row.entity_id]
        queries.append(Query(entity_id=row.entity_id, name=row.name, label=row.label, names=aliases,
                             countries=sorted(countries), birth_years=sorted(years)))
    return queries
