"""Text normalisation and the split of trailing related-links blocks (helpers.text)."""

from __future__ import annotations

import unicodedata

import pytest

from helpers.text import normalize_text, split_related

# An article body long enough that a block after it sits in the text's last half.
BODY = (
    "Investigators followed the money through three countries and a dozen shell companies, "
    "according to court filings reviewed by reporters.\n\n"
    "The bank said it had closed the accounts as soon as it learned of the sanctions and that it "
    "was cooperating fully with the authorities in every country concerned.\n\n"
    "Prosecutors have not said whether they intend to charge any of the bank's employees."
)
CORPS = (
    "Les enquêteurs ont suivi l'argent à travers trois pays et une douzaine de sociétés écrans, "
    "selon des documents judiciaires consultés par la rédaction.\n\n"
    "La banque affirme avoir fermé les comptes dès qu'elle a appris l'existence des sanctions et "
    "coopérer pleinement avec les autorités de chacun des pays concernés."
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Cafe\u0301", "Café"),  # decomposed accent -> NFC
        ("E\u0301lise a rec\u0327u", "Élise a reçu"),
        ("l\u2019argent", "l'argent"),  # typographic apostrophe
        ("\u2018quoted\u2019", "'quoted'"),
        ("\u201cquoted\u201d", '"quoted"'),
        ("\u201equoted\u201c", '"quoted"'),
        ("l\u02bcargent", "l'argent"),
        ("10\u00a0000 euros", "10 000 euros"),  # no-break space
        ("10\u202f000 euros", "10 000 euros"),  # narrow no-break space
        ("Quoi\u2009?", "Quoi ?"),  # thin space
        ("zero\u200bwidth", "zerowidth"),
        ("zero\u200c\u200dwidth\u2060", "zerowidth"),
        ("\ufeffbom inside", "bom inside"),
        ("one\r\ntwo", "one\ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("one\u2028two\u2029three", "one\ntwo\nthree"),
        ("trailing   \nspaces\t\nend", "trailing\nspaces\nend"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("  padded  \n", "padded"),
    ],
)
def test_normalize_text_maps_characters(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "L\u2019e\u0301te\u0301\u00a0: 2\u202f500\u00a0\u20ac\r\nsuite\u200b",
        "\u201cRead\u201d\u2009more\r\r\r\rlater",
        BODY,
        CORPS,
    ],
)
def test_normalize_text_is_idempotent_and_nfc(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not set(once) & {"\u00a0", "\u202f", "\u2009", "\u200b", "\r", "\u2019", "\u201c", "\u201d"}


@pytest.mark.parametrize(
    ("body", "block"),
    [
        (CORPS, "____\nApprendre encore plus:\n– Binance gagne la journée devant le tribunal\n– Binance investit 200 millions"),
        (CORPS, "Lire aussi :\n- Le parquet ouvre une enquête\n- Qui sont les actionnaires"),
        (CORPS, "À lire aussi\n- Le parquet ouvre une enquête"),
        (BODY, "Read more\n- How the money moved\n- Who owns the bank"),
        (BODY, "Read more:\n- How the money moved"),
        (BODY, "Related\n- How the money moved"),
        (BODY, "Related articles:\n- How the money moved\n- Who owns the bank"),
        (BODY, "See also\n* How the money moved"),
        (BODY, "## Further reading\n- [How the money moved](https://example.org/a)"),
        (BODY, "----\n- How the money moved\n- Who owns the bank"),
        (BODY, "____\nhttps://example.org/a\nhttps://example.org/b"),
    ],
)
def test_split_related_splits_trailing_block(body, block):
    got_body, related = split_related(normalize_text(body + "\n\n" + block))
    assert got_body == normalize_text(body)
    assert related == normalize_text(block)


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        CORPS,
        # A heading early in the article is part of it, not a related block.
        "See also\n" + BODY + "\n\n" + BODY,
        # A section break followed by more reporting is part of the article.
        BODY + "\n\n***\n\nThe second part of the story picks up a year later, when auditors "
        "found that the same accounts had been reopened under new names.",
        BODY + "\n\n---\n\nLa deuxième partie de l'enquête commence un an plus tard, quand les "
        "auditeurs découvrent que les mêmes comptes ont été rouverts sous d'autres noms.",
        # "Related" inside a sentence is not a heading.
        BODY + "\n\nRelated payments were made in 2021 and 2022, the filings show.",
    ],
)
def test_split_related_keeps_text_without_block(text):
    text = normalize_text(text)
    assert split_related(text) == (text, "")


def test_split_related_needs_enough_body_before_the_block():
    short = "A short note on the bank's accounts.\n\nRead more\n- one"
    assert split_related(short) == (short, "")
    assert split_related(short, min_body_chars=0) == ("A short note on the bank's accounts.", "Read more\n- one")
