"""Text normalisation and the split of a trailing related-links block.

Every offset stored in the workspace refers to the text returned by
:func:`normalize_text`, so it runs once, when an article is loaded.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, the usual French apostrophe
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (French thousands and before ;:!?)
        "\u2009": " ",  # thin space
        "\u2007": " ",  # figure space
        "\u2008": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,  # soft hyphen
    }
)

_LINE_ENDINGS = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")

# A separator line (____, ----, ***, ===) or a heading that announces related links.
_RELATED_HEADING = re.compile(
    r"^\s*(?:[_\-=*~]{3,}\s*$"
    r"|(?:#+\s*)?(?:apprendre encore plus|en savoir plus|lire aussi|à lire aussi|a lire aussi|"
    r"voir aussi|sur le même sujet|articles? (?:liés|similaires|connexes)|pour aller plus loin|"
    r"read more|related(?: articles| stories| coverage| news| content)?|see also|more on this|"
    r"more from|you may also like|recommended(?: for you)?|further reading)\s*:?\s*$)",
    re.IGNORECASE | re.MULTILINE,
)

_SEPARATOR = re.compile(r"\s*[_\-=*~]{3,}\s*$")
_LINK_LINE = re.compile(r"\s*(?:[-–—•*·▪►>]\s|https?://|\[[^\]]+\]\()")


def normalize_text(text: str) -> str:
    """Return ``text`` in NFC with one apostrophe, plain spaces and ``\\n`` line endings."""
    text = _LINE_ENDINGS.sub("\n", text)
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def split_related(text: str, *, min_body_chars: int = 200) -> tuple[str, str]:
    """Split a trailing related-links block from an article body.

    The block starts at a separator line or at a "Read more" style heading found
    in the last half of the text, so a heading early in a long article is kept.

    Returns:
        ``(body, related)``; ``related`` is empty when there is no such block.
    """
    for match in _RELATED_HEADING.finditer(text):
        start = match.start()
        if start >= max(min_body_chars, len(text) // 2) and _opens_block(match.group(0), text[match.end():]):
            return text[:start].rstrip(), text[start:].strip()
    return text, ""


def _opens_block(line: str, rest: str) -> bool:
    """A heading opens a related block; a bare separator only when links or a heading follow.

    A section break (``***``) before more paragraphs is part of the article.
    """
    if not _SEPARATOR.match(line):
        return True
    following = next((part for part in rest.splitlines() if part.strip()), "")
    return bool(_RELATED_HEADING.match(following) or _LINK_LINE.match(following))
