"""Shared fixtures: paths to the project's and ../shared's corpora, and fresh databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from undersigned import PROJECT_ROOT, SAMPLE_DIR

SHARED = PROJECT_ROOT.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "remembering-tiananmen-2023.txt"
SEED_GOLD = json.loads((SHARED / "corpus" / "seed" / "remembering-tiananmen-2023.gold.json").read_text("utf-8"))
REAL = SHARED / "corpus" / "real"
SAMPLE = SAMPLE_DIR / "remembering-tiananmen-2023.txt"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "statements.db"


@pytest.fixture
def sample_db(db_path: Path, runner: CliRunner) -> Path:
    """A database built from the bundled sample through `undersigned add`."""
    from undersigned.cli import cli

    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return db_path


@pytest.fixture
def http_server():
    from .httpserver import FixtureServer

    with FixtureServer() as server:
        yield server


@pytest.fixture
def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    return f"http://127.0.0.1:{free_port()}/statement"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(sample_db: Path, tmp_path: Path):
    """`undersigned serve` running as its own process on 127.0.0.1; yields its base URL."""
    import subprocess
    import sys
    import time

    import httpx

    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "undersigned", "serve", "--db", str(sample_db),
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base_url + "/-/versions.json", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp_path / "serve.log").read_text()) from None
                time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
