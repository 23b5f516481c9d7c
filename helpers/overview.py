"""What an editor reads first: the corpus in numbers and the strongest findings.

Pure functions on the workspace tables (taken and returned as DataFrames);
``helpers.report`` reads the tables and draws the pictures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.plots import publication_dates, top_entities

#: Labels of the index's top-entities chart; places and MISC stay in notebook 04.
INDEX_LABELS = ("PER", "ORG")
THRESHOLD_COLUMNS = ["amount", "value", "currency", "direction", "sanctions_context", "article", "sentence"]
PAIR_COLUMNS = ["person", "organisation", "weight", "articles", "evidence"]


@dataclass
class CorpusCounts:
    """The corpus in numbers: articles, languages and the span of publication dates."""

    articles: int = 0
    skipped: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    first_date: str = ""
    last_date: str = ""
    undated: int = 0

    @property
    def date_span(self) -> str:
        """``first – last`` (one date when they agree); empty when no article is dated."""
        if not self.first_date:
            return ""
        return self.first_date if self.first_date == self.last_date else f"{self.first_date} – {self.last_date}"


def corpus_counts(articles: pd.DataFrame, skipped: pd.DataFrame | None = None) -> CorpusCounts:
    """Count articles per language and find the first and last publication days."""
    dates = publication_dates(articles).dropna() if len(articles) else pd.Series(dtype="datetime64[ns]")
    languages = articles["lang"].fillna("").replace("", "unknown").value_counts() if len(articles) else {}

    def shown(index) -> str:  # the date as the article gives it, at its precision (day, month or year)
        return str(articles.loc[index, "published"]).strip()[:10]

    return CorpusCounts(
        articles=len(articles),
        skipped=0 if skipped is None else len(skipped),
        languages={str(k): int(v) for k, v in dict(languages).items()},
        first_date=shown(dates.idxmin()) if len(dates) else "",
        last_date=shown(dates.idxmax()) if len(dates) else "",
        undated=len(articles) - len(dates),
    )


def top_people_and_organisations(entities: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """The ``top`` people and organisations by mentions: the table behind the index's chart."""
    columns = ["name", "label", "mentions", "articles"]
    return top_entities(entities, top=top, labels=INDEX_LABELS)[columns].reset_index(drop=True)


def person_organisation_pairs(relations: pd.DataFrame, entities: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """The ``top`` relations between a person and an organisation, strongest first.

    Returns:
        The relations (``source_id``/``target_id`` kept, for drawing), with
        ``person`` and ``organisation`` named whichever side each was on.
    """
    label = dict(zip(entities["entity_id"], entities["label"]))
    src = relations["source_id"].map(label)
    tgt = relations["target_id"].map(label)
    mixed = relations[((src == "PER") & (tgt == "ORG")) | ((src == "ORG") & (tgt == "PER"))].copy()
    person_first = mixed["source_id"].map(label) == "PER"
    mixed["person"] = mixed["source"].where(person_first, mixed["target"])
    mixed["organisation"] = mixed["target"].where(person_first, mixed["source"])
    ordered = mixed.sort_values(["weight", "articles", "person", "organisation"],
                                ascending=[False, False, True, True])
    return ordered.head(top).reset_index(drop=True)


def threshold_rows(amounts: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Amounts that are thresholds (above or below), with their article title and sentence."""
    found = amounts[amounts["threshold"].isin(["above", "below"])]
    return pd.DataFrame({
        "amount": found["text"],
        "value": found["value"],
        "currency": found["currency"],
        "direction": found["threshold"],
        "sanctions_context": found["sanctions_context"].astype(bool),
        "article": [titles.get(a, a) for a in found["article_id"]],
        "sentence": found["sentence"],
    }, columns=THRESHOLD_COLUMNS).reset_index(drop=True)
