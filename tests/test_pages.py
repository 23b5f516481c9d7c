"""The report's own pages (helpers.pages): templates escape, the single file stands alone."""

from __future__ import annotations

import base64

import pytest
from bs4 import BeautifulSoup

from helpers import pages
from helpers.pages import Table, localise

PAGES = {"01_load_articles.html": "nb-01_load_articles"}
FILES = {"entities.csv": pages.data_uri(b"name,label\nBinance,ORG\n", mime="text/csv")}


def soup(fragment) -> BeautifulSoup:
    return BeautifulSoup(str(fragment), "lxml")


@pytest.mark.parametrize("hostile", [
    '<script>window.__xss=1</script>',
    '<iframe src="https://example.org/"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<link rel="stylesheet" href="https://example.org/a.css">',
    '<meta http-equiv="refresh" content="0; url=https://example.org/">',
    '<base href="https://example.org/">',
    '<form action="https://example.org/"><input></form>',
])
def test_localise_removes_elements_that_run_or_load(hostile):
    out = str(localise(f"<p>kept</p>{hostile}", prefix="p-", pages=PAGES, files=FILES))
    assert "kept" in out
    for tag in ("script", "iframe", "object", "embed", "link", "meta", "base", "form"):
        assert f"<{tag}" not in out


@pytest.mark.parametrize("attribute", ['onerror="x()"', 'onload="x()"', 'onclick="x()"', 'ONMOUSEOVER="x()"'])
def test_localise_removes_event_handlers(attribute):
    out = soup(localise(f'<img src="data:image/png;base64,AAAA" {attribute}>', prefix="", pages=PAGES, files=FILES))
    img = out.find("img")
    assert img is not None and img["src"] == "data:image/png;base64,AAAA"
    assert not [a for a in img.attrs if a.lower().startswith("on")]


@pytest.mark.parametrize("url", [
    "javascript:window.__xss=1", " JavaScript:alert(1)", "vbscript:x", "data:text/html,<script>x</script>",
    "other.html", "../secret.txt", "file:///etc/passwd", "//example.org/x",
])
def test_localise_drops_links_that_leave_the_file_or_run(url):
    out = soup(localise(f'<a href="{url}">link</a>', prefix="", pages=PAGES, files=FILES))
    assert out.find("a").get("href") is None
    assert out.find("a").get_text() == "link"


@pytest.mark.parametrize("url", ["https://www.treasury.gov/x", "http://example.org", "mailto:desk@example.org"])
def test_localise_keeps_links_to_the_web_as_links(url):
    assert soup(localise(f'<a href="{url}">w</a>', prefix="", pages=PAGES, files=FILES)).find("a")["href"] == url


def test_localise_turns_page_and_data_links_into_anchors_and_embedded_files():
    out = soup(localise(
        '<h1 id="Title">T</h1><a href="#Title">¶</a><a href="01_load_articles.html">01</a>'
        '<a href="data/entities.csv">csv</a><img src="https://example.org/x.png">',
        prefix="nb-01-", pages=PAGES, files=FILES,
    ))
    assert out.find("h1")["id"] == "nb-01-Title"
    links = out.find_all("a")
    assert links[0]["href"] == "#nb-01-Title"
    assert links[1]["href"] == "#nb-01_load_articles"
    assert links[2]["href"] == FILES["entities.csv"] and links[2]["download"] == "entities.csv"
    assert out.find("img").get("src") is None


def test_data_uri_holds_the_bytes():
    data = "entity,é\n<script>\n".encode()
    uri = pages.data_uri(data, mime=pages.mime_type("x.csv"))
    assert uri.startswith("data:text/csv;charset=utf-8;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == data


@pytest.mark.parametrize("value", ['a"b', "a\\b", "</style><script>x</script>", "01 · Load", "x;}@import url(y)"])
def test_css_string_lets_nothing_out_of_the_string(value):
    escaped = pages.css_string(value)
    assert not set(escaped) & set("\"'<>;{}()@")
    assert escaped.count("\\") == sum(1 for c in value if not (c.isascii() and c.isalnum()) and c != " ")


def test_table_template_escapes_cells_and_says_what_it_hides(tmp_path):
    rows = [['<script>window.__xss=1</script>', 1.5, True]] * 3
    table = Table(["Text", "Value", "Flag"], rows, total=30, csv="x.csv", quote_columns=("Text",))
    html = pages.environment().from_string(
        '{% from "report_macros.html.j2" import table %}{{ table(t) }}').render(t=table)
    assert "<script>" not in html and "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "30 rows: the first 3 shown here, 27 more not shown; all 30 in" in html
    assert 'href="data/x.csv"' in html
    assert "<td>1.50</td><td>yes</td>" in html


def test_split_page_keeps_styles_body_attributes_and_body():
    styles, attrs, body = pages.split_page(
        '<html><head><style>a > b {}</style></head><body class="jp-Notebook" data-jp-theme-light="true">'
        "<main><p>x</p></main></body></html>"
    )
    assert styles == ["a > b {}"]
    assert attrs == {"class": "jp-Notebook", "data-jp-theme-light": "true"}
    assert body == "<main><p>x</p></main>"
