"""Shared types of the entity rules: the switches, the vote weights, a mention while it is worked on."""

from __future__ import annotations

from dataclasses import dataclass

from helpers.entities.names import name_key

# Vote weights. A model label counts 1; MISC is the French model's label for
# names it cannot place, so it counts half; a context word or a word inside the
# name that shows the kind of entity counts 2, because on names the model has
# never seen (small companies, new exchanges) it is right more often than the model.
MODEL_WEIGHT = 1.0
MISC_WEIGHT = 0.5
CUE_WEIGHT = 2.0
SPLIT_WEIGHT = 0.25


@dataclass(frozen=True)
class EntityRules:
    """Switches for each clean-up and merge rule, all on by default.

    Attributes:
        trim: strip punctuation, quotes, dashes, determiners, elided articles,
            prepositions and possessives at a span's edges, and cut spans at
            brackets, citation marks, commas, line and sentence breaks.
        drop: drop what is not a name: function words, spans without a letter,
            currencies, tickers, dates, lowercase words.
        stoplist: drop the per-language list of known false positives.
        split: split a span made of two names already found in the article
            ("Kostarev de Binance").
        cues: let context words ("la plateforme X", "Senator X", "founder of X")
            and words inside a name ("Bank", "Fondation") vote on the label.
        patterns: tag a capitalised name that the model missed when a kind-of
            noun or a title comes right before it ("analytics firm Chainalysis").
        vote: decide an entity's label by a weighted vote of all its mentions
            (off: the label of its first fullest mention).
        surnames: join a surname or partial name to the full name.
        acronyms: join an acronym to the expansion that the text defines.
        gazetteer: join the names of one country, city, region or public body
            across languages and spellings (pycountry, CLDR, GeoNames and
            ``bodies.txt``), and let a country or a body's label win.
        institutions: rejoin an institution's name that the model cut at "of",
            "de", "du" ("U.S. Department" + "Treasury"), and keep a company's
            legal form after a comma ("Coinbase, Inc.").
        display: name an entity by its most representative form ("Binance"),
            the fullest legal name kept as an alias; off: the fullest form.
    """

    trim: bool = True
    drop: bool = True
    stoplist: bool = True
    split: bool = True
    cues: bool = True
    patterns: bool = True
    vote: bool = True
    surnames: bool = True
    acronyms: bool = True
    gazetteer: bool = True
    institutions: bool = True
    display: bool = True


#: Names of the switchable rules, in the order the evaluation reports them.
RULES = tuple(EntityRules.__dataclass_fields__)


@dataclass(slots=True)
class Mention:
    """One mention while the rules work on it; offsets are into the article's analysed text.

    ``ent_id`` is the canonical name of a watchlist match, ``cue`` the label a
    context cue points to, ``node`` the (article, name key) it is linked under,
    ``placed`` whether the text sets it as a place ("in X", "X-based", "Rocklin, California").
    """

    article_id: str
    lang: str
    start: int
    end: int
    text: str
    model_label: str
    ent_id: str = ""
    weight: float = MODEL_WEIGHT
    cue: str | None = None
    created: bool = False
    node: tuple[str, str] | None = None
    person_link: bool = False
    placed: bool = False

    @property
    def key(self) -> str:
        """The name key it is grouped under: the watchlist name's, else its own text's."""
        return name_key(self.ent_id or self.text)
