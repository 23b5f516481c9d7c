"""French public bodies the model cuts, mislabels or misses, found from their head words.

French writes most of its administrations and courts with a lowercase head and
a long complement, which the small model cuts to the place or the capitalised
word inside ("Paris" for "tribunal correctionnel de Paris", "Trésor" for
"direction générale du Trésor") or misses. The head words, the domains of an
administration and the nationalities that may sit between are data
(``helpers/data/entities/body_heads_fr.txt``); one compiled pattern per kind
scans an article once.

* A body named by its seat: a seat word, de/du and a capitalised place
  ("parquet de Châlons-en-Champagne", "cour d'appel de Paris", "mairie de
  Neuilly-sur-Seine"): the whole name is the organisation.
* A head, de/du/des and its domain, run on with "et des", ", de la", "contre
  la" ("ministère de l'Action et des Comptes publics", "direction centrale de la
  police judiciaire", "ministère de l'économie, des finances et du budget").
  A lowercase head must be one that names a body alone ("direction générale",
  "ministère") or have a capitalised domain ("département américain du
  Trésor", "direction du Trésor"): "le service de renseignement" and "le
  département de la Seine" are no names.
* A lowercase name whose acronym follows it in brackets, the acronym's letters
  taken from the starts of its words ("sous-direction de la lutte contre la
  criminalité financière (SDLCF)", "direction générale des finances publiques
  (DGFIP)"); the two are linked as one entity.
* An organ named before a body the model tagged ("commission des sanctions de
  l'" + "Autorité de contrôle prudentiel et de résolution", "collège de l'AMF").
* A two-word head that names a body alone and an adjective ("parquet national
  financier", "parquet national antiterroriste").
* Lowercase adjectives the model left after such a name when it ends with a
  domain ("Direction centrale de la Police" + "judiciaire", "Juridiction
  nationale ... criminalité" + "organisée"), and after a capitalised head the
  model tagged alone ("le Parquet" + "populaire suprême").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.entities.acronyms import acronym_letters, word_offsets
from helpers.entities.gazetteer import french_departments, is_demonym, lookup
from helpers.entities.lexicon import DATA_DIR, load_lexicon
from helpers.entities.names import strip_accents
from helpers.entities.types import CUE_WEIGHT, SPLIT_WEIGHT, Mention

_KINDS = ("seat", "part", "committee", "chamber", "head", "ranked", "nationality", "domain")
#: A capitalised word, hyphenated compounds included ("Châlons-en-Champagne").
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'-]*"
#: A lowercase adjective by its ending ("judiciaire", "publics", "douanières", "organisée", "indirects"), its stem of
#: three letters or more: not the verb "crée" ("la Loi sur l'Autorité des marchés financiers crée le Bureau").
_ADJ = (
    r"(?!(?:et|ou|de|des|du|la|le|les|aux|au|actuel|actuelle|actuels|actuelles|même|mêmes)(?![\w-]))[a-zà-öø-ÿœ]{3,}"
    r"(?:ique|aire|ale|al|aux|el|elle|ier|ière|ée|isé|if|ive|iste|ien|ienne|ais|aise|ain|aine|ct|ic|ère|ême)s?(?![\w-])"
)
#: A lowercase word of a committee's remit: "lois", "affaires", "étrangères", "enquête"; no function word.
_LOWER_WORD = r"(?!(?:de|des|du|la|le|les|et|ou|l|d)(?![\w'’-]))[a-zà-öø-ÿœ][a-zà-öø-ÿœ'’-]*"
_CONNECTOR = r"(?:de\s+la\s+|de\s+l'|des\s+|du\s+|de\s+|d'|aux\s+|au\s+|pour\s+la\s+|pour\s+le\s+|pour\s+les\s+|pour\s+l')"
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,11})\s*\)")
#: Words an acronym's letters may skip, besides the language's function words.
_SKIPPED = frozenset({"contre", "pour", "et"})


@dataclass(frozen=True)
class BodyPatterns:
    """The compiled patterns of one language's body heads, and the heads that name a body alone."""

    seat: re.Pattern[str] | None
    named: re.Pattern[str] | None
    head_word: re.Pattern[str] | None
    ranked: frozenset[str]
    adjective_after: re.Pattern[str]
    ranked_adjective: re.Pattern[str] | None = None
    domains: frozenset[str] = frozenset()
    part_before: re.Pattern[str] | None = None
    seat_after_acronym: re.Pattern[str] | None = None
    committee_before: re.Pattern[str] | None = None
    chambers: frozenset[str] = frozenset()


def _words(kind_lines: dict[str, list[str]], kind: str) -> list[str]:
    return sorted(kind_lines.get(kind, []), key=len, reverse=True)


def _phrase(words: list[str]) -> str:
    """An alternation of phrases, any case, with any run of spaces between words."""
    return "|".join(r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in words)


@lru_cache(maxsize=None)
def body_patterns(lang: str) -> BodyPatterns:
    """The patterns of ``body_heads_{lang}.txt``; a language without the file finds nothing."""
    path = DATA_DIR / f"body_heads_{lang}.txt"
    kind_lines: dict[str, list[str]] = {k: [] for k in _KINDS}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            kind, phrase = line.split(None, 1)
            if kind not in kind_lines:
                raise ValueError(f"{path.name}: unknown kind {kind!r} in {line!r}")
            kind_lines[kind].append(phrase.casefold())
    adjective_after = re.compile(rf"(?:\s+{_ADJ}){{1,2}}")
    if not kind_lines["head"] and not kind_lines["seat"]:
        return BodyPatterns(None, None, None, frozenset(), adjective_after)
    seats = _phrase(_words(kind_lines, "seat"))
    seat = re.compile(rf"(?<![\w-])(?i:{seats})\s+(?:de\s+|d'|du\s+|des\s+)({_CAP})(?![\w-])")
    seat_after_acronym = re.compile(
        rf"(?<![\w-])(?i:{seats})\s*\(\s*[A-Z][A-Za-z]{{1,11}}\s*\)\s+(?:de\s+|d'|du\s+|des\s+)({_CAP})(?![\w-])"
    )
    heads = _phrase(_words(kind_lines, "head"))
    nationality = _phrase(_words(kind_lines, "nationality"))
    domain = _phrase(_words(kind_lines, "domain"))
    not_head = rf"(?!(?i:{heads})(?![\w-]))"
    unit = rf"{not_head}(?:{_CAP}|(?:{domain})(?![\w-]))(?:\s+{_ADJ}){{0,2}}"
    domain_unit = rf"(?:{domain})(?![\w-])(?:\s+{_ADJ}){{0,2}}"
    inner = (
        rf"(?:(?:\s*,\s*|\s+et\s+){_CONNECTOR}\s*{unit}"  # ", des finances", "et des Comptes publics"
        rf"|\s+{_CONNECTOR}\s*{unit}"  # "de la police", "du renseignement"
        rf"|\s+(?:et\s+)?(?:contre\s+)?(?:la\s+|le\s+|les\s+|l')\s*{domain_unit}"  # "contre la criminalité", "et la criminalité"
        rf"|\s+et\s+{domain_unit}"  # "et droits indirects", "et cybercriminalité"
        rf"|\s+sur\s+(?:la\s+|le\s+|les\s+|l')\s*{domain_unit})"  # "sur la criminalité financière organisée"
    )
    named = re.compile(
        rf"(?<![\w-])((?i:{heads}))(?:\s+((?i:{nationality})e?s?))?\s+{_CONNECTOR}\s*({unit})((?:{inner}){{0,6}})"
    )
    head_word = re.compile(rf"(?<![\w-])(?i:{heads})(?![\w-])")
    two_word = _phrase([w for w in _words(kind_lines, "ranked") if len(w.split()) == 2])
    ranked_adjective = re.compile(rf"(?<![\w-])(?i:{two_word})\s+{_ADJ}(?!\s+(?:de|du|des|d')(?![\w-]))")
    part_before = re.compile(rf"(?<![\w-])(?i:{_phrase(_words(kind_lines, 'part')) or '(?!)'})\s+(?:de\s+la\s+|de\s+l'|du\s+)\Z")
    committees = _phrase(_words(kind_lines, "committee")) or "(?!)"
    # a committee's kind, its lowercase remit (up to four words, "et" or "et du" allowed) and de/du before the chamber
    committee_before = re.compile(
        rf"(?<![\w-])(?i:{committees})\s+(?:des\s+|de\s+la\s+|de\s+l'|du\s+|d')\s*{_LOWER_WORD}"
        rf"(?:\s+(?:et\s+(?:du\s+|de\s+la\s+|des\s+|de\s+l')?\s*)?{_LOWER_WORD}){{0,3}}\s+(?:de\s+la\s+|de\s+l'|du\s+)\Z"
    )
    return BodyPatterns(seat, named, head_word, frozenset(_words(kind_lines, "ranked")), adjective_after,
                        ranked_adjective, frozenset(kind_lines["domain"]), part_before, seat_after_acronym,
                        committee_before, frozenset(_words(kind_lines, "chamber")))


def _spells(letters: str, words: list[str]) -> bool:
    """True when each word gives the next one to three letters of ``letters``, in order, using them all."""
    @lru_cache(maxsize=None)
    def cover(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = strip_accents(words[j]).casefold()
        return any(
            i + n <= len(letters) and word[:n] == letters[i:i + n] and cover(i + n, j + 1)
            for n in (1, 2, 3)
        )
    return bool(words) and cover(0, 0)


def _spelled_start(body: str, head_starts: list[int], end: int, letters: str, lang: str) -> int | None:
    """The first head before ``end`` from which the words to ``end`` spell ``letters`` (the head may be left out)."""
    lex = load_lexicon(lang)
    for start in head_starts:
        words = [w for w, _, _ in word_offsets(body[start:end], start)
                 if w.casefold() not in lex.all_function_words and w.casefold() not in _SKIPPED]
        if len(words) >= 2 and (_spells(letters, words) or _spells(letters, words[1:])):
            return start
    return None


def find_public_bodies(body: str, lang: str) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Spans of the bodies in ``body``, each with the offsets of the acronym that follows it, if any."""
    patterns = body_patterns(lang)
    if patterns.seat is None:
        return []
    spans: list[tuple[int, int]] = []
    for m in patterns.seat.finditer(body):
        spans.append((m.start(), m.end()))
    for m in patterns.named.finditer(body):
        head, nationality, first = m.group(1), m.group(2), m.group(3)
        lowercase = head[:1].islower()
        ranked = " ".join(head.casefold().split()) in patterns.ranked
        first_word = first.split()[0].casefold()
        if lowercase and not ranked and not (first[:1].isupper() and (nationality or first_word in patterns.domains)):
            continue  # "le service de renseignement", "le département de la Seine": descriptions, not names
        spans.append((m.start(), m.end()))
    for m in patterns.ranked_adjective.finditer(body):  # "parquet national financier"
        spans.append((m.start(), m.end()))
    # lowercase names spelled by the acronym after them: "sous-direction de la lutte ... (SDLCF)"
    concepts = load_lexicon(lang).concepts
    for m in re.finditer(r"\(\s*([A-Z][A-Za-z]{1,11})\s*\)", body):
        letters = acronym_letters(m.group(1)) or m.group(1).casefold()
        if len(letters) < 3:
            continue
        floor = max(body.rfind(c, 0, m.start()) for c in ".;:()\n«»")
        window = body[floor + 1:m.start()]
        heads = [floor + 1 + h.start() for h in patterns.head_word.finditer(window)]
        start = _spelled_start(body, heads, m.start(), letters.casefold(), lang)
        if start is not None and (body[start].isupper() or m.group(1).casefold() not in concepts):
            # "cellule de renseignement financier (CRF)": in lowercase, a kind of body, which the acronym names too
            spans.append((start, len(body[:m.start()].rstrip())))
    spans = _longest(spans)
    out = []
    for start, end in spans:
        after = _ACRONYM_AFTER.match(body, end)
        if after and _is_place_name(after.group(1)):
            after = None  # "tribunal judiciaire de Versailles (Yvelines)": the seat's department, no acronym
        if after and out and not _spells_body(body, start, end, after.group(1), lang):
            previous = out[-1]
            if previous[2] is None and _OF_BETWEEN.fullmatch(body, previous[1], start) \
                    and _spells_body(body, previous[0], previous[1], after.group(1), lang):
                # "Service des enquêtes sur la criminalité financière organisée de la Sûreté du Québec (SECFO)": the
                # acronym spells the unit named first, not the force after it
                out[-1] = (previous[0], previous[1], (after.start(1), after.end(1)))
                after = None
        out.append((start, end, (after.start(1), after.end(1)) if after else None))
    return out


#: What joins a unit's name to the body it belongs to: " de la ", " du ", " de l'".
_OF_BETWEEN = re.compile(r"\s+(?:de\s+la|de\s+l'|du|des|de)\s+|\s+de\s+l'|\s+d'")


def _spells_body(body: str, start: int, end: int, acronym: str, lang: str) -> bool:
    """True when the words of ``body[start:end]`` spell ``acronym``, as :func:`_spelled_start` reads them."""
    letters = (acronym_letters(acronym) or acronym.casefold()).casefold()
    return _spelled_start(body, [start], end, letters, lang) is not None


def _is_place_name(word: str) -> bool:
    reference = lookup(word)
    return word.casefold() in french_departments() or (reference is not None and reference.label == "LOC")


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans reduced to the longest of each overlap, in text order."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= a or start >= b for a, b in kept):
            kept.append((start, end))
    return sorted(kept)


def _extend_adjectives(m: Mention, body: str, lex, patterns: BodyPatterns) -> Mention:
    """Take in the lowercase adjectives the model left after a body's name ("... de la Police" + "judiciaire").

    Also after a name closed by a capitalised head of its own, which takes its adjectives as it does alone, whatever
    the model's label ("le Parquet du Pool" + "judiciaire financier", which the model calls a place).
    """
    words = m.text.split()
    if m.model_label not in ("ORG", "LOC") or len(words) < 3 or strip_accents(words[0]).casefold() not in lex.institution_heads:
        return m
    last = words[-1]
    inner_head = last[:1].isupper() and strip_accents(last).casefold() in lex.institution_heads
    if not inner_head and (m.model_label != "ORG" or last.casefold() not in patterns.domains):
        return m  # "Parquet de Paris" + "spécialisée dans ...": a participle, not the name's
    after = patterns.adjective_after.match(body, m.end)
    if after is None or is_demonym(after.group().split()[0], lang=m.lang):
        return m  # "le Department of Justice américain": the nationality is no part of the name
    end = after.end()
    label = "ORG" if inner_head else m.model_label
    return Mention(m.article_id, m.lang, m.start, end, body[m.start:end], label, weight=m.weight)


#: A participle's complement after it: "la Commission chargée de", "le Tribunal saisi par".
_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d'|par|à|au|aux|en|pour)(?![\w-])")


def _extend_head_adjectives(m: Mention, body: str, lex, patterns: BodyPatterns) -> Mention:
    """Take in the lowercase adjectives after a capitalised head the model tagged alone ("le Parquet" +
    "populaire suprême", "le Pool" + "judiciaire financier"): the head with its adjectives is the body's name."""
    if m.model_label not in {"ORG", "LOC"} or " " in m.text or not m.text[:1].isupper() or m.text.isupper():
        return m
    if strip_accents(m.text).casefold() not in lex.institution_heads:
        return m
    after = patterns.adjective_after.match(body, m.end)
    if after is None or is_demonym(after.group().split()[0], lang=m.lang):
        return m  # "la Banque russe": a nationality describes a bank, it names none
    if after.group().rstrip("s").endswith(("ée", "é")) and _COMPLEMENT.match(body, after.end()):
        return m  # "la Commission chargée de": a participle and its complement
    end = after.end()
    return Mention(m.article_id, m.lang, m.start, end, body[m.start:end], m.model_label, weight=m.weight)


def _with_part(m: Mention, body: str, patterns: BodyPatterns) -> Mention:
    """Take in the organ named before a body ("commission des sanctions de l'" + "Autorité de contrôle ..."),
    and a chamber's committee before the chamber ("commission des lois du" + "Sénat"), whatever the model's label
    of the chamber (a place, for want of a body's cue)."""
    chamber = " ".join(m.text.casefold().split()) in patterns.chambers
    if patterns.committee_before is not None and chamber and m.model_label in {"ORG", "LOC", "MISC"}:
        committee = patterns.committee_before.search(body, max(0, m.start - 80), m.start)
        if committee is not None:
            return Mention(m.article_id, m.lang, committee.start(), m.end, body[committee.start():m.end], "ORG",
                           weight=m.weight)
    if m.model_label != "ORG" or patterns.part_before is None:
        return m
    part = patterns.part_before.search(body, max(0, m.start - 40), m.start)
    if part is None:
        return m
    return Mention(m.article_id, m.lang, part.start(), m.end, body[part.start():m.end], "ORG", weight=m.weight)


#: A clause the model ran on after a body's name: "l'Autorité de contrôle prudentiel et de résolution" + "dans l'usage de ...".
_CLAUSE_AFTER = re.compile(r"\s+(?:dans|pour|lors|selon|depuis|avec|sur|par)\s")


_ENGLISH_JOINS = re.compile(r"\s(?:of|for|the|and)\s")


def _without_seats_after_acronyms(found: list[Mention], body: str, patterns: BodyPatterns) -> list[Mention]:
    """Drop the seat written after a body's acronym ("Juridiction Interrégionale Spécialisée (JIRS) de" + "Paris").

    The place is the body's seat, part of its name as in "JIRS de Paris", not
    a place the text speaks of.
    """
    if patterns.seat_after_acronym is None:
        return found
    seats = {m.span(1) for m in patterns.seat_after_acronym.finditer(body)}
    return [m for m in found if m.ent_id or (m.start, m.end) not in seats or m.model_label not in {"LOC", "PER"}]


def _holds(m: Mention, body: str, start: int, end: int) -> bool:
    if m.model_label != "ORG" or not (m.start <= start and m.end >= end) or (m.start, m.end) == (start, end):
        return False
    return not (m.start == start and _CLAUSE_AFTER.match(body, end, m.end))


def tag_public_bodies(
    found: list[Mention], article_id: str, lang: str, body: str,
) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """Replace the pieces of each body's name by the whole name, tag the bodies the model missed.

    Returns the mentions and the links between a name and the acronym after it,
    for the acronym rule's merge.
    """
    patterns = body_patterns(lang)
    if patterns.seat is None:
        return found, []
    lex = load_lexicon(lang)
    found = [m if m.ent_id else _with_part(_extend_head_adjectives(_extend_adjectives(m, body, lex, patterns), body, lex, patterns),
                                           body, patterns) for m in found]
    found = _without_seats_after_acronyms(found, body, patterns)
    links: list[tuple[Mention, Mention]] = []
    bodies = find_public_bodies(body, lang)
    for start, end, acronym in bodies:
        if any(m.ent_id and m.start < end and start < m.end for m in found):
            continue  # a watchlist name wins
        if any(m.model_label == "ORG" and m.start < start < m.end <= end and _ENGLISH_JOINS.search(body, m.start, start)
               for m in found):
            continue  # "Securities and Exchange" + "Commission des États-Unis": the head is an English name's last word
        if any(_holds(m, body, start, end) and sum(m.start < b and a < m.end for a, b, _ in bodies) == 1 for m in found):
            continue  # already inside a longer organisation's name, which holds no other body
        found = [m for m in found if not (m.start < end and start < m.end)]
        name = Mention(article_id, lang, start, end, body[start:end], "ORG", weight=CUE_WEIGHT, created=True)
        found.append(name)
        if acronym is not None:
            short = next((m for m in found if (m.start, m.end) == acronym), None)
            if short is None:
                short = Mention(article_id, lang, acronym[0], acronym[1], body[acronym[0]:acronym[1]], "ORG",
                                weight=SPLIT_WEIGHT, created=True)
                found.append(short)
            links.append((short, name))
    found.sort(key=lambda m: (m.start, -m.end))
    return found, links
