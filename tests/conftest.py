"""Shared fixtures: paths to the project's and ../shared's corpora, and fresh databases."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from bench.synthetic import Corpus
from db.archive import archive_path
from db.load import save_many
from db.schema import KnowledgeBase, open_database
from ingest.parse import PARSER_VERSION
from ingest.parse.memory import forget
from undersigned import PROJECT_ROOT, SAMPLE_DIR

SHARED = PROJECT_ROOT.parent / "shared"
CORPUS = PROJECT_ROOT / "tests" / "corpus"  # statements collected and labelled here (tests/corpus/README.md)
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


@pytest.fixture(autouse=True)
def _parser_judgements_start_cold():
    """The parser remembers what it judged of a text (ingest/parse/names.py). Each test starts without those
    memories, so that none passes on a judgement an earlier test made: mutation testing changes the code
    between tests in one process, and a remembered judgement would hide the change."""
    forget()


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
def closed_port_url():
    """A URL on 127.0.0.1 where nothing listens. The port stays bound to a socket that never listens, so
    connecting is refused, and no other process can be given the port while the test runs."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/statement"


@pytest.fixture
def served_db(tmp_path: Path):
    """Start `undersigned serve` on a database, as its own process on 127.0.0.1; gives its base URL."""
    from bench.serving import Server

    servers = []

    def start(db_path: Path) -> str:
        server = Server(db_path, immutable=False, log=tmp_path / f"serve-{len(servers)}.log")
        servers.append(server)
        server.wait(timeout=60)
        return server.url

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def served(sample_db: Path, served_db) -> str:
    """`undersigned serve` on the sample database; its base URL."""
    return served_db(sample_db)


def archived(path: Path) -> KnowledgeBase:
    """A database file as the commands see it: the knowledge base, with its archive attached."""
    db = KnowledgeBase(str(path))
    db.attach_archive(archive_path(path))
    return db


@pytest.fixture
def loaded(db_path: Path) -> Path:
    """Twelve synthetic statements saved through the loader: organisations, and people with affiliations."""
    db = open_database(str(db_path))
    assert not [r for r in save_many(db, list(Corpus(12, seed=2).pairs()), PARSER_VERSION) if isinstance(r, Exception)]
    db.close()
    return db_path
