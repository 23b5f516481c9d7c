"""HTML for screening results: the report index section and the side-by-side review card.

Everything shown is escaped: article text is untrusted, and list remarks are
third-party text too. Results are worded as candidates to verify, never findings.
"""

from __future__ import annotations

import html

import pandas as pd

STATUS_MARKS = {"candidate": "candidate — to verify", "confirmed": "✔ confirmed by review",
                "rejected": "✘ rejected by review"}
CAVEAT = (
    "Candidates to verify, not findings: each row is a name found in the articles that resembles an entry "
    "of a sanctions list. Two people or companies can share a name; check the entry's date of birth, "
    "nationality, addresses and identifiers against the article before writing that anyone is sanctioned."
)
IGNORE = "tex2jax_ignore mathjax_ignore"


def _e(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def lists_sentence(lists: pd.DataFrame) -> str:
    """ "Lists screened: OFAC SDN (2023-12-28), 385 entries." """
    parts = [f"{_e(row.list)}, {int(row.entries)} entries" + (f", {int(row.skipped)} rows skipped" if row.skipped else "")
             for row in lists.itertuples(index=False)]
    return "Lists screened: " + "; ".join(parts) + "."


def screening_section_html(table: pd.DataFrame, lists: pd.DataFrame, titles: dict[str, str], *,
                           max_rows: int = 30) -> str:
    """The index section: every entity's best candidate, its status, its list and date, and the sentence."""
    parts = [f"<h2>Possible sanctions-list matches</h2><p>{_e(CAVEAT)}</p><p>{lists_sentence(lists)}</p>"]
    if not len(table):
        parts.append("<p>No entity of the corpus reached the matching threshold on these lists.</p>")
        return "\n".join(parts)
    best = table.drop_duplicates("entity_id")
    rows = []
    for row in best.head(max_rows).itertuples(index=False):
        title = titles.get(row.article_id, row.article_id)
        name_only = " (name only)" if row.name_only else ""
        rows.append(
            f"<tr><td>{_e(row.entity_name)} ({_e(row.label)})</td>"
            f"<td>{_e(row.list_entry_name)} — {_e(row.list)} {_e(row.list_date)}, entry {_e(row.list_entry_id)}"
            f"<br><small>{_e(row.programs)}</small></td>"
            f"<td>{row.score:.2f}{_e(name_only)}</td><td>{_e(STATUS_MARKS.get(row.status, row.status))}</td>"
            f'<td>{_e(title)}: <span class="quote">"{_e(row.sentence)}"</span></td></tr>'
        )
    more = f"<p>{len(best) - max_rows} more in screening.csv.</p>" if len(best) > max_rows else ""
    parts.append(
        f'<table class="{IGNORE}"><caption>{len(best)} entities with at least one candidate entry '
        f"({len(table)} pairs in screening.csv)</caption><thead><tr><th>Entity in the articles</th>"
        "<th>List entry</th><th>Score</th><th>Review</th><th>First mention</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{more}"
    )
    return "\n".join(parts)


def _mark(sentence: str, name: str) -> str:
    at = sentence.casefold().find(name.casefold()) if name else -1
    if at < 0:
        return _e(sentence)
    return f"{_e(sentence[:at])}<mark>{_e(sentence[at:at + len(name)])}</mark>{_e(sentence[at + len(name):])}"


def candidate_html(row: pd.Series, titles: dict[str, str]) -> str:
    """One candidate side by side: the article's mention and sentence | the list entry with all it says."""
    title = titles.get(row["article_id"], row["article_id"])
    names = "".join(f"<li>{_e(n)}</li>" for n in str(row["list_entry_names"] or "").split("; ") if n)
    programs = _e(row["programs"]) or "—"
    caution = (" <strong>Name only</strong>: nothing but the name could be compared." if row["name_only"] else "")
    return (
        f'<div class="{IGNORE}"><table style="width:100%; table-layout:fixed"><thead><tr>'
        f"<th>In the articles</th><th>On the list: {_e(row['list'])} ({_e(row['list_date'])})</th></tr></thead>"
        f"<tbody><tr><td style='vertical-align:top'><p><b>{_e(row['entity_name'])}</b> ({_e(row['label'])})</p>"
        f"<p>First mention, in <i>{_e(title)}</i>:</p>"
        f"<blockquote>{_mark(str(row['sentence'] or ''), str(row['matched_name']))}</blockquote></td>"
        f"<td style='vertical-align:top'><p><b>{_e(row['list_entry_name'])}</b> — entry {_e(row['list_entry_id'])}, "
        f"{_e(row['list_entry_schema'])}</p><p>All names:</p><ul>{names}</ul>"
        f"<p>Programs: {programs}</p><p>Remarks: {_e(row['remarks']) or '—'}</p></td></tr></tbody></table>"
        f"<p>Score <b>{row['score']:.2f}</b> ({_e(row['algorithm'])}): {_e(row['explanation'])}.{caution}</p>"
        f"<p>Status: <b>{_e(STATUS_MARKS.get(row['status'], row['status']))}</b></p></div>"
    )
