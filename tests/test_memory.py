"""What the parser keeps from one page to the next: its judgements of texts, in bounded memories that forget()
empties (a benchmark's pass starts cold with it)."""

from __future__ import annotations

import sys

from ingest.files import read_file
from ingest.parse import parse
from ingest.parse.memory import forget
from tests.conftest import SEED


def _memories() -> list:
    modules = [module for name, module in sorted(sys.modules.items()) if name.startswith("ingest.parse")]
    return [value for module in modules for value in vars(module).values()
            if callable(value) and hasattr(value, "cache_info")]


def test_forget_empties_every_memory_of_texts_read():
    parse(read_file(SEED))
    kept = [memory for memory in _memories() if memory.cache_info().maxsize is not None]
    assert any(memory.cache_info().currsize for memory in kept)
    forget()
    assert [memory.__name__ for memory in kept if memory.cache_info().currsize] == []

