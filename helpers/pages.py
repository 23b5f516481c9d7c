"""The report's own pages from Jinja2 templates: the index, and the single self-contained file.

Templates live in ``helpers/templates/html/`` (beside those of :mod:`helpers.views`) and autoescape every value, so
article text reaches them as text. The single file gathers the index and every
notebook page; :func:`localise` makes each page's HTML stand alone in it: ids
made unique, links to pages turned into links to their section, links to data
files into ``data:`` URIs, and anything that could run or load from elsewhere
removed (the pages carry none; this is the second lock after escaping).
"""

from __future__ import annotations

import base64
import logging
import mimetypes
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2
from bs4 import BeautifulSoup
from markupsafe import Markup

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates" / "html"
#: The policy of every page: no script, nothing loaded but what the page itself holds.
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
       "base-uri 'none'; form-action 'none'")
#: File name of the single self-contained report.
SINGLE_FILE = "dossier-report.html"

_RUNNABLE_TAGS = ("script", "iframe", "frame", "object", "embed", "applet", "base", "link", "meta", "form", "noscript")
_URL_ATTRIBUTES = ("href", "src", "xlink:href", "action", "formaction", "poster", "background", "srcset")
_SAFE_LINK = re.compile(r"^(https?:|mailto:|#)", re.I)
_MIME = {".csv": "text/csv", ".graphml": "application/xml", ".gexf": "application/xml",
         ".json": "application/json", ".png": "image/png"}


@dataclass
class Figure:
    """A picture with the CSV behind it."""

    title: str
    png: bytes
    csv: str
    alt: str = ""

    @property
    def src(self) -> str:
        return data_uri(self.png, mime="image/png")


@dataclass
class Table:
    """Rows to show (already cut to what fits) out of ``total``, and the CSV holding them all."""

    columns: list[str]
    rows: list[list[object]]
    total: int
    csv: str = ""
    caption: str = ""
    quote_columns: tuple[str, ...] = ()

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


@dataclass
class Section:
    """A notebook page inside the single file."""

    anchor: str
    title: str
    body: Markup
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class DataFile:
    name: str
    uri: str
    size: int


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    env.filters["size"] = human_size
    env.filters["cell"] = cell_text
    return env


def render(template: str, **context: object) -> str:
    """Render ``template`` from ``helpers/templates/html/`` with ``context``."""
    return environment().get_template(template).render(csp=CSP, **context)


def css_string(value: object) -> str:
    """``value`` as the inside of a CSS string: every character but letters, digits and spaces escaped.

    Each escape is six hex digits and a space (which CSS consumes), so the next
    character can never be read as part of it.
    """
    return "".join(c if c.isalnum() and c.isascii() or c == " " else f"\\{ord(c):06x} " for c in str(value))


def human_size(size: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1000
    return ""


def cell_text(value: object) -> str:
    """A table cell: numbers with thousands separators, booleans as yes/blank, missing as blank."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def data_uri(data: bytes, *, mime: str) -> str:
    """``data:`` URI holding ``data`` (base64)."""
    charset = ";charset=utf-8" if mime.startswith("text/") or mime.endswith("xml") or mime.endswith("json") else ""
    return f"data:{mime}{charset};base64,{base64.b64encode(data).decode('ascii')}"


def mime_type(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return _MIME.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def embed_files(paths: list[Path]) -> list[DataFile]:
    """Each file as a ``data:`` URI, to download from inside the single file."""
    return [DataFile(p.name, data_uri(p.read_bytes(), mime=mime_type(p.name)), p.stat().st_size) for p in paths]


def split_page(html: str) -> tuple[list[str], dict[str, str], str]:
    """An nbconvert page as its style sheets, its ``<body>`` attributes and the HTML inside ``<body>``."""
    soup = BeautifulSoup(html, "lxml")
    styles = [style.string or "" for style in soup.find_all("style")]
    body = soup.body
    if body is None:
        return styles, {}, ""
    attrs = {k: " ".join(v) if isinstance(v, list) else v for k, v in body.attrs.items()}
    return styles, attrs, body.decode_contents()


def localise(fragment: str, *, prefix: str, pages: dict[str, str], files: dict[str, str]) -> Markup:
    """``fragment`` made to stand inside the single file.

    Args:
        fragment: HTML of a page's body.
        prefix: put before every id (and every ``#`` link) so pages cannot collide.
        pages: page file name -> the id of its section in the single file.
        files: data file name -> its ``data:`` URI.

    Returns:
        The fragment, with runnable elements, event handlers and external
        resources removed.
    """
    soup = BeautifulSoup(fragment, "lxml")
    root = soup.body or soup
    for tag in root.find_all(_RUNNABLE_TAGS):
        log.warning("single file: removed a <%s> element", tag.name)
        tag.decompose()
    for tag in root.find_all(True):
        for name in list(tag.attrs):
            if name.lower().startswith("on"):
                log.warning("single file: removed a %s attribute", name)
                del tag.attrs[name]
        if tag.get("id"):
            tag["id"] = prefix + tag["id"]
        for name in _URL_ATTRIBUTES:
            if name in tag.attrs:
                _localise_url(tag, name, prefix=prefix, pages=pages, files=files)
    return Markup(root.decode_contents())


def _localise_url(tag, name: str, *, prefix: str, pages: dict[str, str], files: dict[str, str]) -> None:
    url = str(tag[name]).strip()
    if name == "src" and tag.name == "img" and url.startswith("data:image/"):
        return
    if name == "href" and tag.name == "a":
        target = url.split("#", 1)[0].split("?", 1)[0]
        file_name = target.rsplit("/", 1)[-1]
        if url.startswith("#"):
            tag[name] = "#" + prefix + url[1:]
            return
        if file_name in pages and target in (file_name, f"./{file_name}"):
            tag[name] = "#" + pages[file_name]
            return
        if file_name in files and target in (f"data/{file_name}", file_name):
            tag[name] = files[file_name]
            tag["download"] = file_name
            return
        if _SAFE_LINK.match(url):
            return
    log.warning("single file: removed %s=%r of a <%s>, which would point outside the file", name, url[:80], tag.name)
    del tag.attrs[name]


def common_styles(pages: list[list[str]]) -> list[str]:
    """Style sheets of all pages, each once, in first-seen order."""
    seen: dict[str, None] = {}
    for styles in pages:
        for style in styles:
            seen.setdefault(style, None)
    return list(seen)


def section_anchor(page_name: str) -> str:
    """Id of a notebook page's section: ``01_load_articles.html`` -> ``nb-01_load_articles``."""
    return "nb-" + re.sub(r"[^A-Za-z0-9_-]", "-", Path(page_name).stem)
