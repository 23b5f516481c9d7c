"""Command line: ``python -m helpers extract`` and ``python -m helpers report``."""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
import traceback
from pathlib import Path

from tqdm import tqdm

from helpers import __version__
from helpers.articles import DEFAULT_MAX_BYTES, InputPathError
from helpers.checks import (
    EXIT_INTERNAL,
    EXIT_NO_ARTICLES,
    EXIT_NOTEBOOK_FAILED,
    EXIT_USAGE,
    EXIT_WORKSPACE,
    CommandError,
    check_folder,
    check_positive,
    exit_codes_text,
    open_workspace,
)
from helpers.paths import WORKSPACE_DIR, WORKSPACE_ENV, resolve_workspace

log = logging.getLogger("helpers")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Dossier: turn a folder of news articles into sourced findings.",
        epilog=exit_codes_text(), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="article files or folders (folders are read recursively): "
        ".txt, .md, .html/.htm, .json, .jsonl, .csv",
    )
    common.add_argument(
        "--out", required=True, metavar="DIR",
        help="output folder (created if missing)",
    )
    common.add_argument(
        "--workspace", metavar="DIR", default=None,
        help="workspace folder shared with the notebooks (default: $DOSSIER_WORKSPACE, else "
        f"{WORKSPACE_DIR}/ beside the notebooks/ folder of the project the current folder is in)",
    )
    common.add_argument(
        "--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024, metavar="MB",
        help="skip files larger than this many megabytes (default: %(default)g)",
    )
    common.add_argument(
        "--watchlist", metavar="FILE", default=None,
        help="CSV or YAML file of names to always tag (columns: name, label, aliases)",
    )
    common.add_argument(
        "--processes", type=int, default=None, metavar="N",
        help="worker processes for tagging: 1 for this process only (default: every available core)",
    )
    common.add_argument(
        "--scheduler", metavar="ADDRESS", default=None,
        help="tag on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786) "
        "instead of this machine's cores",
    )
    common.add_argument(
        "--lists", nargs="+", metavar="PATH", default=None,
        help="sanctions lists to screen entities against: an OFAC SDN folder (sdn.csv, alt.csv, add.csv), "
        "an OpenSanctions targets.simple.csv or FtM JSON lines file, or a CSV of your own (name, aliases, "
        "schema, country, note); format detected (default: the OFAC SDN extract of 28 Dec 2023 shipped with the kit)",
    )
    common.add_argument(
        "--min-score", type=float, default=None, metavar="SCORE",
        help="lowest matcher score kept as a possible sanctions-list match (default: 0.70)",
    )
    common.add_argument(
        "--algorithm", default=None, metavar="NAME",
        help="nomenklatura matching algorithm (default: logic-v2; also logic-v1, name-based, name-qualified, ofac)",
    )
    common.add_argument("--quiet", action="store_true", help="no progress bars")
    common.add_argument("--debug", action="store_true", help="on an error, show the traceback as well")
    common.add_argument("-v", "--verbose", action="store_true", help="log every skipped file as it happens")

    sub.add_parser(
        "extract", parents=[common],
        epilog=exit_codes_text(), formatter_class=argparse.RawDescriptionHelpFormatter,
        help="run the pipeline without notebooks and write CSV files to DIR",
        description="Load, tag entities and amounts, relate entities, and write "
        "articles.csv, skipped.csv, mentions.csv, entities.csv, amounts.csv, "
        "relations.csv, screening.csv, the graph (GraphML, GEXF) and entities.ftm.json to DIR.",
    )
    report = sub.add_parser(
        "report", parents=[common],
        epilog=exit_codes_text(), formatter_class=argparse.RawDescriptionHelpFormatter,
        help="execute the notebooks headless and write the HTML report to DIR",
        description="Execute every notebook in order with PATH injected into its "
        "'parameters' cell, render each to HTML in DIR, write DIR/index.html, the "
        "CSV and graph files in DIR/data/, and DIR/dossier-report.html: the whole "
        "report in one self-contained file to send or print.",
    )
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML pages")
    report.add_argument(
        "--single-file-only", action="store_true",
        help="write only DIR/dossier-report.html, the whole report in one self-contained file",
    )
    report.add_argument(
        "--timeout", type=int, default=1800, metavar="SECONDS",
        help="time limit per notebook cell (default: %(default)s)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from helpers.pipeline import NoArticles

    try:
        return _run(args)
    except CommandError as err:
        return _fail(str(err), err.code, debug=args.debug)
    except NoArticles as err:  # a run with nothing to analyse: loud, and nothing written
        return _fail(str(err), EXIT_NO_ARTICLES, debug=args.debug)
    except sqlite3.DatabaseError as err:
        where = resolve_workspace(args.workspace)
        return _fail(f"the workspace database in {where} cannot be read (SQLite: {err}): it is left as it is; "
                     "move it aside, or give another --workspace, to start a new workspace",
                     EXIT_WORKSPACE, debug=args.debug)
    except Exception as err:  # the last resort: still one line; --debug shows where it came from
        return _fail(f"unexpected {type(err).__name__}: {' '.join(str(err).split())[:300]} "
                     "(run again with --debug to see the traceback)", EXIT_INTERNAL, debug=args.debug)


def _fail(message: str, code: int, *, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    print(f"error: {' '.join(message.split())}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    """Check every option and folder before anything is written, then run the command."""
    check_positive(args.max_mb, option="--max-mb", example="20")
    if args.processes is not None:
        check_positive(args.processes, option="--processes", example="2")
    if args.command == "report":
        check_positive(args.timeout, option="--timeout", example="1800")
    missing = [p for p in args.paths if not Path(p).expanduser().exists()]
    if missing:
        raise CommandError(f"input path does not exist: {', '.join(missing)}", code=EXIT_USAGE)
    check_folder(args.out, option="--out")
    from_env = not args.workspace and bool(os.environ.get(WORKSPACE_ENV))
    check_folder(resolve_workspace(args.workspace), option=f"${WORKSPACE_ENV}" if from_env else "--workspace")
    watchlist = None
    if args.watchlist:
        from helpers.entities import load_watchlist

        try:
            watchlist = load_watchlist(args.watchlist)
        except (OSError, ValueError) as err:
            raise CommandError(f"cannot read the watchlist {args.watchlist}: {err}", code=EXIT_USAGE) from err
    from helpers.screening import ALGORITHMS, ListError

    if args.algorithm and args.algorithm not in ALGORITHMS:
        raise CommandError(f"unknown matching algorithm {args.algorithm!r}; choose one of {', '.join(ALGORITHMS)}",
                           code=EXIT_USAGE)
    if args.lists:
        from helpers.screening.lists import list_files

        try:
            list_files(args.lists)
        except ListError as err:
            raise CommandError(f"cannot use the sanctions list {err}", code=EXIT_USAGE) from err
    if args.command == "report":
        from helpers.checks import check_kernel
        from helpers.report import KERNEL_NAME

        check_kernel(KERNEL_NAME)
    if args.scheduler:
        _connect_scheduler(args.scheduler)
    workspace = open_workspace(args.workspace)
    max_bytes = int(args.max_mb * 1024 * 1024)
    try:
        if args.command == "extract":
            return _extract(args, workspace, max_bytes, watchlist)
        return _report(args, workspace, max_bytes)
    except (InputPathError, ListError) as err:
        raise CommandError(str(err), code=EXIT_USAGE) from err
    finally:
        if args.scheduler:
            from helpers.parallel import close_clients

            close_clients()


def _connect_scheduler(address: str) -> None:
    """Connect to the Dask scheduler and say where its dashboard is."""
    from helpers.parallel import dashboard_link

    try:
        link = dashboard_link(address)
    except OSError as err:
        raise CommandError(f"cannot reach the Dask scheduler at {address}: {err}", code=EXIT_USAGE) from err
    print(f"Tagging on the Dask cluster at {address}; dashboard: {link}", file=sys.stderr)


def _progress_factory(quiet: bool):
    # No monitor thread: a process without threads can fork its tagging workers safely.
    tqdm.monitor_interval = 0

    def factory(label: str, total: int):
        if quiet:
            return None
        bar = tqdm(total=total, desc=label, unit="item", file=sys.stderr, leave=False)
        return bar.update

    return factory


def _extract(args, workspace, max_bytes, watchlist) -> int:
    from helpers.pipeline import run_extract

    corpus, report, written = run_extract(
        args.paths,
        out_dir=args.out,
        workspace=workspace,
        max_bytes=max_bytes,
        watchlist=watchlist,
        n_process=args.processes,
        scheduler=args.scheduler,
        progress_factory=_progress_factory(args.quiet),
        lists=args.lists,
        min_score=args.min_score,
        algorithm=args.algorithm,
    )
    print(corpus.summary())
    _print_skipped(corpus.skipped)
    for line in report.lines:
        print(line)
    print(f"Workspace: {workspace.path}")
    print(f"Outputs in {Path(args.out).resolve()}: " + ", ".join(p.name for p in written))
    return 0


def _report(args, workspace, max_bytes) -> int:
    from helpers.report import NotebookFailed, build_report

    try:
        result = build_report(
            args.paths,
            out_dir=args.out,
            workspace=workspace,
            max_bytes=max_bytes,
            watchlist=args.watchlist,
            show_code=args.show_code,
            timeout=args.timeout,
            processes=args.processes or 0,
            scheduler=args.scheduler or "",
            progress=not args.quiet,
            lists=args.lists,
            min_score=args.min_score,
            algorithm=args.algorithm,
            single_file_only=args.single_file_only,
        )
    except NotebookFailed as err:
        raise CommandError(str(err), code=EXIT_NOTEBOOK_FAILED) from err
    print(result.summary())
    return 0


def _print_skipped(skipped) -> None:
    for path, reason in zip(skipped["path"], skipped["reason"]):
        print(f"  skipped {path}: {reason}")
