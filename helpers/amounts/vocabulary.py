"""Vocabularies of amounts, one JSON file per language and one of currencies, from ``helpers/data/amounts/``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from helpers.paths import PACKAGE_DATA

#: Folder of the vocabularies: ``currencies.json``, ``local_currencies.json``, ``page_domains.json``,
#: ``<lang>.json``, ``sanctions.<lang>.txt``.
DATA_DIR = PACKAGE_DATA / "amounts"


def available_vocabularies() -> tuple[str, ...]:
    """Languages that have a vocabulary file in ``helpers/data/amounts/``."""
    shared = {"currencies", "local_currencies", "page_domains"}
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.json") if p.stem not in shared))


def default_vocabularies(lang: str) -> tuple[str, ...]:
    """The pipeline language's vocabulary, or all of them for another language."""
    available = available_vocabularies()
    # English first: its meaning wins where vocabularies disagree ("billion" = 10^9).
    return (lang,) if lang in available else tuple(sorted(available, key=lambda code: code != "en"))


@lru_cache(maxsize=None)
def load_language(lang: str) -> dict[str, Any]:
    """The vocabulary of one language, with its decimal mark and its sanctions phrases."""
    data = json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    data["decimal_mark"] = "," if data.get("number_format") == "fr" else "."
    phrases = _read_phrases(DATA_DIR / f"sanctions.{lang}.txt")
    data["sanctions"] = [p for p in phrases if not p.startswith("!")]
    # "!commission des sanctions": a phrase that holds a sanctions word and is not about sanctions.
    data["not_sanctions"] = [p[1:].strip() for p in phrases if p.startswith("!")]
    return data


def _read_phrases(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=None)
def load_currencies() -> dict[str, Any]:
    """Currency symbols, codes, crypto tickers and scale abbreviations, shared by every language."""
    return json.loads((DATA_DIR / "currencies.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_local_currencies() -> dict[str, Any]:
    """Currency markers that several countries share, and the cue words of each country (any language)."""
    return json.loads((DATA_DIR / "local_currencies.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_page_domains() -> dict[str, Any]:
    """How a page's web address names its country: generic domains, domains of no country, aliases."""
    return json.loads((DATA_DIR / "page_domains.json").read_text(encoding="utf-8"))


def merge_vocabularies(languages: Iterable[str], key: str) -> Any:
    """One entry of several vocabularies merged; earlier languages win on conflicts."""
    merged: Any = None
    for lang in languages:
        value = load_language(lang).get(key)
        if value is not None:
            merged = value if merged is None else _combine(merged, value)
    return merged


def _combine(first: Any, second: Any) -> Any:
    if isinstance(first, dict) and isinstance(second, dict):
        combined = dict(first)
        for key, value in second.items():
            combined[key] = _combine(combined[key], value) if key in combined else value
        return combined
    if isinstance(first, list) and isinstance(second, list):
        return first + [v for v in second if v not in first]
    return first
