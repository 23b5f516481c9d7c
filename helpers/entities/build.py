"""The entity step's algorithm: clean every article's spans, link them into entities, replay curation."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import re
import threading
from array import array
from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import pycountry

from helpers.docs import sentence_of
from helpers.entities.acronyms import apply_acronyms
from helpers.entities.cleanup import article_rows, clean_mentions, drop_reason, in_secretary_title, split_known, the_unit
from helpers.entities.cues import (add_cued_names, context_cue, joined_places, misc_firm_shaped, name_word_label,
                                   landform_placed, place_shaped, placed)
from helpers.entities.curation import apply_curation
from helpers.entities.firm_lists import mark_firms_named_by_kind, mark_listed_firms
from helpers.entities.gazetteer import (COMPASS_AFTER, compass_place, compass_region, find_bodies, find_region_names,
                                       find_regions, french_departments, is_country, is_demonym, is_known_place, lookup,
                                       subdivision_keys, town_keys)
from helpers.entities.institutions import drop_misreadings, rejoin_institutions
from helpers.entities.lexicon import load_lexicon
from helpers.entities.linking import cluster_mentions, decide
from helpers.entities.names import entity_id, name_key, name_tokens, strip_accents
from helpers.entities.public_bodies import tag_public_bodies
from helpers.entities.tables import MENTION_COLUMNS, entity_summary
from helpers.entities.types import EntityRules, Mention


def build_entities(
    articles: pd.DataFrame,
    payloads: dict[str, dict],
    *,
    decisions: list[dict] | None = None,
    rules: EntityRules = EntityRules(),
    processes: int = 1,
    early: EarlyRules | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean the tagged spans and join them into canonical entities.

    Args:
        articles: columns ``article_id, lang, text``; ``text`` is the analysed,
            normalised body that the payload offsets refer to.
        payloads: ``{article_id: payload}`` from :func:`helpers.nlp.tag_texts`.
        decisions: curation decisions to replay (see :func:`helpers.pipeline.load_curation`).
        rules: which clean-up and merge rules run (all by default).
        processes: 2 or more shares the per-article rules with a forked process
            (from :data:`PARALLEL_ARTICLES` articles on, where forking is safe);
            the tables are the same.
        early: the per-article rules already run on some articles while they
            were tagged (see :class:`EarlyRules`); the others run here.

    Returns:
        ``(mentions, entities)`` with the columns of :data:`MENTION_COLUMNS`
        and :data:`ENTITY_COLUMNS`; entities sorted by mentions, most first.
    """
    rows = list(article_rows(articles))
    bodies = {article_id: body for article_id, _lang, body in rows}
    done = early.take(rows, rules) if early is not None else {}
    rest = [row for row in rows if row[0] not in done]
    if processes > 1 and len(rest) >= PARALLEL_ARTICLES and _can_fork():
        mentions, acronym_links, sentences = _clean_in_two(rest, payloads, rules)
    else:
        mentions, acronym_links, sentences = _clean_articles(rest, payloads, rules)
    if done:
        mentions, acronym_links, sentences = _in_article_order(rows, done, (mentions, acronym_links, sentences))
    del done, rest  # the mentions live in their clusters from here, and go with them
    clusters = cluster_mentions(mentions, acronym_links, rules)
    del mentions, acronym_links
    # Offsets as 8-byte integers, not an int object each.
    columns: dict[str, list | array] = {column: array("q") if column in _OFFSET_COLUMNS else []
                                        for column in MENTION_COLUMNS}
    quotes: dict[tuple[str, int, int], str] = {}  # one string per quoted sentence, shared by its mentions
    names: dict[str, tuple[str, str]] = {}
    for key in list(clusters):
        cluster = clusters.pop(key)  # its mentions go once they are rows
        name, label = decide(cluster, rules)
        eid = entity_id(name, label)
        names[eid] = (name, label)
        for m in cluster:
            body = bodies[m.article_id]
            sid, (sa, sb) = sentence_of(sentences[m.article_id], m.start, text_length=len(body))
            # A name built from an acronym's definition can run past the parser's
            # sentence end: the quote is extended so it always holds the mention.
            where = (m.article_id, sa, max(sb, m.end))
            quote = quotes.get(where)
            if quote is None:
                quote = quotes[where] = body[sa:where[2]]
            for column, value in zip(MENTION_COLUMNS, (m.article_id, sid, m.start, m.end, m.text, label, eid, quote)):
                columns[column].append(value)
    del clusters, quotes
    mention_table = _sorted_table(columns)
    del columns
    entity_table = entity_summary(mention_table, names)
    if decisions:
        mention_table, entity_table = apply_curation(mention_table, entity_table, decisions)
    return mention_table, entity_table


def _sorted_table(columns: dict[str, list | array]) -> pd.DataFrame:
    """The mentions' ``columns`` as a table in text order (by article, start, end; ties as they came).

    The order of a stable sort of the table, worked out on the columns and
    applied to each as it becomes a column, so that no second copy of the
    table is made; each list goes once its column is built.
    """
    if not columns["article_id"]:
        return pd.DataFrame({name: list(values) for name, values in columns.items()}, columns=MENTION_COLUMNS)
    articles = pd.factorize(np.asarray(columns["article_id"], dtype=object), sort=True)[0]
    order = np.lexsort((np.asarray(columns["end"]), np.asarray(columns["start"]), articles))
    del articles
    data = {}
    for name in MENTION_COLUMNS:
        values = columns[name]
        if isinstance(values, array):
            data[name] = np.frombuffer(values, dtype=np.int64)[order]
        else:
            data[name] = pd.Series(values).to_numpy()[order]
        columns[name] = []
    return pd.DataFrame(data, columns=MENTION_COLUMNS)


#: The mention columns held as arrays of 8-byte integers while the table is built.
_OFFSET_COLUMNS = frozenset({"sentence_id", "start", "end"})


def _mark_places(found: list[Mention], body: str, lex) -> None:
    """Mark the mentions the text sets as places; a place next to a known or marked place is one too.

    A place so marked marks the next one in turn, so a whole list is read.

    A US state's postal code after a place and a comma ("Atlantic City, NJ") is a place.
    """
    for m in found:
        # a French town the model calls a place stays one; English firms are often named after towns ("Chelsea")
        m.placed = placed(body, m.start, m.end, lex) or (
            m.lang == "fr" and ((m.model_label == "LOC" and _is_town(m.text)) or compass_place(m.text))
        ) or (m.lang == "en" and m.model_label == "LOC" and compass_region(m.text))
        # and a known place with its compass point: "l'Europe centrale", "Californie du Nord", "East Asia"
        if m.lang == "en" and m.model_label == "ORG" and not m.ent_id and m.cue is None and _written_as_place(body, m):
            m.placed, m.cue = True, "LOC"
    for left, m in zip(found, found[1:]):
        if not m.ent_id and m.text in us_state_codes() and body[left.end:m.start] == ", " and _is_place(left):
            m.placed, m.cue = True, "LOC"
        if not m.ent_id and body[left.end:m.start] == " (" and body.startswith(")", m.end) \
                and m.text.casefold() in french_departments():
            m.placed, m.cue = True, "LOC"  # "Vierzon (Cher)", "Châteauroux (Indre)": a town and its department
            if not left.ent_id and left.cue in (None, "LOC") and all(w[:1].isupper() for w in left.text.split()):
                left.placed, left.cue = True, "LOC"
        if m.lang == "en" and not left.ent_id and left.cue in (None, "LOC") and _in_region(body, left, m):
            left.placed, left.cue = True, "LOC"  # "Hubli in Karnataka", "Pune (Maharashtra)": a town and its state
    anchors = [(m.start, m.end) for m in found if m.placed or is_known_place(m.text)]
    for m in found:  # in text order, so a list of places is read to its end ("à Bruxelles, Jette, Laeken et Evere")
        if not m.placed and m.model_label == "LOC":
            m.placed = placed(body, m.start, m.end, lex, anchors)
            before = max((b for _a, b in anchors if b <= m.start), default=None)
            if m.placed and before is not None and "(" not in body[before:m.start]:
                anchors.append((m.start, m.end))  # not after a bracket: "en France (Coinhouse, Bitpanda)" are firms
    if found:
        _place_list_members(found, body, anchors)
    starts = sorted(a for a, _b in anchors)
    for m in reversed(found):  # a place before "et à" and a place: "dans la station de Megève et à Cannes"
        if not m.placed and m.model_label == "LOC":
            k = bisect_left(starts, m.end)
            after = starts[k] if k < len(starts) else None
            between = body[m.end:after].strip() if after is not None else ""
            if after is not None and between not in ("", ",", "(") and joined_places(body, m.end, after):
                m.placed = True
                insort(starts, m.start)


#: A town's name alone between two places of a list: ", Hyderabad, ", ", Hasselt et ".
_LISTED_NAME = re.compile(r",\s+([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?)\s*(?:,|\s+(?:and|et)\s+)\s*")


def _add_named_regions(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """Tag a world region of several words that the model missed ("le responsable de Binance pour l'Europe de
    l'Est et la Russie"): a name of the gazetteers (:func:`helpers.entities.gazetteer.find_region_names`) that no
    mention overlaps."""
    added = [Mention(article_id, lang, a, b, body[a:b], "LOC", weight=0.0, created=True, cue="LOC", placed=True)
             for a, b in find_region_names(body) if not any(m.start < b and a < m.end for m in found)]
    if not added:
        return found
    return sorted(found + added, key=lambda m: (m.start, -m.end))


def _add_listed_towns(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """Tag a town the model missed between two places of a list ("in Delhi, Jodhpur, Hyderabad, Pune and Kolkata").

    The name must fill the whole gap between the two places and be a town
    GeoNames lists or a place the gazetteers know, so a list of places with one
    name left out gets it back; a firm or a person between places is no town.
    """
    places = [m for m in found if m.placed or m.cue == "LOC" or (m.model_label == "LOC" and is_known_place(m.text))]
    added = []
    for left, right in zip(places, places[1:]):
        gap = _LISTED_NAME.fullmatch(body, left.end, right.start)
        if gap is None or any(left.end <= m.start and m.end <= right.start for m in found):
            continue
        name = gap.group(1)
        if name_key(name) not in town_keys() and not is_known_place(name):
            continue
        a, b = gap.span(1)
        town = Mention(article_id, lang, a, b, name, "LOC", weight=0.0, created=True, cue="LOC", placed=True)
        added.append(town)
    if not added:
        return found
    return sorted(found + added, key=lambda m: (m.start, -m.end))


#: A "de" in the joint before a name: what follows belongs to the places before it, not to their list.
_OF_JOINT = re.compile(r"\b(?:de|du|des|d')\s*|\bd'", re.IGNORECASE)


def _place_list_members(found: list[Mention], body: str, anchors: list[tuple[int, int]]) -> None:
    """A one-word name the model calls a person or a firm in a list of places is a place.

    It sits between two places of the list, ends a list of two places or more ("à Genk, Maasmechelen,
    Hasselt, Bilzen et Pelt"; "in Delhi, Gurugram, Jodhpur, Jhunjhunu, Hyderabad, Pune and Kolkata"), or
    opens one and is a town GeoNames lists ("sur Cannes, Nice, Toulouse et Bruxelles"). A person after a place and a comma ("à Paris, Jean Dupont") is none of these, nor a name
    in brackets ("Paris (Reuters)").
    """
    spans = sorted(anchors)

    def chain_before(start: int) -> int:
        """How many places of a list end right before ``start``."""
        count, edge = 0, start
        for a, b in reversed(spans):
            if b > edge:
                continue
            if not joined_places(body, b, edge) or "(" in body[b:edge]:
                break
            count, edge = count + 1, a
        return count

    for m in found:
        # a town the model called MISC, which the one-word-MISC rule read as a firm, counts too ("sur Cannes")
        misc_town = m.model_label == "MISC" and m.cue == "ORG" and _is_town(m.text)
        if m.ent_id or not (misc_town or (m.cue is None and m.model_label in ("PER", "ORG"))) or " " in m.text \
                or not m.text[:1].isupper() or any(c.isdigit() for c in m.text) or m.text.isupper():
            continue
        right = next((a for a, b in spans if a >= m.end), None)
        joined_right = right is not None and joined_places(body, m.end, right) and "(" not in body[m.end:right]
        before = chain_before(m.start)
        left_end = next((b for a, b in reversed(spans) if b <= m.start), None)
        if before and _OF_JOINT.search(body, left_end, m.start):
            before = 0  # "au Cameroun et en Guinée équatoriale, d'Ecobank": the firm of the places before it
        # a district in brackets after its town, which the model called a person: "Charleroi (Roux)"
        bracketed = m.model_label == "PER" and left_end is not None and body[left_end:m.start].strip() == "(" \
            and body.startswith(")", m.end)
        if bracketed or (before and joined_right) or before >= 2 or ((before or joined_right) and _is_town(m.text)):
            m.placed, m.cue = True, "LOC"
            insort(spans, (m.start, m.end))


#: A wire story's dateline: a place in capitals opening a line, then a comma, the agency, a colon or a dash
#: ("DUBLIN, April 26 (Reuters)", "MUMBAI: The Enforcement Directorate", "WASHINGTON — Today").
_DATELINE_OPEN = re.compile(r"(?:\A|\n)[\s\"“]*\Z")
_DATELINE_AFTER = re.compile(r",|\s*\(|:\s|\s+[–—-]+\s")
#: A dateline's colon, as Gulf and Asian copy writes it in title case: "Abu Dhabi: The Central Bank ...".
_DATELINE_COLON = re.compile(r":\s+[A-Z\"“]")
#: A town and its country: "in Palma de Mallorca, Spain".
_COUNTRY_AFTER = re.compile(r",\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def _written_as_place(body: str, m: Mention) -> bool:
    """True for a known place the model calls a firm where the text can only mean the place.

    A dateline ("DUBLIN, April 26 (Reuters) -", "Abu Dhabi: The Central Bank ...") or a town followed by its
    country ("at a marina in Palma de Mallorca, Spain"). Firms named after a
    town ("Crown Melbourne") are written neither way.
    """
    reference = lookup(m.text)
    if reference is None or reference.label != "LOC":
        return False
    if m.text.isupper() and _DATELINE_AFTER.match(body, m.end) and _DATELINE_OPEN.search(body, max(0, m.start - 5), m.start):
        return True
    if _DATELINE_COLON.match(body, m.end) and _DATELINE_OPEN.search(body, max(0, m.start - 5), m.start):
        return True  # "Abu Dhabi: Passengers entering ...": the town the story is filed from
    following = _COUNTRY_AFTER.match(body, m.end, min(len(body), m.end + 60))
    if following is None:
        return False
    return is_country(following.group(1))


def _in_region(body: str, town: Mention, region: Mention) -> bool:
    """True for a town GeoNames lists right before "in" or a bracket and a state or country the gazetteers force."""
    between = body[town.end:region.start]
    if between not in (" in ", " (") or (between == " (" and not body.startswith(")", region.end)):
        return False
    reference = lookup(region.text)
    return (reference is not None and reference.forced and reference.label == "LOC"
            and not reference.ref.startswith("body:") and name_key(town.text) in town_keys())


def _is_town(text: str) -> bool:
    """True for a town GeoNames lists, a French department or a subdivision of ISO 3166-2 in its own name or its
    French one: the model's place there stays one ("Levallois-Perret", "en Bavière", "le Limburg")."""
    key = name_key(text)
    return key in town_keys() or text.casefold() in french_departments() or key in subdivision_keys()


def _is_place(m: Mention) -> bool:
    return m.model_label == "LOC" or m.cue == "LOC" or is_known_place(m.text)


@lru_cache(maxsize=1)
def us_state_codes() -> frozenset[str]:
    """The postal codes of the US states and territories ("NJ", "CA"), from ISO 3166-2."""
    return frozenset(s.code.split("-", 1)[1] for s in pycountry.subdivisions.get(country_code="US"))


#: What introduces another name of the same person or firm: "Ivan Kondratyev, also known as Bassterlord".
_ALIAS_BETWEEN = re.compile(r",?\s*\(?(?:also known as|a\.k\.a\.?|aka|alias|known as|dit|surnommée?|alias)\s+[\"«]?\s*\Z",
                            re.IGNORECASE)


def _alias_links(found: list[Mention], body: str) -> list[tuple[Mention, Mention]]:
    """Pairs of (alias, name) for a name written right after another with "also known as" or "a.k.a.".

    The alias takes the name's label: the model often calls a nickname a firm
    ("Bassterlord").
    """
    links = []
    for name, alias in zip(found, found[1:]):
        if name.ent_id or alias.ent_id:
            continue
        if _ALIAS_BETWEEN.fullmatch(body, name.end, alias.start) or _short_form_after(body, name, alias) \
                or _trading_name_after(body, name, alias) or _defined_term_after(body, name, alias):
            alias.cue = name.cue or name.model_label
            links.append((alias, name))
    return links


def _in_brackets_after(body: str, name: Mention, alias: Mention) -> bool:
    """True when ``alias`` is the whole of a bracket that opens right after ``name``: "OCBC Singapore (OCBC)"."""
    return bool(re.fullmatch(r"\s*\(", body[name.end:alias.start])) and body[alias.end:alias.end + 1] == ")"


def _defined_term_after(body: str, name: Mention, alias: Mention) -> bool:
    """True for a firm's name and the term in quotes and brackets right after it that the text then calls it by
    ("Markom Management Limited ("MML UK")"), whatever the model made of the term."""
    return ((name.cue or name.model_label) == "ORG" and bool(re.fullmatch(r"\.?\s*\(\s*[\"“]", body[name.end:alias.start]))
            and bool(re.match(r"[\"”]\s*\)", body[alias.end:alias.end + 3])))


def _short_form_after(body: str, name: Mention, alias: Mention) -> bool:
    """True for a firm's name and, in brackets right after it, its first words as the short form the text
    uses for it ("OCBC Singapore (OCBC)", "Citibank N.A., Singapore Branch (Citibank)")."""
    words, short = name.text.split(), alias.text.split()
    return ((name.cue or name.model_label) == "ORG" and len(short) < len(words) and words[:len(short)] == short
            and _in_brackets_after(body, name, alias))


#: A company's legal form closing its registered name: "Burswood Nominees Ltd", "The Star Pty Limited".
_REGISTERED_NAME_END = re.compile(r"\s(?:Ltd|Limited|Pty|Inc|LLC|LLP|PLC|plc|Corp|GmbH|AG|SA|NV|BV|Pte)\.?\Z")


def _trading_name_after(body: str, name: Mention, alias: Mention) -> bool:
    """True for a company's registered name and, in brackets right after it, the name it trades under,
    of two words or more ("Burswood Nominees Ltd (Crown Perth)"), which the model often calls a person; a known
    place there is the firm's country ("Dinrin Limited (Hong Kong)"), no other name of it."""
    return (bool(_REGISTERED_NAME_END.search(name.text)) and " " in alias.text and alias.text[:1].isupper()
            and not is_known_place(alias.text) and _in_brackets_after(body, name, alias))


def _mark_local_units(found: list[Mention]) -> None:
    """Names that differ only by a last word naming a place are a firm's local units ("Crown Melbourne and
    Crown Perth", "Citibank Singapore ... Citibank Hong Kong"): organisations, not people, whatever the model
    said; a name the gazetteers know as a place ("New York", "New Jersey") is none."""
    heads: dict[str, set[str]] = {}
    units: list[tuple[Mention, str]] = []
    for m in found:
        if m.ent_id or m.model_label not in {"PER", "ORG", "MISC"}:
            continue
        head, place = _unit_parts(m.text)
        if head:
            heads.setdefault(head, set()).add(place)
            units.append((m, head))
    for m, head in units:
        if len(heads[head]) >= 2:
            m.cue = "ORG"


def _unit_parts(text: str) -> tuple[str, str]:
    """``(head, place)`` of a name made of capitalised words and a known place at its end, else ``("", "")``."""
    words = text.split()
    for n in (2, 1):
        if len(words) <= n:
            continue
        head, place = " ".join(words[:-n]), " ".join(words[-n:])
        if (is_known_place(place) and not is_known_place(text) and not is_known_place(head)
                and all(w[:1].isupper() for w in words)):
            return head, place
    return "", ""


def _join_compass_parts(found: list[Mention], body: str) -> list[Mention]:
    """A known place and the compass point after it are one place ("l'Europe centrale", "l'Europe de l'Est",
    "le district de Californie du Nord"), whatever the model called the place; a span the model made of the compass
    point alone ("Californie" + "Nord") goes into it."""
    out: list[Mention] = []
    absorbed: set[int] = set()
    for m in found:
        if id(m) in absorbed:
            continue
        part = None if m.ent_id else COMPASS_AFTER.match(body, m.end)
        if part is None or not is_known_place(m.text):
            out.append(m)
            continue
        inner = [x for x in found if x is not m and m.end < x.end and x.start < part.end()]
        if any(x.ent_id or x.start < m.end + 1 or x.end > part.end() for x in inner):
            out.append(m)  # the model's "Nord" of "Californie" + "Nord" goes with it; a span running past stays
            continue
        absorbed.update(id(x) for x in inner)
        end = part.end()
        out.append(Mention(m.article_id, m.lang, m.start, end, body[m.start:end], "LOC", weight=m.weight))
    return [m for m in out if id(m) not in absorbed]


#: A comma and a code in capitals closing a town's name: "Bellevue" + ", WA".
_CODE_AFTER = re.compile(r", ([A-Z]{2})(?![\w&'’-])(?! [A-Z])")


#: The field a body's head names after "for" or "of", in capitals up to the body's acronym in brackets:
#: "Authority" + " for Anti-Money Laundering and Countering the Financing of Terrorism" + " (AMLA)".
_FIELD_TO_ACRONYM = re.compile(r" (?:for|of|on)(?: (?:[A-Z][\w'’-]*|and|the|of|for|on|in|against|to))*? [A-Z][\w'’-]*"
                               r"(?= \([A-Z][A-Za-z&]{1,10}\))")
#: Capitalised words and "and" after "the", right before a body's span: "the Accounting and" + "Corporate
#: Regulatory Authority".
_WORDS_AND_BEFORE = re.compile(r"(?<![\w'’-])the ((?:[A-Z][a-z]+ ){1,2}and )\Z")


def _extend_bodies_to_their_words(found: list[Mention], article_id: str, body: str, lex) -> list[Mention]:
    """A body's span the model cut from words of its name: a lone head and its field up to the acronym in
    brackets ("the Authority" + " for Anti-Money Laundering and Countering the Financing of Terrorism (AMLA)"),
    or the capitalised words and "and" the model left before it ("the Accounting and" + "Corporate Regulatory
    Authority"). Words another span holds ("the FBI and Securities Commission") stay apart."""
    starts = sorted((m.start, m.end) for m in found)
    out = []
    for m in found:
        words = name_tokens(m.text)
        if m.ent_id or m.model_label != "ORG" or not words or words[-1] not in lex.institution_heads:
            out.append(m)
            continue
        a, b = m.start, m.end
        field = _FIELD_TO_ACRONYM.match(body, b) if len(words) == 1 and m.text[:1].isupper() else None
        if field and not any(b <= s < field.end() for s, _e in starts):
            b = field.end()
        before = _WORDS_AND_BEFORE.search(body, max(0, a - 40), a)
        if before and not any(before.start(1) <= s < a or before.start(1) < e <= a for s, e in starts) \
                and not any(w.casefold() in lex.all_function_words for w in before.group(1).split()[:-1]):
            a = before.start(1)
        if (a, b) == (m.start, m.end):
            out.append(m)
            continue
        out.append(Mention(m.article_id, m.lang, a, b, body[a:b], "ORG", weight=m.weight))
    for head in _CAPITALISED_WORD.finditer(body):  # the lone head, which the model's span left or the clean-up dropped
        field = _FIELD_TO_ACRONYM.match(body, head.end()) if head.group().casefold() in lex.institution_heads else None
        if field and not any(s < field.end() and head.start() < e for s, e in starts):
            a, b = head.start(), field.end()
            out.append(Mention(article_id, "en", a, b, body[a:b], "ORG", created=True))
    return sorted(out, key=lambda m: (m.start, -m.end))


_CAPITALISED_WORD = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?![\w'’-])")


#: A word in capitals right before a country's name: "CPA" + " Australia", "KPMG" + " India".
_CAPITALS_BEFORE = re.compile(r"(?<![\w.&'’-])([A-Z]{2,5}) \Z")


def _join_acronym_before_country(found: list[Mention], article_id: str, body: str, lex) -> list[Mention]:
    """A firm's or a body's acronym the model left untagged before a country is its name with the country
    ("CPA Australia said", "KPMG India", a national unit's name); a known place or body, a concept, a legal
    form, a currency code or a US state's code before the country is none ("EU Australia", "AML Australia")."""
    taken = [(m.start, m.end) for m in found]
    out = []
    for m in found:
        before = None if m.ent_id or not is_country(m.text) else _CAPITALS_BEFORE.search(body, max(0, m.start - 8),
                                                                                          m.start)
        word = before.group(1) if before else ""
        low = word.casefold()
        if not before or any(s < m.start and before.start(1) < e for s, e in taken) or lookup(word) is not None \
                or low in lex.concepts or low in lex.legal_forms or low in lex.all_function_words \
                or low in lex.stoplist or low in lex.title_cues or word in us_state_codes() or _is_currency_code(word):
            out.append(m)
            continue
        a = before.start(1)
        out.append(Mention(article_id, m.lang, a, m.end, body[a:m.end], "ORG", weight=m.weight, cue="ORG"))
    return out


def _is_currency_code(word: str) -> bool:
    return pycountry.currencies.get(alpha_3=word) is not None if len(word) == 3 else False


#: A chamber of a parliament named after its country: "the United States" + " House", "the U.S. Senate".
_CHAMBER_AFTER = re.compile(r" (?:House of (?:Representatives|Commons|Lords)|House|Senate|Congress|Parliament)"
                            r"(?![\w'’-])(?! (?:of )?[A-Z])")


def _join_country_chambers(found: list[Mention], body: str) -> list[Mention]:
    """A country and the chamber named after it are one body ("the United States House is considering", "the U.S.
    Senate"), which the model cuts into the country and a chamber of no country; a chamber's committee or a
    name running on ("U.S. House Financial Services Committee") is left to the other rules."""
    return _join_body_after_country(found, body, _CHAMBER_AFTER, is_country)


#: A country's customs named by the word alone after the country or its people, no other capitalised word after it
#: ("the Saudi Customs emphasized", "Nigeria Customs seized"): a longer name is the model's or the other rules'.
_CUSTOMS_AFTER = re.compile(r" Customs\b(?!\s+[A-Z])")


def _join_national_customs(found: list[Mention], body: str) -> list[Mention]:
    """A country or its people's adjective and "Customs" are the country's customs service, one body ("the Saudi
    Customs"), which the model cuts into a nationality and the service's kind, a generic word of no country."""
    return _join_body_after_country(
        found, body, _CUSTOMS_AFTER, lambda text: is_country(text) or is_demonym(text, lang="en"))


def _join_body_after_country(
    found: list[Mention], body: str, after: re.Pattern[str], names_country: Callable[[str], bool]
) -> list[Mention]:
    """A mention that ``names_country`` and the body's word ``after`` matches right after it become one ORG; the
    mentions inside that word are absorbed, unless one of them is a listed entity (then nothing is joined)."""
    out: list[Mention] = []
    absorbed: set[int] = set()
    for m in found:
        word = None if m.ent_id else after.match(body, m.end)
        if word is None or not names_country(m.text):
            out.append(m)
            continue
        inner = [x for x in found if x is not m and m.end <= x.start and x.end <= word.end()]
        if any(x.ent_id for x in inner):
            out.append(m)
            continue
        absorbed.update(id(x) for x in inner)
        out.append(Mention(m.article_id, m.lang, m.start, word.end(), body[m.start:word.end()], "ORG",
                           weight=m.weight, cue="ORG"))
    return [m for m in out if id(m) not in absorbed]


#: A compass word alone and "and" before another compass word opening a region: "South" + " and East Asia".
_COMPASS_WORD = re.compile(r"North|South|East|West|Northern|Southern|Eastern|Western|Central")
_AND_COMPASS_REGION = re.compile(r" and ((?:North|South|East|West|Northern|Southern|Eastern|Western|Central) [A-Z][\w]+)")


def _drop_elliptical_compass(found: list[Mention], body: str) -> list[Mention]:
    """Without the compass word the model tagged alone before "and" and a region named with another ("to South and
    East Asia"): half of "South Asia", which the text does not write, no name of its own."""
    dropped = set()
    for m in found:
        after = _AND_COMPASS_REGION.match(body, m.end)
        if not m.ent_id and _COMPASS_WORD.fullmatch(m.text) and after and compass_region(after.group(1)):
            dropped.add(id(m))
    return [m for m in found if id(m) not in dropped]


#: A dateline in capitals opening the text or a line, before its date, agency, colon or dash:
#: "PETALING JAYA, Dec 16 (Bernama) —", "LAGOS (Reuters) -", "NAIROBI: The bank ...".
_DATELINE = re.compile(r"(?:\A|(?<=\n))[\s\"“]*([A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3})"
                       r"(?=,\s+[A-Z][a-z]{2,}\.? \d|\s*\(|:\s|\s+[–—-]+\s)")


def _add_datelines(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """Tag the town of a dateline in capitals that the model missed, when GeoNames or the gazetteers know it."""
    added = []
    for match in _DATELINE.finditer(body):
        a, b = match.span(1)
        reference = lookup(match.group(1))
        if reference is None or reference.label != "LOC" or any(m.start < b and a < m.end for m in found):
            continue
        added.append(Mention(article_id, lang, a, b, match.group(1), "LOC", cue="LOC", placed=True, created=True))
    return sorted(found + added, key=lambda x: (x.start, -x.end)) if added else found


def _add_state_codes(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """Tag the US state's postal code the model missed after a place and a comma ("based in Bellevue, WA")."""
    starts = {m.start for m in found}
    added = []
    for m in found:
        code = _CODE_AFTER.match(body, m.end) if _is_place(m) else None
        if code and code.group(1) in us_state_codes() and code.start(1) not in starts:
            added.append(Mention(article_id, lang, code.start(1), code.end(1), code.group(1), "LOC", created=True))
    return sorted(found + added, key=lambda x: (x.start, -x.end)) if added else found


def _drop_bracketed_units(found: list[Mention], body: str) -> list[Mention]:
    """Without the known place a bank or a firm names its unit by, in brackets right after its name
    ("la banque Edmond de Rothschild (Europe)", "Binance (France)"): the unit's name, no place of the text.

    The name before is a firm by the model's label or its cue; a place in brackets after anything else
    stays ("à Genève (Suisse)").
    """
    firms = {m.end: m for m in found if not m.ent_id and "ORG" in (m.model_label, m.cue)}
    dropped = set()
    for m in found:
        if m.ent_id or m.model_label != "LOC" or not is_known_place(m.text):
            continue
        opening = body.rfind("(", 0, m.start)
        if opening < 0 or body[opening + 1:m.start].strip() or not body.startswith(")", m.end):
            continue
        firm = firms.get(len(body[:opening].rstrip()))
        if firm is not None and body[firm.end:opening].strip() == "":
            dropped.add(id(m))
    return [m for m in found if id(m) not in dropped]


def _clean_articles(rows: list[tuple[str, str, str]], payloads, rules: EntityRules):
    """The per-article rules: ``(mentions, acronym links, sentence spans per article)``, in article order."""
    mentions: list[Mention] = []
    acronym_links: list[tuple[Mention, Mention]] = []
    sentences: dict[str, Spans] = {}
    for article_id, lang, body in rows:
        found, links, sentences[article_id] = clean_article(article_id, lang, body, payloads.get(article_id) or {},
                                                            rules)
        mentions.extend(found)
        acronym_links.extend(links)
    return mentions, acronym_links, sentences


def clean_article(article_id: str, lang: str, body: str, payload: dict, rules: EntityRules):
    """The per-article rules on one article: ``(mentions, acronym links, sentence spans)``.

    They read nothing of any other article.
    """
    acronym_links: list[tuple[Mention, Mention]] = []
    spans = Spans(payload.get("sents") or [])
    found = clean_mentions(article_id, lang, body, payload, rules)
    lex = load_lexicon(lang)
    if rules.split:
        found = split_known(found)
    if rules.gazetteer:
        found = _add_known_bodies(found, article_id, lang, body)
        found = _join_airports(found, article_id, lang, body)
        found = _join_split_places(found, article_id, lang, body)
    if rules.gazetteer and lang == "en":
        found = _add_state_codes(found, article_id, lang, body)
        found = _add_datelines(found, article_id, lang, body)
    if rules.gazetteer and lang == "fr":
        found = _join_compass_parts(found, body)
    if rules.drop and lang == "en":
        found = _join_bracketed_laws(found, article_id, lang, body)
        found = _join_possessive_laws(found, article_id, lang, body)
    if rules.institutions and lang == "en":
        found = _join_acronym_inside_names(found, article_id, lang, body, lex)
        found = _join_country_chambers(found, body)
        found = _join_national_customs(found, body)
        found = _extend_bodies_to_their_words(found, article_id, body, lex)
        found = _join_acronym_before_country(found, article_id, body, lex)
    if rules.institutions:
        found = rejoin_institutions(found, body, lex)
        found, body_links = tag_public_bodies(found, article_id, lang, body)
        acronym_links.extend(body_links)
    if rules.drop:
        found = drop_misreadings(found, body, payload.get("sents") or [[0, len(body)]], lex)
    if rules.patterns:
        found = add_cued_names(found, article_id, lang, body, lex, rules)
    if rules.acronyms:
        found, links = apply_acronyms(found, body, article_id, lang)
        if rules.drop:  # "Convertible Virtual Currency (CVC)": a concept, defined or not
            # unless the text spells it as a body's name: "the Anti-Money Laundering Authority (AMLA)", not the act
            bodies = {pair[0].text for pair in links if _names_body(pair[1].text, lex)}
            links_kept = [pair for pair in links if pair[0].text not in bodies]
            concepts = {id(x) for pair in links_kept for x in pair if pair[0].text.casefold() in lex.concepts}
            concepts |= {id(m) for m in found if _defines_concept(body, m, lex)}
            common = _common_noun_acronyms(body, found)  # "unmanned aerial vehicle (UAV)": a thing's kind
            concepts |= {id(m) for m in found if m.text in common and not m.ent_id}
            found = [m for m in found if id(m) not in concepts and (m.text.casefold() not in lex.concepts or m.text in bodies
                                                                    or the_unit(body, m.start, m.end))]
            links = [pair for pair in links if id(pair[0]) not in concepts]
        acronym_links.extend(links)
    if rules.cues:
        for m in found:
            if m.ent_id or (m.created and m.cue == "LOC" and is_airport(lang, m.text)):
                continue
            m.cue = (context_cue(body, m.start, m.end, lex) or name_word_label(m.text, lex)
                     or ("LOC" if place_shaped(m.text, lex) or landform_placed(body, m.start, m.end) else None)
                     or ("ORG" if misc_firm_shaped(body, m, lex) else None))
        _mark_local_units(found)
        mark_listed_firms(found, body)
        if lang == "en":
            mark_firms_named_by_kind(found, body, lex)
        if rules.gazetteer and lang == "fr":  # English copy annotates the place: "Kings Romans Casino (Laos)"
            found = _drop_bracketed_units(found, body)
    if rules.gazetteer:
        _mark_places(found, body, lex)
        found = _add_listed_towns(found, article_id, lang, body)
        found = _add_named_regions(found, article_id, lang, body)
    if rules.gazetteer and lang == "en":
        found = _drop_elliptical_compass(found, body)
    if rules.acronyms:
        acronym_links.extend(_alias_links(found, body))
    return found, acronym_links, spans


#: An acronym in brackets right after a name: "... Financing of Terrorism (AML/CFT)".
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]*(?:\s*[/&]\s*[A-Z][A-Za-z]*)+)\)")


def _names_body(text: str, lex) -> bool:
    """True for a name of several words headed by an institution's word ("Anti-Money Laundering Authority",
    "Authority for Anti-Money Laundering"): a body, whatever its acronym also abbreviates."""
    words = name_tokens(text)
    cut = next((i for i, w in enumerate(words) if i and w in {"of", "for"}), len(words))
    head = words[cut - 1] if lex.head_final and cut else (words[0] if words else "")
    return len(words) >= 2 and head in lex.institution_heads


def _defines_concept(body: str, m: Mention, lex) -> bool:
    """True for a several-word name that concept acronyms joined by a slash or "&" define ("Anti-Money
    Laundering and Countering the Financing of Terrorism (AML/CFT)"), which the acronym links do not pair."""
    defined = _BRACKETED_ACRONYM.match(body, m.end)
    return bool(defined and not m.ent_id and " " in m.text and drop_reason(defined.group(1), lex) == "concept")


#: Lowercase words right before a bracket: "unmanned aerial vehicle (".
_LOWERCASE_BEFORE_BRACKET = re.compile(r"((?:[a-z][a-z'-]*\s+){1,6})\($")


def _common_noun_acronyms(body: str, found: list[Mention]) -> frozenset[str]:
    """Acronyms the text defines in brackets after lowercase words they spell ("unmanned aerial vehicle (UAV)").

    Such an acronym shortens a common noun, not a name, wherever it recurs:
    the model's spans of it are dropped. Words split at hyphens count too
    ("anti-money laundering (AML)").
    """
    out = set()
    for m in found:
        text = m.text
        if m.ent_id or not re.fullmatch(r"[A-Z]{2,6}s?", text) or body[m.end:m.end + 1] != ")":
            continue
        before = _LOWERCASE_BEFORE_BRACKET.search(body, max(0, m.start - 80), m.start)
        if before is None:
            continue
        letters = text.rstrip("s").casefold() if len(text) > 2 and text.endswith("s") else text.casefold()
        for words in (before.group(1).split(), before.group(1).replace("-", " ").split()):
            if len(words) >= len(letters) and "".join(w[0] for w in words[-len(letters):]) == letters:
                out.add(text)
                break
    return frozenset(out)


def _in_article_order(rows, done: dict[str, tuple], rest: tuple[list, list, dict]):
    """The per-article results of ``done`` (by article) and ``rest`` (joined) joined in the order of ``rows``."""
    mentions, links, sentences = rest
    by_article: dict[str, tuple[list, list]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, ([], []))[0].append(m)
    for pair in links:
        by_article.setdefault(pair[0].article_id, ([], []))[1].append(pair)
    joined: tuple[list, list, dict] = ([], [], {})
    for article_id, _lang, _body in rows:
        if article_id in done:
            found, found_links, spans = done[article_id]
        else:
            found, found_links = by_article.get(article_id, ([], []))
            spans = sentences[article_id]
        joined[0].extend(found)
        joined[1].extend(found_links)
        joined[2][article_id] = spans
    return joined


class EarlyRules:
    """The entity step's per-article rules, run on each article as its tags come back from tagging.

    ``extract`` hands :meth:`add` every chunk the tagging workers return, so
    this process cleans the articles it already has while the workers tag the
    next ones, instead of cleaning them all after tagging.
    :func:`build_entities` then takes the results of the articles whose
    language, text and rules are the ones it runs with, and cleans the others.
    """

    def __init__(self, articles: pd.DataFrame, rules: EntityRules = EntityRules()) -> None:
        self.rules = rules
        self._texts = {article_id: (lang, body) for article_id, lang, body in article_rows(articles)}
        self._done: dict[str, tuple[str, str, tuple]] = {}

    def __len__(self) -> int:
        return len(self._done)

    def add(self, rows) -> None:
        """Clean the articles of ``rows``: ``(article_id, payload as JSON)`` pairs from the tagging workers.

        Each article's results are kept pickled until :meth:`take`: as objects,
        the mentions of a corpus take five times the memory, held while the
        rest of the corpus is tagged.
        """
        for article_id, blob in rows:
            text = self._texts.pop(article_id, None)
            if text is None:
                continue
            lang, body = text
            found = clean_article(article_id, lang, body, json.loads(blob), self.rules)
            self._done[article_id] = (lang, body, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))

    def take(self, rows, rules: EntityRules) -> dict[str, tuple]:
        """The results for ``rows`` (``(article_id, lang, text)``) cleaned with ``rules``, by article; given once."""
        done, self._done = self._done, {}
        if rules != self.rules:
            return {}
        taken = {}
        for article_id, lang, body in rows:
            if article_id in done and done[article_id][:2] == (lang, body):
                taken[article_id] = pickle.loads(done.pop(article_id)[2])
        return taken


#: Articles from which the entity step shares its per-article rules with a forked process.
PARALLEL_ARTICLES = 1000


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _clean_in_two(rows: list[tuple[str, str, str]], payloads, rules: EntityRules):
    """:func:`_clean_articles` with the first half of the articles in a forked process.

    The rules of one article read nothing of another, so the halves joined in
    order are what one process gives. The child sends its half back pickled
    (mentions and the acronym links between them, kept as the same objects).
    """
    half = len(rows) // 2
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    child = context.Process(target=_clean_and_send, args=(theirs, rows[:half], payloads, rules),
                            daemon=True, name="dossier-entities")
    child.start()
    theirs.close()
    try:
        second = _clean_articles(rows[half:], payloads, rules)
        status, first = ours.recv()
    finally:
        ours.close()
        child.join()
    if status == "error":
        raise RuntimeError(f"entity rules failed in their process: {first}")
    mentions, links, sentences = first
    mentions.extend(second[0])
    links.extend(second[1])
    sentences.update(second[2])
    return mentions, links, sentences


def _clean_and_send(connection, rows, payloads, rules: EntityRules) -> None:
    try:
        connection.send(("ok", _clean_articles(rows, payloads, rules)))
    except Exception as err:  # reported to the parent, which raises it
        connection.send(("error", f"{type(err).__name__}: {err}"))
    finally:
        connection.close()


#: One sentence per language that :func:`warm_up` runs the entity step on.
_WARM_UP = {
    "fr": "Le Trésor américain a sanctionné Garantex (plateforme basée à Moscou) et M. Ivan Petrov.",
    "en": "The U.S. Treasury's OFAC sanctioned Garantex Europe OU, a Moscow-based exchange, and Mr. Ivan Petrov.",
}


def warm_up(langs) -> None:
    """Build, for ``langs``, the word lists and gazetteers the entity step loads on first use.

    They take about a second to build; ``extract`` builds them while the
    articles are being tagged in other processes, so the entity step does not
    wait for them afterwards. Runs the step on one made-up sentence per language.
    """
    for lang in sorted(set(langs)):
        text = _WARM_UP.get(lang, _WARM_UP["en"])
        words = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*", text)]
        payload = {"sents": [[0, len(text)]], "ents": [[a, b, "ORG"] for a, b in words], "amounts": []}
        build_entities(pd.DataFrame({"article_id": ["warm-up"], "lang": [lang], "text": [text]}),
                       {"warm-up": payload})
    if "fr" in langs:
        town_keys()  # read only for the French model's places, which the made-up sentence has none of


class Spans(Sequence):
    """An article's sentence spans ``(start, end)``, kept as one flat array of offsets.

    The entity step holds every article's spans until the mentions are
    written: as lists of lists they take ten times the memory.
    """

    __slots__ = ("_offsets",)

    def __init__(self, spans: list) -> None:
        self._offsets = array("q", (offset for span in spans for offset in span[:2]))

    def __len__(self) -> int:
        return len(self._offsets) // 2

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._offsets[2 * index], self._offsets[2 * index + 1]


#: A law's title with a bracketed part before its last words: "Proceeds of Crime (Money Laundering) and Terrorist
#: Financing Act", "Corruption, Drug Trafficking and Other Serious Crimes (Confiscation of Benefits) Act", "Drug
#: Trafficking (Recovery of Proceeds) Ordinance"; the model tags the pieces around the brackets as bodies. A comma
#: joins the title's capitalised heads only.
_BRACKETED_LAW = re.compile(
    r"\b[A-Z][a-z'-]+(?:(?:(?:\s+(?:of|and|on|for|the))+|,?)\s+[A-Z][a-z'-]+)*\s+"
    r"\((?![^()]*\b(?:Limited|Inc|Corporation|Company)\b)[A-Z][a-z]+(?:\s+[A-Za-z][a-z]+)+\)"
    r"(?:\s+(?:of|and|on|for|[A-Z][a-z'-]+))*?\s+(?:Act|Regulations?|Ordinance|Bill)\b"
)


#: The rest of a law's title after a possessive: "'s Adversaries Through Sanctions Act".
_LAW_AFTER_POSSESSIVE = re.compile(
    r"['’]s\s+(?:(?:[A-Z][a-z'-]+|of|and|on|for|the|to)\s+){0,6}?(?:Act|Law|Code)\b(?!\s+[A-Z])")


def _join_possessive_laws(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """One law (``MISC``) for a bill's title with a possessive inside, which the model cut at it and called a body.

    "the Countering America's" + "Adversaries Through Sanctions Act": a span
    opened by a verb in -ing, as bills' titles are ("Countering", "Protecting"),
    not a person's, that ends at a possessive followed by capitalised words and
    "Act", "Law" or "Code" ending the name. An owner's possessive stays the
    owner's ("the Nevada Bar Association's Bank Secrecy Act Conference", "Hong
    Kong's National Security Law").
    """
    out = list(found)
    for m in found:
        words = m.text.split()
        if m.ent_id or m.model_label == "PER" or len(words) < 2 or not words[0].endswith("ing"):
            continue
        law = _LAW_AFTER_POSSESSIVE.match(body, m.end)
        if law is None:
            continue
        end = law.end()
        out = [x for x in out if x is not m and not (m.end <= x.start and x.end <= end)]
        out.append(Mention(article_id, lang, m.start, end, body[m.start:end], "MISC", weight=m.weight))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _join_bracketed_laws(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """One law (``MISC``) for a title with a bracketed part, in place of the model's pieces inside it."""
    laws = [(m.start(), m.end()) for m in _BRACKETED_LAW.finditer(body)]
    if not laws:
        return found
    kept = [m for m in found if m.ent_id or not any(a <= m.start and m.end <= b for a, b in laws)]
    added = [Mention(article_id, lang, a, b, body[a:b], "MISC", created=True) for a, b in laws]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))


#: "de" or "d'" and the rest of a span after a known body's name: " de Bellinzona".
_SEAT_AFTER = re.compile(r"\s+(?:de\s+|d['’])([A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*)*)")


def _seat_after_body(found: list[Mention], overlapping: list[int], start: int, end: int,
                     body: str) -> tuple[int, int] | None:
    """The offsets of the town or country a French span adds after a known body's whole name
    ("le Tribunal pénal fédéral de Bellinzona"), where the body's name is the model's span's start."""
    if len(overlapping) != 1 or found[overlapping[0]].ent_id:
        return None
    span = found[overlapping[0]]
    if span.start != start or span.end <= end:
        return None
    seat = _SEAT_AFTER.fullmatch(body, end, span.end)
    if seat is None or not (_is_town(seat.group(1)) or is_known_place(seat.group(1))):
        return None
    return seat.start(1), seat.end(1)


#: Capitalised words, an acronym in brackets and a capitalised head word after it: "Punjab and Maharashtra
#: Co-operative (PMC) Bank".
_ACRONYM_INSIDE = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:and|of|&)\s+)?){1,8})\(([A-Z]{2,6})\)\s+([A-Z][a-z]+)\b")


def _join_acronym_inside_names(found: list[Mention], article_id: str, lang: str, body: str, lex) -> list[Mention]:
    """One firm for a name that carries its acronym in brackets before its head word.

    "Punjab and Maharashtra Co-operative (PMC) Bank": the model cuts it into a
    place, a firm and an acronym. When the acronym spells the capitalised words
    before it (or those and the head) and the head word heads an institution's or
    a firm's name, the whole is one organisation; the spans inside it go.
    """
    added, inside = [], set()
    for match in _ACRONYM_INSIDE.finditer(body):
        acronym, head = match.group(2), match.group(3)
        if strip_accents(head.casefold()) not in lex.institution_heads and lex.name_words.get(head.casefold()) != "ORG":
            continue
        words = list(re.finditer(r"[A-Z][\w'’-]*", match.group(1)))
        start = None
        for k, extra in ((len(acronym), ""), (len(acronym) - 1, head[0])):
            if 0 < k <= len(words) and "".join(w.group()[0] for w in words[-k:]) + extra == acronym:
                start = match.start(1) + words[-k].start()
                break
        if start is None:
            continue
        end = match.end(3)
        overlapping = [i for i, m in enumerate(found) if m.start < end and start < m.end]
        if any(found[i].ent_id or found[i].start < start or found[i].end > end for i in overlapping):
            continue
        inside.update(overlapping)
        added.append(Mention(article_id, lang, start, end, body[start:end], "ORG", created=True))
    if not added:
        return found
    return sorted([m for i, m in enumerate(found) if i not in inside] + added, key=lambda m: (m.start, -m.end))


#: A lowercase word after a known body's whole name inside a span, then the rest of the span: " crée",
#: " enquête sur plusieurs banques", " réglemente les dotations".
_CLAUSE_AFTER_BODY = re.compile(r"\s+([a-zà-öø-ÿœ][\w'’-]*)(?:\s.*)?", re.DOTALL)
#: What may open the model's span before the body's name: an article, elided or not ("l'Autorité ...").
_ARTICLE_BEFORE = re.compile(r"(?:[LlDd]['’]|(?:[Ll][ae]|[Ll]es|[Dd]u|[Dd]es)\s+)?")


def _clause_after_body(found: list[Mention], overlapping: list[int], start: int, end: int, body: str) -> bool:
    """True when a French span runs past a known body's whole name into the verb of its clause ("l'Autorité des
    marchés financiers enquête", "l'Office des changes réglemente les dotations"): the name ends there.

    The word after the name must be lowercase and neither a function word, an adjective by its ending nor a
    nationality, which may go on a name to make a longer one ("Cour des comptes européenne").
    """
    if len(overlapping) != 1 or found[overlapping[0]].ent_id:
        return False
    span = found[overlapping[0]]
    if span.end <= end or not _ARTICLE_BEFORE.fullmatch(body, span.start, start):
        return False
    clause = _CLAUSE_AFTER_BODY.fullmatch(body, end, span.end)
    if clause is None:
        return False
    word = clause.group(1)
    lex = load_lexicon("fr")
    # "suisse" is written as the country is: "le Conseil fédéral suisse"
    return not (word.casefold() in lex.all_function_words or is_demonym(word, lang="fr")
                or is_country(word.capitalize()) or _ADJECTIVE_ENDING.search(word))


#: The endings of French adjectives, which may go on a body's name to make a longer one ("Cour des comptes
#: européenne"); a participle ("saisie", "chargée") or a verb ("crée", "réglemente") ends it.
_ADJECTIVE_ENDING = re.compile(r"(?:ique|aire|ale|al|aux|el|elle|ier|ière|if|ive|iste|ien|ienne|ais|aise|ain|aine"
                               r"|ct|ic|ère|ême|eur|euse|ois|oise|enne|éen)s?$")


#: An airport named after a place or a person is one place: "Norman Manley International Airport",
#: "l'aéroport international Ahmed Sékou Touré". A French airport named by its city ("aéroport de
#: Genève") is the city, as the model and the annotations have it, so "de" is left out.
_AIRPORTS = {
    "en": re.compile(
        r"(?<![\w-])(?:(?!(?:The|A|An|At|In|To|From|Its|This|That|By|Via|Near|On|Of|And|For|Both|Each)\s)"
        r"[A-Z][\w'’.-]*\s+){1,3}(?:International\s+)?Airport(?![\w-])"),
    "fr": re.compile(
        r"(?<![\w-])[aA]éroport(?:\s+[iI]nternational)?\s+(?!(?:De|Du|Des)\s)"
        r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3}"),
}


#: What may stand between the two pieces of a country's name the model cut: "Trinidad" + "Tobago".
_PLACE_JOINER = re.compile(r"\s+(?:and|&|of|et|de|du|des|d['’])\s*|\s*-\s*")


def _join_split_places(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """Join two spans the model cut out of one country's name ("Trinidad" + "Tobago" for "Trinidad and Tobago",
    "Bosnie" + "Herzégovine"), when the gazetteers know the whole as a place."""
    out: list[Mention] = []
    for m in found:
        previous = out[-1] if out else None
        if previous is not None and not previous.ent_id and not m.ent_id and previous.end <= m.start \
                and _PLACE_JOINER.fullmatch(body, previous.end, m.start):
            reference = lookup(body[previous.start:m.end])
            if reference is not None and reference.label == "LOC" and reference.forced:
                out[-1] = Mention(article_id, lang, previous.start, m.end, body[previous.start:m.end], "LOC",
                                  cue="LOC", placed=True, created=True)
                continue
        out.append(m)
    return out


_AIRPORT_TOWN = re.compile(r"\s+(?:de|d['’])\s*([A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,2})")


def is_airport(lang: str, text: str) -> bool:
    """Whether a span is an airport's whole name as :func:`_join_airports` tags it."""
    pattern = _AIRPORTS.get(lang)
    return pattern is not None and pattern.fullmatch(text) is not None


def _join_airports(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """Tag an airport's whole name as one place, where the model cut it or took it for a body or a person.

    The model's spans inside the name give way to it ("Entebbe International" ORG, "Diori Hamani" for
    "aéroport Diori Hamani"); a span that crosses its edge ("Brigade des Douanes de l'Aéroport International
    AST de Conakry") or a watchlist name leaves it alone.
    """
    pattern = _AIRPORTS.get(lang)
    if pattern is None:
        return found
    added, inside = [], set()
    for match in pattern.finditer(body):
        start, end = match.span()
        overlapping = [i for i, m in enumerate(found) if m.start < end and start < m.end]
        seat = None
        for i in overlapping:  # "aéroport Diori Hamani de Niamey": the airport, then its town
            m = found[i]
            tail = _AIRPORT_TOWN.fullmatch(body, end, m.end) if start <= m.start < end < m.end and not m.ent_id else None
            if tail is not None:
                seat = tail.span(1)
        if any(found[i].start < start or (found[i].end > end and seat is None) or found[i].ent_id for i in overlapping):
            continue
        inside.update(overlapping)
        added.append(Mention(article_id, lang, start, end, body[start:end], "LOC", cue="LOC", placed=True, created=True))
        if seat is not None:
            added.append(Mention(article_id, lang, seat[0], seat[1], body[seat[0]:seat[1]], "LOC", placed=True, created=True))
    if not added:
        return found
    kept = [m for i, m in enumerate(found) if i not in inside]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))


#: A country's central bank named by its country: "la Banque Centrale de la Guinée", "Central Bank of Kenya".
_CENTRAL_BANKS = {
    "fr": re.compile(r"(?<![\w-])Banque [Cc]entrale (?:de la |de l['’]|du |des |de |d['’])(?P<place>[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*){0,2})"),
    "en": re.compile(r"(?<![\w-])Central Bank of (?:the )?(?P<place>[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|and|of))*(?<! and)(?<! of))"),
}


def _central_banks(lang: str, body: str) -> list[tuple[int, int]]:
    """Offsets of the central banks :data:`_CENTRAL_BANKS` finds whose place the gazetteers know as a country."""
    pattern = _CENTRAL_BANKS.get(lang)
    if pattern is None:
        return []
    out = []
    for match in pattern.finditer(body):
        place = match.group("place")
        words = place.split()
        # the longest known place among the first words: "Banque Centrale de Djibouti M. Ahmed" is Djibouti's
        for n in range(len(words), 0, -1):
            reference = lookup(" ".join(words[:n]))
            end = match.start("place") + len(" ".join(words[:n]))
            if reference is not None and reference.label == "LOC" and reference.forced:
                # "Banque centrale d'Afrique de l'Ouest": the name goes on past the place, and is the model's
                if not _NAME_GOES_ON.match(body, end):
                    out.append((match.start(), end))
                break
    return out


_NAME_GOES_ON = re.compile(r"\s+(?:de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+(?:the\s+)?)\s*[A-ZÀ-Ý]")


def _add_known_bodies(found: list[Mention], article_id: str, lang: str, body: str) -> list[Mention]:
    """Tag the public bodies of ``bodies.txt`` the model missed or cut into pieces.

    A body is tagged where no span lies ("OFAC added ..."), and a several-word
    name replaces the model's spans that lie inside it ("Secrétariat d'État" +
    "Économie" for "Secrétariat d'État à l'Économie", "Centre" + "Canada" for
    "Centre antifraude du Canada"). A span that crosses the name's edge, or a
    watchlist name, leaves it alone. The states of India, Australia and Canada
    are found the same way, as places ("Mohali in Punjab", "Jammu" + "Kashmir"
    for "Jammu and Kashmir").
    """
    added = []
    inside: set[int] = set()
    found_names = [(start, end, "ORG") for start, end in find_bodies(body)]
    found_names += [(start, end, "ORG") for start, end in _central_banks(lang, body)]
    if lang == "en":
        found_names += [(start, end, "LOC") for start, end in find_regions(body)]
    for start, end, label in found_names:
        if lang == "en" and in_secretary_title(body, start, end):
            continue  # "U.S. Treasury Secretary Janet Yellen": the title's word, its country already kept
        overlapping = [i for i, m in enumerate(found) if m.start < end and start < m.end]
        seat = _seat_after_body(found, overlapping, start, end, body) if lang == "fr" else None
        if seat is not None:  # "Tribunal pénal fédéral de Bellinzona": the body, then the town it sits in
            inside.update(overlapping)
            added.append(Mention(article_id, lang, start, end, body[start:end], label, created=True))
            added.append(Mention(article_id, lang, seat[0], seat[1], body[seat[0]:seat[1]], "LOC", created=True))
            continue
        if lang == "fr" and _clause_after_body(found, overlapping, start, end, body):
            inside.update(overlapping)  # "l'Office des changes réglemente les dotations": the body, then its verb
            added.append(Mention(article_id, lang, start, end, body[start:end], label, created=True))
            continue
        pieces = [i for i in overlapping if start <= found[i].start and found[i].end <= end
                  and (found[i].start, found[i].end) != (start, end) and not found[i].ent_id]
        if len(pieces) != len(overlapping) or (pieces and " " not in body[start:end]):
            continue
        inside.update(pieces)
        added.append(Mention(article_id, lang, start, end, body[start:end], label, created=True))
    if not added:
        return found
    kept = [m for i, m in enumerate(found) if i not in inside]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))
