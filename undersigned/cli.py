"""The `undersigned` command: thin wrappers over the ingest, db and publication libraries."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import socket
import sqlite3
import sys
from pathlib import Path
from typing import Sequence

import click
from sqlite_utils import Database

from db.archive import archive_path
from db.export import export_package
from db.load import Outcome
from db.publish import compact as compact_database
from db.publish import listen
from db.publish import serve as serve_datasette
from db.review import DecisionError, merge_candidates, unplaced_names
from db.review import decide as decide_organisations
from db.schema import open_database
from ingest.discover import preset_names, site_preset
from ingest.documents import metadata_problem
from ingest.errors import IngestError
from ingest.evaluate import evaluate_directory, report_json, report_text
from ingest.fetch import DEADLINE, is_url, make_client
from ingest.http import Politeness
from ingest.parse import PARSER_VERSION
from ingest.parse import parse as parse_document
from ingest.records import Statement
from ingest.sources import load_document
from ingest.urls import shorten, url_problem

from . import DEFAULT_DB, SAMPLE_DIR
from .crawl import MAX_URLS, CrawlError, CrawlOptions, CrawlReport
from .crawl import crawl as run_crawl
from .pipeline import Result, add_sources
from .pipeline import reparse as reparse_archive


def _in_a_folder(ctx: click.Context, param: click.Parameter, value: str | Path | None) -> str | Path | None:
    """A database path whose folder is missing is one line, before anything tries to open it."""
    folder = Path(value).parent if value is not None else None
    if folder is not None and not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise click.ClickException(f"{value}: the folder {folder} {problem}")
    return value


db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, callback=_in_a_folder,
                          type=click.Path(dir_okay=False), help="SQLite database file.")
host_option = click.option("--host", default="127.0.0.1", show_default=True,
                           help="Address to serve on (0.0.0.0 for every interface of this machine).")
port_option = click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
                           help="Port to serve on (0 for any free one).")
encoding_option = click.option("--encoding", help="Character encoding of the input, when it is not UTF-8 "
                                                  "and does not declare one.")


@click.group()
@click.version_option(package_name="undersigned")
def cli() -> None:
    """Undersigned: joint statements parsed into SQLite and published with Datasette."""


@cli.command()
@click.argument("source")
@click.option("--format", "output_format", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the stable record that evaluation tools read; text: a summary to read.")
@encoding_option
def parse(source: str, output_format: str, encoding: str | None) -> None:
    """Parse one file or URL and print the statement record; touches no database."""
    try:
        with make_client() as client:
            statement = parse_document(load_document(source, client, encoding=encoding))
    except IngestError as error:
        raise click.ClickException(str(error)) from error
    if output_format == "json":
        click.echo(json.dumps(statement.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(describe(statement))


def _checked_metadata(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    problem = metadata_problem(param.name, value)
    if problem:
        raise click.BadParameter(problem)
    return value


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--url", callback=_checked_metadata, help="Canonical URL of the statement (one source only).")
@click.option("--title", callback=_checked_metadata, help="Title (one source only).")
@click.option("--date", callback=_checked_metadata, help="Publication date, YYYY-MM-DD.")
@click.option("--publisher", callback=_checked_metadata, help="Who published the statement.")
@click.option("--language", callback=_checked_metadata, help="Language tag such as en or pt-BR, when detection "
                                                             "is not wanted.")
@encoding_option
def add(sources: tuple[str, ...], db_path: str, encoding: str | None, **metadata: str | None) -> None:
    """Ingest .txt, .md and .html files and http(s) URLs into the database.

    A file's metadata may also come from a sidecar <file>.meta.json with the keys
    url, title, date, publisher and language; options given here win. Only regular
    files of at most 10 MiB are read, not hidden or system files, nor links leading
    out of the folder they were named in; a file's path is stored relative to the
    current directory (or as its name alone, for a file outside it).
    """
    if len(sources) > 1 and (metadata["url"] or metadata["title"]):
        raise click.UsageError("--url and --title name one statement: give a single source with them")
    with _open(db_path) as db, _Bar("adding") as bar:
        failed = _add_each(db, sources, bar, metadata, encoding)
    if failed:
        click.echo(f"{failed} of {len(sources)} inputs failed", err=True)
        sys.exit(1)


def _add_each(db: Database, sources: Sequence[str], bar: _Bar, *options) -> int:
    """Add every source, a line for each above the progress bar; how many failed."""
    failed = 0
    bar.start(len(sources))
    for result in add_sources(db, sources, *options):
        bar.clear()
        failed += report(result)
        bar.advance(result.source, "failed" if result.error else result.outcome.value)
    return failed


@cli.command()
@click.argument("site")
@db_option
@click.option("--since", help="Only posts published on or after this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many posts.")
@click.option("--concurrency", type=click.IntRange(1, 16), default=2, show_default=True,
              help="Requests in flight to the site at once.")
@click.option("--delay", type=click.FloatRange(min=0), default=0.5, show_default=True,
              help="Seconds between the starts of two requests to the site.")
@click.option("--category", help="Only posts in this category (its slug).")
@click.option("--max-urls", type=click.IntRange(min=1), default=MAX_URLS, show_default=True,
              help="At most this many URLs fetched in one run; the rest stay queued for the next run.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEADLINE, show_default=True,
              help="Seconds for one whole request: connecting, the headers and the body.")
def crawl(site: str, db_path: str, since: str | None, limit: int | None, concurrency: int, delay: float,
          category: str | None, max_urls: int, timeout: float) -> None:
    """Crawl a statement site (a URL, or a preset name such as tibetnetwork) politely, incrementally
    and resumably: every post found is fetched, archived, parsed and saved."""
    preset = site_preset(site)
    base_url = preset["base_url"] if preset else site
    if not is_url(base_url):
        raise click.UsageError(f"{site!r} is neither an http(s) URL nor a preset ({', '.join(preset_names())})")
    if url_problem(base_url):
        raise click.UsageError(f"{site}: {url_problem(base_url)}")
    options = CrawlOptions(since=since, limit=limit, category=category or (preset or {}).get("category"),
                           max_urls=max_urls, politeness=Politeness(concurrency=concurrency, delay=delay,
                                                                    timeout=timeout))
    path = Path(db_path)
    was_there, was_empty = path.exists(), path.is_file() and path.stat().st_size == 0
    archive_was_there = archive_path(path).exists()
    with _open(db_path) as db, _Bar("crawling") as bar:
        try:
            report = asyncio.run(run_crawl(db, base_url, options, bar))
        except CrawlError as error:
            failure = error
        else:
            failure = None
    if failure:
        if not was_there or was_empty:  # nothing was stored: the database made for it is not left behind
            _unmake_database(path, was_there)
            if not archive_was_there:
                _unmake_database(archive_path(path), False)  # the archive made beside it goes too
        raise click.ClickException(str(failure)) from failure
    click.echo(describe_crawl(report))
    if report.outcomes and report.outcomes["failed"] == sum(report.outcomes.values()):
        sys.exit(1)


def _unmake_database(path: Path, was_there: bool) -> None:
    """Leave the path as it was before _open made a database there: nothing, or an empty file."""
    for companion in ("-wal", "-shm", "-journal"):
        Path(f"{path}{companion}").unlink(missing_ok=True)
    if was_there:
        path.write_bytes(b"")
    else:
        path.unlink(missing_ok=True)


class _Bar(contextlib.ExitStack):
    """A progress bar on stderr (drawn on a terminal only), from the moment its total is known."""

    def __init__(self, label: str):
        super().__init__()
        self.label = label
        self.bar = None

    def start(self, total: int) -> None:
        if not sys.stderr.isatty():  # where no one watches, click would print the label alone
            return
        self.bar = self.enter_context(click.progressbar(length=total, label=self.label, file=sys.stderr,
                                                        show_pos=True, show_percent=True))

    def advance(self, item: str, outcome: str) -> None:
        if self.bar:
            self.bar.update(1)

    def clear(self) -> None:
        """Blank the bar's line, so that a line printed next starts at its beginning; the bar is drawn again
        below it at the next advance."""
        if self.bar:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


@cli.command()
@db_option
@click.option("--all", "show_all", is_flag=True, help="Also list what the rules decided: pairs kept apart, and "
                                                       "names without a country that joined their namesake.")
@click.option("--apply-curation", is_flag=True,
              help="Save every archived statement again, resolving its signatories with db/curation/aliases.json "
                   "as it is now.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=88.0, show_default=True,
              help="How alike two names must be (rapidfuzz token sort ratio) to be listed.")
@click.option("--merge", nargs=2, metavar="A B", help="Record that organisation A is organisation B, and apply it.")
@click.option("--keep-apart", nargs=2, metavar="A B", help="Record that A and B are two organisations, and apply it.")
def organisations(db_path: str, show_all: bool, apply_curation: bool, threshold: float,
                  merge: tuple[str, str] | None, keep_apart: tuple[str, str] | None) -> None:
    """List what the rules about organisations leave open: a name given without a country that namesakes
    in several countries could be, and organisations whose names are alike. --merge and --keep-apart record
    a decision in db/curation/aliases.json and apply it."""
    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database")
    if merge and keep_apart:
        raise click.UsageError("--merge and --keep-apart are two decisions: make one at a time")
    with _open(db_path) as db:
        if merge or keep_apart:
            try:
                click.echo(decide_organisations(db, *(merge or keep_apart), same=bool(merge)))
            except DecisionError as error:
                raise click.ClickException(str(error)) from error
            return
        if apply_curation:  # the one path that resolves signatories: saving, here from the archive
            report = reparse_archive(db)
            click.echo(f"applied the curation to {report.documents} archived documents: "
                       f"{report.outcomes['updated']} statements changed")
        unplaced = [u for u in unplaced_names(db) if show_all or u.verdict.startswith("review")]
        candidates = [c for c in merge_candidates(db, threshold) if show_all or c.verdict == "review"]
    for name in unplaced:
        namesakes = ", ".join(f"{c['id']} ({c['country']}, {_statements(c['n_statements'])})"
                              for c in name.candidates)
        click.echo(f"{name.organisation['id']} ({name.organisation['name']}) has no country; namesakes: "
                   f"{namesakes}  {name.verdict}")
    for candidate in candidates:
        click.echo(f"{candidate.score:5.1f}  {candidate.first['id']} ({candidate.first['name']})  ~  "
                   f"{candidate.second['id']} ({candidate.second['name']})  {candidate.verdict}")
    what = "" if show_all else " to review"
    click.echo(f"{len(unplaced)} names without a country{what}, {len(candidates)} pairs{what}")


def _statements(count: int | None) -> str:
    return _plural(count or 0, "statement")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option("--base-url", default="http://127.0.0.1:8001", show_default=True,
              help="Where the site is published: each row links to its page there.")
def export(directory: Path, db_path: str, base_url: str) -> None:
    """Write the database as a Frictionless data package: datapackage.json and a CSV of every table."""
    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database")
    with _open(db_path) as db:
        descriptor = export_package(db, directory, base_url)
    click.echo(f"wrote {descriptor}")


@cli.command()
@db_option
def compact(db_path: str) -> None:
    """Before publishing: merge each full-text index into one segment and rewrite the file into full pages."""
    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database")
    before = Path(db_path).stat().st_size
    try:
        compact_database(db_path)
    except sqlite3.OperationalError as error:
        if "locked" in str(error):  # its page size changes only with no other connection to it
            raise click.ClickException(f"{db_path}: open in another program; close it, then compact") from error
        raise click.ClickException(f"{db_path}: not a knowledge base to compact ({error})") from error
    except sqlite3.Error as error:
        raise click.ClickException(f"{db_path}: not a knowledge base to compact ({error})") from error
    click.echo(f"{db_path}: {before / 2**20:,.1f} MiB, now {Path(db_path).stat().st_size / 2**20:,.1f} MiB")


@cli.command()
@db_option
def reparse(db_path: str) -> None:
    """Parse every archived document again with the current parser (no network) and report what changed."""
    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database")
    with _open(db_path) as db, _Bar("re-parsing") as bar:
        report = reparse_archive(db, bar)
    counts = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in sorted(report.outcomes.items()))
    click.echo(f"re-parsed {report.documents} documents with parser {PARSER_VERSION}: {counts or 'nothing'}")
    for source, reason in report.errors:
        click.echo(f"error: {source}: {reason}", err=True)
    if report.errors:
        sys.exit(1)


@cli.command()
@click.argument("directories", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the scores to read; json: the same scores for tools.")
def evaluate(directories: tuple[Path, ...], output_format: str) -> None:
    """Score the parser against labelled statements: every document in DIRECTORIES
    with an <id>.gold.json beside it."""
    results = [result for directory in directories for result in evaluate_directory(directory)]
    if not results:
        raise click.ClickException(f"no <id>.gold.json files in {', '.join(map(str, directories))}")
    if output_format == "json":
        click.echo(json.dumps(report_json(results), indent=2))
    else:
        click.echo(report_text(results))


@cli.command()
@db_option
@host_option
@port_option
@click.option("--immutable", is_flag=True, help="Serve a published database read-only (no writes while serving).")
def serve(db_path: str, host: str, port: int, immutable: bool) -> None:
    """Serve the database with Datasette, the project's metadata and templates."""
    if not Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database; build one with 'undersigned add' or 'demo'")
    _open(db_path).close()
    _serve(db_path, _listen(host, port), immutable)


@cli.command()
@db_option
@click.option("--serve/--no-serve", "then_serve", default=True, show_default=True,
              help="Serve the database once it is built.")
@host_option
@port_option
def demo(db_path: str, then_serve: bool, host: str, port: int) -> None:
    """Build the database from the bundled sample corpus, then serve it."""
    sock = _listen(host, port) if then_serve else None  # a busy port is said before anything is built
    samples = sorted(str(path) for path in SAMPLE_DIR.iterdir() if path.suffix in (".txt", ".md", ".html"))
    with _open(db_path) as db, _Bar("adding") as bar:
        failed = _add_each(db, samples, bar)
    if failed:
        raise click.ClickException(f"{failed} sample documents failed to load")
    if sock:
        _serve(db_path, sock)


def _listen(host: str, port: int) -> socket.socket:
    try:
        return listen(host, port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} on {host} is already in use: "
                                       "serve on another one with --port") from error
        raise click.ClickException(f"cannot serve on {host} port {port}: {error.strerror or error}") from error


def _serve(db_path: str, sock: socket.socket, immutable: bool = False) -> None:
    host, port = sock.getsockname()[:2]
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
    serve_datasette(db_path, sock, immutable, ready=lambda: click.echo(f"Serving {db_path} at {url} (Ctrl+C to stop)"))


def _open(db_path: str) -> Database:
    if Path(db_path).is_dir():
        raise click.ClickException(f"{db_path}: is a directory, not a database file")
    try:
        return open_database(db_path)
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{db_path}: not a usable SQLite database ({error})") from error


def report(result: Result) -> bool:
    """Print one line for a source; True if it failed."""
    if result.error:
        click.echo(f"error: {result.source}: {result.error}", err=True)
        return True
    statement = result.statement
    assert statement is not None and result.outcome is not None
    if result.outcome is Outcome.DOCUMENT_ONLY:
        click.echo(f"{result.outcome.value}: {result.source} (kind {statement.kind}, "
                   f"{len(statement.organisations)} organisations signing)")
    else:
        people = (f": {_plural(len(statement.organisations), 'organisation')}, "
                  f"{_plural(len(statement.individuals), 'individual')}" if statement.individuals else "")
        click.echo(f"{result.outcome.value}: {result.source} -> statement {result.statement_id} "
                   f"({len(statement.demands)} demands, {len(statement.signatories)} signatories{people})")
    for warning in statement.warnings:
        click.echo(f"  warning: {warning}")
    return False


def describe_crawl(report: CrawlReport) -> str:
    outcomes = report.outcomes
    lines = [
        f"{report.site}: {report.discovered} posts discovered from {report.source}"
        + (" (resumed an unfinished crawl)" if report.resumed else ""),
        f"  fetched: {sum(outcomes.values()) - outcomes['failed'] - outcomes['not_modified']}, "
        f"not modified: {outcomes['not_modified']}, unchanged: {outcomes['unchanged']}",
        f"  new statements: {outcomes['new']}, updated statements: {outcomes['updated']}, "
        f"other pages: {outcomes['other_page']}, failed: {outcomes['failed']}",
    ]
    if report.off_site:
        lines.append(f"  not on the site, so not queued: {len(report.off_site)} URLs, "
                     f"such as {shorten(report.off_site[0])}")
    if report.left:
        lines.append(f"  left for the next run: {report.left} URLs (over --max-urls); "
                     "run the same command again to go on")
    lines += [f"  failed: {shorten(url)}: {reason}" for url, reason in report.failed]
    return "\n".join(lines)


def describe(statement: Statement) -> str:
    """A human-readable summary of a parsed statement."""
    lines = [
        f"Title:       {statement.title or '-'}",
        f"Date:        {statement.date or '-'}",
        f"Publisher:   {statement.publisher or '-'}",
        f"Language:    {statement.language or '-'}",
        f"URL:         {statement.url or '-'}",
        f"Text:        {len(statement.text)} characters",
        f"Demands:     {len(statement.demands)}",
    ]
    for demand in statement.demands:
        party = " -> ".join(p for p in (demand.addressee, demand.target) if p)
        lines.append(f"  {demand.position}. [{party or '?'}] {demand.text}")
    stated = f" (stated: {statement.stated_signatory_count})" if statement.stated_signatory_count else ""
    lines.append(f"Signatories: {len(statement.signatories)}{stated}")
    for signatory in statement.signatories:
        country = f" [{signatory.country}]" if signatory.country else ""
        lines.append(f"  {signatory.position}. {signatory.name_as_written}{country} ({signatory.kind})")
    lines.extend(f"Warning:     {warning}" for warning in statement.warnings)
    return "\n".join(lines)


@cli.command()
@click.option("--statements", "n", type=click.IntRange(min=20), default=10_000, show_default=True,
              help="Size of the synthetic corpus.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), callback=_in_a_folder,
              help="Keep the benchmark database here (by default it is built in a temporary folder).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the figures here.")
@click.option("--repeat", default=3, show_default=True, type=click.IntRange(min=1), help="Timed runs of each search.")
@click.option("--clients", default=8, show_default=True, type=click.IntRange(min=1), help="Load-test clients.")
@click.option("--seconds", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Load-test duration.")
@click.option("--seed", default=1, show_default=True, type=int, help="The corpus is the same for the same seed.")
@click.option("--reuse", is_flag=True, help="Measure the database at --db again, without building it.")
@click.option("--resume", is_flag=True,
              help="Go on with the build at --db where it was stopped (its progress is in NAME.build.json beside it), "
                   "or begin it.")
def bench(n: int, db_path: Path | None, json_path: Path | None, repeat: int, clients: int, seconds: float, seed: int,
          reuse: bool, resume: bool) -> None:
    """Build a synthetic knowledge base of N statements and measure loading, searching, faceting and
    serving, each beside its baseline (raw SQLite, bulk insert) from the same run."""
    from bench.scale import Options, run

    if (reuse or resume) and db_path is None:
        raise click.UsageError(f"{'--reuse' if reuse else '--resume'} needs --db")
    if reuse and resume:
        raise click.UsageError("--resume goes on building, --reuse measures without building: use one of them")
    try:
        run(Options(n, db_path, json_path, seed, repeat, clients, seconds, reuse, resume), say=click.echo)
    except (OSError, ValueError, RuntimeError) as error:
        raise click.ClickException(str(error)) from error
