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

import datetime as dt
import itertools
import logging
from collections import deque
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .checks import MAX_CHARS, check_article
from .errors import InputError, NewsledgerError, StageError
from .nlp import CHUNK_CHARS, chunk_text, join_docs, load_model
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
        self.max_chars = max_chars
        self.check_language = check_language
        self.batch_size = max(1, batch_size)
        self.chunk_chars = chunk_chars
        self._nlp = nlp

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
        found = Found(article)
        if self.trace:
            from .trace import start

            start(doc)
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
        return rec.validate()

    # -- a stream of articles
    def process(self, items: Iterable[Article | InputError | Failure], n_process: int = 1) -> Iterator[Result]:
        """Records and Failures, one per input item, in input order, streaming."""
        if n_process and n_process > 1:
            yield from self._process_parallel(items, n_process)
            return
        it = iter(items)
        while True:
            batch = list(itertools.islice(it, self.batch_size))
            if not batch:
                return
            yield from self._process_batch(batch)

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
            pieces: list[tuple[str, tuple[int, int]]] = []
            counts: dict[int, int] = {}
            for i, art in todo:
                chunks = chunk_text(art.text, self.chunk_chars)
                counts[i] = len(chunks)
                pieces.extend((c, (i, k)) for k, c in enumerate(chunks))
            arts = dict(todo)
            # Strings interned while parsing are freed when the zone closes: no Doc leaves it.
            with nlp.memory_zone():
                parts: dict[int, list] = {}
                for doc, (i, _k) in nlp.pipe(pieces, as_tuples=True, batch_size=self.batch_size):
                    parts.setdefault(i, []).append(doc)
                    if len(parts[i]) < counts[i]:
                        continue
                    docs = parts.pop(i)
                    art = arts[i]
                    try:
                        full = docs[0] if len(docs) == 1 else join_docs(docs, art.text)
                        out[i] = self.run_stages(full, art)
                    except Exception as exc:  # one bad article never stops the batch
                        out[i] = Failure.from_error(exc, art.source or art.doc_id, art.doc_id)
        return [r for r in out if r is not None]

    def _process_parallel(self, items: Iterable, n_process: int) -> Iterator[Result]:
        import concurrent.futures as cf
        import multiprocessing as mp

        if self.stage_names is None and self.stages != registered_stages():
            raise StageError("a pipeline built from Stage objects runs in one process only; register the stages "
                             "with @newsledger.stage to run them with n_process > 1")
        ctx = mp.get_context("spawn")
        config = dict(model=self.model, stages=self.stage_names, max_chars=self.max_chars,
                      check_language=self.check_language, batch_size=self.batch_size, chunk_chars=self.chunk_chars,
                      trace=self.trace)
        it = iter(items)
        with cf.ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_worker_init, initargs=(config,)) as ex:
            window: deque = deque()
            while True:
                while len(window) < 2 * n_process:  # bounded: memory stays flat on endless input
                    batch = list(itertools.islice(it, self.batch_size))
                    if not batch:
                        break
                    window.append(ex.submit(_worker_run, [_to_wire(x) for x in batch]))
                if not window:
                    return
                for wire in window.popleft().result():
                    yield _from_wire(wire)


def _reraise(f: Failure) -> NewsledgerError:
    from . import errors

    for cls in vars(errors).values():
        if isinstance(cls, type) and issubclass(cls, NewsledgerError) and getattr(cls, "code", None) == f.code:
            if issubclass(cls, InputError):
                return cls(f.reason, f.source)
            return cls(f"{f.source}: {f.reason}")
    return StageError(str(f))


# ---- worker processes (spawned; the model loads once per worker)
_WORKER: Pipeline | None = None


def _worker_init(config: dict) -> None:
    global _WORKER
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
