"""How far a benchmark build has gone, kept beside its database so that a build that was stopped can go on.

`bench.db` has its progress in `bench.build.json` and its bulk baseline in `bench.bulk.db` (with
`bench.bulk.archive.db`), all in the same folder. The progress is a JSON file rather than a table of the
knowledge base because the knowledge base is what the benchmark measures, compacts and serves (a table of
its own would be in its size and on its site), because it records the baseline's database as well, and so
that a person can read it while a long build runs. It is rewritten whole (a new file, then renamed over the
old) after each slice's transaction has been committed, so it never says more was saved than was.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
BULK_STEPS = ("copies", "organisation totals", "indexes and full-text search", "organisation rules",
              "neighbours by meaning")


def progress_path(db_path: Path) -> Path:
    """bench.db -> bench.build.json, in the same folder."""
    return db_path.with_name(f"{db_path.stem}.build.json")


def bulk_path(db_path: Path) -> Path:
    """bench.db -> bench.bulk.db, in the same folder (its archive beside it: bench.bulk.archive.db)."""
    return db_path.with_name(f"{db_path.stem}.bulk{db_path.suffix}")


@dataclass
class Part:
    """One run of the build, from its start or from a resume to where it ended or was stopped."""

    started: str
    commit: str | None
    loader_saved: int = 0
    loader_seconds: float = 0.0
    compact_seconds: float = 0.0
    bulk_saved: int = 0
    bulk_seconds: float = 0.0


@dataclass
class Progress:
    path: Path
    statements: int
    seed: int
    slice: int
    parts: list[Part] = field(default_factory=list)
    loader_saved: int = 0  # statements 0..loader_saved-1 are committed in the knowledge base
    loaded_bytes: int | None = None
    compacted: bool = False
    bulk_saved: int = 0
    bulk_steps: list[str] = field(default_factory=list)  # of BULK_STEPS, those committed
    bulk_bytes: int | None = None  # once the baseline is finished and holds the same rows as the knowledge base

    @classmethod
    def read(cls, path: Path) -> Progress:
        try:
            return cls._read(path)
        except (ValueError, KeyError, TypeError) as error:  # JSONDecodeError is a ValueError
            raise ValueError(f"{path}: not a benchmark build's progress ({type(error).__name__}: {error})") from error

    @classmethod
    def _read(cls, path: Path) -> Progress:
        found = json.loads(path.read_text(encoding="utf-8"))
        return cls(path, found["statements"], found["seed"], found["slice"], [Part(**part) for part in found["parts"]],
                   found["loader"]["saved"], found["loader"]["loaded bytes"], found["compacted"],
                   found["bulk"]["saved"], found["bulk"]["steps"], found["bulk"]["bytes"])

    def begin_part(self) -> Part:
        self.parts.append(Part(datetime.now(timezone.utc).isoformat(timespec="seconds"), commit()))
        return self.parts[-1]

    @property
    def loader_seconds(self) -> float:
        return sum(part.loader_seconds for part in self.parts)

    @property
    def bulk_seconds(self) -> float:
        return sum(part.bulk_seconds for part in self.parts)

    def restart_bulk(self) -> None:
        """Forget the baseline built so far: it is built again from its first statement."""
        self.bulk_saved, self.bulk_steps = 0, []
        for part in self.parts:
            part.bulk_saved, part.bulk_seconds = 0, 0.0

    def save(self) -> None:
        record = {"statements": self.statements, "seed": self.seed, "slice": self.slice,
                  "loader": {"saved": self.loader_saved, "seconds": round(self.loader_seconds, 3),
                             "loaded bytes": self.loaded_bytes},
                  "compacted": self.compacted,
                  "bulk": {"saved": self.bulk_saved, "seconds": round(self.bulk_seconds, 3), "steps": self.bulk_steps,
                           "bytes": self.bulk_bytes},
                  "parts": [asdict(part) for part in self.parts]}
        written = self.path.with_name(self.path.name + ".new")
        written.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        os.replace(written, self.path)


def commit() -> str | None:
    """The commit the code runs at, if it runs from a git checkout."""
    try:
        found = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPOSITORY, capture_output=True, text=True,
                               timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() if found.returncode == 0 else None
