"""The ``dossier_amounts`` spaCy component: finds amounts, reads their cues, links conversions."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from helpers.amounts.local import local_currency
from helpers.amounts.numbers import looks_like_year, parse_number
from helpers.amounts.patterns import compile_patterns
from helpers.amounts.vocabulary import default_vocabularies, load_language
from helpers.docs import doc_text, sentence_bounds, sentence_of

log = logging.getLogger(__name__)

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


#: How far after an amount its cues are read ("ou plus", "a $60 price cap"), a
#: bracketed aside included ("50 euros (contre 30 auparavant) du plafond").
AFTER_CONTEXT_CHARS = 75

#: How far before an amount a cap or threshold word of its clause is looked for
#: (``far_cues`` of the vocabularies), in characters and in words.
FAR_CONTEXT_CHARS = 140
FAR_WORDS = 16
#: How far a cap or threshold that opens its sentence as the subject reaches its amount.
SUBJECT_CONTEXT_CHARS = 260
SUBJECT_WORDS = 36
#: How many rows above an amount's row its table's header may be.
MAX_TABLE_ROWS = 40
#: Below this scale a lone dot before the scale word is a decimal point ("8.985 millions"): thousands of
#: millions are written as milliards. Before "milliards" it may group thousands ("1.300 milliards de FCFA").
DOT_DECIMAL_SCALE_BELOW = 10**9


_EXTENSIONS: dict[str, Any] = {
    "amount_value": None,
    "amount_currency": None,
    "amount_threshold": None,
    "amount_approximate": False,
    "amount_vague": False,
    "amount_sanctions": False,
    "amount_linked_to": None,
    # A shared marker's evidence ({"kind", "default", "weights", "converts"}), for the page's country.
    "amount_local": None,
    # Exact character offsets of the amount; the span itself is token-aligned.
    "amount_offsets": None,
}
for _name, _default in _EXTENSIONS.items():
    Span.set_extension(_name, default=_default, force=True)


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


#: A definite article before a round figure in words ("le million de dollars"), left out of its span.
_DEFINITE = re.compile(r"(?i:le)\s+(?=(?i:million|milliard)s?\b)")

#: What ends a sentence: a stop, a colon or a semicolon, maybe a closing quote or bracket, then spaces.
_SENTENCE_END = re.compile(r"[.!?…:;][\"'»”’)\]]*\s*\Z")

#: A line break after a link word, which no heading or list item ends on ("Ce seuil est fixé à\n1 million
#: DA"): the line was wrapped, and the sentence goes on.
#: The stop or colon that ends a sentence announcing a list, and what would end the list before an amount.
_ANNOUNCEMENT_END = re.compile(r"[.:](?=\s)")
_LIST_BREAK = re.compile(r"\.\s|\n\s*\n")

_WRAPPED_BREAK = re.compile(
    r"(?<=\s)(?:à|au|aux|de|du|des|d['’]|le|la|les|l['’]|un|une|est|sont|of|to|at|by|the|a|an|is|are)[ \t]*(\n)(?=[ \t]*\S)")


def _unwrap(text: str) -> str:
    """``text`` with each wrapped line's break (:data:`_WRAPPED_BREAK`) made a space: same length, same offsets."""
    breaks = [m.start(1) for m in _WRAPPED_BREAK.finditer(text)]
    if not breaks:
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


#: Thousands grouped as money writes them: "100,000", "24 999.99", "1.000.000".
_MONEY_GROUPS = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f\u2009 ]\d{3})+(?!\d)")


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
    # The first end of a range that changes a cap or threshold ("from $3,000 to $250").
    opens_change: bool = False
    # Whether the threshold came from words right after the amount ("N100,000 and N500,000 as the maximum limits").
    cue_after: bool = False
    # The amount's sentence, cut at line breaks: where cues and sanctions are read.
    sentence: tuple[int, int] = (0, 0)
    # The kind of a currency marker several countries share ("$": "dollar"), read by the text's country.
    local: str | None = None
    # What the text says of that marker's country: the record's ``local`` (helpers.amounts.local).
    local_evidence: dict[str, Any] | None = None


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
            decimal_mark = load_language(nlp.lang)["decimal_mark"] if nlp.lang in languages else "auto"
        if decimal_mark not in {",", ".", "auto"}:
            raise ValueError(f"decimal_mark must be ',', '.' or 'auto', not {decimal_mark!r}")
        self.decimal_mark = decimal_mark
        self.patterns = compile_patterns(languages)

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
        text = _unwrap(text)
        amounts = self._match_amounts(text)
        if not amounts:
            return []
        for amount in amounts:
            index, (start, end) = sentence_of(sentences, amount.start, text_length=len(text))
            # "limited to max. EUR 50": a sentence break after a cue abbreviation
            # does not end the amount's context.
            if index > 0 and (self.patterns.abbreviation_end.search(text, sentences[index - 1][0], start)
                              or not (_SENTENCE_END.search(text, sentences[index - 1][0], start)
                                      or text[sentences[index - 1][0]:start].rstrip(" \t").endswith("\n"))):
                # ... nor does a break the parser put where no stop stands ("Ce seuil est fixé à | 1 million DA").
                start = sentences[index - 1][0]
            # "cash transactions of Rs. 2 lakh or more": a marker's stop that the splitter took for the
            # end of the sentence does not cut the amount from the words after it.
            while end < amount.end and index + 1 < len(sentences):
                index += 1
                end = int(sentences[index][1])
            # "Les plafonds sont les suivants : espèces — 1 000 € ; carte — 3 000 €": nor does a
            # semicolon, where a parser may cut the items of a list.
            first = index
            while first > 0 and text[:start].rstrip().endswith(";"):
                first -= 1
                start = int(sentences[first][0])
            # A line break ends the context too: headings and list items carry no
            # final stop, and the sentencizer misses stops after "[2]".
            line_end = text.find("\n", amount.end)
            amount.sentence = (
                max(start, text.rfind("\n", 0, amount.start) + 1),
                min(end, line_end) if line_end >= 0 else end,
            )
        amounts = self._add_partners(text, amounts)
        amounts = self._read_local_currencies(text, amounts)
        if not amounts:
            return []
        starts = [a.start for a in amounts]
        fine_range_top: _Amount | None = None
        for i, amount in enumerate(amounts):
            self._read_cues(text, amount)
            following = amounts[i + 1].start if i + 1 < len(amounts) else None
            if amount.threshold is None:
                amount.threshold = self._far_cue(text, amount, starts, following)
            if amount.threshold is None:
                amount.threshold = self._subject_cue(text, amount, starts)
            if amount.threshold is None:
                amount.threshold = self._fronted_cue(text, amount, starts)
            if amount.threshold is None and amount is fine_range_top:
                amount.threshold = "below"  # "d'amende de 500 000 à 5 000 000 de francs": the law's maximum
            if amount.threshold is None:
                amount.threshold = self._statutory_penalty(text, amount, starts)
                if amount.threshold and following is not None and self.patterns.range_ends.fullmatch(
                        text, amount.end, following):
                    amount.threshold, fine_range_top = "above", amounts[i + 1]  # ... and its minimum
            if amount.threshold is None and following is not None and self._penalty_range(text, amount, starts, following):
                amount.threshold, fine_range_top = "above", amounts[i + 1]  # "Amende de 251 à 25 000 euros"
            if amount.threshold is None:
                amount.threshold = self._heading_cue(text, amount)
            if amount.threshold is None:
                amount.threshold = self._inline_list_cue(text, amount, starts)
            if amount.threshold is None:
                amount.threshold = self._announced_list_cue(text, amount)
            if amount.threshold is None:
                amount.threshold = self._column_cue(text, amount)
            if amount.threshold is None:
                amount.threshold = self._plain_table_cue(text, amount)
            if amount.threshold is None:
                amount.threshold = self._object_cue(text, amounts, i)
            if amount.threshold is None:
                amount.threshold = self._conditional_reach(text, amount, starts)
            if amount.threshold == "below" and self._passed_after(text, amount):
                amount.threshold = "above"  # "si la limite de 200 millions d'euros est dépassée"
        self._link_conversions(text, amounts)
        self._share_thresholds(text, amounts)
        self._share_references(text, amounts)
        self._point_back(text, amounts)
        self._share_backwards(text, amounts)
        self._read_greater_of(text, amounts)
        self._mark_sanctions(text, amounts, sentences)
        return amounts

    def _read_local_currencies(self, text: str, amounts: list[_Amount]) -> list[_Amount]:
        """Give each shared currency marker the currency of the country the text is about.

        A bare "$" in a text about FINTRAC is a Canadian dollar, "dirhams" in
        one about Morocco Moroccan; a bare "francs" with no country named gets
        no currency rather than a guess (see ``local_currencies.json``). The
        evidence stays with the amount, so that the country of the page the
        text comes from can be weighed with it later
        (:func:`helpers.amounts.local.settle_currencies`); an amount with no
        currency stays for that too, and :func:`helpers.amounts.amount_records`
        leaves it out when the page settles nothing either.
        """
        kinds = {a.local for a in amounts if a.local}
        if not kinds:
            return amounts
        weights = {kind: self.patterns.local_weights(kind, text) for kind in kinds}
        for i, amount in enumerate(amounts):
            if amount.local:
                amount.local_evidence = {
                    "kind": amount.local,
                    "default": self.patterns.local_default(amount.local) or self._sole_national(text, amount),
                    "weights": weights[amount.local],
                    "converts": self._converted_currencies(text, amounts, i),
                }
                amount.currency = local_currency(amount.local_evidence)
        return amounts

    def _sole_national(self, text: str, amount: _Amount) -> str | None:
        """The currency of a country's own marker that one currency alone has, when the figure is money-shaped.

        "N100,000", "R24 999.99", "N5m": a one-currency marker touching thousands
        grouped the way money is written, or a scale, names its currency with no
        country named ("The maximum cash withdrawal per week ... shall be
        N100,000"); "R2" (a road), "N95" (a mask) and markers several countries
        share ("Sh", "P") still wait for a cue.
        """
        kind = amount.local or ""
        codes = self.patterns.national_codes(kind)
        if len(codes) != 1:
            return None
        figure = text[amount.start:amount.end]
        if (amount.scale or 1) >= 1000 or _MONEY_GROUPS.search(figure):
            return codes[0]
        return None

    def _converted_currencies(self, text: str, amounts: Sequence[_Amount], i: int) -> list[str]:
        """The currencies of the amounts in a country's own marker that the shared marker's ``amounts[i]`` converts.

        "received the largest fine of $4.55m (S$5.8m)", "imposed S$27.5 million
        ($21.5 million)": the text writes the local dollar out, so the bare one
        beside it in brackets is the other, the default (the US dollar).
        """
        p = self.patterns
        amount = amounts[i]
        pairs = [(amounts[i - 1], amount)] if i > 0 else []
        pairs += [(amount, amounts[i + 1])] if i + 1 < len(amounts) else []
        converted = []
        for left, right in pairs:
            other = right if left is amount else left
            if other.local or other.currency is None:
                continue
            if p.conversion_open.fullmatch(text, left.end, right.start) and p.conversion_close.match(text, right.end):
                converted.append(other.currency)
        return converted

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
            span._.amount_local = amount.local_evidence
        doc.spans[self.spans_key] = spans

    # -- matching -------------------------------------------------------------

    def _match_amounts(self, text: str) -> list[_Amount]:
        p = self.patterns
        found: list[_Amount] = []
        for m in p.numeric.finditer(text):
            amount = self._numeric_amount(m)
            if amount is not None:
                code = p.code_after.match(text, amount.end) if amount.prefixed and amount.local else None
                if code is not None:  # "$100 USD", "$50 CAD"
                    amount.end, amount.currency, amount.local = code.end(), p.currency(code.group(1)), None
                elif amount.prefixed and amount.local:
                    repeated = p.repeated_marker(text, amount.end, amount.local)
                    if repeated is not None:  # "$263 million dollars": one amount, its marker twice
                        amount.end = repeated.end()
                elif amount.prefixed and amount.currency:
                    unit = p.repeated_unit(text, amount.end, amount.currency)
                    if unit is not None:  # "Kes 70,000 shillings": the code before, the unit after
                        amount.end = unit.end()
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
            number, scale = None, None
            if m.group("c_digits"):  # "douze (12) millions FCFA": the digits count the scale
                number, scale = Decimal(m.group("c_digits")), p.scale(m.group("c_scale"))
            # "dépasse le million de dollars": the definite article counts one, the figure is the rest.
            definite = _DEFINITE.match(text, m.start())
            found.append(_Amount(definite.end() if definite else m.start(), m.end(), value, p.currency(m.group("c_cur")), number=number,
                                 scale=scale, local=p.local_kind(m.group("c_cur"))))
        taken = [(a.start, a.end) for a in found]
        for m in p.words_after_currency.finditer(text):
            value = p.parse_words(m.group("e_words"))
            if value is None or _overlaps(taken, m.start(), m.end()):
                continue
            found.append(_Amount(m.start(), m.end(), value, p.currency(m.group("e_cur")), prefixed=True,
                                 local=p.local_kind(m.group("e_cur"))))
        taken = [(a.start, a.end) for a in found]
        for m in p.vague.finditer(text):
            if _overlaps(taken, m.start(), m.end()) or not p.vague_is_valid(text, m):
                continue
            found.append(_Amount(m.start(), m.end(), None, p.currency(m.group("d_cur")), vague=True,
                                 local=p.local_kind(m.group("d_cur"))))
        found.sort(key=lambda a: a.start)
        return self._join_leading_scales(text, found)

    def _join_leading_scales(self, text: str, found: list[_Amount]) -> list[_Amount]:
        """Take in a whole number of a bigger scale written right before an amount: "1 million" + "700 mille dollars".

        The part before must be bigger than the amount ("2 millions 500 000 euros" is 2,500,000) and
        not an amount of its own.
        """
        p = self.patterns
        previous_end = 0
        for amount in found:
            lead = p.leading_scale.search(text, previous_end, amount.start) if amount.value is not None else None
            if lead is not None and not amount.prefixed:
                head = Decimal(lead.group(1)) * p.big_scale(lead.group(2))
                if head > amount.value:
                    amount.start, amount.value = lead.start(), head + amount.value
                    amount.number, amount.scale = None, None
            previous_end = amount.end
        return found

    def _numeric_amount(self, m: re.Match) -> _Amount | None:
        p = self.patterns
        prefixed = m.group("a_cur") is not None
        tag = "a" if prefixed else "b"
        currency = p.currency(m.group(f"{tag}_cur"))
        scale_text = m.group(f"{tag}_scale")
        scale = p.scale(scale_text) if scale_text else p.suffix_scale(m.group(f"{tag}_cur"))
        number = parse_number(
            m.group(f"{tag}_num"),
            decimal_mark=self.decimal_mark,
            decimal_only=scale is not None or currency in p.crypto,
            before_scale=scale is not None and scale < DOT_DECIMAL_SCALE_BELOW,
        )
        if scale is None and p.is_unit(m.group(f"{tag}_cur"), m.string, m.end()):
            return None
        if not prefixed and (p.is_count(m.string, m.end()) or p.is_reference(m.string, m.start())):
            return None
        value = number * scale if scale else number
        return _Amount(m.start(), m.end(), value, currency, number=number, scale=scale, prefixed=prefixed,
                       local=p.local_kind(m.group(f"{tag}_cur")))

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
            alternative = conj.lstrip(", ") in p.range_alternatives
            intro = (m.group("intro") or "").lower()
            scale_text = m.group("scale")
            scale = p.scale(scale_text) if scale_text else None
            raw = m.group("num")
            if conj in p.range_and and not (intro in p.range_between or scale):
                break
            if conj == "," and not scale and not alternative:
                break
            if conj in p.range_to and not intro and not scale and looks_like_year(raw):
                break
            number = parse_number(
                raw, decimal_mark=self.decimal_mark,
                decimal_only=scale is not None or right.scale is not None or anchor.currency in p.crypto,
                before_scale=(scale or right.scale or DOT_DECIMAL_SCALE_BELOW) < DOT_DECIMAL_SCALE_BELOW,
            )
            if scale is None and right.scale is not None and number < right.number:
                scale = right.scale
            value = number * scale if scale else number
            end = m.end("scale") if scale_text else m.end("close") if m.group("words") else m.end("num")
            start = m.start("words") if m.group("words") else m.start("num")
            partner = _Amount(start, end, value, anchor.currency, number=number, scale=scale,
                              local=anchor.local)
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
            before_scale=scale is not None and scale < DOT_DECIMAL_SCALE_BELOW,
        )
        if anchor.scale is None and scale is not None and anchor.number < number:
            anchor.scale = scale
            anchor.value = anchor.number * scale
        value = number * scale if scale else number
        partner = _Amount(m.start("num"), m.end(), value, anchor.currency, number=number, scale=scale,
                          local=anchor.local)
        partner.sentence = anchor.sentence
        return partner

    # -- cues, links, sanctions ----------------------------------------------

    def _read_cues(self, text: str, amount: _Amount) -> None:
        p = self.patterns
        lo = max(amount.sentence[0], amount.start - self.context_chars)
        comparison = cap = None
        hi = min(amount.sentence[1], amount.end + AFTER_CONTEXT_CHARS)
        after = p.after_cues.match(text, amount.end, hi)
        # "over the daily $1,000 limit": a comparison before a limit's amount reaches it over the
        # limit's own words and gives the direction of the comparison.
        limit_after = after is not None and after.lastgroup in {"cap", "floor"}
        for m in p.cues.finditer(text, lo, amount.start):
            kind = m.lastgroup
            if kind == "neutral":
                continue
            if not p.filler_tail.fullmatch(text, m.end(), amount.start) and not (
                limit_after and kind in {"above", "below"} and p.limit_tail.fullmatch(text, m.end(), amount.start)
            ) and not (
                kind in {"above", "below"} and p.margin_tail.fullmatch(text, m.end(), amount.start)
            ) and not (
                kind == "cap" and p.cap_tail.fullmatch(text, m.end(), amount.start)
            ) and not (
                _squash(m.group()).lower() in p.adverb_cues and p.verb_tail.fullmatch(text, m.end(), amount.start)
            ):
                continue
            if kind == "approx":
                amount.approximate = True
            elif kind == "cap":
                cap = cap or "below"
            elif kind == "floor":  # "seuil de", "threshold of": a floor unless compared
                # ... but a threshold of withdrawals is their cap ("le seuil de 50 000 dinars
                # pour les retraits").
                withdrawals = p.threshold_cap_after.match(text, amount.end, amount.sentence[1])
                cap = cap or ("below" if withdrawals else "above")
            elif comparison is None:
                comparison = self._negated(text, m, kind, lo)
        if after is not None and comparison is not None and after.lastgroup in {"above", "below"} \
                and after.lastgroup != comparison and p.closing_bound.match(text, amount.end, hi):
            comparison = None  # "atteignant jusqu'à 20 mille dinars ou plus": the bound after the amount decides
        if after is not None:
            if after.lastgroup == "approx":
                amount.approximate = True
            elif after.lastgroup == "cap":
                cap = cap or "below"
            elif after.lastgroup == "floor":  # "a $1,000 threshold": a floor unless compared
                cap = cap or "above"
            elif comparison is None:
                comparison = after.lastgroup
        amount.threshold = comparison or cap
        after_says = {"cap": "below", "floor": "above"}.get(after.lastgroup, after.lastgroup) if after is not None else None
        amount.cue_after = amount.threshold is not None and amount.threshold == after_says

    def _object_cue(self, text: str, amounts: Sequence[_Amount], i: int) -> str | None:
        """The direction of a cap or threshold named right after its new value, as the verb's object.

        "le décret abaisse de 3 000 à 1 000 euros le plafond des paiements en
        espèces" (below), "réduit de 3 000 à 1 000 € le seuil" (above): the amount
        follows a link ("à") and the noun follows it; the first end of the range
        it closes takes the same direction.
        """
        p = self.patterns
        amount = amounts[i]
        lo = max(amount.sentence[0], amount.start - self.context_chars)
        if p.object_link_before.search(text, lo, amount.start) is None:
            return None
        found = p.object_after.match(text, amount.end, amount.sentence[1])
        if found is None and p.object_set_before.search(text, lo, amount.start):
            found = p.object_after_comma.match(text, amount.end, amount.sentence[1])
        if found is None:
            return None
        direction = found.lastgroup
        previous = amounts[i - 1] if i > 0 else None
        if previous is not None and previous.threshold is None and previous.sentence == amount.sentence \
                and p.range_ends.fullmatch(text, previous.end, amount.start):
            previous.threshold = direction
        return direction

    def _passed_after(self, text: str, amount: _Amount) -> bool:
        """Whether a few words after the amount say its ceiling is passed ("... par jour est dépassée")."""
        pattern = self.patterns.exceeded_after
        return pattern is not None and pattern.match(text, amount.end, amount.sentence[1]) is not None

    def _far_cue(self, text: str, amount: _Amount, starts: Sequence[int], following: int | None) -> str | None:
        """The direction of a cap or threshold word further before the amount, in its clause.

        "la valeur monétaire maximale stockée ... est fixée à 10 000 euros": the
        last such word in the window counts when nothing between it and the
        amount breaks the clause, no other amount stands there, at most
        ``FAR_WORDS`` words do, and they end in a link to the amount ("est
        fixé à", "est de", "à", "("). A negated word ("ne sont pas limités")
        says nothing. When the amount opens a range ("de 3 000 à 1 000 euros",
        "from $3,000 to $250", the next amount at ``following``), its opening
        word is a link too: the range changes the cap or threshold, and
        ``opens_change`` passes the direction to its other end.
        """
        p = self.patterns
        lo = max(amount.sentence[0], amount.start - FAR_CONTEXT_CHARS)
        cue = None
        for m in p.far_cues.finditer(text, lo, amount.start):
            cue = m
        if cue is None:
            return None
        between = text[cue.end():amount.start]
        colon = p.colon_link.search(between)  # "Plafond hebdomadaire : 300 €"
        head = between[:colon.start()] if colon else between
        if len(between.split()) > FAR_WORDS or self._breaks_clause(head):
            return None
        if any(cue.end() <= s < amount.start for s in starts):
            return None
        opens_range = following is not None and p.range_ends.fullmatch(text, amount.end, following) is not None
        change = opens_range and p.range_link.search(text, cue.end(), amount.start) is not None
        if cue.lastgroup == "range_above" and not change:
            return None
        if not change and not colon and not p.far_link.search(text, cue.end(), amount.start):
            return None
        if p.far_total.search(text, cue.end(), amount.start):  # "the limited funds amounted to $5 million"
            return None
        if p.negation_ending(text, lo, cue.start()):
            return None
        amount.opens_change = change
        return "above" if cue.lastgroup == "range_above" else cue.lastgroup

    def _breaks_clause(self, between: str) -> bool:
        """Whether ``between`` ends the clause of a cap or floor word before it.

        A clause joined with no subject of its own ("..., et passe de 200.000 à
        400.000 dirhams") keeps the word's; any other break ends it.
        """
        p = self.patterns
        return any(not p.continued_clause.match(between, b.start()) for b in p.clause_break.finditer(between))

    def _subject_cue(self, text: str, amount: _Amount, starts: Sequence[int]) -> str | None:
        """The direction of a cap or threshold that opens the amount's sentence as its subject.

        "Les seuils de déclaration d'espèces et d'instruments négociables pour les
        voyageurs en provenance ou à destination de la Côte d'Ivoire sont fixés à
        cinq millions de francs CFA": a long subject puts the cap word beyond the far
        cues' reach, but the verb that sets it ("sont fixés à", ``subject_cues`` links
        in the vocabulary) ends right before the amount, with no clause break and no
        other amount between. The subject may also open a clause after a comma ("Il
        est porté à la connaissance des voyageurs que ..., le seuil pour la
        déclaration ... est fixé à cinq millions (5 000 000) de francs CFA").
        """
        p = self.patterns
        subject = p.subject_cue.match(text, amount.sentence[0], amount.start)
        if subject is None:  # "... que dans le cadre de ..., le seuil pour la déclaration ... est fixé à"
            after_comma = list(p.subject_after_comma.finditer(text, amount.sentence[0], amount.start))
            subject = after_comma[-1] if after_comma else None
        if subject is None or amount.start - subject.end() > SUBJECT_CONTEXT_CHARS:
            return None
        between = text[subject.end():amount.start]
        if len(between.split()) > SUBJECT_WORDS or p.clause_break.search(between):
            return None
        if any(subject.end() <= s < amount.start for s in starts):
            return None
        if not p.subject_link.search(between):
            return None
        return subject.lastgroup

    def _fronted_cue(self, text: str, amount: _Amount, starts: Sequence[int]) -> str | None:
        """The direction of the cap or threshold whose value a participle opening the sentence sets.

        "Fixé à cinq millions (5.000.000) de francs CFA, dans l'instruction ...,
        le seuil pour la déclaration ... est porté à 10 millions": the participle
        and fillers alone before the amount, then the cap or threshold noun right
        after a later comma, with no other amount between.
        """
        p = self.patterns
        if not p.fronted_participle.fullmatch(text, amount.sentence[0], amount.start):
            return None
        subject = p.fronted_subject.search(text, amount.end, amount.sentence[1])
        if subject is None or any(amount.end <= s < subject.start() for s in starts):
            return None
        return subject.lastgroup

    def _heading_cue(self, text: str, amount: _Amount) -> str | None:
        """The direction a list heading gives the amount that opens one of its items.

        "pour une facture supérieure à :" then "- 1000 euros lorsque ..." on the
        next line, "le chiffre d'affaires à ne pas dépasser est :" then two
        items: the heading is the nearest line above, past the other items,
        that ends with a colon; its comparison must run to the colon, or its
        cap or floor word stand in its last clause.
        """
        heading = self._list_heading(text, amount)
        return self._cue_before_colon(text, *heading) if heading else None

    def _inline_list_cue(self, text: str, amount: _Amount, starts: Sequence[int]) -> str | None:
        """The direction a heading gives the amounts of the list that follows its colon in the same sentence.

        "the statutory maximum civil penalty per violation ... is as follows: IEEPA
        — $289,238; TWEA — $85,236; and CDTA — $13,066" (all below): the items are
        cut by semicolons, the amount is the first of its item, and the heading
        before the colon holds a cap or floor word as a heading line does
        (:meth:`_cue_before_colon`). "The fines were as follows: A — $5m; B — $3m"
        has none and stays plain.
        """
        p = self.patterns
        sentence_start, sentence_end = amount.sentence
        colon = text.rfind(":", sentence_start, amount.start)
        if colon < 0 or not text[colon + 1:colon + 2].isspace():
            return None
        item = max(colon, text.rfind(";", colon, amount.start)) + 1
        if amount.start - item > LIST_ITEM_CHARS or any(item <= s < amount.start for s in starts):
            return None
        if ";" not in text[colon:sentence_end]:  # a list of one item is the colon's own amount
            return None
        return self._cue_before_colon(text, sentence_start, colon)

    def _announced_list_cue(self, text: str, amount: _Amount) -> str | None:
        """The direction of the caps a sentence announces, for the "group: amount" items that follow it.

        "the following ZiG cash withdrawal limits shall apply. Individuals: ZiG3 000;
        corporates: ZiG30 000": the amount follows its group's label and colon, the
        items before it are cut by semicolons, and the sentence before the first
        item names "the following" caps or floors (:meth:`_cue_before_colon` on it).
        """
        p = self.patterns
        if p.announcement is None:
            return None
        lo = max(0, amount.start - SUBJECT_CONTEXT_CHARS * 2)
        if not p.item_label.search(text, lo, amount.start):
            return None
        announced = None
        for m in p.announcement.finditer(text, lo, amount.start):
            announced = m
        if announced is None:
            return None
        stop = _ANNOUNCEMENT_END.search(text, announced.end(), amount.start)
        if stop is None or _LIST_BREAK.search(text, stop.end(), amount.start):
            return None  # the list runs from the announcement's end to the amount, in one paragraph
        return self._cue_before_colon(text, max(announced.start(), text.rfind(".", 0, announced.start()) + 1), stop.start())

    def _list_heading(self, text: str, amount: _Amount) -> tuple[int, int] | None:
        """Start and colon of the heading line above the list item that ``amount`` opens, or None."""
        p = self.patterns
        line_start = text.rfind("\n", 0, amount.start) + 1
        if line_start == 0 or not p.list_item.fullmatch(text, line_start, amount.start):
            return None
        end = line_start - 1
        for _ in range(12):  # a heading a few items up
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end].rstrip()
            if line.endswith(":"):
                return start, start + len(line) - 1
            if line and not p.list_marker.match(line) or start == 0:
                return None
            end = start - 1
        return None

    def _column_cue(self, text: str, amount: _Amount) -> str | None:
        """The direction the header of its column gives an amount in a table row.

        "| Type de valeur | Seuil de déclaration |" over "| Espèces | 10 000 euros |":
        a row is a line that opens with "|"; the header is the first line of the
        rows above it, and its cell in the amount's column gives a cap or floor
        word (``far_cues``) or a cap or floor cue ("plafond de", "seuil de").
        """
        line_start = text.rfind("\n", 0, amount.start) + 1
        if not text.startswith("|", line_start) and not text[line_start:amount.start].lstrip().startswith("|"):
            return None
        column = text.count("|", line_start, amount.start)
        start = line_start
        for _ in range(MAX_TABLE_ROWS):  # up to the first row of the table
            if start == 0:
                break
            above = text.rfind("\n", 0, start - 1) + 1
            if not text[above:start].lstrip().startswith("|"):
                break
            start = above
        if start == line_start:
            return None
        header_end = text.find("\n", start)
        cells = text[start:header_end].split("|")
        if column >= len(cells):
            return None
        return self._header_direction(cells[column])

    def _header_direction(self, header: str) -> str | None:
        """The direction a table header (a line or a cell) gives its rows' amounts: a cap or floor cue
        ("plafond de", "seuil de"), else its last cap or floor word (``far_cues``); none when negated
        ("Sans plafond")."""
        p = self.patterns
        if p.negation.search(header):
            return None
        for m in p.cues.finditer(header):
            if m.lastgroup == "cap":
                return "below"
            if m.lastgroup == "floor":
                return "above"
        cue = None
        for m in p.far_cues.finditer(header):
            cue = m
        if cue is None or cue.lastgroup == "range_above":
            return None
        return cue.lastgroup

    def _plain_table_cue(self, text: str, amount: _Amount) -> str | None:
        """The direction a table's header line gives the amounts of its rows, in a table without "|".

        "Contravention Amende maximale" over "1re classe 38 €" and "2e classe 150 €";
        "State New Customer Limit ... Fee Cap Status" over "Arizona $2,000/day ...": the
        amount's line and the lines up to the header are rows (short, with digits, no
        final stop), there are at least two of them, and the header (short, no digit)
        holds a cap or floor word; a header without one ("Amende forfaitaire") says nothing.
        """
        line_start = text.rfind("\n", 0, amount.start) + 1
        if line_start == 0 or not _is_table_row(_line_at(text, line_start)):
            return None
        rows, end = 1, line_start - 1
        for _ in range(MAX_TABLE_ROWS):
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if _is_table_header(line):
                break
            if not _is_table_row(line) or start == 0:
                return None
            rows, end = rows + 1, start - 1
        else:
            return None
        line_end = text.find("\n", amount.start)
        if rows < 2 and not (line_end >= 0 and _is_table_row(_line_at(text, line_end + 1))):
            return None
        return self._header_direction(line)

    def _cue_before_colon(self, text: str, start: int, colon: int) -> str | None:
        """The comparison ending at a heading's colon, or its last cap or floor word."""
        p = self.patterns
        lo = max(start, colon - FAR_CONTEXT_CHARS)
        for m in p.cues.finditer(text, lo, colon):
            if m.lastgroup in {"below", "above"} and p.filler_tail.fullmatch(text, m.end(), colon):
                return self._negated(text, m, m.lastgroup, lo)
        cue = None
        for m in p.far_cues.finditer(text, lo, colon):
            cue = m
        if cue is None or cue.lastgroup == "range_above":
            return None
        between = text[cue.end():colon]
        if len(between.split()) > FAR_WORDS or p.clause_break.search(between):
            return None
        if p.negation_ending(text, lo, cue.start()):
            return None
        return cue.lastgroup

    def _statutory_penalty(self, text: str, amount: _Amount, starts: Sequence[int]) -> str | None:
        """A fine the law sets for an offence is its maximum: "below".

        "le blanchiment est puni de 5 ans d'emprisonnement et de 375 000 euros
        d'amende": a penalty word ("puni", "encourt", "peines encourues") earlier
        in the amount's clause, with no other amount between, and the fine noun
        right after the amount, or the fine noun between the two ("passible
        d'une amende pénale de 75 000 €"). A fine imposed ("condamné à 10 000
        euros d'amende") has no penalty word and stays a plain amount.
        """
        p = self.patterns
        lo = max(amount.sentence[0], amount.start - FAR_CONTEXT_CHARS)
        if p.penalty_fine_before is not None and p.penalty_fine_before.search(text, lo, amount.start):
            return "below"  # "passible d'une amende pénale de 75 000 €"
        joined = p.penalty_prison_before.search(text, lo, amount.start) if p.penalty_prison_before else None
        if joined is not None and not any(joined.start() <= s < amount.start for s in starts):
            return "below"  # "Ces peines sont portées à dix ans d'emprisonnement et 750 000 euros"
        if not p.penalty_after.match(text, amount.end, amount.sentence[1]):
            return None
        heading = self._list_heading(text, amount)
        if heading is not None and p.penalty_before.search(text, *heading):
            return "below"  # "prévoit les peines suivantes :" over "- 375 000 euros d'amendes"
        word = None
        for m in p.penalty_before.finditer(text, lo, amount.start):
            word = m
        if word is None or p.clause_break.search(text, word.end(), amount.start):
            return None
        if any(word.end() <= s < amount.start for s in starts):
            return None
        return "below"

    def _penalty_range(self, text: str, amount: _Amount, starts: Sequence[int], following: int) -> bool:
        """Whether ``amount`` opens a range that a fine or penalty noun sets: the law's bounds.

        "Amende de 251 à 25 000 euros", "Penalties ... include anywhere from AED
        50,000 to AED 5,000,000": the noun earlier in the amount's clause, at most
        ``FAR_WORDS`` words and no other amount before the opener ("de", "from",
        "allant de") that stands right before the amount, and the range's other
        end next; a word naming the law or its provision ("loi", "règlement",
        "The Law stipulates") within ``LAW_CONTEXT_CHARS`` before, in the
        paragraph or the heading whose colon opens the list. "losses of $5m to
        $8m" has no such noun, "des amendes comprises entre 300 et 5000 francs
        ont été infligées" no such word: both stay plain.
        """
        p = self.patterns
        if not p.penalty_range_ends.fullmatch(text, amount.end, following):
            return False
        lo = max(amount.sentence[0], amount.start - FAR_CONTEXT_CHARS)
        found = None
        for found in p.penalty_range.finditer(text, lo, amount.start):  # the last, nearest the amount
            pass
        if found is None:
            return False
        between = found.group("between")
        if len(between.split()) > FAR_WORDS or p.clause_break.search(between):
            return False
        if any(found.start() <= s < amount.start for s in starts):
            return False
        start = max(0, amount.start - LAW_CONTEXT_CHARS)
        for gap in PARAGRAPH_BREAK.finditer(text, start, amount.start):  # a heading's colon keeps its list
            if not text[:gap.start()].rstrip().endswith(":"):
                start = gap.end()
        return p.penalty_law.search(text, start, amount.start) is not None

    def _negated(self, text: str, cue: re.Match, kind: str, lo: int) -> str:
        """Flip a comparison after a negation: "ne doit pas dépasser", "must not exceed".

        A prohibition of an act ("ne peuvent pas y déposer plus de 22 950 euros",
        "may not accept deposits exceeding $10,000") keeps its comparison: the
        amount beyond is the banned side, as in "interdit au-delà de".
        """
        p = self.patterns
        if p.negation.search(cue.group()):
            return kind
        negated = p.negation_ending(text, lo, cue.start())
        if negated is None:
            return kind
        words = [w.lower() for w in negated.group().split()]  # the negation, then up to two words
        before = [w.lower() for w in text[lo:negated.start()].split()[-1:]]
        modal = any(w in p.negation_modals for w in [*before, *words])
        acts = [w for w in words[1:] if w not in p.negation_modals and w not in p.negation_links and not p.negation.fullmatch(w)]
        if modal and acts:
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
            after_words = amount.currency != previous.currency and (
                p.conversion_after_words.fullmatch(text, previous.end, amount.start)
                or p.conversion_about.fullmatch(text, previous.end, amount.start)
            )
            if in_brackets or after_words or p.conversion_inline.fullmatch(text, previous.end, amount.start):
                amount.linked = previous
                amount.threshold = previous.threshold or amount.threshold

    def _share_thresholds(self, text: str, amounts: list[_Amount]) -> None:
        """An amount coordinated with the previous one ("… and $100") shares its threshold.

        So does one in a joined clause whose verb has no subject of its own ("…,
        et s'abaisse à 300 euros", "… ; il reste à 15.000 €").
        """
        for previous, amount in zip(amounts, amounts[1:]):
            if amount.threshold or not previous.threshold or amount.linked:
                continue
            # the amount's context may open before its sentence ("... à 1.000€ ; il reste à 15.000 €": a
            # parser that cut at the semicolon): the previous amount shares it when it lies inside
            if previous.vague or amount.vague or not (amount.sentence[0] <= previous.start and previous.end <= amount.sentence[1]):
                continue
            if self.patterns.coordinated.fullmatch(text, previous.end, amount.start) or (
                (previous.threshold == "below" or previous.opens_change)
                and self.patterns.range_ends.fullmatch(text, previous.end, amount.start)
            ) or (
                amount.start - previous.end <= FAR_CONTEXT_CHARS
                and self.patterns.continued.search(text, previous.end, amount.start)
            ) or self._restated(text, previous, amount) \
                    or self.patterns.previous_value.fullmatch(text, previous.end, amount.start) \
                    or self._next_list_item(text, previous, amount) or self._old_value(text, previous, amount) \
                    or self._changed_to(text, previous, amount) or self._period_item(text, previous, amount):
                amount.threshold = previous.threshold

    def _period_item(self, text: str, previous: _Amount, amount: _Amount) -> bool:
        """Whether ``amount`` is the next item of a list of caps by period ("..., 5 millions de FCFA par semaine")."""
        p = self.patterns
        if p.period_earlier is not None and p.period_earlier.fullmatch(text, previous.end, amount.start) \
                and p.period_time_after.match(text, amount.end, amount.sentence[1]):
            return True  # "... par semaine contre 1,5 million de FCFA avant"
        if p.period_after is None or not p.period_after.match(text, amount.end, amount.sentence[1]):
            return False
        return p.period_between.fullmatch(text, previous.end, amount.start) is not None

    def _conditional_reach(self, text: str, amount: _Amount, starts: Sequence[int]) -> str | None:
        """A floor when a condition says a sum reaches the amount ("Si le cumul des montants atteint 10 000 euros").

        The verb stands right before the amount and a conditional opener at most
        ``conditional_reach.max_words`` words before it, in the same clause with
        no other amount between; "la fraude atteint 10 millions" has no condition.
        """
        p = self.patterns
        if p.reach_verb is None:
            return None
        verb = p.reach_verb.search(text, amount.sentence[0], amount.start)
        if verb is None:
            return None
        lo = max(amount.sentence[0], verb.start() - FAR_CONTEXT_CHARS)
        opener = None
        for m in p.reach_opener.finditer(text, lo, verb.start()):
            opener = m
        if opener is None:
            return None
        between = text[opener.end():verb.start()]
        if len(between.split()) > p.reach_words or p.clause_break.search(between) or "," in between:
            return None
        if any(opener.end() <= s < amount.start for s in starts):
            return None
        return "above"

    def _point_back(self, text: str, amounts: list[_Amount]) -> None:
        """A threshold named with a demonstrative takes the direction of the cap before it ("ce seuil était de ...").

        "les paiements en espèces sont limités à 1 000 EUR ... Rappelons que ce seuil
        était de 3 000 EUR antérieurement": the floor that "seuil" alone would give
        yields to the ceiling it points back to, in the sentence before at most.
        """
        p = self.patterns
        if p.anaphoric_threshold is None:
            return
        for previous, amount in zip(amounts, amounts[1:]):
            if not previous.threshold or amount.threshold == previous.threshold or previous.vague or amount.vague:
                continue
            if amount.start - previous.end > 2 * FAR_CONTEXT_CHARS or amount.linked:
                continue
            lo = max(previous.end, amount.start - FAR_CONTEXT_CHARS)
            cue = None
            for m in p.anaphoric_threshold.finditer(text, lo, amount.start):
                cue = m
            if cue is None or p.clause_break.search(text, cue.end(), amount.start):
                continue
            if p.far_link.search(text, cue.end(), amount.start):
                amount.threshold = previous.threshold

    def _share_references(self, text: str, amounts: list[_Amount]) -> None:
        """An amount that names again the rule of the threshold before it takes that threshold's direction.

        "toute somme égale ou supérieure à 1.000 €. Concernant les voyageurs
        étrangers cette somme est fixée à 5.000 €": a phrase that points back to
        the amount (``anaphoric_amounts``) and a link to the new value, in the
        next sentence at most; "un total de 2.000 dirhams par voyageur (20.000
        dirhams pour les MRE)": a bracket the amount opens right after the
        threshold, closed on the group it is for (``bracket_alternatives``).
        """
        p = self.patterns
        for previous, amount in zip(amounts, amounts[1:]):
            if amount.threshold or not previous.threshold or amount.linked or previous.vague or amount.vague:
                continue
            if p.bracket_before.fullmatch(text, previous.end, amount.start) \
                    and p.bracket_group_after.match(text, amount.end):
                amount.threshold = previous.threshold
                continue
            if p.anaphora is None or amount.start - previous.end > 2 * FAR_CONTEXT_CHARS:
                continue
            lo = max(amount.sentence[0], amount.start - FAR_CONTEXT_CHARS, previous.end)
            cue = None
            for m in p.anaphora.finditer(text, lo, amount.start):
                cue = m
            if cue is None:
                continue
            between = text[cue.end():amount.start]
            if len(between.split()) > FAR_WORDS or self._breaks_clause(between) \
                    or not p.far_link.search(text, cue.end(), amount.start):
                continue
            amount.threshold = previous.threshold

    def _share_backwards(self, text: str, amounts: list[_Amount]) -> None:
        """An amount coordinated with the next one shares the threshold that the next one's words give both.

        "N100,000 and N500,000 as the maximum limits": the cue after the pair is the pair's; "increased the
        transaction limit from Ksh.150,000 to a maximum of Ksh.250,000": the old value of a cap that a
        change sets anew, under a cap or floor word before "from", is that cap's too.
        """
        p = self.patterns
        for previous, amount in zip(amounts, amounts[1:]):
            if previous.threshold or not amount.threshold or previous.linked or amount.linked:
                continue
            if previous.vague or amount.vague or previous.sentence != amount.sentence:
                continue
            if amount.cue_after and p.plain_coordination.fullmatch(text, previous.end, amount.start) \
                    and not p.closing_bound.match(text, amount.end, amount.sentence[1]):  # "$100 and $5,000 or more"
                previous.threshold = amount.threshold
            elif not amount.cue_after and p.change_to_bound.fullmatch(text, previous.end, amount.start) \
                    and p.change_opening.search(text, max(previous.sentence[0], previous.start - 20), previous.start):
                lo = max(previous.sentence[0], previous.start - FAR_CONTEXT_CHARS)
                if any(m.lastgroup in {"cap", "floor"} for m in p.cues.finditer(text, lo, previous.start)) \
                        or p.far_cues.search(text, lo, previous.start) is not None:
                    previous.threshold = amount.threshold

    def _restated(self, text: str, previous: _Amount, amount: _Amount) -> bool:
        """Whether ``amount`` writes out again, after its closing bracket, the bracketed ``previous``.

        "not less than (AED 50,000) fifty thousand dirhams": the same value and
        currency right after the bracket; "(AED 50,000) 20,000 dirhams" is another amount.
        """
        return previous.value == amount.value and previous.currency == amount.currency \
            and self.patterns.bracket_close.fullmatch(text, previous.end, amount.start) is not None

    def _changed_to(self, text: str, previous: _Amount, amount: _Amount) -> bool:
        """Whether ``amount`` is the new value the clause gives the cap or floor of ``previous``.

        "civil monetary penalties now capped at US$500,000 per violation ... will
        increase to US$1,094,010": a change verb right before the amount, in the
        same clause, and a cap or floor word before the first amount.
        """
        p = self.patterns
        if amount.start - previous.end > FAR_CONTEXT_CHARS or p.clause_break.search(text, previous.end, amount.start):
            return False
        if not p.changed_to.search(text, previous.end, amount.start):
            return False
        lo = max(previous.sentence[0], previous.start - FAR_CONTEXT_CHARS)
        return any(m.lastgroup in {"cap", "floor"} for m in p.cues.finditer(text, lo, previous.start)) \
            or p.far_cues.search(text, lo, previous.start) is not None

    def _old_value(self, text: str, previous: _Amount, amount: _Amount) -> bool:
        """Whether ``amount`` is the old value of the cap or floor that ``previous`` sets anew.

        "the price cap was lowered to $47.60 from $60": the new value after "to",
        a unit at most, then "from" and the old value.
        """
        p = self.patterns
        return bool(p.change_from.fullmatch(text, previous.end, amount.start)
                    and p.change_to.search(text, max(previous.sentence[0], previous.start - 20), previous.start))

    def _next_list_item(self, text: str, previous: _Amount, amount: _Amount) -> bool:
        """Whether ``amount`` ends the next item of a list cut by separators, linked as ``previous`` is.

        "increased the maximum civil penalty ... to $1,333,312; the AEDPA to the
        greater of $76,351 ...; and the CDTA to $13,066": each item names its own
        object, the verb and its direction are the first item's. An item may have
        no link when the first has none either, both amounts opening their items
        ("ses plafonds ... : 2.500 euros pour les résidents, 15.000 euros pour les
        non-résidents").
        """
        p = self.patterns
        separators = list(p.list_item_separator.finditer(text, previous.end, amount.start))
        if not separators:
            return False
        item = separators[-1].end()
        if not p.list_item_tail.fullmatch(text, item, amount.start):
            return False
        link = p.list_item_link.search(text, item, amount.start)
        before = max(previous.sentence[0], previous.start - 40)
        first = p.list_item_link.search(text, before, previous.start)
        if link is None and first is None:
            return not text[item:amount.start].strip() and p.list_item_opening.search(text, before, previous.start) is not None
        if link is None or first is None or len(text[item:link.start()].split()) > p.list_item_words:
            return False
        return _squash(link.group().split()[0]).lower() == _squash(first.group().split()[0]).lower()

    def _read_greater_of(self, text: str, amounts: Sequence[_Amount]) -> None:
        """The greater of an amount and something else is at least that amount: a floor.

        "the penalty is the greater of $25,000 or the amount of the cash
        transaction" (above); read last, so that a cap word or a shared cap
        before it wins ("the maximum civil penalty ... is the greater of $377,700").
        """
        for i, amount in enumerate(amounts):
            if amount.threshold is None and not amount.vague and self.patterns.greater_of.search(
                    text, max(amount.sentence[0], amount.start - 20), amount.start) \
                    and not self._in_list_of_maxima(text, amounts, i):
                amount.threshold = "above"

    def _in_list_of_maxima(self, text: str, amounts: Sequence[_Amount], i: int) -> bool:
        """Whether ``amounts[i]`` opens a list item whose list read an earlier item's amount as a ceiling.

        "- Criminal: up to $1,000,000 ... per violation" over "- Administrative: ...;
        fines: the greater of $250,000 per violation or twice the amount": the list
        gives the maxima of the law, and the greater of the two is one of them.
        """
        p = self.patterns
        line_start = text.rfind("\n", 0, amounts[i].start) + 1
        if not p.list_marker.match(text, line_start):
            return False
        for previous in reversed(amounts[:i]):
            between = text[previous.end:line_start]
            if PARAGRAPH_BREAK.search(between):
                return False
            previous_line = text.rfind("\n", 0, previous.start) + 1
            if previous_line != line_start and p.list_marker.match(text, previous_line):
                return previous.threshold == "below"
        return False

    def _mark_sanctions(self, text: str, amounts: list[_Amount], sentences: Sequence[tuple[int, int]]) -> None:
        """Flag the amounts whose sentence, or the one before a fine's, is about sanctions or money laundering.

        A cap, a floor or a fine also takes the context of its paragraph's two
        sentences before it and the one after it: the rule an article sets out is
        named once and its figures follow.

        A conversion and the amount it converts are one sum written twice ("received
        the largest fine of $4.55m (S$5.8m)"): they share the context that either
        one's fine or penalty word brings, and the laundered-money exception.
        """
        p = self.patterns
        own: dict[tuple[int, int], bool] = {}
        before: dict[tuple[int, int], bool] = {}
        offence: dict[tuple[int, int], bool] = {}
        near: dict[tuple[int, int], bool] = {}
        penalty: list[bool] = []
        contexts: list[bool] = []
        laundered: list[bool] = []
        for i, amount in enumerate(amounts):
            sentence = amount.sentence
            if sentence not in own:
                own[sentence] = p.mentions_sanctions(text, *sentence)
            context = own[sentence]
            # A fine or penalty, or a sentence that opens by pointing back ("These include ..."),
            # takes the context of the sentence before it.
            penalty.append(self._is_penalty(text, amounts, i, penalty))
            if not context and (penalty[i] or p.sanctions_continuation.match(text, sentence[0])):
                if sentence not in before:
                    before[sentence] = self._previous_sentence_context(text, sentence, sentences) or (
                        penalty[i] and self._lead_in_context(text, amount.start))
                context = before[sentence]
            # A fine for money laundering, in its sentence or the one before ("Penalties ... include").
            if not context and penalty[i]:
                if sentence not in offence:
                    offence[sentence] = p.names_penalty_offence(text, *sentence) or self._previous_sentence_context(
                        text, sentence, sentences, offence=True)
                context = offence[sentence]
            # A cap, a floor or a fine is the rule of the paragraph it stands in: the two sentences
            # before it and the one after ("Une amende de 787,3 millions de dollars. ... Telle est la
            # pénalité ... pour avoir violé des embargos américains").
            if not context and (amount.threshold in ("above", "below") or penalty[i]):
                if sentence not in near:
                    near[sentence] = self._paragraph_context(text, sentence, sentences)
                context = near[sentence]
            contexts.append(context)
            # "used to launder more than $455 million": criminal proceeds, whatever the sentence says
            laundered.append(p.is_laundered(text, amount.start, amount.end))
        index = {id(a): i for i, a in enumerate(amounts)}
        for i, amount in enumerate(amounts):
            j = index.get(id(amount.linked)) if amount.linked is not None else None
            if j is not None:
                contexts[i] = contexts[j] = contexts[i] or contexts[j]
                laundered[i] = laundered[j] = laundered[i] or laundered[j]
        for amount, context, proceeds in zip(amounts, contexts, laundered):
            amount.sanctions = context and not proceeds

    def _is_penalty(self, text: str, amounts: Sequence[_Amount], i: int, penalty: Sequence[bool]) -> bool:
        """Whether ``amounts[i]`` is a fine or penalty: the word next to it, no other amount in between.

        "a $41 million fine", "l'amende peut atteindre 375 000 euros"; a range or a
        list from a penalty shares it ("from $50,000 to $1,000,000"). The other
        amounts of the sentence ("a $3 billion money-laundering case") are not.
        """
        p = self.patterns
        amount = amounts[i]
        previous = amounts[i - 1] if i > 0 and amounts[i - 1].sentence == amount.sentence else None
        following = amounts[i + 1] if i + 1 < len(amounts) and amounts[i + 1].sentence == amount.sentence else None
        lo = max(amount.sentence[0], amount.start - PENALTY_BEFORE_CHARS, previous.end if previous else 0)
        hi = min(amount.sentence[1], amount.end + PENALTY_AFTER_CHARS, following.start if following else len(text))
        if p.names_penalty(text, lo, amount.start) or p.names_penalty(text, amount.end, hi):
            return True
        return previous is not None and penalty[i - 1] and bool(
            p.range_ends.fullmatch(text, previous.end, amount.start)
            or p.coordinated.fullmatch(text, previous.end, amount.start))

    def _lead_in_context(self, text: str, start: int) -> bool:
        """Whether a fine on a list line takes the context of the line that leads into the list.

        "According to Section 13 of the PMLA, any person ... shall be punishable with:
        - Imprisonment: up to five years - Fine: up to INR 50 lakh": the statute is
        named in the lead-in, the line before the list's first item in its paragraph, or
        a line that ends with a colon one blank line above it.
        """
        p = self.patterns
        line = text.rfind("\n", 0, start) + 1
        if not p.list_marker.match(text, line):
            return False
        while line > 0:
            previous = text.rfind("\n", 0, line - 1) + 1
            if not text[previous:line - 1].strip():
                # "Both fines related to financial crime/AML failures:", a blank line, then the items:
                # a lead-in that ends with its colon reaches over one blank line.
                above = text.rfind("\n", 0, max(previous - 1, 0)) + 1
                lead = text[above:max(previous - 1, above)]
                return previous > 0 and lead.rstrip().endswith(":") and not p.list_marker.match(lead) \
                    and p.mentions_sanctions(text, above, previous - 1)
            if not p.list_marker.match(text, previous):
                return p.mentions_sanctions(text, previous, line - 1)
            line = previous
        return False

    def _paragraph_context(self, text: str, sentence: tuple[int, int], sentences: Sequence[tuple[int, int]]) -> bool:
        """Whether the two sentences before ``sentence`` or the one after it, in its paragraph, use the sanctions vocabulary."""
        index, _ = sentence_of(sentences, sentence[0], text_length=len(text))
        lo = int(sentences[max(0, index - 2)][0]) if sentences else sentence[0]
        hi = int(sentences[min(len(sentences) - 1, index + 1)][1]) if sentences else sentence[1]
        lo, hi = min(lo, sentence[0]), max(hi, sentence[1])
        paragraph = PARAGRAPH_BREAK.search(text[lo:sentence[0]][::-1])
        if paragraph is not None:
            lo = sentence[0] - paragraph.start()
        after = PARAGRAPH_BREAK.search(text, sentence[1], hi)
        if after is not None:
            hi = after.start()
        p = self.patterns
        return (lo < sentence[0] and p.mentions_sanctions(text, lo, sentence[0])) or (
            sentence[1] < hi and p.mentions_sanctions(text, sentence[1], hi))

    def _previous_sentence_context(
        self, text: str, sentence: tuple[int, int], sentences: Sequence[tuple[int, int]], *, offence: bool = False
    ) -> bool:
        """Whether the sentence before ``sentence``, in its paragraph, uses the sanctions vocabulary.

        A fine or penalty is for breaking the rules that sentence names: "breaches of
        financial sanctions can attract both criminal and civil penalties. The maximum
        fine ... is £1,000,000". With ``offence``, whether it names an offence whose fine is
        an anti-money-laundering penalty (``sanctions_penalty_offences``) instead.
        """
        start = sentence[0]
        # The sentence before, and the lines before this one when a line break cut the sentence.
        index, (before, _) = sentence_of(sentences, start, text_length=len(text))
        if index > 0:
            before = sentences[index - 1][0]
        paragraph = PARAGRAPH_BREAK.search(text[before:start][::-1])
        if paragraph is not None:
            before = start - paragraph.start()
        if offence:
            return before < start and self.patterns.names_penalty_offence(text, before, start)
        return before < start and self.patterns.mentions_sanctions(text, before, start)


#: How far before a fine range the word naming the law that sets it is read.
LAW_CONTEXT_CHARS = 300

#: The longest text of an inline list's item before its amount ("Trading with the Enemy Act (TWEA) — ").
LIST_ITEM_CHARS = 120

#: How far before and after an amount the fine or penalty word that makes it one is read.
PENALTY_BEFORE_CHARS = 80
PENALTY_AFTER_CHARS = 40

#: A blank line: the end of a paragraph, beyond which no context is read.
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _squash(text: str) -> str:
    return " ".join(text.split())


#: The longest line that a plain-text table row or header may be, and the most words of a header.
TABLE_LINE_CHARS = 120
TABLE_HEADER_WORDS = 15


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _is_table_row(line: str) -> bool:
    """A row of a plain-text table: short, with digits, no final stop or colon."""
    line = line.strip()
    return bool(line) and len(line) <= TABLE_LINE_CHARS and any(c.isdigit() for c in line) \
        and line[-1] not in ".:;!?" and not line.startswith("|")


def _is_table_header(line: str) -> bool:
    """A header of a plain-text table: short, a few words, no digit, no final stop or colon."""
    line = line.strip()
    return bool(line) and len(line) <= TABLE_LINE_CHARS and len(line.split()) <= TABLE_HEADER_WORDS \
        and not any(c.isdigit() for c in line) and line[-1] not in ".:;!?" and not line.startswith("|")


def _overlaps(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)
