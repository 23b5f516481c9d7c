"""Near-duplicate articles: syndicated wire stories, re-posts and mirrored pages.

A reporter's corpus often holds several copies of one article, a little
edited (a byline, a footer, a changed paragraph). Each copy stays in the
corpus and stays listed as a source, but counting its sentences again would
make one story look like several: relations count copies of one article once.

Copies are found with MinHash over word shingles (``datasketch``): the
Jaccard similarity of two articles' sets of three-word sequences, estimated
from 128 hashes, with an LSH index so that only likely pairs are compared.
The similarity recorded is the exact Jaccard similarity of the two sets,
computed on 64-bit hashes of the shingles (kept instead of the strings, for
memory), which the MinHash signatures are built from too.
Only articles in the same language are compared: a translation is not a copy.

Only the first article of each group of copies (its original) is indexed: a
new article is compared with the originals, never with every earlier copy, so
a corpus with many copies of one story costs one comparison per copy rather
than one per pair (near-linear in corpus size). The recorded similarity is
then the copy's similarity to the article it is marked a copy of.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from hashlib import blake2b

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

#: Columns that :func:`mark_duplicates` adds to the ``articles`` table.
DUPLICATE_COLUMNS = ["duplicate_of", "similarity"]
#: Jaccard similarity of word shingles from which two articles are copies of one another.
#: Two revisions of one Wikipedia article (``seeds/16`` and ``seeds/20``) score 0.46;
#: distinct articles on the same story in ``seeds/`` score 0.11 at most.
DEFAULT_THRESHOLD = 0.4
#: Words per shingle.
SHINGLE_WORDS = 3
NUM_PERM = 128
#: The LSH index returns candidates from this fraction of the threshold on: an index tuned at the
#: threshold itself misses about one pair in eight just above it; the exact similarity decides.
CANDIDATE_FACTOR = 0.6

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word sequences of ``text``, case-folded (the whole text when shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str] | np.ndarray, b: set[str] | np.ndarray) -> float:
    """Jaccard similarity of two sets, or of two sorted arrays of distinct values (0 when both are empty)."""
    if isinstance(a, np.ndarray):
        shared = np.intersect1d(a, b, assume_unique=True).size
        union = a.size + b.size - shared
        return shared / union if union else 0.0
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def shingle_hashes(words: set[str]) -> np.ndarray:
    """The shingles as sorted, distinct 64-bit hashes (BLAKE2b): a tenth of the memory of the strings.

    Two different shingles share a hash with probability 2**-64, so the Jaccard
    similarity of two articles' hashes is that of their shingles.
    """
    hashes = np.fromiter(
        (int.from_bytes(blake2b(w.encode("utf-8"), digest_size=8).digest(), "little") for w in words),
        dtype=np.uint64, count=len(words),
    )
    return np.unique(hashes)


def _low_bits(value: np.uint64) -> int:
    """MinHash input: the low 32 bits of a shingle's hash."""
    return int(value) & 0xFFFFFFFF


def find_duplicates(
    texts: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[int | None, float | None]]:
    """For each text, the index of the earlier text it is a copy of, and their similarity.

    A text is a copy of the most similar earlier original (a text that is no
    copy) at or above ``threshold``, so every group has one original (the
    first in order), which points to nothing. A text close only to a copy, not
    to its original, starts a group of its own.

    Returns:
        ``(original index or None, similarity or None)`` per text, in order.
    """
    lsh = MinHashLSH(threshold=threshold * CANDIDATE_FACTOR, num_perm=NUM_PERM)
    originals: dict[int, np.ndarray] = {}  # only originals are compared with later texts, and kept
    result: list[tuple[int | None, float | None]] = []
    for i, text in enumerate(texts):
        words = shingle_hashes(shingles(text))
        if not words.size:
            result.append((None, None))
            continue
        signature = MinHash(num_perm=NUM_PERM, hashfunc=_low_bits)
        signature.update_batch(words)
        candidates = sorted(int(c) for c in lsh.query(signature))
        scored = [(jaccard(words, originals[c]), c) for c in candidates]
        scored = [(score, c) for score, c in scored if score >= threshold]
        if scored:
            score, best = max(scored, key=lambda item: (item[0], -item[1]))
            result.append((best, round(score, 3)))
        else:
            result.append((None, None))
            lsh.insert(str(i), signature)
            originals[i] = words
    return result


def mark_duplicates(articles: pd.DataFrame, *, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """``articles`` with ``duplicate_of`` (the original's ``article_id``, or "") and ``similarity``.

    Only articles of the same language are compared: a translation is not a copy.
    """
    marked = articles.copy()
    duplicate_of = [""] * len(marked)
    similarity: list[float | None] = [None] * len(marked)
    ids = list(marked["article_id"])
    langs = marked["lang"].fillna("") if "lang" in marked else pd.Series([""] * len(marked))
    for _lang, rows in pd.Series(range(len(marked))).groupby(langs.to_numpy()):
        positions = list(rows)
        found = find_duplicates([marked["text"].iloc[p] or "" for p in positions], threshold=threshold)
        for position, (original, score) in zip(positions, found):
            if original is not None:
                duplicate_of[position] = ids[positions[original]]
                similarity[position] = score
    marked["duplicate_of"] = duplicate_of
    marked["similarity"] = pd.Series(similarity, index=marked.index, dtype="float64")
    return marked


def original_of(articles: pd.DataFrame) -> dict[str, str]:
    """``article_id -> the article it is a copy of`` (itself when it is no copy)."""
    column = articles["duplicate_of"] if "duplicate_of" in articles else pd.Series([""] * len(articles))
    return {a: (d or a) for a, d in zip(articles["article_id"], column.fillna(""))}
