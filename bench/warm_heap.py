"""What setting the parser's loaded tables apart from the garbage collector saves over a long run.

    python -m bench.warm_heap [--rounds N] [--passes K]

warm_up() loads the language model, the name lists and every language's words, then calls gc.freeze(). A run
of many documents pays for each full collection by walking every object still tracked, those tables included.
This parses the labelled corpus K times per round, alternately with the tables frozen and with them tracked
(gc.unfreeze()), in the same process, and prints the CPU time of each way, full collections included (unlike
bench.parse_speed, which takes the median pass and so leaves the rare full collection out), and their ratio.
"""

from __future__ import annotations

import argparse
import gc
import time

from bench.parse_speed import DEFAULT_DIRS, corpus
from ingest.parse import parse, warm_up
from ingest.parse.memory import forget
from ingest.records import Document


def timed_run(documents: list[Document], passes: int) -> float:
    """CPU seconds to parse the documents `passes` times, collections included, each pass from no memory."""
    start = time.process_time()
    for _ in range(passes):
        forget()
        for document in documents:
            parse(document)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--passes", type=int, default=10)
    args = parser.parse_args(argv)
    documents = corpus(DEFAULT_DIRS)
    warm_up()
    frozen_objects = gc.get_freeze_count()
    timed_run(documents, 1)  # the first parses fill what stays: not part of either way's cost
    frozen = tracked = 0.0
    for _ in range(args.rounds):
        gc.unfreeze()
        gc.collect()
        tracked += timed_run(documents, args.passes)
        gc.freeze()
        gc.collect()
        frozen += timed_run(documents, args.passes)
    runs = args.rounds * args.passes * len(documents)
    print(f"{runs} parses each way; {frozen_objects} objects set apart by warm_up()")
    print(f"{'way':32} {'CPU s':>8} {'ms/doc':>8}")
    print(f"{'tables tracked by the collector':32} {tracked:8.2f} {tracked / runs * 1000:8.2f}")
    print(f"{'tables frozen (warm_up)':32} {frozen:8.2f} {frozen / runs * 1000:8.2f}")
    print(f"ratio frozen / tracked = {frozen / tracked:.2f}x")


if __name__ == "__main__":
    main()
