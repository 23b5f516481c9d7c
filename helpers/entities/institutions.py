"""Names the model cuts or invents at the edges of a sentence or a heading.

* An institution's name that runs on with "of", "for", "de", "du", "des"
  ("U.S. Department" + "Treasury", "Board of Governors" + "Federal Reserve
  System", "Ministère de l'" + "Économie" + "et des" + "Finances") is rejoined
  when its first piece starts with a capitalised institution head
  (``helpers/data/entities/institution_heads.txt``).
* A company's legal form after a comma stays with its name ("Coinbase, Inc."), and so
  does a place in brackets before its legal form ("HSBC Broking Securities (Asia)
  Limited", "China Galaxy International Securities (Hong Kong) Co., Limited").
* A capitalised word that opens a sentence and is followed by lowercase words
  ("Rappelons que", "Following agreement") is a verb, not a name; so is an
  adverb ("Conjointement initiées") or a word the text writes lowercase elsewhere.
* In a heading written in title case, a name that the article's running text
  never uses is a fragment of the heading ("Imposing Swift"), not a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from helpers.entities.cleanup import LEGAL_SUFFIX
from helpers.entities.cues import in_job_title, opens_job_title, singular, street_name
from helpers.entities.gazetteer import is_known_place, lookup
from helpers.entities.lexicon import Lexicon
from helpers.entities.names import name_key, name_tokens
from helpers.entities.types import MODEL_WEIGHT, Mention

#: Words between two pieces of one institution's name.
_CONNECTORS = frozenset(
    {
        "of", "of the", "for", "for the", "on", "de", "de la", "de l'", "du", "des", "d'",
        "et de", "et de la", "et de l'", "et des", "et du", "et d'", "and of the",
        "sur la", "sur le", "sur les", "sur l'",
    }
)
#: Words that make what comes before "of"/"de" a member of the body, not part of its name.
_MEMBERSHIP = frozenset({"membre", "membres", "member", "members"})
_LEGAL_AFTER_COMMA = re.compile(r",\s+" + LEGAL_SUFFIX)
#: A place in brackets and the legal forms after it: "HSBC Broking Securities" + " (Asia) Limited".
_LEGAL_AFTER_PLACE = re.compile(r"\s*\(([A-Z][^()\n]{1,30})\)\s+" + LEGAL_SUFFIX + r"(?:,?\s+" + LEGAL_SUFFIX + r")*")
#: Up to two capitalised words and a legal form the model left out: "Always" + " Efficient LLP".
#: A second legal form after one closing the model's span: "Pte" + ". Ltd.", "Co" + "., Ltd.".
_LEGAL_AFTER_LEGAL = re.compile(r"\.?,?\s+" + LEGAL_SUFFIX)
#: A firm's number right before its name: "33" + "Financial Services Limited" (not a figure's: "HK$33", "1,033").
_NUMBER_BEFORE = re.compile(r"(?<![\w$€£¥.,])(\d{1,3})\s\Z")
#: A country's code in capitals right before a span, which the model left untagged: "the UK" + "Financial Sanctions
#: Authority".
_CODE_BEFORE = re.compile(r"(?<![\w.])([A-Z]{2,3}|(?:[A-Z]\.){2,3})\s\Z")
_LEGAL_AFTER_WORDS = re.compile(r"(?:\s+[A-Z][\w&'’-]*){0,2}?\s+" + LEGAL_SUFFIX)
_LEFT_HEAD = re.compile(
    r"((?:U\.S\.\s+|US\s+)?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ýa-zà-ÿ][\w'’-]*){0,3}?)\s+"
    r"((?:of|for)(?:\s+the)?|de\s+la|de\s+l'|du|des|de|d')\s*$"
)
_POSSESSOR = re.compile(r"((?:U\.S\.\s+)?[A-ZÀ-Ý][\w.]*(?:\s+[A-ZÀ-Ý][\w.]*){0,2}'s\s+)$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w-]{2,}")


def _gap(body: str, left: Mention, right: Mention) -> str | None:
    between = body[left.end:right.start]
    if "\n" in between or len(between) > 14:
        return None
    gap = " ".join(between.replace("’", "'").split()).casefold()
    return gap if gap in _CONNECTORS or (gap.endswith("'") and gap in _CONNECTORS) else None


def _plural_pair(body: str, left: Mention, right: Mention) -> bool:
    """True when two capitalised plurals are joined by "et"/"and" ("... des Services" + "et" + "Marchés Financiers").

    A body's name may list its domains so; two names in a row ("la Banque de
    France et Binance") do not end and start with capitalised plurals.
    """
    if " ".join(body[left.end:right.start].split()).casefold() not in ("et", "and"):
        return False
    last, first = left.text.split()[-1], right.text.split()[0]
    plural = lambda w: w[:1].isupper() and len(w) > 3 and w[-1] in "sx" and not w.isupper()  # noqa: E731
    return plural(last) and plural(first) and lookup(right.text) is None


_ENGLISH_JOINS = re.compile(r"\s(?:of|for|the|and)\s")


def _place_after_english_name(gap: str, left: Mention, right: Mention) -> bool:
    """True when a French "of" joins a known place to an English name ("Securities and Exchange Commission" + "des" + "États-Unis").

    The English name is whole without it; a French name keeps its place ("département du Trésor des États-Unis").
    """
    if left.lang != "fr" or gap not in ("des", "du", "de", "de la", "de l'") or not _ENGLISH_JOINS.search(left.text):
        return False
    return is_known_place(right.text)


def _two_of_a_kind(gap: str, left: Mention, right: Mention, lex: Lexicon) -> bool:
    """True when "et"/"and" joins two names of one kind, not the domains of one name.

    The two repeat a capitalised word or the second starts with a head of its
    own ("la Banque de crédit de Moscou et de la Banque agricole russe", "Credit
    Bank of Moscow et de la Russian Agricultural Bank"); a body listing its
    domains does not ("Ministère de l'Économie" + "et des" + "Finances").
    """
    if gap.split()[0] not in ("et", "and"):
        return False
    words = lambda text: {w.casefold() for w in _CAP_WORD.findall(text)}  # noqa: E731
    return bool(words(left.text) & words(right.text)) or _has_head(right.text.split()[0], lex)


def _has_head(text: str, lex: Lexicon) -> bool:
    words = text.split()
    for w in words:
        token = name_tokens(w)
        if token and token[0] in lex.institution_heads and w[:1].isupper():
            return True
        inner = _INNER_HEAD.search(w)  # a brand ending in a head: "CommunityBank" + "of" + "Texas"
        if inner and inner.group(1).casefold() in lex.institution_heads:
            return True
    return False


_INNER_HEAD = re.compile(r"^[A-Z][a-z]+([A-Z][a-z]+)$")


def _national_branch(body: str, left: Mention, right: Mention, lex: Lexicon) -> bool:
    """True for a firm's name and, one space after it, a country: its branch there, as French copy names a
    telecom's or a bank's national arm ("Orange Money Côte d'Ivoire", "Wave Sénégal"); English copy writes the
    branch's country as a place ("Credit Suisse Singapore was fined").

    The firm is one the model tagged as an organisation, with no body's head word and no gazetteer entry (a
    body or a place: "UE Russie" is two names); the country is a country of the gazetteers, and no name goes on
    after it.
    """
    if left.lang != "fr" or left.model_label != "ORG" or left.ent_id or right.ent_id:
        return False
    if body[left.end:right.start] != " ":
        return False
    place = lookup(right.text)
    if place is None or not place.ref.startswith("country:"):
        return False
    if lookup(left.text) is not None or _has_head(left.text, lex) or is_known_place(left.text):
        return False
    return not re.match(r"\s+[A-ZÀ-Ý]", body[right.end:right.end + 3])


def _campus(body: str, left: Mention, right: Mention, lex: Lexicon) -> bool:
    """True when a place follows a body's name after a dash with no space: a campus ("University of Nevada–Las Vegas")."""
    return (left.model_label == "ORG" and right.model_label == "LOC" and body[left.end:right.start] in ("–", "-")
            and (_has_head(left.text, lex) or any(lex.name_words.get(t) == "ORG" for t in name_tokens(left.text))))


def _merged(left: Mention, right: Mention, body: str) -> Mention:
    return Mention(left.article_id, left.lang, left.start, right.end, body[left.start:right.end], "ORG", weight=MODEL_WEIGHT)


def _extend_left(m: Mention, body: str, lex: Lexicon, floor: int) -> Mention:
    """Take in an untagged institution head before the name ("Ministère de l'" + "Économie")."""
    window_start = max(floor, m.start - 60, body.rfind("\n", 0, m.start) + 1)
    before = body[window_start:m.start]
    match = _LEFT_HEAD.search(before)
    if not match:
        return m
    start = window_start + match.start(1)
    words = match.group(1).split()
    while len(words) > 1 and words[0].casefold() in lex.function_words:  # "Le Ministère de l'"
        start = body.index(words[1], start + len(words[0]))
        words = words[1:]
    head = words[1] if words[0] in ("U.S.", "US") and len(words) > 1 else words[0]
    if not _has_head(head, lex) or any(w.casefold() in _MEMBERSHIP for w in words):
        return m  # "État membre de l'" + "Union européenne": a member of the body, not its name
    return Mention(m.article_id, m.lang, start, m.end, body[start:m.end], "ORG", weight=MODEL_WEIGHT)


def _ends_with_legal_form(text: str, lex: Lexicon) -> bool:
    """True when a name's last word is a company's legal form ("Swiss-Asia Financial Services Pte")."""
    last = text.rsplit(None, 1)[-1].rstrip(".").casefold() if text.strip() else ""
    return " " in text.strip() and last in lex.legal_forms


def _extend_to_number(m: Mention, body: str, lex: Lexicon, floor: int) -> Mention:
    """Take in the number a firm's registered name opens with ("33" + "Financial Services Limited").

    Only before a name ending in a legal form, and never after a currency sign or
    inside a figure, where the number is an amount or a count.
    """
    if m.lang != "en" or not _ends_with_legal_form(m.text, lex):
        return m
    number = _NUMBER_BEFORE.search(body, max(floor, m.start - 5), m.start)
    if number is None:
        return m
    start = number.start(1)
    return Mention(m.article_id, m.lang, start, m.end, body[start:m.end], "ORG", weight=m.weight)


def _extend_to_country_code(m: Mention, body: str, lex: Lexicon, floor: int) -> Mention:
    """Take in a country's code the model left untagged before a body's name ("UK" + "Financial Sanctions Authority").

    As when the model tags it ("US" + "District Court"): a country in capitals
    right before a name with an institution head is part of the body's name.
    """
    if m.lang != "en" or not _has_head(m.text, lex):
        return m
    code = _CODE_BEFORE.search(body, max(floor, m.start - 8), m.start)
    reference = lookup(code.group(1)) if code is not None else None
    if reference is None or reference.label != "LOC":
        return m
    start = code.start(1)
    return Mention(m.article_id, m.lang, start, m.end, body[start:m.end], "ORG", weight=m.weight)


def _extend_possessor(m: Mention, body: str, lex: Lexicon) -> Mention:
    """Take in the owner of an institution named by its head ("U.S. Attorney's" + "Office for ...")."""
    if not _has_head(m.text.split()[0], lex):
        return m
    line_start = body.rfind("\n", 0, m.start) + 1
    match = _POSSESSOR.search(body[max(line_start, m.start - 40):m.start])
    if not match:
        return m
    owner = match.group(1).rstrip()[:-2]
    reference = lookup(re.sub(r"^The\s+", "", owner))
    if reference is None and owner.endswith(" Government"):  # "the UK Government's Office of ...": the country's
        reference = lookup(owner[:-len(" Government")])
    if reference is not None:
        return m  # "the Treasury's Office of ...": two bodies; "the UK's Office of ...": a country and its body
    start = m.start - len(match.group(1))
    return Mention(m.article_id, m.lang, start, m.end, body[start:m.end], "ORG", weight=MODEL_WEIGHT)


def _division_of_place(left: Mention, right: Mention, lex: Lexicon) -> bool:
    """True when ``left`` is a place ending with a division word ("Southern District") and ``right`` a place it divides."""
    if left.model_label != "LOC" or right.model_label != "LOC" or right.ent_id:
        return False
    last = left.text.split()[-1].casefold()
    return len(left.text.split()) >= 2 and lex.name_words.get(last) == "LOC"


def _country_prefix(left: Mention, m: Mention, body: str, lex: Lexicon) -> bool:
    """True when ``left`` is a country written as capitals right before an institution's head ("US District Court").

    The model may call the country a firm there ("the U.S." + "District Court"): the gazetteers say it is one.
    """
    if left.ent_id or left.model_label not in ("LOC", "ORG") or body[left.end:m.start] != " ":
        return False
    if left.text.replace(".", "").upper() != left.text.replace(".", "") or len(left.text) > 6:
        return False
    reference = lookup(left.text)
    return reference is not None and reference.label == "LOC" and _has_head(m.text, lex)


#: A prosecutor's office named by its title and district: "U.S. Attorney's Office in the District of
#: Columbia", "the United States Attorney General Office for the Northern District of California", also in
#: title case ("U.S. Attorney's Office For Eastern District Of Texas"), or by its title and seat, the office
#: in lowercase too ("the US Attorney's office in San Francisco"; the seat must be a known place).
_ATTORNEY_OFFICE = re.compile(
    r"(?:(?:U\.S\.|US|United States)\s+)?Attorney(?:['’]s|\s+General(?:['’]s)?)\s+(?P<office>[Oo]ffice)"
    r"(?:\s+(?:for|in|of|For|In|Of)\s+(?:the\s+|The\s+)?(?:[A-Z][a-z]+\s+)?District\s+(?:of|Of)\s+[A-Z]\w*"
    r"(?:\s+[A-Z]\w*)?"
    r"|\s+in\s+(?P<seat>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))?"
)
#: A country before "Attorney" and a name or "for the": "US Attorney Jacqueline C. Romero" is a title, no place
#: mention ("US Attorney General Merrick Garland" keeps its country).
_ATTORNEY_TITLE = re.compile(r"\s+Attorney\b(?!\s+General)(?!['’])")


def _seat_end(body: str, match: re.Match) -> int:
    """Where a prosecutor's office named by its seat ends: after the longest known place of the seat's words,
    or after "office" when none is ("the Attorney's Office in Binance's case")."""
    a = match.start("seat")
    words = list(re.finditer(r"\S+", match.group("seat")))
    for word in reversed(words):
        place = lookup(body[a:a + word.end()])
        if place is not None and place.label == "LOC":
            return a + word.end()
    return match.end("office")


def _attorney_offices(mentions: Sequence[Mention], body: str) -> list[Mention]:
    """One organisation for each prosecutor's office that the model cut into a country, nothing and a district."""
    if not mentions or "Attorney" not in body:
        return list(mentions)
    out = list(mentions)
    for match in _ATTORNEY_OFFICE.finditer(body):
        a, b = match.span()
        if match.group("seat") is not None:
            b = _seat_end(body, match)
        if any(m.ent_id and m.start < b and a < m.end for m in out):
            continue
        first = out[0]
        out = [m for m in out if not (a <= m.start and m.end <= b + 1)]
        out.append(Mention(first.article_id, first.lang, a, b, body[a:b], "ORG", weight=MODEL_WEIGHT))
    return out


def rejoin_institutions(mentions: Sequence[Mention], body: str, lex: Lexicon) -> list[Mention]:
    """Rejoin institution names cut at a connector; keep a legal form after a comma or the words the model left before it."""
    out: list[Mention] = []
    covered = -1
    for m in sorted(_attorney_offices(mentions, body), key=lambda m: (m.start, -m.end)):
        if m.ent_id:
            out.append(m)
            continue
        if m.model_label in ("ORG", "MISC") and not (out and out[-1].model_label in ("ORG", "PER") and out[-1].end >= m.start - 4):
            m = _extend_possessor(m, body, lex)
            while out and not out[-1].ent_id and out[-1].start >= m.start:
                out.pop()  # "U.S." inside "U.S. Attorney's Office"
        if out and covered > m.start and m.end <= covered:
            continue  # "LLP" inside "Always Efficient LLP", already taken in
        suffix = _LEGAL_AFTER_COMMA.match(body, m.end) or (
            _LEGAL_AFTER_WORDS.match(body, m.end) if m.model_label in ("ORG", "MISC") else None
        ) or (_LEGAL_AFTER_LEGAL.match(body, m.end) if _ends_with_legal_form(m.text, lex) else None)
        if not suffix and m.model_label in ("ORG", "MISC"):
            bracketed = _LEGAL_AFTER_PLACE.match(body, m.end)
            place = lookup(bracketed.group(1)) if bracketed else None
            suffix = bracketed if place is not None and place.label == "LOC" else None
        if suffix:
            covered = suffix.end()
            m = Mention(m.article_id, m.lang, m.start, suffix.end(), body[m.start:suffix.end()], m.model_label, weight=m.weight)
        if m.model_label in ("ORG", "MISC"):
            m = _extend_left(m, body, lex, out[-1].end if out else 0)
            m = _extend_to_number(m, body, lex, out[-1].end if out else 0)
            m = _extend_to_country_code(m, body, lex, out[-1].end if out else 0)
            if out and _country_prefix(out[-1], m, body, lex):
                m = _merged(out.pop(), m, body)  # "US" + "District Court for ...": one court
        if out and not out[-1].ent_id and m.start >= out[-1].end:
            left = out[-1]
            gap = _gap(body, left, m)
            if gap is None and _plural_pair(body, left, m):
                gap = "et"  # "Autorité des Services" + "et" + "Marchés Financiers": one name listing its domains
            joinable = (gap is not None and m.text[:1].isupper() and _has_head(left.text, lex)
                        and not _two_of_a_kind(gap, left, m, lex) and not _place_after_english_name(gap, left, m))
            if left.created and m.created and m.model_label == "LOC":
                joinable = False  # "Tribunal pénal fédéral" + "de" + "Bellinzona": a known body and its seat, kept apart
            if m.model_label == "PER" and gap in ("for", "for the"):
                joinable = False  # "Isleworth Crown Court" + "for" + "Craig Bramall": a body acts for a person
            if joinable and left.model_label != "PER":
                out[-1] = _merged(left, m, body)
                continue
            whole = lookup(body[left.start:m.end]) if gap is not None else None
            if whole is not None and whole.label == "LOC" and whole.ref.startswith("country:"):
                out[-1] = Mention(left.article_id, left.lang, left.start, m.end, body[left.start:m.end], "LOC", weight=MODEL_WEIGHT)
                continue  # "États-Unis" + "d'" + "Amérique": a country's long name, cut at its "of"
            if _national_branch(body, left, m, lex):
                out[-1] = _merged(left, m, body)  # "Orange Money" + "Côte d'Ivoire": the firm's branch there
                continue
            if _campus(body, left, m, lex):
                out[-1] = _merged(left, m, body)  # "University of Nevada" + "–" + "Las Vegas": one university
                continue
            if gap is not None and _division_of_place(left, m, lex):
                out[-1] = Mention(left.article_id, left.lang, left.start, m.end, body[left.start:m.end], "LOC", weight=MODEL_WEIGHT)
                continue  # "the Southern District" + "of" + "Florida": one district
        out.append(m)
    return out


def _currency_country(m: Mention, body: str, lex: Lexicon) -> bool:
    """A country naming a currency ("U.S. dollars", "Hong Kong dollars"): part of the currency's name, not a place."""
    following = re.match(r"\s+([^\W\d_]+)", body[m.end:m.end + 20])
    if following is None or following.group(1).casefold() not in lex.currencies:
        return False
    return is_known_place(m.text)


#: A law's kind and a bracket before a name, and a bracket and a number after it: "Regulation (" EU ") No 833/2014".
_CITATION_BEFORE = re.compile(r"\b(?:Directive|Regulation|Decision)\s*\(\s*\Z")
_CITATION_AFTER = re.compile(r"\s*\)\s*(?:No\.?\s*)?\d")
#: Capitalised words and a law's kind after a name: "EU" " Anti-Money Laundering Directive".
_LAW_TITLE_AFTER = re.compile(r"(?:\s+[A-Z0-9][\w-]*){1,5}\s+(?:Directive|Regulations?)\b")


def _in_law_citation(m: Mention, body: str) -> bool:
    """A known body or place that is part of a law's citation or title, not a mention of its own.

    In brackets between a law's kind and its number ("Directive (EU) 2018/843",
    "Council Regulation (EU) No 833/2014"), or opening the title of a directive
    or a regulation ("the 5th EU Anti-Money Laundering Directive").
    """
    if lookup(m.text) is None:
        return False
    if _CITATION_AFTER.match(body, m.end) and _CITATION_BEFORE.search(body, max(0, m.start - 40), m.start):
        return True
    return bool(_LAW_TITLE_AFTER.match(body, m.end))


#: A hyphen and "related" right after a name, then what a sanctions programme issues, a word between allowed:
#: "an Iraq-related entry", "Russia-related sanctions", "the Iran-related designations", "Russia-related general
#: licenses".
_RELATED_AFTER = re.compile(
    r"[-‐‑]related\s+(?:[a-z]+\s+)?(?:sanctions?|designations?|entry|entries|listings?|licen[cs]es?|authorit(?:y|ies)|"
    r"programs?|programmes?|(?:executive\s+)?orders?|regulations?|measures|prohibitions|provisions)\b")


def _related_place(m: Mention, body: str) -> bool:
    """A known place in an "X-related" compound naming a sanctions programme: what it is about, not a place.

    The place is no mention there ("the Iran-related designations", "an Iraq-related entry"); a topic
    keeps it ("In China-related news"), and so do actors in other compounds ("a Russia-controlled bank",
    "FBI-backed", "a Moscow-based exchange").
    """
    if not _RELATED_AFTER.match(body, m.end):
        return False
    return is_known_place(m.text)


#: An amount right before a word in capitals: "100 000 DH", "10 000 $ CA", "1.193.000 francs CFP".
_AMOUNT_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ .\u202f\u00a0]\d{3})+|\d+)(?:,\d+)?\s*(?:([$€£¥])|([^\W\d_]+))?\s*\Z")


def _currency_code(m: Mention, body: str, lex: Lexicon) -> bool:
    """A French amount's currency written in capitals after it ("100 000 DH", "francs CFP"): no organisation."""
    if m.lang != "fr" or not re.fullmatch(r"[A-Z]{2,4}", m.text):
        return False
    amount = _AMOUNT_BEFORE.search(body, max(0, m.start - 30), m.start)
    if amount is None or (amount.group(3) and amount.group(3).casefold() not in lex.currencies):
        return False
    # a year before a name is no amount: "en 2017 FTX"
    return bool(amount.group(2) or amount.group(3)) or not re.fullmatch(r"1\d{3}|20\d{2}", amount.group(1))


#: A Swiss member's party and canton in brackets: "Yves Nidegger (UDC/GE)"; the canton's code is no name.
_PARTY_CANTON = re.compile(r"\(\s*[A-Z][\w.-]*\s*/\s*(?:AG|AI|AR|BE|BL|BS|FR|GE|GL|GR|JU|LU|NE|NW|OW|SG|SH|SO|SZ|TG|TI|UR|VD|VS|ZG|ZH)\s*\)")


#: A Swiss town and its canton's code in brackets: "Saint-Moritz (GR)", "Verbier (VS)"; the code is no name of its own.
_TOWN_CANTON = re.compile(r"([A-ZÀ-Ý][\w'’-]*)\s+\((?:AG|AI|AR|BE|BL|BS|FR|GE|GL|GR|JU|LU|NE|NW|OW|SG|SH|SO|SZ|TG|TI|UR|VD|VS|ZG|ZH)\)\Z")


def _canton_code(m: Mention, body: str, place_ends: frozenset[int] = frozenset()) -> bool:
    if m.lang != "fr" or len(m.text) != 2:
        return False
    bracket = body.rfind("(", max(0, m.start - 20), m.start)
    if bracket >= 0 and (found := _PARTY_CANTON.match(body, bracket)) is not None and found.end(0) >= m.end:
        return True
    town = _TOWN_CANTON.search(body, max(0, m.start - 40), m.end + 1)
    if town is None:
        return False
    ref = lookup(town.group(1))
    return town.end(1) in place_ends or (ref is not None and ref.label == "LOC")


#: A place in brackets between a firm's name and its legal form: "Edmond de Rothschild (Europe) S.A.".
_FORM_AFTER_BRACKET = re.compile(r"\)\s*([A-Za-zÀ-ÿ.&]+)")


def _bracketed_branch(m: Mention, body: str, lex: Lexicon) -> bool:
    """True for a place in brackets that names a firm's branch inside its legal name ("Edmond de Rothschild
    (Europe) S.A.", "Binance (Europe) Ltd"): part of the firm's name, no mention of the place."""
    if m.model_label != "LOC" or not body[:m.start].endswith("(") or not body[:m.start - 1].rstrip()[-1:].isalpha():
        return False
    if not body[:m.start - 1].rstrip().rsplit(" ", 1)[-1][:1].isupper():
        return False
    form = _FORM_AFTER_BRACKET.match(body, m.end)
    return form is not None and form.group(1).replace(".", "").replace(" ", "").casefold() in lex.legal_forms


def _sentence_starts(sents: Sequence[Sequence[int]]) -> set[int]:
    return {int(s[0]) for s in sents}


#: What opens a byline before its author's name: "By ", "Par ", "Written by ".
_BYLINE = re.compile(r"\s*(?:[Ww]ritten\s+)?(?:[Bb]y|BY|[Pp]ar|PAR)\s+")


def _title_case_line(line: str) -> bool:
    """A heading in title case: one line, no sentence inside, most longer words capitalised."""
    if re.search(r"[.!?]\s+\S", re.sub(r"\b(?:[A-Z]\.)+", "", line.strip())):
        return False  # a sentence ends inside the line ("U.S." is not an end)
    if line.rstrip().endswith((".", ";", ",")):
        return False  # headings do not end like sentences
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised / len(words) >= 0.85


#: A count right before a name: "the seven Police Land Divisions", "the 12 Federal Reserve Banks".
_COUNT_BEFORE = re.compile(r"\b(?:the|its|their|all)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+\Z")


def _counted_plural(body: str, m: Mention) -> bool:
    """True for a several-word name whose last word is a plural and which a determiner and a count open."""
    words = m.text.split()
    last = words[-1] if words else ""
    plural = len(words) >= 2 and last.endswith("s") and not last.endswith("ss") and last[:1].isupper()
    return plural and bool(_COUNT_BEFORE.search(body, max(0, m.start - 20), m.start))


def drop_misreadings(mentions: Sequence[Mention], body: str, sents: Sequence[Sequence[int]], lex: Lexicon) -> list[Mention]:
    """Drop sentence-opening verbs, defined terms and names that only a title-case heading uses."""
    starts = _sentence_starts(sents)
    defined = _defined_terms(body, lex)
    place_ends = frozenset(m.end for m in mentions if m.model_label == "LOC")
    line_of: dict[int, tuple[int, int]] = {}
    keep: list[Mention] = []
    heading_only: list[Mention] = []
    for m in mentions:
        if m.ent_id:
            keep.append(m)
            continue
        if _opening_verb(m, body, starts, lex) or m.text.casefold() in defined or _currency_country(m, body, lex) \
                or _currency_code(m, body, lex) or _canton_code(m, body, place_ends) or _bracketed_branch(m, body, lex):
            continue
        if _ATTORNEY_TITLE.match(body, m.end) and (ref := lookup(m.text)) is not None and ref.label == "LOC":
            continue  # "US Attorney Jacqueline C. Romero": a title
        if m.model_label != "PER" and in_job_title(body, m.start, m.end, lex):
            continue  # "Stefano De Blasi, Cyber Threat Intelligence Analyst at": part of a job title
        if m.lang == "en" and opens_job_title(body, m.start, m.end, lex):
            continue  # "Nicole M. Argentieri, Principal Deputy Assistant Attorney General": the title's first word
        if m.lang == "en" and _counted_plural(body, m):
            continue  # "the seven Police Land Divisions": a count of units of a kind, not one name
        if m.lang == "en" and _CHAPTER_CITATION.fullmatch(m.text) and _CHAPTER_NUMBER.match(body, m.end):
            continue  # "Ordinance (Cap. 615)": a chapter of the laws, cited by its number
        if m.lang == "en" and _in_law_citation(m, body):
            continue  # "Directive (EU) 2018/843", "the 5th EU Anti-Money Laundering Directive": part of a law's name
        if m.lang == "en" and _related_place(m, body):
            continue  # "the Iran-related designations": a sanctions programme's topic, not the place
        if m.lang == "fr" and street_name(body, m.start, lex):
            continue  # "4, rue Louis Blériot", "avenue Jean-Jaurès": a street of an address, no person nor place
        a = body.rfind("\n", 0, m.start) + 1
        b = body.find("\n", m.end)
        b = len(body) if b < 0 else b
        line_of[id(m)] = (a, b)
        if len(name_tokens(m.text)) >= 2 and _title_case_line(body[a:b]) and lookup(m.text) is None \
                and not (m.model_label == "PER" and _BYLINE.fullmatch(body, a, m.start)):
            heading_only.append(m)  # not an author's byline: "By Emma Kinery | State Affairs"
        else:
            keep.append(m)
    running = {name_key(m.text) for m in keep}
    running_words = {t for m in keep for t in name_tokens(m.text)}
    for m in heading_only:
        tokens = name_tokens(m.text)
        if name_key(m.text) in running or all(t in running_words for t in tokens):
            keep.append(m)
    keep.sort(key=lambda m: (m.start, -m.end))
    return keep


#: The abbreviated units a law is cited by, before their number: "(Cap. 615)", "Ch. 7", "Sch. 2", "Para. 4".
_CHAPTER_CITATION = re.compile(r"Cap|Ch|Chap|Sch|Sched|Para|Art|Sec|Pt")
_CHAPTER_NUMBER = re.compile(r"\.?\s?\d")


#: A legal definition: real estate (the "Real Estate"), Bittrex, Inc. (the "Company").
_DEFINITION = re.compile(r'\(\s*the\s+"([^"()]{1,60})"\s*\)', re.IGNORECASE)


#: A short name in brackets for several parties together, ending in their kind in the plural: "(the Star Entities)",
#: "(together, the Crown Companies)"; the kind must be a generic word (``generic_en.txt``).
_COLLECTIVE = re.compile(r"\(\s*(?:(?:collectively|together),?\s+)?the\s+((?:[A-Z][\w'’-]*\s+){0,3}([A-Z][a-z]+s))\s*\)")


def _defined_terms(body: str, lex: Lexicon) -> set[str]:
    """Terms the text defines with '(the "...")', or a group's short name: capitalised by the drafting, not names."""
    terms = {t.strip().casefold() for t in _DEFINITION.findall(body)}
    terms |= {m.group(1).casefold() for m in _COLLECTIVE.finditer(body) if {m.group(2).casefold(), singular(m.group(2).casefold())} & lex.generic}
    return terms


#: Quotation marks that may open a sentence before its first word.
_OPENING_QUOTES = frozenset('"“«‘\'')


def _opening_verb(m: Mention, body: str, starts: set[int], lex: Lexicon) -> bool:
    """A single capitalised word opening a sentence, followed by a lowercase word, shaped like a verb.

    Or like a French adverb ("Conjointement"), or a word the text also writes in
    lowercase ("Cardrooms ... cardrooms").
    """
    if " " in m.text or len(m.text) < 6:
        return False
    line_start = body.rfind("\n", 0, m.start) + 1
    opening = m.start
    while opening > 0 and body[opening - 1] in _OPENING_QUOTES:
        opening -= 1  # a quoted sentence: '"Ransomware actors are criminals," says'
    if opening not in starts and m.start not in starts and body[line_start:opening].strip():
        return False
    following = re.match(r"\s+([^\W\d_][\w'’]*)", body[m.end:])
    if not following or not following.group(1)[:1].islower():
        return False
    word = m.text.casefold()
    if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", body):
        return True  # "Cardrooms also must report": the text writes it lowercase elsewhere, a common word
    if m.lang == "fr":
        return word.endswith(("ons", "ez", "ement"))  # "Rappelons", "Conjointement"
    return word.endswith(("ing", "ed")) or word in lex.function_words
