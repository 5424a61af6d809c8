"""What the parser keeps from one page to the next: its judgements of texts, in bounded memories that forget()
empties (a benchmark's pass starts cold with it)."""

from __future__ import annotations

import gc
import sys

from ingest.files import read_file
from ingest.parse import parse, warm_up
from ingest.parse.memory import forget
from tests.conftest import SEED
from undersigned.cli import cli


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



MIN_LOADED_OBJECTS = 50_000  # the name lists, the language model and the words of every language


def test_warm_up_sets_what_the_parser_loads_apart_from_the_collector():
    gc.unfreeze()
    warm_up()
    assert gc.get_freeze_count() >= MIN_LOADED_OBJECTS


def test_a_reparse_warms_the_parser_up_before_the_archive(runner, sample_db):
    gc.unfreeze()
    assert runner.invoke(cli, ["reparse", "--db", str(sample_db)]).exit_code == 0
    assert gc.get_freeze_count() >= MIN_LOADED_OBJECTS
