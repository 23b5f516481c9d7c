"""Numbers: digits read in the article's conventions, and written numbers ("trois millions")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

SPACE = "[ \u00a0\u202f\u2009\u2007]"
# Possessive quantifiers: a long run of digit groups is read once, not backtracked
# group by group against every currency word.
# Indian grouping puts a comma every two digits above the thousands: "5,00,000" (five
# lakh), "1,16,792" (crore), tried first.
# A comma and a space before a group of three zeros still group thousands ("N500, 000",
# "$1, 000, 000"): no list of numbers has a member "000", so "N500, 300" stays two numbers.
NUMBER_BODY = (
    r"(?<!\d[.,'’])"
    r"(?:\d{1,2}(?:,\d{2}(?=,))++,\d{3}(?:\.\d++)?"
    r"|\d{1,3}(?:(?:[ \u00a0\u202f\u2009\u2007]|[.,'’]|, )\d{3}(?<=(?<!, )\d{3}|000))++(?:[.,]\d++)?"
    r"|\d++(?:[.,]\d++)?)"
    r"(?!\d)(?![.,'’]\d)"
)
#: A number that no letter, digit or slash touches on its left.
NUMBER = r"(?<![\w/])" + NUMBER_BODY
_GROUPING = re.compile(r"[ \u00a0\u202f\u2009\u2007'’]")
_MARK_BEFORE_GROUP = re.compile(r"[.,]\d{3}[ \u00a0\u202f\u2009\u2007'’]\d{3}")


def parse_number(
    raw: str, *, decimal_mark: str = "auto", decimal_only: bool = False, before_scale: bool = False
) -> Decimal:
    """Read a number written with digits, in the conventions of the article.

    Spaces and apostrophes always group thousands. A lone "," or "." followed by
    exactly three digits groups thousands too ("10.000" in French, "10,000" in
    English), unless it is the language's decimal mark and ``decimal_only`` says
    the number precedes a scale word or a crypto ticker ("1,500 milliard",
    "0.125 BTC"), or the integer part is 0. Money has no third decimal, so a
    French "10,000 euros" is ten thousand too. Before a scale word that has a
    larger one (``before_scale``) a lone "." is a decimal point in French as
    well: "8.985 millions d'euros" is 8.985 million (thousands of millions are
    written as milliards).

    Args:
        raw: The digits as written, e.g. "10 000,5" or "1,000.50".
        decimal_mark: "," (French), "." (English) or "auto" (either).
        decimal_only: True when three digits after the decimal mark are decimals.
        before_scale: True when the number precedes a scale word below a
            milliard ("millions"), where a dot cannot group thousands.

    Returns:
        The number as a Decimal, so that scales multiply exactly.
    """
    digits = _GROUPING.sub("", raw)
    marks = [c for c in digits if c in ",."]
    if not marks:
        return Decimal(digits)
    if "," in marks and "." in marks:
        decimal = marks[-1]
        grouping = "." if decimal == "," else ","
        return Decimal(digits.replace(grouping, "").replace(decimal, "."))
    mark = marks[0]
    head, _, tail = digits.rpartition(mark)
    if len(marks) > 1 or _MARK_BEFORE_GROUP.search(raw):
        # "5.000 000 FCFA": a mark followed by three digits and a space group groups thousands.
        return Decimal(digits.replace(mark, ""))
    if len(tail) != 3 or head.lstrip("0") == "":
        return Decimal(f"{head}.{tail}")
    if (mark == decimal_mark and decimal_only) or (mark == "." and before_scale):
        return Decimal(f"{head}.{tail}")
    return Decimal(head + tail)


def looks_like_year(raw: str) -> bool:
    """A four-digit number between 1800 and 2100: in a range it is a year, not an amount."""
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


@dataclass(frozen=True)
class WrittenNumbers:
    """The words of written numbers in a set of vocabularies, with their values.

    Attributes:
        number_words: counting and multiplying words ("trois", "cent", "mille").
        big_scales: scale words of a million and more ("millions", "billion").
        articles: articles that count as one before a scale word ("un", "a").
        halves: words for a half ("demi", "half").
        joiners: words that join parts of a number ("et", "and").
    """

    number_words: dict[str, Decimal]
    big_scales: dict[str, Decimal]
    articles: frozenset[str]
    halves: frozenset[str]
    joiners: frozenset[str]

    def read(self, tokens: Sequence[str]) -> Decimal | None:
        """Value of a written number's words, lowercase ("un", "demi", "million"), or None.

        A lone article ("a dollar", "un euro") is not a number; it counts only
        before a scale word ("a million dollars").
        """
        meaningful = [t for t in tokens if t not in self.joiners]
        has_number = any(t in self.number_words and t not in self.articles for t in meaningful)
        has_multiplier = any(
            t in self.big_scales or t in self.halves or self.number_words.get(t, 0) >= 100
            for t in meaningful
        )
        has_article = any(t in self.articles or t in self.halves for t in meaningful)
        if not has_number and not (has_multiplier and has_article):
            return None
        total = Decimal(0)
        current: Decimal | None = None
        from_article = False
        last_scale = Decimal(0)
        after_scale = False
        for token in meaningful:
            if token in self.halves:
                if current is None or from_article:
                    if after_scale:
                        total += last_scale / 2
                        current = None
                    else:
                        current = Decimal("0.5")
                else:
                    current += Decimal("0.5")
                from_article = after_scale = False
            elif token in self.articles:
                if current is None:
                    current, from_article = Decimal(1), True
            elif token in self.big_scales:
                total += (current if current is not None else Decimal(1)) * self.big_scales[token]
                last_scale, current, from_article, after_scale = self.big_scales[token], None, False, True
            else:
                value = self.number_words[token]
                if value >= 1000:  # "thousand", "lakh" (100,000): a scale under the big ones
                    total += (current if current is not None else Decimal(1)) * value
                    last_scale, current, after_scale = value, None, True
                elif value == 100:
                    current = (current if current is not None else Decimal(1)) * value
                    after_scale = False
                else:
                    current = value if current is None or from_article else current + value
                    after_scale = False
                from_article = False
        return total + (current or 0)
