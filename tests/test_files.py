"""What `add` reads from the disk and what it publishes of it: bounded reads of regular files only, checked
sidecars, paths stored relative to the tree a file was named in, and no file that is not a document."""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.schema import RELATIVE_PATHS, open_database
from ingest.documents import MAX_BYTES
from ingest.errors import IngestError
from ingest.files import read_regular
from ingest.parse import PARSER_VERSION
from undersigned.cli import cli

from .conftest import FIXTURES, SAMPLE, archived
from .httpserver import Route

STATEMENT = SAMPLE.read_bytes()


def add_in_a_child(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    """`undersigned add` as its own process, with a memory ceiling and a deadline: an unbounded read or a
    read that blocks fails the test instead of taking the machine with it."""
    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "undersigned", "add", *arguments], cwd=cwd, capture_output=True,
                          text=True, timeout=60, preexec_fn=limit_memory)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def test_a_link_to_dev_zero_and_a_fifo_are_refused_at_once(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "fifo.txt")  # nothing ever writes to it: opening it to read would wait forever
    (tmp_path / "sample.txt").write_bytes(STATEMENT)
    completed = add_in_a_child("zero.txt", "fifo.txt", "sample.txt", "--db", "statements.db", cwd=tmp_path)
    assert completed.returncode == 1
    assert error_lines(completed.stderr) == [
        f"error: zero.txt: is a link to /dev/zero, outside {tmp_path}",
        "error: fifo.txt: is a FIFO, not a regular file",
    ]
    assert completed.stdout.startswith("added: sample.txt")  # the rest of the batch still went in


def test_a_socket_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("socket.txt")
        result = runner.invoke(cli, ["add", "socket.txt", "--db", "statements.db"])
    assert result.exit_code == 1
    assert "error: socket.txt: is a socket, not a regular file" in result.stderr


def test_a_device_is_never_read():
    with pytest.raises(IngestError, match="is a device, not a regular file"):
        read_regular("zero", Path("/dev/zero"), 100)


def test_no_more_than_the_cap_is_read(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_bytes(b"x" * 100)
    assert read_regular(str(path), path, 100) == b"x" * 100
    path.write_bytes(b"x" * 101)
    with pytest.raises(IngestError, match="larger than 100 bytes"):
        read_regular(str(path), path, 100)


def test_files_and_urls_share_one_cap(runner, tmp_path, http_server):
    too_big = (b"We call on governments to act. " * (MAX_BYTES // 31 + 1))[: MAX_BYTES + 1]
    (tmp_path / "big.txt").write_bytes(too_big)
    http_server.routes["/big"] = Route(200, too_big, {"Content-Type": "text/plain"})
    result = runner.invoke(cli, ["add", str(tmp_path / "big.txt"), http_server.url("/big"),
                                 "--db", str(tmp_path / "statements.db")])
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"error: {tmp_path / 'big.txt'}: larger than 10 MiB",
                                          f"error: {http_server.url('/big')}: body larger than 10 MiB"]


@pytest.mark.parametrize("sidecar, problem", [
    ({"date": 2023}, "date must be text, not a number"),
    ({"title": ["Free them", "now"]}, "title must be text, not a list"),
    ({"url": 5}, "url must be text, not a number"),
    ({"publisher": {"name": "ITN"}}, "publisher must be text, not an object"),
    ({"language": True}, "language must be text, not true or false"),
    ({"language": "x" * 10_000}, "language must be a language tag such as en or pt-BR, not 'xxxxxxxxxxxxxxxxxxxx...'"),
    ({"title": "T" * 2001}, "title is 2001 characters long; at most 2000 are taken"),
])
def test_a_sidecar_with_a_wrong_value_says_what_is_wrong(runner, tmp_path, sidecar, problem):
    path = tmp_path / "statement.txt"
    path.write_bytes(STATEMENT)
    (tmp_path / "statement.txt.meta.json").write_text(json.dumps(sidecar))
    result = runner.invoke(cli, ["add", str(path), "--db", str(tmp_path / "statements.db")])
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"error: {path}: statement.txt.meta.json: {problem}"]


def test_a_sidecar_that_is_a_fifo_is_refused(tmp_path):
    (tmp_path / "statement.txt").write_bytes(STATEMENT)
    os.mkfifo(tmp_path / "statement.txt.meta.json")
    completed = add_in_a_child("statement.txt", "--db", "statements.db", cwd=tmp_path)
    assert error_lines(completed.stderr) == ["error: statement.txt: statement.txt.meta.json: is a FIFO, "
                                             "not a regular file"]


def test_a_language_option_that_is_no_language_tag_is_refused(runner, db_path):
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db_path), "--language", "x" * 10_000])
    assert result.exit_code == 2
    assert "Invalid value for '--language': language must be a language tag" in result.output
    assert not db_path.exists()
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db_path), "--language", "pt-BR"])
    assert result.exit_code == 0, result.output
    assert next(Database(db_path).query("select language from statements"))["language"] == "pt"


def stored_paths(db_path: Path) -> list[str]:
    return [row["path"] for row in archived(db_path).query("select path from documents order by rowid")]


def test_paths_are_stored_relative_to_the_current_directory_or_as_a_name(runner, tmp_path, monkeypatch):
    corpus, elsewhere = tmp_path / "work" / "corpus", tmp_path / "elsewhere"
    corpus.mkdir(parents=True)
    elsewhere.mkdir()
    (corpus / "letter.md").write_bytes((FIXTURES / "markdown-letter.md").read_bytes())
    (corpus / "sample.txt").write_bytes(STATEMENT)
    (elsewhere / "page.html").write_bytes((FIXTURES / "wordpress-statement.html").read_bytes())
    monkeypatch.chdir(tmp_path / "work")
    result = runner.invoke(cli, ["add", str(corpus / "letter.md"), "./corpus/../corpus/sample.txt",
                                 str(elsewhere / "page.html"), "--db", "statements.db"])
    assert result.exit_code == 0, result.output
    assert stored_paths(tmp_path / "work" / "statements.db") == ["corpus/letter.md", "corpus/sample.txt",
                                                                 "page.html"]


def test_the_sample_is_published_without_the_curators_path(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(SAMPLE.parent.parent)
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(tmp_path / "statements.db")])
    assert result.exit_code == 0, result.output
    assert stored_paths(tmp_path / "statements.db") == ["sample/remembering-tiananmen-2023.txt"]
    dump = "\n".join(line for path in (tmp_path / "statements.db", tmp_path / "statements.archive.db")
                     for line in Database(path).conn.iterdump())
    assert str(SAMPLE.parent) not in dump


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    """A folder to work in, holding one good statement, a link to it, and things that are not documents."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "statement.txt").write_bytes(STATEMENT)
    (tmp_path / "latest.txt").symlink_to("2023/statement.txt")
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "up.txt").symlink_to(tmp_path.parent)
    (tmp_path / ".private").mkdir()
    (tmp_path / ".private" / "notes.txt").write_bytes(STATEMENT)
    (tmp_path / ".env.txt").write_text("TOKEN=secret\n")
    (tmp_path / "hidden-link.txt").symlink_to(".private/notes.txt")
    (tmp_path / "notes.csv").write_text("name,signed\nFree Tibet,yes\n")
    (tmp_path / "README").write_text("Statements we have signed, and who else signed them.\n")
    (tmp_path / "terminal.log.txt").write_bytes(b"\x1b[1mdone\x1b[0m \x1b[32mok\x1b[0m\n" * 20)
    return tmp_path


@pytest.mark.parametrize("source, reason", [
    ("passwd.txt", "is a link to /etc/passwd, outside {tree}"),
    ("up.txt", "is a link to {parent}, outside {tree}"),
    (".private/notes.txt", "is hidden (.private), not a statement file"),
    (".env.txt", "is hidden (.env.txt), not a statement file"),
    ("hidden-link.txt", "is hidden (.private), not a statement file"),
    ("/etc/passwd", "is a system file (/etc/passwd), not a statement file"),
    ("/proc/self/environ", "is a system file ("),
    ("notes.csv", "not a statement file: only .txt, .text, .md, .markdown, .html, .htm files are read"),
    ("README", "not a statement file"),
    ("terminal.log.txt", "binary file (control characters)"),
])
def test_what_is_not_a_document_is_refused(runner, corpus, source, reason):
    result = runner.invoke(cli, ["add", source, "--db", "statements.db"])
    assert result.exit_code == 1
    expected = reason.format(tree=corpus, parent=corpus.parent)
    assert error_lines(result.stderr)[0].startswith(f"error: {source}: {expected}")
    assert stored_paths(corpus / "statements.db") == []


def test_a_link_inside_the_tree_is_read_and_stored_as_named(runner, corpus):
    result = runner.invoke(cli, ["add", "latest.txt", "--db", "statements.db"])
    assert result.exit_code == 0, result.output
    assert stored_paths(corpus / "statements.db") == ["latest.txt"]


def test_absolute_paths_of_an_earlier_database_are_cut_to_names_and_reparse_still_works(runner, tmp_path):
    db_path = tmp_path / "old.db"
    for name in ("a", "b"):  # two files of one name in two folders: both must be re-parsed
        (tmp_path / name).mkdir()
        (tmp_path / name / "statement.txt").write_bytes(STATEMENT.replace(b"Tiananmen", name.encode() * 3))
        assert runner.invoke(cli, ["add", str(tmp_path / name / "statement.txt"), "--db", str(db_path)]).exit_code == 0
    old = archived(db_path)
    old.execute("update documents set path = ? where rowid = 1", ["/home/alice/corpus/statement.txt"])
    old.execute("update documents set path = ? where rowid = 2", ["../../home/alice/b/statement.txt"])
    old.execute("PRAGMA user_version = 0")
    old.conn.commit()
    statements = list(old.query("select * from statements order by id"))
    assert stored_paths(db_path) == ["/home/alice/corpus/statement.txt", "../../home/alice/b/statement.txt"]
    assert open_database(str(db_path)).execute("PRAGMA user_version").fetchone()[0] == RELATIVE_PATHS
    assert stored_paths(db_path) == ["statement.txt", "statement.txt"]
    result = runner.invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.output.startswith(f"re-parsed 2 documents with parser {PARSER_VERSION}: 2 unchanged"), result.output
    assert [{**row, "parsed_at": None} for row in Database(db_path).query("select * from statements order by id")] \
        == [{**row, "parsed_at": None} for row in statements]
