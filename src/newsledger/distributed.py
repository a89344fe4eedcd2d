"""Run the extraction on a Dask cluster: for corpora that outgrow one process or one machine.

``newsledger ingest FILE... --dask local:4`` (or ``--dask tcp://SCHEDULER:8786``) and the same for
``extract``. What happens:

* The client (the process that runs the command) reads the inputs with :mod:`newsledger.ingest`,
  lazily, and cuts the stream of articles into *partitions* of ``partition_size`` articles. Reading
  stays on the client so workers need no access to the input files; a partition travels to a worker
  as plain data (the article JSON and its source).
* Every worker holds the spaCy pipeline and the stages in a :class:`PipelinePlugin` (a Dask
  ``WorkerPlugin``), built once when the worker joins, not per task. A worker that is restarted
  builds it again when it rejoins; the plugin stays registered on a long-lived cluster, so a second
  run with the same settings finds the model warm.
* Each partition is one task. Only ``window`` partitions are in flight at a time, so memory stays flat
  on endless input. Results come back in input order: either streamed to the one writer (the store,
  for ``ingest``; stdout, for ``extract``), or written by the workers as Parquet shards
  (:mod:`newsledger.shards`, ``extract --output DIR``) that ``newsledger load DIR`` brings into a
  store.
* An article that fails comes back as a :class:`~newsledger.pipeline.Failure` with its reason, as in
  a single-process run. A worker that dies mid-task loses nothing: the scheduler moves its tasks to
  another worker (``distributed.scheduler.allowed-failures`` times), and a task that raised is
  retried ``retries`` times; a partition that still cannot be done comes back as one Failure per
  article, saying so (code N700), so every input is accounted for.

Records are the ones a single-process run gives, byte for byte: workers run the same
:class:`~newsledger.pipeline.Pipeline` on the same articles; the record crosses the wire as its
SPEC JSON.

Dask itself is an optional dependency (``pip install 'newsledger[dask]'``); nothing here imports it
until a cluster is used.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator

from .errors import ClusterError, StageError
from .pipeline import Failure, Pipeline, _from_wire, _to_wire, registered_stages
from .records import Article

try:  # optional: `pip install 'newsledger[dask]'`; connect() says so when it is missing
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - exercised only without the extra
    _WorkerPlugin = object  # type: ignore[assignment,misc]

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["connect", "run_on_dask", "PipelinePlugin", "ShardWritten", "DEFAULT_PARTITION_SIZE"]

log = logging.getLogger("newsledger")

#: articles per task: big enough that a task's overhead (a few ms) vanishes next to parsing, small
#: enough that a dead worker costs little and progress moves.
DEFAULT_PARTITION_SIZE = 32
_STATE_ATTR = "_newsledger_pipelines"


def _need_dask() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise ClusterError("Dask is not installed; install it with `pip install 'newsledger[dask]'` "
                           "(on the client and on every worker)") from None


# ---------------------------------------------------------------------------- the cluster
def connect(address: str, *, timeout: str = "10s") -> tuple["Client", Any]:
    """A Dask client for ``address``, and the LocalCluster it started (or None).

    ``local:N`` starts N single-threaded worker processes on this machine (``local`` alone: one a
    CPU core); ``tcp://HOST:PORT`` (or ``tls://``, or ``HOST:PORT``) connects to a running
    scheduler (``dask scheduler``) with its workers (``dask worker``).
    """
    _need_dask()
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)  # its INFO lines would drown the progress
    address = address.strip()
    if address == "local" or address.startswith("local:"):
        _, _, n = address.partition(":")
        try:
            workers = int(n) if n else None
        except ValueError:
            workers = 0
        if workers is not None and workers < 1:
            raise ClusterError(f"--dask {address}: give the number of local workers as local:N, N at least 1 "
                               "(e.g. local:4)")
        import os

        workers = workers or os.cpu_count() or 1
        try:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
        except Exception as exc:  # startup errors come in many types
            raise ClusterError(f"cannot start a local Dask cluster of {workers} workers: {exc}") from None
        return Client(cluster), cluster
    if "://" not in address:
        address = "tcp://" + address
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}; start one with `dask scheduler` "
                           "and workers with `dask worker ADDRESS --nthreads 1` (README: Dask), or use --dask local:N"
                           ) from None
    return client, None


# ---------------------------------------------------------------------------- the worker side
class PipelinePlugin(_WorkerPlugin):
    """Builds the newsledger :class:`Pipeline` (loading the spaCy model) once per worker.

    Registered by :func:`run_on_dask` under a name that carries the pipeline's settings, so runs
    with different models or stages on one cluster each get their own. Tasks on a worker with
    several threads take turns on the pipeline (a spaCy pipeline is not shared between threads):
    give workers one thread each (``dask worker --nthreads 1``) and as many workers as cores.
    """

    idempotent = True

    def __init__(self, config: dict) -> None:
        self.config = dict(config)
        self.name = "newsledger-pipeline-" + _config_key(self.config)

    def setup(self, worker: Any) -> None:
        pipe = Pipeline(**self.config)
        pipe.nlp  # load the model now, once
        state = getattr(worker, _STATE_ATTR, None)
        if state is None:
            state = {}
            setattr(worker, _STATE_ATTR, state)
        state[self.name] = (pipe, threading.Lock())

    def teardown(self, worker: Any) -> None:
        getattr(worker, _STATE_ATTR, {}).pop(self.name, None)


def _config_key(config: dict) -> str:
    import hashlib
    import json

    return hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()[:12]


def _worker_pipeline(name: str) -> tuple[Pipeline, threading.Lock]:
    from distributed import get_worker

    worker = get_worker()
    state = getattr(worker, _STATE_ATTR, {}).get(name)
    if state is None:
        raise ClusterError(f"the newsledger plugin {name} is not set up on the worker {worker.address}; "
                           "workers need newsledger and its spaCy model installed (README: Dask)")
    return state


def _run_partition(plugin_name: str, wires: list, out_dir: str | None = None, index: int = 0) -> list | tuple:
    """The task: extract one partition on this worker's pipeline.

    Returns the results as wires in input order, or, with ``out_dir``, writes them as shard
    ``index`` and returns ``(shard path, records written, failure wires)``.
    """
    pipe, lock = _worker_pipeline(plugin_name)
    items = [_from_wire(w) for w in wires]
    with lock:
        results = list(pipe.process(items))
    if out_dir is None:
        return [_to_wire(r) for r in results]
    from .shards import write_shard

    sources = [it.source if isinstance(it, Article) else None for it in items]
    path = write_shard(out_dir, index, zip(results, sources))
    return (str(path), sum(not isinstance(r, Failure) for r in results),
            [_to_wire(r) for r in results if isinstance(r, Failure)])


# ---------------------------------------------------------------------------- the client side
@dataclass(frozen=True)
class ShardWritten:
    """A partition written as a Parquet shard by a worker (``--output``): where, and how many records."""

    path: str
    records: int


class _Ticker:
    """A progress line on stderr every ``every`` seconds (for logs and terminals alike)."""

    def __init__(self, stream: IO[str] | None, every: float = 10.0) -> None:
        self.stream, self.every = stream, every
        self.start = self.last = time.monotonic()
        self.done = self.failed = 0

    def add(self, n: int, failed: int = 0) -> None:
        self.done += n
        self.failed += failed
        now = time.monotonic()
        if self.stream is not None and now - self.last >= self.every:
            self.last = now
            rate = self.done / max(now - self.start, 1e-9)
            self.stream.write(f"dask: {self.done} article(s) done ({rate:.1f}/s), {self.failed} failed\n")
            self.stream.flush()


def _lost(wires: list, why: str) -> list[Failure]:
    """One Failure per article of a partition that could not be done."""
    out = []
    for w in wires:
        item = _from_wire(w)
        if isinstance(item, Failure):
            out.append(item)
        else:
            out.append(Failure(item.source or item.doc_id, why, ClusterError.code, item.doc_id))
    return out


def run_on_dask(
    pipe: Pipeline,
    items: Iterable,
    address: str | None = None,
    *,
    client: "Client | None" = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    window: int | None = None,
    retries: int = 2,
    output: str | None = None,
    progress: IO[str] | None = None,
) -> Iterator[Any]:
    """Run ``pipe``'s extraction over ``items`` (Articles, InputErrors, Failures) on a Dask cluster.

    Yields one Record or Failure per input item, in input order, like :meth:`Pipeline.process`; with
    ``output`` (a directory every worker can write to, made absolute here) the workers write Parquet shards and
    this yields a :class:`ShardWritten` per partition and the Failures. Give ``address`` (see
    :func:`connect`) or a ``client`` of your own (left open). ``progress``: a stream for a progress
    line every ten seconds.
    """
    if pipe.stage_names is None and pipe.stages != registered_stages():
        raise StageError("a pipeline built from Stage objects runs in one process only; register the stages "
                         "with @newsledger.stage to run them on Dask")
    if output is not None:
        import os

        output = os.path.abspath(output)
    if client is None and not address:
        raise ClusterError("give a Dask scheduler address (tcp://HOST:8786) or local:N")
    own = client is None
    cluster = None
    if own:
        client, cluster = connect(address or "")
    try:
        yield from _drive(client, pipe, items, partition_size=max(1, partition_size), window=window,
                          retries=retries, output=output, progress=progress)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


def _drive(client: "Client", pipe: Pipeline, items: Iterable, *, partition_size: int, window: int | None,
           retries: int, output: str | None, progress: IO[str] | None) -> Iterator[Any]:
    config = dict(model=pipe.model, stages=pipe.stage_names, max_chars=pipe.max_chars,
                  check_language=pipe.check_language, batch_size=pipe.batch_size, chunk_chars=pipe.chunk_chars)
    plugin = PipelinePlugin(config)
    try:
        client.register_plugin(plugin)
    except Exception as exc:  # the plugin's setup failed on a worker (no model there, ...)
        raise ClusterError(f"cannot set up the newsledger pipeline on the Dask workers: {exc}; every worker needs "
                           "newsledger and the spaCy model installed (README: Dask)") from None
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = window or 3 * n_workers
    if progress is not None:
        progress.write(f"dask: {n_workers} worker(s) at {client.scheduler.address}"
                       + (f", dashboard {client.dashboard_link}" if _has_dashboard(client) else "") + "\n")
        progress.flush()
    ticker = _Ticker(progress)
    run_id = uuid.uuid4().hex[:8]
    it = iter(items)
    inflight: deque = deque()
    index = 0
    while True:
        while len(inflight) < window:
            batch = list(itertools.islice(it, partition_size))
            if not batch:
                break
            wires = [_to_wire(x) for x in batch]
            fut = client.submit(_run_partition, plugin.name, wires, output, index, retries=retries, pure=False,
                                key=f"newsledger-{run_id}-{index:06d}")
            inflight.append((fut, wires))
            index += 1
        if not inflight:
            return
        fut, wires = inflight.popleft()
        try:
            got = fut.result()
        except Exception as exc:  # KilledWorker after allowed-failures, or a task that kept raising
            fut.release()
            why = (f"lost on the Dask cluster after {retries} retries ({type(exc).__name__}: {exc}); "
                   "re-run the article, and check the workers' memory and logs")
            lost = _lost(wires, why)
            ticker.add(len(lost), len(lost))
            yield from lost
            continue
        fut.release()
        if output is None:
            results = [_from_wire(w) for w in got]
            ticker.add(len(results), sum(isinstance(r, Failure) for r in results))
            yield from results
        else:
            path, n_records, failure_wires = got
            failures = [_from_wire(w) for w in failure_wires]
            ticker.add(n_records + len(failures), len(failures))
            yield ShardWritten(path, n_records)
            yield from failures


def _has_dashboard(client: "Client") -> bool:
    try:
        return bool(client.scheduler_info().get("services", {}).get("dashboard"))
    except Exception:
        return False
