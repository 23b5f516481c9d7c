"""One-word names that the shipped sanctions list knows as an organisation, a vessel or an aircraft, never as a person.

The OFAC extract shipped with the kit (``helpers/data/sanctions/``) names firms,
markets and groups the small models have never seen ("Hydra" for "HYDRA
MARKET"). A one-word name with no person cue around it is an organisation when
the list names one by that word alone, or by that word and kind-of or
legal-form words only ("MARKET", "LTD"), or by that word, places and a closing
legal form ("GARANTEX EUROPE OU"); a word found in a person's name on the list
proves nothing. The set is built once per process; a look-up is one key.
"""

from __future__ import annotations

from functools import lru_cache

from helpers.entities.gazetteer import is_known_place
from helpers.entities.lexicon import load_lexicon
from helpers.entities.names import name_key, name_tokens


@lru_cache(maxsize=1)
def listed_organisation_words() -> frozenset[str]:
    """Name keys of the one-word organisation names of the shipped list."""
    from helpers.screening import DEFAULT_LIST
    from helpers.screening.lists import read_list

    if not DEFAULT_LIST.exists():
        return frozenset()
    kinds: set[str] = set()
    legal_forms: set[str] = set()
    for lang in ("en", "fr"):
        lex = load_lexicon(lang)
        legal_forms |= lex.legal_forms
        kinds |= set(lex.legal_forms) | set(lex.generic) | {k for k in lex.type_cues if " " not in k}
    organisations: set[str] = set()
    person_words: set[str] = set()
    for entry in read_list(DEFAULT_LIST).entries:
        for name in [entry.name, *entry.aliases]:
            tokens = name_tokens(name)
            if not tokens:
                continue
            if entry.schema == "Person":
                person_words.update(tokens)
            elif tokens[0] not in kinds and (
                all(t in kinds for t in tokens[1:]) or (tokens[-1] in legal_forms and all(_kind_or_place(t, kinds) for t in tokens[1:]))
            ):
                organisations.add(name_key(tokens[0]))
    return frozenset(organisations - {name_key(w) for w in person_words})


def _kind_or_place(token: str, kinds: set[str]) -> bool:
    if token in kinds:
        return True
    return is_known_place(token)


def listed_organisation(text: str) -> bool:
    """True when the one-word ``text`` is an organisation's name on the shipped list."""
    return len(name_tokens(text)) == 1 and name_key(text) in listed_organisation_words()
