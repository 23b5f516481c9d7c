"""Every regular expression of the amount tagger, built from the vocabularies and compiled once."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any

from helpers.amounts.numbers import NUMBER, NUMBER_BODY, SPACE, WrittenNumbers
from helpers.amounts.vocabulary import (
    cldr_codes,
    cldr_currency_words,
    load_currencies,
    load_local_currencies,
    merge_vocabularies,
    national_unit_words,
    plural_unit_words,
)

_APOSTROPHE = "['’]"
#: A hyphen in a cue also matches a space and the typographic hyphens ("contre‑valeur" with U+2011).
_HYPHEN = r"[\s\-\u2010\u2011]"

#: How far before an amount the verb that launders it is looked for ("to launder more than $100m").
PROCEEDS_CONTEXT_CHARS = 40
#: The longest item of a list cut by semicolons whose amount shares the direction of the item before.
LIST_ITEM_CHARS = 120


def _alternation(items: Iterable[str]) -> str:
    """Escaped alternatives, longest first so that "millions" wins over "million"."""
    unique = sorted(set(items), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s) for s in unique)


def _word_regex(phrase: str, *, glued: bool = False) -> str:
    """A vocabulary word or phrase: spaces match any whitespace, apostrophes both kinds.

    With ``glued``, the word may touch the digits before it, as an abbreviation
    written in capitals does ("40.000DH", "5000FCFA"); never a letter.
    """
    body = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", _APOSTROPHE)
    before = (r"(?<![^\W\d])" if glued else r"(?<![\w])") if phrase[:1].isalnum() else ""
    after = r"(?![\w])" if phrase[-1:].isalnum() or phrase[-1:] == "." else ""
    return before + body + after


def _cue_regex(phrase: str) -> str:
    """A cue phrase; "de" also matches du/des/d', "à" au/aux, a hyphen a space or another hyphen."""
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
        body = re.escape(word).replace(r"\-", _HYPHEN).replace("'", _APOSTROPHE)
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
def compile_patterns(languages: tuple[str, ...]) -> Patterns:
    """The patterns for a set of vocabularies, compiled once per process."""
    return Patterns(languages)


class Patterns:
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
        self._build_local_currencies()

    def _vocabulary(self, key: str, default: Any) -> Any:
        value = merge_vocabularies(self.languages, key)
        return default if value is None else value

    def _build_fragments(self) -> None:
        cur = load_currencies()
        self.crypto = frozenset(cur["crypto"])
        # The kit's words win over CLDR's names ("Egyptian pounds", "livres égyptiennes", "Kenya shillings").
        words: dict[str, str] = {
            **{k: v for lang in self.languages for k, v in cldr_currency_words(lang).items()},
            **self._vocabulary("currency_words", {}),
        }
        local = load_local_currencies()
        # A country's own short marker ("R", "Sh", "LE") or bare unit name ("ariary"): its kind's
        # cues decide, see local_currencies.json ("national_markers").
        self._national: dict[str, str] = local["national"]
        self._national_codes = {kind: tuple(local["kinds"][kind]["countries"]) for kind in set(self._national.values())}
        national_symbols = {m: local["kinds"][k]["countries"] for m, k in self._national.items()}
        # A bare unit name that one currency alone has ("ariary", "ringgit", "cedis").
        words = {**national_unit_words(), **words}
        cldr_upper, cldr_title = cldr_codes()
        all_codes = {**cldr_upper, **cur["codes"]}
        # A code that spells a word ("MAD", "TRY") names its currency only in capitals right after
        # a number ("100.000 MAD"), never before one ("Mad 3", "TRY 10 times").
        word_codes = {c: c for c in cur["word_codes_after"] if c not in all_codes}
        scale_words: dict[str, int] = self._vocabulary("scale_words", {})
        abbreviations: dict[str, int] = cur["scale_abbreviations"]
        # "15.300,6 MDT", "475 MMDH": a suffix that holds a scale and a currency.
        scaled: dict[str, list] = cur.get("scaled_suffixes", {})
        self._suffix_scales = {k: int(v[1]) for k, v in scaled.items()}
        self._currencies: dict[str, str] = {
            **{m: next(iter(codes)) for m, codes in national_symbols.items()}, **cldr_title,
            **cur["symbols"], **cur["locale_prefixed_symbols"], **cur["prefixed_symbols"], **all_codes,
            **word_codes, **{_squash(k): v for k, v in cur["suffixed_symbols"].items()},
            **{k: v[0] for k, v in scaled.items()},
            **{_squash(k).lower(): v for k, v in words.items()},
        }
        self._scales = {**abbreviations, **{k.lower(): v for k, v in scale_words.items()}}
        self._scale_abbreviations = abbreviations
        self._big_scales = {k.lower(): Decimal(v) for k, v in scale_words.items() if v >= 1_000_000}
        # "1 million 700 mille dollars", "1 milliard 200 millions de FCFA": a whole number of a big scale
        # right before an amount is its first part.
        self.leading_scale = re.compile(
            rf"(?<![\w.,])(\d{{1,3}})\s+({_alternation(self._big_scales)})\s+\Z", re.IGNORECASE
        ) if self._big_scales else re.compile(r"(?!)")

        symbols = _alternation(cur["symbols"])
        prefixes = {**cur["locale_prefixed_symbols"], **cur["prefixed_symbols"]}
        prefixed = _alternation(prefixes)
        # One letter must touch its digits ("R10 million", not "R 2"); a longer marker may stand a space before.
        letters = [m for m in national_symbols if len(m) == 1]
        longer = {m: c for m, c in national_symbols.items() if len(m) > 1}
        national = rf"(?:{_alternation(letters) or '(?!)'})(?=\d)|(?:{_alternation(longer) or '(?!)'})"
        # A code with one capital ("Ugx 20 million", "Kes 70,000") only before its number.
        title = rf"(?:{_alternation(cldr_title)})(?=[ \u00a0]?\d)"
        suffixed = "|".join(
            re.escape(s).replace(r"\ ", r"\s?")
            for s in sorted([*cur["suffixed_symbols"], *scaled], key=len, reverse=True)
        )
        codes = _alternation(all_codes)
        # A three-letter fiat code may touch its digits ("USD50,000", "GBP5,000"); a
        # crypto ticker may not ("ETH2" is a name). One width, so it can look behind.
        glued = sorted(c for c in all_codes if len(c) == 3 and c.isalpha() and all_codes[c] not in self.crypto)
        # So may a prefix that ends in a letter ("RM69,555", "Dh180 million", "Rs5,000"): one
        # look-behind per width.
        widths: dict[int, list[str]] = {}
        for symbol in [*glued, *cldr_title, *national_symbols,
                       *(s for s in prefixes if s[-1:].isalpha() and " " not in s)]:
            widths.setdefault(len(symbol), []).append(re.escape(symbol))
        self._glued_code = "|".join(
            rf"(?<=(?<![\w])(?:{'|'.join(sorted(set(group)))}))" for _, group in sorted(widths.items())
        ) or r"(?!)"
        word_alt = "|".join(_word_regex(w) for w in sorted(words, key=len, reverse=True))
        # "40.000DH", "5000FCFA": after its digits, a currency abbreviation in capitals may touch them.
        suffix_alt = "|".join(_word_regex(w, glued=w.isupper()) for w in sorted(words, key=len, reverse=True))
        # "2021 $5m": the "$" belongs to 5m, unless that number has a symbol of its own after
        # it: "1 personne 31 250 € 23 688 €" (a table row) is two amounts written "31 250 €".
        gap = "[ \u00a0\u202f\u2009]"
        no_number = (
            rf"(?!{gap}?\d(?>[\d.,]*(?:{gap}\d[\d.,]*)*)(?!{gap}?(?:(?:{suffixed})(?![\w])|(?:{symbols}))))"
        )
        self._scale = (
            rf"(?i:{_alternation(scale_words)})(?![\w])|(?:{_alternation(abbreviations)})(?![\w])"
        )
        self._prefixed, self._codes = prefixed, codes
        self._cur_prefix = (
            rf"(?<![\w.$])(?:{prefixed})|(?:{symbols})|(?<![\w])(?:{codes})(?![A-Za-z])"
            rf"|(?<![\w.$])(?:{national})|(?<![\w])(?:{title})"
        )
        self._cur_suffix = (
            rf"(?:(?:{suffixed})(?![\w])|(?:{symbols})){no_number}"
            rf"|(?:{codes})(?![\w]){no_number}"
            rf"|(?:{_alternation(word_codes) or '(?!)'})(?![\w]){no_number}"
            rf"|(?i:{suffix_alt})"
        )
        self._cur_word = rf"(?:{codes})(?![\w])|(?i:{word_alt})"
        # "$100 USD", "$50 CAD": a fiat code (those that may touch digits) after an amount written
        # with a shared symbol names its currency.
        self.code_after = re.compile(rf"[ \u00a0]?({'|'.join(glued)})(?![\w])")
        # "$263 million dollars": the shared marker written again, as a plural word, after the amount;
        # a singular is an adjective of the noun after it ("a $700 million dollar settlement").
        marker_words = _alternation(w for w in local["markers"] if w.isalpha() and w.endswith("s"))
        self._marker_words = marker_words
        self.marker_after = re.compile(rf"[ \u00a0]+((?i:{marker_words}))(?![\w])")

        # "millions de dollars", "millions d'euros", "millions of dollars".
        connectors: list[str] = self._vocabulary("currency_connectors", [])
        spaced = [c for c in connectors if not c.endswith("'")]
        elided = [c[:-1] for c in connectors if c.endswith("'")]
        inner = ([rf"(?:{_alternation(spaced)})\s+"] if spaced else []) + (
            [rf"(?:{_alternation(elided)})['’]\s*"] if elided else []
        )
        self._inner_connector = "|".join(inner) or r"(?!)"
        self._connector = rf"\s+(?:{self._inner_connector})|\s*"
        # "5 000 000 de francs CFA": digits of whole millions take "de" as their scale word would.
        self._million_connector = rf"(?<=\d[ \u00a0\u202f\u2009.]000[ \u00a0\u202f\u2009.]000)\s+(?:{self._inner_connector})"

        number_words: dict[str, int] = self._vocabulary("number_words", {})
        multiplying: dict[str, int] = self._vocabulary("multiplying_words", {})
        self._number_words = {k.lower(): Decimal(v) for k, v in {**number_words, **multiplying}.items()}
        self._articles = frozenset(self._vocabulary("number_articles", []))
        self._halves = frozenset(self._vocabulary("number_half_words", []))
        self._joiners = frozenset(self._vocabulary("number_joiners", []))
        counting = _alternation(w for w in self._number_words if w not in self._articles)
        self._counting = rf"(?<![\w])(?i:{counting})(?![\w])" if counting else r"(?!)"

        # "Section 271 DA of the Income Tax Act", "l'article 12 DA": a number after a reference word
        # names a provision, whatever letters follow it.
        references = _cue_alternation(self._vocabulary("reference_words", []))
        self._reference_before = re.compile(rf"(?<!\w)(?:{references})\s*\Z", re.IGNORECASE)
        nouns = _cue_alternation(self._vocabulary("count_nouns", []))
        self._count_after = re.compile(rf"[ \u00a0\u202f\u2009]+(?:{nouns})", re.IGNORECASE)
        units: dict[str, list[str]] = self._vocabulary("not_money_before", {})
        self._unit_contexts = {
            word.lower(): re.compile(rf"\s+(?:{_cue_alternation(after)})", re.IGNORECASE)
            for word, after in units.items()
        }

    def _build_amounts(self) -> None:
        """Digits with a currency before ("US$700 million") or after ("200 millions de dollars")."""
        sp, scale = SPACE, self._scale
        # "100.000 (cent mille) dirhams", "cinq millions (5.000.000) de francs CFA": the number
        # written again in brackets, in words after digits or in digits after words.
        number_words = _alternation(w for w in [*self._number_words, *self._big_scales] if w not in self._articles)
        written = rf"(?i:(?:{number_words})(?:[\s-]+(?:{number_words}))*)(?![\w])"
        self._restated_words = rf"(?:{sp}?\({written}\)(?:{self._connector}))"
        self._restated_digits = rf"(?:{sp}?\({NUMBER}\))"
        self.numeric = re.compile(
            rf"(?P<a_cur>{self._cur_prefix}){sp}?(?P<a_num>(?:(?<![\w/])|{self._glued_code}){NUMBER_BODY})"
            rf"(?:(?:{sp}?|-)(?P<a_scale>{scale}))?"
            rf"|(?P<b_num>{NUMBER})(?:(?:{sp}?|-)(?P<b_scale>{scale})(?:{self._connector})|{self._million_connector})?"
            rf"{self._restated_words}?{sp}?(?P<b_cur>{self._cur_suffix})"
        )

    def _build_written_numbers(self) -> None:
        """Written numbers: "trois millions d'euros", "half a billion dollars"."""
        words = _alternation(list(self._number_words) + list(self._big_scales) + list(self._halves))
        word = rf"(?:{words})(?![\w])"
        self._number_token = re.compile(rf"(?<![\w])(?i:{word})")
        self.written = WrittenNumbers(
            number_words=self._number_words,
            big_scales=self._big_scales,
            articles=self._articles,
            halves=self._halves,
            joiners=self._joiners,
        )
        joiners = _alternation(self._joiners)
        joiner = rf"(?:\s+|-)(?:(?:{joiners})(?:\s+|-))?" if joiners else r"(?:\s+|-)"
        # "douze (12) millions FCFA", "five (5) million dollars": the count written again in
        # brackets between the number word and its scale; the digits give the number, the word the scale.
        big = _alternation(self._big_scales)
        restated_count = rf"(?:{SPACE}?\((?P<c_digits>\d{{1,3}})\){SPACE}+(?P<c_scale>(?i:{big}))(?![\w]))"
        self.words = re.compile(
            rf"(?<![\w-])(?P<c_words>(?i:{word}(?:{joiner}{word})*)(?![\w]){restated_count}?)(?![\w])"
            rf"{self._restated_digits}?(?:{self._connector})(?P<c_cur>{self._cur_suffix})"
        )
        # "de deux (2) à trois (3) millions": a number word and its digits in brackets, the left end of a range.
        self._restated_count_word = rf"(?i:{word}(?:{joiner}{word})*)"
        # "Dirhams Fifty Million", "AED five million": a currency written first, then a number in
        # words that ends in a scale of a million or more ("USD five thousand" is left alone).
        # ... or in lakhs ("rupees ten lakhs"), the scale South Asian texts write first after thousands.
        lakhs = [w for w, v in self._number_words.items() if v == 100_000]
        big = rf"(?:{_alternation([*self._big_scales, *lakhs])})(?![\w])"
        self.words_after_currency = re.compile(
            rf"(?P<e_cur>(?<![\w.$])(?:{self._prefixed})|(?<![\w])(?:{self._codes})(?![A-Za-z])|(?<![\w])(?i:{self._marker_words})(?![\w]))\s+"
            rf"(?P<e_words>(?i:{word}(?:{joiner}{word})*?{joiner}{big}))(?![\w])"
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
        # "jusqu'à 50 000, voire 75 000 euros": an alternative shares the currency, no intro needed.
        self.range_alternatives = frozenset(w.lower() for w in ranges.get("alternatives", []))
        intro = ranges.get("intro", [])
        self.range_between = frozenset(w.lower() for w in intro) & {"entre", "between"}
        words = [w for w in self.range_to | self.range_and | self.range_alternatives if w.isalpha()]
        conj = rf"(?:{_alternation(self.range_dash) or '(?!)'})|(?i:{_alternation(words) or '(?!)'})(?!\w)"
        intro_alt = rf"(?i:{_alternation(intro)})(?!\w)" if intro else r"(?!)"
        number = rf"(?P<num>{NUMBER})(?:(?:{SPACE}?|-)(?P<scale>{self._scale}))?"
        alternative = rf"|,\s*(?i:{_alternation(self.range_alternatives)})(?!\w)" if self.range_alternatives else ""
        # "de deux (2) à trois (3) millions": the left end's number word, its digits in brackets.
        bracketed = rf"(?:(?<![\w-])(?P<words>{self._restated_count_word}){SPACE}?\()?"
        number_left = rf"{bracketed}(?P<num>{NUMBER})(?(words)(?P<close>\)))(?:(?:{SPACE}?|-)(?P<scale>{self._scale}))?"
        self.left_partner = re.compile(
            rf"(?:(?P<intro>{intro_alt})\s+)?{number_left}\s*(?P<conj>{conj}{alternative}|,)\s*\Z"
        )
        self.right_partner = re.compile(
            rf"\s*(?P<conj>{conj})\s*{number}(?!\s*(?:%|(?i:percent|pour\s*cent|per\s*cent)))"
        )
        self.intro_before = re.compile(rf"(?P<intro>{intro_alt})\s*\Z")

    def _build_cues(self) -> None:
        """Threshold and approximation cues, and what may sit between a cue and its amount."""
        threshold: dict[str, list[str]] = self._vocabulary("threshold", {})
        approximate: dict[str, list[str]] = self._vocabulary("approximate", {})
        self._comparisons = threshold.get("above_before", []) + threshold.get("below_before", [])
        # "more cash than £1,000", "lower limits for cash payments than €10,000": a comparison
        # split by its noun phrase, a few words with no digit or stop.
        split: dict[str, list[str]] = self._vocabulary("split_comparisons", {})
        than = _cue_alternation(split.get("than", []))
        # The noun phrase holds no other comparison, no word that joins or breaks clauses
        # ("$1,000 or more but less than $10,000") and no partitive ("more of the cash than $1,000 would buy").
        stops = _cue_alternation([*split.get("above", []), *split.get("below", []), *split.get("than", []),
                                  *split.get("not_in_noun", []),
                                  *self._vocabulary("coordination", []),
                                  *(b for b in self._vocabulary("clause_breaks", []) if b[:1].isalpha())])
        noun = rf"(?:\s+(?!(?:{stops})(?!\w))[^\W\d_]+(?:['’-][^\W\d_]+)*){{1,{int(split.get('max_words', 1))}}}\s+"
        split_above = rf"|(?:{_cue_alternation(split['above'])}){noun}(?:{than})" if split.get("above") else ""
        split_below = rf"|(?:{_cue_alternation(split['below'])}){noun}(?:{than})" if split.get("below") else ""
        # "ne peut bénéficier que de 200.000 euros": negation, modal, up to two words, "que".
        restrictive: dict[str, list[str]] = self._vocabulary("restrictive", {})
        modals = _cue_alternation(self._vocabulary("negation_modals", []))
        only = "|".join(re.escape(w).replace("'", _APOSTROPHE) for w in restrictive.get("only", []))
        restrict = (
            rf"|(?:{'|'.join(re.escape(n).replace(chr(39), _APOSTROPHE) for n in restrictive['negations'])})\s*"
            rf"(?:{modals})(?:\s+[^\W\d_]+){{0,2}}\s+(?:{only})"
        ) if restrictive.get("negations") and only else ""
        self.cues = re.compile(
            rf"(?P<neutral>{_cue_alternation(threshold.get('neutral_before', []))})"
            rf"|(?P<below>{_cue_alternation(threshold.get('below_before', []))}{split_below}{restrict})"
            rf"|(?P<above>{_cue_alternation(threshold.get('above_before', []))}{split_above})"
            rf"|(?P<cap>{_cue_alternation(threshold.get('cap_before', []))})"
            rf"|(?P<floor>{_cue_alternation(threshold.get('threshold_before', []))})"
            rf"|(?P<approx>{_cue_alternation(approximate.get('before', []))})",
            re.IGNORECASE,
        )
        # "le seuil de 50 000 dinars pour les retraits": a threshold of withdrawals caps them.
        withdrawals = _cue_alternation(threshold.get("threshold_cap_after", []))
        units = _cue_alternation(self._vocabulary("unit_words", []))
        self.threshold_cap_after = re.compile(
            rf"\s*(?:(?:{units})\s+[^\W\d_]+\s*)?(?:{withdrawals})(?!\w)" if withdrawals else r"(?!)", re.IGNORECASE
        )
        # "abaisse de 3 000 à 1 000 euros le plafond": a new value set before the verb's object.
        objects: dict[str, list[str]] = self._vocabulary("object_after", {})
        object_links = _cue_alternation(objects.get("links", []))
        self.object_link_before = re.compile(rf"(?i:(?<!\w)(?:{object_links}))\s*$" if objects else r"(?!)")
        self.object_after = re.compile(
            rf"\s*(?:(?P<below>{_cue_alternation(objects.get('below', []))})|(?P<above>{_cue_alternation(objects.get('above', []))}))"
            if objects else r"(?!)", re.IGNORECASE,
        )
        # "les conventions internationales ont fixé à 10 000 euros, la limite de l'argent liquide": after a
        # setting participle, the object may follow a comma.
        set_by = _cue_alternation(self._vocabulary("far_links", {}).get("participles", []))
        self.object_set_before = re.compile(
            rf"(?i:(?<!\w)(?:{set_by})\s+(?:{object_links}))\s*$" if objects and set_by != r"(?!)" else r"(?!)")
        self.object_after_comma = re.compile(rf"\s*,{self.object_after.pattern}" if objects else r"(?!)", re.IGNORECASE)
        negations: list[str] = self._vocabulary("negations", [])
        negation = "|".join(
            (r"(?<!\w)" if n[:1].isalnum() and "'" not in n else "")
            + re.escape(n).replace("'", _APOSTROPHE)
            + (r"(?!\w)" if n[-1:].isalnum() else "")
            for n in sorted(negations, key=len, reverse=True)
        ) or r"(?!)"
        self.negation = re.compile(negation, re.IGNORECASE)
        self.negation_before = re.compile(rf"(?:{negation})(?:\s+[^\W\d_]+){{0,2}}\s*\Z", re.IGNORECASE)
        # "payer sans contact au-delà de 50 euros": a fixed phrase negates nothing.
        self._not_negation = re.compile(_cue_alternation(self._vocabulary("not_negations", [])), re.IGNORECASE)
        # A forbidden act ("ne peuvent pas y déposer plus de", "cannot accept deposits
        # exceeding"): a modal by the negation and a verb of its own between it and the
        # comparison. The comparison then names the banned side and is not flipped.
        self.negation_modals = frozenset(w.lower() for w in self._vocabulary("negation_modals", []))
        self.negation_links = frozenset(w.lower() for w in self._vocabulary("negation_links", []))

        # Between a cue and its amount: fillers ("la valeur de"), a prison term before
        # the fine ("jusqu'à 5 ans de prison et 500 000 €"), and at most one other word
        # before de/of ("limités à des dépôts de 10 000 euros").
        fillers = _cue_alternation(self._vocabulary("fillers", []) + approximate.get("before", []))
        filler = rf"\s*(?:{fillers}|[«\"“])"
        clauses = _cue_alternation(self._vocabulary("clauses_before", []))
        # "up to 2 years imprisonment and a $25,000 fine", "jusqu'à 3 ans de réclusion et 45 000 euros":
        # a prison term of any length, unit and wording, then the word that joins the fine.
        terms: dict[str, list[str]] = self._vocabulary("prison_terms", {})
        if terms.get("units"):
            clauses += (
                rf"|(?:{_cue_alternation(terms['units'])})\s*(?:(?:{_cue_alternation(terms.get('links', []))})\s*)?"
                rf"(?:{_cue_alternation(terms['words'])})\s+(?:{_cue_alternation(terms['joins'])})"
            )
        # "jusqu'à 2 % du CA et 10 millions d'euros", "up to 4% of turnover or €20 million": a
        # share of something, coordinated with the amount, is under the same cue.
        share_of = _cue_alternation(self._vocabulary("share_of", []))
        coordination_words = _cue_alternation(self._vocabulary("coordination", []))
        share = (
            rf"|\s*\d+(?:[.,]\d+)?\s*%\s+(?:{share_of})\s*(?:[^\W\d_]+(?:['’-][^\W\d_]+)*\s+){{1,6}}?"
            rf"(?:{coordination_words})\s+"
        )
        clause = rf"\s*(?:\d+|{self._counting})\s+(?:{clauses}){share}"
        # "above the Western-set price of $60": a compound modifier may stand before that word.
        word = r"[^\W\d_]+(?:-[^\W\d_]+)*"
        any_word = rf"\s*(?:[^\W\d_][^\W_]*(?:-[^\W_]+)+\s+)?{word}\s+(?:{self._inner_connector})"
        self.filler_tail = re.compile(
            rf"(?:{filler})*(?:{clause})?(?:{filler})*(?:{any_word}(?:{filler})*)?\s*", re.IGNORECASE
        )

        # "une somme dépassant même d'un cent les 10.000 euros": a margin after a comparison.
        margins = _cue_alternation(self._vocabulary("comparison_margins", []))
        self.margin_tail = re.compile(rf"(?:\s*(?:{margins})(?!\w)){{1,2}}(?:{filler})*\s*", re.IGNORECASE)
        # "over the daily $1,000 limit": a comparison before a limit's amount, over up to two of the limit's words.
        self.limit_tail = re.compile(rf"(?:{filler})+(?:\s*[^\W\d_]+(?:-[^\W\d_]+)*){{1,2}}\s*", re.IGNORECASE)
        # "(AED 50,000) fifty thousand dirhams": a bracketed amount written out again after it.
        self.bracket_close = re.compile(r"\s*\)\s*")

        # "doit au moins verser 10 euros": after an adverb cue, one infinitive may come first.
        self.adverb_cues = frozenset(_squash(c).lower() for c in self._vocabulary("adverb_cues", []))
        endings = _alternation(self._vocabulary("verb_endings", [])) or r"(?!)"
        self.verb_tail = re.compile(rf"\s+[^\W\d_]+(?:{endings})\s+(?:{filler})*\s*", re.IGNORECASE)

        # A cue written as an abbreviation ("max.", "approx.", "env.") ends with a
        # stop that sentence splitters take for the end of the sentence.
        abbreviations = [c for c in self._comparisons + approximate.get("before", []) if c.endswith(".")]
        self.abbreviation_end = re.compile(rf"(?:{_cue_alternation(abbreviations)})\s*\Z", re.IGNORECASE)

        # A cap verb and its object: "capped Russian oil at $60".
        links = _cue_alternation(self._vocabulary("cap_links", []))
        self.cap_tail = re.compile(
            rf"(?:\s+[^\W\d_]+(?:['’-][^\W\d_]+)*){{1,6}}\s+(?:{links}){filler}*\s*", re.IGNORECASE
        )

        # After the amount: "or more", "au maximum", "$60-a-barrel price cap", "environ",
        # in brackets too: "a $60 per barrel (“Price Cap”) cap".
        units = _cue_alternation(self._vocabulary("unit_words", []))
        unit = rf"(?:-(?:{units})-[^\W\d_]+|\s+(?:{units})\s+[^\W\d_]+)"
        # A bracketed aside may come first: "la relève à 50 euros (contre 30 auparavant) du plafond".
        # "10 000 euros en espèces ou plus", "$10,000 in cash or more": the means of payment may come first.
        gap = _cue_alternation(threshold.get("after_gap", []))
        # "€10,000 becomes the maximum allowed threshold": the amount as the subject of the cue noun, its
        # own noun between ("P500,000 single transaction is the threshold").
        copula = _cue_alternation(threshold.get("after_copulas", []))
        # "The current $325,000 civil penalty cap": one or two lowercase words before the cap noun, so
        # long as they name no market value ("a $50 billion market cap" is no ceiling).
        heads = _cue_alternation(threshold.get("cap_after_heads", []))
        not_before = _cue_alternation(threshold.get("cap_after_not", []))
        headed_cap = (
            rf"|(?<!,\s)(?<![,(\"“«])(?!(?:{not_before})\b)(?:[a-z][a-z-]+\s+){{1,2}}(?:{heads})(?![\w-])" if heads else ""
        )
        # "a $1,000 per person per day limit": several units may stand before the cue.
        self.after_cues = re.compile(
            rf"(?:{unit}){{0,3}}(?:\s+(?:{gap}))?(?:(?:\s+[a-z][a-z-]+){{0,2}}?\s+(?:{copula}))?(?:\s*\([^()\n]{{1,40}}\))?\s*,?\s*\(?\s*[\"“”«]?\s*(?:(?P<above>{_cue_alternation(threshold.get('above_after', []))})"
            rf"|(?P<below>{_cue_alternation(threshold.get('below_after', []))})"
            rf"|(?P<cap>{_cue_alternation(threshold.get('cap_after', []))}{headed_cap})"
            rf"|(?P<floor>{_cue_alternation(threshold.get('threshold_after', []))})"
            rf"|(?P<approx>{_cue_alternation(approximate.get('after', []))}))",
            re.IGNORECASE,
        )

        # "jusqu'à 20 mille dinars ou plus", "up to $5,000 or more": a bound joined right after the amount
        # ("or more", "ou moins") closes it and outweighs a comparison before it.
        bounds = [c for c in (*threshold.get("above_after", []), *threshold.get("below_after", []))
                  if c.split()[0].lower() in {"or", "and", "ou", "et"}]
        self.closing_bound = re.compile(
            rf"(?:{unit}){{0,3}}(?:\s+(?:{gap}))?\s+(?:{_cue_alternation(bounds)})(?![\w])(?!\s+(?:to|à)\b)"
            if bounds else r"(?!)",
            re.IGNORECASE,
        )

        # "N100,000 and N500,000 as the maximum limits": two amounts joined by "and" or "or" alone.
        self.plain_coordination = re.compile(
            rf"\s*,?\s+(?:{_cue_alternation(self._vocabulary('coordination', []))})\s+", re.IGNORECASE)
        # "from Ksh.150,000 to a maximum of Ksh.250,000": the change's "to" and the new value's own cue.
        ranges_to = _cue_alternation(self._vocabulary("ranges", {}).get("to", []))
        comparisons = _cue_alternation([*threshold.get("above_before", []), *threshold.get("below_before", [])])
        self.change_to_bound = re.compile(
            rf"(?:{unit})?\s*(?:{ranges_to})\s+(?:{comparisons})\s*" if ranges_to and comparisons else r"(?!)",
            re.IGNORECASE)
        intro = _cue_alternation(self._vocabulary("ranges", {}).get("intro", []))
        self.change_opening = re.compile(rf"(?<![\w])(?:{intro})\s*\Z" if intro else r"(?!)", re.IGNORECASE)

        # "… $60 per barrel for crude and $100 for premium products": the second
        # amount shares the first one's threshold.
        coordination = _cue_alternation(self._vocabulary("coordination", []))
        # "ne peut dépasser 1 500€ (ou 3 000 € s'il y a récidive)": an alternative in brackets too;
        # "dans la limite de 430 euros (par avion) ou 300 euros": a bracketed aside after the first;
        # "fixé à 22 950 euros pour les particuliers et à 76 500 euros": the preposition repeated;
        # "augmentée à 30 euros en 2017 puis à 50 euros": a year among the words.
        links = "|".join(
            part for part in (self._inner_connector, _cue_alternation(self._vocabulary("coordination_links", []))) if part != r"(?!)"
        ) or r"(?!)"
        # "... for new customers to $2,000 per day and for existing customers to $10,500": a clause's own object first.
        clause_links = _cue_alternation(self._vocabulary("coordination_clause_links", []))
        clause = rf"(?:(?:for|pour|of|de)\s+(?:[^\W\d_]+\s+){{0,3}}(?:{clause_links})\s*)"
        # "2500€/an pour les cartes rechargeables et 250€": a rate's unit after the first.
        self.coordinated = re.compile(
            rf"(?:/[^\W\d_]+)?(?:\s*\([^()\n]{{1,60}}\))?(?:\s+(?:[^\W\d_]+(?:['’-][^\W\d_]+)*|\d{{4}})){{0,6}}"
            rf"\s*,?(?:\s+|\s*\(\s*)(?:{coordination})\s+(?:(?:{links})\s*|{clause})?"
            rf"(?:(?:{_cue_alternation(approximate.get('before', []))})\s*)?",
            re.IGNORECASE,
        )
        # "10 000 € (au 1er octobre 2018, contre 15 000 € avant)", "$12,856, up from $10,000":
        # an earlier or later value after a comma or a bracket, a few words in.
        bare = _cue_alternation(self._vocabulary("previous_links_bare", []))
        # "2,5 millions de FCFA par jour ..., 5 millions de FCFA par semaine ... et 10 millions de FCFA par mois".
        periods: dict[str, list[str]] = self._vocabulary("period_items", {})
        period_unit = rf"(?:(?:{_cue_alternation(periods.get('units', []))})(?!\w)\s*)"  # "par semaine", "per day"
        period_time = rf"(?:(?:{_cue_alternation(periods.get('before', []))})(?!\w)\s*)"  # "avant", "previously"
        separators = "|".join(re.escape(s) if not s[:1].isalnum() else rf"(?<!\w){re.escape(s)}(?!\w)"
                              for s in periods.get("separators", [])) or r"(?!)"
        self.period_after = re.compile(rf"\s*{period_unit}", re.IGNORECASE) if periods else None
        self.period_between = re.compile(rf"\s*{period_unit}?{period_time}?(?:{separators})\s*", re.IGNORECASE) if periods else None
        # "5 millions de FCFA par semaine contre 1,5 million de FCFA avant": an earlier value, a word of time after it
        self.period_earlier = re.compile(
            rf"\s*{period_unit}?(?:{_cue_alternation(periods['earlier'])})\s*", re.IGNORECASE) if periods.get("earlier") else None
        self.period_time_after = re.compile(rf"\s*{period_time}", re.IGNORECASE) if periods else None
        self.previous_value = re.compile(
            rf"[^.;!?\n]{{0,120}}(?:[,(—–]\s*(?:{_cue_alternation(self._vocabulary('previous_links', []))})(?:\s+(?:les|le|la|the))?|\s(?:{bare}))\s*\Z",
            re.IGNORECASE,
        )
        # "the penalty is the greater of $25,000 or the amount": at least $25,000, unless capped.
        greater = _cue_alternation(self._vocabulary("threshold", {}).get("greater_of", []))
        self.greater_of = re.compile(rf"(?:{greater})\s*\Z", re.IGNORECASE)
        # "... to $1,333,312; the AEDPA to the greater of $76,351 ...; and the CDTA to $13,066":
        # the items of a list after a semicolon, each with the same link before its amount.
        items: dict[str, list[str]] = self._vocabulary("list_items", {})
        self.list_item_link = re.compile(
            rf"(?<!\w)(?:{_cue_alternation(items.get('links', []))})\s*(?:(?:{greater})\s+)?\Z", re.IGNORECASE)
        self.list_item_separator = re.compile(_cue_alternation(items.get("separators", [])), re.IGNORECASE)
        self.list_item_words = int(items.get("max_words", 0))
        # "... : 2.500 euros pour les résidents, 15.000 euros pour ...": the first item opens after a colon.
        self.list_item_opening = re.compile(rf"(?::|{_cue_alternation(items.get('separators', []))})\s*\Z", re.IGNORECASE)
        self.list_item_tail = re.compile(rf"[^;.!?\n]{{1,{LIST_ITEM_CHARS}}}\Z")
        # "the price cap was lowered to $47.60 from $60": the old value after the new one.
        change: dict[str, list[str]] = self._vocabulary("change_links", {})
        self.change_to = re.compile(
            rf"(?<!\w)(?:{_cue_alternation(change.get('to', []))})\s*\Z", re.IGNORECASE)
        self.change_from = re.compile(
            rf"(?:{unit})?,?\s+(?:{_cue_alternation(change.get('from', []))})\s*\Z", re.IGNORECASE)
        # "penalties now capped at US$500,000 ... will increase to US$1,094,010": the cap's new value.
        changed: dict[str, list[str]] = self._vocabulary("changed_to", {})
        self.changed_to = re.compile(
            rf"(?<!\w)(?:{_cue_alternation(changed.get('verbs', []))})\s+(?:{_cue_alternation(changed.get('links', []))})\s*\Z",
            re.IGNORECASE,
        ) if changed.get("verbs") else re.compile(r"(?!)")
        # "Fixé à cinq millions de francs CFA, ..., le seuil ... est porté à 10 millions": a participle
        # that opens the sentence sets the value of the cap or threshold that is its subject after a comma.
        fronted: dict[str, list[str]] = self._vocabulary("fronted_participles", {})
        self.fronted_participle = re.compile(
            rf"[\s«\"“]*(?:{_cue_alternation(fronted.get('participles', []))})(?:{filler})*\s*\Z", re.IGNORECASE)
        self.fronted_subject = re.compile(
            rf",\s*(?:(?P<below>{_cue_alternation(fronted.get('below', []))})|(?P<above>{_cue_alternation(fronted.get('above', []))}))(?!\w)",
            re.IGNORECASE,
        )
        # "Cette limite de 430 euros s'applique ..., et s'abaisse à 300 euros": a joined
        # clause whose verb has no subject of its own continues the previous threshold.
        continued: dict[str, list[str]] = self._vocabulary("continued", {})
        joins = "|".join(re.escape(j).replace(r"\ ", r"\s*") for j in continued.get("joins", [])) or r"(?!)"
        subjects = _cue_alternation(continued.get("subjects", []))
        self.continued = re.compile(
            rf"(?:{joins})\s*(?:(?:{subjects})\s+)?(?:{_cue_alternation(continued.get('verbs', []))})\s+(?:à|au)\s*\Z",
            re.IGNORECASE,
        )
        # "Le plafond de la dotation ... double, et passe de 200.000 à 400.000 dirhams": a joined
        # clause whose verb has no subject of its own keeps the cap word before it as its subject.
        self.continued_clause = re.compile(
            rf"(?:{joins})\s*(?:{_cue_alternation(continued.get('verbs', []))})(?!\w)", re.IGNORECASE)
        # A cap or threshold word further away, in the same clause: "la valeur monétaire
        # maximale stockée sur la carte est fixée à 10 000 euros". See ``far_cue`` below.
        far: dict[str, list[str]] = self._vocabulary("far_cues", {})
        # "below_lowercase": cap verbs that a capital makes part of a company's name ("... (UK) Limited").
        # "si la limite de 200 millions d'euros par jour est dépassée": up to five words (no digits,
        # no clause break) and a passed-ceiling phrase after the amount.
        exceeded = _cue_alternation(self._vocabulary("exceeded_after", []))
        self.exceeded_after = re.compile(
            rf"(?:[ \t\u00a0]+[^\W\d][\w'’-]*){{0,5}}?[ \t\u00a0]+(?:{exceeded})(?![\w])", re.IGNORECASE
        ) if exceeded else None
        self.far_cues = re.compile(
            rf"(?P<below>{_cue_alternation(far.get('below', []))}"
            rf"|(?-i:{_cue_alternation(far.get('below_lowercase', []))}))"
            rf"|(?P<above>{_cue_alternation(far.get('above', []))})"
            rf"|(?P<range_above>{_cue_alternation(far.get('range_above', []))})",
            re.IGNORECASE,
        )
        # "puni de 5 ans d'emprisonnement et de 375 000 euros d'amende": the fine the law
        # sets is its maximum. See ``statutory_penalty`` of the component.
        penalty: dict[str, list[str]] = self._vocabulary("statutory_penalty", {})
        self.penalty_before = re.compile(_cue_alternation(penalty.get("before", [])), re.IGNORECASE)
        self.penalty_after = re.compile(rf"\s*(?:{_cue_alternation(penalty.get('after', []))})", re.IGNORECASE)
        # "passible d'une amende pénale de 75 000 €": the fine noun before the amount, a few words
        # after the penalty word, then "de" right before the amount.
        fine_before = penalty.get("fine_before", {})
        fines = fine_before.get("fines", [])
        # "punishable by three years' imprisonment and a fine of €150,000", "sont punies d'un
        # emprisonnement d'un an et d'une amende de 3 750 euros": a prison term may come first.
        prison = fine_before.get("prison", {})
        prison_term = (
            rf"|(?:\S+\s+){{0,6}}?(?:{_cue_alternation(prison['words'])})(?:\s+\S+){{0,6}}?\s+"
            rf"(?:{_cue_alternation(prison['joins'])})\s+(?:(?:{_cue_alternation(prison['articles'])})\s*)?"
        ) if prison.get("words") else ""
        faced = rf"|(?:{_cue_alternation(prison['faced'])})\s+{prison_term[1:]}" if prison_term and prison.get("faced") else ""
        # "The maximum penalty upon conviction is a fine of $1 million": a few words, then the fine
        # noun with its article.
        articles = _cue_alternation(prison.get("articles", []))
        article = rf"(?:(?:{articles})\s+)?" if articles else ""
        self.penalty_fine_before = re.compile(
            rf"(?:(?:{_cue_alternation(fine_before.get('words', []))})\s+(?:(?:\S+\s+){{0,4}}?{prison_term}){faced})"
            rf"(?:[dl]['’]\s*)?{article}(?:{_cue_alternation(fines)})"
            rf"(?:\s+\w+)?\s+(?:{_cue_alternation(fine_before.get('links', ['de']))})\s*\Z",
            re.IGNORECASE,
        ) if fines else None
        # "Ces peines sont portées à dix ans d'emprisonnement et 750 000 euros": after a penalty
        # word and a prison term, the amount joined to the term is the fine, its noun unsaid.
        self.penalty_prison_before = re.compile(
            rf"(?:{_cue_alternation(fine_before.get('words', []))})\s+{prison_term[1:]}\Z", re.IGNORECASE
        ) if prison_term else None
        # "le seuil a été abaissé de 1 000 à 500 euros", "the threshold from $3,000 to $250":
        # the words before the first end of a range end in its opening word.
        # "imposed limits on the amount of cash ... from the current $5 000 to $1 000": fillers may follow it.
        self.range_link = re.compile(
            rf"(?:{_cue_alternation(self._vocabulary('range_links', []))})(?:{filler})*\s*\Z", re.IGNORECASE
        )
        links: dict[str, list[str]] = self._vocabulary("far_links", {})
        verbs = _cue_alternation(links.get("verbs", []))
        participles = _cue_alternation(links.get("participles", []))
        # "avec un plafond à fixer entre 100.000 et 150.000 DH": a value still to be set.
        infinitives = _cue_alternation(links.get("infinitives", []))
        nouns = _cue_alternation(links.get("nouns", []))
        # French links its verb with à/de ("est fixé à", "est de"); English also
        # with nothing ("the price cap ... is 60 USD"): ``verb_alone``.
        to = _cue_alternation(links.get("to", ["à"]))
        of = _cue_alternation(links.get("of", ["de"]))
        between = _cue_alternation(links.get("between", []))
        adverbs = rf"(?:\s+(?:{_cue_alternation(links.get('adverbs', []))}))*"
        alone = rf"|(?:{verbs}){adverbs}\s+(?:(?:{participles})\s+)?" if links.get("verb_alone") else ""
        # "que le minimum requis soit 40.000 DH": a verb that needs no link after it.
        if links.get("verbs_alone"):
            alone += rf"|(?<!\w)(?:{_cue_alternation(links['verbs_alone'])})\s+"
        restatements = _cue_alternation(links.get("restatements", []))
        # "The limited funds amounted to $5 million": a verb of sum right before the amount links no far cue.
        totals = _cue_alternation(links.get("totals", []))
        self.far_total = re.compile(rf"(?:{totals})(?:{filler})*\s*\Z", re.IGNORECASE)
        self.far_link = re.compile(
            rf"(?:(?:{verbs}){adverbs}\s+(?:(?:{participles}){adverbs}\s+)?(?:{to}|{of}|{between})|(?:{participles}|{infinitives}){adverbs}\s+(?:{to}|{between})"
            rf"|(?:{nouns})\s+{of}|{to}|\((?:\s*(?:{restatements}))?|,\s*(?:{restatements}){alone}"
            rf"|[«\"“][^«»\"“”\n]{{1,25}}[»\"”]\s+{of})"
            rf"(?:{filler})*\s*\Z",
            re.IGNORECASE,
        )
        # "Les seuils de déclaration d'espèces ... pour les voyageurs ... sont fixés à cinq millions":
        # a cap or threshold that opens the sentence as its subject reaches the verb that sets it.
        subject: dict[str, list[str]] = self._vocabulary("subject_cues", {})
        subject_parts = [rf"(?P<{kind}>{_cue_alternation(words)})" for kind, words in subject.items()
                         if kind in ("below", "above") and words]
        openers = _cue_alternation(subject.get("openers", []))
        self.subject_cue = re.compile(
            rf"[\s«\"“]*(?:(?:{openers})\s*,?\s*)?(?:{'|'.join(subject_parts)})(?!\w)" if subject_parts else r"(?!)",
            re.IGNORECASE,
        )
        # "Il est porté à la connaissance des voyageurs que ..., le seuil pour la déclaration ... est fixé à
        # cinq millions": the subject may open a clause after a comma too.
        self.subject_after_comma = re.compile(
            rf",\s*(?:{'|'.join(subject_parts)})(?!\w)" if subject_parts else r"(?!)", re.IGNORECASE
        )
        set_links = _cue_alternation(subject.get("links", []))
        self.subject_link = re.compile(rf"(?:{set_links})\s*\Z" if set_links else r"(?!)", re.IGNORECASE)
        breaks = _cue_alternation(b for b in self._vocabulary("clause_breaks", []) if not b.startswith(","))
        comma_breaks = _cue_alternation(b[1:].strip() for b in self._vocabulary("clause_breaks", []) if b.startswith(","))
        # A stop before a number is a reference, not the end of a clause: "prévu à
        # l'article L. 221-4 est fixé à", "art. 12".
        self.clause_break = re.compile(rf"\.(?!\s*\d)|[;!?\n]|:\s|,\s*(?:{comma_breaks})|(?:{breaks})", re.IGNORECASE)
        # "Plafond hebdomadaire : 300 €", "maximum par titre : entre 12,10 € et 14,52 €": a
        # colon right before the amount links a cap or floor word before it.
        self.colon_link = re.compile(rf":\s*(?:(?:{between})\s+)?\Z", re.IGNORECASE)
        # A list item ("- 1 000 €", "• 77 700 €") under a heading that ends with a colon.
        self.list_item = re.compile(r"[ \t\u00a0]*(?:[-•–—·*▪◦][ \t\u00a0]*)?")
        self.list_marker = re.compile(r"[ \t\u00a0]*[-•–—·*▪◦]")
        # "le plafond de 60 à 45 dollars": the two ends of a range share a cap; the first may carry
        # its unit ("the price cap ... from $60 per barrel to $45").
        range_to = _cue_alternation(self._vocabulary("ranges", {}).get("to", []))
        units = _cue_alternation(self._vocabulary("unit_words", []))
        self.range_ends = re.compile(rf"(?:\s+(?:{units})\s*[^\W\d_]+)?\s*(?:{range_to})\s*", re.IGNORECASE)
        # "Amende de 251 à 25 000 euros", "penalties ... anywhere from AED 50,000 to AED 5,000,000":
        # a fine or penalty noun, a few words, then the opener right before the range's lower end.
        ranges: dict[str, list[str]] = self._vocabulary("penalty_ranges", {})
        # A vocabulary without them gives patterns that never match, as everywhere in this class.
        self.penalty_range = re.compile(
            rf"(?<!\w)(?:{_cue_alternation(ranges.get('nouns', []))})(?!\w)(?P<between>[^\d]*?)"
            rf"(?<!\w)(?:{_cue_alternation(ranges.get('openers', []))})\s*\Z",
            re.IGNORECASE,
        )
        self.penalty_law = re.compile(
            rf"(?<!\w)(?:{_cue_alternation(ranges.get('laws', []))})(?!\w)", re.IGNORECASE
        )
        range_and = _cue_alternation(self._vocabulary("ranges", {}).get("and", []))
        self.penalty_range_ends = re.compile(rf"\s*(?:{range_to}|{range_and})\s*", re.IGNORECASE)

    def _build_links(self) -> None:
        """Conversions: "EUR 10 000 (10 900 USD)", "40 BTC, soit environ 1,2 million d'euros"."""
        self._build_references()
        conversion = _cue_alternation(self._vocabulary("conversion", []) + self._comparisons)
        inline = _cue_alternation(self._vocabulary("conversion_outside_brackets", []))
        self.conversion_open = re.compile(rf"\s*[(\[]\s*(?:(?:{conversion})\s*)*", re.IGNORECASE)
        self.conversion_close = re.compile(r"[^()\[\]\n]{0,40}?[)\]]")
        self.conversion_inline = re.compile(
            rf"\s*,?\s*(?:{inline})\s*(?:(?:{conversion})\s*)*", re.IGNORECASE
        )
        # "un seuil de 1 000 francs suisses, environ 997 dollars": after a comma, an
        # approximation in another currency converts the amount before it.
        about = _cue_alternation(self._vocabulary("conversion_other_currency", []))
        self.conversion_about = re.compile(rf"\s*,\s*(?:{about})\s*" if about else r"(?!)", re.IGNORECASE)
        # "300 M€ pour son yacht, soit 320 millions de dollars": a few words may sit
        # before the comma when the currency changes.
        self.conversion_after_words = re.compile(
            rf"(?:\s+[^\W\d_]+(?:['’][^\W\d_]+)?){{1,5}}\s*,\s*(?:{inline})\s*(?:(?:{conversion})\s*)*",
            re.IGNORECASE,
        )

    def _build_references(self) -> None:
        """Amounts that name again the rule of the one before: "cette somme est fixée à", "(20.000 dirhams pour les MRE)"."""
        announced = self._vocabulary("announced_lists", [])
        self.announcement = re.compile(rf"(?<!\w)(?:{_cue_alternation(announced)})(?!\w)", re.IGNORECASE) if announced else None
        # "Individuals: ZiG3 000; corporates: ZiG30 000; schools, hospitals and clinics: ZiG250 000 (monthly)"
        self.item_label = re.compile(r"(?:^|[;.:]\s*|\n\s*)[^\W\d][^\d;:.\n]{0,80}:\s*\Z")
        demonstrative = self._vocabulary("anaphoric_thresholds", [])
        self.anaphoric_threshold = re.compile(
            rf"(?<!\w)(?:{_cue_alternation(demonstrative)})(?!\w)", re.IGNORECASE) if demonstrative else None
        anaphoric = self._vocabulary("anaphoric_amounts", [])
        self.anaphora = re.compile(rf"(?<!\w)(?:{_cue_alternation(anaphoric)})(?!\w)", re.IGNORECASE) if anaphoric else None
        # "2.000 dirhams par voyageur (20.000 dirhams": a few words, then the bracket the amount opens.
        self.bracket_before = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){0,3}\s*\(\s*(?:(?:ou|or)\s+)?\Z", re.IGNORECASE)
        groups = _cue_alternation(self._vocabulary("bracket_alternatives", []))
        self.bracket_group_after = re.compile(rf"\s+(?:{groups})\s+[^()\n]{{1,50}}\)", re.IGNORECASE)
        reach: dict[str, Any] = self._vocabulary("conditional_reach", {})
        if reach.get("openers") and reach.get("verbs"):
            self.reach_verb = re.compile(
                rf"(?<!\w)(?:{_cue_alternation(reach['verbs'])})\s+(?:(?:les|le|la|un total de|the|a total of)\s+)?\Z",
                re.IGNORECASE)
            self.reach_opener = re.compile(rf"(?<![\w'’])(?:{_cue_alternation(reach['openers'])})(?!\w)", re.IGNORECASE)
            self.reach_words = int(reach.get("max_words", 8))
        else:
            self.reach_verb = self.reach_opener = None
            self.reach_words = 0

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
        # Phrases that hold a sanctions word and are about something else: the AMF's
        # "commission des sanctions", "sanctions pécuniaires" (a fine), "actifs immobilisés".
        # A duty to declare cash at a border or to customs ("declare any sums of cash ... to HMRC",
        # "déclarer vos capitaux à la douane"): a declaration word and a cash word in one sentence
        # that names no tax ("déclarer ses revenus").
        declarations: dict[str, list[str]] = self._vocabulary("sanctions_declarations", {})
        self.declaration_duty, self.declared_cash, self.declaration_exclusion = (
            re.compile(f"(?i:{_cue_alternation(declarations.get(part, []))})")
            for part in ("duties", "objects", "exclusions"))
        neutral = self._vocabulary("not_sanctions", [])
        self.not_sanctions = re.compile(f"(?i:{_cue_alternation(neutral)})" if neutral else r"(?!)")
        # A fine or penalty takes the context of the sentence before it (``sanctions_penalties``).
        self.sanctions_penalty = re.compile(
            rf"(?i:{_cue_alternation(self._vocabulary('sanctions_penalties', []))})")
        # A fine for money laundering punishes a breach of the anti-money-laundering law, though
        # the laundered sum is criminal proceeds: "penalised for money laundering. Penalties ... include".
        offences = self._vocabulary("sanctions_penalty_offences", [])
        self.penalty_offence = re.compile(f"(?i:{_cue_alternation(offences)})" if offences else r"(?!)")
        # "Breaches of sanctions are criminal offences. These carry fines of up to £1 million": a
        # sentence that opens by pointing back continues the sanctions context of the one before.
        continuations = _cue_alternation(self._vocabulary("sanctions_continuations", []))
        self.sanctions_continuation = re.compile(rf"[\s«\"“(\-–—•*]*(?i:{continuations})(?!\w)")
        # Money laundered is criminal proceeds: "used to launder more than $455 million".
        proceeds: dict[str, list[str]] = self._vocabulary("sanctions_proceeds", {})
        verbs = _cue_alternation(proceeds.get("before", []))
        links = _cue_alternation(proceeds.get("links", []))
        self.laundered_before = re.compile(rf"(?i:{verbs})(?:\s+(?i:{links}))*\s*$")
        self.laundered_after = re.compile(rf"\s+(?i:{_cue_alternation(proceeds.get('after', []))})")

    def _build_local_currencies(self) -> None:
        """Markers that several countries share ("$", "dirhams", "francs") and each country's cue words."""
        local = load_local_currencies()
        self._local_markers: dict[str, str] = local["markers"]
        self._local_kinds: dict[str, tuple[str | None, dict[str, tuple[str, int]], re.Pattern]] = {}
        # "100'000 francs": a country's own way of writing numbers weighs as a body's name.
        self._local_formats: dict[str, list[tuple[str, re.Pattern]]] = {}
        for kind, entry in local["kinds"].items():
            country_of = {cue: (code, weight) for code, lists in entry["countries"].items()
                          for weight, group in ((1, "weak"), (2, "strong")) for cue in lists[group]}
            # A dateline writes its place in capitals ("ISLAMABAD: The Federal Board ..."): a place of
            # several letters counts so too, as much as a body (the story is filed from there),
            # unless that spelling is a cue of its own.
            country_of = {**{cue.upper(): (value[0], 2) for cue, value in country_of.items()
                             if value[1] == 1 and len(cue) >= 4 and not cue.isupper()}, **country_of}
            cues = re.compile(rf"(?<![\w])(?:{_alternation(country_of)})(?![\w])")
            self._local_formats[kind] = [
                (code, re.compile("|".join(lists["number_formats"])))
                for code, lists in entry["countries"].items() if lists.get("number_formats")
            ]
            # A language may read a bare marker its own way: French "dirhams" are Moroccan.
            by_language = entry.get("default_by_language", {})
            default = next((by_language[lang] for lang in self.languages if lang in by_language),
                           entry["default"])
            self._local_kinds[kind] = (default, country_of, cues)

    def repeated_marker(self, text: str, end: int, kind: str) -> re.Match | None:
        """The shared marker of ``kind`` written again as a word right after an amount ("$263 million dollars")."""
        m = self.marker_after.match(text, end)
        return m if m is not None and self.local_kind(m.group(1)) == kind else None

    def repeated_unit(self, text: str, end: int, code: str) -> re.Match | None:
        """The plural unit of ``code`` written right after an amount that its code or symbol names ("Kes 70,000 shillings")."""
        m = _WORD_AFTER.match(text, end)
        return m if m is not None and m.group(1).lower() in plural_unit_words(code) else None

    def local_kind(self, currency_text: str | None) -> str | None:
        """The kind of a shared currency marker as written ("$" and "dollars" are "dollar"), or None.

        A country's own short marker counts as written ("R", not "r").
        """
        if not currency_text:
            return None
        key = _squash(currency_text)
        return self._national.get(key) or self._local_markers.get(key.lower())

    def national_codes(self, kind: str) -> tuple[str, ...]:
        """The currencies a country's own short marker of ``kind`` may name ("N": NGN), else ()."""
        return self._national_codes.get(kind, ())

    def local_default(self, kind: str) -> str | None:
        """The currency a shared marker of ``kind`` names when the text names no other country ("$": USD)."""
        return self._local_kinds[kind][0]

    def local_weights(self, kind: str, text: str) -> dict[str, int]:
        """What the cues of ``text`` weigh for each country's currency of a shared marker of ``kind``.

        A body's name weighs 2, a place or a people 1, and a number written the
        country's own way ("100'000 francs" is Swiss) 2; so does a place right
        after an acronym, the country's branch of a body ("CPA Australia",
        "KPMG Canada"). :func:`helpers.amounts.local.choose_currency` weighs them.
        """
        _default, country_of, cues = self._local_kinds[kind]
        weights: Counter[str] = Counter()
        for m in cues.finditer(text):
            code, weight = country_of[m.group()]
            if weight == 1 and _ACRONYM_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                weight = 2
            weights[code] += weight
        for code, written in self._local_formats[kind]:
            weights[code] += 2 * sum(1 for _ in written.finditer(text))
        return {code: n for code, n in weights.items() if n}

    def negation_ending(self, text: str, start: int, end: int) -> re.Match | None:
        """A negation and up to two words ending at ``end``, unless it opens a fixed phrase ("sans contact")."""
        negated = self.negation_before.search(text, start, end)
        if negated is None or self._not_negation.match(text, negated.start()):
            return None
        return negated

    def mentions_sanctions(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` uses the sanctions vocabulary outside a neutral phrase."""
        if self.declares_cash(text, start, end):
            return True
        neutral = [m.span() for m in self.not_sanctions.finditer(text, start, end)]
        return any(
            not any(a <= m.start() and m.end() <= b for a, b in neutral)
            for m in self.sanctions.finditer(text, start, end)
        )

    def declares_cash(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` names a duty to declare cash (``sanctions_declarations``), not a tax return."""
        return (self.declaration_duty.search(text, start, end) is not None
                and self.declared_cash.search(text, start, end) is not None
                and self.declaration_exclusion.search(text, start, end) is None)

    def names_penalty(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` names a fine or a penalty (``sanctions_penalties``)."""
        return self.sanctions_penalty.search(text, start, end) is not None

    def names_penalty_offence(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` names an offence whose fine is an anti-money-laundering penalty."""
        return self.penalty_offence.search(text, start, end) is not None

    def is_laundered(self, text: str, start: int, end: int) -> bool:
        """Whether the amount at ``text[start:end]`` is money laundered, the object of the verb."""
        return self.laundered_before.search(text, max(0, start - PROCEEDS_CONTEXT_CHARS), start) is not None \
            or self.laundered_after.match(text, end) is not None

    def is_unit(self, currency_text: str | None, text: str, end: int) -> bool:
        """Whether a currency word is a unit here ("20 pounds of flour")."""
        if not currency_text:
            return False
        pattern = self._unit_contexts.get(_squash(currency_text).lower())
        return pattern is not None and pattern.match(text, end) is not None

    def is_reference(self, text: str, start: int) -> bool:
        """Whether the number at ``start`` follows a reference word ("Section 271 DA"): a provision, not money."""
        return self._reference_before.search(text, max(0, start - 20), start) is not None

    def is_count(self, text: str, end: int) -> bool:
        """Whether the currency just before ``end`` qualifies a count ("500,000 USDT transfers")."""
        return self._count_after.match(text, end) is not None

    def currency(self, text: str) -> str | None:
        """ISO code of a currency as written ("€", "US$", "dollars américains", "USDT")."""
        key = _squash(text)
        return self._currencies.get(key) or self._currencies.get(key.lower())

    def suffix_scale(self, currency_text: str | None) -> int | None:
        """The scale a currency suffix holds ("MDT": a million), or None."""
        return self._suffix_scales.get(_squash(currency_text)) if currency_text else None

    def big_scale(self, text: str) -> Decimal:
        """Multiplier of a scale word of a million or more ("million", "milliards")."""
        return self._big_scales[text.lower()]

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
        """Value of a written number ("un demi-million", "two and a half million"), or None."""
        return self.written.read([t.lower() for t in self._number_token.findall(words)])


#: An acronym of two to six capitals right before a place: a body's branch there ("CPA Australia").
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,6} \Z")
#: One word right after an amount, its unit if it names the amount's currency.
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)(?![\w])")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())
