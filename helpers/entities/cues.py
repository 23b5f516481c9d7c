"""Context cues: the words around a name, or inside it, that show what kind of entity it is."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pycountry

from helpers.entities.cleanup import currency_after_figure, dollar_prefix, drop_reason, national_amount, trim_span
from helpers.entities.gazetteer import is_capital, is_demonym, is_known_place, lookup
from helpers.entities.names import strip_accents
from helpers.entities.lexicon import MAX_FILLERS, Lexicon
from helpers.entities.naming import event_heads
from helpers.entities.types import EntityRules, Mention

_CUE_TOKEN = re.compile(r"\w+'|\w+(?:[-.]\w+)*\.?|[^\w\s]")
_BLOCKERS = frozenset(
    {
        "in", "at", "from", "to", "with", "by", "for", "on", "into", "against", "and", "or", "which", "who", "whose", "whom",
        "that", "than", "as", "à", "au", "aux", "en", "dans", "vers", "par", "pour", "avec", "chez", "sur",
        "sous", "entre", "contre", "et", "ou", "que", "qui", "dont", "où", "comme", "selon",
        # a verb ends the kind-of noun's phrase: "le propriétaire du yacht serait X"
        "est", "était", "serait", "sont", "étaient", "seraient", "sera", "is", "was", "are", "were",
    }
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "its", "his", "her", "their", "leur", "notre", "our"}
)
_OF = frozenset({"de", "du", "d'", "des", "of", "for", "at", "chez"})
#: Verbs that say what the name is, before a determiner and a kind or a title ("X is the president of").
_COPULAS = frozenset({"is", "was", "est", "était"})
#: Verbs that give a thing its name: "the ship, named Amadea", "le yacht baptisé Amore Vero".
_NAMED = frozenset({"named", "called", "dubbed", "christened", "nommé", "baptisé", "appelé"})
#: Possessives that open an apposition about something the name owns or someone close to it.
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "his", "her", "its", "their"})


def _tokens(text: str) -> list[str]:
    return _CUE_TOKEN.findall(text)


def _match_end(tokens: list[str], i: int, phrases: Iterable[str] | dict[str, str]) -> str | None:
    """The phrase among ``phrases`` whose last word is ``tokens[i - 1]``, if any."""
    for n in (3, 2, 1):
        if i - n < 0:
            continue
        phrase = " ".join(t.casefold() for t in tokens[i - n : i]).replace("' ", "'")
        if phrase in phrases:
            return phrase
    return None


def _match_start(tokens: list[str], i: int, phrases: Iterable[str] | dict[str, str]) -> tuple[str, int] | None:
    """The phrase among ``phrases`` starting at ``tokens[i]`` and its length, if any."""
    for n in (3, 2, 1):
        if i + n > len(tokens):
            continue
        phrase = " ".join(t.casefold() for t in tokens[i : i + n]).replace("' ", "'")
        if phrase in phrases:
            return phrase, n
    return None


#: Words that open a list of examples of a kind: "exchanges such as", "des plateformes comme".
_EXAMPLES = (("such", "as"), ("like",), ("including",), ("notably",), ("comme",), ("tels", "que"), ("telles", "que"), ("notamment",),
             ("du", "type"), ("de", "type"))
_LIST_JOINS = frozenset({",", "and", "or", "et", "ou", "&"})
#: A word that may follow a join inside a French list: "Binance, Coinbase ou encore Coinhouse".
_LIST_JOIN_TAILS = frozenset({"encore", "même", "bien"})
#: How many words an adjective or a de-phrase may put between a French kind and its examples
#: ("des plateformes d'échanges centralisées, du type Binance").
_KIND_REACH = 4


def _listed_kind(before: list[str], lex: Lexicon) -> str | None:
    """The label of the kind a list of examples names, when the name is one of them."""
    i = len(before)
    steps = 0
    while i and steps < 16 and (before[i - 1] in _LIST_JOINS or before[i - 1][:1].isupper() or before[i - 1][:1].isdigit()
                                or (i >= 2 and before[i - 1].casefold() in _LIST_JOIN_TAILS and before[i - 2] in _LIST_JOINS)):
        i -= 1
        steps += 1
    if i == len(before) and steps:
        return None
    words = [w.casefold() for w in before[:i]]
    for marker in _EXAMPLES:
        n = len(marker)
        if len(words) > n and tuple(words[-n:]) == marker:
            noun = words[-n - 1]
            kind = _kind_of(noun, lex)
            if kind is None and len(words) > n + 1:  # "darknet markets like"
                kind = lex.type_cues.get(f"{words[-n - 2]} {singular(noun)}")
            if kind is None and not lex.head_final:  # "des plateformes d'échanges centralisées, du type"
                reach = [w for w in words[max(0, len(words) - n - 1 - _KIND_REACH):-n] if w != ","]
                kind = next((k for k in (_kind_of(w, lex) for w in reversed(reach)) if k), None)
            return kind
    return None


def _kind_of(noun: str, lex: Lexicon) -> str | None:
    """The label of a kind-of noun, singular or plural ("banques", "plateformes", "exchanges")."""
    return lex.type_cues.get(noun) or lex.type_cues.get(singular(noun)) or lex.type_cues.get(noun.rstrip("sx"))


_PAIR_JOINS = frozenset({"and", "or", ",", "et", "ou"})
#: A dash or a colon between a plural kind and the names it lists: "two betting platforms – Reddy Anna and Fairplay".
_LIST_OPENERS = frozenset({"–", "—", ":"})
#: The lowercase particles inside a Dutch, German or French name of several words ("Gazet van Antwerpen").
_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "du", "des", "ten", "ter", "di", "da", "le", "la"})
#: A Dutch or German particle and the capitalised words after it, which go on a name: "Gazet" + " van Antwerpen".
_DUTCH_PARTICLE_TAIL = re.compile(r"(?: (?:van|von|der|den|ten|ter))+(?: [A-ZÀ-Ý][\w'’-]*)+")
#: A source's sources after its name: "a appris Hespress de sources bien informées".
_SOURCES_AFTER = re.compile(r"\s+de\s+sources?\b")
#: A judge after a determiner, then de: "la juge d'instruction de ", "un juge d'", not the verb ("il juge de").
_JUDGE_OF = re.compile(
    r"(?<![\w'’])(?:d['’])?(?:le|la|les|un|une|du|des|au|aux|ce|cette|ces|son|sa|ses|l['’])\s*juges?"
    r"\s+(?:d['’]instruction\s+)?(?:de\s+|d['’])\Z",
    re.IGNORECASE,
)


#: An inquiry's or an operation's kind and its determiner right before a name: "l'enquête ", "le projet ".
_KIND_BEFORE_CODE_NAME = re.compile(r"(?<![\w'’])(?:l['’]|le\s+|la\s+|les\s+|une?\s+|cette\s+|cet\s+|ce\s+)([a-zà-ÿ]+)\s+\Z")
#: A naming participle opening a sentence before a name: "Baptisée ", "Surnommé ", "Nommée ".
_NAMING_OPENER = re.compile(r"(?:\A|[.!?:\n]\s*)(?:Baptisé|Surnommé|Nommé|Dénommé|Appelé)e?s?\s+\Z")
#: A naming participle and an opening quote right before a name, inside the sentence: "L'opération, baptisée « ",
#: "an operation dubbed '", "l'enquête surnommée ".
_NAMING_BEFORE = re.compile(
    r"(?<![\w])(?:baptisé|surnommé|nommé|dénommé|appelé|dite?|dubbed|code-?named|codenamed|named|called)e?s?"
    r"\s*(?:[«\"“‘']\s*)?\Z",
    re.IGNORECASE,
)
#: Kinds a naming participle gives a code name to, besides the operations and inquiries of ``event_heads.txt``:
#: "une affaire de fraude ... baptisée « Crépuscule »", "a scheme dubbed 'Ponzi Plus'". Before a name without
#: the participle they name a person's case ("l'affaire Cahuzac"), so they are no event heads.
_NAMED_AFFAIRS = frozenset({"affaire", "fraude", "escroquerie", "arnaque", "scandale", "affair", "scheme", "scam",
                            "fraud", "scandal", "case"})
#: An opening quote right before a name: "l'opération « ", "Operation '".
_QUOTE_BEFORE = re.compile(r"[«\"“‘']\s*\Z")
#: What the sentence then names, after the name and a comma: ", cette vaste enquête", ", l'opération".
_NAMED_KIND_AFTER = re.compile(r",\s+(?:(?:cette|cet|ces|ce|les|le|la)(?![\w])\s*|l['’]\s*)((?:[a-zà-ÿ-]+\s+){0,2}[a-zà-ÿ]+)\b")


#: A law's article or the legal basis a French text cites, right before the law's name: "l'article 57 du ", "en
#: vertu de la ", "aux termes de la ", "au sens de la ".
_LAW_CITED_BEFORE = re.compile(
    r"(?:(?<![\w])articles?\s+\d+[\w-]*(?:\s+(?:à|et)\s+\d+[\w-]*)?|(?<![\w'’])(?:en\s+vertu|aux\s+termes|au\s+sens|en\s+application))"
    r"\s+(?:du\s+|de\s+la\s+|de\s+l['’]|des\s+|de\s+|d['’])\Z"
    # the Swiss way, the law's acronym right after the article: "(art. 31 LFINMA)", "l'art. 9 al. 1 LBA"
    r"|(?<![\w])(?:art\.|articles?)\s*\d+[\w-]*(?:\s+al\.\s*\d+)?(?:\s+let\.\s*\w)?\s+\Z",
    re.IGNORECASE,
)
#: A law's short name in capitals, maybe with its year glued on: "LRPCFAT", "PLF2026", "LBA".
_LAW_ACRONYM = re.compile(r"[A-Z]{2,10}(?:\d{2,4})?")


def cited_law(body: str, start: int, end: int) -> bool:
    """True for a law's short name in capitals that the text cites by an article or as a legal basis
    ("l'article 57 du PLF2026", "en vertu de la LRPCFAT"): a text, no body."""
    return bool(_LAW_ACRONYM.fullmatch(body, start, end)) and bool(_LAW_CITED_BEFORE.search(body, max(0, start - 40), start))


def code_name(body: str, start: int, end: int) -> bool:
    """True for the code name of an inquiry or an operation: right after its kind ("l'enquête Collecteur",
    "l'opération Hadj"), or given by a naming participle opening the sentence whose subject is such a kind
    ("Baptisée Collecteur, cette vaste enquête"). The kinds are the words of ``event_heads.txt``."""
    heads = event_heads()
    quote = _QUOTE_BEFORE.search(body, max(0, start - 4), start)
    name_start = quote.start() if quote else start  # "l'opération « Collecteur »"
    before = _KIND_BEFORE_CODE_NAME.search(body, max(0, name_start - 20), name_start)
    if before is not None and strip_accents(before.group(1)) in heads:
        return True
    # "L'opération, baptisée « Collecteur »", "an operation dubbed 'Destabilise'": the kind a few words before
    # the participle, in the same clause
    naming = _NAMING_BEFORE.search(body, max(0, start - 20), start)
    if naming is not None:
        clause = re.split(r"[.;:!?\n]", body[max(0, naming.start() - 40):naming.start()])[-1]
        if any(strip_accents(w.lower()) in heads or strip_accents(w.lower()) in _NAMED_AFFAIRS
               for w in re.findall(r"[^\W\d_]+", clause)[-7:]):
            return True  # also "une affaire de fraude à la taxe carbone baptisée « Crépuscule »"
    after = _NAMED_KIND_AFTER.match(body, end)
    return bool(after and any(strip_accents(w) in heads for w in after.group(1).split()) and _NAMING_OPENER.search(body, max(0, start - 20), start))


def _nationality(word: str) -> bool:
    return is_demonym(word, lang="fr") or is_demonym(word)


def singular(word: str) -> str:
    """English plural to singular, enough for kind-of nouns ("exchanges", "companies", "banks")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _match_type(tokens: list[str], j: int, lex: Lexicon) -> tuple[str, int] | None:
    """A kind-of noun starting at ``tokens[j]``, singular or plural ("one of the largest exchanges")."""
    hit = _match_start(tokens, j, lex.type_cues)
    if hit:
        return hit
    for n in (3, 2, 1):
        if j + n > len(tokens):
            continue
        words = [t.casefold() for t in tokens[j : j + n]]
        words[-1] = singular(words[-1])
        phrase = " ".join(words).replace("' ", "'")
        if phrase in lex.type_cues:
            return phrase, n
    return None


#: An apposition that gives an age: ", a 46-year-old Lithuanian", ", 40-year-old".
_AGED_APPOSITION = re.compile(r",\s+(?:(?:a|an)\s+)?\d{1,3}-year-old\b", re.IGNORECASE)
#: A French age after a name: "Anna a 33 ans", "Rachid Mimoun, 45 ans,", "X, âgé de 52 ans", "X (61 ans)"; not a
#: span of time ("a 10 ans de prison", "Tracfin, 30 ans après").
_FRENCH_AGE = re.compile(
    r"(?:\s*,\s*(?:âgée?\s+de\s+)?|\s+a\s+|\s*\(\s*)\d{1,3}\s+ans\b(?!\s+(?:de|d['’]|après|plus|auparavant|avant))"
)

#: A name that opens a place compound: "Houston" in "owner of Houston-based Arc Electronics".
_PLACE_COMPOUND_AFTER = re.compile(r"-(?:based|headquartered|registered|listed)\b", re.IGNORECASE)

#: A hyphenated place compound before a name: "Houston-based CryptoFX".
_BASED = re.compile(r"-(?:based|headquartered|registered|basée?s?)$", re.IGNORECASE)


def _attributive(tokens: list[str], j: int) -> int:
    """How many tokens at ``j`` form a capitalised attribute inside an apposition, 0 if none.

    A nationality ("an American oil services company"), a known place or its
    possessive ("one of Japan's largest exchanges", "a Boston software company")
    or a place compound ("a Cyprus-based fund") describes the noun that follows;
    it does not end the apposition as another name would.
    """
    word = tokens[j]
    if _BASED.search(word):
        return 1
    bare = word.rstrip("'")
    if not bare[:1].isupper() or not bare.replace("-", "").isalpha():
        return 0
    if word.endswith("'"):
        known = is_known_place(bare)
        if j + 1 < len(tokens) and tokens[j + 1].casefold() == "s":
            return 2  # "one of Japan's largest exchanges", "Alameda, Bankman-Fried's hedge fund"
        return 1 if known else 0
    if j + 2 < len(tokens) and tokens[j + 1] == "'" and tokens[j + 2].casefold() == "s":
        return 3  # a hyphenated owner's possessive: "Mr. Bankman-Fried's hedge fund"
    if is_demonym(bare):
        return 1
    ref = lookup(bare)
    return 1 if ref is not None and ref.label == "LOC" else 0


def _clause(body: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of text around a span up to the nearest sentence punctuation or line break.

    Found in the text itself, since a parser's sentence boundaries sometimes
    fall inside a noun phrase ("Le groupe pétrolier | Sibneftegaz").
    """
    periods = [m.start() for m in _PERIOD.finditer(body, max(0, start - 200), start)]
    left = max(body.rfind("\n", 0, start), *(body.rfind(p, 0, start) for p in ("! ", "? ")), *periods[-1:])
    left = 0 if left < 0 else left + 1
    right_candidates = [i for i in (body.find(p, end) for p in ("\n", "! ", "? ")) if i >= 0]
    period = _PERIOD.search(body, end, end + 200)
    if period:
        right_candidates.append(period.start())
    right = min(right_candidates) if right_candidates else len(body)
    return max(left, start - 200), min(right, end + 200)


#: A period that ends a sentence: not a courtesy title's or an initial's ("Mr. Bankman-Fried", "Richard A. Jones").
#: The period comes first, so that the search skips to the next period before trying the look-behinds.
_PERIOD = re.compile(r"\.(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\b[A-Z]\.) ")


#: Words that may follow a job title in an apposition: ", Managing Associate in Linklaters' team".
_AFTER_TITLE = frozenset({"at", "of", "for", "in", "with", ","})


def _capitalised_title(tokens: list[str], j: int, lex: Lexicon) -> int:
    """How many capitalised words from ``tokens[j]`` make a job title before at/of/for/in or a comma, else 0.

    Job titles are often written in capitals in an apposition ("Stefano De Blasi,
    Cyber Threat Intelligence Analyst at Digital Shadows"); the title's last words
    are a title cue.
    """
    k = j
    while k < len(tokens) and k - j < 5 and tokens[k][:1].isupper():
        k += 1
        if _match_end(tokens, k, lex.title_cues) and (k == len(tokens) or tokens[k].casefold() in _AFTER_TITLE):
            return k - j
    return 0


def in_job_title(body: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the span opens a capitalised job title in an apposition ("X, Cyber Threat Intelligence Analyst at").

    The model tags the words before the title's last word as an organisation;
    they name a speciality, and the apposition already says the person's employer.
    """
    if not body[:start].rstrip().endswith(",") or lookup(body[start:end]) is not None:
        return False
    own = _tokens(body[start:end])
    if len(own) < 2 or _match_end(own, len(own), lex.title_cues):
        return False
    _left, right = _clause(body, start, end)
    return _capitalised_title(_tokens(body[start:right]), 0, lex) > len(own)


#: English words that only qualify a job title: "Principal Deputy Assistant Attorney General", "Acting Director",
#: "Joint Executive Director".
_TITLE_MODIFIERS = frozenset({"principal", "deputy", "assistant", "associate", "acting", "interim", "senior", "joint"})


def opens_job_title(body: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the span is one word qualifying the capitalised job title after it ("Principal" + "Deputy ... General").

    The model reads the title's first word as a name of its own when the rest
    of the title is cut off its span.
    """
    word = body[start:end]
    if word.casefold() not in _TITLE_MODIFIERS:
        return False
    _left, right = _clause(body, start, end)
    return _capitalised_title(_tokens(body[start:right]), 0, lex) > 1


#: A lowercase French street word (a de-particle allowed) right before a name: "rue ", "avenue du ", "boulevard ".
#: Not "place", "cours", "quai" or "route", which also open other phrases ("mise en place des", "au cours de",
#: "le quai d'Orsay").
_STREET_BEFORE = re.compile(r"(?<![\w-])(?:rue|avenue|av\.|boulevard|bd|allée|impasse|ruelle|chaussée)\s+"
                            r"(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?\Z")


def street_name(body: str, start: int, lex: Lexicon) -> bool:
    """True for a name right after a lowercase French street word, a title allowed between ("4, rue Louis
    Blériot", "avenue Jean-Jaurès", "rue du Général" + "Leclerc"): a street of an address, which the annotated
    sets do not mark and the model calls a person or a place."""
    before = body[max(0, start - 40):start]
    title = re.search(r"([A-ZÀ-Ý][\w.-]*)\s+\Z", before)
    if title and title.group(1).casefold() in lex.title_cues:
        before = before[:title.start()]
    return bool(_STREET_BEFORE.search(before))


_CLAUSE_OPENING = re.compile(r"(?:\A|[.!?:;«»\"\n(])\s*\Z")


def misc_firm_shaped(body: str, m: Mention, lex: Lexicon) -> bool:
    """True for a one-word French name the model calls MISC that reads as a firm's ("les ennuis de Binance").

    The French model labels many one-word brands, exchanges and agencies MISC
    ("Binance", "Bybit", "Twitter", "Mediapart"). Left out: a word in capitals
    or with digits (laws and sections: "loi PACTE", "Sapin2", "J3"), one that
    opens a clause (a capitalised common word: "Vu les mémoires"), one too
    short to be a brand ("Mt. Gox" cut at its period), a nationality, a kind
    of thing, a title or a generic word ("le Cabinet d'avocats", "la Cellule"),
    and a word the next capitalised word continues (a name the model cut:
    "Ekaterina" + "Tikhonova").
    """
    text = m.text
    if m.lang != "fr" or m.model_label != "MISC" or " " in text or len(text) < 3:
        return False
    if not text[:1].isupper() or text.isupper() or any(c.isdigit() for c in text) or is_demonym(text, lang="fr"):
        return False
    folded = text.casefold()
    if folded in lex.type_cues or folded in lex.title_cues or folded in lex.role_cues or folded in lex.generic:
        return False
    if _CLAUSE_OPENING.search(body, max(0, m.start - 3), m.start):
        return False
    tail_of = _NAME_PARTICLE_BEFORE.search(body, max(0, m.start - 40), m.start)
    if tail_of and tail_of.group(1).casefold() not in lex.concepts:  # "des NFT sur Discord": no name's tail
        return False
    return not re.match(r"[ -]+[A-ZÀ-Ý]", body[m.end:m.end + 3])


#: A capitalised word and a particle right before a name: its tail ("Saint Jean de" + "Vedas").
_NAME_PARTICLE_BEFORE = re.compile(r"([A-ZÀ-Ý][\w'-]+) (?:de|du|des|sur|sous|lès|en) \Z")


def _role_at_firm(before: list[str], k: int, name: str) -> bool:
    """True when a firm's capitalised name comes right before a kind-of noun and the name after it has two words.

    "Coin.mx operator Anthony Murgio", "ChipMixer administrator Jane Doe": the
    kind says what the firm is and the person's role in it, so it says
    nothing of the name; the model's label stands. A nationality or a place
    before the kind is no firm ("Russian exchange Garantex", "U.S. exchange").
    """
    if k < 1 or len(name.split()) < 2 or not all(w[:1].isupper() for w in name.split()):
        return False
    firm = before[k - 1]
    if not firm[:1].isupper() or firm.casefold() in _DETERMINERS:
        return False
    return not (is_demonym(firm.strip(".")) or lookup(firm) is not None)


def _attribute_word(word: str) -> bool:
    """A lowercase word that may stand between a title and a name ("globe-trotter", "milliardaire")."""
    low = word.casefold()
    return bool(re.fullmatch(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*", word)) and low not in _BLOCKERS \
        and low not in _DETERMINERS and low not in _OF and low not in _AUXILIARIES


#: Demonstratives before a kind-of noun that a title's complement names: "l'enquêteur principal de ce projet".
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces", "this", "that", "these", "those"})


def _title_of_kind(before: list[str], k: int, lex: Lexicon) -> bool:
    """True when a title and de/of come before the kind-of noun at ``k`` ("administrateurs de l'échange")."""
    while k and (before[k - 1].casefold() in _DETERMINERS or before[k - 1].casefold() in _DEMONSTRATIVES
                 or before[k - 1] in {"l", "'", "’"}):
        k -= 1
    if k < 2 or before[k - 1].casefold() not in _OF:
        return False
    # the title, maybe with one adjective after it: "l'enquêteur principal de ce projet, François-Olivier Myette"
    for title in [before[k - 2]] + ([before[k - 3]] if k >= 3 and before[k - 2].islower() else []):
        title = title.casefold()
        if title in lex.title_cues or singular(title) in lex.title_cues:
            return True
    return False


#: A subject pronoun and "and" right before a name, or the other way round after it.
_PRONOUN_AND = re.compile(r"(?<![\w'’])(?:[Hh]e|[Ss]he) and \Z")
_AND_PRONOUN = re.compile(r" and (?:he|she)(?![\w'’])")


_RESIDENTS = (r"(?:man|woman|men|women|boy|girl|boys|girls|teenager|teenagers|couple|resident|residents|businessman|"
              r"businesswoman|pensioner|grandmother|grandfather|mother|father|family|student)")
_RESIDENT_BEFORE = re.compile(rf"(?<![\w-])(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree)\s+(?:[a-z]+-year-old\s+|[a-z]+\s+)?{_RESIDENTS}\s+from\s+\Z")
_AGE_OF = re.compile(r",\s*\d{1,3},\s+(?:of|from)\s+\Z")
#: A constituency after its member's title: "Member of Parliament for Molepolole North", "the MP for Hackney".
#: ("the Special Representative for Global Anti-Corruption Policy" names a field, so "Representative" is left out.)
_CONSTITUENCY_BEFORE = re.compile(r"(?<![\w-])(?:Member of Parliament|MP|MPs|MPP|MLA|MHA|MNA|Senator|Congressman|"
                                  r"Congresswoman|Councillor|councillor) for (?:the )?\Z")
_A_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]n?|[Tt]wo|[Tt]hree)\s+\Z")
_RESIDENT_AFTER = re.compile(rf"\s+{_RESIDENTS}(?![\w-])")


def context_cue(body: str, start: int, end: int, lex: Lexicon, *, before_only: bool = False) -> str | None:
    """The label that the words around ``body[start:end]`` point to, or None.

    Before the name: a kind-of noun ("la plateforme d'échange X", "payments firm X"),
    a person's title ("le député X", "son fondateur, X"), or a role and "de/of"
    ("le représentant de X", "founder of X": X is an organisation).
    After it: an apposition (", a private bank", ", a spokeswoman"), a possessive
    role ("X's chairman") or a role before a person's name ("X chief executive Jane Doe").
    """
    # the code name of an inquiry or an operation -> MISC ("l'enquête Collecteur", "Baptisée Collecteur, cette enquête")
    if code_name(body, start, end):
        return "MISC"
    # a law's short name cited by an article or as a legal basis -> MISC ("l'article 57 du PLF2026")
    if not lex.head_final and cited_law(body, start, end):
        return "MISC"
    # a courtesy title right before the name: "Mme Boiteau", "Mr. Jackson" (its period ends no clause)
    courtesy = re.search(r"(?<!\S)(\S+)\s+$", body[max(0, start - 12):start])
    if courtesy and courtesy.group(1)[:1].isupper() and courtesy.group(1).casefold() in lex.honorifics:
        return "PER"
    # a name joined by "and" to a personal pronoun is a person's: "he and Morgan engaged", "Morgan and she"
    if _PRONOUN_AND.search(body, max(0, start - 10), start) or _AND_PRONOUN.match(body, end):
        return "PER"
    # where a person comes from, as English news writes it: "A Liverpool man", "a woman from Merseyside",
    # "Nathan Andrew Robinson, 34, of Speke"
    if _RESIDENT_BEFORE.search(body, max(0, start - 40), start) or _AGE_OF.search(body, max(0, start - 12), start) \
            or _CONSTITUENCY_BEFORE.search(body, max(0, start - 30), start) \
            or (_A_BEFORE.search(body, max(0, start - 4), start) and _RESIDENT_AFTER.match(body, end)):
        return "LOC"
    left, right = _clause(body, start, end)
    before = _tokens(body[left:start])
    tail = body[end:right]
    possessive = re.match(r"'s?\b|'", tail)
    after = _tokens(tail[possessive.end():] if possessive else tail)
    # an age after the name: "John Khuu, 27, has been charged", "Zanjani, 43, is the chairman"; it outweighs
    # a kind-of noun before, which may name the person's role ("ChipMixer operator Minh Quốc Nguyễn, 49,")
    if not before_only and len(after) >= 3 and after[0] == "," and after[1].isdigit() and 1 <= len(after[1]) <= 3 \
            and after[2] in {",", ")"}:
        return "PER"
    # and in French: "Anna a 33 ans et habite Puteaux", "Rachid Mimoun, 45 ans, a été condamné"
    if not before_only and not possessive and _FRENCH_AGE.match(tail):
        return "PER"
    # an age in an apposition: "Aleksej Besciokov, a 46-year-old Lithuanian", "Besciokov, 46-year-old administrator"
    aged = None if before_only or possessive else _AGED_APPOSITION.match(tail)
    if aged:  # not a firm's age: "Acme, a 40-year-old company"
        kind = re.match(r"\s+([a-z-]+)", tail[aged.end():])
        if kind is None or (lex.type_cues.get(kind.group(1)) or lex.type_cues.get(singular(kind.group(1)))) != "ORG":
            return "PER"
    # role of X -> ORG ("le représentant de Binance", "a spokeswoman for the CBN")
    i = len(before)
    if i and before[i - 1].casefold() in _DETERMINERS:
        i -= 1
    if i >= 2 and before[i - 1].casefold() in _OF and _match_end(before, i - 1, lex.role_cues) \
            and not _PLACE_COMPOUND_AFTER.match(body, end):  # "owner of Houston-based Arc": the firm's place
        return "ORG"
    # a reporting verb and a day before the name -> ORG: the newspaper, not a reporter ("rapporte samedi Het
    # Laatste Nieuws", "écrivent mardi Gazet van Antwerpen et Het Nieuwsblad", "a appris lundi Hespress")
    k = len(before)
    if k >= 2 and before[k - 1].casefold() in _PAIR_JOINS and before[k - 2][:1].isupper():
        k -= 1  # the second of a pair: step back over the first name
        while k and (before[k - 1][:1].isupper() or (k >= 2 and before[k - 2][:1].isupper() and (
                before[k - 1].casefold() in lex.function_words or before[k - 1].casefold() in _NAME_PARTICLES))):
            k -= 1
    if k >= 2 and before[k - 1].casefold() in lex.dates and before[k - 2].casefold() in lex.source_cues:
        return "ORG"
    # or the verb right before it and its sources after it: "a appris Hespress de sources bien informées"
    if not before_only and k == len(before) and k and before[k - 1].casefold() in lex.source_cues \
            and _SOURCES_AFTER.match(body, end):
        return "ORG"
    # a judge and de -> LOC: a judge is a person, the town after is the seat of the court ("la juge d'instruction
    # de Foix", "un juge d'instruction d'Audenarde", "les juges de Nanterre")
    if _JUDGE_OF.search(body, max(0, start - 40), start):
        return "LOC"
    # a kind of place and de/of -> LOC ("l'aéroport de Roissy", "the island of Majorca", "le port de la Ciotat");
    # not a word that also heads a body's name ("département de la Justice")
    if i >= 2 and before[i - 1].casefold() in _OF and before[i - 2][:1].islower():
        kind = before[i - 2].casefold()
        if lex.type_cues.get(kind) == "LOC" and strip_accents(kind) not in lex.institution_heads:
            return "LOC"
    # a name given to a vessel: "the ship, named Amadea", "the $90 million yacht owned by X, called the Tango"
    if i and before[i - 1].casefold() in _NAMED:
        if any(lex.type_cues.get(w.casefold()) == "MISC" for w in before[max(0, i - 11):i - 1]):
            return "MISC"
    # title right before the name -> PER ("son fondateur, X", "Senator X"); after a comma, a name headed by a
    # body's word is the body the title heads ("v. Director, Financial Intelligence Unit")
    i = len(before)
    if i and before[i - 1] in {",", '"', "«"}:
        i -= 1
    if i and _match_end(before, i, lex.title_cues):
        if i < len(before) and before[i] == "," and name_word_label(body[start:end], lex) == "ORG":
            return "ORG"
        return "PER"
    # a French title, one lowercase word and the name: "son fondateur globe-trotter Changpeng Zhao"; not a name
    # ending in a firm's word, which the title's word names the kind of ("le gérant zurichois EFG International")
    if not lex.head_final and i == len(before) and i >= 3 and _attribute_word(before[i - 1]) \
            and before[i - 3].casefold() in _DETERMINERS and _match_end(before, i - 1, lex.title_cues):
        return "ORG" if _firm_word_label(body[start:end], lex) else "PER"
    # a list after a kind of thing: "darknet markets like Agora, Silk Road", "banks such as Sberbank and VTB"
    listed = _listed_kind(before, lex)
    if listed:
        return listed
    # kind-of noun before the name, lowercase words allowed in between
    i = len(before)
    while i and before[i - 1] in {",", '"', "«"}:
        i -= 1
    # the next names of a pair or list after a kind-of noun: "the ransomware variants LockBit and Hive"
    # a name of several words may come first ("les quotidiens flamands De Standaard et Het Nieuwsblad"), and a
    # nationality may sit between the kind and the list
    j = i
    while j >= 2 and before[j - 1].casefold() in _PAIR_JOINS and before[j - 2][:1].isupper():
        j -= 1
        while j and before[j - 1][:1].isupper():
            j -= 1
    opened = j
    while opened and before[opened - 1] in _LIST_OPENERS:
        opened -= 1
    if opened < j and opened and before[opened - 1][:1].islower():
        kind = before[opened - 1].casefold()  # "platforms – Reddy Anna and Fairplay": the kind, a dash, the names
        label = lex.type_cues.get(kind) or lex.type_cues.get(singular(kind))
        if label:
            return label
    if j < i and j and before[j - 1][:1].islower():
        kind = before[j - 1].casefold()
        label = lex.type_cues.get(kind) or lex.type_cues.get(singular(kind))
        if not label and j >= 2 and before[j - 2][:1].islower() and _nationality(before[j - 1]):
            kind = before[j - 2].casefold()
            label = lex.type_cues.get(kind) or lex.type_cues.get(singular(kind))
        if label:
            return label
    # a place compound right before the name: "Houston-based CryptoFX" is a firm
    if i == len(before) and i and _BASED.search(before[i - 1]):
        return "ORG"
    fillers = 0
    after_comma = i < len(before) and before[i] == ","
    while i > 0 and fillers <= lex.max_fillers:
        phrase = _match_end(before, i, lex.type_cues)
        if phrase and before[i - 1][:1].islower():
            if fillers == 0 and _role_at_firm(before, i - len(phrase.split()), body[start:end]):
                return None  # "Coin.mx operator Anthony Murgio": the kind is the firm's, the name its person's
            if fillers == 0 and after_comma and _title_of_kind(before, i - len(phrase.split()), lex):
                return "PER"  # "deux administrateurs de l'échange, Aleksej Besciokov": the title's holder
            return lex.type_cues[phrase]
        word = before[i - 1]
        low = word.casefold()
        if not word[:1].isalpha() or not word[:1].islower() or low in _BLOCKERS or low in _DETERMINERS:
            break
        if fillers == 0 and low in _OF:
            break
        i -= 1
        fillers += 1
    if before_only:
        return None
    if possessive:
        # X's chairman, X's former compliance chief, X's brands -> ORG; X's arrest, X's wife -> PER;
        # a lowercase word's period ends the sentence ("the birth of Derypaska's child.")
        owned = [_sentence_word(w) for w in after]
        for j in range(min(3, len(owned))):
            if _match_start(owned, j, lex.role_cues) or _match_start(owned, j, lex.business_cues):
                # a capital stands for its government: "Moscow's petroleum revenue" is the state's, no firm's
                return None if is_capital(body[start:end]) else "ORG"
            if _match_start(owned, j, lex.personal_cues):
                return "PER"
            if not owned[j][:1].islower() and not _nationality(owned[j]) and not is_known_place(owned[j]):
                break  # a nationality or a place may qualify the role: "Entain's Australian subsidiary",
                # "Julius Baer's Singapore branch"
        return None
    # a kind-of noun after "the" and the name: "the Hydra dark web market", "the Conti ransomware group"; an
    # English possessive determines the name too: "Hong Kong's Mong Kok district"
    owner = len(before) >= 2 and before[-1] == "s" and before[-2][-1:] in ("'", "’")
    if before and (before[-1].casefold() in {"the", "le", "la", "l'"} or owner):
        # a lowercase word's period ends the sentence: "the fall of the TerraUSD stablecoin."
        kinds = [_sentence_word(w) for w in after]
        if kinds[:1] == ["("] and ")" in kinds[2:4]:  # the name's short form: "the TerraUSD (UST) stablecoin"
            kinds = kinds[kinds.index(")") + 1:]
        for j in range(min(3, len(kinds))):
            hit = _match_type(kinds, j, lex)
            if hit and kinds[j][:1].islower():
                j, hit = _head_kind(kinds, j, hit, lex)
                following = kinds[j + hit[1]] if j + hit[1] < len(kinds) else ""
                return None if following[:1].isupper() else lex.type_cues.get(hit[0]) or lex.type_cues.get(singular(hit[0]))
            if not kinds[j][:1].islower() or kinds[j].casefold() in _BLOCKERS:
                break
    # apposition after the name: ", a private bank in", ", a spokeswoman for"; or the same after "is/was the":
    # "Kostin is the longtime president of VTB Bank", "Rozencovs was the editor-in-chief of Sputnik Latvija"
    copula = len(after) >= 3 and after[0].casefold() in _COPULAS and after[1].casefold() in _DETERMINERS
    if after[:1] == [","] or copula:
        j = 1
        if j < len(after) and after[j].casefold() in _POSSESSIVES:
            return None  # "Dominic Lacroix, sa compagnie, PlexCorps": what the name owns, not what it is
        if j < len(after) and after[j].casefold() in _DETERMINERS:
            j += 1
        fillers = 0
        while j < len(after) and fillers <= MAX_FILLERS:
            hit = _match_type(after, j, lex)
            if hit and after[j][:1].islower():
                j, hit = _head_kind(after, j, hit, lex)
            title = _match_start(after, j, lex.title_cues)
            found = (lex.type_cues[hit[0]], hit[1]) if hit and after[j][:1].islower() else ("PER", title[1]) if title else None
            if found:
                label, n = found
                following = after[j + n] if j + n < len(after) else ""
                # "À Kiev, le député Oleksandr Hrytsenko": the title is the next name's; "dans l'Hérault, les
                # gendarmes ont arrêté": a clause's subject, not an apposition
                return None if following[:1].isupper() or following.casefold() in _AUXILIARIES else label
            if _capitalised_title(after, j, lex):
                return "PER"  # ", Cyber Threat Intelligence Analyst at Digital Shadows"
            word = after[j]
            low = word.casefold()
            if low in lex.honorifics and j + 1 < len(after) and after[j + 1][:1].isupper():
                j += 1  # "Alameda, Mr. Bankman-Fried's hedge fund": the owner's courtesy title
                continue
            attribute = _attributive(after, j)
            if attribute:
                j += attribute
                fillers += 1
                continue
            # "one of the largest exchanges": "of" is allowed after "one"
            if low == "of" and j and after[j - 1].casefold() == "one":
                j += 1
                continue
            if not word[:1].isalpha() or not word[:1].islower() or low in _BLOCKERS or low in _DETERMINERS:
                break
            j += 1
            fillers += 1
        return None
    # X chief executive Jane Doe -> ORG
    hit = _match_start(after, 0, lex.role_cues)
    if hit and len(after) > hit[1] and after[hit[1]][:1].isupper():
        return "ORG"
    return None


def _head_kind(tokens: list[str], j: int, hit: tuple[str, int], lex: Lexicon) -> tuple[int, tuple[str, int]]:
    """The last kind-of noun of the lowercase phrase that ``hit`` at ``tokens[j]`` opens, and where it starts.

    A kind may qualify the next one, which is the head: "the Chainflip
    cryptocurrency exchange", "QuadrigaCX, a Canadian cryptocurrency exchange".
    """
    # quotes inside the phrase are no break: "a darknet cryptocurrency 'mixing' service"
    kept = [(i, w.rstrip("'’") if w[:1].isalpha() else w) for i, w in enumerate(tokens) if i < j or w not in _QUOTES]
    at = {i: n for n, (i, _w) in enumerate(kept)}
    index, words = [i for i, _w in kept], [w for _i, w in kept]
    k = at[j] + hit[1]
    while k < len(words) and words[k][:1].islower() and words[k].casefold() not in _BLOCKERS:
        later = _match_type(words, k, lex)
        if later:
            j, hit = index[k], later
        k += later[1] if later else 1
    return j, hit


_QUOTES = frozenset({"'", "’", "‘", '"', "“", "”"})


def _sentence_word(word: str) -> str:
    """A lowercase word without the period that ends its sentence ("child." in "the birth of Derypaska's child.")."""
    return word[:-1] if word.endswith(".") and word[:-1].isalpha() and word[:-1].islower() else word


#: Auxiliaries and common verbs that make a kind-of noun after a comma the subject of a new clause.
_AUXILIARIES = frozenset({"a", "ont", "est", "sont", "avait", "avaient", "était", "étaient", "has", "have", "had"})


#: A word of three or more lowercase letters ending a sentence inside a capitalised run.
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ]{3})\.(?= )")


def _firm_word_label(text: str, lex: Lexicon) -> str | None:
    """ORG for a name of two or more words whose last one is an organisation's word or a legal form."""
    words = [w.strip(".,").casefold() for w in text.split()]
    if len(words) < 2:
        return None
    last = words[-1]
    return "ORG" if lex.name_words.get(last) == "ORG" or last in lex.legal_forms else None


def _names_itself(body: str, start: int, end: int) -> bool:
    """A run shaped as a name on its own: a brand, capitals or digits, or not opening its sentence.

    A capitalised word opening a sentence may be any word ("Last week, a firm ..."),
    so there only a form no common word has counts.
    """
    text = body[start:end]
    if brand_shaped(text) or re.search(r"[A-Z]{2}|\d", text):
        return True
    before = body[max(0, start - 3):start]
    return bool(before.strip()) and not re.search(r"[.!?:\n]\s*[\"«]?\s*$", body[max(0, start - 4):start])


#: A run of capitalised words, the first of which may open with digits before a capital and another letter: a code
#: name ("le fonds souverain malaisien 1MDB", "la société 3AC"); not "5G" nor "1 Est".
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])(?:\d{1,3}(?=[A-Z][A-Za-z])|[^\W\d_a-zà-ÿ])[\w.&'’-]*"
                              r"(?:[ ][^\W\d_a-zà-ÿ][\w.&'’-]*){0,3}")


#: A capitalised word right after a run of capitalised words: the name runs on past the run's four words.
_RUN_GOES_ON = re.compile(r" [A-Z]")


def add_cued_names(
    mentions: list[Mention], article_id: str, lang: str, body: str, lex: Lexicon, rules: EntityRules
) -> list[Mention]:
    """Add the capitalised names the model missed that follow a kind-of noun or a title."""
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for match in _CAPITALISED_RUN.finditer(body):
        run_start, b = match.span()
        # a run stops at a sentence's end: "research company Elliptic. Citing ..."
        stop = _SENTENCE_END.search(body, run_start, b)
        if stop:
            b = stop.start() + 1
        cut = stop is None and bool(_RUN_GOES_ON.match(body, b))
        if any(run_start < e and s < b for s, e in taken):
            continue
        # the title may open the run itself: "Senator Tom Hale"
        starts = [run_start] + [run_start + m.end() for m in re.finditer(r"\S+ ", match.group())]
        label, a = None, run_start
        for a in starts:
            label = context_cue(body, a, b, lex, before_only=True)
            if label:
                break
        if label is None and _names_itself(body, run_start, b):
            # "QuadrigaCX, a Canadian cryptocurrency exchange, declared ...": an apposition after it
            a = run_start
            # a code name opening with digits, after "the" and before its kind: "since the 1MDB scandal"
            label = context_cue(body, a, b, lex) if body[b : b + 2] == ", " or body[a].isdigit() else None
            # "Celsius Network", "Three Arrows Capital": a name ending in a word only firms use; not a run cut
            # before its name's last words ("Public Joint Stock Company" + "Gazprom Neft")
            label = label or (None if cut else _firm_word_label(body[a:b], lex))
        elif label is None and len(body[run_start:b].split()) >= 3 \
                and body[run_start:b].split()[0].casefold() not in lex.all_function_words:
            # opening its sentence, a name of three words or more ending in a word only firms use is one too:
            # "Falcon Private Bank a gravement enfreint", "Three Arrows Capital filed"
            a = run_start
            label = None if cut else _firm_word_label(body[a:b], lex)
        if label is None:
            continue
        at = _AT_EMPLOYER.match(body, b)
        if at is not None and any(s == at.end() for s, _e in taken):
            continue  # "Head of Compliance at Pockit": a department of the firm named after "at"
        tail = _DUTCH_PARTICLE_TAIL.match(body, b)
        if tail:
            b = tail.end()  # "Gazet" + "van Antwerpen": a Dutch or German name runs on over its particle
        a, b = trim_span(body, a, b, lex)
        if a >= b or drop_reason(body[a:b], lex, stoplist=rules.stoplist) or dollar_prefix(body, a, b) \
                or national_amount(body, a, b) or currency_after_figure(body[a:b], body, a, lex):
            continue  # "a maximum of N500": the amount, not a name its cue would call a person
        if lang == "fr" and street_name(body, a, lex):
            continue  # "rue du Général" + "Leclerc": a title of a street's name, no person
        added.append(Mention(article_id, lang, a, b, body[a:b], label, weight=0.0, created=True))
    taken += [(m.start, m.end) for m in added]
    # a known place that a firm is based in, which the model left inside the compound: "a U.S.-based casino"
    for match in _BASED_PLACE.finditer(body):
        a, b = match.span(1)
        if any(a < e and s < b for s, e in taken) or not is_known_place(body[a:b]):
            continue
        added.append(Mention(article_id, lang, a, b, body[a:b], "LOC", weight=0.0, created=True))
    taken = [(m.start, m.end) for m in (*mentions, *added)]
    # a service named by its web domain, which the small model often misses: "mixing services Blender.io and Sinbad.io"
    for match in _DOMAIN_NAME.finditer(body):
        a, b = match.span()
        if not any(a < e and s < b for s, e in taken):
            added.append(Mention(article_id, lang, a, b, body[a:b], "ORG", weight=0.0, created=True))
    taken = [(m.start, m.end) for m in (*mentions, *added)]
    # a one-word brand, shaped with a capital inside, that the model missed: "exploits on CoinEx, Stake"; not the
    # short form of a longer name the article has ("MineOne" of "MineOne Partners Limited"), left to that name
    heads = {m.text.split()[0] for m in mentions if " " in m.text}
    for match in _BRAND_WORD.finditer(body):
        a, b = match.span()
        word = match.group()
        if any(a < e and s < b for s, e in taken) or not brand_shaped(word) or word.casefold() in lex.concepts:
            continue
        if word in heads or re.match(r" [A-ZÀ-Ý]", body[b:b + 2]):
            continue  # or a name running on in capitals the model missed whole ("MoveIt Transfer product")
        if drop_reason(word, lex, stoplist=rules.stoplist):
            continue
        added.append(Mention(article_id, lang, a, b, word, "ORG", weight=0.0, created=True))
    return sorted(mentions + added, key=lambda m: (m.start, -m.end))


#: "at" between a job title's domain and the employer: "Head of Compliance| at |Pockit".
_AT_EMPLOYER = re.compile(r"\s+at\s+")


#: A word of capitalised parts, each with lowercase letters, standing alone: "CoinEx", "CoinsPaid", "CoinDesk";
#: not an acronym-like "RaaS" or a handle ending in capitals ("ZachXBT").
_BRAND_WORD = re.compile(r"(?<![\w.@/:'’-])[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+(?![\w@/-]|\.\w)")


#: The country codes of ISO 3166-1 as top-level domains, written lowercase or capitalised ("Interfax.ru", "News.Az").
_COUNTRY_DOMAINS = sorted({c.alpha_2.lower() for c in pycountry.countries} | {"uk"})
#: The domain TLDs that make a capitalised word a service's name ("Blender.io", "Bitfunder.com", "News.Az").
_DOMAINS = "(?:com|net|org|io|info|" + "|".join(_COUNTRY_DOMAINS + [d.title() for d in _COUNTRY_DOMAINS]) + ")"
#: A capitalised web domain standing as a name: not part of an address, a path or an e-mail.
_DOMAIN_NAME = re.compile(r"(?<![\w.@/:-])[A-Z][A-Za-z0-9-]*\." + _DOMAINS + r"(?![\w/@-]|\.\w)")


_BASED_PLACE = re.compile(r"(?<![\w.’'-])((?:[A-Z]\.){2,}|[A-Z][\w’']*(?: [A-Z][\w’']*){0,2})-based\b")


#: A capital inside a word after a lowercase letter: "CryptoFX", "BlockFi", "iFinex", "CoinDesk".
_INNER_CAPITAL = re.compile(r"[a-zà-ÿ][A-Z]")
#: Surname prefixes that put a capital inside a person's name: "McCarthy", "DeSantis", "LaGuardia".
_NAME_PREFIXES = ("Mc", "Mac", "Fitz", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von")


def brand_shaped(text: str) -> bool:
    """True when a word of the name is written like a brand, with a capital inside it.

    People and places are not written so (bar "McCarthy" and the like); firms,
    exchanges, apps and websites often are.
    """
    for word in text.split():
        if _INNER_CAPITAL.search(word) and not word.startswith(_NAME_PREFIXES):
            return True
    return False


def name_word_label(text: str, lex: Lexicon) -> str | None:
    """The label shown by a word inside the name ("Bank", "Fondation", "Islands"), a web domain or a brand's shape."""
    if re.search(r"\w\." + _DOMAINS + "$", text, re.IGNORECASE):
        return "ORG"
    if brand_shaped(text):
        return "ORG"
    words = [w.strip(".,").casefold() for w in text.split()]
    if len(words) >= 2 and words[0] in lex.landforms and text[:1].islower():
        return "LOC"  # "îles Caïmans", "océan Indien", "golfe Persique": a natural feature named by its generic
    if len(words) == 1 and _BANK_WORD.fullmatch(text) and lookup(text) is None:
        return "ORG"  # "Gazprombank", "Sberbank", "Maybank": a bank named in one word; not the town Burbank
    if len(words) < 2:
        return None
    if lex.head_final and words[-1] in lex.legal_forms:
        return "ORG"  # "Persian Gulf Petrochemical Industry Commercial Co.": a legal form closes a firm's name
    # the head before "of"/"for"/"in" says what the name is: "District Court for the Central District" is a court,
    # "Attorney's Office in the District of Columbia" an office;
    # an English head's last word governs it ("Central District"), a French head's first ("Banque centrale")
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_ENDS), len(words))
    head = words[cut - 1::-1] if lex.head_final else words[:cut]
    for w in [*head, *words[cut:]]:
        if w in lex.name_words:
            return lex.name_words[w]
    if _PARTICLE_SURNAME.fullmatch(text) and lookup(text) is None:
        return "PER"  # "Von der Leyen", "Ursula von der Leyen", "Mohammed bin Salman": a surname's particle
    return None


#: A name with a lowercase surname particle between capitalised words ("Ursula von der Leyen", "Mohammed bin
#: Salman"), or opening it in capitals before a lowercase one ("Von der Leyen"): only people's names have them.
_PARTICLE_SURNAME = re.compile(
    r"(?:(?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}(?:von|van)(?:\s+(?:der|den|de))?|(?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}(?:bin|ibn)"
    r"|(?:[A-ZÀ-Ý][\w'’-]+\s+){0,3}(?:Von|Van)\s+(?:der|den|de))\s+[A-ZÀ-Ý][\w'’-]+"
)


#: One capitalised word ending in "bank" after three letters or more: "Gazprombank", "Promsvyazbank", "Citibank".
_BANK_WORD = re.compile(r"[A-Z][a-z]{2,}bank")

_HEAD_ENDS = frozenset({"of", "for", "in", "de", "du", "des", "d'"})


#: What joins two places of a list, a preposition repeated allowed: "de Zurich et de Bâle", "à Megève et à Cannes".
_PLACE_JOIN = re.compile(r"\s*(?:,|\(|\band\b|\bor\b|\bet\b|\bou\b)\s*(?:(?:à|au|aux|en|de|du|des|d'|in|at|of)\s*)?\Z",
                         re.IGNORECASE)


def joined_places(body: str, left_end: int, right_start: int) -> bool:
    """True when only a list's joint lies between two names ("Zurich et de Bâle", "Megève et à Cannes")."""
    return right_start - left_end <= 12 and bool(_PLACE_JOIN.fullmatch(body, left_end, right_start))
_PLACE_NEXT = re.compile(r"\s*(?:,|\()\s*([A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})")


#: The endings of Dutch and German street names written as one word ("Hoveniersstraat", "Friedrichstraße").
_STREET = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:straat|strasse|straße|laan|gracht|plein|platz|gasse|steenweg)$")


#: A lake or a mountain named by its kind first, then one or two capitalised words: "Lake Como", "Mont Blanc".
_LANDFORM = re.compile(r"(?:Lake|Lac|Loch|Lago|Mount|Mont|Mt\.) [A-ZÀ-Ý][a-zà-ÿ'-]+")


#: A word of place right before a name, a determiner allowed: "on", "near the".
_PLACE_WORD_BEFORE = re.compile(r"(?<![\w-])(?:on|in|at|near|by|from|to|around|across|overlooking|sur|au|près du)\s+(?:the\s+)?\Z",
                                re.IGNORECASE)


def landform_placed(body: str, start: int, end: int) -> bool:
    """True for a lake or a mountain named by its kind after a word of place ("a villa on Lake Como").

    A name opened so and written as the subject of a verb may be a firm's
    ("Lake Elsinore operated for years", a casino): the word of place decides.
    """
    return bool(_LANDFORM.fullmatch(body[start:end]) and _PLACE_WORD_BEFORE.search(body, max(0, start - 20), start))


def place_shaped(text: str, lex: Lexicon) -> bool:
    """True for a hyphenated name with a place particle inside ("Neuilly-sur-Seine", "Seine-Saint-Denis"),
    or a one-word Dutch or German street ("Hoveniersstraat").

    The first and last words are capitalised and the particle is neither
    ("Saint-Gobain" is a firm); the particles are the language's
    (``place_particles_*.txt``): French writes its towns and departments so.
    """
    if " " not in text and _STREET.search(text):
        return True  # "la Hoveniersstraat": a Dutch or German street's one-word name
    parts = text.split("-")
    if len(parts) < 3 or not lex.place_particles or " " in text:
        return False
    if not (parts[0][:1].isupper() and parts[-1][:1].isupper()):
        return False
    return any(p.casefold() in lex.place_particles for p in parts[1:-1])


def placed(body: str, start: int, end: int, lex: Lexicon, places: Iterable[tuple[int, int]] = ()) -> bool:
    """True when the text sets the name as a place.

    After a word of place ("in", "at", "from", "à", "dans", a determiner between
    allowed), before "-based", or next to a known place or another place
    mention: "Rocklin, California", "in Iran and Turkey", "la Ciotat
    (Bouches-du-Rhône)", "Aubervilliers (Seine-Saint-Denis)"; or shaped like
    a French place name (:func:`place_shaped`). A firm the model calls a place is seldom written so
    ("for Grayscale's fund", "par Tornado Cash", "(Coinhouse, Bitpanda)").
    """
    if body.startswith("-based", end) or body.startswith(" based", end) or place_shaped(body[start:end], lex):
        return True
    tokens = _tokens(body[max(0, start - 40):start].casefold())
    while tokens and tokens[-1] in _DETERMINERS:
        tokens.pop()
    for n in (3, 2, 1):
        if len(tokens) >= n and " ".join(tokens[-n:]).replace("' ", "'") in lex.place_cues:
            return True
    # a kind of place and de/of: "le port de la Ciotat", "the city of Rocklin"
    if len(tokens) >= 2 and tokens[-1] in _OF and lex.type_cues.get(tokens[-2]) == "LOC":
        return True
    for _a, b in places:
        if b <= start and _PLACE_JOIN.fullmatch(body, b, start):
            return True
    following = _PLACE_NEXT.match(body, end, min(len(body), end + 60))
    return bool(following and (is_known_place(following.group(1)) or place_shaped(following.group(1), lex)))
