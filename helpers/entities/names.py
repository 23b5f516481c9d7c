"""Names as keys: the words of a name, the key two spellings share, an entity's stable id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache


def strip_accents(text: str) -> str:
    """``text`` without its combining accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    stripped = decomposed.translate(_combining_marks())
    if stripped.isascii() or max(stripped) <= "\uffff":
        return stripped
    return "".join(c for c in stripped if not unicodedata.combining(c))  # marks beyond the BMP


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """A ``str.translate`` table deleting every combining character of the Basic Multilingual Plane."""
    return dict.fromkeys(c for c in range(0x10000) if unicodedata.combining(chr(c)))


def name_tokens(name: str) -> list[str]:
    """Words of a name in order, without case, accents, apostrophes, hyphens or dots."""
    return list(_name_tokens(name))


@lru_cache(maxsize=100_000)
def _name_tokens(name: str) -> tuple[str, ...]:
    text = strip_accents(name).casefold()
    text = re.sub(r"['’`´.\-]", "", text)
    return tuple(t for t in re.split(r"[^\w]+", text) if t)


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """Key under which two spellings are the same name: up to case, accents, apostrophes and word order."""
    return " ".join(sorted(name_tokens(name)))


def entity_id(name: str, label: str) -> str:
    """Stable id of an entity: a short hash of its label and name key."""
    digest = hashlib.sha1(f"{label}|{name_key(name)}".encode("utf-8")).hexdigest()[:10]
    return f"{label.lower()}-{digest}"
