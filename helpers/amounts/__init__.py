"""Money amounts and sanctions thresholds: the ``dossier_amounts`` spaCy component.

The component reads ``doc.text`` with regular expressions compiled once per
component from the vocabularies in ``helpers/data/amounts/`` (currency symbols,
codes and words, scale words, written numbers, threshold and approximation cues,
sanctions vocabulary), so it adds little to an ``nlp.pipe`` pass that also runs
NER. Every amount becomes a span in ``doc.spans["amounts"]`` with its value in
units, its ISO 4217 currency (crypto-assets by ticker), whether the text puts it
above or below a threshold, and whether its sentence speaks of sanctions.
:func:`amount_records` turns those spans into plain dicts
(``helpers.evaluation.evaluate_amounts`` scores them on a hand-written test set).
A shared marker whose text names no country of it (a bare "francs") has no
currency on its span; :func:`amount_records` leaves it out unless the page's
address names one.

The rules, which a methodology section can quote:

* A number is an amount only with a currency written next to it (symbol, ISO
  code, crypto ticker or currency word), or when it shares the currency of the
  amount it forms a range or a list with ("de 3 000 à 10 000 €", "$1-2 million",
  "573,6 millions et 1,55 milliard d'euros"); the left number then takes the
  right one's scale when it is smaller ("entre 1 et 5 millions" is 1 to 5 million).
  Years, counts, percentages, article numbers and dates never carry a currency,
  so they are never amounts; "500,000 USDT transfers" and "20 pounds of flour"
  are counts and weights.
* Digits are read in the article's language: French "10 000,5" and "10.000",
  English "10,000.5". Spaces and apostrophes group thousands; a lone "," or "."
  followed by exactly three digits groups thousands too, since money has no
  third decimal, except the language's decimal mark before a scale word or a
  crypto ticker ("1,500 milliard", "0.125 BTC"). Other languages get a reading
  that accepts both conventions.
* "millions de dollars" or "hundreds of millions of dollars" with no numeral is a
  vague amount: currency but no value.
* A threshold is read from cue phrases just before the amount, with only
  fillers between ("dépassant la valeur de EUR 10 000"), or just after it ("or
  more", "au maximum", "a $60-a-barrel price cap"). An explicit comparison wins
  over a cap ("dépasse le plafond de 60 dollars" is above); a negation flips a
  comparison ("must not exceed" is below); an amount coordinated with the
  previous one shares its threshold ("$60 for crude and $100 for …").
* An amount in brackets right after another one ("EUR 10 000 (10 900 USD)"), or
  introduced by "soit"/"i.e.", converts it: it takes its threshold and points to
  it with ``linked_to``.
* Cues and the sanctions vocabulary are searched in the amount's sentence, cut
  at line breaks (headings and list items have no final stop); a fine or a
  penalty, and any amount of a sentence that opens by pointing back ("These
  ...", "À cet égard, ..."), also reads the sanctions vocabulary of the sentence
  before it in its paragraph, and money laundered is never a sanctions context.
* A marker several countries share ("$", "francs", "dirhams", "Rs") names the
  currency of the country the text is about, weighed from its cues; the
  country of the page's address is one more cue, weighed when the amounts of
  an article are read with its url (``amount_records(doc, url=...)``,
  :func:`build_amounts`): "$5 million" on a ``.com.au`` page is Australian.

One module per job, the import graph running one way: ``vocabulary`` reads the
data files, ``domains`` the country and currencies of a page's address,
``numbers`` reads digits and written numbers, ``patterns`` builds every
regular expression from the vocabularies, ``local`` weighs a shared marker's
currency from its text's and its page's cues, ``component`` is the spaCy
component, ``records`` turns its spans into plain records and ``table`` a
corpus's records into the amounts table.
"""

from helpers.amounts.component import DEFAULT_CONFIG, SPANS_KEY, AmountTagger, make_amount_tagger
from helpers.amounts.domains import page_country, page_currencies
from helpers.amounts.numbers import parse_number
from helpers.amounts.local import settle_currencies
from helpers.amounts.records import RECORD_KEYS, amount_records, raw_amount_records
from helpers.amounts.table import AMOUNT_COLUMNS, build_amounts
from helpers.amounts.vocabulary import DATA_DIR, available_vocabularies, default_vocabularies

__all__ = [
    "AMOUNT_COLUMNS",
    "DATA_DIR",
    "DEFAULT_CONFIG",
    "RECORD_KEYS",
    "SPANS_KEY",
    "AmountTagger",
    "amount_records",
    "available_vocabularies",
    "build_amounts",
    "default_vocabularies",
    "make_amount_tagger",
    "page_country",
    "page_currencies",
    "parse_number",
    "raw_amount_records",
    "settle_currencies",
]
