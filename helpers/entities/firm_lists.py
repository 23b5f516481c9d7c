"""Firms the model takes for people in a list of firms.

Names of banks and brokers made of two capitalised words ("Julius Baer", "UOB Kay Hian") read like a
first name and a surname, and the model tags them as people. A list says otherwise when its other
members are organisations ("the Singapore arms of Credit Suisse, UBS, Citi, Julius Baer and LGT
Bank"), or when its members carry codes in brackets and a firm's code is among them: the codes are
tickers ("UBS (UBS), Citi (C), and Julius Baer (JBAXY)"), where a politician's would be parties
("Sandrine Mazetier (PS) et Jean-Luc Warsmann (LR)").
"""

from __future__ import annotations

import re

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
