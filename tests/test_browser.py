"""What a reader sees, in Debian's Chromium driven by Playwright.

1. JupyterLab: notebook 05 runs, its network widget renders, and moving the
   minimum-weight slider redraws the network.
2. The HTML report built by ``python -m helpers report``: every page loads with
   no console error and every image decodes.
3. A report built on articles that carry script and markup: nothing runs, the
   markup shows as text.
4. The single-file report: it loads offline with no request and no console
   error, every section is there, every image decodes, every embedded data file
   downloads with the bytes of the CSV; the hostile corpus runs nothing in it;
   printed to PDF by Chromium it keeps every section title, on a sane number of pages.

Screenshots go to ``test-artifacts/`` at the project root.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from helpers.pages import SINGLE_FILE
from helpers.paths import NOTEBOOKS, PROJECT_ROOT
from helpers.report import notebook_paths

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
NETWORK_IMAGE = ".widget-output img"
SCRIPT_TEXT = "<script>window.__xss=1</script>"
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
PDFINFO = shutil.which("pdfinfo") or "/usr/bin/pdfinfo"


@pytest.fixture(scope="session")
def browser() -> Browser:
    """Headless Chromium; its absence is a failure, never a skip (CI installs it)."""
    assert CHROMIUM.exists(), (
        f"Debian's Chromium is missing at {CHROMIUM}: install it with `make browser` "
        "(apt-get install chromium); the browser tests need it."
    )
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def watch(page: Page) -> dict[str, list[str]]:
    """Collect the page's console errors, uncaught errors and dialogs (dismissed)."""
    seen: dict[str, list[str]] = {"errors": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))

    def dialog(d) -> None:
        seen["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return seen


def report_pages(report: Path) -> list[Path]:
    return [report / "index.html", *sorted(report.glob("[0-9][0-9]_*.html"))]


# 1. JupyterLab ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def lab_workspace(clean_corpus, tmp_path_factory) -> Path:
    """A workspace with every table of the pipeline, made by ``run_extract`` on the fixture corpus."""
    from helpers.pipeline import run_extract
    from helpers.workspace import Workspace

    base = tmp_path_factory.mktemp("lab")
    workspace = Workspace(base / "workspace")
    run_extract([clean_corpus], out_dir=base / "out", workspace=workspace)
    weights = workspace.read_table("relations")["weight"]
    assert len(weights) and weights.min() == 1 and weights.max() >= 2, "the fixture corpus needs weights 1 and 2+"
    return workspace.path


@pytest.fixture(scope="session")
def jupyter_lab(lab_workspace, tmp_path_factory):
    """JupyterLab on 127.0.0.1 serving a copy of the notebooks; yields ``(base_url, token)``."""
    base = tmp_path_factory.mktemp("jupyter")
    root = base / "notebooks"
    shutil.copytree(NOTEBOOKS, root)
    settings = base / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"checkForUpdates": False, "fetchNews": "false"})
    )
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "DOSSIER_WORKSPACE": str(lab_workspace),
        "JUPYTER_CONFIG_DIR": str(base / "config"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(base / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "lab-workspaces"),
    }
    log = (base / "lab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={root}", "--LabApp.news_url=", "--ServerApp.terminals_enabled=False",
         "--allow-root"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=base,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, f"JupyterLab exited: {(base / 'lab.log').read_text()}"
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"JupyterLab did not start: {(base / 'lab.log').read_text()}"
            time.sleep(0.5)
        yield url, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def wait_in_lab(page: Page, ready: Callable[[], bool], what: str, *, seconds: float) -> None:
    """Wait until ``ready()``, accepting the kernel chooser whenever JupyterLab shows it.

    JupyterLab may ask for a kernel when the notebook opens before the list of
    kernels has loaded; the default choice is this project's Python 3.
    """
    chooser = page.locator(".jp-Dialog", has_text="Select Kernel")
    deadline = time.monotonic() + seconds
    while chooser.count() or not ready():
        if chooser.count():
            chooser.locator(".jp-mod-accept").click()
        assert time.monotonic() < deadline, f"JupyterLab did not show {what} within {seconds} s"
        page.wait_for_timeout(500)
    assert not chooser.count(), "the kernel chooser is still open"


def run_all_cells(page: Page, *, tries: int = 3) -> None:
    """Menu Run → Run All Cells, again if no cell started (a click can land while the kernel connects)."""
    started = page.locator(".jp-CodeCell .jp-InputPrompt", has_text=re.compile(r"\[[0-9*]+\]"))
    chooser = page.locator(".jp-Dialog", has_text="Select Kernel")
    for _ in range(tries):
        if chooser.count():  # a slow kernel start can bring the chooser back after the kernel went idle
            chooser.locator(".jp-mod-accept").click()
            page.wait_for_timeout(500)
        page.locator(".jp-NotebookPanel .jp-MarkdownCell").first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).first.click()
        for _ in range(40):
            if started.count():
                return
            page.wait_for_timeout(500)
    raise AssertionError(f"Run All Cells started no cell in {tries} tries")


@contextmanager
def screenshot_on_failure(page: Page, name: str) -> Iterator[None]:
    """Keep a picture of the page when the block fails, to see what the browser showed."""
    try:
        yield
    except BaseException:
        page.screenshot(path=ARTIFACTS / f"{name}_failure.png", full_page=True)
        raise


def test_lab_notebook_05_slider_redraws_the_network(browser, jupyter_lab):
    url, token = jupyter_lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    seen = watch(page)
    with screenshot_on_failure(page, "lab_05"):
        drive_notebook_05(page, url, token)
    page.close()
    assert not seen["dialogs"]


def drive_notebook_05(page: Page, url: str, token: str) -> None:
    page.goto(f"{url}/lab/tree/05_plot_relationships.ipynb?token={token}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
    idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    wait_in_lab(page, lambda: idle.count() > 0, "the kernel to start", seconds=90)

    run_all_cells(page)

    image = page.locator(NETWORK_IMAGE).first
    wait_in_lab(page, lambda: image.count() > 0 and image.is_visible(), "the network widget", seconds=180)
    image.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "lab_05_before.png")
    before = image.get_attribute("src")
    assert before and before.startswith("data:image/png;base64,")

    slider = page.locator(".widget-slider", has=page.locator(".widget-label", has_text="Min weight"))
    readout = slider.locator(".widget-readout")
    assert readout.inner_text().strip() == "1"
    slider.locator(".noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([selector, old]) => { const i = document.querySelector(selector); return i && i.src !== old; }",
        arg=[NETWORK_IMAGE, before],
        timeout=60_000,
    )
    assert readout.inner_text().strip() == "2"
    after = page.locator(NETWORK_IMAGE).first
    after.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "lab_05_after.png")
    assert after.get_attribute("src") != before
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert not [e for e in page.locator(".jp-OutputArea-output").all_inner_texts() if "Traceback" in e]


# 2. The report --------------------------------------------------------------------


def test_report_pages_load_cleanly_with_every_image(browser, clean_report):
    pages = report_pages(clean_report)
    assert [p.name for p in pages[1:]] == [f"{n.stem}.html" for n in notebook_paths()]
    images_per_page = {}
    for path in pages:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = watch(page)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        images = page.evaluate(
            "Array.from(document.images).map(i => ({src: i.src.slice(0, 40), width: i.naturalWidth}))"
        )
        page.screenshot(path=ARTIFACTS / f"report_{path.stem}.png", full_page=True)
        page.close()
        assert not seen["errors"], f"{path.name}: console errors {seen['errors']}"
        assert not seen["dialogs"], f"{path.name}: dialogs {seen['dialogs']}"
        broken = [i["src"] for i in images if i["width"] == 0]
        assert not broken, f"{path.name}: images that do not decode: {broken}"
        images_per_page[path.stem] = len(images)
    # Every figure of 04 (bars, heatmap, timeline) and 05 (the network) is drawn, each once.
    assert images_per_page["04_plot_mentions"] >= 3
    assert images_per_page["05_plot_relationships"] >= 1


#: Words that tell a reader to use a control; a static page has none.
CONTROL_WORDS = ("Pick ", "pick an", "slider", "Ctrl-click", "Filter by", "Filter the", "click", "drop-down",
                 "Explore")


def test_report_reads_as_a_static_page(browser, clean_report):
    """Text wraps at spaces, sentences read left to right, each view shows once, no control is named."""
    for path in report_pages(clean_report):
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        state = page.evaluate(
            """() => ({
                breakAll: Array.from(document.querySelectorAll('pre, .dossier-article-text, td, p'))
                    .filter(e => getComputedStyle(e).wordBreak === 'break-all').length,
                articleText: Array.from(document.querySelectorAll('.dossier-article-text'))
                    .map(e => [getComputedStyle(e).whiteSpace, getComputedStyle(e).wordBreak,
                               e.scrollWidth <= e.clientWidth + 1]),
                quotes: Array.from(document.querySelectorAll('td.quote')).map(e => getComputedStyle(e).textAlign),
                headings: Array.from(document.querySelectorAll('h1, h2, h3')).map(h => h.innerText.trim()),
                images: Array.from(document.images).map(i => i.src),
                text: document.body.innerText,
            })"""
        )
        page.close()
        name = path.name
        assert state["breakAll"] == 0, f"{name}: text breaks inside words"
        assert all(ws == "pre-wrap" and wb == "normal" and fits for ws, wb, fits in state["articleText"]), name
        assert set(state["quotes"]) <= {"left"}, f"{name}: sentences not left-aligned"
        assert len(state["images"]) == len(set(state["images"])), f"{name}: a chart is shown twice"
        assert not [h for h in state["headings"] if h.startswith("Explore")], name
        named = [w for w in CONTROL_WORDS if w in state["text"]]
        assert not named, f"{name}: names controls a static page does not have: {named}"
        assert "()" not in state["text"] and " ;" not in state["text"], f"{name}: stray punctuation"
        if path.stem == "01_load_articles":
            assert state["articleText"], "the article reader shows no article text"
        if path.stem == "05_plot_relationships":
            assert state["text"].count("passages support") == 1 and state["quotes"]


# 3. Untrusted article text ---------------------------------------------------------


def test_xss_report_shows_markup_as_text_and_runs_nothing(browser, xss_report):
    texts = {}
    for path in report_pages(xss_report):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = watch(page)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        state = page.evaluate(
            """() => ({
                xss: typeof window.__xss,
                scripts: document.querySelectorAll('script').length,
                handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
                javascript: document.querySelectorAll('a[href^="javascript:"]').length,
                broken: Array.from(document.images).filter(i => i.naturalWidth === 0).length,
            })"""
        )
        texts[path.stem] = page.inner_text("body")
        page.screenshot(path=ARTIFACTS / f"xss_{path.stem}.png", full_page=True)
        page.close()
        assert state == {"xss": "undefined", "scripts": 0, "handlers": 0, "javascript": 0, "broken": 0}, path.name
        assert not seen["dialogs"], f"{path.name}: dialogs {seen['dialogs']}"
        if "&lt;script&gt;" in path.read_text(encoding="utf-8"):
            assert SCRIPT_TEXT in texts[path.stem], f"{path.name}: escaped script not shown as text"
    # The article reader (01), mentions in context (04), evidence (05) and the index quote it as text.
    for stem in ("01_load_articles", "04_plot_mentions", "05_plot_relationships", "index"):
        assert SCRIPT_TEXT in texts[stem], f"{stem}: the literal <script> text is not visible"
    assert any("</table>" in text for text in texts.values())
    assert any('onerror="window.__xss=1"' in text for text in texts.values())


# 4. The single file -------------------------------------------------------------------


def open_offline(browser: Browser, path: Path) -> tuple[Page, dict[str, list[str]], list[str]]:
    """``path`` in an offline context, with its console errors and every request the page made."""
    context = browser.new_context(offline=True, accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = watch(page)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    return page, seen, requests


def test_single_file_loads_offline_with_every_section_image_and_download(browser, clean_report):
    single = clean_report / SINGLE_FILE
    page, seen, requests = open_offline(browser, single)
    with screenshot_on_failure(page, "single_file"):
        state = page.evaluate(
            """() => ({
                sections: Array.from(document.querySelectorAll('body section[id]')).map(s => s.id),
                toc: Array.from(document.querySelectorAll('nav.toc a')).map(a => a.getAttribute('href')),
                images: Array.from(document.images).map(i => ({src: i.src.slice(0, 22), width: i.naturalWidth})),
                scripts: document.querySelectorAll('script').length,
                downloads: Array.from(document.querySelectorAll('#data a[download]')).map(a => a.getAttribute('download')),
            })"""
        )
        page.screenshot(path=ARTIFACTS / "single_file.png", full_page=False)
        assert not seen["errors"], f"console errors {seen['errors']}"
        assert requests == [single.as_uri()], f"requests other than the file itself: {requests}"
        expected = ["overview", "details", *(f"nb-{n.stem}" for n in notebook_paths()), "data", "provenance"]
        assert [s for s in state["sections"] if s in expected] == expected
        assert [h.lstrip("#") for h in state["toc"]] == ["overview", "details", *expected[2:]]
        assert state["scripts"] == 0
        assert [i for i in state["images"] if i["width"] == 0] == []
        assert all(i["src"].startswith("data:image/") for i in state["images"])
        # Index pictures (2) and the figures of 04 (4) and 05 (2) at least.
        assert len(state["images"]) >= 8
        data_files = sorted(p.name for p in (clean_report / "data").iterdir())
        assert sorted(state["downloads"]) == data_files
        for name in ("entities.csv", "thresholds.csv", "top_people_organisations.csv"):
            with page.expect_download() as download:
                page.locator(f'#data a[download="{name}"]').click()
            assert download.value.suggested_filename == name
            assert Path(download.value.path()).read_bytes() == (clean_report / "data" / name).read_bytes()
        # A figure's CSV link beside it downloads the same bytes.
        with page.expect_download() as download:
            page.locator("#overview figure a[download]").first.click()
        name = download.value.suggested_filename
        assert Path(download.value.path()).read_bytes() == (clean_report / "data" / name).read_bytes()
        # Long tables scroll in their box and keep their header in view (a box made short to make it scroll).
        assert page.evaluate("getComputedStyle(document.querySelector('.scroll thead th')).position") == "sticky"
        offset = page.evaluate(
            """() => {
                const box = document.querySelector('#nb-04_plot_mentions .jp-OutputArea-output:has(> table)');
                box.style.maxHeight = '6em';
                box.scrollTop = 60;
                const th = box.querySelector('thead th');
                return [box.scrollTop, Math.round(th.getBoundingClientRect().top - box.getBoundingClientRect().top)];
            }"""
        )
        assert offset[0] > 0 and abs(offset[1]) <= 2, f"the header row does not stay in view: {offset}"
    page.context.close()


def test_single_file_of_the_hostile_corpus_runs_nothing(browser, xss_report):
    single = xss_report / SINGLE_FILE
    page, seen, requests = open_offline(browser, single)
    state = page.evaluate(
        """() => ({
            xss: typeof window.__xss,
            scripts: document.querySelectorAll('script').length,
            handlers: Array.from(document.querySelectorAll('*')).filter(
                e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
            javascript: document.querySelectorAll('a[href^="javascript:"]').length,
            broken: Array.from(document.images).filter(i => i.naturalWidth === 0).length,
        })"""
    )
    text = page.inner_text("body")
    page.screenshot(path=ARTIFACTS / "xss_single_file.png", full_page=True)
    page.context.close()
    assert state == {"xss": "undefined", "scripts": 0, "handlers": 0, "javascript": 0, "broken": 0}
    assert not seen["dialogs"] and not seen["errors"]
    assert requests == [single.as_uri()]
    assert text.count(SCRIPT_TEXT) >= 4  # the index, the article reader, mentions in context, evidence
    assert 'onerror="window.__xss=1"' in text and "</table>" in text


def test_single_file_prints_every_section_on_a_sane_number_of_pages(browser, clean_report, tmp_path):
    """Chromium's own --print-to-pdf (Letter by default), then Playwright's A4: titles, numbers, pages."""
    from bs4 import BeautifulSoup

    assert Path(PDFTOTEXT).exists(), "pdftotext is missing: install poppler-utils with `make browser`"
    single = clean_report / SINGLE_FILE
    letter = tmp_path / "letter.pdf"
    done = subprocess.run(
        [str(CHROMIUM), *CHROMIUM_ARGS, "--no-pdf-header-footer", f"--print-to-pdf={letter}", single.as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    assert letter.exists() and letter.stat().st_size > 0, done.stderr
    page = browser.new_page()
    page.goto(single.as_uri())
    a4 = tmp_path / "a4.pdf"
    page.pdf(path=str(a4), format="A4")
    page.close()
    titles = [" ".join(a.get_text().split()) for a in
              BeautifulSoup(single.read_text(encoding="utf-8"), "lxml").select("nav.toc a")]
    assert "How this report was made" in titles and len(titles) == len(notebook_paths()) + 4
    for pdf, size in ((letter, "letter"), (a4, "A4")):
        info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        assert size in info, info
        assert 5 <= pages <= 80, f"{pdf.name}: {pages} pages"
        text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        flat = " ".join(text.split())
        missing = [t for t in titles if t not in flat]
        assert not missing, f"{pdf.name}: section titles not in the PDF text: {missing}"
        assert f"Page 1 of {pages}" in flat and f"Page {pages} of {pages}" in flat
        assert "Dossier report — 05 · Plot relationships" in flat  # the running title of a section
        assert "(file entities.csv, embedded in the report file)" in flat  # links printed as text
