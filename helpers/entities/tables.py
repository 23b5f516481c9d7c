"""The two tables the entity step returns, and the entity table built from the mentions."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from helpers.entities.names import name_key

MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "label", "entity_id", "sentence"]
ENTITY_COLUMNS = ["entity_id", "name", "label", "aliases", "mentions", "articles"]


def entity_summary(mentions: pd.DataFrame, names: dict[str, tuple[str, str]]) -> pd.DataFrame:
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
