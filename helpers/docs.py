"""Documents and sentences: the text of a tagged doc, its sentence bounds, the sentence of an offset.

The one place where tagging (``helpers.nlp``), the amount component, the
entity rules and the steps find a sentence: sentences are ``(start, end)``
character offsets in text order, and an offset belongs to the last sentence
that starts at or before it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

#: Key in ``Doc.user_data`` under which :class:`helpers.nlp.KeepText` stores the input text.
TEXT_KEY = "dossier_text"

_START = itemgetter(0)


def doc_text(doc: Doc) -> str:
    """``doc.text``, taken from the tokenizer's input when it was kept.

    ``Doc.text`` joins every token's text in Python on each access, which cost
    about 0.7 ms per news article, several times per article.
    """
    return doc.user_data.get(TEXT_KEY) or doc.text


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets of the sentences, or of the whole text when none are set.

    The same as ``[(s.start_char, s.end_char) for s in doc.sents]``, read from
    token arrays: iterating ``doc.sents`` builds a Python object per token,
    which cost as much as the amount rules themselves.
    """
    if not len(doc):
        return [(0, 0)]
    sent_start = doc.to_array(SENT_START)
    if not (sent_start[1:] != 0).any():  # no sentence annotation (Doc.has_annotation walks tokens)
        return [(0, int(doc[-1].idx + len(doc[-1].text_with_ws)))]
    sent_start[0] = 1
    starts = numpy.flatnonzero(sent_start == 1)
    ends = numpy.append(starts[1:], len(doc)) - 1
    idx = doc.to_array(IDX)
    length = doc.to_array(LENGTH)
    return [(int(idx[a]), int(idx[b] + length[b])) for a, b in zip(starts, ends)]


def sentence_index(sentences: Sequence[Sequence[int]], offset: int) -> int:
    """Index of the sentence holding ``offset``: the last one starting at or before it (0 before the first).

    Args:
        sentences: ``(start, end)`` offsets in text order.
        offset: a character offset into the same text.
    """
    return max(bisect_right(sentences, offset, key=_START) - 1, 0)


def sentence_of(
    sentences: Sequence[Sequence[int]], offset: int, *, text_length: int
) -> tuple[int, tuple[int, int]]:
    """The index and ``(start, end)`` of the sentence holding ``offset``.

    A text without sentences is one sentence, ``(0, text_length)``.
    """
    if not sentences:
        return 0, (0, text_length)
    i = sentence_index(sentences, offset)
    return i, (int(sentences[i][0]), int(sentences[i][1]))
