"""Acronyms: the ones the text defines ("Long Name (ACR)", "ACR (Long Name)") and the names they spell."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from helpers.entities.lexicon import Lexicon, load_lexicon
from helpers.entities.names import name_key, strip_accents
from helpers.entities.types import SPLIT_WEIGHT, Mention

_ACRONYM = r"[A-Z][A-Za-z0-9&\-]{1,11}"
#: "Long Name (ACR)", also as French drafting writes a law's short name: "Loi sur ... (la « LRPCFAT »)".
_ACR_AFTER = re.compile(r"\(\s*(?:(?:la|le|les|l['’])\s*)?(?:«\s*)?(" + _ACRONYM + r")(?:\s*»)?\s*\)")
_ACR_BEFORE = re.compile(r"\b(" + _ACRONYM + r")\s*\(([^()\n]{3,150})\)")


@dataclass(frozen=True)
class AcronymDefinition:
    """An acronym and the expansion the text gives it, as offsets into the text."""

    short: tuple[int, int]
    long: tuple[int, int]


def acronym_letters(acr: str) -> str:
    """The letters an acronym's expansion must start with; "" when it has fewer than two capitals."""
    caps = "".join(c for c in acr if c.isupper() or c.isdigit())
    if sum(c.isupper() for c in acr) < 2:
        return ""
    return caps.casefold() if any(c.islower() for c in acr) else re.sub(r"[^\w]", "", acr).casefold()


def word_offsets(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Words of ``text`` with absolute offsets; hyphenated words count as several."""
    out = []
    for m in re.finditer(r"[^\W_]+(?:'[^\W_]+)?", text):
        out.append((m.group(), offset + m.start(), offset + m.end()))
    return out


def initial_letter(word: str) -> str:
    """A word's first letter, without case or accent, after an elided article ("l'Union" gives "u")."""
    m = re.match(r"^\w{1,7}'(?=\w)", word)
    if m:
        word = word[m.end():]
    return strip_accents(word[:1]).casefold()


def _capitals_lead(word: str, letters: str) -> bool:
    """True for a short word in capitals that gives all its letters to the acronym ("HM" in "HM Revenue and
    Customs (HMRC)")."""
    return 2 <= len(word) <= 3 and word.isupper() and word.isalpha() and len(letters) > len(word) \
        and letters.startswith(word.casefold())


def _covers(letters: str, words: list[str], lex: Lexicon, skips: int = 0) -> bool:
    """True when ``words`` spell ``letters`` by their initials, function words used or skipped.

    Where the text defines the acronym beside its name, ``skips`` lowercase adjectives may be skipped
    too, as French acronyms often leave the body's level out: "Département fédéral de l'économie, de la
    formation et de la recherche (DEFR)". An acronym met on its own (:func:`spells`) skips none.
    """
    if not letters:
        if not words:
            return True
        # a trailing complement: "... General of Switzerland"
        return len(words) <= 3 and words[0].casefold() in lex.all_function_words and words[-1][:1].isupper()
    if not words:
        return False
    word = words[0]
    elided = re.match(r"^\w{1,7}'(?=\w)", word)
    if elided and elided.group().casefold() in lex.all_function_words and initial_letter(word) == letters[0]:
        if _covers(letters[1:], words[1:], lex, skips):
            return True
    if strip_accents(word[:1]).casefold() == letters[0] and _covers(letters[1:], words[1:], lex, skips):
        return True
    if _capitals_lead(word, letters) and _covers(letters[len(word):], words[1:], lex, skips):
        return True
    base = word[elided.end():] if elided else word
    if word.casefold() in lex.all_function_words or base.casefold() in lex.all_function_words:
        return _covers(letters, words[1:], lex, skips)  # a skipped function word
    if skips and word.isalpha() and word.islower() and len(word) > 3 and len(words) > 1:
        return _covers(letters, words[1:], lex, skips - 1)  # a skipped adjective: "fédéral"
    return False


#: How many lowercase adjectives a name may leave out of the acronym the text defines beside it.
DEFINED_SKIPS = 1


def _long_form(letters: str, words: list[tuple[str, int, int]], lex: Lexicon) -> tuple[int, int] | None:
    """The shortest run of ``words`` ending at the last one whose initials spell ``letters``."""
    limit = len(letters) + 6  # content words: the function words a long French name holds do not count
    content = 0
    for i in range(len(words) - 1, -1, -1):
        word = words[i][0]
        if word.casefold() in lex.all_function_words:
            continue
        content += 1
        if content > limit:
            break
        stripped = re.sub(r"^\w{1,7}'(?=\w)", "", word)
        if not stripped[:1].isupper() or initial_letter(word) != letters[0]:
            continue
        rest = [w for w, _, _ in words[i + 1 :]]
        if _covers(letters[1:], rest, lex, DEFINED_SKIPS) \
                or (_capitals_lead(word, letters) and _covers(letters[len(word):], rest, lex, DEFINED_SKIPS)):
            start = words[i][1]
            if stripped is not word:
                start += len(word) - len(stripped)
            return start, words[-1][2]
    return None


def find_acronyms(text: str, lang: str) -> list[AcronymDefinition]:
    """Acronyms defined in ``text``: "Long Name (ACR)" and "ACR (Long Name)".

    The acronym's capitals must be the initials of the expansion's words, in
    order; function words may be skipped or used ("Department of Justice
    (DOJ)"), and the expansion must start with a capital.
    """
    lex = load_lexicon(lang)
    found = []
    for m in _ACR_AFTER.finditer(text):
        acr = m.group(1)
        letters = acronym_letters(acr)
        if not letters:
            continue
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start()) + 1, text.rfind(";", 0, m.start()), text.rfind("(", 0, m.start()), 0)
        segment = text[line_start : m.start()]
        words = word_offsets(segment, line_start)
        span = _long_form(letters, words, lex)
        if span:
            found.append(AcronymDefinition((m.start(1), m.end(1)), span))
    for m in _ACR_BEFORE.finditer(text):
        acr = m.group(1)
        letters = acronym_letters(acr)
        if not letters:
            continue
        inner_start = m.start(2)
        words = word_offsets(m.group(2), inner_start)
        if len(words) < 2 or not words[0][0][:1].isupper():
            continue
        if initial_letter(words[0][0]) == letters[0] and _covers(letters[1:], [w for w, _, _ in words[1:]], lex):
            found.append(AcronymDefinition((m.start(1), m.end(1)), (words[0][1], words[-1][2])))
    return found


def apply_acronyms(mentions: list[Mention], body: str, article_id: str, lang: str) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """Add the missing side of each defined acronym and return (mentions, links)."""
    links: list[tuple[Mention, Mention]] = []
    for definition in find_acronyms(body, lang):
        (sa, sb), (la, lb) = definition.short, definition.long
        short = next((m for m in mentions if m.start == sa and m.end == sb), None)
        inside = [m for m in mentions if m.start >= la and m.end <= lb and not (m.start == sa and m.end == sb)]
        container = next((m for m in mentions if m.start <= la and m.end >= lb and m is not short), None)
        elsewhere = [m for m in mentions if m.key in (name_key(body[sa:sb]), name_key(body[la:lb]))]
        if container is None and not inside:
            # "U.S. Immigration" + "and Customs Enforcement (ICE)": the model cut the expansion; its piece
            # starting before the spelled words takes them in, with what it held before ("U.S.")
            cut = next((m for m in mentions if m.start < la < m.end < lb and not m.ent_id and m.model_label == "ORG"), None)
            if cut is not None:
                la, inside = cut.start, [cut]
        if short is None and not inside and container is None and not elsewhere:
            continue  # neither side tagged anywhere: most likely not a name ("anti-money laundering (AML)")
        if container is not None:
            long = container
        elif len(inside) == 1 and inside[0].start == la and inside[0].end == lb:
            long = inside[0]
        else:
            votes: Counter[str] = Counter()
            for m in inside:
                votes[m.model_label] += m.weight
            source = short or (elsewhere[0] if elsewhere else None)
            label = votes.most_common(1)[0][0] if votes else (source.model_label if source else "ORG")
            if any(m.ent_id for m in inside):
                continue
            gone = {id(m) for m in inside}
            mentions = [m for m in mentions if id(m) not in gone]
            long = Mention(article_id, lang, la, lb, body[la:lb], label, created=not inside)
            mentions.append(long)
        if short is None:
            short = Mention(article_id, lang, sa, sb, body[sa:sb], long.model_label, weight=SPLIT_WEIGHT, created=True)
            mentions.append(short)
        elif long.model_label == "PER" and short.model_label != "PER" and not short.ent_id:
            short.model_label = "PER"  # "Khadem Al Qubaisi (KAQ)": a person's initials, not a firm the model saw
        links.append((short, long))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions, links


def spells(acronym: str, name: str, lex: Lexicon) -> bool:
    """True when the initials of ``name``'s words spell ``acronym`` ("SEC", "Securities and Exchange Commission")."""
    letters = acronym_letters(acronym)
    words = [w for w, _, _ in word_offsets(name, 0)]
    return bool(letters) and len(words) >= 2 and initial_letter(words[0]) == letters[0] and _covers(letters[1:], words[1:], lex)


def spelled_acronyms(name: str, lex: Lexicon, *, longest: int = 6) -> frozenset[str]:
    """Every acronym of up to ``longest`` letters that :func:`spells` accepts for ``name``.

    Follows :func:`_covers` choice by choice: a word gives its initial (an elided
    function word "d'" may give the initial of the word after it), a function
    word may also be skipped, and a trailing complement may end the letters. An
    index of these lets an acronym find the names it spells by one look-up.
    """
    words = [w for w, _, _ in word_offsets(name, 0)]
    if len(words) < 2:
        return frozenset()
    first = initial_letter(words[0])
    if len(first) != 1:
        return frozenset()
    tails: list[set[str]] = [set() for _ in words] + [{""}]
    for i in range(len(words) - 1, 0, -1):
        word, rest, out = words[i], words[i:], tails[i]
        if len(rest) <= 3 and rest[0].casefold() in lex.all_function_words and rest[-1][:1].isupper():
            out.add("")
        elided = re.match(r"^\w{1,7}'(?=\w)", word)
        initials = {strip_accents(word[:1]).casefold()}
        if elided and elided.group().casefold() in lex.all_function_words:
            initials.add(initial_letter(word))
        for initial in initials:
            if len(initial) == 1:
                out.update(initial + tail for tail in tails[i + 1] if len(tail) < longest - 1)
        base = word[elided.end():] if elided else word
        if word.casefold() in lex.all_function_words or base.casefold() in lex.all_function_words:
            out.update(tail for tail in tails[i + 1] if tail)
    return frozenset(first + tail for tail in tails[1])
