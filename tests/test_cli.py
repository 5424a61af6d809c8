"""The command line as a user runs it: parse, add (files and URLs, good and bad), demo, serve, crawl's and
reparse's progress, the messages for a busy port, a site that cannot be reached and a missing folder, help."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import re
import select
import socket
import sqlite3
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import click
import pytest

from db.archive import raw_body
from undersigned.cli import cli

from .conftest import FIXTURES, SAMPLE, SEED, archived
from .httpserver import Route
from .wordpress_site import WordPressSite, make_posts


def table_dump(db_path: Path) -> dict[str, list[tuple]]:
    db = archived(db_path)
    return {name: list(db.execute(f"select * from [{name}] order by rowid").fetchall())
            for name in ("documents", "statements", "demands", "organisations", "signatures")}


def test_parse_console_script_prints_the_seed_record():
    completed = subprocess.run([sys.executable, "-m", "undersigned", "parse", str(SEED), "--format", "json"],
                               capture_output=True, text=True, check=True)
    record = json.loads(completed.stdout)
    assert len(record["demands"]) == 4
    assert len(record["signatories"]) == 121
    assert {s["kind"] for s in record["signatories"]} == {"organisation"}


def test_parse_text_format_is_a_readable_summary(runner):
    result = runner.invoke(cli, ["parse", str(SAMPLE), "--format", "text"])
    assert result.exit_code == 0
    assert "Demands:     4" in result.output
    assert "Signatories: 121 (stated: 121)" in result.output
    assert "  1. [governments -> China] Respect the rights" in result.output


def test_add_stores_the_sample(sample_db):
    stored = table_dump(sample_db)
    assert (len(stored["statements"]), len(stored["demands"]), len(stored["signatures"])) == (1, 4, 121)


def test_adding_the_same_files_again_writes_nothing(runner, db_path):
    """Not a row rewritten with the same values either: the file's data version (which any commit from
    another connection moves) and the whole dump must stay as they were, whatever the clock says."""
    sources = [str(SAMPLE), str(FIXTURES / "wordpress-statement.html"), str(FIXTURES / "markdown-letter.md")]
    assert runner.invoke(cli, ["add", *sources, "--db", str(db_path)]).exit_code == 0
    watcher = sqlite3.connect(db_path)
    version, dump = watcher.execute("PRAGMA data_version").fetchone(), list(watcher.iterdump())
    result = runner.invoke(cli, ["add", *sources, "--db", str(db_path)])
    assert result.exit_code == 0
    assert [line.split(":")[0] for line in result.output.splitlines()] == ["unchanged"] * 3
    assert watcher.execute("PRAGMA data_version").fetchone() == version
    assert list(watcher.iterdump()) == dump


def test_add_takes_metadata_from_options_over_the_sidecar(runner, db_path):
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db_path), "--title", "Remembering Tiananmen",
                                 "--date", "2023-06-03"])
    assert result.exit_code == 0, result.output
    row = next(archived(db_path).query("select title, date, year, publisher from statements"))
    assert row == {"title": "Remembering Tiananmen", "date": "2023-06-03", "year": 2023,
                   "publisher": "International Tibet Network"}


def test_url_and_title_options_refuse_several_sources(runner, db_path):
    result = runner.invoke(cli, ["add", str(SAMPLE), str(SEED), "--db", str(db_path), "--url", "https://x.org/a"])
    assert result.exit_code == 2
    assert "single source" in result.output


def test_add_fetches_a_url_follows_redirects_and_keeps_the_final_url(runner, db_path, http_server):
    page = (FIXTURES / "wordpress-statement.html").read_bytes()
    http_server.routes["/2024/free-the-lhasa-three/"] = Route(200, page)
    http_server.routes["/?p=42"] = Route(301, b"", {"Location": "/2024/free-the-lhasa-three/"})
    result = runner.invoke(cli, ["add", http_server.url("/?p=42"), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    db = archived(db_path)
    statement = next(db.query("select url, title, n_demands, n_signatories, document_id from statements"))
    assert statement["url"] == http_server.url("/2024/free-the-lhasa-three/")
    assert (statement["title"], statement["n_demands"], statement["n_signatories"]) == (
        "Joint statement: Free the Lhasa Three", 3, 5)
    document = db["documents"].get(statement["document_id"])
    assert raw_body(db, document) == page and document["content_type"] == "text/html"
    assert document["path"] == http_server.url("/?p=42")  # the URL asked for, beside the one it led to
    assert http_server.requests[0][1]["User-Agent"].startswith("Undersigned/")


def test_html_in_a_declared_legacy_charset_is_decoded(runner, db_path, http_server):
    html = ('<html><head><meta charset="iso-8859-1"></head><body><p>Signed by:</p>'
            "<ul><li>Amis du Tibet, Fran\xe7ais</li><li>Soci\xe9t\xe9 Tibet</li></ul></body></html>")
    http_server.routes["/latin1"] = Route(200, html.encode("latin-1"), {"Content-Type": "text/html"})
    result = runner.invoke(cli, ["add", http_server.url("/latin1"), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    names = [row["name_as_written"] for row in archived(db_path).query("select name_as_written from signatures")]
    assert names == ["Amis du Tibet, Français", "Société Tibet"]


def bad_inputs(tmp_path: Path, http_server, closed_port_url: str) -> dict[str, tuple[str, str]]:
    """Each bad input with the reason its error line must give."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "statement.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Déclaration commune des associations françaises.\n".encode("latin-1"))
    (tmp_path / "a-folder").mkdir()
    http_server.routes["/gone"] = Route(404, b"gone", {"Content-Type": "text/plain"})
    http_server.routes["/broken"] = Route(500, b"oops", {"Content-Type": "text/plain"})
    http_server.routes["/to-data"] = Route(302, b"", {"Location": "data:text/html,<p>Signed</p>"})
    return {
        "missing file": (str(tmp_path / "nowhere.txt"), "no such file"),
        "directory": (str(tmp_path / "a-folder"), "is a directory"),
        "empty file": (str(tmp_path / "empty.txt"), "empty document"),
        "binary file": (str(tmp_path / "statement.pdf"), "binary file (PDF)"),
        "binary bytes": (str(tmp_path / "blob.txt"), "binary file"),
        "non-UTF-8 text": (str(tmp_path / "latin1.txt"), "not valid UTF-8 text"),
        "unreachable URL": (closed_port_url, "cannot connect"),
        "HTTP 404": (http_server.url("/gone"), "HTTP 404 Not Found"),
        "HTTP 500": (http_server.url("/broken"), "HTTP 500 Internal Server Error"),
        "unsupported scheme": ("ftp://example.org/statement.txt", "only http and https"),
        "malformed URL": ("http://[oops/statement", "invalid URL (Invalid IPv6 URL)"),
        "port out of range": ("http://127.0.0.1:99999/statement", "invalid URL (Port out of range 0-65535)"),
        "redirect to data:": (http_server.url("/to-data"), "data:"),
    }


@pytest.mark.parametrize("case", ["missing file", "directory", "empty file", "binary file", "binary bytes",
                                  "non-UTF-8 text", "unreachable URL", "HTTP 404", "HTTP 500",
                                  "unsupported scheme", "malformed URL", "port out of range",
                                  "redirect to data:"])
def test_bad_input_gets_one_line_and_loses_nothing(case, runner, sample_db, tmp_path, http_server,
                                                   closed_port_url):
    source, reason = bad_inputs(tmp_path, http_server, closed_port_url)[case]
    before = table_dump(sample_db)
    result = runner.invoke(cli, ["add", source, "--db", str(sample_db)])
    assert result.exit_code == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(error_lines) == 1
    assert error_lines[0].startswith(f"error: {source}: ") and reason in error_lines[0]
    assert table_dump(sample_db) == before


def test_a_batch_goes_on_past_its_bad_inputs(runner, db_path, tmp_path, http_server, closed_port_url):
    bad = [source for source, _ in bad_inputs(tmp_path, http_server, closed_port_url).values()]
    good = [str(SAMPLE), str(FIXTURES / "wordpress-statement.html"), str(FIXTURES / "markdown-letter.md")]
    result = runner.invoke(cli, ["add", bad[0], good[0], *bad[1:5], good[1], *bad[5:], good[2],
                                 "--db", str(db_path)])
    assert result.exit_code == 1
    assert f"{len(bad)} of {len(bad) + len(good)} inputs failed" in result.stderr
    assert archived(db_path)["statements"].count == 3


def test_the_latin1_error_says_how_to_read_it_and_encoding_does(runner, db_path, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Déclaration commune des associations françaises pour le Tibet. Nous demandons au "
                      "gouvernement de libérer les prisonniers.\n").encode("latin-1"))
    result = runner.invoke(cli, ["add", str(path), "--db", str(db_path)])
    assert "--encoding" in result.stderr
    result = runner.invoke(cli, ["add", str(path), "--db", str(db_path), "--encoding", "latin-1"])
    assert result.exit_code == 0, result.output
    assert "Déclaration" in next(archived(db_path).query("select text from statements"))["text"]


def test_a_file_that_is_not_a_database_is_refused_and_kept(runner, tmp_path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("my notes, not SQLite " * 100)
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(not_a_db)])
    assert result.exit_code == 1
    assert f"{not_a_db}: not a usable SQLite database" in result.output
    assert not_a_db.read_text() == "my notes, not SQLite " * 100


def test_demo_builds_the_sample_database_without_serving(runner, tmp_path):
    db_path = tmp_path / "demo.db"
    result = runner.invoke(cli, ["demo", "--db", str(db_path), "--no-serve"])
    assert result.exit_code == 0, result.output
    assert archived(db_path)["signatures"].count == 121


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3
    assert cli.commands[command].help


def commands(group: click.Command = cli, path: tuple[str, ...] = ("undersigned",)):
    """Every command of the tree, the group itself included, with the words that run it."""
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from commands(command, path + (name,))


def test_every_option_of_every_command_has_help():
    without_help = [f"{' '.join(path)} {param.opts[0]}" for path, command in commands()
                    for param in command.get_params(click.Context(command))
                    if isinstance(param, click.Option) and not (param.help or "").strip()]
    assert without_help == []


def test_serve_refuses_a_missing_database(runner, tmp_path):
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output


def test_a_statement_url_that_is_not_http_is_refused(runner, db_path):
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db_path), "--url", "javascript:alert(1)"])
    assert result.exit_code == 1
    assert "the statement URL must be http(s), not 'javascript:alert(1)'" in result.stderr


def undersigned(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The command run as a user runs it: a process of its own."""
    return subprocess.run([sys.executable, "-m", "undersigned", *args], capture_output=True, text=True,
                          timeout=timeout)


# What each command that takes --db needs besides it; a command added later must be added here.
ARGUMENTS = {"add": [str(SAMPLE)], "bench": [], "crawl": ["http://127.0.0.1:9"], "demo": ["--no-serve"],
             "compact": [], "export": ["{tmp}/package"], "organisations": [], "reparse": [], "serve": []}


def commands_with_db() -> list[str]:
    return sorted(name for name, command in cli.commands.items() if any(p.name == "db_path" for p in command.params))


def test_every_command_with_db_is_checked_for_its_folder():
    assert commands_with_db() == sorted(ARGUMENTS)


@pytest.mark.parametrize("command", commands_with_db())
def test_a_db_in_a_missing_folder_is_one_line_saying_so(command, runner, tmp_path):
    db = tmp_path / "no-such-folder" / "statements.db"
    arguments = [argument.format(tmp=tmp_path) for argument in ARGUMENTS[command]]
    result = runner.invoke(cli, [command, *arguments, "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {db}: the folder {db.parent} does not exist"]
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_a_db_in_a_file_taken_for_a_folder_is_one_line_saying_so(runner, tmp_path):
    (tmp_path / "notes").write_text("a file")
    db = tmp_path / "notes" / "statements.db"
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {db}: the folder {db.parent} is not a folder"]


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_a_busy_port_is_one_line_naming_it_and_the_way_out(command, sample_db, tmp_path):
    db = sample_db if command == "serve" else tmp_path / "demo.db"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        completed = undersigned(command, "--db", str(db), "--port", str(port))
    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        f"Error: port {port} on 127.0.0.1 is already in use: serve on another one with --port"]
    assert completed.stdout == ""
    assert db.exists() == (command == "serve")  # demo builds nothing on a port it cannot have


def test_demo_says_serving_once_the_site_answers(tmp_path):
    """The line names the address, and the very next request there is answered ('serve' says it the same way)."""
    db = tmp_path / "demo.db"
    process = subprocess.Popen([sys.executable, "-m", "undersigned", "demo", "--db", str(db), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(120, process.kill)  # a server that never says it serves fails, not hangs
    watchdog.start()
    try:
        serving = next((line for line in process.stdout if line.startswith("Serving")), "")
        match = re.fullmatch(rf"Serving {re.escape(str(db))} at (http://127\.0\.0\.1:\d+/) \(Ctrl\+C to stop\)\n",
                             serving)
        assert match, f"the first line was {serving!r}"
        with urllib.request.urlopen(match[1] + "undersigned/statements.json", timeout=30) as response:
            assert response.status == 200
            assert json.load(response)["rows"]
    finally:
        watchdog.cancel()
        process.terminate()
        process.wait(timeout=60)


@contextlib.contextmanager
def unreachable(case: str, closed_port_url: str):
    """A site that cannot be connected to, and the reason its crawl must give."""
    if case == "refused":
        yield closed_port_url.rsplit("/", 1)[0], r"could not connect: Connection refused after 3 attempts"
    elif case == "no such name":  # a name server that does not answer at all is said in its own words
        yield "http://nowhere.invalid", (r"could not connect: (no address for nowhere\.invalid \(.+\)"
                                         r"|Temporary failure in name resolution after 3 attempts)")
    else:
        with socket.socket() as server, socket.socket() as queued:
            server.bind(("127.0.0.1", 0))
            server.listen(0)  # never accepts: once one connection waits in its queue, the next cannot connect
            queued.connect(server.getsockname())
            yield "http://{}:{}".format(*server.getsockname()), r"timed out after 0\.5 s connecting"


@pytest.mark.parametrize("case", ["refused", "no such name", "timed out connecting"])
def test_a_crawl_that_cannot_connect_says_why_and_leaves_no_database(case, tmp_path, closed_port_url):
    db = tmp_path / "crawl" / "statements.db"
    db.parent.mkdir()
    with unreachable(case, closed_port_url) as (site, reason):
        completed = undersigned("crawl", site, "--db", str(db), "--timeout", "0.5")
    assert completed.returncode == 1
    assert re.fullmatch(rf"Error: {re.escape(site)}: the site is not crawled: {reason}\n", completed.stderr), \
        completed.stderr
    assert "robots.txt" not in completed.stderr
    assert list(db.parent.iterdir()) == []


def test_a_crawl_that_cannot_connect_leaves_an_empty_file_empty_and_a_database_whole(sample_db, tmp_path,
                                                                                     closed_port_url):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    site = closed_port_url.rsplit("/", 1)[0]
    before = table_dump(sample_db)
    for db in (empty, sample_db):
        completed = undersigned("crawl", site, "--db", str(db))
        assert completed.returncode == 1 and "Connection refused" in completed.stderr
    assert empty.read_bytes() == b""
    assert table_dump(sample_db) == before
    assert [path.name for path in tmp_path.glob("empty.db*")] == ["empty.db"]


def on_a_terminal(*args: str, status: int = 0, stdout_too: bool = False) -> str:
    """What the command shows on a terminal: its stderr (and stdout, if asked) is a pseudo-terminal here."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "undersigned", *args],
                               stdout=follower if stdout_too else subprocess.DEVNULL,
                               stderr=follower, env={**os.environ, "COLUMNS": "120"})
    os.close(follower)
    shown = b""
    try:
        while select.select([leader], [], [], 120)[0]:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the process is gone and its end of the terminal with it
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
        process.kill()
    assert process.wait(timeout=60) == status, shown
    return shown.decode()


def positions(shown: str, label: str) -> set[tuple[int, int]]:
    """Each (done, total) the progress bar with this label drew."""
    return {(int(done), int(total)) for done, total in re.findall(rf"{label}\s+\[[#-]*\]\s+(\d+)/(\d+)", shown)}


def test_the_crawl_progress_bar_knows_its_total_from_the_start(tmp_path):
    with WordPressSite(make_posts(2, 1)) as site:
        shown = on_a_terminal("crawl", site.url, "--db", str(tmp_path / "crawl.db"), "--delay", "0")
    assert positions(shown, "crawling") == {(0, 3), (1, 3), (2, 3), (3, 3)}
    assert "100%" in shown


def test_the_add_progress_bar_knows_its_total_and_each_line_starts_its_own(runner, tmp_path):
    sources = [str(SAMPLE), str(FIXTURES / "wordpress-statement.html"), str(tmp_path / "missing.txt"),
               str(FIXTURES / "markdown-letter.md")]
    shown = on_a_terminal("add", *sources, "--db", str(tmp_path / "added.db"), status=1, stdout_too=True)
    assert positions(shown, "adding") == {(done, 4) for done in range(5)}  # a failed input counts too
    assert len(re.findall(r"(?:added|error): ", shown)) == 4
    assert len(re.findall(r"(?:\n|\x1b\[K)(?:added|error): ", shown)) == 4  # none drawn after the bar
    assert "1 of 4 inputs failed" in shown
    piped = runner.invoke(cli, ["add", *sources, "--db", str(tmp_path / "piped.db")])
    assert piped.exit_code == 1 and "adding" not in piped.output and "[#" not in piped.output


def test_the_reparse_progress_bar_knows_its_total_from_the_start(runner, db_path):
    sources = [str(SAMPLE), str(FIXTURES / "wordpress-statement.html"), str(FIXTURES / "markdown-letter.md")]
    assert runner.invoke(cli, ["add", *sources, "--db", str(db_path)]).exit_code == 0
    shown = on_a_terminal("reparse", "--db", str(db_path))
    assert positions(shown, "re-parsing") == {(0, 3), (1, 3), (2, 3), (3, 3)}
