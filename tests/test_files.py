"""What `add` reads from the disk: bounded reads of regular files only, and checked sidecars."""

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

from ingest.documents import MAX_BYTES
from ingest.errors import IngestError
from ingest.files import read_regular
from undersigned.cli import cli

from .conftest import SAMPLE
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
        "error: zero.txt: is a device, not a regular file",
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
                                          f"error: {http_server.url('/big')}: response larger than 10 MiB"]


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
