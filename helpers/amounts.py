"""Money amounts and sanctions thresholds: the ``dossier_amounts`` spaCy component.

The component reads ``doc.text`` with regular expressions compiled once per
component from the vocabularies in ``helpers/data/amounts/`` (currency symbols,
codes and words, scale words, written numbers, threshold and approximation cues,
sanctions vocabulary), so it adds little to an ``nlp.pipe`` pass that also runs
NER. Every amount becomes a span in ``doc.spans["amounts"]`` with its value in
units, its ISO 4217 currency (crypto-assets by ticker), whether the text puts it
above or below a threshold, and whether its sentence speaks of sanctions.
:func:`amount_records` turns those spans into plain dicts;
:func:`evaluate_amounts` scores the tagger on a hand-written test set.

The rules, which a methodology section can quote:

* A number is an amount only with a currency written next to it (symbol, ISO
  code, crypto ticker or currency word), or when it shares the currency of the
  amount it forms a range or a list with ("de 3 000 à 10 000 €", "$1-2 million",
  "573,6 millions et 1,55 milliard d'euros"); the left number then takes the
  right one's scale when it is smaller ("entre 1 et 5 millions" is 1 to 5 million).
  Years, counts, percentages, article numbers and dates never carry a currency,
  so they are never amounts; "500,000 USDT transfers" and "20 pounds of flour"
  are counts and weights.
* Digits are read in the article's language: French "10 000,5" and "10.000",
  English "10,000.5". Spaces and apostrophes group thousands; a lone "," or "."
  followed by exactly three digits groups thousands too, since money has no
  third decimal, except the language's decimal mark before a scale word or a
  crypto ticker ("1,500 milliard", "0.125 BTC"). Other languages get a reading
  that accepts both conventions.
* "millions de dollars" or "hundreds of millions of dollars" with no numeral is a
  vague amount: currency but no value.
* A threshold is read from cue phrases just before the amount, with only
  fillers between ("dépassant la valeur de EUR 10 000"), or just after it ("or
  more", "au maximum", "a $60-a-barrel price cap"). An explicit comparison wins
  over a cap ("dépasse le plafond de 60 dollars" is above); a negation flips a
  comparison ("must not exceed" is below); an amount coordinated with the
  previous one shares its threshold ("$60 for crude and $100 for …").
* An amount in brackets right after another one ("EUR 10 000 (10 900 USD)"), or
  introduced by "soit"/"i.e.", converts it: it takes its threshold and points to
  it with ``linked_to``.
* Cues and the sanctions vocabulary are searched in the amount's sentence, cut
  at line breaks (headings and list items have no final stop).
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from helpers.paths import PACKAGE_DATA

log = logging.getLogger(__name__)

#: Folder of the vocabularies: ``currencies.json``, ``<lang>.json``, ``sanctions.<lang>.txt``.
DATA_DIR = PACKAGE_DATA / "amounts"
SPANS_KEY = "amounts"

DEFAULT_CONFIG: dict[str, Any] = {
    # Key of the span group that receives the amounts.
    "spans_key": SPANS_KEY,
    # "," or "." as decimal mark, or "auto"; None reads it from the language's vocabulary.
    "decimal_mark": None,
    # Vocabularies to use (e.g. ["fr", "en"]); None means the pipeline's language,
    # or every available vocabulary when there is none for that language.
    "vocabularies": None,
    # How many characters before an amount are searched for threshold cues.
    "context_chars": 80,
}

#: Keys of each dict returned by :func:`amount_records`, in order.
RECORD_KEYS = (
    "start", "end", "text", "value", "currency", "threshold", "approximate", "vague",
    "sanctions_context", "linked_to", "sentence_start", "sentence_end",
)

_EXTENSIONS: dict[str, Any] = {
    "amount_value": None,
    "amount_currency": None,
    "amount_threshold": None,
    "amount_approximate": False,
    "amount_vague": False,
    "amount_sanctions": False,
    "amount_linked_to": None,
    # Exact character offsets of the amount; the span itself is token-aligned.
    "amount_offsets": None,
}
for _name, _default in _EXTENSIONS.items():
    Span.set_extension(_name, default=_default, force=True)

_SPACE = "[ \u00a0\u202f\u2009\u2007]"
# Possessive quantifiers: a long run of digit groups is read once, not backtracked
# group by group against every currency word.
_NUMBER = (
    r"(?<![\w/])(?<!\d[.,'’])"
    r"(?:\d{1,3}(?:(?:[ \u00a0\u202f\u2009\u2007]|[.,'’])\d{3})++(?:[.,]\d++)?|\d++(?:[.,]\d++)?)"
    r"(?!\d)(?![.,'’]\d)"
)
_GROUPING = re.compile(r"[ \u00a0\u202f\u2009\u2007'’]")
_APOSTROPHE = "['’]"


@Language.factory("dossier_amounts", default_config=DEFAULT_CONFIG, assigns=["doc.spans"])
def make_amount_tagger(
    nlp: Language,
    name: str,
    spans_key: str,
    decimal_mark: str | None,
    vocabularies: list[str] | None,
    context_chars: int,
) -> AmountTagger:
    """Build the amount tagger for ``nlp`` (registered as ``dossier_amounts``)."""
    return AmountTagger(
        nlp,
        name,
        spans_key=spans_key,
        decimal_mark=decimal_mark,
        vocabularies=vocabularies,
        context_chars=context_chars,
    )


@dataclass
class _Amount:
    """One amount while the tagger works on it; offsets are into ``doc.text``."""

    start: int
    end: int
    value: Decimal | None
    currency: str | None
    number: Decimal | None = None
    scale: int | None = None
    prefixed: bool = False
    vague: bool = False
    threshold: str | None = None
    approximate: bool = False
    sanctions: bool = False
    linked: _Amount | None = None
    # The amount's sentence, cut at line breaks: where cues and sanctions are read.
    sentence: tuple[int, int] = (0, 0)


class AmountTagger:
    """Tag money amounts, their thresholds and their sanctions context."""

    def __init__(
        self,
        nlp: Language,
        name: str = "dossier_amounts",
        *,
        spans_key: str = SPANS_KEY,
        decimal_mark: str | None = None,
        vocabularies: Sequence[str] | None = None,
        context_chars: int = 80,
    ) -> None:
        """Compile the patterns for the pipeline's language.

        Args:
            nlp: The pipeline; its ``lang`` chooses vocabularies and number format.
            name: Component name.
            spans_key: Span group that receives the amounts.
            decimal_mark: "," or "." or "auto"; None reads it from the vocabulary.
            vocabularies: Vocabulary languages; None picks them from ``nlp.lang``.
            context_chars: Width of the window searched for cues before an amount.
        """
        self.name = name
        self.spans_key = spans_key
        self.context_chars = context_chars
        languages = tuple(vocabularies) if vocabularies else default_vocabularies(nlp.lang)
        self.languages = languages
        if decimal_mark is None:
            decimal_mark = _load_language(nlp.lang)["decimal_mark"] if nlp.lang in languages else "auto"
        if decimal_mark not in {",", ".", "auto"}:
            raise ValueError(f"decimal_mark must be ',', '.' or 'auto', not {decimal_mark!r}")
        self.decimal_mark = decimal_mark
        self.patterns = _compile_patterns(languages)

    def __call__(self, doc: Doc) -> Doc:
        """Tag ``doc``: its amounts go to ``doc.spans[self.spans_key]``."""
        sentences = sentence_bounds(doc)
        amounts = self._find_amounts(doc_text(doc), sentences)
        self._set_spans(doc, amounts)
        return doc

    def _find_amounts(self, text: str, sentences: Sequence[tuple[int, int]]) -> list[_Amount]:
        """Every amount of ``text`` in order, with its cues and links resolved.

        Args:
            text: The document text.
            sentences: ``(start, end)`` character offsets of its sentences, in order.
        """
        amounts = self._match_amounts(text)
        if not amounts:
            return []
        starts = [s for s, _ in sentences]
        for amount in amounts:
            index = max(bisect.bisect_right(starts, amount.start) - 1, 0)
            start, end = sentences[index] if sentences else (0, len(text))
            # A line break ends the context too: headings and list items carry no
            # final stop, and the sentencizer misses stops after "[2]".
            line_end = text.find("\n", amount.end)
            amount.sentence = (
                max(start, text.rfind("\n", 0, amount.start) + 1),
                min(end, line_end) if line_end >= 0 else end,
            )
        amounts = self._add_partners(text, amounts)
        for amount in amounts:
            self._read_cues(text, amount)
        self._link_conversions(text, amounts)
        self._share_thresholds(text, amounts)
        self._mark_sanctions(text, amounts)
        return amounts

    def _set_spans(self, doc: Doc, amounts: Sequence[_Amount]) -> None:
        """Write ``amounts`` to ``doc.spans`` with their extension attributes."""
        spans: list[Span] = []
        kept: list[_Amount] = []
        for amount in amounts:
            span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
            if span is None:
                log.debug("No token span for amount at %d-%d", amount.start, amount.end)
                continue
            spans.append(span)
            kept.append(amount)
        index = {id(a): i for i, a in enumerate(kept)}
        for span, amount in zip(spans, kept):
            span._.amount_value = None if amount.value is None else float(amount.value)
            span._.amount_currency = amount.currency
            span._.amount_threshold = amount.threshold
            span._.amount_approximate = amount.approximate
            span._.amount_vague = amount.vague
            span._.amount_sanctions = amount.sanctions
            span._.amount_linked_to = index.get(id(amount.linked)) if amount.linked else None
            span._.amount_offsets = (amount.start, amount.end)
        doc.spans[self.spans_key] = spans

    # -- matching -------------------------------------------------------------

    def _match_amounts(self, text: str) -> list[_Amount]:
        p = self.patterns
        found: list[_Amount] = []
        for m in p.numeric.finditer(text):
            amount = self._numeric_amount(m)
            if amount is not None:
                found.append(amount)
        taken = [(a.start, a.end) for a in found]
        for m in p.words.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            value = p.parse_words(m.group("c_words"))
            if value is None or p.is_count(text, m.end()):
                continue
            if value < 1_000_000 and p.is_unit(m.group("c_cur"), text, m.end()):
                continue
            found.append(_Amount(m.start(), m.end(), value, p.currency(m.group("c_cur"))))
        taken = [(a.start, a.end) for a in found]
        for m in p.vague.finditer(text):
            if _overlaps(taken, m.start(), m.end()) or not p.vague_is_valid(text, m):
                continue
            found.append(_Amount(m.start(), m.end(), None, p.currency(m.group("d_cur")), vague=True))
        found.sort(key=lambda a: a.start)
        return found

    def _numeric_amount(self, m: re.Match) -> _Amount | None:
        p = self.patterns
        prefixed = m.group("a_cur") is not None
        tag = "a" if prefixed else "b"
        currency = p.currency(m.group(f"{tag}_cur"))
        scale_text = m.group(f"{tag}_scale")
        scale = p.scale(scale_text) if scale_text else None
        number = parse_number(
            m.group(f"{tag}_num"),
            decimal_mark=self.decimal_mark,
            decimal_only=scale is not None or currency in p.crypto,
        )
        if scale is None and p.is_unit(m.group(f"{tag}_cur"), m.string, m.end()):
            return None
        if not prefixed and p.is_count(m.string, m.end()):
            return None
        value = number * scale if scale else number
        return _Amount(m.start(), m.end(), value, currency, number=number, scale=scale, prefixed=prefixed)

    def _add_partners(self, text: str, amounts: list[_Amount]) -> list[_Amount]:
        """Numbers that share the currency of a neighbouring amount (ranges, lists)."""
        result: list[_Amount] = []
        previous_end = 0
        for i, amount in enumerate(amounts):
            if amount.vague or amount.number is None:
                result.append(amount)
                previous_end = amount.end
                continue
            left = self._left_partners(text, amount, max(previous_end, amount.sentence[0]))
            result.extend(left)
            result.append(amount)
            previous_end = amount.end
            if amount.prefixed:
                limit = amounts[i + 1].start if i + 1 < len(amounts) else amount.sentence[1]
                right = self._right_partner(text, amount, min(limit, amount.end + 40))
                if right is not None:
                    result.append(right)
                    previous_end = right.end
        return result

    def _left_partners(self, text: str, anchor: _Amount, lo: int) -> list[_Amount]:
        p = self.patterns
        partners: list[_Amount] = []
        right = anchor
        while True:
            m = p.left_partner.search(text, max(lo, right.start - 60), right.start)
            if m is None:
                break
            conj = m.group("conj").lower()
            intro = (m.group("intro") or "").lower()
            scale_text = m.group("scale")
            scale = p.scale(scale_text) if scale_text else None
            raw = m.group("num")
            if conj in p.range_and and not (intro in p.range_between or scale):
                break
            if conj == "," and not scale:
                break
            if conj in p.range_to and not intro and not scale and _looks_like_year(raw):
                break
            number = parse_number(
                raw, decimal_mark=self.decimal_mark,
                decimal_only=scale is not None or right.scale is not None or anchor.currency in p.crypto,
            )
            if scale is None and right.scale is not None and number < right.number:
                scale = right.scale
            value = number * scale if scale else number
            end = m.end("scale") if scale_text else m.end("num")
            partner = _Amount(m.start("num"), end, value, anchor.currency, number=number, scale=scale)
            partner.sentence = anchor.sentence
            partners.insert(0, partner)
            if not (scale_text and conj in p.range_and | {","}):
                break
            right = partner
        return partners

    def _right_partner(self, text: str, anchor: _Amount, hi: int) -> _Amount | None:
        p = self.patterns
        m = p.right_partner.match(text, anchor.end, hi)
        if m is None:
            return None
        conj = m.group("conj").lower()
        if conj not in p.range_dash:
            lo = max(anchor.sentence[0], anchor.start - 20)
            intro = p.intro_before.search(text, lo, anchor.start)
            if intro is None:
                return None
            if conj in p.range_and and intro.group("intro").lower() not in p.range_between:
                return None
        scale_text = m.group("scale")
        scale = p.scale(scale_text) if scale_text else None
        number = parse_number(
            m.group("num"), decimal_mark=self.decimal_mark,
            decimal_only=scale is not None or anchor.currency in p.crypto,
        )
        if anchor.scale is None and scale is not None and anchor.number < number:
            anchor.scale = scale
            anchor.value = anchor.number * scale
        value = number * scale if scale else number
        partner = _Amount(m.start("num"), m.end(), value, anchor.currency, number=number, scale=scale)
        partner.sentence = anchor.sentence
        return partner

    # -- cues, links, sanctions ----------------------------------------------

    def _read_cues(self, text: str, amount: _Amount) -> None:
        p = self.patterns
        lo = max(amount.sentence[0], amount.start - self.context_chars)
        comparison = cap = None
        for m in p.cues.finditer(text, lo, amount.start):
            kind = m.lastgroup
            if kind == "neutral":
                continue
            if not p.filler_tail.fullmatch(text, m.end(), amount.start) and not (
                kind == "cap" and p.cap_tail.fullmatch(text, m.end(), amount.start)
            ):
                continue
            if kind == "approx":
                amount.approximate = True
            elif kind == "cap":
                cap = cap or "below"
            elif comparison is None:
                comparison = self._negated(text, m, kind, lo)
        hi = min(amount.sentence[1], amount.end + 30)
        after = p.after_cues.match(text, amount.end, hi)
        if after is not None:
            if after.lastgroup == "approx":
                amount.approximate = True
            elif after.lastgroup == "cap":
                cap = cap or "below"
            elif comparison is None:
                comparison = after.lastgroup
        amount.threshold = comparison or cap

    def _negated(self, text: str, cue: re.Match, kind: str, lo: int) -> str:
        """Flip a comparison after a negation: "ne doit pas dépasser", "must not exceed"."""
        p = self.patterns
        if p.negation.search(cue.group()) or not p.negation_before.search(text, lo, cue.start()):
            return kind
        return "below" if kind == "above" else "above"

    def _link_conversions(self, text: str, amounts: list[_Amount]) -> None:
        p = self.patterns
        for previous, amount in zip(amounts, amounts[1:]):
            if previous.vague or amount.vague or previous.linked is not None:
                continue
            if previous.sentence != amount.sentence:
                continue
            in_brackets = p.conversion_open.fullmatch(
                text, previous.end, amount.start
            ) and p.conversion_close.match(text, amount.end, amount.sentence[1])
            after_words = amount.currency != previous.currency and p.conversion_after_words.fullmatch(
                text, previous.end, amount.start
            )
            if in_brackets or after_words or p.conversion_inline.fullmatch(text, previous.end, amount.start):
                amount.linked = previous
                amount.threshold = previous.threshold or amount.threshold

    def _share_thresholds(self, text: str, amounts: list[_Amount]) -> None:
        """An amount coordinated with the previous one ("… and $100") shares its threshold."""
        for previous, amount in zip(amounts, amounts[1:]):
            if amount.threshold or not previous.threshold or amount.linked:
                continue
            if previous.vague or amount.vague or previous.sentence != amount.sentence:
                continue
            if self.patterns.coordinated.fullmatch(text, previous.end, amount.start):
                amount.threshold = previous.threshold

    def _mark_sanctions(self, text: str, amounts: list[_Amount]) -> None:
        seen: dict[tuple[int, int], bool] = {}
        for amount in amounts:
            if amount.sentence not in seen:
                start, end = amount.sentence
                seen[amount.sentence] = self.patterns.sanctions.search(text, start, end) is not None
            amount.sanctions = seen[amount.sentence]


# -- numbers ------------------------------------------------------------------


def parse_number(raw: str, *, decimal_mark: str = "auto", decimal_only: bool = False) -> Decimal:
    """Read a number written with digits, in the conventions of the article.

    Spaces and apostrophes always group thousands. A lone "," or "." followed by
    exactly three digits groups thousands too ("10.000" in French, "10,000" in
    English), unless it is the language's decimal mark and ``decimal_only`` says
    the number precedes a scale word or a crypto ticker ("1,500 milliard",
    "0.125 BTC"), or the integer part is 0. Money has no third decimal, so a
    French "10,000 euros" is ten thousand too.

    Args:
        raw: The digits as written, e.g. "10 000,5" or "1,000.50".
        decimal_mark: "," (French), "." (English) or "auto" (either).
        decimal_only: True when three digits after the decimal mark are decimals.

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
    if len(marks) > 1:
        return Decimal(digits.replace(mark, ""))
    if len(tail) != 3 or head.lstrip("0") == "":
        return Decimal(f"{head}.{tail}")
    if mark == decimal_mark and decimal_only:
        return Decimal(f"{head}.{tail}")
    return Decimal(head + tail)


def _looks_like_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def _overlaps(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


# -- vocabularies and patterns -------------------------------------------------


def available_vocabularies() -> tuple[str, ...]:
    """Languages that have a vocabulary file in ``helpers/data/amounts/``."""
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.json") if p.stem != "currencies"))


def default_vocabularies(lang: str) -> tuple[str, ...]:
    """The pipeline language's vocabulary, or all of them for another language."""
    available = available_vocabularies()
    # English first: its meaning wins where vocabularies disagree ("billion" = 10^9).
    return (lang,) if lang in available else tuple(sorted(available, key=lambda code: code != "en"))


@lru_cache(maxsize=None)
def _load_language(lang: str) -> dict[str, Any]:
    data = json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    data["decimal_mark"] = "," if data.get("number_format") == "fr" else "."
    data["sanctions"] = _read_phrases(DATA_DIR / f"sanctions.{lang}.txt")
    return data


def _read_phrases(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=None)
def _load_currencies() -> dict[str, Any]:
    return json.loads((DATA_DIR / "currencies.json").read_text(encoding="utf-8"))


def _merge(languages: Iterable[str], key: str) -> Any:
    """One entry of several vocabularies merged; earlier languages win on conflicts."""
    merged: Any = None
    for lang in languages:
        value = _load_language(lang).get(key)
        if value is not None:
            merged = value if merged is None else _combine(merged, value)
    return merged


def _combine(first: Any, second: Any) -> Any:
    if isinstance(first, dict) and isinstance(second, dict):
        combined = dict(first)
        for key, value in second.items():
            combined[key] = _combine(combined[key], value) if key in combined else value
        return combined
    if isinstance(first, list) and isinstance(second, list):
        return first + [v for v in second if v not in first]
    return first


def _alternation(items: Iterable[str]) -> str:
    """Escaped alternatives, longest first so that "millions" wins over "million"."""
    unique = sorted(set(items), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s) for s in unique)


def _word_regex(phrase: str) -> str:
    """A vocabulary word or phrase: spaces match any whitespace, apostrophes both kinds."""
    body = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", _APOSTROPHE)
    before = r"(?<![\w])" if phrase[:1].isalnum() else ""
    after = r"(?![\w])" if phrase[-1:].isalnum() or phrase[-1:] == "." else ""
    return before + body + after


def _cue_regex(phrase: str) -> str:
    """A cue phrase; "de" also matches du/des/d', "à" au/aux, a hyphen a space."""
    words = phrase.split()
    parts: list[str] = []
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if word == "de":
            parts.append(r"(?:(?:de|du|des)(?!\w)|d['’])" if last else r"(?:(?:de|du|des)\s+|d['’]\s*)")
            continue
        if word == "à":
            parts.append(r"(?:à|au|aux)(?!\w)" + ("" if last else r"\s*"))
            continue
        body = re.escape(word).replace(r"\-", r"[\s-]").replace("'", _APOSTROPHE)
        if not last:
            body += r"\s*" if word.endswith("'") else r"\s+"
        elif word[-1].isalnum():
            body += r"(?!\w)"
        parts.append(body)
    before = r"(?<!\w)" if phrase[:1].isalnum() else ""
    return before + "".join(parts)


def _cue_alternation(phrases: Iterable[str]) -> str:
    unique = sorted(set(phrases), key=lambda s: (-len(s), s))
    return "|".join(_cue_regex(p) for p in unique) or r"(?!)"


@lru_cache(maxsize=None)
def _compile_patterns(languages: tuple[str, ...]) -> _Patterns:
    return _Patterns(languages)


class _Patterns:
    """Every regular expression of the tagger, compiled once for a set of vocabularies.

    The fragments shared between patterns (currencies, scales, connectors) are
    built first; each ``_build_*`` method then compiles one family of patterns.
    """

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages
        self._build_fragments()
        self._build_amounts()
        self._build_written_numbers()
        self._build_vague()
        self._build_ranges()
        self._build_cues()
        self._build_links()
        self._build_sanctions()

    def _vocabulary(self, key: str, default: Any) -> Any:
        value = _merge(self.languages, key)
        return default if value is None else value

    def _build_fragments(self) -> None:
        cur = _load_currencies()
        self.crypto = frozenset(cur["crypto"])
        words: dict[str, str] = self._vocabulary("currency_words", {})
        scale_words: dict[str, int] = self._vocabulary("scale_words", {})
        abbreviations: dict[str, int] = cur["scale_abbreviations"]
        self._currencies: dict[str, str] = {
            **cur["symbols"], **cur["prefixed_symbols"], **cur["codes"],
            **{_squash(k): v for k, v in cur["suffixed_symbols"].items()},
            **{_squash(k).lower(): v for k, v in words.items()},
        }
        self._scales = {**abbreviations, **{k.lower(): v for k, v in scale_words.items()}}
        self._scale_abbreviations = abbreviations
        self._big_scales = {k.lower(): Decimal(v) for k, v in scale_words.items() if v >= 1_000_000}

        symbols = _alternation(cur["symbols"])
        prefixed = _alternation(cur["prefixed_symbols"])
        suffixed = "|".join(
            re.escape(s).replace(r"\ ", r"\s?")
            for s in sorted(cur["suffixed_symbols"], key=len, reverse=True)
        )
        codes = _alternation(cur["codes"])
        word_alt = "|".join(_word_regex(w) for w in sorted(words, key=len, reverse=True))
        no_number = r"(?![ \u00a0\u202f\u2009]?\d)"  # "2021 $5m": the "$" belongs to 5m
        self._scale = (
            rf"(?i:{_alternation(scale_words)})(?![\w])|(?:{_alternation(abbreviations)})(?![\w])"
        )
        self._cur_prefix = rf"(?<![\w.$])(?:{prefixed})|(?:{symbols})|(?<![\w])(?:{codes})(?![A-Za-z])"
        self._cur_suffix = (
            rf"(?:(?:{suffixed})(?![\w])|(?:{symbols})){no_number}"
            rf"|(?:{codes})(?![\w]){no_number}"
            rf"|(?i:{word_alt})"
        )
        self._cur_word = rf"(?:{codes})(?![\w])|(?i:{word_alt})"

        # "millions de dollars", "millions d'euros", "millions of dollars".
        connectors: list[str] = self._vocabulary("currency_connectors", [])
        spaced = [c for c in connectors if not c.endswith("'")]
        elided = [c[:-1] for c in connectors if c.endswith("'")]
        inner = ([rf"(?:{_alternation(spaced)})\s+"] if spaced else []) + (
            [rf"(?:{_alternation(elided)})['’]\s*"] if elided else []
        )
        self._inner_connector = "|".join(inner) or r"(?!)"
        self._connector = rf"\s+(?:{self._inner_connector})|\s*"

        number_words: dict[str, int] = self._vocabulary("number_words", {})
        multiplying: dict[str, int] = self._vocabulary("multiplying_words", {})
        self._number_words = {k.lower(): Decimal(v) for k, v in {**number_words, **multiplying}.items()}
        self._articles = frozenset(self._vocabulary("number_articles", []))
        self._halves = frozenset(self._vocabulary("number_half_words", []))
        self._joiners = frozenset(self._vocabulary("number_joiners", []))
        counting = _alternation(w for w in self._number_words if w not in self._articles)
        self._counting = rf"(?<![\w])(?i:{counting})(?![\w])" if counting else r"(?!)"

        nouns = _cue_alternation(self._vocabulary("count_nouns", []))
        self._count_after = re.compile(rf"[ \u00a0\u202f\u2009]+(?:{nouns})", re.IGNORECASE)
        units: dict[str, list[str]] = self._vocabulary("not_money_before", {})
        self._unit_contexts = {
            word.lower(): re.compile(rf"\s+(?:{_cue_alternation(after)})", re.IGNORECASE)
            for word, after in units.items()
        }

    def _build_amounts(self) -> None:
        """Digits with a currency before ("US$700 million") or after ("200 millions de dollars")."""
        sp, scale = _SPACE, self._scale
        self.numeric = re.compile(
            rf"(?P<a_cur>{self._cur_prefix}){sp}?(?P<a_num>{_NUMBER})(?:(?:{sp}?|-)(?P<a_scale>{scale}))?"
            rf"|(?P<b_num>{_NUMBER})(?:(?:{sp}?|-)(?P<b_scale>{scale})(?:{self._connector}))?"
            rf"{sp}?(?P<b_cur>{self._cur_suffix})"
        )

    def _build_written_numbers(self) -> None:
        """Written numbers: "trois millions d'euros", "half a billion dollars"."""
        words = _alternation(list(self._number_words) + list(self._big_scales) + list(self._halves))
        word = rf"(?:{words})(?![\w])"
        self._number_token = re.compile(rf"(?<![\w])(?i:{word})")
        joiners = _alternation(self._joiners)
        joiner = rf"(?:\s+|-)(?:(?:{joiners})(?:\s+|-))?" if joiners else r"(?:\s+|-)"
        self.words = re.compile(
            rf"(?<![\w-])(?P<c_words>(?i:{word}(?:{joiner}{word})*))(?![\w])"
            rf"(?:{self._connector})(?P<c_cur>{self._cur_suffix})"
        )

    def _build_vague(self) -> None:
        """Vague amounts: "des millions de dollars", "hundreds of millions of dollars"."""
        vague: dict[str, list[str]] = self._vocabulary("vague", {})
        quantifiers = "|".join(_word_regex(q) for q in vague.get("quantifiers", [])) or r"(?!)"
        multipliers = _alternation(vague.get("multipliers", [])) or r"(?!)"
        scales = _alternation(vague.get("scales", []) + vague.get("scales_singular", [])) or r"(?!)"
        self._vague_plural = frozenset(s.lower() for s in vague.get("scales", []))
        self.vague = re.compile(
            rf"(?<![\w-])(?i:(?P<d_quant>(?:{quantifiers})\s+)?"
            rf"(?:(?:{multipliers})\s+(?:{self._inner_connector}))?(?P<d_scale>{scales}))(?![\w])"
            rf"(?P<d_conn>{self._connector})(?P<d_cur>{self._cur_word})"
        )
        self._number_before = re.compile(rf"(?:\d|{self._counting})[\s-]*\Z")

    def _build_ranges(self) -> None:
        """Ranges and lists: "de 3 000 à 10 000 €", "$1-2 million", "573,6 millions et 1,55 milliard"."""
        ranges: dict[str, list[str]] = self._vocabulary("ranges", {})
        self.range_to = frozenset(w.lower() for w in ranges.get("to", []))
        self.range_and = frozenset(w.lower() for w in ranges.get("and", []))
        self.range_dash = frozenset(w for w in self.range_to if not w.isalpha())
        intro = ranges.get("intro", [])
        self.range_between = frozenset(w.lower() for w in intro) & {"entre", "between"}
        words = [w for w in self.range_to | self.range_and if w.isalpha()]
        conj = rf"(?:{_alternation(self.range_dash) or '(?!)'})|(?i:{_alternation(words) or '(?!)'})(?!\w)"
        intro_alt = rf"(?i:{_alternation(intro)})(?!\w)" if intro else r"(?!)"
        number = rf"(?P<num>{_NUMBER})(?:(?:{_SPACE}?|-)(?P<scale>{self._scale}))?"
        self.left_partner = re.compile(rf"(?:(?P<intro>{intro_alt})\s+)?{number}\s*(?P<conj>{conj}|,)\s*\Z")
        self.right_partner = re.compile(
            rf"\s*(?P<conj>{conj})\s*{number}(?!\s*(?:%|(?i:percent|pour\s*cent|per\s*cent)))"
        )
        self.intro_before = re.compile(rf"(?P<intro>{intro_alt})\s*\Z")

    def _build_cues(self) -> None:
        """Threshold and approximation cues, and what may sit between a cue and its amount."""
        threshold: dict[str, list[str]] = self._vocabulary("threshold", {})
        approximate: dict[str, list[str]] = self._vocabulary("approximate", {})
        self._comparisons = threshold.get("above_before", []) + threshold.get("below_before", [])
        self.cues = re.compile(
            rf"(?P<neutral>{_cue_alternation(threshold.get('neutral_before', []))})"
            rf"|(?P<below>{_cue_alternation(threshold.get('below_before', []))})"
            rf"|(?P<above>{_cue_alternation(threshold.get('above_before', []))})"
            rf"|(?P<cap>{_cue_alternation(threshold.get('cap_before', []))})"
            rf"|(?P<approx>{_cue_alternation(approximate.get('before', []))})",
            re.IGNORECASE,
        )
        negations: list[str] = self._vocabulary("negations", [])
        negation = "|".join(
            (r"(?<!\w)" if n[:1].isalnum() and "'" not in n else "")
            + re.escape(n).replace("'", _APOSTROPHE)
            + (r"(?!\w)" if n[-1:].isalnum() else "")
            for n in sorted(negations, key=len, reverse=True)
        ) or r"(?!)"
        self.negation = re.compile(negation, re.IGNORECASE)
        self.negation_before = re.compile(rf"(?:{negation})(?:\s+[^\W\d_]+){{0,2}}\s*\Z", re.IGNORECASE)

        # Between a cue and its amount: fillers ("la valeur de"), a prison term before
        # the fine ("jusqu'à 5 ans de prison et 500 000 €"), and at most one other word
        # before de/of ("limités à des dépôts de 10 000 euros").
        fillers = _cue_alternation(self._vocabulary("fillers", []) + approximate.get("before", []))
        filler = rf"\s*(?:{fillers}|[«\"“])"
        clauses = _cue_alternation(self._vocabulary("clauses_before", []))
        clause = rf"\s*(?:\d+|{self._counting})\s+(?:{clauses})"
        any_word = rf"\s*[^\W\d_]+\s+(?:{self._inner_connector})"
        self.filler_tail = re.compile(
            rf"(?:{filler})*(?:{clause})?(?:{filler})*(?:{any_word}(?:{filler})*)?\s*", re.IGNORECASE
        )

        # A cap verb and its object: "capped Russian oil at $60".
        links = _cue_alternation(self._vocabulary("cap_links", []))
        self.cap_tail = re.compile(
            rf"(?:\s+[^\W\d_]+(?:['’][^\W\d_]+)?){{1,6}}\s+(?:{links}){filler}*\s*", re.IGNORECASE
        )

        # After the amount: "or more", "au maximum", "$60-a-barrel price cap", "environ".
        units = _cue_alternation(self._vocabulary("unit_words", []))
        unit = rf"(?:-(?:{units})-[^\W\d_]+|\s+(?:{units})\s+[^\W\d_]+)"
        self.after_cues = re.compile(
            rf"(?:{unit})?\s*,?\s*(?:(?P<above>{_cue_alternation(threshold.get('above_after', []))})"
            rf"|(?P<below>{_cue_alternation(threshold.get('below_after', []))})"
            rf"|(?P<cap>{_cue_alternation(threshold.get('cap_after', []))})"
            rf"|(?P<approx>{_cue_alternation(approximate.get('after', []))}))",
            re.IGNORECASE,
        )

        # "… $60 per barrel for crude and $100 for premium products": the second
        # amount shares the first one's threshold.
        coordination = _cue_alternation(self._vocabulary("coordination", []))
        self.coordinated = re.compile(
            rf"(?:\s+[^\W\d_]+){{0,4}}\s*,?\s+(?:{coordination})\s+(?:{self._inner_connector})?",
            re.IGNORECASE,
        )

    def _build_links(self) -> None:
        """Conversions: "EUR 10 000 (10 900 USD)", "40 BTC, soit environ 1,2 million d'euros"."""
        conversion = _cue_alternation(self._vocabulary("conversion", []) + self._comparisons)
        inline = _cue_alternation(self._vocabulary("conversion_outside_brackets", []))
        self.conversion_open = re.compile(rf"\s*[(\[]\s*(?:(?:{conversion})\s*)*", re.IGNORECASE)
        self.conversion_close = re.compile(r"[^()\[\]\n]{0,40}?[)\]]")
        self.conversion_inline = re.compile(
            rf"\s*,?\s*(?:{inline})\s*(?:(?:{conversion})\s*)*", re.IGNORECASE
        )
        # "300 M€ pour son yacht, soit 320 millions de dollars": a few words may sit
        # before the comma when the currency changes.
        self.conversion_after_words = re.compile(
            rf"(?:\s+[^\W\d_]+(?:['’][^\W\d_]+)?){{1,5}}\s*,\s*(?:{inline})\s*(?:(?:{conversion})\s*)*",
            re.IGNORECASE,
        )

    def _build_sanctions(self) -> None:
        """Sanctions vocabulary; all-capital phrases (OFAC, SDN) keep their case."""
        phrases: list[str] = self._vocabulary("sanctions", [])
        acronyms = [p for p in phrases if p.isupper()]
        others = [p for p in phrases if not p.isupper()]
        parts = []
        if others:
            parts.append(f"(?i:{_cue_alternation(others)})")
        if acronyms:
            parts.append(rf"(?<!\w)(?:{_alternation(acronyms)})(?!\w)")
        self.sanctions = re.compile("|".join(parts) or r"(?!)")

    def is_unit(self, currency_text: str | None, text: str, end: int) -> bool:
        """Whether a currency word is a unit here ("20 pounds of flour")."""
        if not currency_text:
            return False
        pattern = self._unit_contexts.get(_squash(currency_text).lower())
        return pattern is not None and pattern.match(text, end) is not None

    def is_count(self, text: str, end: int) -> bool:
        """Whether the currency just before ``end`` qualifies a count ("500,000 USDT transfers")."""
        return self._count_after.match(text, end) is not None

    def currency(self, text: str) -> str | None:
        """ISO code of a currency as written ("€", "US$", "dollars américains", "USDT")."""
        key = _squash(text)
        return self._currencies.get(key) or self._currencies.get(key.lower())

    def scale(self, text: str) -> int:
        """Multiplier of a scale word or abbreviation ("milliards", "bn", "M")."""
        return self._scale_abbreviations.get(text) or self._scales[text.lower()]

    def vague_is_valid(self, text: str, m: re.Match) -> bool:
        """A vague amount needs "de"/"of" after a plural scale, a quantifier before a singular one."""
        plural = m.group("d_scale").lower() in self._vague_plural
        if plural and not m.group("d_conn").strip():
            return False
        if not plural and not m.group("d_quant"):
            return False
        return self._number_before.search(text, max(0, m.start() - 30), m.start()) is None

    def parse_words(self, words: str) -> Decimal | None:
        """Value of a written number ("un demi-million", "two and a half million"), or None.

        A lone article ("a dollar", "un euro") is not a number; it counts only
        before a scale word ("a million dollars").
        """
        tokens = [t.lower() for t in self._number_token.findall(words)]
        meaningful = [t for t in tokens if t not in self._joiners]
        has_number = any(t in self._number_words and t not in self._articles for t in meaningful)
        has_multiplier = any(
            t in self._big_scales or t in self._halves or self._number_words.get(t, 0) >= 100
            for t in meaningful
        )
        has_article = any(t in self._articles or t in self._halves for t in meaningful)
        if not has_number and not (has_multiplier and has_article):
            return None
        total = Decimal(0)
        current: Decimal | None = None
        from_article = False
        last_scale = Decimal(0)
        after_scale = False
        for token in meaningful:
            if token in self._halves:
                if current is None or from_article:
                    if after_scale:
                        total += last_scale / 2
                        current = None
                    else:
                        current = Decimal("0.5")
                else:
                    current += Decimal("0.5")
                from_article = after_scale = False
            elif token in self._articles:
                if current is None:
                    current, from_article = Decimal(1), True
            elif token in self._big_scales:
                total += (current if current is not None else Decimal(1)) * self._big_scales[token]
                last_scale, current, from_article, after_scale = self._big_scales[token], None, False, True
            else:
                value = self._number_words[token]
                if value == 1000:
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


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())


# -- documents and records ------------------------------------------------------


#: Key in ``Doc.user_data`` under which :class:`helpers.nlp.KeepText` stores the input text.
TEXT_KEY = "dossier_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, taken from the tokenizer's input when it was kept.

    ``Doc.text`` joins every token's text in Python on each access, which cost
    about 0.7 ms per news article, several times per article.
    """
    return doc.user_data.get(TEXT_KEY) or doc.text


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets of the sentences, or of the whole text when none are set.

    The same as ``[(s.start_char, s.end_char) for s in doc.sents]``, read from
    token arrays: iterating ``doc.sents`` builds a Python object per token,
    which cost as much as the amount rules themselves.
    """
    if not len(doc):
        return [(0, 0)]
    sent_start = doc.to_array(SENT_START)
    if not (sent_start[1:] != 0).any():  # no sentence annotation (Doc.has_annotation walks tokens)
        return [(0, int(doc[-1].idx + len(doc[-1].text_with_ws)))]
    sent_start[0] = 1
    starts = numpy.flatnonzero(sent_start == 1)
    ends = numpy.append(starts[1:], len(doc)) - 1
    idx = doc.to_array(IDX)
    length = doc.to_array(LENGTH)
    return [(int(idx[a]), int(idx[b] + length[b])) for a, b in zip(starts, ends)]


def amount_records(doc: Doc, *, spans_key: str = SPANS_KEY) -> list[dict[str, Any]]:
    """The amounts of a tagged doc as plain, JSON-ready dicts (keys: :data:`RECORD_KEYS`)."""
    if spans_key not in doc.spans:
        return []
    sentences = sentence_bounds(doc)
    starts = [s for s, _ in sentences]
    records = []
    text = doc_text(doc) if len(doc.spans[spans_key]) else ""
    for span in doc.spans[spans_key]:
        start, end = span._.amount_offsets or (span.start_char, span.end_char)
        sentence = sentences[max(bisect.bisect_right(starts, start) - 1, 0)]
        linked = span._.amount_linked_to
        records.append(
            {
                "start": int(start),
                "end": int(end),
                "text": text[start:end],
                "value": None if span._.amount_value is None else float(span._.amount_value),
                "currency": span._.amount_currency,
                "threshold": span._.amount_threshold,
                "approximate": bool(span._.amount_approximate),
                "vague": bool(span._.amount_vague),
                "sanctions_context": bool(span._.amount_sanctions),
                "linked_to": None if linked is None else int(linked),
                "sentence_start": int(sentence[0]),
                "sentence_end": int(sentence[1]),
            }
        )
    return records


# -- evaluation -----------------------------------------------------------------


def load_amount_cases(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL test set: one ``{"lang", "text", "amounts"}`` object a line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _same_amount(predicted: dict[str, Any], gold: dict[str, Any]) -> bool:
    if predicted["text"] != gold["text"] or predicted["currency"] != gold["currency"]:
        return False
    if predicted["threshold"] != gold.get("threshold"):
        return False
    value, expected = predicted["value"], gold.get("value")
    if value is None or expected is None:
        return value is None and expected is None
    return math.isclose(value, expected, rel_tol=1e-9)


def score_amounts(
    predicted: Sequence[Sequence[dict[str, Any]]], gold: Sequence[Sequence[dict[str, Any]]]
) -> dict[str, Any]:
    """Strict precision, recall and F1 of predicted amounts against gold ones.

    A predicted amount counts only if its text, value, currency and threshold all
    equal those of a gold amount of the same sentence.

    Args:
        predicted: Per sentence, the records of :func:`amount_records`.
        gold: Per sentence, the gold amounts (``text``, ``value``, ``currency``,
            ``threshold``; optional ``vague`` and ``linked``).

    Returns:
        ``tp``, ``fp``, ``fn``, ``precision``, ``recall``, ``f1``, and the lists
        ``misses`` and ``false_positives`` (each item carries its ``case`` index),
        plus ``flag_errors``: matched amounts whose vague/linked flag differs.
    """
    tp = fp = fn = 0
    misses: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    flag_errors: list[dict[str, Any]] = []
    for case, (pred, expected) in enumerate(zip(predicted, gold, strict=True)):
        unmatched = list(expected)
        for record in pred:
            match = next((g for g in unmatched if _same_amount(record, g)), None)
            if match is None:
                fp += 1
                false_positives.append({"case": case, **record})
                continue
            tp += 1
            unmatched.remove(match)
            if bool(match.get("vague", False)) != record["vague"] or (
                bool(match.get("linked", False)) != (record["linked_to"] is not None)
            ):
                flag_errors.append({"case": case, **record})
        fn += len(unmatched)
        misses.extend({"case": case, **g} for g in unmatched)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
        "misses": misses, "false_positives": false_positives, "flag_errors": flag_errors,
    }


def blank_amount_pipeline(lang: str) -> Language:
    """A blank pipeline with a sentencizer and the amount tagger, as the tests use it."""
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dossier_amounts")
    return nlp


def evaluate_amounts(cases: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Run the tagger on blank pipelines over ``cases`` and score it per language.

    Returns:
        ``{"fr": scores, "en": scores, ..., "all": scores}``; each ``scores`` is
        :func:`score_amounts` output plus ``sentences`` (how many cases), and its
        misses and false positives carry the sentence ``text``.
    """
    by_lang: dict[str, list[dict[str, Any]]] = {}
    for case in cases:
        by_lang.setdefault(case["lang"], []).append(case)
    results: dict[str, Any] = {}
    all_pred: list[list[dict[str, Any]]] = []
    all_gold: list[list[dict[str, Any]]] = []
    all_cases: list[dict[str, Any]] = []
    for lang, lang_cases in sorted(by_lang.items()):
        nlp = blank_amount_pipeline(lang)
        predicted = [amount_records(doc) for doc in nlp.pipe(c["text"] for c in lang_cases)]
        gold = [c["amounts"] for c in lang_cases]
        results[lang] = _with_texts(score_amounts(predicted, gold), lang_cases)
        all_pred += predicted
        all_gold += gold
        all_cases += lang_cases
    results["all"] = _with_texts(score_amounts(all_pred, all_gold), all_cases)
    return results


def _with_texts(scores: dict[str, Any], cases: Sequence[dict[str, Any]]) -> dict[str, Any]:
    for key in ("misses", "false_positives", "flag_errors"):
        for item in scores[key]:
            item["sentence"] = cases[item["case"]]["text"]
    scores["sentences"] = len(cases)
    return scores
