"""The spine: parse each article once, run the registered extraction stages in order, build the record.

A *stage* is a function ``(doc, found) -> dict`` registered with :func:`stage`, declaring the record
fields it reads (``requires``) and the ones it writes (``provides``). ``found`` is a frozen
:class:`Found` holding the article and what earlier stages produced; the pipeline checks that what a
stage returns is exactly what it declared (spaCy's habit of checking what a component gives back).
Stages live in ``newsledger.extract``, one module each; the default order is
:data:`newsledger.extract.DEFAULT_STAGES`.

Batches stream through ``nlp.pipe`` inside spaCy memory zones, so memory stays flat however many
articles pass; ``n_process > 1`` runs whole extractions in worker processes, each loading the model
once.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .checks import BATCH_CHARS, MAX_CHARS, check_article, check_max_chars
from .errors import ArticleTimeoutError, InputError, NewsledgerError, StageError
from .nlp import CHUNK_CHARS, TokenizerWarmer, chunk_text, join_docs, load_model, make_doc
# Failure and normalize_published live with the other record types (re-exported here for callers)
from .records import Article, Failure, Record, normalize_published
from .stages import RECORD_FIELDS, Found, Stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "Found",
    "Stage",
    "stage",
    "registered_stages",
    "Failure",
    "Pipeline",
    "normalize_published",
]

log = logging.getLogger("newsledger")

# ---------------------------------------------------------------------------- stages
_REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, provides: Sequence[str], requires: Sequence[str] = ()) -> Callable:
    """Register ``func(doc, found) -> dict`` as the extraction stage ``name``."""
    unknown = [f for f in (*provides, *requires) if f not in RECORD_FIELDS]
    if unknown:
        raise ValueError(f"stage {name!r}: unknown record field(s) {unknown}; known: {list(RECORD_FIELDS)}")

    def register(func: Callable) -> Callable:
        _REGISTRY[name] = Stage(name, func, tuple(requires), tuple(provides))
        return func

    return register


def registered_stages(names: Sequence[str] | None = None) -> list[Stage]:
    """The stages to run, in order: ``names`` (plus what they require), or every built default stage."""
    from .extract import default_stages

    table = {s.name: s for s in default_stages()}
    table.update(_REGISTRY)  # stages registered with @stage (a same-named one replaces the default)
    order = list(table)
    if names is None:
        return list(table.values())
    unknown = [n for n in names if n not in table]
    if unknown:
        raise StageError(f"unknown stage(s) {unknown}; the stages built are {order}")
    wanted = set(names)
    provided_by = {f: s.name for s in table.values() for f in s.provides}
    changed = True
    while changed:  # add what the chosen stages require
        changed = False
        for n in list(wanted):
            for req in table[n].requires:
                dep = provided_by.get(req)
                if dep and dep not in wanted:
                    wanted.add(dep)
                    changed = True
    return [table[n] for n in order if n in wanted]


# ---------------------------------------------------------------------------- results
Result = Record | Failure


def _one_line(text: str) -> str:
    """A reason printed as one line: runs of whitespace (newlines included) become one space."""
    return " ".join(str(text).split())


# ---------------------------------------------------------------------------- pipeline
class Pipeline:
    """Parse articles with one spaCy pipeline and run the extraction stages on them.

    >>> p = Pipeline()                                  # doctest: +SKIP
    >>> rec = p.extract("Ms. Ortiz said on Monday ...", published="2025-02-03")  # doctest: +SKIP
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        stages: "Sequence[str | Stage] | None" = None,
        max_chars: int = MAX_CHARS,
        check_language: bool = True,
        batch_size: int = 32,
        chunk_chars: int = CHUNK_CHARS,
        nlp: "Language | None" = None,
        timeout: float | None = None,
        batch_chars: int = BATCH_CHARS,
        trace: bool = False,
    ) -> None:
        self.model = model
        self.trace = trace  # note why each field has its value (Record.trace); off by default: it costs a little
        if stages is not None and any(isinstance(s, Stage) for s in stages):
            # Stage objects given directly (tests, custom pipelines): run exactly these, in this order
            self.stage_names = None
            self.stages = list(stages)
        else:
            self.stage_names = tuple(stages) if stages is not None else None
            self.stages = registered_stages(stages)
        check_max_chars(max_chars)
        self.max_chars = max_chars
        self.check_language = check_language
        self.batch_size = max(1, batch_size)
        self.chunk_chars = chunk_chars
        self.batch_chars = max(1, batch_chars)
        if timeout is not None and not timeout > 0:
            raise ArticleTimeoutError(f"the time limit must be a positive number of seconds, not {timeout}; give "
                                      "--timeout 60, or leave it out for no limit")
        self.timeout = timeout
        self._nlp = nlp
        self._warm = TokenizerWarmer()  # the tokenizer's cache, filled outside the memory zones

    @property
    def nlp(self) -> "Language":
        if self._nlp is None:
            self._nlp = load_model(self.model)
        return self._nlp

    # -- one article
    def extract(self, article: Article | str, published: Any = None, **meta: Any) -> Record:
        """The record of one article; raises InputError/StageError/RecordError on failure."""
        if isinstance(article, str):
            article = Article(text=article, published=normalize_published(published), **meta)
        result = next(self.process([article]))
        if isinstance(result, Failure):
            raise _reraise(result)
        return result

    def run_stages(self, doc: "Doc", article: Article) -> Record:
        from .extract._doc import release, seed_text

        seed_text(doc, article.text)
        found = Found(article)
        if self.trace:
            from .trace import start

            start(doc)
        try:
            for st in self.stages:
                try:
                    found = st(doc, found)
                except NewsledgerError:
                    raise
                except Exception as exc:  # a bug in a stage: say which stage, keep the traceback
                    raise StageError(f"stage {st.name!r} failed on {article.source or article.doc_id}: "
                                     f"{type(exc).__name__}: {exc}") from exc
            rec = found.to_record()
            if self.trace:
                from .trace import decisions

                rec = replace(rec, trace=decisions(doc, article.text))
        finally:
            release(doc)  # what the stages cached on the doc (tokens point back at it: no cycle kept)
        return rec.validate()

    # -- a stream of articles
    def process(self, items: Iterable[Article | InputError | Failure], n_process: int = 1) -> Iterator[Result]:
        """Records and Failures, one per input item, in input order, streaming."""
        if n_process and n_process > 1:
            yield from self._process_parallel(items, n_process)
            return
        for batch in self._batches(items):
            yield from self._process_batch(batch)

    def _batches(self, items: Iterable[Any]) -> Iterator[list[Any]]:
        """The input in batches of at most ``batch_size`` items and about ``batch_chars`` characters of
        article text (an article that would overflow a batch starts the next one; a long one goes alone).
        Each batch is one memory zone and, mostly, one parse call: cut at ``batch_size`` items alone, a
        batch of 32 short articles was parsed as 27 + 5 (the second call's parser batching worse, about
        2% of the parse). A batch goes as soon as it is full, without waiting for the next item."""
        batch: list[Any] = []
        chars = 0
        for item in items:
            n = len(item.text) if isinstance(item, Article) else 0
            if batch and chars + n > self.batch_chars:
                yield batch
                batch, chars = [], 0
            batch.append(item)
            chars += n
            if len(batch) >= self.batch_size or chars >= self.batch_chars:
                yield batch
                batch, chars = [], 0
        if batch:
            yield batch

    def _process_batch(self, batch: list[Article | InputError | Failure]) -> list[Result]:
        out: list[Result | None] = [None] * len(batch)
        todo: list[tuple[int, Article]] = []
        for i, item in enumerate(batch):
            if isinstance(item, Failure):
                out[i] = item
            elif isinstance(item, BaseException):
                out[i] = Failure.from_error(item)
            else:
                try:
                    todo.append((i, check_article(item, self.max_chars, self.check_language)))
                except InputError as exc:
                    out[i] = Failure.from_error(exc, item.source, item.doc_id)
        if todo:
            nlp = self.nlp
            self._warm(nlp, [art.text for _, art in todo])
            # Strings interned while parsing are freed when the zone closes: no Doc leaves it.
            with nlp.memory_zone():
                for group in self._groups(todo):
                    self._run_group(nlp, group, out)
        return [r for r in out if r is not None]

    def _groups(self, todo: list[tuple[int, Article]]) -> Iterator[list[tuple[int, Article]]]:
        """Articles parsed together: at most ``batch_size`` of them and about ``batch_chars``
        characters (a long article goes alone), so the parser's memory is bounded by the chunk
        and batch sizes, never by an article's length."""
        group: list[tuple[int, Article]] = []
        chars = 0
        for i, art in todo:
            if group and (chars + len(art.text) > self.batch_chars or len(group) >= self.batch_size):
                yield group
                group, chars = [], 0
            group.append((i, art))
            chars += len(art.text)
        if group:
            yield group

    def _parse(self, nlp: "Language", group: list[tuple[int, Article]]) -> dict[int, "Doc"]:
        pieces = [(c, i) for i, art in group for c in chunk_text(art.text, self.chunk_chars)]
        # all the pieces in one parser batch when they fit in batch_chars together (the group mostly does),
        # else as many of the longest as fit: the parser's memory stays bounded by batch_chars
        fit = sum(len(c) for c, _ in pieces) <= self.batch_chars
        per_call = max(1, min(self.batch_size, len(pieces) if fit else
                              self.batch_chars // max(1, max(len(c) for c, _ in pieces))))
        parts: dict[int, list] = {}
        docs = ((make_doc(nlp, c), i) for c, i in pieces)  # bounded tokenization (nlp.make_doc)
        for doc, i in nlp.pipe(docs, as_tuples=True, batch_size=per_call):
            parts.setdefault(i, []).append(doc)
        arts = dict(group)
        return {i: d[0] if len(d) == 1 else join_docs(d, arts[i].text) for i, d in parts.items()}

    def _run_group(self, nlp: "Language", group: list[tuple[int, Article]], out: list) -> None:
        """Parse a group and run the stages on each article, every article within ``timeout``
        seconds (parse and stages together); one over its time is a Failure, the others go on."""
        limit = self.timeout
        start = time.monotonic()
        try:
            with _deadline(limit * len(group) if limit else None):
                docs = self._parse(nlp, group)
        except _Timeout:
            if len(group) > 1:  # find the slow one: each article again, alone, on its own clock
                for one in group:
                    self._run_group(nlp, [one], out)
                return
            i, art = group[0]
            out[i] = self._timed_out(art)
            return
        except Exception as exc:  # a parse that fails: each article alone, so one bad text stops no other
            if len(group) > 1:
                for one in group:
                    self._run_group(nlp, [one], out)
                return
            i, art = group[0]
            out[i] = Failure.from_error(exc, art.source or art.doc_id, art.doc_id)
            return
        spent = (time.monotonic() - start) / len(group)
        for i, art in group:
            try:
                with _deadline(limit - spent if limit else None):
                    out[i] = self.run_stages(docs.pop(i), art)
            except _Timeout:
                out[i] = self._timed_out(art)
            except Exception as exc:  # one bad article never stops the batch
                out[i] = Failure.from_error(exc, art.source or art.doc_id, art.doc_id)

    def _timed_out(self, art: Article) -> Failure:
        err = ArticleTimeoutError(f"the article took longer than the time limit of {self.timeout:g} s; split it, "
                                  "or raise the limit with --timeout", art.source or art.doc_id)
        return Failure.from_error(err, art.source or art.doc_id, art.doc_id)

    def _process_parallel(self, items: Iterable, n_process: int) -> Iterator[Result]:
        import concurrent.futures as cf
        import multiprocessing as mp

        if self.stage_names is None and self.stages != registered_stages():
            raise StageError("a pipeline built from Stage objects runs in one process only; register the stages "
                             "with @newsledger.stage to run them with n_process > 1")
        ctx = mp.get_context("spawn")
        config = dict(model=self.model, stages=self.stage_names, max_chars=self.max_chars,
                      check_language=self.check_language, batch_size=self.batch_size, chunk_chars=self.chunk_chars,
                      timeout=self.timeout, batch_chars=self.batch_chars, trace=self.trace)
        batches = self._batches(items)
        ex = cf.ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_worker_init,
                                    initargs=(config, os.getpid()))
        try:
            window: deque = deque()
            while True:
                while len(window) < 2 * n_process:  # bounded: memory stays flat on endless input
                    batch = next(batches, None)
                    if batch is None:
                        break
                    window.append(ex.submit(_worker_run, [_to_wire(x) for x in batch]))
                if not window:
                    break
                for wire in window.popleft().result():
                    yield _from_wire(wire)
        except BaseException:  # Ctrl-C, a closed pipe, an abandoned generator: stop the workers now
            _stop_workers(ex)
            raise
        ex.shutdown(wait=True)


def _reraise(f: Failure) -> NewsledgerError:
    from . import errors

    for cls in vars(errors).values():
        if isinstance(cls, type) and issubclass(cls, NewsledgerError) and getattr(cls, "code", None) == f.code:
            if issubclass(cls, InputError):
                return cls(f.reason, f.source)
            return cls(f"{f.source}: {f.reason}")
    return StageError(str(f))


# ---- time limits
class _Timeout(BaseException):
    """Raised by the alarm inside an article's parse or stages. A BaseException, so that no
    ``except Exception`` on the way (a stage's, a library's) can swallow it."""


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise _Timeout in this block after ``seconds`` (SIGALRM; where there is none, or off the main
    thread, the block runs without a limit). Checked between Python bytecodes, so a long C call
    (one chunk's parse) finishes first: chunks keep that bounded."""
    if seconds is None or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    if seconds <= 0:
        raise _Timeout()

    def ring(signum: int, frame: object) -> None:
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---- worker processes (spawned; the model loads once per worker)
_WORKER: Pipeline | None = None


def _stop_workers(ex) -> None:
    """Cancel what is queued and end the worker processes at once (no wait for batches in flight)."""
    procs = list((getattr(ex, "_processes", None) or {}).values())
    # The batches already handed to the call queue sit in its feeder thread's buffer; with the workers gone
    # nobody reads the pipe, and the executor's exit handler would join that thread for ever (Ctrl-C then hung
    # the run at exit). Drop them: they are not wanted any more.
    queue = getattr(ex, "_call_queue", None)
    if queue is not None:
        try:
            queue.cancel_join_thread()
        except Exception:  # an executor of another shape: nothing to drop
            pass
    ex.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        try:
            proc.terminate()
        except Exception:  # already gone
            pass
    for proc in procs:
        proc.join(timeout=5)
        if proc.is_alive():
            proc.kill()


def _watch_parent(parent: int) -> None:
    """A worker ends itself when its parent is gone (killed with -9 included): no orphans, ever."""
    try:  # Linux: the kernel sends SIGKILL when the parent dies
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:  # everywhere else (and as a second guard): poll the parent
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsledger-parent-watch", daemon=True).start()


def _worker_init(config: dict, parent: int | None = None) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks
    if parent is not None:
        _watch_parent(parent)
    _WORKER = Pipeline(**config)
    _WORKER.nlp  # load now, once


def _worker_run(wires: list) -> list:
    assert _WORKER is not None
    items = [_from_wire(w) for w in wires]
    return [_to_wire(r) for r in _WORKER._process_batch(items)]


def _to_wire(x: Any) -> tuple:
    if isinstance(x, Record):
        return ("record", x.to_json(explain=True))
    if isinstance(x, Failure):
        return ("failure", (x.source, x.reason, x.code, x.doc_id, x.detail))
    if isinstance(x, Article):
        return ("article", (x.to_json(), x.source))
    if isinstance(x, BaseException):
        f = Failure.from_error(x)
        return ("failure", (f.source, f.reason, f.code, f.doc_id, f.detail))
    raise TypeError(type(x))


def _from_wire(w: tuple) -> Any:
    kind, payload = w
    if kind == "record":
        return Record.from_json(payload)
    if kind == "failure":
        return Failure(*payload)
    d, source = payload
    return Article(text=d["text"], id=d["id"], published=d["published"], outlet=d["outlet"], title=d["title"],
                   url=d["url"], source=source)
