"""The country of a page from its web address, and that country's currencies.

A news page that names no country still has one in its address: "$5 million"
on a ``.com.au`` page is Australian, "100 000 francs" on a ``.ch`` page Swiss.
The host's last label is read as an ISO 3166 code (``pycountry``), so the
second-level forms ``.com.au``, ``.co.uk`` and ``.gc.ca`` need no list; the
country's currencies come from the Unicode CLDR (``babel``). Which domains
name no country (``.com``, ``.io``, ``.tv``, ``.eu``) is data, in
``page_domains.json``. A page on a generic domain often names its country in
its path, which repeats the headline: ".../hong-kong-customs-suspends-licence",
".../fr/montreal/reseau-criminel", ".../austrac-commences-proceedings" name
the country of a shared marker by the same cue words as the text
(:func:`address_currencies`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from helpers.amounts.vocabulary import load_local_currencies, load_page_domains


def page_country(url: str | None) -> str | None:
    """The ISO 3166 alpha-2 code of the country a page's address names, or None.

    Args:
        url: The page's address, with or without its scheme ("https://www.abc.net.au/news",
            "www.rts.ch/info"); case, port and path do not matter.

    Returns:
        "AU" for ``.com.au``, "GB" for ``.co.uk``; None for a generic domain
        (``.com``, ``.org``, a country code sold worldwide such as ``.io``),
        ``.eu``, an IP address or no address.
    """
    host = _host(url)
    if not host:
        return None
    labels = host.split(".")
    return _country_of(labels[-1], labels[-2] if len(labels) > 1 else None)


def page_currencies(url: str | None) -> tuple[str, ...]:
    """The ISO 4217 codes of the currencies in use in the country of a page's address (none without one)."""
    country = page_country(url)
    return _territory_currencies(country) if country else ()


def address_currencies(url: str | None) -> tuple[str, ...]:
    """The currencies whose country a cue word of the page's address path names, in no order that matters.

    The words of the path (lower case, accents dropped, "-", "_" and "/" read
    as spaces) are read against the cue words of ``local_currencies.json``, a
    body's name or a place alike: "/hong-kong-customs-suspends-licence" names
    the Hong Kong dollar, "/fr/montreal/reseau-criminel" the Canadian one. So
    are the names of the host, where a newspaper often names its country or
    city, as a word ("jamaica-gleaner.com") or glued to another at either end
    ("loopjamaica.com", "journaldemontreal.com", "tunisienumerique.com"; a
    glued cue needs six letters). The host's country code is left to
    :func:`page_country`.

    Args:
        url: The page's address, with or without its scheme; None or no path names none.
    """
    if not url or not url.strip():
        return ()
    url = url.strip()
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
        path, host = parts.path, parts.hostname or ""
    except ValueError:
        return ()
    labels = host.split(".")[:-1]  # the country code or generic domain is page_country's
    words = " ".join(_ADDRESS_WORD.findall(_fold(f"{unquote(path)} {' '.join(labels)}")))
    if not words:
        return ()
    cues = _address_cues()
    codes = {code for code, pattern in cues if pattern.search(f" {words} ")}
    glued = [label.replace("-", "") for label in labels if label.isascii()]
    codes.update(code for code, pattern in _glued_cues() for label in glued if pattern.search(label))
    return tuple(sorted(codes))


_ADDRESS_WORD = re.compile(r"[a-z0-9]+")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _address_forms() -> dict[str, frozenset[str]]:
    """Each currency's cue words as an address writes them: lower case, no accents, words spaced."""
    by_code: dict[str, set[str]] = {}
    for entry in load_local_currencies()["kinds"].values():
        for code, lists in entry["countries"].items():
            for cue in (*lists.get("strong", ()), *lists.get("weak", ())):
                folded = " ".join(_ADDRESS_WORD.findall(_fold(cue)))
                if folded:
                    by_code.setdefault(code, set()).add(folded)
    return {code: frozenset(forms) for code, forms in sorted(by_code.items())}


def _alternation(forms: set[str] | frozenset[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _address_cues() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((code, re.compile(f" (?:{_alternation(forms)}) ")) for code, forms in _address_forms().items())


@lru_cache(maxsize=1)
def _glued_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """Each currency's cue words of six letters or more, spaces dropped, at a host label's start or end."""
    glued = []
    for code, forms in _address_forms().items():
        long = {form.replace(" ", "") for form in forms if len(form.replace(" ", "")) >= 6}
        if long:
            alternation = _alternation(long)
            glued.append((code, re.compile(f"^(?:{alternation})|(?:{alternation})$")))
    return tuple(glued)


def _host(url: str | None) -> str:
    if not url or not url.strip():
        return ""
    url = url.strip()
    # "www.rts.ch/info": without a scheme the host would be read as a path.
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # a malformed address ("http://[::1"): no country to read
        return ""
    return host.rstrip(".")


@lru_cache(maxsize=None)
def _country_of(last: str, second: str | None) -> str | None:
    domains = load_page_domains()
    if len(last) != 2 or not (last.isascii() and last.isalpha()) or last in domains["no_country"]:
        return None
    if last in domains["generic"] and second not in domains["registry_labels"]:
        return None
    code = domains["countries"].get(last, last.upper())
    import pycountry

    return code if pycountry.countries.get(alpha_2=code) is not None else None


@lru_cache(maxsize=None)
def _territory_currencies(country: str) -> tuple[str, ...]:
    from babel.numbers import get_territory_currencies

    return tuple(get_territory_currencies(country))
