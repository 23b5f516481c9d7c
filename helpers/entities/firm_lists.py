"""Firms the model takes for people: in a list of firms, or named again by their kind.

Names of banks and brokers made of two capitalised words ("Julius Baer", "UOB Kay Hian") read like a
first name and a surname, and the model tags them as people. A list says otherwise when its other
members are organisations ("the Singapore arms of Credit Suisse, UBS, Citi, Julius Baer and LGT
Bank"), or when its members carry codes in brackets and a firm's code is among them: the codes are
tickers ("UBS (UBS), Citi (C), and Julius Baer (JBAXY)"), where a politician's would be parties
("Sandrine Mazetier (PS) et Jean-Luc Warsmann (LR)").

A one-word name is a firm's, too, when the text goes on to call it by a firm's kind with nothing that
could be meant between them: no other firm, no person and no personal pronoun ("Tether's history with
freezing funds ..., but the company was reluctant"; "Binance also reached agreements with the U.S.
Treasury Department ... The company is obliged"; English copy).
"""

from __future__ import annotations

import re

from helpers.entities.gazetteer import lookup
from helpers.entities.lexicon import Lexicon
from helpers.entities.names import name_tokens, strip_accents
from helpers.entities.types import Mention

#: A code in brackets right after a name, with an optional exchange: a ticker ("(JBAXY)", "(C)", "(NYSE: C)"),
#: a party ("(PS)", "(LSAP)").
_CODE_AFTER = re.compile(r"\s*\((?:[A-Z]{2,8}\s*:\s*)?([A-Z]{1,5})\)")

#: What separates two members of a list, an alias in brackets after the first allowed: ", ", " and ",
#: ", and ", " (UOBKH), ", " et ", " ou ".
_LIST_GAP = re.compile(r"\)?(?:\s*\([^()]{1,15}\))?\s*(?:,\s*(?:(?:and|or|et|ou|&)\s+)?|\s+(?:and|or|et|ou|&)\s+)")

#: An alias in brackets right after a name: "UOB Kay Hian (UOBKH)".
_ALIAS_GAP = re.compile(r"\s*\(")

#: How many names a list has at least, for its organisations to outvote the model.
MIN_LIST = 3

#: How many organisations of a list, besides the name, make it a list of firms.
MIN_LISTED_FIRMS = 2


def _initials(text: str) -> str:
    return "".join(w[:1] for w in re.split(r"[\s-]+", text) if w[:1].isalpha()).upper()


def _code_after(body: str, m: Mention) -> bool:
    """True when a code in capitals follows a name in brackets ("Julius Baer (JBAXY)", "UBS (UBS)"), not
    the initials of a person's name ("Changpeng Zhao (CZ)")."""
    hit = _CODE_AFTER.match(body, m.end)
    return bool(hit) and not (len(m.text.split()) >= 2 and hit.group(1) == _initials(m.text))


def _is_org(m: Mention) -> bool:
    return m.cue == "ORG" or (m.cue is None and m.model_label == "ORG")


def _is_person(m: Mention) -> bool:
    return m.cue == "PER" or (m.cue is None and m.model_label == "PER")


def _lists(found: list[Mention], body: str, *, least: int) -> list[list[tuple[Mention, list[Mention]]]]:
    """The lists of names in the article: each member with the aliases in brackets right after it."""
    ordered = sorted(found, key=lambda m: m.start)
    lists: list[list[tuple[Mention, list[Mention]]]] = []
    current: list[tuple[Mention, list[Mention]]] = []
    for m in ordered:
        if current:
            last, aliases = current[-1]
            tail = aliases[-1] if aliases else last
            if not aliases and m.start > last.end and _ALIAS_GAP.fullmatch(body, last.end, m.start) \
                    and body[m.end:m.end + 1] == ")":
                aliases.append(m)
                continue
            if m.start > tail.end and _LIST_GAP.fullmatch(body, tail.end, m.start):
                current.append((m, []))
                continue
            lists.append(current)
        current = [(m, [])]
    if current:
        lists.append(current)
    return [members for members in lists if len(members) >= least]


def mark_listed_firms(found: list[Mention], body: str) -> None:
    """Give the ORG cue to a name the model calls a person in a list of firms.

    A list of two or more names with codes in brackets, one of them an organisation's and none a
    person's by a context word, makes every coded member a firm; a list of three or more names makes a
    member a firm when at least two other members are organisations and they outnumber the people. A
    name a context word labels keeps that label; the alias in brackets after a member follows it.
    """
    lists = _lists(found, body, least=2)
    for members in lists:
        coded = [(m, aliases) for m, aliases in members if _code_after(body, m)]
        if any(_is_org(m) for m, _ in coded) and not any(m.cue == "PER" for m, _ in coded):
            for m, aliases in coded:
                if m.cue is None and not m.ent_id and m.model_label == "PER":
                    m.cue = "ORG"
                    _mark_aliases(aliases)
    for members in (members for members in lists if len(members) >= MIN_LIST):
        firms = {name_of(m) for m, _ in members if _is_org(m)}
        people = {id(m) for m, _ in members if _is_person(m)}
        for m, aliases in members:
            others = firms - {name_of(m)}
            if id(m) in people and m.cue is None and not m.ent_id and len(others) >= MIN_LISTED_FIRMS \
                    and len(others) > len(people):
                m.cue = "ORG"
                _mark_aliases(aliases)


def _mark_aliases(aliases: list[Mention]) -> None:
    for alias in aliases:
        if alias.cue is None and not alias.ent_id:
            alias.cue = "ORG"


def name_of(m: Mention) -> str:
    """The form a list counts a member under: the same firm named twice counts once."""
    return m.text.casefold()


#: A firm named again by its kind: "the company", "The exchange".
_FIRM_BY_KIND = re.compile(r"\b[Tt]he\s+(?:company|firm|exchange|platform|lender|operator|issuer|group)\b")
#: A personal pronoun, which a person's name would have before its kind.
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself|who|whom|whose)\b", re.IGNORECASE)
#: What follows a name that acts or owns, as the subject the kind refers back to: "Tether's history",
#: "Binance also reached", "Entain breached" (not "close Putin associate", "Lim, who left the company").
_ACTING_AFTER = re.compile(r"(?:'s|’s)\b|\s+(?:also\s+|then\s+|later\s+)?(?:[a-z]{2,}ed|has|had|is|was|says|will|would|must)\b")
#: How far after the name the text may call it by its kind.
FIRM_KIND_REACH = 300


def mark_firms_named_by_kind(found: list[Mention], body: str, lex: Lexicon) -> None:
    """Give the ORG cue to a one-word name the model calls a person when the text then calls it a company.

    Only when no person, no personal pronoun and no other firm (a public body, known to the gazetteers
    or named with an institution's head, is none) comes between the name and its kind, so that the kind
    can only be the name's.
    """
    ordered = sorted(found, key=lambda m: m.start)
    for m in ordered:
        if m.ent_id or m.cue is not None or m.model_label != "PER" or " " in m.text or m.text.isupper() \
                or not m.text[:1].isupper():
            continue
        if not _ACTING_AFTER.match(body, m.end) or _surname_of_a_full_name(m, ordered):
            continue
        kind = _FIRM_BY_KIND.search(body, m.end, m.end + FIRM_KIND_REACH)
        if kind is None or _PERSONAL_PRONOUN.search(body, m.end, kind.start()):
            continue
        between = [x for x in ordered if m.end <= x.start < kind.start() and x.text != m.text]
        if any(not _public_body_or_place(x, lex) for x in between):
            continue
        m.cue = "ORG"


def _surname_of_a_full_name(m: Mention, found: list[Mention]) -> bool:
    """True when the text also names a person whose last name is the one-word name ("Samuel Lim" ... "Lim")."""
    return any(x is not m and " " in x.text and x.text.split()[-1] == m.text for x in found)


def _public_body_or_place(m: Mention, lex: Lexicon) -> bool:
    """True for a mention no firm's kind would refer to: a known body or place, a name with an institution's
    head ("Department of Justice"), or a law or a nationality (MISC)."""
    if m.model_label in ("LOC", "MISC") or (m.cue in ("LOC", "MISC")):
        return True
    reference = lookup(m.text)
    if reference is not None:
        return True
    return any(strip_accents(t) in lex.institution_heads for t in name_tokens(m.text))
