"""The currency of a shared marker ("$", "francs", "dirhams", "Rs"), weighed from its text and its page.

The tagger reads the text alone: for an amount written with a marker several
countries share it keeps the evidence (``local`` of its record: the marker's
kind, the text's default, what the text's cues weigh for each country's
currency, and the currencies it converts), and the currency the text alone
gives. The page the text was published on is one more cue, weighed when the
address is known (:func:`settle_currencies`): the tagging, cached by text,
stays right for the same text on another page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from helpers.amounts.domains import address_currencies, page_currencies
from helpers.amounts.vocabulary import load_local_currencies

#: What the country of the page's address weighs, as a place or a people named in the text.
PAGE_WEIGHT = 1


def choose_currency(
    weights: Mapping[str, int], *, default: str | None, least: int, page: Iterable[str] = ()
) -> str | None:
    """The currency whose country the cues weigh most for, else ``default``.

    A body's name weighs 2, a place or a people 1, a number written the
    country's own way 2, and the country of the page's address
    :data:`PAGE_WEIGHT`. Another currency than the default needs more weight
    than the default and than any other (a tie keeps the default) and at least
    ``least``, unless it is the page's: a country named once in passing ("a
    Hong Kong-based exchange") does not make a US text's dollars Hong Kong
    ones, but a page of a Hong Kong site is about Hong Kong.

    Args:
        weights: The text's cue weight for each currency.
        default: The currency of a bare marker in a text that names no other country (None for a franc).
        least: The kind's least weight (``min_weight`` of ``local_currencies.json``).
        page: Currencies of the page's country that the marker may name.
    """
    page = tuple(page)
    total = Counter(weights)
    for code in page:
        total[code] += PAGE_WEIGHT
    others = sorted(((n, code) for code, n in total.items() if code != default), reverse=True)
    if not others:
        return default
    weight, code = others[0]
    if (weight >= least or code in page) and weight > total.get(default, 0) \
            and (len(others) == 1 or others[1][0] < weight):
        return code
    return default


def local_currency(local: Mapping[str, Any], *, page: Sequence[str] = ()) -> str | None:
    """The currency of a shared marker's amount from its evidence (``local`` of its record).

    Args:
        local: ``{"kind", "default", "weights", "converts"}`` as the tagger wrote it.
        page: Currencies of the country of the page's address (:func:`helpers.amounts.domains.page_currencies`).

    A marker that converts an amount written in the chosen country's own
    marker names the default: "a fine of $4.55m (S$5.8m)" is in US dollars.
    """
    entry = load_local_currencies()["kinds"][local["kind"]]
    default = local["default"]
    chosen = choose_currency(
        local["weights"], default=default, least=entry["min_weight"],
        page=[code for code in page if code in entry["countries"]],
    )
    if default and chosen != default and chosen in local["converts"]:
        return default
    return chosen


def settle_currencies(records: Sequence[dict[str, Any]], *, url: str | None = None) -> list[dict[str, Any]]:
    """Amount records with each shared marker's currency read with the page's country.

    Args:
        records: An article's amount records, as the tagger wrote them (``local`` kept).
        url: The article's address: the country of its domain and the places and
            bodies its path names (:func:`helpers.amounts.domains.address_currencies`)
            each weigh as the page's country; None adds no cue.

    Returns:
        New records: a shared marker's amount that no country settles (a bare
        franc in a text and on a page of no franc country) is left out, and
        ``linked_to`` points into the records kept.
    """
    if not any(r.get("local") for r in records):
        return list(records)
    page = tuple(dict.fromkeys((*page_currencies(url), *address_currencies(url))))
    kept: list[dict[str, Any]] = []
    index: dict[int, int] = {}
    for i, record in enumerate(records):
        local = record.get("local")
        if local:
            record = {**record, "currency": local_currency(local, page=page)}
            if record["currency"] is None:
                continue
        index[i] = len(kept)
        kept.append(record)
    for i, record in enumerate(kept):
        if record["linked_to"] is not None:
            kept[i] = {**record, "linked_to": index.get(record["linked_to"])}
    return kept
