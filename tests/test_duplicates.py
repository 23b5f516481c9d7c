"""Near-duplicate articles (helpers.duplicates): copies found, recorded, and nothing else."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.duplicates import find_duplicates, mark_duplicates, original_of, shingles

STORY = (
    "Binance agreed to pay 4.3 billion dollars to settle charges brought by the Justice Department. "
    "Its founder Changpeng Zhao pleaded guilty in Seattle and stepped down as chief executive. "
    "Prosecutors said the exchange let users in Iran and Russia trade without checks for years. "
    "Richard Teng, a former regulator in Abu Dhabi, takes over the company."
)
OTHER = (
    "Garantex, a crypto exchange registered in Estonia and run from Moscow, was sanctioned by OFAC. "
    "Investigators say it moved more than one hundred million dollars for darknet markets and ransomware gangs."
)


def articles(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "lang", "text"])


@pytest.mark.parametrize("copy", [
    STORY,  # a re-post, word for word
    "By Fixture Wire staff. " + STORY + " Read more on our website.",  # byline and footer added
    STORY.replace("4.3 billion dollars", "$4.3bn").replace("stepped down", "resigned"),  # lightly edited
])
def test_mark_duplicates_records_the_copy_with_its_similarity(copy):
    marked = mark_duplicates(articles(("a", "en", STORY), ("b", "en", OTHER), ("c", "en", copy)))
    assert marked["duplicate_of"].tolist() == ["", "", "a"]
    assert marked["similarity"].isna().tolist() == [True, True, False]
    assert 0.4 <= marked.loc[2, "similarity"] <= 1.0


def test_mark_duplicates_leaves_distinct_articles_alone():
    marked = mark_duplicates(articles(("a", "en", STORY), ("b", "en", OTHER), ("c", "en", "")))
    assert marked["duplicate_of"].tolist() == ["", "", ""]
    assert marked["similarity"].isna().all()


def test_mark_duplicates_does_not_call_a_translation_a_copy():
    marked = mark_duplicates(articles(("a", "en", STORY), ("b", "fr", STORY)))
    assert marked["duplicate_of"].tolist() == ["", ""]


def test_a_copy_of_a_copy_points_to_the_first_of_the_group():
    second = STORY + " The settlement is the largest in the history of the Treasury."
    third = second + " Shares of rival exchanges rose on the news."
    found = find_duplicates([STORY, OTHER, second, third])
    assert [original for original, _score in found] == [None, None, 0, 0]
    assert original_of(mark_duplicates(articles(("a", "en", STORY), ("b", "en", OTHER), ("c", "en", second),
                                                ("d", "en", third)))) == {"a": "a", "b": "b", "c": "a", "d": "a"}


def test_shingles_ignore_case_and_punctuation():
    assert shingles("Binance, Binance AND binance!") == shingles("binance binance and Binance")


def test_seed_revisions_of_one_wikipedia_article_are_the_only_copies():
    from helpers.articles import load_articles
    from helpers.paths import SEEDS

    marked = mark_duplicates(load_articles([SEEDS]).articles)
    copies = marked[marked["duplicate_of"] != ""]
    names = {a: p.rsplit("/", 1)[-1] for a, p in zip(marked["article_id"], marked["path"])}
    assert [(names[a], names[d]) for a, d in zip(copies["article_id"], copies["duplicate_of"])] == [
        ("20_vvikipidea-fr-changpeng-zhao-2022.md", "16_wikiwand-fr-changpeng-zhao.md")]


def test_copies_are_compared_with_the_original_only(monkeypatch):
    """Many copies of one story cost one comparison each, not one per earlier copy."""
    import helpers.duplicates as duplicates

    calls = []
    real = duplicates.jaccard
    monkeypatch.setattr(duplicates, "jaccard", lambda a, b: calls.append(1) or real(a, b))
    texts = [f"{STORY} Copy number {i} of the wire story." for i in range(60)]
    found = find_duplicates(texts)
    assert [original for original, _score in found] == [None] + [0] * 59
    assert len(calls) == 59


def test_similarity_is_measured_against_the_original_it_points_to():
    copy = STORY + " The settlement is the largest in the history of the Treasury."
    (_, _), (original, score) = find_duplicates([STORY, copy])
    assert original == 0
    assert score == round(len(shingles(STORY) & shingles(copy)) / len(shingles(STORY) | shingles(copy)), 3)


def test_copies_just_above_the_threshold_are_found():
    """Pairs at a Jaccard similarity of 0.43: an index tuned at the threshold finds about two in three,
    candidates from 0.6 of it about 29 in 30."""
    import random

    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)]
    texts = []
    for _ in range(40):
        words = [rng.choice(vocabulary) for _ in range(300)]
        texts += [" ".join(words), " ".join(words[:180] + [rng.choice(vocabulary) for _ in range(120)])]
    found = find_duplicates(texts)
    copies = [(i, found[i + 1]) for i in range(0, 80, 2) if found[i + 1][0] is not None]
    assert all(original == i and 0.4 <= score <= 0.45 for i, (original, score) in copies)
    assert len(copies) >= 37
    assert all(original is None for original, _score in found[0::2])
