"""Safe HTML views of tables, articles and sentences, rendered from Jinja2 templates.

Article text is untrusted. The templates (``helpers/templates/html/``) are
rendered with autoescaping, and every ``{{ value }}`` goes through
:func:`escape` on output, so nothing from an article is ever rendered as
Markdown or as HTML it wrote itself; the Python side only picks the values.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import jinja2
import pandas as pd

from helpers.labels import SHOWN_LABELS

TEX_IGNORE = "tex2jax_ignore mathjax_ignore"
#: Table cells read left to right, top-aligned (JupyterLab right-aligns them by default).
CELL_STYLE = "text-align: left; vertical-align: top"
#: Wraps long text at spaces; a long URL or word still breaks rather than overflow.
WRAP_STYLE = "white-space: pre-wrap; word-break: normal; overflow-wrap: break-word"
#: Longest table cell shown whole; longer ones are cut at a word, the whole on hover.
MAX_CELL_CHARS = 200


def escape(value: object) -> str:
    """Escape any value for HTML text or attribute context; None and NaN give ""."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


class _Escaped(str):
    """Text escaped by :func:`escape`; autoescaping leaves it as it is (the ``__html__`` protocol)."""

    def __html__(self) -> str:
        return str(self)


def _finalize(value: object) -> object:
    """Every ``{{ value }}`` of a template: markup built by a template as is, anything else escaped."""
    return value if hasattr(value, "__html__") else _Escaped(escape(value))


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("helpers", "templates/html"),
    autoescape=True,
    finalize=_finalize,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
_ENV.globals.update(tex_ignore=TEX_IGNORE, cell_style=CELL_STYLE, wrap_style=WRAP_STYLE)


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with "…" when cut."""
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    if not text[len(cut)].isspace():
        space = max(cut.rfind(" "), cut.rfind("\n"))
        if space > 0:
            cut = cut[:space]
    return cut.rstrip(" \n,;:") + "…"


def clip_left(text: str, limit: int) -> str:
    """The end of ``text``, at most ``limit`` characters, starting at a word boundary, "…" first when cut."""
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[len(text) - max(limit - 1, 1):]
    if not text[len(text) - len(cut) - 1].isspace():
        space = cut.find(" ")
        if 0 <= space < len(cut) - 1:
            cut = cut[space + 1:]
    return "…" + cut.lstrip()


def article_titles(articles: pd.DataFrame, *, limit: int | None = None) -> dict[str, str]:
    """``article_id -> label`` that tells articles apart.

    The label is the title (cut at a word to ``limit`` characters); for a title
    shared by several articles, the source and publication date follow it, or
    else the start of the article id, so that no two labels are the same.
    """
    frame = articles.reindex(columns=["article_id", "title", "source", "published"]).fillna("")
    titles = frame["title"].astype(str).str.strip()
    titles = titles.where(titles != "", frame["article_id"].astype(str))
    short = titles.map(lambda t: clip(t, limit) if limit else t)
    labels = dict(zip(frame["article_id"], short))
    for index in titles[titles.duplicated(keep=False)].index:
        row = frame.loc[index]
        extra = ", ".join(part for part in (clip(str(row["source"]), 32), str(row["published"])[:10]) if part)
        if extra:
            labels[row["article_id"]] = f"{short[index]} ({extra})"
    counts = pd.Series(list(labels.values()), dtype=object).value_counts()
    for aid, label in list(labels.items()):
        if counts[label] > 1:
            labels[aid] = f"{label} [{str(aid)[:8]}]"
    return labels


def _render(template: str, **context: object) -> str:
    return str(_ENV.get_template(template).render(**context)).strip("\n")


def _cell(value: object, limit: int) -> tuple[object, str | None]:
    """``(shown, whole or None)``: a text longer than ``limit`` is cut at a word."""
    if isinstance(value, str) and len(value) > limit:
        return clip(value, limit), value
    return value, None


def _table_context(frame: pd.DataFrame, *, max_rows: int, caption: str,
                   max_chars: int = MAX_CELL_CHARS) -> dict[str, object]:
    shown = frame.head(max_rows)
    more = f" (first {len(shown)} of {len(frame)})" if len(frame) > len(shown) else f" ({len(frame)} rows)"
    return {
        "columns": list(shown.columns),
        "rows": [[_cell(v, max_chars) for v in row] for row in shown.itertuples(index=False, name=None)],
        "caption": caption,
        "more": more,
    }


def table_html(frame: pd.DataFrame, *, max_rows: int = 20, caption: str = "",
               max_chars: int = MAX_CELL_CHARS) -> str:
    """An escaped HTML table of the first ``max_rows`` rows, with the total count.

    A cell longer than ``max_chars`` is cut at a word, "…" marking the cut; the
    whole text shows on hover (and stays whole in the data files).
    """
    return _render("table.html.j2", t=_table_context(frame, max_rows=max_rows, caption=caption,
                                                     max_chars=max_chars))


def _around(text: str, start: int, end: int, *, width: int | None = None) -> tuple[str, str, str]:
    """``(before, mention, after)`` of ``text[start:end]``; ``width`` trims the context."""
    left, middle, right = text[:start], text[start:end], text[end:]
    if width is not None:
        left, right = clip_left(left, width), clip(right, width)
    return left, middle, right


def _whole_if_cut(text: str, start: int, end: int, width: int | None) -> str | None:
    """The whole sentence when :func:`_around` cuts it (for a hover title), else None."""
    return text if width is not None and (start > width or len(text) - end > width) else None


def highlight(text: str, start: int, end: int, *, width: int | None = None) -> str:
    """``text`` escaped with ``text[start:end]`` in a ``<mark>``; ``width`` trims the context."""
    return _render("highlight.html.j2", parts=_around(text, start, end, width=width))


def message_html(text: str, *, error: bool = False) -> str:
    """A one-line message, escaped; red when it reports an error."""
    return _render("message.html.j2", text=text, error=error)


def usage_html(text: str) -> str:
    """How to use a live view's controls, in italics (never part of a static rendering)."""
    return _render("usage.html.j2", text=text)


def figure_html(png: str) -> str:
    """An embedded PNG figure (base64), for static renderings that hold several views."""
    return _render("figure.html.j2", png=png)


def _present(value: object) -> bool:
    return value not in (None, "") and not (isinstance(value, float) and value != value)


def article_html(article: pd.Series) -> str:
    """One article: title, metadata and body, all escaped."""
    meta_fields = ["article_id", "lang", "published", "source", "url", "path", "licence", "n_chars"]
    return _render(
        "article.html.j2",
        title=article.get("title"),
        meta=[(k, article.get(k)) for k in meta_fields if _present(article.get(k))],
        text=article.get("text"),
        related=article.get("related") or "",
    )


def kwic_html(rows: pd.DataFrame, titles: dict[str, str], *, width: int = 80, max_rows: int = 50) -> str:
    """Keyword in context: each row's sentence with the mention highlighted, and its article.

    ``rows`` needs ``article_id``, ``sentence``, and the mention's offsets inside
    the sentence as ``s_start``/``s_end``.
    """
    shown = [
        {"title": titles.get(row.article_id, row.article_id),
         "parts": _around(row.sentence, row.s_start, row.s_end, width=width),
         "full": _whole_if_cut(row.sentence, row.s_start, row.s_end, width)}
        for row in rows.head(max_rows).itertuples(index=False)
    ]
    return _render("kwic.html.j2", rows=shown, hidden=len(rows) - max_rows)


def index_sections(tables: Mapping[str, pd.DataFrame], *, thresholds: bool = True) -> str:
    """The report index's findings, each with its article title and quoted sentence.

    Args:
        tables: the workspace tables by name; ``articles`` is needed, the
            others (``skipped``, ``entities``, ``mentions``, ``amounts``,
            ``relations``, ``relation_evidence``) add their section when present.
        thresholds: False leaves the thresholds out, for an index that shows them first.
    """
    context = _index_context(tables)
    if not thresholds:
        context["thresholds"] = None
    return _render("index_sections.html.j2", **context)


def _index_context(tables: Mapping[str, pd.DataFrame]) -> dict[str, object]:
    articles = tables["articles"]
    skipped = tables.get("skipped", pd.DataFrame())
    titles = article_titles(articles)
    langs = ", ".join(f"{k}: {v}" for k, v in articles["lang"].value_counts().items())
    copies = int((articles["duplicate_of"].fillna("") != "").sum()) if "duplicate_of" in articles else 0
    return {
        "corpus": {"articles": len(articles), "langs": langs, "skipped": len(skipped), "copies": copies},
        "skipped": _table_context(skipped[["path", "reason"]], max_rows=20, caption="Skipped files and why") if len(skipped) else None,
        "entities": _top_entities(tables["entities"], tables["mentions"], titles)
        if "entities" in tables and "mentions" in tables else None,
        "thresholds": _thresholds(tables["amounts"], titles) if "amounts" in tables else None,
        "relations": _strongest_relations(tables["relations"], tables["relation_evidence"], titles)
        if "relations" in tables and "relation_evidence" in tables else None,
    }


def _first_quote(rows: pd.DataFrame, titles: dict[str, str]) -> tuple[str, str] | None:
    """``(article title, sentence)`` of the first row (with ``article_id`` and ``sentence``)."""
    if not len(rows):
        return None
    row = rows.iloc[0]
    return titles.get(row["article_id"], row["article_id"]), row["sentence"]


def _top_entities(entities: pd.DataFrame, mentions: pd.DataFrame, titles: dict[str, str],
                  top: int = 10) -> list[dict[str, object]]:
    return [
        {"name": e.name, "label": e.label, "mentions": e.mentions, "articles": e.articles,
         "quote": _first_quote(mentions[mentions["entity_id"] == e.entity_id], titles)}
        for e in entities[entities["label"].isin(SHOWN_LABELS)].head(top).itertuples(index=False)
    ]


def _money(value: object) -> str:
    return "" if value is None or value != value else f"{value:,.2f}"


def _thresholds(amounts: pd.DataFrame, titles: dict[str, str], top: int = 20) -> dict[str, object]:
    found = amounts[amounts["threshold"].notna() & (amounts["threshold"] != "")]
    rows = [
        {"text": a.text, "value": _money(a.value), "currency": a.currency, "threshold": a.threshold,
         "sanctions": "yes" if a.sanctions_context else "",
         "title": titles.get(a.article_id, a.article_id), "sentence": a.sentence}
        for a in found.head(top).itertuples(index=False)
    ]
    return {"found": len(found), "total": len(amounts), "rows": rows}


def _strongest_relations(relations: pd.DataFrame, evidence: pd.DataFrame, titles: dict[str, str],
                         top: int = 10) -> list[dict[str, object]]:
    return [
        {"source": r.source, "target": r.target, "weight": r.weight,
         "quote": _first_quote(
             evidence[(evidence["source_id"] == r.source_id) & (evidence["target_id"] == r.target_id)], titles)}
        for r in relations.head(top).itertuples(index=False)
    ]


def amounts_html(amounts: pd.DataFrame, titles: dict[str, str], *, max_rows: int = 40, width: int = 100) -> str:
    """Amounts with their article and sentence, the amount highlighted; all escaped."""
    rows = []
    for a in amounts.head(max_rows).itertuples(index=False):
        local = a.start - a.sentence_start
        flags = ", ".join(f for f, on in (("approx.", a.approximate), ("vague", a.vague),
                                          ("sanctions", a.sanctions_context)) if bool(on))
        rows.append({
            "text": a.text, "value": _money(a.value), "currency": a.currency, "threshold": a.threshold,
            "flags": flags, "title": titles.get(a.article_id, a.article_id),
            "parts": _around(a.sentence, local, local + len(a.text), width=width),
            "full": _whole_if_cut(a.sentence, local, local + len(a.text), width),
        })
    return _render("amounts.html.j2", rows=rows, total=len(amounts), hidden=len(amounts) - max_rows)


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
    """Evidence sentences of a relation with their article, all escaped.

    With a ``counted`` column, a passage that does not add to the weight (a
    copy of another article, a sentence already counted) says so.
    """
    counted = evidence["counted"] if "counted" in evidence else pd.Series(True, index=evidence.index)
    rows = [
        {"title": titles.get(e.article_id, e.article_id), "number": int(e.sentence_id) + 1, "sentence": e.sentence,
         "counted": bool(c)}
        for e, c in zip(evidence.head(max_rows).itertuples(index=False), counted.head(max_rows))
    ]
    return _render("evidence.html.j2", rows=rows, caption=caption, hidden=len(evidence) - max_rows)


def relations_with_sources(relations: pd.DataFrame, evidence: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Relations with the article their quoted evidence comes from (sentences whole: tables cut them)."""
    first = evidence.drop_duplicates(["source_id", "target_id"]).set_index(["source_id", "target_id"])["article_id"]
    article = [titles.get(first.get((s, t), ""), "") for s, t in zip(relations["source_id"], relations["target_id"])]
    columns = [c for c in ("source", "target", "weight", "articles", "sources") if c in relations]
    return relations[columns].assign(article=article, evidence=relations["evidence"])
