"""The word lists the entity rules read, one set per language, from ``helpers/data/entities/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from helpers.entities.names import strip_accents
from helpers.paths import PACKAGE_DATA

#: Folder of the word lists the rules read.
DATA_DIR = PACKAGE_DATA / "entities"

#: At most this many words between a kind-of noun and the name in French
#: ("l'unité de renseignement financier russe, Rosfin"); none in English.
MAX_FILLERS = 4

#: Person-name particles that may be lowercase inside a name.
NAME_PARTICLES = frozenset(
    {"de", "du", "des", "d", "la", "le", "von", "van", "der", "den", "da", "di", "del", "dos", "bin", "ben", "al", "el", "ibn", "y"}
)


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, loaded from ``helpers/data/entities``."""

    function_words: frozenset[str]
    honorifics: frozenset[str]
    stoplist: frozenset[str]
    dates: frozenset[str]
    currencies: frozenset[str]
    tickers: frozenset[str]
    legal_forms: frozenset[str]
    name_words: dict[str, str]
    type_cues: dict[str, str]
    title_cues: frozenset[str]
    role_cues: frozenset[str]
    max_fillers: int = MAX_FILLERS
    all_function_words: frozenset[str] = field(default_factory=frozenset)
    concepts: frozenset[str] = field(default_factory=frozenset)
    generic: frozenset[str] = field(default_factory=frozenset)
    institution_heads: frozenset[str] = field(default_factory=frozenset)
    place_cues: frozenset[str] = field(default_factory=frozenset)
    #: what only a person has, after the name's possessive ("Postovoy's arrest", "Garland's remarks")
    personal_cues: frozenset[str] = field(default_factory=frozenset)
    #: what only a business has, after the name's possessive ("Entain's operations", "Entain's brands")
    business_cues: frozenset[str] = field(default_factory=frozenset)
    #: a reporting verb that, with a day between, makes the next name the news source ("rapporte samedi X")
    source_cues: frozenset[str] = field(default_factory=frozenset)
    offices: frozenset[str] = field(default_factory=frozenset)
    #: verbs of speech a narrative infinitive puts after "de", never part of a name ("X de conclure"); French only
    narrative_verbs: frozenset[str] = field(default_factory=frozenset)
    #: words inside a hyphenated name that make it a place name ("Neuilly-sur-Seine"); French only
    place_particles: frozenset[str] = field(default_factory=frozenset)
    #: natural features whose lowercase generic opens the place's name ("îles Caïmans", "océan Indien"); French only
    landforms: frozenset[str] = field(default_factory=frozenset)
    #: the last word of a name's head says what it is ("District Court"), as in English; else the first ("Banque centrale")
    head_final: bool = False


def _read_list(name: str) -> list[str]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            lines.append(line.casefold())
    return lines


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """Return the word lists for ``lang``; a language without lists uses the English ones."""
    if not (DATA_DIR / f"function_words_{lang}.txt").exists():
        lang = "en"
    type_cues: dict[str, str] = {}
    title_cues: set[str] = set()
    role_cues: set[str] = set()
    place_cues: set[str] = set()
    personal_cues: set[str] = set()
    business_cues: set[str] = set()
    source_cues: set[str] = set()
    for line in _read_list(f"cues_{lang}.txt"):
        label, position, phrase = line.split(None, 2)
        if position == "type":
            type_cues[phrase] = label.upper()
        elif position == "title":
            title_cues.add(phrase)
        elif position == "role":
            role_cues.add(phrase)
        elif position == "place":
            place_cues.add(phrase)
        elif position == "personal":
            personal_cues.add(phrase)
        elif position == "business":
            business_cues.add(phrase)
        elif position == "source":
            source_cues.add(phrase)
        else:
            raise ValueError(f"cues_{lang}.txt: unknown position {position!r} in {line!r}")
    name_words = {}
    for line in _read_list(f"name_words_{lang}.txt"):
        label, word = line.split(None, 1)
        name_words[word] = label.upper()
    return Lexicon(
        function_words=frozenset(_read_list(f"function_words_{lang}.txt")),
        honorifics=frozenset(_read_list("honorifics.txt")),
        stoplist=frozenset(_read_list(f"stoplist_{lang}.txt")),
        dates=frozenset(_read_list(f"dates_{lang}.txt")),
        currencies=frozenset(_read_list("currencies.txt")),
        tickers=frozenset(_read_list("tickers.txt")),
        legal_forms=frozenset(w.rstrip(".") for w in _read_list("legal_forms.txt")),
        name_words=name_words,
        type_cues=type_cues,
        title_cues=frozenset(title_cues),
        role_cues=frozenset(role_cues),
        place_cues=frozenset(place_cues),
        personal_cues=frozenset(personal_cues),
        business_cues=frozenset(business_cues),
        source_cues=frozenset(source_cues),
        offices=frozenset(_read_list(f"offices_{lang}.txt")),
        narrative_verbs=frozenset(_read_list(f"narrative_verbs_{lang}.txt")),
        place_particles=frozenset(_read_list(f"place_particles_{lang}.txt")),
        landforms=frozenset(_read_list(f"landforms_{lang}.txt")),
        # English puts a name right after its kind-of noun ("payments firm X");
        # French lets adjectives come between ("le groupe pétrolier X").
        max_fillers=0 if lang == "en" else MAX_FILLERS,
        head_final=lang == "en",
        all_function_words=frozenset(
            w for f in DATA_DIR.glob("function_words_*.txt") for w in _read_list(f.name)
        ),
        concepts=frozenset(_read_list("concepts.txt")),
        generic=frozenset(strip_accents(w) for w in _read_list(f"generic_{lang}.txt")),
        institution_heads=frozenset(strip_accents(w) for w in _read_list("institution_heads.txt")),
    )
