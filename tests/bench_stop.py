"""A benchmark build that stops for real, as a machine restart or `kill -9` stops it: the process kills
itself with SIGKILL in the middle of a slice's transaction.

    python -m tests.bench_stop DB STATEMENTS SLICE loader|bulk CALL

resumes (or begins) the build of DB and kills it at the CALL-th statement the loader saves, or at the
CALL-th slice of the bulk baseline, after that slice's rows are inserted and before its signatures are.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import bench.build
from bench.scale import build
from bench.synthetic import Corpus
from db import load, signatures


def stop_at(module, name: str, call: int, where) -> None:
    """Wrap module.name so that its call-th call kills this process first."""
    original, calls = getattr(module, name), []

    def stopping(*args, **kwargs):
        calls.append(1)
        if len(calls) == call:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)

    setattr(where, name, stopping)


class Signatures:
    """The signatures module as bench.build sees it, with its insert wrapped."""

    def __getattr__(self, name: str):
        return getattr(signatures, name)


def main(argv: list[str]) -> None:
    db_path, statements, step, where, call = Path(argv[0]), int(argv[1]), int(argv[2]), argv[3], int(argv[4])
    if where == "loader":
        stop_at(load, "_save_one", call, load)
    else:
        stopping = Signatures()
        stop_at(signatures, "insert", call, stopping)
        bench.build.signatures = stopping
    build(db_path, Corpus(statements), resume=True, say=lambda line: None, step=step)


if __name__ == "__main__":
    main(sys.argv[1:])
