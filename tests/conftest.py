"""Shared fixtures: paths to the project's and ../shared's corpora, and fresh databases."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from undersigned import PROJECT_ROOT, SAMPLE_DIR

SHARED = PROJECT_ROOT.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "remembering-tiananmen-2023.txt"
SEED_GOLD = json.loads((SHARED / "corpus" / "seed" / "remembering-tiananmen-2023.gold.json").read_text("utf-8"))
REAL = SHARED / "corpus" / "real"
SAMPLE = SAMPLE_DIR / "remembering-tiananmen-2023.txt"
FIXTURES = Path(__file__).parent / "fixtures"

# In CI every property test draws the same examples on every run, so that a red build is the code's doing
# and can be run again; on a developer's machine each run draws new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") or os.environ.get("UNDERSIGNED_REQUIRE_BROWSER"):
    settings.load_profile("ci")


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
def served_db(tmp_path: Path):
    """Start `undersigned serve` on a database, as its own process on 127.0.0.1; gives its base URL."""
    import subprocess
    import sys
    import time

    import httpx

    processes = []

    def start(db_path: Path) -> str:
        port = free_port()
        log = tmp_path / f"serve-{port}.log"
        process = subprocess.Popen([sys.executable, "-m", "undersigned", "serve", "--db", str(db_path),
                                    "--port", str(port)], stdout=log.open("w"), stderr=subprocess.STDOUT)
        processes.append(process)
        base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base_url + "/-/versions.json", timeout=1)
                return base_url
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log.read_text()) from None
                time.sleep(0.2)

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served(sample_db: Path, served_db) -> str:
    """`undersigned serve` on the sample database; its base URL."""
    return served_db(sample_db)
