"""Safe HTML views of tables, articles and sentences.

Article text is untrusted: everything that comes from an article goes through
:func:`html.escape` here, and nothing from an article is ever rendered as
Markdown or as HTML it wrote itself.
"""

from __future__ import annotations

import html

import pandas as pd

from helpers.workspace import Workspace

TEX_IGNORE = "tex2jax_ignore mathjax_ignore"


def escape(value: object) -> str:
    """Escape any value for HTML text or attribute context."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def table_html(frame: pd.DataFrame, *, max_rows: int = 20, caption: str = "") -> str:
    """An escaped HTML table of the first ``max_rows`` rows, with the total count."""
    shown = frame.head(max_rows)
    head = "".join(f"<th>{escape(c)}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
        for row in shown.itertuples(index=False, name=None)
    )
    more = f" (first {len(shown)} of {len(frame)})" if len(frame) > len(shown) else f" ({len(frame)} rows)"
    cap = f"<caption>{escape(caption)}{escape(more)}</caption>" if caption else ""
    return f'<table class="dossier-table {TEX_IGNORE}">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def highlight(text: str, start: int, end: int, *, width: int | None = None) -> str:
    """``text`` escaped with ``text[start:end]`` in a ``<mark>``; ``width`` trims the context."""
    left, middle, right = text[:start], text[start:end], text[end:]
    if width is not None:
        left = ("…" + left[-width:]) if len(left) > width else left
        right = (right[:width] + "…") if len(right) > width else right
    return f"{escape(left)}<mark>{escape(middle)}</mark>{escape(right)}"


def article_html(article: pd.Series) -> str:
    """One article: title, metadata and body, all escaped."""
    meta_fields = ["article_id", "lang", "published", "source", "url", "path", "licence", "n_chars"]
    meta = "".join(
        f"<tr><th>{escape(k)}</th><td>{escape(article.get(k))}</td></tr>"
        for k in meta_fields
        if article.get(k) not in (None, "") and not (isinstance(article.get(k), float) and article.get(k) != article.get(k))
    )
    related = article.get("related") or ""
    related_html = (
        f"<details><summary>Related-links block (not analysed)</summary>"
        f'<pre style="white-space: pre-wrap">{escape(related)}</pre></details>'
        if related
        else ""
    )
    return (
        f'<div class="{TEX_IGNORE}"><h3>{escape(article.get("title"))}</h3>'
        f"<table>{meta}</table>"
        f'<pre style="white-space: pre-wrap; font-family: inherit">{escape(article.get("text"))}</pre>'
        f"{related_html}</div>"
    )


def kwic_html(rows: pd.DataFrame, titles: dict[str, str], *, width: int = 80, max_rows: int = 50) -> str:
    """Keyword in context: each row's sentence with the mention highlighted, and its article.

    ``rows`` needs ``article_id``, ``sentence``, and the mention's offsets inside
    the sentence as ``s_start``/``s_end``.
    """
    lines = []
    for row in rows.head(max_rows).itertuples(index=False):
        lines.append(
            f"<tr><td>{escape(titles.get(row.article_id, row.article_id))}</td>"
            f"<td>{highlight(row.sentence, row.s_start, row.s_end, width=width)}</td></tr>"
        )
    more = f"<p>{len(rows) - max_rows} more not shown.</p>" if len(rows) > max_rows else ""
    return (
        f'<table class="{TEX_IGNORE}"><thead><tr><th>Article</th><th>Sentence</th></tr></thead>'
        f'<tbody>{"".join(lines)}</tbody></table>{more}'
    )


def index_sections(workspace: Workspace) -> str:
    """The report index's findings, each with its article title and quoted sentence."""
    parts = []
    articles = workspace.read_table("articles")
    skipped = workspace.read_table("skipped") if workspace.has_table("skipped") else pd.DataFrame()
    titles = dict(zip(articles["article_id"], articles["title"]))
    langs = ", ".join(f"{escape(k)}: {v}" for k, v in articles["lang"].value_counts().items())
    parts.append(
        f"<h2>Corpus</h2><p>{len(articles)} articles loaded ({langs}); {len(skipped)} items skipped.</p>"
    )
    if len(skipped):
        parts.append(table_html(skipped, caption="Skipped files and why"))
    if workspace.has_table("entities") and workspace.has_table("mentions"):
        parts.append(_top_entities(workspace, titles))
    if workspace.has_table("amounts"):
        parts.append(_thresholds(workspace, titles))
    if workspace.has_table("relations") and workspace.has_table("relation_evidence"):
        parts.append(_strongest_relations(workspace, titles))
    return "\n".join(parts)


def _first_quote(rows: pd.DataFrame, titles: dict[str, str]) -> str:
    """'Article title: "sentence"' of the first row (with ``article_id`` and ``sentence``), escaped."""
    if not len(rows):
        return ""
    row = rows.iloc[0]
    title = titles.get(row["article_id"], row["article_id"])
    return f'{escape(title)}: <span class="quote">"{escape(row["sentence"])}"</span>'


def _top_entities(workspace: Workspace, titles: dict[str, str], top: int = 10) -> str:
    entities = workspace.read_table("entities").head(top)
    mentions = workspace.read_table("mentions")
    rows = []
    for ent in entities.itertuples(index=False):
        quote = _first_quote(mentions[mentions["entity_id"] == ent.entity_id], titles)
        rows.append(
            f"<tr><td>{escape(ent.name)}</td><td>{escape(ent.label)}</td><td>{ent.mentions}</td>"
            f"<td>{ent.articles}</td><td>{quote}</td></tr>"
        )
    return (
        f"<h2>Top entities</h2><table class=\"{TEX_IGNORE}\"><thead><tr><th>Entity</th><th>Label</th>"
        "<th>Mentions</th><th>Articles</th><th>First mention (article: sentence)</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _thresholds(workspace: Workspace, titles: dict[str, str], top: int = 20) -> str:
    amounts = workspace.read_table("amounts")
    found = amounts[amounts["threshold"].notna() & (amounts["threshold"] != "")]
    rows = []
    for a in found.head(top).itertuples(index=False):
        value = "" if a.value is None or a.value != a.value else f"{a.value:,.2f}"
        rows.append(
            f"<tr><td>{escape(a.text)}</td><td>{escape(value)}</td><td>{escape(a.currency)}</td>"
            f"<td>{escape(a.threshold)}</td><td>{'yes' if a.sanctions_context else ''}</td>"
            f"<td>{escape(titles.get(a.article_id, a.article_id))}</td>"
            f'<td class="quote">"{escape(a.sentence)}"</td></tr>'
        )
    return (
        f"<h2>Thresholds found</h2><p>{len(found)} of {len(amounts)} amounts are thresholds.</p>"
        f"<table class=\"{TEX_IGNORE}\"><thead><tr><th>Amount</th><th>Value</th><th>Currency</th>"
        "<th>Direction</th><th>Sanctions context</th><th>Article</th><th>Sentence</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _strongest_relations(workspace: Workspace, titles: dict[str, str], top: int = 10) -> str:
    relations = workspace.read_table("relations").head(top)
    evidence = workspace.read_table("relation_evidence")
    rows = []
    for r in relations.itertuples(index=False):
        quote = _first_quote(
            evidence[(evidence["source_id"] == r.source_id) & (evidence["target_id"] == r.target_id)], titles
        )
        rows.append(
            f"<tr><td>{escape(r.source)}</td><td>{escape(r.target)}</td><td>{r.weight}</td><td>{quote}</td></tr>"
        )
    return (
        f"<h2>Strongest relations</h2><table class=\"{TEX_IGNORE}\"><thead><tr><th>Entity</th><th>Entity</th>"
        "<th>Sentences</th><th>Evidence (article: sentence)</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def amounts_html(amounts: pd.DataFrame, titles: dict[str, str], *, max_rows: int = 40, width: int = 100) -> str:
    """Amounts with their article and sentence, the amount highlighted; all escaped."""
    rows = []
    for a in amounts.head(max_rows).itertuples(index=False):
        local = a.start - a.sentence_start
        quote = highlight(a.sentence, local, local + len(a.text), width=width)
        value = "" if a.value is None or a.value != a.value else f"{a.value:,.2f}"
        flags = ", ".join(f for f, on in (("approx.", a.approximate), ("vague", a.vague),
                                          ("sanctions", a.sanctions_context)) if bool(on))
        rows.append(
            f"<tr><td>{escape(a.text)}</td><td>{escape(value)}</td><td>{escape(a.currency)}</td>"
            f"<td>{escape(a.threshold)}</td><td>{escape(flags)}</td>"
            f"<td>{escape(titles.get(a.article_id, a.article_id))}</td><td>{quote}</td></tr>"
        )
    more = f"<p>{len(amounts) - max_rows} more not shown.</p>" if len(amounts) > max_rows else ""
    return (
        f'<p>{len(amounts)} amounts.</p><table class="{TEX_IGNORE}"><thead><tr><th>Amount</th><th>Value</th>'
        "<th>Currency</th><th>Direction</th><th>Flags</th><th>Article</th><th>Sentence</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{more}"
    )


def locate_in_sentences(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Mentions with ``s_start``/``s_end`` (offsets inside their sentence), from the article text.

    For when the ``sentences`` table is not at hand: the sentence is found in
    the article text where it covers the mention, so repeated sentences do not
    mislead. A sentence that is not in the text falls back to the first
    occurrence of the mention in it.
    """
    texts = dict(zip(articles["article_id"], articles["text"]))
    starts, ends = [], []
    for aid, start, end, sentence, form in zip(
        mentions["article_id"], mentions["start"], mentions["end"], mentions["sentence"], mentions["text"]
    ):
        text, sentence = texts.get(aid) or "", sentence or ""
        begin = text.rfind(sentence, max(0, int(end) - len(sentence)), int(start) + len(sentence)) if sentence else -1
        local = int(start) - begin if begin >= 0 else max(sentence.find(form or ""), 0)
        starts.append(local)
        ends.append(local + int(end) - int(start))
    located = mentions.copy()
    located["s_start"], located["s_end"] = starts, ends
    return located


def evidence_html(evidence: pd.DataFrame, titles: dict[str, str], *, caption: str = "", max_rows: int = 50) -> str:
    """Evidence sentences of a relation with their article, all escaped."""
    rows = "".join(
        f'<tr><td style="text-align: left">{escape(titles.get(e.article_id, e.article_id))}</td>'
        f"<td>{escape(int(e.sentence_id) + 1)}</td>"
        f'<td class="quote" style="text-align: left">{escape(e.sentence)}</td></tr>'
        for e in evidence.head(max_rows).itertuples(index=False)
    )
    more = f"<p>{len(evidence) - max_rows} more not shown.</p>" if len(evidence) > max_rows else ""
    cap = f"<p>{escape(caption)}</p>" if caption else ""
    return (
        f'{cap}<table class="{TEX_IGNORE}"><thead><tr><th>Article</th><th>Sentence no.</th><th>Sentence</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>{more}"
    )


def relations_with_sources(relations: pd.DataFrame, evidence: pd.DataFrame, titles: dict[str, str],
                           *, width: int = 200) -> pd.DataFrame:
    """Relations with the title of the article their quoted evidence comes from."""
    first = evidence.drop_duplicates(["source_id", "target_id"]).set_index(["source_id", "target_id"])["article_id"]
    article = [titles.get(first.get((s, t), ""), "") for s, t in zip(relations["source_id"], relations["target_id"])]
    shown = relations[["source", "target", "weight", "articles"]].assign(
        article=article, evidence=relations["evidence"].str.slice(0, width))
    return shown
