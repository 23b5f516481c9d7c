"""The command line (helpers.cli): ``python -m helpers extract`` and its options."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import BAD_REASONS, GOOD_ARTICLES, GOOD_BESIDE_BAD
from helpers.checks import (
    EXIT_CODES,
    EXIT_ENVIRONMENT,
    EXIT_FOLDER,
    EXIT_INTERNAL,
    EXIT_USAGE,
    EXIT_WORKSPACE,
)
from helpers.cli import build_parser, main

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ARTICLE_CSV_COLUMNS = ["article_id", "path", "title", "lang", "published", "url", "n_chars", "sha256"]


def run_module(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )


def run_main(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


#: The good fixture files ``extract_run`` copies beside tests/fixtures/bad.
EXTRACT_GOOD_FILES = ("en_report.md", "fr_brief.txt", "records.csv", "cp1252_fr.txt")
#: What ``extract_run`` must load and skip, counted from the fixtures' manifests in conftest.
EXTRACT_ARTICLES = [k for k in GOOD_ARTICLES if k.split("#")[0] in EXTRACT_GOOD_FILES] + GOOD_BESIDE_BAD
EXTRACT_SKIPPED = [*BAD_REASONS, "big.txt"]


@pytest.fixture(scope="module")
def extract_run(articles_dir, bad_dir, tmp_path_factory):
    """``extract`` run once on a few good files and every bad one, with a small size limit."""
    base = tmp_path_factory.mktemp("extract")
    inputs = base / "inputs"
    inputs.mkdir()
    for name in EXTRACT_GOOD_FILES:
        shutil.copy(articles_dir / name, inputs / name)
    shutil.copytree(bad_dir, inputs / "bad")
    (inputs / "big.txt").write_text("Big\n" + "An article over the limit. " * 2000, encoding="utf-8")
    code, out, err = run_main(
        ["extract", str(inputs), "--out", str(base / "out"), "--workspace", str(base / "ws"),
         "--max-mb", "0.02", "--quiet"]
    )
    return {"code": code, "out": out, "err": err, "dir": base / "out", "workspace": base / "ws", "inputs": inputs}


# Missing paths and help (as a subprocess, the way a reporter runs it) ---------------------


@pytest.mark.parametrize(
    "paths",
    [
        ["no/such/folder"],
        ["seeds/000_dc811fb2d9703db4.txt", "no/such/file.txt"],
        ["no/such/a.txt", "no/such/b.md"],
    ],
)
def test_cli_extract_missing_path_exits_nonzero(tmp_path, paths):
    done = run_module("extract", *paths, "--out", str(tmp_path / "out"), "--workspace", str(tmp_path / "ws"))
    assert done.returncode != 0
    missing = [p for p in paths if p.startswith("no/")]
    assert "does not exist" in done.stderr
    for path in missing:
        assert path in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_cli_report_missing_path_exits_nonzero(tmp_path):
    done = run_module("report", "no/such/folder", "--out", str(tmp_path / "out"), "--workspace", str(tmp_path / "ws"))
    assert done.returncode != 0
    assert "does not exist" in done.stderr and "no/such/folder" in done.stderr


def test_cli_missing_path_in_process_returns_error(tmp_path, capsys):
    code = main(["extract", str(tmp_path / "missing"), "--out", str(tmp_path / "out"), "--workspace", str(tmp_path / "ws")])
    assert code == 2
    assert f"input path does not exist: {tmp_path / 'missing'}" in capsys.readouterr().err


def _options(command: str) -> list[tuple[str, str]]:
    """Every option of ``command`` as (longest flag or metavar, help text)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    return [
        (max(a.option_strings, key=len) if a.option_strings else a.metavar, a.help or "")
        for a in sub._actions
    ]


@pytest.mark.parametrize("command", ["extract", "report"])
def test_cli_help_documents_every_option(command):
    done = run_module(command, "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    options = _options(command)
    assert {"--out", "--workspace", "--max-mb", "PATH"} <= {flag for flag, _ in options}
    for flag, help_text in options:
        assert flag in done.stdout
        assert len(help_text) > 10, f"{flag} has no help text"
        first_words = " ".join(help_text.replace("%(default)s", "").replace("%(default)g", "").split()[:3])
        assert first_words in text, f"help of {flag} not shown"


def test_cli_help_lists_commands():
    done = run_module("--help")
    assert done.returncode == 0
    assert "extract" in done.stdout and "report" in done.stdout


@pytest.mark.parametrize(
    "argv",
    [[], ["extract"], ["extract", "seeds"], ["unknown-command", "seeds", "--out", "x"]],
)
def test_cli_bad_usage_exits_nonzero(argv):
    done = run_module(*argv)
    assert done.returncode == 2
    assert "usage:" in done.stderr


# extract (in process) ------------------------------------------------------------------


def test_cli_extract_succeeds(extract_run):
    assert extract_run["code"] == 0, extract_run["err"]


def test_cli_extract_writes_articles_csv(extract_run):
    articles = pd.read_csv(extract_run["dir"] / "articles.csv", keep_default_na=False)
    assert set(ARTICLE_CSV_COLUMNS) <= set(articles.columns)
    assert list(articles.columns)[:3] == ["article_id", "path", "title"]
    assert "text" not in articles.columns
    titles = set(articles["title"])
    assert {
        "Shell companies linked to sanctioned oligarch, leaked files show",
        "Saisie record d'avoirs gelés chez un courtier en ligne",
        "Port authority chief arrested",
        "Le Trésor gèle 2 500 € d'avoirs d'un élu",
        "Prosecutors seize records at shipping agent",
        "First good row",
        "Third good line",
    } <= titles
    assert sorted(Path(p).name for p in articles["path"]) == sorted(EXTRACT_ARTICLES)
    assert articles["article_id"].is_unique
    assert articles["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert (articles["n_chars"] > 0).all()
    assert set(articles["lang"]) == {"en", "fr"}
    row = articles.set_index("article_id").loc["csv-1"]
    assert (row["published"], row["url"]) == ("2020-02-11", "https://news.example.org/port-chief")


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("empty.txt", "empty file"),
        ("nul_bytes.txt", "binary file"),
        ("undecodable.txt", "undecodable bytes"),
        ("malformed.json", "malformed JSON"),
        ("mixed.jsonl#line 2", "malformed JSON line"),
        ("mixed.csv#row 3", "malformed CSV row"),
        ("no_text_column.csv", "no 'text' or 'body' column"),
        ("report.docx", "unsupported file type"),
        ("big.txt", "size limit"),
    ],
)
def test_cli_extract_writes_skipped_csv(extract_run, name, phrase):
    skipped = pd.read_csv(extract_run["dir"] / "skipped.csv")
    assert list(skipped.columns) == ["path", "reason"]
    reasons = {Path(p).name: r for p, r in zip(skipped["path"], skipped["reason"])}
    assert phrase in reasons[name]
    assert sorted(reasons) == sorted(EXTRACT_SKIPPED)


def test_cli_extract_prints_summary_at_the_end(extract_run):
    out = extract_run["out"]
    assert f"{len(EXTRACT_ARTICLES)} articles loaded from" in out and f"{len(EXTRACT_SKIPPED)} items skipped" in out
    assert "empty file" in out and "size limit" in out
    last = out.strip().splitlines()[-1]
    assert last.startswith("Outputs in") and "articles.csv" in last and "skipped.csv" in last
    assert f"Workspace: {extract_run['workspace'].resolve()}" in out


def test_cli_extract_fills_the_workspace(extract_run):
    from helpers.workspace import Workspace

    ws = Workspace(extract_run["workspace"])
    articles = pd.read_csv(extract_run["dir"] / "articles.csv", keep_default_na=False)
    assert sorted(ws.read_table("articles")["article_id"]) == sorted(articles["article_id"])
    assert len(ws.read_table("skipped")) == len(EXTRACT_SKIPPED)


# Errors a user can act on: one line, a documented exit code, nothing lost ----------------


def _error_line(err: str) -> str:
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err
    return lines[0]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def small_corpus(articles_dir, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(articles_dir / "fr_brief.txt", inputs / "fr_brief.txt")
    return inputs


@pytest.mark.parametrize("command", ["extract", "report"])
@pytest.mark.parametrize("option", ["--out", "--workspace"])
def test_cli_folder_option_that_is_a_file(small_corpus, tmp_path, command, option):
    target = tmp_path / "a_file.txt"
    target.write_text("keep me", encoding="utf-8")
    folders = {"--out": str(tmp_path / "out"), "--workspace": str(tmp_path / "ws"), option: str(target)}
    code, _out, err = run_main([command, str(small_corpus), "--out", folders["--out"],
                                "--workspace", folders["--workspace"], "--quiet"])
    assert code == EXIT_FOLDER
    line = _error_line(err)
    assert option in line and str(target) in line and "is a file" in line
    assert target.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "out").exists() and not (tmp_path / "ws").exists()


@pytest.mark.parametrize("option", ["--out", "--workspace"])
@pytest.mark.parametrize("where", ["below_a_file", "unwritable"])
def test_cli_folder_option_that_cannot_be_created(small_corpus, tmp_path, option, where):
    if where == "below_a_file":
        (tmp_path / "plain").write_text("x", encoding="utf-8")
        target = tmp_path / "plain" / "sub"
    else:
        target = Path("/proc/dossier-cannot-write-here")  # no one, not even root, can create folders there
    folders = {"--out": str(tmp_path / "out"), "--workspace": str(tmp_path / "ws"), option: str(target)}
    code, _out, err = run_main(["extract", str(small_corpus), "--out", folders["--out"],
                                "--workspace", folders["--workspace"], "--quiet"])
    assert code == EXIT_FOLDER
    line = _error_line(err)
    assert option in line and str(target) in line
    assert not (tmp_path / "out").exists() and not (tmp_path / "ws").exists()


def test_cli_corrupt_database_is_left_as_it_is(small_corpus, tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "dossier.sqlite").write_bytes(b"this is not a SQLite database, but it is someone's file\n" * 50)
    (ws / "curation.yaml").write_text("decisions: []\n", encoding="utf-8")
    before = _snapshot(ws)
    code, _out, err = run_main(["extract", str(small_corpus), "--out", str(tmp_path / "out"),
                                "--workspace", str(ws), "--quiet"])
    assert code == EXIT_WORKSPACE
    line = _error_line(err)
    assert str(ws / "dossier.sqlite") in line and "move it aside" in line
    assert _snapshot(ws) == before
    assert not (tmp_path / "out").exists()


def test_cli_malformed_curation_file_is_left_as_it_is(small_corpus, tmp_path):
    ws = tmp_path / "ws"
    code, _out, _err = run_main(["extract", str(small_corpus), "--out", str(tmp_path / "out1"),
                                 "--workspace", str(ws), "--quiet"])
    assert code == 0
    (ws / "curation.yaml").write_text("decisions:\n  - action: merge\n    name: [unclosed\n", encoding="utf-8")
    before = _snapshot(ws)
    code, _out, err = run_main(["extract", str(small_corpus), "--out", str(tmp_path / "out2"),
                                "--workspace", str(ws), "--quiet"])
    assert code == EXIT_WORKSPACE
    line = _error_line(err)
    assert str(ws / "curation.yaml") in line and "fix it" in line
    assert _snapshot(ws) == before
    assert not (tmp_path / "out2").exists()


def test_cli_missing_kernel(small_corpus, tmp_path, monkeypatch):
    from helpers import report

    monkeypatch.setattr(report, "KERNEL_NAME", "no-such-kernel-dossier")
    code, _out, err = run_main(["report", str(small_corpus), "--out", str(tmp_path / "out"),
                                "--workspace", str(tmp_path / "ws"), "--quiet"])
    assert code == EXIT_ENVIRONMENT
    line = _error_line(err)
    assert "no-such-kernel-dossier" in line and "make setup" in line
    assert not (tmp_path / "out").exists() and not (tmp_path / "ws").exists()


@pytest.mark.parametrize(
    ("command", "option", "value"),
    [("extract", "--max-mb", "0"), ("extract", "--max-mb", "-1"), ("extract", "--processes", "0"),
     ("report", "--processes", "0"), ("report", "--timeout", "0")],
)
def test_cli_limit_that_is_not_positive(small_corpus, tmp_path, command, option, value):
    code, _out, err = run_main([command, str(small_corpus), "--out", str(tmp_path / "out"),
                                "--workspace", str(tmp_path / "ws"), option, value, "--quiet"])
    assert code == EXIT_USAGE
    line = _error_line(err)
    assert option in line and "more than 0" in line
    assert not (tmp_path / "out").exists() and not (tmp_path / "ws").exists()


def test_cli_debug_shows_the_traceback(small_corpus, tmp_path):
    target = tmp_path / "a_file.txt"
    target.write_text("x", encoding="utf-8")
    code, _out, err = run_main(["extract", str(small_corpus), "--out", str(target),
                                "--workspace", str(tmp_path / "ws"), "--quiet", "--debug"])
    assert code == EXIT_FOLDER
    assert "Traceback (most recent call last)" in err and "check_folder" in err
    assert err.strip().splitlines()[-1].startswith("error: --out")


def test_cli_unexpected_error_is_one_line_with_a_hint(small_corpus, tmp_path, monkeypatch):
    from helpers import pipeline

    def broken(*_args, **_kwargs):
        raise KeyError("something inside")

    monkeypatch.setattr(pipeline, "run_extract", broken)
    code, _out, err = run_main(["extract", str(small_corpus), "--out", str(tmp_path / "out"),
                                "--workspace", str(tmp_path / "ws"), "--quiet"])
    assert code == EXIT_INTERNAL
    assert "--debug" in _error_line(err)


@pytest.mark.parametrize("command", [None, "extract", "report"])
def test_cli_help_documents_exit_codes(command):
    done = run_module(*([command] if command else []), "--help")
    assert done.returncode == 0
    for code, meaning in EXIT_CODES.items():
        assert f"{code:<3} {meaning}"[:40] in done.stdout
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for code, meaning in EXIT_CODES.items():
        assert f"| {code} | {meaning} |" in readme


# Runs that load nothing are loud ---------------------------------------------------------


@pytest.fixture
def nothing_to_load(tmp_path, bad_dir):
    """Folders from which no article loads: an empty one, and one of unsupported or broken files only."""
    empty = tmp_path / "empty"
    empty.mkdir()
    unusable = tmp_path / "unusable"
    unusable.mkdir()
    for name in ("empty.txt", "nul_bytes.txt", "report.docx"):
        shutil.copy(bad_dir / name, unusable / name)
    return {"empty": (empty, "no file found there"),
            "unusable": (unusable, "3 files seen, 3 skipped (")}


@pytest.mark.parametrize("folder", ["empty", "unusable"])
def test_cli_extract_that_loads_nothing_fails_with_one_line(nothing_to_load, tmp_path, folder):
    from helpers.workspace import Workspace

    inputs, why = nothing_to_load[folder]
    workspace = tmp_path / "ws"
    # A workspace holding an earlier corpus: a failed run must not empty it.
    main(["extract", str(PROJECT_ROOT / "seeds" / "000_dc811fb2d9703db4.txt"), "--out", str(tmp_path / "before"),
          "--workspace", str(workspace), "--quiet"])
    code, out, err = run_main(["extract", str(inputs), "--out", str(tmp_path / "out"),
                               "--workspace", str(workspace), "--quiet"])
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: no article loaded from ")
    assert str(inputs) in lines[0] and why in lines[0]
    if folder == "unusable":
        assert "unsupported file type '.docx': 1" in lines[0] and "empty file: 1" in lines[0]
    assert not (tmp_path / "out").exists()
    assert len(Workspace(workspace).read_table("articles")) == 1


def test_cli_report_that_loads_nothing_fails_and_writes_no_report(nothing_to_load, tmp_path):
    inputs, why = nothing_to_load["unusable"]
    done = run_module("report", str(inputs), "--out", str(tmp_path / "out"), "--workspace", str(tmp_path / "ws"),
                      "--quiet")
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("error: no article loaded from ") and why in lines[-1], done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "index.html").exists()
    assert not list((tmp_path / "out").glob("*.html"))


PAGE_ARTICLE = """---
title: {title}
url: {url}
lang: en
---
{body}
"""


def test_cli_extract_reads_a_bare_dollar_by_the_article_page_country(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    pages = {
        "au.md": ("Cash ban", "https://www.smh.com.au/business/cash-ban",
                  "The government capped cash payments at $10,000 from next year."),
        "com.md": ("Customs", "https://www.example.com/customs", "Customs seized $675,000 in cash last year."),
    }

    def write(name: str, url: str) -> None:
        title, _url, body = pages[name]
        (inputs / name).write_text(PAGE_ARTICLE.format(title=title, url=url, body=body), encoding="utf-8")

    def currencies(out: str) -> dict[str, set[str]]:
        code, _out, err = run_main(["extract", str(inputs), "--out", str(tmp_path / out),
                                    "--workspace", str(tmp_path / "ws"), "--quiet", "--processes", "1"])
        assert code == 0, err
        articles = pd.read_csv(tmp_path / out / "articles.csv")
        amounts = pd.read_csv(tmp_path / out / "amounts.csv").merge(articles[["article_id", "url"]])
        return {url: set(group["currency"]) for url, group in amounts.groupby("url")}

    for name, (_title, url, _body) in pages.items():
        write(name, url)
    assert currencies("out1") == {pages["au.md"][1]: {"AUD"}, pages["com.md"][1]: {"USD"}}
    # The same text on a Canadian page: its tags come from the cache, its amounts are read again.
    write("com.md", "https://www.cbc.ca/news/customs")
    assert currencies("out2") == {pages["au.md"][1]: {"AUD"}, "https://www.cbc.ca/news/customs": {"CAD"}}
