"""Tagging on every core of this machine, or on a Dask cluster.

The corpus is streamed in bounded chunks: a chunk is up to ``chunk_size``
consecutive articles of one language that the cache does not hold. A worker
(a local process, or a Dask worker) loads the spaCy pipelines once per process
and sends back each article's payload as compact JSON (sentence spans, entity
spans, amount records), never a ``Doc``. The parent alone writes the workspace.
Chunks are cut the same way whatever runs them, so ``nlp.pipe`` sees the same
batches and the results are identical with one process, N processes or Dask.

Local runs use :class:`concurrent.futures.ProcessPoolExecutor` (forked
processes, or forkserver ones when threads run); a cluster is reached with
:class:`distributed.Client`, and a worker plugin loads the pipelines once per
Dask worker.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from helpers.nlp import (
    CACHE_NAMESPACE,
    Payloads,
    TagStats,
    Watchlist,
    cache_key,
    doc_payload,
    load_pipeline,
    model_signature,
    tagger_signature,
)

log = logging.getLogger(__name__)

#: Articles looked up in the cache at a time.
LOOKUP_SIZE = 1024
#: Below this many articles to tag, worker processes cost more than they save.
MIN_PARALLEL_ARTICLES = 128
#: Chunks in flight per worker: enough to keep each one busy, few enough to bound memory.
CHUNKS_PER_WORKER = 2
#: Cache rows written per transaction.
CACHE_BATCH = 256

Chunk = tuple[str, list[tuple[str, str]], list[str]]  # (lang, [(article_id, text)], [cache key])
Rows = list[tuple[str, bytes]]  # [(article_id, payload as JSON), ...]


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return max(counter() or 1, 1)
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


def resolve_processes(n_process: int | None) -> int:
    """``None`` or ``0`` mean every available core; otherwise ``n_process`` (at least 1)."""
    if not n_process:
        return available_cores()
    return max(int(n_process), 1)


# Work done in a worker --------------------------------------------------------


_PIPE_LOCK = threading.Lock()


def tag_chunk(lang: str, watchlist: Watchlist, items: list[tuple[str, str]], batch_size: int,
              signature: str | None = None) -> Rows:
    """Tag one chunk: ``[(article_id, payload JSON)]``, in the chunk's order.

    Runs in a worker process; the pipeline is loaded on first use and kept for
    the life of the process. A lock keeps one ``nlp.pipe`` at a time per process
    (Dask workers run tasks in threads). ``signature`` is the caller's
    :func:`worker_signature`: a worker with another model or code refuses the
    chunk, since the caller would cache its tags under the wrong key.
    """
    if signature is not None and signature != worker_signature(lang):
        raise RuntimeError(
            f"this worker tags {lang} with {worker_signature(lang)}, the caller expects {signature}: "
            "install the same Dossier version and models on every worker"
        )
    nlp = load_pipeline(lang, watchlist)
    texts = ((text, aid) for aid, text in items)
    with _PIPE_LOCK:
        return [
            (aid, json.dumps(doc_payload(doc), ensure_ascii=False).encode("utf-8"))
            for doc, aid in nlp.pipe(texts, as_tuples=True, batch_size=batch_size)
        ]


def worker_signature(lang: str) -> str:
    """The model and tagging code a process uses for ``lang`` (part of every cache key)."""
    return f"{model_signature(lang)}/{tagger_signature()}"


def _preload(langs: tuple[str, ...], watchlist: Watchlist) -> None:
    """Worker initialiser: load the pipelines once, before the first chunk arrives."""
    for lang in langs:
        load_pipeline(lang, watchlist)


class PipelinePlugin(WorkerPlugin):
    """Dask worker plugin: loads the tagging pipelines once per worker process."""

    name = "dossier-pipelines"

    def __init__(self, langs: Iterable[str], watchlist: Watchlist) -> None:
        self.langs = tuple(sorted(set(langs)))
        self.watchlist = watchlist

    def setup(self, worker: Any) -> None:
        _preload(self.langs, self.watchlist)


# Cutting the corpus into chunks ------------------------------------------------


def _chunks(
    items: Iterable[tuple[str, str, str]],
    *,
    workspace: Any,
    watchlist: Watchlist,
    chunk_size: int,
    results: dict[str, bytes],
    stats: TagStats,
    progress: Callable[[int], None] | None,
) -> Iterator[Chunk]:
    """Chunks of uncached articles; cached ones go straight into ``results``.

    Each language keeps its own buffer, so a chunk holds consecutive articles of
    one language in corpus order, exactly the batches a single ``nlp.pipe``
    over that language would make.
    """
    buffers: dict[str, tuple[list[tuple[str, str]], list[str]]] = {}
    iterator = iter(items)
    while block := list(islice(iterator, LOOKUP_SIZE)):
        keys = [cache_key(text, lang, watchlist) for _aid, lang, text in block]
        cached = workspace.get_cached(CACHE_NAMESPACE, list(set(keys))) if workspace else {}
        hits = 0
        for (aid, lang, text), key in zip(block, keys):
            blob = cached.get(key)
            if blob is not None:
                results[aid] = bytes(blob)
                hits += 1
                continue
            texts, chunk_keys = buffers.setdefault(lang, ([], []))
            texts.append((aid, text))
            chunk_keys.append(key)
            if len(texts) >= chunk_size:
                yield lang, texts, chunk_keys
                del buffers[lang]
        stats.cached += hits
        if progress and hits:
            progress(hits)
    for lang, (texts, chunk_keys) in buffers.items():
        yield lang, texts, chunk_keys


# Running the chunks ------------------------------------------------------------


class _Writer:
    """Collects finished chunks: payloads into ``results``, JSON into the cache."""

    def __init__(self, workspace: Any, results: dict, stats: TagStats,
                 progress: Callable[[int], None] | None) -> None:
        self.workspace, self.results = workspace, results
        self.stats, self.progress = stats, progress
        self.pending: dict[str, bytes] = {}
        self.keys: dict[str, str] = {}

    def expect(self, chunk: Chunk) -> None:
        """Remember the cache keys of a chunk sent out, to store its rows when they come back."""
        _lang, items, keys = chunk
        self.keys.update((aid, key) for (aid, _text), key in zip(items, keys))

    def add(self, rows: Rows) -> None:
        for aid, blob in rows:
            self.results[aid] = blob
            self.pending[self.keys.pop(aid)] = blob
        self.stats.tagged += len(rows)
        if self.progress and rows:
            self.progress(len(rows))
        if len(self.pending) >= CACHE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.workspace is not None and self.pending:
            self.workspace.put_cached(CACHE_NAMESPACE, self.pending)
        self.pending = {}


def tag_stream(
    items: Iterable[tuple[str, str, str]],
    *,
    workspace: Any = None,
    watchlist: Watchlist = Watchlist(),
    batch_size: int = 64,
    n_process: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
    workers: Workers | None = None,
) -> tuple[Payloads, TagStats]:
    """Tag ``(article_id, lang, text)`` items in chunks, here, on local workers or on Dask.

    See :func:`helpers.nlp.tag_texts`, which calls this. ``workers`` (a
    :class:`Workers` already started) tag every chunk, however few.
    """
    results: dict[str, bytes] = {}
    stats = TagStats()
    writer = _Writer(workspace, results, stats, progress)
    chunks = _chunks(items, workspace=workspace, watchlist=watchlist, chunk_size=batch_size,
                     results=results, stats=stats, progress=progress)
    processes = resolve_processes(n_process)
    try:
        if scheduler:
            _run_on_dask(chunks, scheduler=scheduler, watchlist=watchlist, batch_size=batch_size, writer=writer)
        else:
            # Look ahead: a small amount of work is tagged here, without starting workers.
            head: list[Chunk] = []
            for chunk in chunks:
                head.append(chunk)
                if _worth_workers(head):
                    break
            queue = _chain(head, chunks)
            if workers is not None and head:
                _run_on_processes(queue, processes=workers.processes, watchlist=watchlist, batch_size=batch_size,
                                  writer=writer, langs={c[0] for c in head}, workers=workers)
            elif processes == 1 or not _worth_workers(head):
                for chunk in queue:
                    writer.expect(chunk)
                    writer.add(tag_chunk(chunk[0], watchlist, chunk[1], batch_size))
            else:
                _run_on_processes(queue, processes=processes, watchlist=watchlist,
                                  batch_size=batch_size, writer=writer, langs={c[0] for c in head})
    finally:
        writer.flush()
    return Payloads(results), stats


def _worth_workers(head: list[Chunk]) -> bool:
    """Workers pay off from two chunks and :data:`MIN_PARALLEL_ARTICLES` articles on."""
    return len(head) >= 2 and sum(len(chunk[1]) for chunk in head) >= MIN_PARALLEL_ARTICLES


def _chain(head: list[Chunk], rest: Iterator[Chunk]) -> Iterator[Chunk]:
    yield from head
    yield from rest


def _run_bounded(chunks: Iterator[Chunk], submit: Callable[[Chunk], Any], wait_one: Callable[[set], tuple],
                 *, in_flight: int, writer: _Writer, idle: Callable[[], None] | None = None,
                 received: Callable[[Rows], None] | None = None) -> None:
    """Keep at most ``in_flight`` chunks out at a time, handing results to ``writer``.

    ``idle`` is called once, the first time this process would wait for a chunk;
    ``received`` with each chunk's rows once stored, while the others are tagged.
    """
    running: set = set()

    def collect(done) -> None:
        for future in done:
            rows = future.result()
            writer.add(rows)
            if received is not None:
                received(rows)

    for chunk in chunks:
        writer.expect(chunk)
        running.add(submit(chunk))
        if idle is not None and len(running) >= in_flight:
            idle()
            idle = None
        while len(running) >= in_flight:
            done, running = wait_one(running)
            collect(done)
    if idle is not None:
        idle()
    while running:
        done, running = wait_one(running)
        collect(done)


def _process_context() -> multiprocessing.context.BaseContext:
    """Fork when this process runs a single thread (workers start at once, spaCy already
    imported); otherwise a forkserver, since forking a process with threads can deadlock."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["helpers.parallel"])
    return context


def _import_languages(langs: Iterable[str]) -> None:
    """Import spaCy's language data here, before the workers are forked, so they inherit it.

    Importing ``spacy.lang.fr`` compiles the French tokenizer exceptions' regular
    expression, about 3 s of CPU; forked workers share the compiled module instead
    of each compiling it again. The models themselves are still loaded in each
    worker.
    """
    import importlib

    for lang in sorted(langs):
        try:
            importlib.import_module(f"spacy.lang.{lang}")
        except ImportError:  # no spaCy language data: the worker falls back to a blank pipeline
            continue


class Workers:
    """Tagging processes started before the corpus is read.

    Forked while this process is still small, they share none of the corpus's
    tables: a process forked later keeps its own copy of every page of the
    parent that the parent changes afterwards. spaCy's language data is
    imported first, so the workers inherit it. Once the corpus is read,
    :meth:`preload` tells them its languages and each loads those pipelines
    while this process goes on; ``tag_stream(workers=...)`` tags on them;
    :meth:`close` stops them (told nothing, they load nothing).
    """

    def __init__(self, processes: int, watchlist: Watchlist) -> None:
        from helpers.nlp import MODEL_CANDIDATES, model_name

        self.processes = processes
        self.watchlist = watchlist
        #: Called once, the first time this process waits for the workers: work to do meanwhile.
        self.idle: Callable[[], None] | None = None
        #: Called with the rows of each chunk the workers return, while they tag the next ones.
        self.received: Callable[[Rows], None] | None = None
        self._told = False
        _import_languages(lang for lang in MODEL_CANDIDATES if model_name(lang) is not None)
        context = multiprocessing.get_context("fork")
        self._languages = context.SimpleQueue()  # no feeder thread: this process stays single-threaded
        self.pool = ProcessPoolExecutor(max_workers=processes, mp_context=context,
                                        initializer=_preload_when_told, initargs=(self._languages, watchlist))
        for _ in range(processes):  # one task per process starts every process now
            self.pool.submit(_ready)
        log.info("Started %d tagging processes before reading the corpus", processes)

    def preload(self, langs: Iterable[str]) -> None:
        """Have every process load the pipelines of ``langs`` now (once; later calls do nothing)."""
        self._tell(tuple(sorted(set(langs))))

    def _tell(self, langs: tuple[str, ...]) -> None:
        if not self._told:
            self._told = True
            for _ in range(self.processes):
                self._languages.put(langs)

    def close(self) -> None:
        self._tell(())  # processes still waiting to be told start with no pipeline
        self.pool.shutdown(wait=True, cancel_futures=True)


def _preload_when_told(languages, watchlist: Watchlist) -> None:
    """Worker initialiser of :class:`Workers`: wait for the corpus's languages, then load their pipelines."""
    _preload(languages.get(), watchlist)


def _ready() -> bool:
    return True


def _run_on_processes(chunks: Iterator[Chunk], *, processes: int, watchlist: Watchlist, batch_size: int,
                      writer: _Writer, langs: set[str], workers: Workers | None = None) -> None:
    if workers is not None:
        log.info("Tagging on %d local processes (started before the corpus was read)", workers.processes)
        _run_on_pool(workers.pool, chunks, processes=workers.processes, watchlist=watchlist,
                     batch_size=batch_size, writer=writer, idle=workers.idle, received=workers.received)
        return
    context = _process_context()
    log.info("Tagging on %d local processes", processes)
    if context.get_start_method() == "fork":
        _import_languages(langs)
    with ProcessPoolExecutor(max_workers=processes, mp_context=context,
                             initializer=_preload, initargs=(tuple(sorted(langs)), watchlist)) as pool:
        _run_on_pool(pool, chunks, processes=processes, watchlist=watchlist, batch_size=batch_size, writer=writer)


def _run_on_pool(pool: ProcessPoolExecutor, chunks: Iterator[Chunk], *, processes: int, watchlist: Watchlist,
                 batch_size: int, writer: _Writer, idle: Callable[[], None] | None = None,
                 received: Callable[[Rows], None] | None = None) -> None:

    def submit(chunk: Chunk) -> Future:
        return pool.submit(tag_chunk, chunk[0], watchlist, chunk[1], batch_size)

    def wait_one(running: set) -> tuple:
        done, rest = wait(running, return_when=FIRST_COMPLETED)
        return done, set(rest)

    _run_bounded(chunks, submit, wait_one, in_flight=processes * CHUNKS_PER_WORKER, writer=writer, idle=idle,
                 received=received)


_CLIENTS: dict[str, Any] = {}


def dask_client(address: str):
    """A :class:`distributed.Client` connected to the scheduler at ``address``, one per process."""
    if address not in _CLIENTS:
        from distributed import Client

        _CLIENTS[address] = Client(address, set_as_default=False)
        log.info("Connected to the Dask scheduler at %s (dashboard: %s)", address, _CLIENTS[address].dashboard_link)
    return _CLIENTS[address]


def dashboard_link(address: str) -> str:
    """The dashboard address of the Dask scheduler at ``address``."""
    return dask_client(address).dashboard_link


def close_clients() -> None:
    """Close the Dask clients :func:`dask_client` opened."""
    while _CLIENTS:
        _CLIENTS.popitem()[1].close()


def _run_on_dask(chunks: Iterator[Chunk], *, scheduler: str, watchlist: Watchlist, batch_size: int,
                 writer: _Writer) -> None:
    from distributed import wait as dask_wait

    client = dask_client(scheduler)
    workers = max(sum(client.nthreads().values()), 1)
    plugin_langs: set[str] = set()

    def submit(chunk: Chunk):
        lang = chunk[0]
        if lang not in plugin_langs:
            plugin_langs.add(lang)
            client.register_plugin(PipelinePlugin(plugin_langs, watchlist), name=PipelinePlugin.name)
        return client.submit(tag_chunk, lang, watchlist, chunk[1], batch_size, worker_signature(lang), pure=False)

    def wait_one(running: set) -> tuple:
        done, rest = dask_wait(list(running), return_when="FIRST_COMPLETED")
        return done, set(rest)

    with client.as_current():  # the client ``wait`` uses, without making it the process default
        _run_bounded(chunks, submit, wait_one, in_flight=workers * CHUNKS_PER_WORKER, writer=writer)


# Screening in warmed processes ---------------------------------------------------

#: Queries per screening request: small enough to share a long list evenly between the processes.
SCREEN_CHUNK = 500
#: Queries per screening process: copies are forked warm from the first process, up to the cores.
#: A query costs about a millisecond with the trigram check of the matcher, so a copy pays off from
#: a few thousand (forking and gathering one takes about a fifth of a second).
QUERIES_PER_PROCESS = 4 * SCREEN_CHUNK


class Screener:
    """Screening processes that warm the name matcher while the articles are tagged.

    Started before tagging, one process builds rigour's name tables (seconds
    of work, once per process) while the tagging workers load their models and
    tag, so screening starts warm when the entities are ready. For a long list
    of queries, :meth:`grow_for` asks for more processes (up to ``cores``):
    the warmed process forks them from itself when the queries arrive, so they
    start warm and share its tables, and none is forked from this process,
    whose corpus tables are large by then (a forked process keeps its own copy
    of every page its parent changes afterwards). The processes talk over
    pipes, with no thread in this process, so the tagging workers forked after
    them are forked from a single-threaded process too. Queries go out in
    chunks of :data:`SCREEN_CHUNK` to whichever process is free; the results
    are those of :func:`helpers.screening.matching.screen_queries` in this
    process, in the same order.
    """

    def __init__(self, algorithm: str, *, processes: int = 1, cores: int | None = None) -> None:
        self.algorithm = algorithm
        self.cores = max(cores or processes, processes, 1)
        self.links: list = []
        #: Processes the first one forks from itself for the next queries (1: it screens alone).
        self.fanout = 1
        log.info("Warming the name matcher in %d screening process(es) while tagging", max(processes, 1))
        self._fork(max(processes, 1))

    def _fork(self, count: int) -> None:
        self.links.extend(_fork_screeners(count, self.algorithm))

    def grow_for(self, queries: int) -> None:
        """Screen ``queries`` queries on one process per :data:`QUERIES_PER_PROCESS`, up to the cores."""
        wanted = min(self.cores, max(1, queries // QUERIES_PER_PROCESS))
        if wanted > max(len(self.links), self.fanout):
            log.info("Screening %d names on %d processes", queries, wanted)
            self.fanout = wanted

    @staticmethod
    def usable() -> bool:
        """True when screening processes can be forked safely here (fork exists, no other thread runs)."""
        return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1

    def screen(self, queries: list, paths: Iterable[str | os.PathLike], *, algorithm: str,
               threshold: float) -> list:
        if algorithm != self.algorithm:
            raise ValueError(f"these screening processes were warmed for {self.algorithm}, not {algorithm}")
        key = tuple(str(p) for p in paths)
        chunks = [queries[i:i + SCREEN_CHUNK] for i in range(0, len(queries), SCREEN_CHUNK)]
        if len(self.links) == 1 and self.fanout > 1 and len(chunks) > 1:
            connection = self.links[0][1]
            connection.send(("fan out", key, chunks, threshold, self.fanout))
            results = _answer(connection.recv())
        else:
            results = _dispatch([connection for _process, connection in self.links], key, chunks, threshold)
        return [match for chunk in results for match in chunk]

    def close(self) -> None:
        _close_screeners(self.links)
        self.links = []

    def terminate(self) -> None:
        """Stop the processes at once, without waiting for a warm-up to end (when no screening will run)."""
        for process, connection in self.links:
            process.kill()
            connection.close()
        for process, _connection in self.links:
            process.join()
        self.links = []


def _fork_screeners(count: int, algorithm: str) -> list:
    """``count`` forked screening processes, as ``(process, connection)`` pairs."""
    context = multiprocessing.get_context("fork")
    links = []
    for _ in range(count):
        ours, theirs = context.Pipe()
        process = context.Process(target=_screen_loop, args=(theirs, algorithm), daemon=True,
                                  name="dossier-screening")
        process.start()
        theirs.close()
        links.append((process, ours))
    return links


def _hang_up(connections: Iterable) -> None:
    """Tell each screening process at ``connections`` to stop (``None``), and close the connection."""
    for connection in connections:
        try:
            connection.send(None)
        except OSError:
            pass
        connection.close()


def _close_screeners(links: list) -> None:
    _hang_up(connection for _process, connection in links)
    for process, _connection in links:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()


def _answer(reply: tuple) -> Any:
    status, value = reply
    if status == "error":
        raise RuntimeError(f"screening process failed: {value}")
    return value


def _dispatch(connections: list, key: tuple[str, ...], chunks: list[list], threshold: float,
              local: Callable[[list], list] | None = None) -> list[list]:
    """Screen ``chunks`` on the processes at ``connections``, each chunk to whichever is free.

    With ``local``, this process screens chunks too (with ``local(chunk)``)
    whenever no answer is waiting. Returns the results chunk by chunk, in order.
    """
    results: list[list] = [[] for _ in chunks]
    idle = list(range(len(connections)))
    busy: dict[int, int] = {}  # connection number -> chunk number
    pending = list(range(len(chunks)))
    while pending or busy:
        while pending and idle:
            link, number = idle.pop(0), pending.pop(0)
            connections[link].send((key, chunks[number], threshold))
            busy[link] = number
        if local is not None and pending:
            number = pending.pop(0)
            results[number] = local(chunks[number])
            timeout = 0.0
        else:
            timeout = None
        ready = multiprocessing.connection.wait([connections[link] for link in busy], timeout=timeout)
        for link in list(busy):
            if connections[link] in ready:
                results[busy.pop(link)] = _answer(connections[link].recv())
                idle.append(link)
    return results


def _screen_loop(connection, algorithm: str) -> None:
    """A screening process: warm up, then answer requests until ``None``.

    A request is ``(paths, queries, threshold)``, or ``("fan out", paths,
    chunks, threshold, processes)``: this process forks ``processes - 1``
    copies of itself (warm, sharing its tables) and screens the chunks with
    them, then stops them.
    """
    from helpers.screening.matching import warm_up

    warm_up(algorithm)
    _serve(connection, algorithm, copies_allowed=True)


def _serve(connection, algorithm: str, *, copies_allowed: bool) -> None:
    from helpers.screening.matching import screen_list_chunk

    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            if request[0] == "fan out" and copies_allowed:
                _tag, paths, chunks, threshold, processes = request
                screen_list_chunk(paths, [], algorithm, threshold)  # the lists, read before forking
                copies = _fork_copies(processes - 1, algorithm)
                try:
                    value = _dispatch([c for _pid, c in copies], paths, chunks, threshold,
                                      local=lambda chunk: screen_list_chunk(paths, chunk, algorithm, threshold))
                finally:
                    _stop_copies(copies)
            else:
                paths, queries, threshold = request
                value = screen_list_chunk(paths, queries, algorithm, threshold)
            connection.send(("ok", value))
        except Exception as err:  # reported to the caller, which raises it
            connection.send(("error", f"{type(err).__name__}: {err}"))


def _fork_copies(count: int, algorithm: str) -> list[tuple[int, Any]]:
    """Fork ``count`` copies of this (warmed, single-threaded) screening process: ``(pid, connection)``.

    Plain ``os.fork``: a daemonic multiprocessing process may not start
    multiprocessing children.
    """
    copies = []
    for _ in range(count):
        ours, theirs = multiprocessing.Pipe()
        pid = os.fork()
        if pid == 0:  # the copy
            code = 0
            try:
                ours.close()
                for _pid, other in copies:
                    other.close()
                _serve(theirs, algorithm, copies_allowed=False)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        theirs.close()
        copies.append((pid, ours))
    return copies


def _stop_copies(copies: list[tuple[int, Any]]) -> None:
    _hang_up(connection for _pid, connection in copies)
    for pid, _connection in copies:
        os.waitpid(pid, 0)
