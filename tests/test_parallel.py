"""Tagging on several processes and on a Dask cluster (helpers.parallel): the same CSV files as one process."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from helpers import cli, parallel, report
from helpers.nlp import Watchlist
from helpers.pipeline import CSV_TABLES, load_corpus, run_extract
from helpers.workspace import Workspace

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
CSV_FILES = list(CSV_TABLES)


def _csv_files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in CSV_FILES}


def _run_main(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def one_process_csv(tmp_path_factory) -> dict[str, bytes]:
    """The CSV files of ``extract`` on seeds/ tagged in this process only."""
    base = tmp_path_factory.mktemp("one")
    run_extract([SEEDS], out_dir=base / "out", workspace=Workspace(base / "ws"), n_process=1)
    return _csv_files(base / "out")


# Cores ---------------------------------------------------------------------------


def test_available_cores_is_the_affinity_of_this_process():
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert parallel.available_cores() == expected


@pytest.mark.parametrize(("given", "expected"), [(None, "cores"), (0, "cores"), (1, 1), (3, 3), (-2, 1)])
def test_resolve_processes_defaults_to_every_core(given, expected):
    want = parallel.available_cores() if expected == "cores" else expected
    assert parallel.resolve_processes(given) == want


def test_cli_processes_default_is_every_core_and_scheduler_is_off():
    args = cli.build_parser().parse_args(["extract", "seeds", "--out", "x"])
    assert args.processes is None and parallel.resolve_processes(args.processes) == parallel.available_cores()
    assert args.scheduler is None
    args = cli.build_parser().parse_args(["report", "seeds", "--out", "x", "--processes", "1",
                                          "--scheduler", "tcp://127.0.0.1:1"])
    assert args.processes == 1 and args.scheduler == "tcp://127.0.0.1:1"


# Chunks ----------------------------------------------------------------------------


def test_chunks_are_one_language_in_corpus_order_and_skip_cached(tmp_path):
    ws = Workspace(tmp_path / "ws")
    items = [(f"a{i}", "fr" if i % 3 else "en", f"Texte numéro {i}.") for i in range(10)]
    from helpers.nlp import CACHE_NAMESPACE, cache_key

    cached_payload = {"sents": [[0, 5]], "ents": [], "amounts": []}
    ws.put_cached(CACHE_NAMESPACE, {cache_key(items[4][2], "fr", Watchlist()): json.dumps(cached_payload).encode()})
    results: dict = {}
    stats = parallel.TagStats()
    chunks = list(parallel._chunks(items, workspace=ws, watchlist=Watchlist(), chunk_size=3,
                                   results=results, stats=stats, progress=None))
    assert [(lang, [aid for aid, _ in texts]) for lang, texts, _keys in chunks] == [
        ("fr", ["a1", "a2", "a5"]), ("en", ["a0", "a3", "a6"]), ("fr", ["a7", "a8"]), ("en", ["a9"]),
    ]
    for lang, texts, keys in chunks:
        assert all(items[int(aid[1:])][1] == lang for aid, _ in texts)
        assert len(texts) <= 3 and len(keys) == len(texts)
        assert keys == [cache_key(text, lang, Watchlist()) for _aid, text in texts]
    tagged = [aid for _lang, texts, _k in chunks for aid, _ in texts]
    assert sorted(tagged) == sorted(f"a{i}" for i in range(10) if i != 4)
    for lang in ("fr", "en"):  # each language's articles keep the corpus order
        order = [aid for chunk_lang, texts, _k in chunks if chunk_lang == lang for aid, _ in texts]
        assert order == [aid for aid, item_lang, _ in items if item_lang == lang and aid != "a4"]
    assert {aid: json.loads(blob) for aid, blob in results.items()} == {"a4": cached_payload} and stats.cached == 1


# One process, N processes, Dask: the same rows ------------------------------------


def test_extract_on_two_processes_gives_the_same_csv_files(one_process_csv, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ARTICLES", 1)  # seeds/ is small: use the workers anyway
    calls = []
    real = parallel._run_on_processes

    def spy(*args, **kwargs):
        calls.append(kwargs["processes"])
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "_run_on_processes", spy)
    run_extract([SEEDS], out_dir=tmp_path / "out", workspace=Workspace(tmp_path / "ws"), n_process=2)
    assert calls == [2]
    assert _csv_files(tmp_path / "out") == one_process_csv


def test_report_passes_processes_and_scheduler_to_the_notebooks(tmp_path, articles_dir):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# 01 · Parameters\n\nReads nothing, writes nothing.")]
    params = nbformat.v4.new_code_cell('workspace = ""\nprocesses = 0\nscheduler = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells += [params, nbformat.v4.new_code_cell('print(f"processes={processes} scheduler={scheduler}")')]
    path = tmp_path / "01_params.ipynb"
    nbformat.write(nb, path)
    out = tmp_path / "out"
    ws = Workspace(tmp_path / "ws")
    load_corpus([articles_dir], workspace=ws)
    report.build_report([str(articles_dir)], out_dir=out, workspace=ws,
                        notebooks=[path], progress=False, timeout=120, processes=3, scheduler="tcp://10.0.0.1:8786")
    executed = nbformat.read(out / "notebooks" / path.name, as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "processes=3 scheduler=tcp://10.0.0.1:8786" in printed


def test_cli_says_when_the_scheduler_cannot_be_reached(tmp_path, monkeypatch):
    from distributed import config as dask_config

    monkeypatch.setitem(dask_config["distributed"]["comm"]["timeouts"], "connect", "2s")
    port = _free_port()
    code, _out, err = _run_main(["extract", str(SEEDS), "--out", str(tmp_path / "out"),
                                 "--workspace", str(tmp_path / "ws"), "--quiet",
                                 "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert code == 2
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in err
    assert not (tmp_path / "out").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """Stop a process started with its own session, and whatever it started."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


@pytest.fixture
def dask_cluster(tmp_path):
    """``dask scheduler`` and two ``dask worker`` processes over TCP on 127.0.0.1; stopped at the end."""
    dask = str(Path(sys.executable).parent / "dask")
    port, dashboard = _free_port(), _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    processes: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> None:
        log = open(logs / f"{name}.log", "w")
        processes.append(subprocess.Popen([dask, *args], stdout=log, stderr=subprocess.STDOUT,
                                          start_new_session=True, cwd=tmp_path))
        log.close()

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port),
              "--dashboard-address", f"127.0.0.1:{dashboard}")
        for i in (1, 2):
            start(f"worker{i}", "worker", address, "--nworkers", "1", "--nthreads", "1",
                  "--host", "127.0.0.1", "--no-dashboard", "--local-directory", str(tmp_path / f"w{i}"))
        from distributed import Client

        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=max(deadline - time.monotonic(), 1))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        yield {"address": address, "dashboard": dashboard, "logs": logs}
    finally:
        for process in reversed(processes):
            _stop(process)


def test_extract_on_a_dask_cluster_gives_the_same_csv_files(dask_cluster, one_process_csv, tmp_path):
    code, out, err = _run_main(["extract", str(SEEDS), "--out", str(tmp_path / "out"),
                                "--workspace", str(tmp_path / "ws"), "--quiet",
                                "--scheduler", dask_cluster["address"]])
    assert code == 0, err
    assert f"Tagging on the Dask cluster at {dask_cluster['address']}" in err
    assert f":{dask_cluster['dashboard']}/status" in err  # the dashboard address is printed
    assert "21 articles tagged, 0 from cache" in out
    assert _csv_files(tmp_path / "out") == one_process_csv
    workers_log = "".join((dask_cluster["logs"] / f"worker{i}.log").read_text() for i in (1, 2))
    assert "Traceback" not in workers_log


def test_a_worker_with_another_model_refuses_the_chunk():
    with pytest.raises(RuntimeError, match="install the same Dossier version and models on every worker"):
        parallel.tag_chunk("fr", Watchlist(), [("a1", "Texte.")], 64, "other-model-1.0/0000")


def test_tag_chunk_returns_compact_json_rows_in_order():
    rows = parallel.tag_chunk("xx", Watchlist(), [("a1", "EUR 10 000 ici."), ("a2", "Rien.")], 64,
                              parallel.worker_signature("xx"))
    assert [aid for aid, _ in rows] == ["a1", "a2"]
    payload = json.loads(rows[0][1])
    assert set(payload) == {"sents", "ents", "amounts"} and isinstance(rows[0][1], bytes)


# Screening in warmed processes ------------------------------------------------------


def _pair_queries():
    import pandas as pd

    from helpers.screening import Query

    pairs = pd.read_csv(Path(__file__).resolve().parent / "data" / "screening_pairs.csv", dtype=str,
                        keep_default_na=False)
    return [Query(entity_id=f"pair{i}", name=row.query, label=row.label)
            for i, row in enumerate(pairs.itertuples(index=False))]


def _rows(matches):
    return [(m.query.entity_id, m.sanctions.name, m.entry.entry_id, m.score, m.matched_name, m.explanation)
            for m in matches]


def test_screener_processes_give_the_same_matches_in_the_same_order(monkeypatch):
    from helpers import parallel
    from helpers.screening import DEFAULT_LIST, ListIndex, read_list, screen_queries

    queries = _pair_queries()
    here = screen_queries(queries, ListIndex([read_list(DEFAULT_LIST)]))
    monkeypatch.setattr(parallel, "SCREEN_CHUNK", 100)  # several chunks over two processes
    screener = parallel.Screener("logic-v2", processes=2)
    try:
        there = screener.screen(queries, [DEFAULT_LIST], algorithm="logic-v2", threshold=0.70)
        processes = [process for process, _ in screener.links]
        assert len(processes) == 2 and all(p.is_alive() for p in processes)
    finally:
        screener.close()
    assert len(here) > 200
    assert _rows(there) == _rows(here)
    assert not any(p.is_alive() for p in processes)


def test_screener_reports_a_failure_in_its_process():
    from helpers import parallel
    from helpers.screening import Query

    screener = parallel.Screener("logic-v2")
    try:
        with pytest.raises(RuntimeError, match="screening process failed"):
            screener.screen([Query(entity_id="q", name="Garantex", label="ORG")], ["/nonexistent/list.csv"],
                            algorithm="logic-v2", threshold=0.70)
    finally:
        screener.close()


def test_extract_warms_a_screener_only_when_screening_will_run(tmp_path, monkeypatch):
    """With two cores the screening step runs in a warmed process; a re-run on an unchanged corpus starts none."""
    from helpers import parallel, pipeline
    from helpers.workspace import Workspace

    started = []
    real = parallel.Screener

    class Counting(real):
        def __init__(self, *args, **kwargs):
            started.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "Screener", Counting)
    monkeypatch.setattr(parallel.Screener, "usable", staticmethod(lambda: True))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Garantex sanctionnée\n\nLe Trésor américain a sanctionné Garantex, une "
                                  "plateforme basée à Moscou.", encoding="utf-8")
    ws = Workspace(tmp_path / "ws")
    pipeline.run_extract([corpus], out_dir=tmp_path / "out", workspace=ws, n_process=2)
    assert len(started) == 1 and started[0].links == []  # closed at the end
    assert "Garantex" in set(ws.read_table("screening")["entity_name"])
    pipeline.run_extract([corpus], out_dir=tmp_path / "out", workspace=ws, n_process=2)
    assert len(started) == 1


def test_screener_grows_for_long_query_lists_up_to_the_cores(monkeypatch, tmp_path):
    """More processes for a long list, forked by the warmed screening process from itself, same results."""
    from helpers import parallel
    from helpers.screening import DEFAULT_LIST, ListIndex, read_list, screen_queries

    forked = tmp_path / "forked"
    real = parallel._fork_copies

    def recording(count, algorithm):  # runs in the screening process, which inherits this patch
        copies = real(count, algorithm)
        with forked.open("a") as handle:
            handle.write(f"{os.getpid()} {count}\n")
        return copies

    monkeypatch.setattr(parallel, "_fork_copies", recording)
    monkeypatch.setattr(parallel, "SCREEN_CHUNK", 100)
    queries = _pair_queries()
    screener = parallel.Screener("logic-v2", cores=2)
    try:
        screener.grow_for(parallel.QUERIES_PER_PROCESS - 1)
        assert screener.fanout == 1
        screener.grow_for(10 * parallel.QUERIES_PER_PROCESS)
        assert screener.fanout == 2 and len(screener.links) == 1  # never more than the cores, none forked here
        there = screener.screen(queries, [DEFAULT_LIST], algorithm="logic-v2", threshold=0.70)
        screening_pid = screener.links[0][0].pid
    finally:
        screener.close()
    assert forked.read_text() == f"{screening_pid} 1\n"
    assert _rows(there) == _rows(screen_queries(queries, ListIndex([read_list(DEFAULT_LIST)])))


def test_a_fanned_out_screening_reports_a_failure():
    from helpers import parallel
    from helpers.screening import Query

    screener = parallel.Screener("logic-v2", cores=2)
    screener.fanout = 2
    queries = [Query(entity_id=f"q{i}", name="Garantex", label="ORG") for i in range(2 * parallel.SCREEN_CHUNK)]
    try:
        with pytest.raises(RuntimeError, match="screening process failed"):
            screener.screen(queries, ["/nonexistent/list.csv"], algorithm="logic-v2", threshold=0.70)
    finally:
        screener.close()


def test_a_large_corpus_gets_its_processes_before_it_is_read(one_process_csv, tmp_path, monkeypatch):
    """Above EARLY_START_BYTES the screener and the tagging workers start before loading, and tag as usual."""
    from helpers import pipeline

    events = []
    real_workers, real_load, real_run = parallel.Workers, pipeline.load_corpus, parallel._run_on_processes

    class Recorded(real_workers):
        def __init__(self, *args, **kwargs):
            events.append("workers")
            super().__init__(*args, **kwargs)
            self.recorded_pool = self.pool

    def load(*args, **kwargs):
        events.append("load")
        return real_load(*args, **kwargs)

    def run(*args, **kwargs):
        events.append(("tag", kwargs.get("workers") is not None))
        return real_run(*args, **kwargs)

    monkeypatch.setattr(pipeline, "EARLY_START_BYTES", 1)
    monkeypatch.setattr(parallel.Screener, "usable", staticmethod(lambda: True))
    monkeypatch.setattr(parallel, "Workers", Recorded)
    monkeypatch.setattr(pipeline, "load_corpus", load)
    monkeypatch.setattr(parallel, "_run_on_processes", run)
    real_warm = pipeline._warm_up_steps
    monkeypatch.setattr(pipeline, "_warm_up_steps", lambda langs: events.append(("warm", sorted(langs)))
                        or real_warm(langs))
    ws = Workspace(tmp_path / "ws")
    run_extract([SEEDS], out_dir=tmp_path / "out", workspace=ws, n_process=2)
    # The entity step's tables are built while the workers tag.
    assert events == ["workers", "load", ("tag", True), ("warm", ["en", "fr"])]
    assert _csv_files(tmp_path / "out") == one_process_csv
    # Unchanged corpus: the workers start, nothing is tagged, and the screening is the last run's.
    events.clear()
    screening = ws.read_table("screening")
    run_extract([SEEDS], out_dir=tmp_path / "out", workspace=ws, n_process=2)
    assert events == ["workers", "load"]
    assert ws.read_table("screening").equals(screening)
    assert _csv_files(tmp_path / "out") == one_process_csv


def test_with_screening_processes_the_main_process_never_imports_the_matcher(one_process_csv, tmp_path):
    """The screening processes import nomenklatura (a second); the process handing them queries does not."""
    code = (
        "import sys\n"
        "from helpers import pipeline\n"
        "from helpers.workspace import Workspace\n"
        "pipeline.EARLY_START_BYTES = 1\n"
        "pipeline.run_extract([sys.argv[1]], out_dir=sys.argv[2], workspace=Workspace(sys.argv[3]), n_process=2)\n"
        "print(sorted(m for m in ('nomenklatura', 'helpers.screening.matching') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(SEEDS), str(tmp_path / "out"), str(tmp_path / "ws")],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert _csv_files(tmp_path / "out") == one_process_csv
    assert (tmp_path / "out" / "screening.csv").read_text(encoding="utf-8").count("\n") > 1


def test_a_small_corpus_starts_no_process_before_it_is_read(tmp_path, monkeypatch):
    from helpers import pipeline

    monkeypatch.setattr(parallel, "Workers", lambda *a, **k: pytest.fail("workers started for a small corpus"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Sanctions\n\nLe Trésor a sanctionné Garantex.", encoding="utf-8")
    assert pipeline.EARLY_START_BYTES > (corpus / "a.txt").stat().st_size
    run_extract([corpus], out_dir=tmp_path / "out", workspace=Workspace(tmp_path / "ws"), n_process=2)
    assert (tmp_path / "out" / "mentions.csv").exists()


def test_a_screener_no_longer_needed_is_stopped_during_its_warm_up():
    """When screening will reuse its last run, the early screener is killed, not waited for."""
    screener = parallel.Screener("logic-v2")
    processes = [process for process, _connection in screener.links]
    screener.terminate()
    assert screener.links == []
    assert [process.exitcode for process in processes] == [-signal.SIGKILL]  # still warming when stopped
