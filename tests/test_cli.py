"""The command line as a user runs it: parse, add (files and URLs, good and bad), demo, help."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.archive import raw_body
from undersigned.cli import cli

from .conftest import FIXTURES, SAMPLE, SEED, archived
from .httpserver import Route


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


@pytest.mark.parametrize("command", ["parse", "add", "serve", "demo"])
def test_every_command_has_help(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3


def test_serve_refuses_a_missing_database(runner, tmp_path):
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output


def test_a_statement_url_that_is_not_http_is_refused(runner, db_path):
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db_path), "--url", "javascript:alert(1)"])
    assert result.exit_code == 1
    assert "the statement URL must be http(s), not 'javascript:alert(1)'" in result.stderr
