"""The amounts table of a corpus: every article's amount records with their sentence."""

from __future__ import annotations

import pandas as pd

from helpers.amounts.local import settle_currencies
from helpers.docs import sentence_of

AMOUNT_COLUMNS = [
    "article_id", "amount_id", "start", "end", "text", "value", "currency", "threshold",
    "approximate", "vague", "sanctions_context", "linked_to", "sentence_id", "sentence_start", "sentence",
]


def build_amounts(articles: pd.DataFrame, payloads: dict[str, dict]) -> pd.DataFrame:
    """Amounts of every article with their sentence, from the tagging output.

    The tagging read the text alone; here the country of each article's page
    address is weighed for the amounts written with a marker several countries
    share (:func:`helpers.amounts.local.settle_currencies`): a bare "$" on a
    ``.com.au`` page is Australian.

    Args:
        articles: columns ``article_id`` and ``text`` (the analysed body the offsets refer to),
            and ``url`` (the page's address; optional).
        payloads: ``{article_id: payload}`` from :func:`helpers.nlp.tag_texts`.

    Returns:
        One row per amount, with the columns of :data:`AMOUNT_COLUMNS`.
    """
    rows = []
    urls = articles["url"] if "url" in articles.columns else [None] * len(articles)
    for aid, text, url in zip(articles["article_id"], articles["text"], urls):
        payload = payloads.get(aid)
        if payload is None:
            continue
        sents = payload["sents"]
        found = settle_currencies(payload.get("amounts", []), url=url if isinstance(url, str) else None)
        for index, amount in enumerate(found):
            sid, (s_start, s_end) = sentence_of(sents, amount["start"], text_length=len(text))
            linked = amount.get("linked_to")
            rows.append(
                {
                    "article_id": aid,
                    "amount_id": f"{aid}-a{index}",
                    "start": amount["start"],
                    "end": amount["end"],
                    "text": amount["text"],
                    "value": amount["value"],
                    "currency": amount["currency"],
                    "threshold": amount["threshold"],
                    "approximate": bool(amount["approximate"]),
                    "vague": bool(amount["vague"]),
                    "sanctions_context": bool(amount["sanctions_context"]),
                    "linked_to": f"{aid}-a{linked}" if linked is not None else None,
                    "sentence_id": sid,
                    "sentence_start": s_start,
                    "sentence": text[s_start:s_end],
                }
            )
    return pd.DataFrame(rows, columns=AMOUNT_COLUMNS)
