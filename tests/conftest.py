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
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/statement"
