"""What an entity is called: its representative name, and whether a name is a law's."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rigour.names import pick_name

from helpers.entities.lexicon import DATA_DIR
from helpers.entities.names import name_tokens

log = logging.getLogger(__name__)


@lru_cache(maxsize=None)
def _list_words(filename: str) -> frozenset[str]:
    """The name words of a word list in ``helpers/data/entities`` (one entry a line, ``#`` comments)."""
    words = set()
    for line in (DATA_DIR / filename).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.update(name_tokens(line))
    return frozenset(words)


#: A numbered form or a citation of a code of regulations: "FinCEN Form 104", "31 CFR § 1010.330", "18 U.S.C. 1960";
#: or a case number's label, the model's span cut before the number: "Civil Action No", "Case No.".
#: Or a bill by its number: "Senate Bill 45", "House Bill No. 6608", "Bill C-31".
_FORM_OR_CITATION = re.compile(
    r"\bForms?\s+[\w-]*\d|§|\bC\.?F\.?R\b|\bU\.S\.C\b|\s(?:No|Nos|Nº|n°)\.?$|\bBills?\s+(?:No\.?\s*)?(?:[A-Z]-?)?\d"
)


def event_shaped(name: str) -> bool:
    """True when the name's last word names a leak investigation or a meeting ("Panama Papers", "FootLeaks").

    Or when its first word opens an operation's name ("Operation Destabilise").

    Journalists name leaks ("FinCEN Files", "Football Leaks") and meetings
    ("City Week Banking Conference") with a capitalised word the model reads as
    an organisation's (``events.txt``).
    """
    tokens = name_tokens(name)
    if len(tokens) == 1:
        return len(tokens[0]) > len("leaks") and tokens[0].endswith("leaks") and name[:1].isupper()
    if len(tokens) < 2:
        return False
    if name[:1].isupper() and tokens[0] in _list_words("event_heads.txt"):
        return True  # a police operation: "Operation Destabilise" (``event_heads.txt``)
    return tokens[-1] in _list_words("events.txt")


def law_shaped(name: str) -> bool:
    """True when the name's first or last word names a legal act ("Patriot Act", "Loi Sapin 2"), a year after it allowed.

    Or when it is a numbered form or a regulation's citation ("FinCEN Form 104", "CFR § 1010.330").
    """
    if _FORM_OR_CITATION.search(name):
        return True
    tokens = name_tokens(name)
    if len(tokens) >= 3 and (_YEAR.fullmatch(tokens[-1]) or tokens[-1].isdigit()):
        tokens = tokens[:-1]  # "... Financing Act 2006": the act and its year; "General License 93": its number
    if len(tokens) >= 3 and tokens[0] in _list_words("institution_heads.txt") and tokens[1] in {"of", "for"} \
            and all(t in _list_words("laws.txt") or t == "the" for t in tokens[2:]):
        return False  # "Ministry of Law", "Department of Law": the body whose field is the law ("Bank of England Act" is one)
    return len(tokens) >= 2 and (tokens[-1] in _list_words("laws.txt") or tokens[0] in _list_words("laws.txt"))


def law_words() -> frozenset[str]:
    """The words of ``laws.txt`` that make a name a law, a rule or a legal act ("act", "regulations", "loi")."""
    return _list_words("laws.txt")


def event_heads() -> frozenset[str]:
    """The words of ``event_heads.txt`` that open an operation's or an inquiry's name ("operation", "enquête")."""
    return _list_words("event_heads.txt")


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def representative_name(forms: Sequence[str], label: str, *, fullest: str) -> str:
    """The name a reporter would use for an entity whose mentions read ``forms``.

    A person is named by their fullest name, without the middle names when the
    text also writes the first and last name alone: "Alexeï Navalny" rather than
    "Alexeï Anatolievitch Navalny" or "Navalny". Anything else by the form OpenSanctions' ``rigour`` picks as
    the most representative of the variants ("Binance" among "Binance" and
    "Binance Holdings Ltd.", "Russia" among "Russia" and "Russie"); the other
    forms stay aliases.
    """
    distinct = set(forms)
    if len(distinct) == 1:
        return next(iter(distinct))
    if label == "PER":
        tokens = name_tokens(fullest)
        if len(tokens) >= 3:
            counts = Counter(forms)
            short = [f for f in distinct if name_tokens(f) == [tokens[0], tokens[-1]]]
            if short:
                return max(short, key=lambda f: counts[f])
        return fullest
    picked = pick_name(list(forms))
    return picked if picked in distinct else fullest
