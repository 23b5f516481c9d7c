"""Span clean-up: cut the model's spans at breaks, trim their edges, drop what is not a name.

Also splits a span made of two names already found in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from helpers.amounts.vocabulary import cldr_codes, cldr_currency_words, load_currencies, load_local_currencies
from helpers.entities.acronyms import acronym_letters, spelled_acronyms
from helpers.entities.gazetteer import is_country, is_demonym, is_known_place, lookup
from helpers.entities.lexicon import Lexicon, load_lexicon
from helpers.entities.names import name_key, name_tokens, strip_accents
from helpers.entities.naming import law_words
from helpers.entities.types import MISC_WEIGHT, MODEL_WEIGHT, SPLIT_WEIGHT, EntityRules, Mention
from helpers.labels import unify_label

# Where a span is cut into pieces: line breaks, brackets and citation marks,
# quotes, list separators, spaced dashes, and a sentence end inside the span.
# A comma before a company's legal form is part of the name ("Coinbase, Inc.").
LEGAL_SUFFIX = (
    r"(?:Ltd|Limited|Inc|Incorporated|LLC|L\.L\.C|LLP|LP|PLC|plc|Corp|Co|GmbH|AG|National\s+Association|"
    r"S\.?A\.?\s+de\s+C\.?V|S\.?\s+de\s+R\.?L|S\.?A\.?S?|"  # Mexican "S.A. de C.V." and "S. de R.L." first
    r"S\.?R\.?O|N\.?V|N\.A|B\.?V|OOO|PAO|OAO|JSC|Pte|Pty|S\.?p\.?A|S\.?r\.?l|"  # N.A.: a US national bank
    r"Sdn\.?\s+Bhd|Bhd|Berhad|Pvt\.?\s+Ltd)\b\.?"  # Malaysian "Sdn. Bhd." and "Berhad", Indian "Pvt. Ltd."
)
_BREAKS = re.compile(
    r"\n+|\[[^\]\n]*\]?|\]|[()«»\"|;]|\s[–—-]+\s|^[–—-]+\s|,\s+(?!" + LEGAL_SUFFIX + r")|:\s+"
    r"|(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_])(?!" + LEGAL_SUFFIX + r"(?![\w-]))"  # "Pte. Ltd.": one legal form
)
#: A partnership's name: its partners' surnames listed with commas, the last two joined by "&", then its
#: legal form ("Skadden, Arps, Slate, Meagher & Flom LLP", "Paul, Weiss, Rifkind, Wharton & Garrison LLP").
_PARTNERS = re.compile(
    r"[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+)+,?\s+&\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2},?\s+" + LEGAL_SUFFIX
    + r"(?:\s+(?:and|&)\s+Affiliates)?"
)
_EDGE_JUNK = re.compile(r"^[^\w$€£¥₽]+|[^\w.]+$|(?<![.\s]\w)(?<!\.\w\w)\.$")
_LEADING_ELISION = re.compile(r"^(\w{1,7}')(?=\w)", re.IGNORECASE)
_TRAILING_ELISION = re.compile(r"\s(\w{1,7}')\W*$")
_POSSESSIVE = re.compile(r"(?:'s|')$")
#: An inner possessive cuts a span ("Oleg Deripaska's aluminium"), not "People's", which names peoples' bodies
#: ("Donetsk People's Republic", "People's Bank of China"), nor "Majesty's", which names the Crown's ("Her Majesty's
#: Revenue and Customs").
_INTERNAL_POSSESSIVE = re.compile(r"(?<!\bPeople)(?<!\bMajesty)'s\s+(?=[A-Z])")
#: A plural's possessive before one word in capitals ending the span: "Mounties' EGM" (the club's gaming
#: machines); before capitalised words it names a body or a party ("Workers' Party", "Veterans' Affairs").
_PLURAL_POSSESSIVE = re.compile(r"(?<=[a-z]s)'\s+(?=[A-Z]{2,6}\s*\Z)")
#: A place and the word Branch: "Habib Bank Limited and its New York Branch".
_PLACE_BRANCH = re.compile(r"(.+?)\s+Branch")
#: A country's government named by the country and the word: "the UK Government's Office of ...", which the
#: annotated sets read as the country, as they do the lowercase "the U.S. government".
_COUNTRY_GOVERNMENT = re.compile(r"(.+?)\s+Government")
#: The department in a cabinet secretary's title before the holder's name ("U.S. Treasury" + " Secretary Janet
#: Yellen", "Treasury" + " Secretary Scott Bessent"): part of the title, a country before it kept.
_TREASURY_IN_TITLE = re.compile(r"(?:(.+?)\s+)?Treasury")
#: Also in lowercase and with "Cabinet", as Kenyan copy writes it: "Treasury secretary Henry Rotich",
#: "Treasury Cabinet Secretary Ukur Yatani".
_SECRETARY_AFTER = re.compile(r" (?:Cabinet )?[Ss]ecretary (?=[A-Z][a-z])")


def in_secretary_title(body: str, start: int, end: int) -> bool:
    """True for "Treasury", a country allowed before it, right before "Secretary" and a name: the department's
    word in its head's title ("Treasury Secretary Janet Yellen"), no mention of the department."""
    return bool(_TREASURY_IN_TITLE.fullmatch(body, start, end) and _SECRETARY_AFTER.match(body, end))


#: The same written the other way round: "the Government of India", "Government of the UAE".
_GOVERNMENT_OF_COUNTRY = re.compile(r"Government\s+of\s+(?:the\s+)?(.+)")
#: A field named by an "Anti-" or "Counter-" compound before a lowercase word of a law ("Anti-Money Laundering
#: regulations", "Counter-Terrorist Financing rules"): the field the law is about, no body.
_FIELD_COMPOUND = re.compile(r"(?:Anti|Counter)-[A-Z]")
_LOWERCASE_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


#: A capitalised place and "Branch" right after a span: "Bank of Communications Limited" + " Hong Kong Branch".
_PLACE_BRANCH_AFTER = re.compile(r"\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+Branch\b")
#: A lowercase branch word after a span: "Credit Suisse Singapore" + " branch".
_BRANCH_AFTER = re.compile(r"\s+(?:branch|branches|office|offices)\b")


def _place_before_branch(body: str, start: int, end: int) -> int | None:
    """Where the known place closing a firm's span starts when a lowercase branch word follows ("Credit Suisse
    Singapore branch": the firm, then the branch's place), or None."""
    if not _BRANCH_AFTER.match(body, end):
        return None
    words = body[start:end].split(" ")
    for n in (2, 1):
        if len(words) > n and is_known_place(" ".join(words[-n:])) and not is_known_place(" ".join(words[:-n])):
            return end - len(" ".join(words[-n:]))
    return None


#: A statute's head right after a span the model closed before it: "... Customs Management" + " Act", "... Act, 2018".
_ACT_AFTER = re.compile(r"\s+(?:Act|Ordinance)(?![\w-])(?:,?\s+(?:19|20)\d\d(?!\d))?")


#: A French place named with its kind of territory, lowercase: "département de Kaya", "commune de Ratoma", "wilaya
#: d'Oran" (the annotations and the reader keep the place; "département du Trésor" is a body and stays).
_ADMIN_UNIT_OF = re.compile(
    r"(?:département|région|province|préfecture|commune|ville|district|wilaya|gouvernorat|arrondissement|canton|"
    r"cercle|localité|village|municipalité)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])([A-ZÀ-Ý][\w'’ -]*)")


def _law_word_after(body: str, end: int) -> bool:
    """True when a lowercase word of ``laws.txt`` follows a span ("regulations", "rules", "law")."""
    after = _LOWERCASE_WORD_AFTER.match(body, end)
    return after is not None and after.group(1) in law_words()


def dollar_prefix(body: str, start: int, end: int) -> bool:
    """True for a code of up to three capitals right before a dollar sign and a figure ("SG" of "SG$5.8 million")."""
    text = body[start:end]
    return text.isupper() and len(text) <= 3 and bool(_DOLLAR_AFTER.match(body, end))


#: A figure or a currency sign and a figure right after a span: "HKD" + " $1.2 million".
_CODE_FIGURE_AFTER = re.compile(r"\s?[$€£¥]?\s?\d")

#: A figure right after a span: "MYR" + " 70,000".
_FIGURE_AFTER = re.compile(r"\s?\d")


@lru_cache(maxsize=1)
def _currency_names() -> frozenset[str]:
    """Every current currency's CLDR name in English and French, lower case: "tanzanian shillings", "dollar canadien"."""
    return frozenset(name.casefold() for lang in ("en", "fr") for name in cldr_currency_words(lang))


@lru_cache(maxsize=1)
def _iso_currency_codes() -> frozenset[str]:
    """Every ISO 4217 currency code (pycountry's list): "MYR", "SGD", "AED"."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def currency_code_before_figure(body: str, start: int, end: int) -> bool:
    """True for an ISO 4217 code in capitals right before a figure ("MYR" of "MYR 70,000"): the amount's currency."""
    text = body[start:end]
    return len(text) == 3 and text.isupper() and text in _iso_currency_codes() and bool(_FIGURE_AFTER.match(body, end))


_FIGURE_BEFORE = re.compile(r"(?<![\w,.])\d(?:[\d,.\u00a0\u202f ]*\d)?\s*\Z")


def currency_after_figure(text: str, body: str, start: int, lex) -> bool:
    """True for a currency's words right after a figure, however the model read them: "8,725 Sterling Pounds",
    "292,000 Saudi Arabian Riyals": the last word is a currency's and the figure stands right before."""
    words = text.split()
    last = words[-1].casefold() if words else ""
    return bool(_FIGURE_BEFORE.search(body, max(0, start - 20), start)) and (
        last in lex.currencies or last in _currency_last_words())


@lru_cache(maxsize=1)
def _currency_last_words() -> frozenset[str]:
    """The last word of every current currency's English CLDR name, lower case: "riyals", "shillings", "pounds"
    (French names end in an adjective, "franc suisse", which may open a name: "Suisse")."""
    return frozenset(name.split()[-1].casefold() for name in cldr_currency_words("en") if name.split())


def amount_spans(payload: dict[str, Any]) -> list[tuple[int, int]]:
    """The offsets of the amounts the tagger read with a currency (the payload's ``amounts``)."""
    return [(int(r["start"]), int(r["end"])) for r in payload.get("amounts", []) if r.get("currency")]


def inside_amount(start: int, end: int, amounts: Sequence[tuple[int, int]]) -> bool:
    """True for a span within an amount the tagger read: "N100,000", "R10 million", "Ksh250,000" tagged as names."""
    return any(a <= start and end <= b for a, b in amounts)


#: A registered name's closing legal form after capitalised words: "... Betting & Gaming Limited".
_LEGAL_NAME_END = re.compile(r"'s\s+(?:(?:[A-Z][\w-]*|&|and)\s+)*?" + LEGAL_SUFFIX + r"\s*\Z")
_ABBREVIATION_END = re.compile(r"(?:\b\w\.|\b(?:ltd|inc|corp|co|jr|sr|st|bros)\.)$", re.IGNORECASE)


def _pieces(body: str, start: int, end: int, breaks: Sequence[int], lang: str) -> list[tuple[int, int]]:
    """Cut ``body[start:end]`` at hard breaks and at the given sentence starts."""
    cuts = [start]
    for b in breaks:
        # a parser's sentence start inside a word is no break ("BTC|-e a été inculpé")
        if start < b < end and not (body[b - 1].isalnum() and (body[b].isalnum() or body[b] == "-")):
            cuts.append(b)
    spans = []
    for a, b in zip(cuts, [*cuts[1:], end]):
        pos = a
        segment = body[a:b]
        patterns = [_BREAKS]
        # "the People's Republic of China" is one place, not "People" and "Republic of China"
        # nor is a firm whose registered name ends with a legal form ("Ladbroke's Betting & Gaming Limited")
        if lang == "en" and lookup(re.sub(r"^[Tt]he\s+", "", segment.strip())) is None \
                and not _LEGAL_NAME_END.search(segment):
            patterns.append(_INTERNAL_POSSESSIVE)
            patterns.append(_PLURAL_POSSESSIVE)
        marks = sorted(
            (m.start(), m.end()) for p in patterns for m in p.finditer(segment)
        )
        # "l'Administration Générale des Douanes et le chef de la sous-direction des opérations de la Garde
        # Douanière": a person's title after "et le" ends the body's name, and the title is no part of the next
        lex_titles = load_lexicon(lang).title_cues
        for m in _AND_THE_TITLE.finditer(segment):
            if m.group(1).casefold() in lex_titles:
                marks.append((m.start(), _title_end(segment, m.end())))
        marks.sort()
        partners = [(m.start(), m.end()) for m in _PARTNERS.finditer(segment)]
        for m_start, m_end in marks:
            if segment[m_start] == "," and any(p <= m_start < q for p, q in partners):
                continue  # "Skadden, Arps, Slate, Meagher & Flom LLP": one firm
            if segment[m_start] == "," and _remit_list(segment, m_start, m_end):
                continue  # "Département fédéral de l'économie, de la formation et de la recherche": one body
            if a + m_start >= pos:
                spans.append((pos, a + m_start))
                pos = a + m_end
        spans.append((pos, b))
    return [(a, b) for a, b in spans if b > a]


#: A government body's name with its remit ("Department of", "Ministère de l'", "Federal Ministry for")
#: before a comma: only ministries, departments and their like list their fields so.
_REMIT_HEAD = re.compile(
    r"(?:[\w.'’-]+\s+){0,3}?(?:Ministry|Department|Ministère|Minist[eè]re|Département|Departement|Office|"
    r"Secretariat|Secrétariat|Directorate|Direction)\b[^,]*?\s(?:of|for|de|du|des|d['’])(?:\s|\w)"
)
#: The rest of the remit after that comma, to the span's end, its last field after "and" or "et": ", de la
#: formation et de la recherche", ", des Finances et de la Relance", ", Trade and Industry".
_REMIT_TAIL = re.compile(
    r"(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*[^,]*?(?:,\s+(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*[^,]*?)*"
    r"\s+et\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])?[^\W\d_][^,]*"
    r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*,?\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\Z"
)


def _remit_list(segment: str, comma: int, after: int) -> bool:
    """True when the comma at ``segment[comma:after]`` lists the fields of one body's remit.

    Ministries and departments name their fields in a list: "Département fédéral de l'économie, de la
    formation et de la recherche", "Ministère de l'Économie, des Finances et de la Relance", "Ministry of
    Economy, Trade and Industry". The span the model read as one name is one, from its head ("Département
    ... de") to the list's last field after "et" or "and"; a comma between names ("Binance, Coinbase and
    Kraken") has no head with its "of" before it.
    """
    return _REMIT_HEAD.match(segment[:comma].strip()) is not None and _REMIT_TAIL.match(segment, after) is not None


#: "et le" or "and the" and a lowercase word inside a span: a person's title may follow ("et le chef").
_AND_THE_TITLE = re.compile(r"\s+(?:et|and)\s+(?:le|la|les|l['’]|the)\s*([a-zà-ÿ][\w-]*)")
#: A title's complement after it: "de la sous-direction des opérations de la ", up to the next capital.
_TITLE_COMPLEMENT = re.compile(r"(?:\s+(?:[a-zà-ÿ][\w'’-]*|d['’]|l['’]))*?\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|of\s+the|of)\s*(?=[A-ZÀ-Ý])")


def _title_end(segment: str, after_title: int) -> int:
    """Where the body a title's complement names begins: "chef de la sous-direction ... de la" + "Garde Douanière"."""
    m = _TITLE_COMPLEMENT.match(segment, after_title)
    return m.end() if m else after_title


#: A span the model ended with "and"/"et" (its name goes on) and the capitalised words after it.
_ENDS_WITH_AND = re.compile(r"\s(?:and|et|&)\Z")
_AND_TAIL = re.compile(r"\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}")
#: A French span the model ended with "de", "du", "des", "de la" or "d'" (its name goes on): "Groupement
#: professionnel des banques du" + "Maroc", "Ministère public de la" + "Confédération suisse".
_ENDS_WITH_OF = re.compile(r"\s(?:de|du|des|de\s+la|d['’]|de\s+l['’])\s?\Z")
#: The rest of a hyphenated name the model cut: a letter, digits or capitals ("BTC-e", "COVID-19").
_HYPHEN_TAIL = re.compile(r"-(?:[a-z]|\d{1,3}|[A-Z]{1,3})\b(?!-)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*) $")


@lru_cache(maxsize=None)
def _title_words(lang: str) -> frozenset[str]:
    """Every word of the language's title cues ("attorney general" gives "attorney", "general")."""
    return frozenset(w for phrase in load_lexicon(lang).title_cues for w in phrase.split())


def _given_name_start(body: str, start: int, lang: str) -> int:
    """Take in a first name the model left out because it is also a common word ("founder Do Kwon").

    Mid-sentence, a capitalised word right before a person's name is the
    start of the name unless it is a title, a function word written in
    capitals after a sentence end, a date word, an acronym or a nationality.
    """
    match = _WORD_BEFORE.search(body, max(0, start - 30), start)
    if not match:
        return start
    word = match.group(1)
    if not word[:1].isupper() or word.isupper() or "'" in word or "’" in word:
        return start
    low = word.casefold()
    lex = load_lexicon(lang)
    if low in _title_words(lang) or low in lex.honorifics or low in lex.dates or low in lex.stoplist:
        return start
    if lang == "en" and _RANKS.match(body, match.start(1)):  # "ruled Justice" + "Maina": a judge's title
        return start
    if lookup(word) is not None or is_demonym(word, lang=lang):
        return start
    # the word before it must be a lowercase word or a comma: "founder Do Kwon", "its founder, Do Kwon",
    # not the end of a title or a name ("Financial Intelligence Brian Nelson", "the Price Cap Coalition")
    previous = re.search(r"(\S+)\s*$", body[max(0, match.start() - 30):match.start()])
    if previous is None:
        return start
    token = previous.group(1)
    lowercase_word = token.isalpha() and token.islower() and token not in lex.function_words
    return match.start() if lowercase_word or token.endswith(",") else start


#: A French article written with a capital right before a span, and the word before it: "opère via La ".
_CAPITAL_ARTICLE_BEFORE = re.compile(r"(\S+) (La|Le|Les) \Z")


def _capital_article_start(body: str, start: int, end: int) -> int:
    """Take in a capitalised French article the model left out of a firm's name ("via La Banque Postale").

    Mid-sentence, after a lowercase word, "La", "Le" or "Les" with a capital is
    the first word of a name ("Le Monde", "Les Echos"), as the trim keeps it
    when the model took it in; a known place or body keeps its own name.
    """
    match = _CAPITAL_ARTICLE_BEFORE.search(body, max(0, start - 40), start)
    if match is None or not match.group(1).isalpha() or not match.group(1).islower():
        return start
    return start if lookup(body[start:end]) is not None else match.start(2)


#: A word and a comma before a capitalised word: "its owner, Ilya ", "its founder, Do ".
_COMMA_WORD_BEFORE = re.compile(r"(\S+),\s+[A-ZÀ-Ý][\w'’-]* \Z")


def _title_comma_before(body: str, start: int, lex: Lexicon) -> bool:
    """True when a person's title and a comma come before the capitalised word before ``start`` ("its owner, Ilya ")."""
    match = _COMMA_WORD_BEFORE.search(body, max(0, start - 40), start)
    return match is not None and match.group(1).casefold() in lex.title_cues


_HONORIFIC_BEFORE = re.compile(r"(?<!\S)(\S+)\s+$")
_NEXT_NAME_WORD = re.compile(r"[ ]([A-ZÀ-Ý][\w'’-]+)(?![\w'’-])")


#: A Russian patronymic ending a name: "Georgy Nugzarovich" + "Potapov" lacks its surname.
_PATRONYMIC = re.compile(r"\s[A-ZÀ-Ý][a-zà-ÿ]+(?:ovich|evich|ovitch|evitch|ovna|evna)\Z")


def _surname_end(body: str, start: int, end: int, lang: str) -> int:
    """Take in the surname the model left out after a courtesy title and a first name ("Mme Claudie" + "Boiteau").

    Also after a first name and a Russian patronymic ("Georgy Nugzarovich" + "Potapov"): the surname follows it.
    """
    patronymic = _PATRONYMIC.search(body, start, end) is not None
    if " " in body[start:end] and not patronymic:
        return end
    lex = load_lexicon(lang)
    courtesy = _HONORIFIC_BEFORE.search(body, max(0, start - 12), start)
    if not patronymic and (courtesy is None or not courtesy.group(1)[:1].isupper()
                           or courtesy.group(1).casefold() not in lex.honorifics):
        return end
    following = _NEXT_NAME_WORD.match(body, end)
    if following is None:
        return end
    word = following.group(1)
    low = word.casefold()
    if low in lex.function_words or low in lex.stoplist or low in _title_words(lang) or lookup(word) is not None:
        return end
    return following.end()


#: A word with no capital that ends a person's span: "Domenico Arcuri" + " président" (not "al-Assad", "d'Estaing").
_LOWERCASE_TAIL = re.compile(r"\s+[^\W\d_A-ZÀ-ÖØ-Þ][^\sA-ZÀ-ÖØ-Þ]*\Z")


def _lowercase_tail_end(body: str, start: int, end: int) -> int:
    """Where a person's name ends before the lower-case words the model ran on with ("Domenico Arcuri président de")."""
    while True:
        tail = _LOWERCASE_TAIL.search(body, start, end)
        if tail is None or tail.start() == start or tail.group().strip() in _SURNAME_PARTICLES:
            return end  # "Ursula von der" + "Leyen": a particle waits for its surname
        end = tail.start()


#: A surname in capitals and the next word in capitals: "Catherine OSTENGO" + " MULLER".
_CAPITAL_WORD_AFTER = re.compile(r" ([A-ZÀ-Ý][A-ZÀ-Ý'’-]{2,})(?![\w])")


def _capital_surname_end(body: str, start: int, end: int, lex: Lexicon, *, first_name: bool = False) -> int:
    """Take in the rest of a double surname written in capitals, as court papers write it ("Mme Catherine
    OSTENGO MULLER"), when the model ended the person at its first word; not a legal form, a concept or a
    known body or place in capitals after the name ("Jean DUPONT SARL", "DUPONT OFAC").

    With ``first_name``, also the surname in capitals after a one-word first name the model took alone, as
    West African press writes a person ("l'ancien Président Macky SALL").
    """
    text = body[start:end]
    last = text.rsplit(" ", 1)[-1]
    alone = first_name and " " not in text and len(text) >= 2 and text[:1].isupper() and text[1:].islower()
    if not alone and (" " not in text or not (last.isupper() and len(last) >= 2)):
        return end
    following = _CAPITAL_WORD_AFTER.match(body, end)
    while following:
        word = following.group(1)
        low = word.casefold()
        if low in lex.legal_forms or low in lex.concepts or low in lex.function_words or lookup(word) is not None:
            break
        end = following.end()
        following = _CAPITAL_WORD_AFTER.match(body, end)
    return end


#: A surname in capitals right before a first name: "GOHOUROU" + " Claude".
_CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý][A-ZÀ-Ý'’-]{2,}) \Z")


def _capital_surname_start(body: str, start: int, end: int, lex: Lexicon) -> int:
    """Take in the surname in capitals before a first name, as French and West African court and press texts
    write a person ("contre GOHOUROU Claude"), when the model took only the first name; not a legal form, a
    concept, a title, a known body or place, nor a word after another capitalised one ("la BNP Paribas")."""
    text = body[start:end]
    if " " in text or not (text[:1].isupper() and text[1:].islower()):
        return start
    before = _CAPITAL_WORD_BEFORE.search(body, max(0, start - 40), start)
    if before is None:
        return start
    word = before.group(1)
    low = word.casefold()
    if (low in lex.legal_forms or low in lex.concepts or low in lex.function_words or low in lex.title_cues
            or lookup(word) is not None):
        return start
    previous = body[max(0, before.start() - 40):before.start()].rstrip().rsplit(" ", 1)[-1]
    if previous[:1].isupper() and not _sentence_end(previous):
        return start  # a name running on in capitalised words
    return before.start()


#: A span's last words "de" or "d'" and a lowercase word: "... étrangères de conclure".
_DE_LAST_WORD = re.compile(r"\s+(?:de\s+|d['’])([a-zà-ÿ]+)\Z")


#: A connector before a date the model took into a name: " du mercredi 4 janvier 2023", " of 12 May 2024".
_DATE_CONNECTOR = re.compile(r"\s+(?:du|de|d['’]|of|on|dated)\s+", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"(?:\d{1,2}(?:er)?\s+)?[^\W\d_]+(?:\s+\d{1,2}(?!\d)(?:er)?)?(?:\s+[^\W\d_]+)?(?:\s+\d{4})?")


def _before_date(body: str, start: int, end: int, lex: Lexicon) -> int:
    """Where a name ends that the model ran on into the date after it.

    "Lors du Conseil des ministres du mercredi 4 janvier 2023": the meeting's
    date is no part of a body's name. The date must close the span and hold a
    weekday or a year ("du 12 mai 2023", "de janvier 2024"), so a name that
    holds a date of its own is kept ("Mouvement du 23 mars").
    """
    for m in _DATE_CONNECTOR.finditer(body, start, end):
        date = _DATE_WORDS.match(body, m.end(), end)
        if date is None or body[date.end():end].strip(" ,.") != "":
            continue
        words = date.group().split()
        if not any(w.casefold() in lex.dates for w in words):
            continue
        if words[0].casefold() in _weekdays() or any(re.fullmatch(r"\d{4}", w) for w in words):
            return m.start()
    return end


@lru_cache(maxsize=None)
def _weekdays() -> frozenset[str]:
    """The names of the days of the week in the kit's languages, from the Unicode CLDR (babel)."""
    from babel.dates import get_day_names

    return frozenset(name.casefold() for lang in ("fr", "en") for name in get_day_names("wide", locale=lang).values())


def _before_narrative_infinitive(body: str, start: int, end: int, lex: Lexicon) -> int:
    """End a name before "de" and a verb of speech a narrative infinitive puts there ("Et le chef du
    Département des affaires étrangères de conclure"): the verb is the sentence's, not the name's."""
    last = _DE_LAST_WORD.search(body, start, end)
    if last is None or last.group(1) not in lex.narrative_verbs:
        return end
    return last.start()


def _sentence_end(word: str) -> bool:
    return word.endswith((".", "!", "?", ":"))


_ENGLISH_NAME = re.compile(r"\s(?:of|for|the)\s")


def _foreign_edges(body: str, start: int, end: int, lex: Lexicon, lang: str) -> tuple[int, int]:
    """Strip a leading legal form ("la SA Société Générale") and, in French, the nationality after an English name.

    "le Department of Justice américain" names the Department of Justice: the
    French adjective is not part of the English name.
    """
    text = body[start:end]
    first, _, rest = text.partition(" ")
    if rest[:1].isupper() and first.isupper() and first.casefold().strip(".") in lex.legal_forms:
        start += len(first) + 1
        text = rest
    head, _, last = text.rpartition(" ")
    if lang == "fr" and head and last.islower() and _ENGLISH_NAME.search(head) and is_demonym(last, lang="fr"):
        end = start + len(head)
    return start, end


#: A French "of" and a capitalised place closing a span: " des États-Unis", " du Royaume-Uni".
_FRENCH_PLACE_TAIL = re.compile(r"\s+(?:des|du|de\s+la|de\s+l'|de)\s+([A-ZÀ-Ý][\w'-]*(?:\s+[A-ZÀ-Ý][\w'-]*)?)\Z")
_ENGLISH_JOINS = re.compile(r"\s(?:of|for|the|and)\s")


def _place_after_english_name(body: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """Where an English name ends and the known place a French "of" adds after it starts, or None.

    "la Securities and Exchange Commission des États-Unis" names the Commission
    and the country; a French name keeps its place ("département du Trésor des États-Unis").
    """
    if lang != "fr":
        return None
    tail = _FRENCH_PLACE_TAIL.search(body, start, end)
    if tail is None or not _ENGLISH_JOINS.search(body, start, tail.start()):
        return None
    reference = lookup(tail.group(1))
    if reference is None or reference.label != "LOC":
        return None
    return tail.start(), tail.start(1)


def _trailing_acronym(text: str, lex: Lexicon) -> int | None:
    """Where the acronym that ends a name spelled by the words before it starts ("Agence France-Presse AFP")."""
    head, _, last = text.rpartition(" ")
    if not head or not re.fullmatch(r"[A-Z]{2,6}", last) or head.isupper():
        return None
    return len(head) + 1 if acronym_letters(last) in spelled_acronyms(head, lex) else None


def _mid_sentence(body: str, start: int) -> bool:
    """True when the text before ``start`` ends with a word or a comma on the same line."""
    before = body[:start].rstrip(" \t")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",'")


def _after_title(body: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the name starts after a leading title and its de/of; ``end`` when only an office is left.

    "Président du TGI de Paris" is "TGI de Paris"; "président de la République"
    and "ministre des Finances" name an office (``offices_*.txt``, generic words),
    not an organisation, and the span goes.
    """
    at = _TITLE_AT.match(body, start, end)
    if at is not None and any(w.casefold() in lex.title_cues or w == "Head" for w in at.group(1).split()):
        return at.end()  # "Head of Compliance at Pockit": the employer after the job title
    m = _TITLE_HEAD.match(body, start, end)
    if m is None or m.group(1).casefold() not in lex.title_cues:
        return start
    rest_start, rest_end = trim_span(body, m.end(), end, lex)
    rest = name_tokens(body[rest_start:rest_end])
    if all(t in lex.offices or t in lex.generic or t in lex.function_words for t in rest):
        return end
    return rest_start


#: A concept acronym and de/du/des before a capitalised name: "les autres CRF de l'Union européenne"; or a French
#: preposition of place: "investir dans des NFT sur Discord".
_CONCEPT_OF = re.compile(
    r"([A-Z]{2,6})\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|sur\s+|chez\s+|via\s+)(?=[A-ZÀ-Ý])"
)


def _after_concept_of(body: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the name starts after a concept acronym and its de or sur ("CRF de l'" + "Union européenne", "NFT sur" + "Discord").

    A kind of body or report written as an acronym (``concepts.txt``) heads no name: what follows its
    de is the name, as "État membre de l'Union européenne" names the Union.
    """
    m = _CONCEPT_OF.match(body, start, end)
    if m and m.group(1).casefold() in lex.concepts and m.end() < end:
        return m.end()
    return start


def _after_kind_noun(body: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the name starts after a lowercase kind-of noun the model took in ("chantier naval de" + "La Ciotat").

    French spans that start with a lowercase word are a common noun and the
    name it introduces ("passerelle Harmony", "chantier naval de La Ciotat"),
    unless the word heads an institution's name ("ministère de l'Économie",
    "cour d'appel de Paris") or is a title, which other rules read.
    """
    text = body[start:end]
    first = text.split(" ", 1)[0]
    if not first[:1].islower() or first.casefold() in lex.function_words:
        return start
    if first.casefold() in lex.landforms and text[len(first):len(first) + 2][1:].isupper():
        return start  # "îles Caïmans", "océan Indien": a natural feature's generic is part of its name
    if strip_accents(first).casefold() in lex.institution_heads and _PROPER_NAME_NEXT.match(text, len(first)) \
            and lex.type_cues.get(first.casefold()) == "ORG":
        return start + len(first) + 1  # "la banque Wegelin", "la banque Bordier & Cie": the kind before the firm's name
    if strip_accents(first).casefold() in lex.institution_heads or first.casefold() in lex.title_cues:
        return start
    name = _CAPITALISED_AFTER.search(text)
    return start + name.start(1) if name else start


#: A capitalised word right after a span's first word, no de between: " Wegelin", " Bordier".
_PROPER_NAME_NEXT = re.compile(r" [A-ZÀ-Ý]")
#: A capitalised naming participle opening a span before a name: "Baptisée" + " Collecteur", "Surnommé" + " X".
_NAMING_PARTICIPLE = re.compile(r"(?:Baptisé|Surnommé|Nommé|Dénommé|Appelé)e?s?\s+(?=[A-ZÀ-Ý])")
_WORD_RIGHT_BEFORE = re.compile(r"(?<![\w'’-])([a-zà-ÿ][\w'’-]*) \Z")


def _landform_start(body: str, start: int, lex: Lexicon) -> int:
    """Take in a natural feature's lowercase generic the model left before its capitalised specific
    ("l'océan" + "Indien", "les îles" + "Caïmans"): the generic is part of the place's name (``landforms_fr.txt``)."""
    if not body[start:start + 1].isupper():
        return start
    before = _WORD_RIGHT_BEFORE.search(body, max(0, start - 20), start)
    if before is None or before.group(1) not in lex.landforms:
        return start
    return before.start(1)


def _before_kind_noun(body: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the name ends before a lowercase kind-of noun the English model took in ("the collapsed FTX exchange").

    English puts the kind after the name ("the OKX exchange", "the Tornado Cash
    mixer"); the noun (``type`` cues) is no part of the name.
    """
    while True:
        head, _, last = body[start:end].rpartition(" ")
        low = last.casefold()
        if not head or not last[:1].islower() or not any(w[:1].isupper() for w in head.split()):
            return end
        if low not in lex.type_cues and low.removesuffix("s") not in lex.type_cues:
            return end
        end = start + len(head.rstrip())


#: A compound adjective made on the name: "Ponzi-like payments", "Soviet-style".
_LIKE_COMPOUND = re.compile(r"-(?:like|style|esque|type|wide)\b", re.IGNORECASE)
#: A dollar sign and a figure right after a code in capitals: the code is a dollar's country ("SG$5.8 million",
#: "HK$ 2 billion", "A$67 million"), part of the amount, not a place.
_DOLLAR_AFTER = re.compile(r"\$\s?\d")
#: A name made an adjective by a lowercase prefix: "une propagande pro-Poutine", "les sanctions anti-Kremlin".
_PREFIXED_ADJECTIVE = re.compile(r"(?:pro|anti|non|post|pré|pre)-(?=[A-ZÀ-Ý])")

#: A nickname in quotes between a first name and a surname: 'Zixiao "Gary" Wang', 'Ilya "Dutch" Lichtenstein'.
_NICKNAME = re.compile(r"""\s+"([A-Z][\w.'-]*)"\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)""")


#: A first name, a quoted nickname and a surname: 'Ilya "Dutch" Lichtenstein', 'Heather "Razzlekhan" Morgan'.
_NICKNAMED = re.compile(r"""(?<![\w'’.-])([A-Z][a-z]+)\s+"([A-Z][\w.'-]*)"\s+([A-Z][a-z][\w'’-]*)(?![\w-])""")


def _add_nicknamed_people(mentions: list[Mention], article_id: str, lang: str, body: str, lex: Lexicon) -> list[Mention]:
    """One person for a first name, a quoted nickname and a surname, whatever the model made of them (it
    reads 'Lichtenstein and Heather "Razzlekhan" Morgan' as a title); a kind word or a legal form after the
    quote makes a firm's name, no person ('Lazarus "APT38" Group')."""
    out = list(mentions)
    for found in _NICKNAMED.finditer(body):
        first, last = found.group(1).casefold(), found.group(3).casefold()
        if first in lex.all_function_words or first in lex.stoplist or first in lex.title_cues \
                or last in lex.name_words or last in lex.legal_forms or last in lex.generic:
            continue
        a, b = found.span()
        if any(m.ent_id and m.start < b and a < m.end for m in out) or any(
                m.model_label == "PER" and m.start == a and m.end == b for m in out):
            continue
        out = [m for m in out if not (m.start < b and a < m.end)]
        out.append(Mention(article_id, lang, a, b, body[a:b], "PER"))
    return out


def _joined(out: list[Mention], m: Mention, end: int, label: str, body: str, *, inner_from: int) -> list[Mention]:
    """``out`` with ``m`` and the spans it takes in (from ``inner_from`` to ``end``) replaced by one mention
    from ``m``'s start to ``end``."""
    kept = [x for x in out if x is not m and not (inner_from <= x.start and x.end <= end)]
    kept.append(Mention(m.article_id, m.lang, m.start, end, body[m.start:end], label, weight=m.weight))
    return kept


def _join_nicknames(mentions: list[Mention], body: str) -> list[Mention]:
    """One person for a first name, a quoted nickname and a surname the model cut into pieces."""
    out = list(mentions)
    for m in mentions:
        if " " in m.text or not m.text[:1].isupper() or m.ent_id:
            continue
        found = _NICKNAME.match(body, m.end)
        if not found:
            continue
        out = _joined(out, m, found.end(), "PER", body, inner_from=m.start)
    return out


#: Military and police ranks and judges' titles that open a person's name, one or several ("Commissioner
#: Brigadier-General Sitiveni Qiliho", "Justice Maina"); "General" and "Major" alone open firms too ("General
#: Motors"), "Inspector General" is an office, and "Justice Department" a body.
_RANKS = re.compile(
    r"(?:(?:(?:Brigadier|Major|Lieutenant|Lt\.?)[- ]General|Brigadier|(?:Lieutenant[- ])?Colonel|Col\.|"
    r"(?:Vice|Rear)[- ]Admiral|Admiral|Commodore|Air Marshal|(?:Police )?Commissioner|Superintendent|"
    r"Chief Inspector|Inspector(?! General)|Sergeant|Sgt\.|"
    # a judge's title in Commonwealth courts: "Justice Emeka Nwite", "Chief Justice Martha Koome"
    r"(?:Mr\.? |Mrs\.? |Ms\.? |Chief )?Justice(?! (?:[A-ZÀ-Ý][a-zà-ÿ]+ )?(?:Department|Ministry|Minister|Secretary|"
    r"Committee|Party|League|Commission|Court|Act|Centre|Center|Institute|Foundation|Network|Project)\b)) )+"
    r"(?=[A-ZÀ-Ý][a-zà-ÿ])")

#: The prefix a ship's name is written with: motor yacht, motor vessel, sailing yacht ("MY Axioma", "M/Y Amadea").
_VESSEL_PREFIX = re.compile(r"(?:M/?Y|M/?V|S/?Y) (?=[A-Z][a-z])")

#: The same prefix right before a span that leaves it out.
_VESSEL_BEFORE = re.compile(r"(?<![\w/])(?:M/?Y|M/?V|S/?Y) \Z")

#: A product's model designation right after its maker's name: " 787-8", " G650ER", " A320", " Su-35".
_PRODUCT_MODEL = re.compile(r" ([A-Z][A-Za-z]{0,2}-?)?(\d{2,4})(?:-\d{1,3})?[A-Z]{0,3}\b(?![,.]\d)")


def _product_model_after(body: str, end: int) -> bool:
    """True when a model designation follows the name ("Boeing 787-8 Dreamliner", "Gulfstream G650ER").

    A bare year is no model ("Deloitte 2023 report"), nor is a number's
    first group ("Binance 20,000").
    """
    m = _PRODUCT_MODEL.match(body, end)
    if m is None:
        return False
    return bool(m.group(1)) or not (len(m.group(2)) == 4 and m.group(2)[:2] in {"19", "20"})


#: The lowercase particles that open a surname ("Ursula von der" + "Leyen", "Charles de" + "Gaulle").
_SURNAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "du", "des", "da", "di", "del", "della", "dos", "le", "la", "ten", "ter"})

#: A capitalised surname right after a space ("Leyen", "Gaulle", "O'Neill").
_SURNAME_AFTER = re.compile(r" ([A-ZÀ-Ý][\w'’-]*[\w])")


def _join_particle_surnames(mentions: list[Mention], body: str) -> list[Mention]:
    """One person for a name the model cut after its lowercase particle ("Ursula von der" + "Leyen").

    A person's span of two words at least that ends with a surname particle
    ("von der", "van", "de") has its surname right after it: the capitalised
    word that follows joins the person, and a span the model made of that
    word alone (a place or a firm, "Leyen") goes.
    """
    out = list(mentions)
    for m in mentions:
        words = m.text.split()
        if m.model_label != "PER" or m.ent_id or len(words) < 2 or words[-1] not in _SURNAME_PARTICLES \
                or not words[0][:1].isupper():
            continue
        found = _SURNAME_AFTER.match(body, m.end)
        if not found:
            continue
        out = _joined(out, m, found.end(), "PER", body, inner_from=m.end)
    return out


def _join_split_persons(mentions: list[Mention], body: str) -> list[Mention]:
    """One person for a long name the model cut into two people with only a space between them.

    Hispanic and other names of four words are often read as two people
    ("José Adolfo" + "Macías Villamar"); two names of people never stand with a
    bare space between them, only with a comma, "and" or a bracket.
    """
    people = sorted((m for m in mentions if m.model_label == "PER" and not m.ent_id and m.text[:1].isupper()),
                    key=lambda m: m.start)
    out = list(mentions)
    for left, right in zip(people, people[1:]):
        if body[left.end:right.start] != " " or not right.text[:1].isupper() or left not in out:
            continue
        out = _joined(out, left, right.end, "PER", body, inner_from=left.end)
    return out


#: The top-level domain that ends a name written as a web address: "Censor.NET", "Lenta.ru", a country's
#: exchange "Binance.US" (whose country the model took for a place).
_DOMAIN_END = re.compile(r"(?:NET|COM|ORG|IO|INFO|RU|UA|US|UK|EU|AI|CH|DE|FR|CC|ME|"
                         r"net|com|org|io|info|ru|ua|us|uk|eu|ai|ch|de|fr|cc|me)\b")


def _join_domain_names(mentions: list[Mention], body: str) -> list[Mention]:
    """One firm for a name written as a web address that the model cut at its dot ("Censor" + "NET").

    A firm's span, a dot with no space and a top-level domain (a span of its
    own or none) are one name: news sites and exchanges go by their address.
    The model may call the name a place ("Binance" of "Binance.US"): a name
    no gazetteer knows as a place counts then too.
    """
    out = list(mentions)
    for m in mentions:
        if m.model_label not in ("ORG", "LOC") or m.ent_id or body[m.end:m.end + 1] != "." or not m.text[:1].isupper():
            continue
        if m.model_label == "LOC" and ((place := lookup(m.text)) is not None and place.label == "LOC"):
            continue
        tld = _DOMAIN_END.match(body, m.end + 1)
        if tld is None or body[tld.end():tld.end() + 1].isalnum():
            continue
        out = _joined(out, m, tld.end(), "ORG", body, inner_from=m.end)
    return out


#: The first capitalised word after the lowercase words, and de/du/des before it.
_CAPITALISED_AFTER = re.compile(r"^[^\W\d_A-ZÀ-Ý][\w'-]*(?:\s+[a-zà-ÿ][\w'-]*){0,3}?\s+(?:(?:de\s+la|de\s+l'|des|du|de|d')\s*)?([A-ZÀ-Ý])")


def _office_after_title(body: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the span is the portfolio of a title the model left out ("ministre des" + "Finances").

    "ministre des Finances et des Comptes publics", "sous-secrétaire au Trésor":
    the words after the title name an office (``offices_*.txt``, generic words),
    not an organisation, as when the title is inside the span.
    """
    tokens = name_tokens(body[start:end])
    if not tokens or not all(t in lex.offices or t in lex.generic or t in lex.function_words for t in tokens):
        return False
    before = _TITLE_BEFORE.search(body, max(0, start - 40), start) or _TITLE_FOR_BEFORE.search(body, max(0, start - 50), start)
    if before is not None and before.group(1).casefold() in lex.title_cues:
        return True
    # the next portfolio of a list: "ministre de l'Economie et des" + "Finances"
    before = _TITLE_PORTFOLIO_BEFORE.search(body, max(0, start - 80), start)
    return before is not None and before.group(1).casefold() in lex.title_cues \
        and all(t in lex.offices or t in lex.function_words for t in name_tokens(before.group(2)))


#: A capitalised English title and "for" right before a span: "Deputy Assistant Secretary for ".
_CAPITAL_TITLE_FOR = re.compile(r"\b([A-Z][\w-]*)\s+for\s+(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+and\s+)?\Z")
#: The same title in lowercase with the department it is "of": "assistant secretary of the Treasury for Terrorism
#: and" + "Financial Intelligence" (a lowercase title alone is no cue: "a spokeswoman for Binance").
_TITLE_OF_DEPARTMENT_FOR = re.compile(
    r"\b([a-z][\w-]*)\s+of\s+the\s+[A-Z][\w-]*\s+for\s+(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+and\s+)?\Z")


def _portfolio_after_for(body: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when an English span is the portfolio after a capitalised title and "for".

    "the Deputy Assistant Secretary for Terrorist Financing and Financial Crimes",
    "Commissioner for Financial Services", the second of a pair ("assistant secretary of the Treasury for
    Terrorism and Financial Intelligence"): what the title is for is a field, not a
    body, unless a word of it heads an institution's name or is a legal form
    ("Assistant Attorney General for the Criminal Division" keeps the division),
    or it is a place ("Country Director for India").
    """
    tokens = name_tokens(body[start:end])
    titles = [found.group(1).casefold() for found in (_CAPITAL_TITLE_FOR.search(body, max(0, start - 60), start),
                                                       _TITLE_OF_DEPARTMENT_FOR.search(body, max(0, start - 80), start))
              if found]
    if not tokens or not any(title in lex.title_cues for title in titles):
        return False
    if any(strip_accents(t) in lex.institution_heads or t in lex.legal_forms or t in lex.type_cues for t in tokens):
        return False
    return not is_known_place(body[start:end]) and not all(t in lex.function_words for t in tokens)


def _holder_after_office(body: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the holder's name starts in a span made of a title's portfolio and a person ("Justice Nicole Belloubet").

    After "la ministre de la" or "le commissaire européen à la", the model
    often runs the portfolio into the holder's name and calls the whole an
    organisation. The portfolio words (``offices_*.txt``) go and the rest,
    a capitalised name of two words or more, is the person. ``start`` when the
    span is not so made.
    """
    words = list(_NAME_WORD.finditer(body, start, end))
    n = 0
    while n < len(words) and words[n].group().casefold() in lex.offices:
        n += 1
    rest = words[n:]
    if n == 0 or len(rest) < 2 or not all(w.group()[:1].isupper() for w in rest):
        return start
    before = _TITLE_OFFICE_BEFORE.search(body, max(0, start - 50), start)
    if before is None or not {(before.group(1) or "").casefold(), before.group(2).casefold()} & lex.title_cues:
        return start
    return rest[0].start()


_NAME_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _holder_after_body(body: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """Where a body's name ends and its holder's starts in one English span, or None.

    The English model runs an office into the name of the person heading it
    ("the National Security Division John Demers", "Federal Reserve Board
    Chairman Jerome Powell"): an institution head that is not the name's first
    word, maybe a title, then two or three capitalised words that no name of a
    body uses. Returns ``(end of the body's name, start of the person's)``.
    """
    words = list(_NAME_WORD.finditer(body, start, end))
    heads = [i for i, w in enumerate(words) if i and w.group()[:1].isupper()
             and strip_accents(w.group().casefold()) in lex.institution_heads]
    if not heads:
        return None
    head = words[heads[-1]]
    rest = words[heads[-1] + 1:]
    titles = _title_words("en")
    while rest and rest[0].group().casefold() in titles:
        rest = rest[1:]
    if not _person_words(body, head.end(), rest, lex):
        return None
    return head.end(), rest[0].start()


def _person_words(body: str, after: int, rest: list[re.Match], lex: Lexicon) -> bool:
    """True when ``rest``, the words closing a span from ``after`` on, read as a person's name.

    Two or three capitalised words, no punctuation but full stops, apostrophes and
    hyphens between them, and none that a body's or a firm's name uses.
    """
    if not 2 <= len(rest) <= 3 or re.search(r"[^\w\s.'-]", body[after:rest[-1].end()]):
        return False
    for w in rest:
        low = w.group().casefold()
        if not w.group()[:1].isupper() or w.group().isupper() or low in lex.function_words or low in lex.name_words \
                or low in lex.type_cues or low in lex.legal_forms or strip_accents(low) in lex.institution_heads:
            return False
    return True


#: A capitalised English title and "of" (maybe "of the") right before a span: "Secretary of the ".
_CAPITAL_TITLE_OF = re.compile(r"\b([A-Z][\w-]*)\s+of\s+(?:the\s+)?\Z")


def _holder_after_department(body: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """Where the department ends and its head's name starts in an English span after a title and "of".

    "said Secretary of the Treasury Scott Bessent": the model runs the department
    a title names into the name of the person holding it. The span's first word,
    and the office words after it (``offices_en.txt``: "Homeland Security"), are
    the department; two or three capitalised words that no body's name uses are
    the person. Returns ``(end of the department's name, start of the person's)``.
    """
    before = _CAPITAL_TITLE_OF.search(body, max(0, start - 30), start)
    if before is None or before.group(1).casefold() not in lex.title_cues:
        return None
    words = list(_NAME_WORD.finditer(body, start, end))
    n = 1
    while n < len(words) and words[n].group()[:1].isupper() and words[n].group().casefold() in lex.offices:
        n += 1
    if len(words) <= n or not _person_words(body, words[n - 1].end(), words[n:], lex):
        return None
    return words[n - 1].end(), words[n].start()
#: A title (maybe after a word, or before its nationality) and its connector: "ministre de la ", "commissaire européen à la ".
_TITLE_OFFICE_BEFORE = re.compile(
    r"(?:([^\W\d_][\w-]*)\s+)?([^\W\d_][\w-]*)\s+(?:de\s+la|de\s+l'|des|du|d'|au|aux|à\s+la|à\s+l')\s*\Z",
    re.IGNORECASE,
)


#: A French title, its first portfolios and the joint before the next one: "ministre de l'Economie et des ".
_TITLE_PORTFOLIO_BEFORE = re.compile(
    r"([^\W\d_][\w-]*)\s+(?:de\s+la\s+|de\s+l'|des\s+|du\s+|d'|au\s+|aux\s+)"
    r"([^\W\d_][\w-]*(?:(?:\s*,\s*|\s+et\s+)(?:de\s+la\s+|de\s+l'|des\s+|du\s+|d')[^\W\d_][\w-]*){0,3})"
    r"(?:\s*,\s*|\s+et\s+)(?:de\s+la\s+|de\s+l'|des\s+|du\s+|d')\Z",
    re.IGNORECASE,
)


#: A title word and de/of/au right before a span: "ministre des ", "sous-secrétaire au ".
_TITLE_BEFORE = re.compile(r"([^\W\d_][\w-]*)\s+(?:de\s+la\s+|de\s+l'|des\s+|du\s+|d'|au\s+|aux\s+|of\s+the\s+|of\s+)\Z", re.IGNORECASE)


#: A title, maybe with its department, and "for" right before a span: "Under Secretary of the Treasury for ".
_TITLE_FOR_BEFORE = re.compile(r"([^\W\d_][\w-]*)\s+(?:of\s+the\s+[A-Z][\w-]*\s+)?for\s+\Z")


#: A capitalised job title, its domain and "at" before the employer: "Head of Compliance at " (Pockit),
#: "Director of Investigations at " (Chainalysis).
_TITLE_AT = re.compile(r"((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)\s+(?:(?:of|for)\s+(?:[A-Z][\w&-]*\s+){1,4})?at\s+(?=[A-Z])")
_TITLE_HEAD = re.compile(r"([^\W\d_]+)\s+(?:(?:de|du|des|of|for)\s+|d['’])", re.IGNORECASE)


_TIME_WORD_AFTER = re.compile(r"\s+(?:actuel|actuelle|actuels|actuelles)\Z")
_EX_BEFORE = re.compile(r"[eE]x-(?=[A-ZÀ-Ý])")
_REPUBLIC_OF = re.compile(r"République\s+(?:de\s+|d')(?=[A-ZÀ-Ý])")
_PROSECUTOR_OF_THE = re.compile(r"\bprocureure?s?\s+de\s+la\s+\Z", re.IGNORECASE)
#: The Belgian "procureur du Roi" and the place after it: "le procureur du Roi du Limbourg" names the Limbourg.
_KING_OF = re.compile(r"Roi\s+(?:du\s+|des\s+|de\s+la\s+|de\s+|d')(?=[A-ZÀ-Ý])")
_PROSECUTOR_OF_THE_KING = re.compile(r"\bprocureure?s?\s+du\s+\Z", re.IGNORECASE)
#: A paragraph's figure and the first word of its sentence at a line start: "1 Est puni", "2 Si l'auteur".
_PARAGRAPH_START = re.compile(r"\d{1,3}[a-z]?\s+([A-ZÀ-Ý][a-zà-ÿ]+)")
#: The pilgrim's title of a West African name, the model's piece of it: "El hadji", "El Hadj", "Elhadji".
_PILGRIM_TITLE = re.compile(r"(?<![\w'’-])(?:El[\s-]+[Hh]adj|Elh?adj|El[\s-]+[Hh]aj|Alhaj|Al[\s-]+[Hh]adj)i?\s+\Z")


def trim_span(body: str, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Strip punctuation, determiners, elisions, prepositions and possessives at the edges.

    A capitalised determiner in the middle of a sentence is part of a name
    ("selon le quotidien Le Monde") and is kept.

    Returns:
        The new ``(start, end)``; ``start == end`` when nothing is left.
    """
    courtesy = False
    while start < end:
        text = body[start:end]
        # trailing elided word: "Comité national de planification de l'"
        m = _TRAILING_ELISION.search(text)
        if m and m.group(1).casefold() in lex.function_words:
            end = start + m.start()
            continue
        m = _EDGE_JUNK.search(text)
        if m and m.start() == 0 and m.end() > 0:
            start += m.end()
            continue
        abbreviation = text.endswith(".") and _ABBREVIATION_END.search(text)  # "Ltd.", "U.S."
        if m and m.end() == len(text) and m.start() < len(text) and not abbreviation:
            end = start + m.start()
            continue
        # a word of time after or before a name: "l'Autorité des marchés financiers actuelle", "l'ex-Conseil"
        m = _TIME_WORD_AFTER.search(text)
        if m and m.start() > 0:
            end = start + m.start()
            continue
        m = _EX_BEFORE.match(text)
        if m and strip_accents(text[m.end():].split()[0]).casefold() in lex.institution_heads:
            start += m.end()  # a former body; "l'ex-Yougoslavie" keeps its name
            continue
        # the Republic of a prosecutor's title: "la procureure de la République de Bordeaux" names Bordeaux
        m = _REPUBLIC_OF.match(text)
        if m and _PROSECUTOR_OF_THE.search(body, max(0, start - 30), start):
            start += m.end()
            continue
        m = _KING_OF.match(text)
        if m and _PROSECUTOR_OF_THE_KING.search(body, max(0, start - 30), start):
            start += m.end()
            continue
        # leading elided article or preposition: l'OTAN, d'Europe
        m = _LEADING_ELISION.match(text)
        if m and m.group(1).casefold() in lex.function_words:
            if not (text[0].isupper() and _mid_sentence(body, start)):
                start += m.end()
                continue
        # leading determiner, preposition or courtesy title
        first, _, rest = text.partition(" ")
        low = first.casefold()
        if rest and low in lex.honorifics:
            start += len(first) + 1
            courtesy = True
            continue
        shouted = first.isupper() and len(first) > 1  # "US", "IT": acronyms, not words
        # "M. Le Maire": a capitalised article after a courtesy title opens the surname
        if rest and low in lex.function_words and not shouted and not (courtesy and first[:1].isupper()):
            # an English "The" goes even mid-sentence ("between The Free Press Journal and"), unless the
            # gazetteers know the name with it ("in The Hague")
            english_the = lex.head_final and low == "the" and lookup(text) is None
            if english_the or not (first[0].isupper() and _mid_sentence(body, start)):
                start += len(first) + 1
                continue
        # a currency code that opens the amount after the name: "fined the brokerage firm Guosen HKD $1.2 million"
        head, _, last = text.rpartition(" ")
        if head and len(last) == 3 and last.isupper() and last in _iso_currency_codes() \
                and _CODE_FIGURE_AFTER.match(body, end):
            end = start + len(head)
            continue
        # trailing possessive
        m = _POSSESSIVE.search(text)
        if m and len(text) > 2:
            end = start + m.start()
            continue
        # trailing function word or elided form: "de l'", "of"
        head, _, last = text.rpartition(" ")
        if head and (last.endswith("'") or not last.isupper()) and last.casefold() in lex.function_words:
            end = start + len(head)
            continue
        break
    # leading/trailing spaces left by the cuts above
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


#: A year or a fiscal year at a name's edge: "Union Budget 2017-18", "2018-19 Budget".
_EDGE_YEAR = re.compile(r"^(?:19|20)\d\d(?:[-–/](?:\d\d){1,2})?\s+|\s+(?:19|20)\d\d(?:[-–/](?:\d\d){1,2})?$")


#: Single capitals joined by hyphens or ampersands: "I-T", "A&E".
_SPELLED_ACRONYM = re.compile(r"(?<![\w-])[A-Z](?:[-&][A-Z])+(?![\w-])")


#: Two to four capitals glued to a figure of three digits or more: an amount the tagger did not read.
_CODE_AND_DIGITS = re.compile(r"[A-Z]{2,4}[$¢₵]?\s?\d{3,}(?:[,.]\d+)*(?:[kKmMbB]n?)?")


#: A kind of body whose acronym after "the" names the one unit of the country the text is about: "report to the
#: FIU", "Commissioner for the FIU" (a body); "FIUs", "an FIU" stay a kind.
_UNIT_ACRONYMS = frozenset({"FIU"})


def the_unit(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is a kind of body's acronym that "the" makes one body (:data:`_UNIT_ACRONYMS`)."""
    return body[start:end] in _UNIT_ACRONYMS and body[max(0, start - 4):start].casefold() == "the "


def drop_reason(text: str, lex: Lexicon, *, stoplist: bool = True) -> str | None:
    """Why ``text`` is not a name, or None when it may be one."""
    if not re.search(r"[^\W\d_]", text):
        return "no letter"
    low = text.casefold()
    words = low.split()
    if len(re.sub(r"[^\w]", "", text)) < 2:
        return "too short"
    if text.upper() != text and all(w in lex.function_words for w in words):
        return "function word"
    if low.strip("$€£¥₽ ") in lex.currencies or low in lex.currencies or low in _currency_names():
        return "currency"
    if _CODE_AND_DIGITS.fullmatch(text):
        return "amount"  # "GHC200", "KES150,000": a currency's code glued to its figure
    if text.isupper() and low.lstrip("$") in lex.tickers:
        return "ticker"
    if _TICKER_COIN.fullmatch(text) and text.split()[0].casefold() in lex.tickers:
        return "ticker"  # "USDT Coin", "BNB Token": the asset, not its issuer
    tokens = name_tokens(text)
    if any(w in lex.dates for w in tokens) and all(
        w in lex.dates or w.isdigit() or w in lex.function_words for w in tokens
    ):
        return "date"
    if not any(c.isupper() for c in text):
        return "lowercase"
    if stoplist and low in lex.stoplist:
        return "stoplist"
    if tokens and all(t in lex.legal_forms for t in tokens):
        return "legal form"  # "Inc", "Ltd", "LLC" on their own
    if low.replace(".", "") in lex.concepts or low in lex.concepts:
        return "concept"
    parts = re.split(r"\s*[/&]\s*", low)
    if len(parts) > 1 and all(part in lex.concepts for part in parts):
        return "concept"  # "AML/CTF", "KYC/AML", "AML & ATF": concepts joined by a slash or an ampersand
    # an acronym is no function word: "US Department" is a body, "us" a pronoun
    # nor are single capitals joined by hyphens: "the I-T Department", the income-tax department
    acronym = text.upper() != text and (any(len(w) > 1 and w.isupper() for w in re.findall(r"[^\W\d_]+", text))
                                        or bool(_SPELLED_ACRONYM.search(text)))
    # "Cour d'Appel": the elided "de" apart from the word after it; "Union Budget 2017-18": a kind and its year
    kinds = name_tokens(_ELIDED.sub(" ", _EDGE_YEAR.sub("", text)))
    # a court named by its level in capitals is one court, as "Supreme Court" is: "the Federal Court" (English)
    named_court = lex.head_final and kinds[-1:] == ["court"] and len([t for t in kinds if t not in lex.function_words]) >= 2
    if kinds and not acronym and not named_court and all(t in lex.generic or t in lex.function_words for t in kinds) \
            and any(t in lex.generic for t in kinds):
        return "generic"
    if low in lex.title_cues:
        return "title"  # "Magistrate", "Président", "Procureur Fédéral" alone name no one
    if tokens and all(t in lex.honorifics or f"{t}." in lex.honorifics for t in tokens):
        return "courtesy title"  # "Mme" in "Mme la garde des sceaux", "Mr." alone
    if _ARTICLE.match(text):
        return "article"
    if _anonymised(text, lex):
        return "anonymised"  # "la banque C. & Cie", "B. Ltd": a court's initial for a party it does not name
    if any(c.isdigit() for c in text) and any(t in lex.currencies or t.upper() in _ISO for t in re.split(r"[\s\d.,]+", low) if t):
        return "amount"
    if _code_figure().search(text):
        return "amount"  # "KES 5,000", "Ugx 20", "20,000 GHS": any current currency's code beside a figure
    if _symbol_figure().match(text):
        return "amount"  # "S$3", "HK$50", "US$ 2m", "Ksh250,000": a currency's symbol and a figure, the model's piece of an amount
    if len(tokens) == 1 and _ORDINAL.fullmatch(tokens[0]):
        return "ordinal"
    return None


@lru_cache(maxsize=1)
def _french_stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _paragraph_start(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is a law paragraph's figure and a function word or verb after it at a line start.

    Swiss and French law texts number their paragraphs "1", "2" before the
    sentence; "1 Est puni", "2 Si l'auteur", "3 Le juge" name nothing, whereas a
    name begins with a figure before a noun ("3 Suisses").
    """
    m = _PARAGRAPH_START.fullmatch(body, start, end)
    if m is None or m.group(1).casefold() not in _french_stop_words():
        return False
    # read only when the figure and word match: the slices copy the body up to the span
    return start == 0 or body[:start].rstrip(" \t").endswith("\n") or not body[:start].strip()


@lru_cache(maxsize=1)
def _symbol_figure() -> re.Pattern[str]:
    """A currency symbol of the amounts' vocabulary ("$", "S$", "HK$", "RM") right before a figure."""
    cur = load_currencies()
    symbols = sorted({*cur["symbols"], *cur["prefixed_symbols"], *cur["locale_prefixed_symbols"]}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, symbols)) + r")\s?\d")


@lru_cache(maxsize=1)
def _national_figure() -> re.Pattern[str]:
    """A country's own short marker ("N", "R", "Sh", "LE") touching or one space from a figure, with its magnitude."""
    markers = sorted(load_local_currencies()["national_markers"], key=len, reverse=True)
    alt = "|".join(map(re.escape, markers))
    return re.compile(rf"(?:{alt})\s?(?P<figure>\d[\d,. ]*?)\s?(?P<magnitude>{_MAGNITUDE})?")


_MAGNITUDE = r"(?:k|m|mn|bn|thousand|million|billion|trillion)\b"


def national_amount(body: str, start: int, end: int) -> bool:
    """True for a span that is a country's own short marker and an amount's figure ("N500", "R10 million", "N5" of "N5m").

    The amount tagger reads such a marker only where the text names its
    country; the model's piece of the amount is no name whichever country it
    is. A figure of one or two digits with no magnitude, in the span or right
    after it, may be a name's ("the P5", "G7"), and stays.
    """
    found = _national_figure().fullmatch(body, start, end)
    if found is None:
        return False
    figure = found.group("figure")
    return bool(found.group("magnitude") or re.search(r"\d{3}|\d[,.]\d", figure)
                or re.match(_MAGNITUDE, body[end:end + 12]))


@lru_cache(maxsize=1)
def _code_figure() -> re.Pattern[str]:
    """A code of the amounts' vocabulary or of CLDR's current currencies touching or one space from a figure.

    Written in capitals or, before the figure, with one capital ("Ugx 20"), as
    the amount tagger reads them; a code apart from any figure is a word or a
    name's part ("1Malaysia Development Bhd").
    """
    cur = load_currencies()
    upper, title = cldr_codes()
    codes = sorted({*(c for c, iso in cur["codes"].items() if iso not in cur["crypto"]), *upper}, key=len, reverse=True)
    titles = sorted(title, key=len, reverse=True)
    alt, title_alt = "|".join(map(re.escape, codes)), "|".join(map(re.escape, titles))
    return re.compile(rf"(?<![\w])(?:{alt}|{title_alt})\s?\d|\d\s?(?:{alt})(?![\w])")


#: A capital initial with its dot: "A.", "C.".
_INITIAL = re.compile(r"[^\W\d_]\.")


def _anonymised(text: str, lex: Lexicon) -> bool:
    """Whether the only name in ``text`` is initials, maybe with a kind noun or legal form ("banque D.")."""
    words = [w for w in text.split() if w != "&" and w[:1].isupper() and w.casefold().rstrip(".") not in lex.legal_forms]
    return bool(words) and all(_INITIAL.fullmatch(w) and w[0].isupper() for w in words)


#: The slash-joined word a span is part of: "LBC/FT", "(AML/CFT)".
_SLASH_WORD = re.compile(r"[\w.-]+(?:/[\w.-]+)+")


def _in_concept_pair(body: str, a: int, b: int, lex: Lexicon) -> bool:
    """Whether ``body[a:b]`` is one half of a slash-joined concept ("LBC" of "LBC/FT")."""
    if not ((b < len(body) and body[b] == "/") or (a > 0 and body[a - 1] == "/")):
        return False
    for m in _SLASH_WORD.finditer(body, max(0, a - 40), min(len(body), b + 40)):
        if m.start() <= a and b <= m.end():
            return drop_reason(m.group(), lex) == "concept"
    return False


#: An elided French article or "de" before a word: "d'Appel", "l'Union".
_ELIDED = re.compile(r"(?<![\w])[dl]['’](?=\w)", re.IGNORECASE)
_TICKER_COIN = re.compile(r"[A-Z]{2,6}\s+(?:Coins?|Tokens?)")
_ARTICLE = re.compile(r"(?:articles?|art\.|sections?)\s+\d", re.IGNORECASE)
_ORDINAL = re.compile(
    r"\d*(?:ieme|iemes|eme|er|ere|st|nd|rd|th)|\w+iemes?|premiere?s?|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth"
)
_ISO = frozenset({"EUR", "USD", "GBP", "RUB", "CHF", "JPY", "CNY", "UAH", "USDT", "BTC", "ETH"})


def article_rows(articles: pd.DataFrame) -> Iterable[tuple[str, str, str]]:
    """``(article_id, lang, text)`` of every article, as plain strings."""
    for row in articles[["article_id", "lang", "text"]].itertuples(index=False, name=None):
        yield str(row[0]), str(row[1] or ""), str(row[2] or "")


def _join_partners(body: str, ents: list) -> list:
    """The model's spans with a partnership's name, cut by the model at its commas, made one organisation.

    "Skadden, Arps, Slate, Meagher & Flom LLP and Affiliates" comes as "Skadden", "Arps", "Slate" and
    "Meagher & Flom LLP and Affiliates"; the text from the first surname to the legal form (and "and
    Affiliates") is one firm's name (:data:`_PARTNERS`).
    """
    if "&" not in body or len(ents) < 2:
        return ents
    out = list(ents)
    for m in _PARTNERS.finditer(body):
        inside = [e for e in out if m.start() <= int(e[0]) and int(e[1]) <= m.end() and not (len(e) > 3 and e[3])]
        if len(inside) < 2 or int(inside[0][0]) != m.start():
            continue
        out = [e for e in out if not any(e is i for i in inside)]
        out.append([m.start(), m.end(), "ORG", *([""] if len(inside[0]) > 3 else [])])
    return sorted(out, key=lambda e: (int(e[0]), int(e[1]))) if len(out) != len(ents) else ents


def clean_mentions(
    article_id: str, lang: str, body: str, payload: dict[str, Any], rules: EntityRules
) -> list[Mention]:
    """Cut, trim and filter the model's spans of one article."""
    lex = load_lexicon(lang)
    sents = payload.get("sents") or [[0, len(body)]]
    sentence_starts = [s[0] for s in sents]
    out: list[Mention] = []
    taken: set[tuple[int, int]] = set()
    absorbed: set[tuple[int, int]] = set()
    amounts = amount_spans(payload)
    ents = _join_partners(body, payload.get("ents", [])) if rules.trim else payload.get("ents", [])
    for ent in ents:
        start, end, raw_label = int(ent[0]), int(ent[1]), ent[2]
        ent_id = ent[3] if len(ent) > 3 and ent[3] else ""
        label = unify_label(raw_label)
        if label is None or (start, end) in absorbed:
            continue
        if ent_id:  # a watchlist match: the user asked for exactly this
            out.append(Mention(article_id, lang, start, end, body[start:end], label, ent_id))
            continue
        if rules.trim:
            tail = _HYPHEN_TAIL.match(body, end)
            if tail and end > start and body[end - 1].isalnum():
                end = tail.end()  # "BTC" + "-e": the exchange BTC-e, not the ticker
            rest = _AND_TAIL.match(body, end) if label == "ORG" and _ENDS_WITH_AND.search(body, start, end) else None
            if rest:
                end = rest.end()  # "Directorate for Investigating Organized Crime and" + "Terrorism": one name
            following = _name_after_of(payload, body, start, end) if lang == "fr" and label == "ORG" else None
            if following is not None:  # "Groupement professionnel des banques du" + "Maroc": one name
                absorbed.add(following)
                end = following[1]
            elif lang == "fr" and label == "ORG":
                end = _field_after_of(body, start, end, lex)  # "Bureau d'" + "enquête": one name
        spans = _pieces(body, start, end, sentence_starts, lang) if rules.trim else [(start, end)]
        for a, b in spans:
            label = unify_label(raw_label)
            if rules.trim:
                of_the_king = _KING_OF.match(body, a, b) and _PROSECUTOR_OF_THE_KING.search(body, max(0, a - 30), a)
                a, b = trim_span(body, a, b, lex)
                if of_the_king:
                    label = "LOC"  # "le procureur du Roi du" + "Limbourg": the prosecutor's district, a place
            if rules.trim and lex.narrative_verbs:
                b = _before_narrative_infinitive(body, a, b, lex)
            if rules.trim:
                b = _before_date(body, a, b, lex)
            if a >= b:
                continue
            if rules.trim:
                a = _after_concept_of(body, a, b, lex)
                a = _after_title(body, a, b, lex)
                if lang == "fr":
                    a = _after_kind_noun(body, a, b, lex)
                    a = _landform_start(body, a, lex)
                    participle = _NAMING_PARTICIPLE.match(body, a, b)
                    if participle:  # "Baptisée Collecteur, cette vaste enquête": the verb is no part of the name
                        a = participle.end()
                else:
                    b = _before_kind_noun(body, a, b, lex)
                a, b = _foreign_edges(body, a, b, lex, lang)
                if a >= b or _office_after_title(body, a, b, lex) \
                        or (lang == "en" and label == "ORG" and _portfolio_after_for(body, a, b, lex)):
                    continue
                holder = _holder_after_office(body, a, b, lex)
                if holder != a:  # "ministre de la" + "Justice Nicole Belloubet": the minister, a person
                    a, label = holder, "PER"
            if rules.trim and lang == "en":
                ranked = _RANKS.match(body, a, b)
                if ranked and ranked.end() < b:  # "Brigadier-General Qiliho": the officer, a person
                    a, label = ranked.end(), "PER"
            text = body[a:b]
            if rules.trim and label == "ORG" and a > start and is_known_place(text):
                label = "LOC"  # "Commissaire du gouvernement de" + "Port-au-Prince": the title cut, a place is left
            branch = _PLACE_BRANCH.fullmatch(text) if rules.trim and lang == "en" else None
            if branch and is_known_place(branch.group(1)):  # "its New York Branch": the place of a firm's branch
                b, text, label = a + len(branch.group(1)), branch.group(1), "LOC"
            government = _COUNTRY_GOVERNMENT.fullmatch(text) if rules.trim and lang == "en" else None
            if government and is_country(government.group(1)):  # "the UK Government": the country
                b, text, label = a + len(government.group(1)), government.group(1), "LOC"
            government = _GOVERNMENT_OF_COUNTRY.fullmatch(text) if rules.trim and lang == "en" else None
            if government and is_country(government.group(1)):  # "the Government of India": the country
                a, text, label = a + government.start(1), government.group(1), "LOC"
            unit = _ADMIN_UNIT_OF.fullmatch(text) if rules.trim and lang == "fr" else None
            if unit and not any(t in lex.institution_heads or lex.name_words.get(t) == "ORG"
                                for t in name_tokens(unit.group(1))):
                a, text, label = a + unit.start(1), unit.group(1), "LOC"  # "département de Kaya": the town
            treasury = _TREASURY_IN_TITLE.fullmatch(text) if rules.trim and lang == "en" else None
            if treasury and in_secretary_title(body, a, b):  # "Treasury Secretary Janet Yellen": the title's word
                if not (treasury.group(1) and is_country(treasury.group(1))):
                    continue
                b, text, label = a + len(treasury.group(1)), treasury.group(1), "LOC"  # "U.S. Treasury Secretary"
            if rules.drop and drop_reason(text, lex, stoplist=rules.stoplist) and not the_unit(body, a, b):
                continue
            act = _ACT_AFTER.match(body, b) if rules.drop and lang == "en" else None
            if act:  # "East African Community Customs Management" + " Act": the law's name, cut before its head
                b, text, label = act.end(), body[a:act.end()], "MISC"
            if rules.drop and _in_concept_pair(body, a, b, lex):
                continue  # "LBC" and "FT" of "LBC/FT": the model tagged each half of a concept
            if rules.drop and dollar_prefix(body, a, b):
                continue  # "SG" of "SG$5.8 million": the currency's prefix
            if rules.drop and (currency_code_before_figure(body, a, b) or inside_amount(a, b, amounts)
                               or national_amount(body, a, b) or currency_after_figure(text, body, a, lex)):
                continue  # "MYR" of "MYR 70,000", "N100,000", "R10 million": the amount or its currency
            if rules.drop and lang == "fr" and _paragraph_start(body, a, b):
                continue  # "1 Est puni d'une amende": a paragraph's figure and its first word
            if rules.drop and _LIKE_COMPOUND.match(body, b):
                continue  # "Ponzi-like payments": a word of a compound adjective, not a mention
            if rules.drop and lang == "en" and _FIELD_COMPOUND.match(text) and _law_word_after(body, b) \
                    and not any(t in lex.institution_heads or t in lex.generic or lex.name_words.get(t) == "ORG"
                                for t in name_tokens(text)):
                continue  # "Anti-Money Laundering regulations": the law's field, not a body
            if rules.drop and _PREFIXED_ADJECTIVE.match(text):
                continue  # "pro-Poutine": an adjective made of a name, not a mention of it
            if not rules.drop and rules.stoplist and text.casefold() in lex.stoplist:
                continue
            if rules.trim and label == "PER":
                pilgrim = _PILGRIM_TITLE.search(body, max(0, a - 12), a)
                if pilgrim:  # "El" + "hadji Alloune SYLLA": the title is the name's first words
                    taken.add((pilgrim.start(), pilgrim.start() + 2))
                    a = pilgrim.start()
                    text = body[a:b]
                title, _, rest = text.partition(" ")
                if rest[:1].isupper() and title.casefold() in lex.title_cues:
                    a += len(title) + 1  # "Le Président COULIBALY Adama": the title is no part of the name
                a = _given_name_start(body, a, lang)
                surname = _capital_surname_start(body, a, b, lex) if lang == "fr" else a
                if surname < a:  # "GOHOUROU" + "Claude": the model's piece of the surname is the person's
                    taken.add((surname, a - 1))
                    a = surname
                b = _surname_end(body, a, b, lang)
                b = _capital_surname_end(body, a, b, lex, first_name=lang == "fr")
                b = _lowercase_tail_end(body, a, b)
                text = body[a:b]
            elif rules.trim and label == "ORG" and " " not in text and _title_comma_before(body, a, lex):
                a = _given_name_start(body, a, lang)  # "its owner, Ilya" + "Voronin": the surname called a firm
                text = body[a:b]
            elif rules.trim and label == "ORG" and lang == "fr":
                a = _capital_article_start(body, a, b)  # "via La" + "Banque Postale": the article is the name's
                text = body[a:b]
            if rules.trim and (_VESSEL_PREFIX.match(body, a) or _VESSEL_BEFORE.search(body, max(0, a - 5), a)):
                label = "MISC"  # "the MY Axioma", "the M/Y Amadea": a ship's name after its type's prefix
            if rules.trim and label == "ORG" and _product_model_after(body, b):
                label = "MISC"  # "a Boeing 787-8 Dreamliner", "an Airbus A320": the maker's product, not the maker
            weight = MISC_WEIGHT if label == "MISC" else MODEL_WEIGHT
            glued = _holder_after_body(body, a, b, lex) if rules.trim and lang == "en" and label == "ORG" else None
            if glued is not None:  # "National Security Division John Demers": the division, then the person at its head
                body_end, person_start = glued
                out.append(Mention(article_id, lang, a, body_end, body[a:body_end], label, weight=weight))
                a, text, label = person_start, body[person_start:b], "PER"
            held = _holder_after_department(body, a, b, lex) if rules.trim and lang == "en" and label == "ORG" else None
            if held is not None:  # "Secretary of the" + "Treasury Scott Bessent": the department, then its head
                department_end, person_start = held
                if not all(t in lex.offices for t in name_tokens(body[a:department_end])):  # "of State": an office
                    out.append(Mention(article_id, lang, a, department_end, body[a:department_end], label, weight=weight))
                a, text, label = person_start, body[person_start:b], "PER"
            seat = _place_before_branch(body, a, b) if rules.trim and lang == "en" and label == "ORG" else None
            if seat is not None:  # "Credit Suisse Singapore branch": the firm, then its branch's place
                firm_end = a + len(body[a:seat].rstrip())
                out.append(Mention(article_id, lang, a, firm_end, body[a:firm_end], label, weight=weight))
                a, text, label = seat, body[seat:b], "LOC"
            placed = _place_after_english_name(body, a, b, lang) if rules.trim and label == "ORG" else None
            if placed is not None:  # "Securities and Exchange Commission des États-Unis": the body, then the country
                name_end, place_start = placed
                out.append(Mention(article_id, lang, a, name_end, body[a:name_end], label, weight=weight))
                a, text, label = place_start, body[place_start:b], "LOC"
            acronym_at = _trailing_acronym(text, lex) if rules.trim else None
            if acronym_at:  # "Agence France-Presse AFP": the name, then its acronym
                head_end = a + len(text[:acronym_at].rstrip())
                out.append(Mention(article_id, lang, a, head_end, body[a:head_end], label, weight=weight))
                a, text = a + acronym_at, text[acronym_at:]
            out.append(Mention(article_id, lang, a, b, text, label, weight=weight))
            branch_after = _PLACE_BRANCH_AFTER.match(body, b) if rules.trim and lang == "en" and label == "ORG" else None
            if branch_after and is_known_place(branch_after.group(1)):  # "... Limited Hong Kong Branch": the branch's place
                place_start, place_end = branch_after.span(1)
                out.append(Mention(article_id, lang, place_start, place_end, branch_after.group(1), "LOC", weight=weight))
    if rules.trim and lang == "fr":
        _mark_dwellers(out, body)
    if rules.trim:
        out = _join_nicknames(out, body)
        if lang == "en":
            out = _add_nicknamed_people(out, article_id, lang, body, lex)
        out = _join_particle_surnames(out, body)
        out = _join_domain_names(out, body)
        out = _join_split_persons(out, body)
    # two overlapping pieces (a watchlist span and a model span cannot overlap) are kept once
    out.sort(key=lambda m: (m.start, -m.end))
    unique: list[Mention] = []
    for m in out:
        if unique and m.start == unique[-1].start and m.end == unique[-1].end:
            continue
        if not m.ent_id and (m.start, m.end) in taken:
            continue
        unique.append(m)
    return unique


def _name_after_of(payload: dict[str, Any], body: str, start: int, end: int) -> tuple[int, int] | None:
    """The model's capitalised span right after a French organisation it ended with de/du/des, or None.

    The model ends a body's name with its connector when it reads the name as
    going on, and tags the rest apart, often as a place: "Groupement
    professionnel des banques du" + "Maroc", "Fédération nationale des agences
    de voyages du" + "Maroc", "Ministère public de la" + "Confédération suisse".
    The two are one name; a span the model closed before "de" is left alone
    ("Binance" + "de" + "France").
    """
    if not _ENDS_WITH_OF.search(body, start, end):
        return None
    for ent in payload.get("ents", []):
        a, b = int(ent[0]), int(ent[1])
        if a in (end, end + 1) and body[end:a].strip() == "" and body[a:a + 1].isupper() and not (len(ent) > 3 and ent[3]) \
                and unify_label(ent[2]) in ("ORG", "LOC", "MISC"):
            return a, b
    return None


#: A lowercase word right after a connector: "enquête" after "Bureau d'".
_FIELD_WORD = re.compile(r"\s?([a-zà-ÿ][a-zà-ÿ-]{3,})(?![\w'’])")


def _field_after_of(body: str, start: int, end: int, lex: Lexicon) -> int:
    """Where a French body's name ends that the model closed on its connector before a lowercase field.

    "Le Bureau d'" + "enquête a récemment mis en lumière": the model ends the span with "d'" when it
    reads the name as going on, and French writes a body's field in lowercase ("Bureau d'enquête",
    "Cellule de renseignement"). When the span opens with an institution's head word, the one word after
    the connector is the name's; any other span is left to the trim, which drops the connector.
    """
    if not _ENDS_WITH_OF.search(body, start, end):
        return end
    first = strip_accents(body[start:end].split()[0].casefold()) if body[start:end].split() else ""
    if first not in lex.institution_heads or not body[start:start + 1].isupper():
        return end
    word = _FIELD_WORD.match(body, end)
    if word is None or word.group(1) in lex.all_function_words:
        return end
    return word.end()


#: A one-word capitalised noun with a French inhabitants' ending ("Lavallois", "Marseillaise", "Parisiens").
_DWELLER = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ-]{2,}(?:ois|oise|ais|aise|ien|ienne|éen|éenne|ain|aine)s?")
#: A determiner right before a word: "le ", "la ", "les ", "l'".
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?:le|la|les|un|une|l['’])\s*\Z", re.IGNORECASE)


def _mark_dwellers(mentions: list[Mention], body: str) -> None:
    """Make an inhabitant's noun before a person's name a group word (``MISC``), no place nor body.

    French introduces a person by their town's inhabitant noun: "le Lavallois
    Mohamad Jaber", "la Marseillaise Anne Dubois". A one-word name with an
    inhabitant's ending between a determiner and the person's span is that noun,
    which no list of nationalities holds for every town; a known place or body
    keeps its label.
    """
    people = {m.start for m in mentions if m.model_label == "PER" and " " in m.text}
    for m in mentions:
        if m.ent_id or m.model_label == "PER" or not _DWELLER.fullmatch(m.text) or lookup(m.text) is not None:
            continue
        if m.end + 1 in people and body[m.end:m.end + 1] == " " and _DETERMINER_BEFORE.search(body, max(0, m.start - 5), m.start):
            m.model_label, m.weight = "MISC", MISC_WEIGHT


# "Kostarev de Binance": a span made of two names already known in the article.
_SPLIT_AT = re.compile(r"\s+(?:de|du|des|of|and|et|&)\s+(?:(?:la|le|les|the)\s+)?|\s+d'|\s+l'")


#: Joins between two bodies' acronyms: "FinCEN and OFAC", "l'AMF et l'ACPR".
_PAIR_JOINS = frozenset({"and", "et", "&"})


def _acronym_shaped(word: str) -> bool:
    """One word with two capitals or more and no space ("OFAC", "FinCEN"): a body's short name."""
    return " " not in word and len(word) >= 2 and sum(c.isupper() for c in word) >= 2 and word.isalpha()


def split_known(mentions: list[Mention]) -> list[Mention]:
    """Split a span made of two names already found in the article ("Kostarev de Binance")."""
    known: Counter[str] = Counter(m.key for m in mentions)
    person_words = set()
    for m in mentions:
        tokens = name_tokens(m.text)
        if len(tokens) >= 2 and m.model_label == "PER":
            person_words.add(tokens[-1])
    out = []
    for m in mentions:
        done = False
        if not m.ent_id:
            for sep in _SPLIT_AT.finditer(m.text):
                left = m.text[: sep.start()]
                right = m.text[sep.end():]
                lk, rk = name_key(left), name_key(right)
                left_known = known[lk] - (lk == m.key) > 0 or lk in person_words
                right_known = known[rk] - (rk == m.key) > 0
                paired = sep.group().strip() in _PAIR_JOINS and _acronym_shaped(left) and _acronym_shaped(right)
                if left and right and (left_known and right_known or paired):
                    a = m.start
                    b = m.start + sep.end()
                    out.append(Mention(m.article_id, m.lang, a, a + len(left), left, m.model_label, weight=SPLIT_WEIGHT))
                    out.append(Mention(m.article_id, m.lang, b, m.end, right, m.model_label, weight=SPLIT_WEIGHT))
                    done = True
                    break
        if not done:
            out.append(m)
    return out
