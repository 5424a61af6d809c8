"""Parse throughput beside a bare BeautifulSoup(html, "lxml") parse of the same pages, in one run.

    python -m bench.parse_speed [DIR ...] [--repeat N] [--json FILE]

Prints statements per second on one core for the labelled corpus (HTML pages, and all
documents) and for a synthetic 300 KB statement page, and the ratio parse / bare parse.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import statistics
import time
from multiprocessing.connection import Connection
from pathlib import Path

from bs4 import BeautifulSoup

from ingest.evaluate import document_for
from ingest.files import read_file
from ingest.parse import parse
from ingest.parse.formats import _MARKDOWN
from ingest.parse.memory import forget
from ingest.records import Document
from undersigned import PROJECT_ROOT

DEFAULT_DIRS = [PROJECT_ROOT.parent / "shared" / "corpus" / "seed", PROJECT_ROOT.parent / "shared" / "corpus" / "real"]
PAGE_BYTES = 300 * 1024
_COLLECT = -1  # sent to the bare side's process: collect its garbage before a pass


def corpus(directories: list[Path]) -> list[Document]:
    """The labelled documents: those with an <id>.gold.json beside them."""
    paths = sorted(document_for(gold) for d in directories for gold in d.glob("*.gold.json"))
    return [read_file(path) for path in paths if path is not None]


def synthetic_page(size: int = PAGE_BYTES) -> Document:
    """A WordPress-like statement page of about `size` bytes: theme, prose, demands, a long signatory list."""
    from datetime import datetime, timezone

    head = ("<!DOCTYPE html><html lang='en'><head><title>Joint statement | Coalition</title>"
            "<script>" + "var x = 1;" * 200 + "</script><style>" + "p{margin:0}" * 200 + "</style></head><body>"
            "<header><nav><ul>" + "<li><a href='/'>Menu item</a></li>" * 40 + "</ul></nav></header>"
            "<article><h1 class='entry-title'>Joint statement</h1><div class='entry-content'>")
    prose = "<p>" + "Reports continue to document detentions and the closure of schools in the region. " * 12 + "</p>"
    demands = ("<p>We urge the Government to:</p><ol>" + "<li>Release all people detained for their beliefs;</li>" * 6
               + "</ol><p>Signed by the following organisations:</p><ul>")
    tail = "</ul></div></article><footer>" + "<p>Footer link and copyright notice.</p>" * 30 + "</footer></body></html>"
    body = head + prose * 10 + demands
    index = 0
    while len(body) + len(tail) < size:
        index += 1
        body += f"<li><a href='https://example.org/{index}'>Support Group number {index} – Germany</a></li>"
    raw = (body + tail).encode("utf-8")
    return Document("synthetic-300kb.html", raw, "text/html", "utf-8", datetime.now(timezone.utc))


def timed_pass(documents: list[Document], bare: Connection) -> tuple[float, float]:
    """One pass of both parses, document by document: each is parsed here, then given its bare parse in the other
    process, so that the machine's drift in speed (a tenth and more between passes a minute apart) falls on both
    alike, and each pays for its own garbage collection, in a heap of its own."""
    forget()  # each pass starts with no entry judged, as a crawl of new pages would
    gc.collect()
    bare.send(_COLLECT)
    bare.recv()
    parse_time = bare_time = 0.0
    for index, document in enumerate(documents):
        start = time.process_time()
        parse(document)
        parse_time += time.process_time() - start
        bare.send(index)
        bare_time += bare.recv()
    return parse_time, bare_time


def _bare_parses(connection: Connection, documents: list[Document]) -> None:
    """The bare side: times bare_dom on the documents it is sent the numbers of, until it is sent None."""
    for index in iter(connection.recv, None):
        if index == _COLLECT:
            gc.collect()
            connection.send(0.0)
            continue
        start = time.process_time()
        bare_dom(documents[index])
        connection.send(time.process_time() - start)


def bare_dom(document: Document) -> BeautifulSoup:
    """The least work that gives the page's DOM: BeautifulSoup(html, "lxml"), after rendering a Markdown
    post to HTML (there is no other way to its DOM); plain text is handed to BeautifulSoup as it is."""
    text = document.text
    return BeautifulSoup(_MARKDOWN.render(text) if document.content_type == "text/markdown" else text, "lxml")


def measure(name: str, documents: list[Document], repeat: int) -> dict:
    """Documents per second on one core (CPU time): the median pass of each."""
    parse_passes, bare_passes = [], []
    forget()
    gc.collect()
    ours, theirs = multiprocessing.get_context("fork").Pipe()
    worker = multiprocessing.get_context("fork").Process(target=_bare_parses, args=(theirs, documents), daemon=True)
    worker.start()
    try:
        for _ in range(repeat):
            parse_time, bare_time = timed_pass(documents, ours)
            parse_passes.append(parse_time)
            bare_passes.append(bare_time)
    finally:
        ours.send(None)
        worker.join()
    parsed = len(documents) / max(statistics.median(parse_passes), 1e-9)
    bare = len(documents) / max(statistics.median(bare_passes), 1e-9)
    return {"set": name, "documents": len(documents), "kilobytes": round(sum(len(d.body) for d in documents) / 1024),
            "parse_per_second": round(parsed, 2), "bare_per_second": round(bare, 2),
            "ratio": round(bare / parsed, 2)}


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directories", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    documents = corpus(args.directories)
    for document in [*documents, synthetic_page()]:
        parse(document)  # word lists compiled and the language model loaded once, as in any run past its first page
    results = [
        measure("corpus, HTML pages", [d for d in documents if d.content_type == "text/html"], args.repeat),
        measure("corpus, Markdown posts", [d for d in documents if d.content_type == "text/markdown"], args.repeat),
        measure("corpus, all documents", documents, args.repeat),
        measure("synthetic 300 KB page", [synthetic_page()], args.repeat),
    ]
    print(f"{'set':24} {'docs':>5} {'KB':>6} {'parse/s':>9} {'bare/s':>9} {'ratio':>6}")
    for row in results:
        print(f"{row['set']:24} {row['documents']:5} {row['kilobytes']:6} {row['parse_per_second']:9.2f} "
              f"{row['bare_per_second']:9.2f} {row['ratio']:5.2f}x")
    print("ratio = time of parse() / time of a bare BeautifulSoup(html, 'lxml') of the same pages (a Markdown "
          "post rendered to HTML first, in both); target <= 3x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
