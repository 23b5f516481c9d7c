"""The corpus as FollowTheMoney entities, so findings load into Aleph, OpenSanctions tools or any FtM pipeline.

Articles become ``Article`` entities (a kind of FtM ``Document``); people ``Person``, organisations
``Organization`` (``Company`` when a legal form is in the name), places
``Address``; every mention a ``Mention`` linking the document to the entity it
resolves to. Each entity is checked against followthemoney's model
(:meth:`Schema.validate` and the required properties) before it is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pandas as pd
from followthemoney import EntityProxy, model
from rigour.names import extract_org_types

LABEL_SCHEMA = {"PER": "Person", "ORG": "Organization", "LOC": "Address"}
ID_PREFIX = "dossier"


def _schema(label: str, name: str) -> str | None:
    schema = LABEL_SCHEMA.get(label)
    if schema == "Organization" and extract_org_types(name):
        return "Company"
    return schema


def corpus_entities(articles: pd.DataFrame, entities: pd.DataFrame, mentions: pd.DataFrame) -> Iterator[EntityProxy]:
    """Every document, entity and mention of the corpus as a validated FtM entity.

    Raises:
        ValueError: an entity fails followthemoney's validation (a bug, never bad input).
    """
    for row in articles.itertuples(index=False):
        doc = model.make_entity("Article")
        doc.id = f"{ID_PREFIX}-doc-{row.article_id}"
        doc.add("title", row.title or row.article_id)
        doc.add("bodyText", row.text)
        doc.add("language", getattr(row, "lang", None), quiet=True)
        doc.add("sourceUrl", getattr(row, "url", None) or None, quiet=True)
        doc.add("publishedAt", getattr(row, "published", None) or None, quiet=True)
        doc.add("publisher", getattr(row, "source", None) or None, quiet=True)
        doc.add("fileName", getattr(row, "path", None) or None, quiet=True)
        yield _checked(doc)
    schemata = {}
    for row in entities.itertuples(index=False):
        schema = _schema(row.label, row.name)
        if schema is None:
            continue
        proxy = model.make_entity(schema)
        proxy.id = f"{ID_PREFIX}-{row.entity_id}"
        if schema == "Address":
            proxy.add("full", row.name)
        else:
            proxy.add("name", row.name)
            aliases = [a.strip() for a in str(row.aliases or "").split(";") if a.strip() and a.strip() != row.name]
            proxy.add("alias", aliases)
        schemata[row.entity_id] = schema
        yield _checked(proxy)
    for number, row in enumerate(mentions.itertuples(index=False)):
        schema = schemata.get(row.entity_id)
        if schema is None:
            continue
        mention = model.make_entity("Mention")
        mention.id = f"{ID_PREFIX}-mention-{row.article_id}-{row.start}-{row.end}-{number}"
        mention.add("document", f"{ID_PREFIX}-doc-{row.article_id}")
        mention.add("resolved", f"{ID_PREFIX}-{row.entity_id}")
        mention.add("name", row.text)
        mention.add("detectedSchema", schema)
        yield _checked(mention)


def _checked(proxy: EntityProxy) -> EntityProxy:
    data = proxy.to_dict()
    proxy.schema.validate(data)  # raises InvalidData (a ValueError) on a bad value
    missing = [p for p in proxy.schema.required if not proxy.get(p)]
    if missing:
        raise ValueError(f"{proxy.schema.name} {proxy.id}: missing required {', '.join(missing)}")
    return proxy


def ftm_lines(proxies: Iterable[EntityProxy]) -> Iterator[str]:
    """One JSON object per line, as FtM tools read them (``entities.ftm.json``)."""
    for proxy in proxies:
        yield json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
