"""What screening takes and gives, a query and a match, importable without the matcher.

The matcher (nomenklatura) takes about a second to import; the process that
hands queries to the screening processes and reads their matches back needs
only these records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from followthemoney import EntityProxy, model

from helpers.screening.lists import ORG_SCHEMATA, PERSON_SCHEMATA, ListEntry, SanctionsList
from helpers.screening.transliteration import english_reading

#: The kit's labels and the list schemata each is screened against (never places).
LABEL_SCHEMATA = {"PER": PERSON_SCHEMATA, "ORG": ORG_SCHEMATA}
#: The FtM schema a query of each label is made as.
QUERY_SCHEMA = {"PER": "Person", "ORG": "Organization"}

@dataclass
class Query:
    """One entity to screen: every name the kit merged into it, and what the articles say of it."""

    entity_id: str
    name: str
    label: str
    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    birth_years: list[str] = field(default_factory=list)

    def entity(self) -> EntityProxy:
        proxy = model.make_entity(QUERY_SCHEMA[self.label])
        # nomenklatura caches name analysis by entity id: the id must change with the names.
        proxy.id = f"q-{self.entity_id}-{abs(hash((tuple(self.all_names()), tuple(self.birth_years))))}"
        proxy.add("name", self.all_names(), cleaned=False)
        proxy.add("country", self.countries, quiet=True)
        if self.birth_years and proxy.schema.get("birthDate"):
            proxy.add("birthDate", self.birth_years, quiet=True)
        return proxy

    def all_names(self) -> list[str]:
        """The entity's names, then (for people) their English readings of French spellings."""
        return list(self._names())

    def original(self, name: str) -> str:
        """The spelling found in the articles that ``name`` (maybe an English reading) comes from."""
        return self._names().get(name, name)

    def _names(self) -> dict[str, str]:
        seen: dict[str, str] = {self.name: self.name}
        for name in self.names:
            if name.strip():
                seen.setdefault(name.strip(), name.strip())
        if self.label == "PER":
            for name in list(seen):
                reading = english_reading(name)
                if reading:
                    seen.setdefault(reading, name)
        return seen


@dataclass
class Match:
    """A list entry that scored at or above the threshold for a query."""

    query: Query
    sanctions: SanctionsList
    entry: ListEntry
    score: float
    matched_name: str
    entry_name: str
    explanation: str
    context: list[str]
    algorithm: str

    @property
    def name_only(self) -> bool:
        """True when nothing but the name could be compared (no birth year, no country on both sides)."""
        return not self.context
