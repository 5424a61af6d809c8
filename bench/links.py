"""How well copies and translations are linked, on labelled pairs: python -m bench.links [PAIRS_JSON].

Each pair is loaded into a knowledge base of its own, first then second, as `undersigned add` would; the
link the loader makes between them (copy, translation or none) is compared with the pair's label. A
pair's second document is a file, or a change made to the first one's statement (CHANGES), written as a
page of another site: the copies a coalition's members post. The copy scores of every pair are printed
too, which is how families.COPY_CONTAINMENT was chosen: between the highest score of a pair that is not
a copy and the lowest of one that is.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from html import escape
from pathlib import Path

from db import families, load
from db.schema import open_database
from ingest.files import read_file
from ingest.parse import PARSER_VERSION, parse
from ingest.records import Statement

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "pairs" / "pairs.json"
KINDS = ("copy", "translation")
INTRODUCTION = "We are proud to share this joint statement, which our organisation has signed with its partners."
FOOTER = ["Donate", "Subscribe to our newsletter", "© Member organisation. All rights reserved."]
ADDED_SIGNERS = ["Friends of the Earth Member Group", "Regional Solidarity Network", "Campaign for Open Rights"]
TRIMMED_SHARE = 0.6
WRAP_COLUMNS = 60


@dataclass(frozen=True)
class Pair:
    first: Path
    second: Path | None
    change: str | None
    label: str  # copy, translation or different
    note: str

    @property
    def name(self) -> str:
        return f"{self.first.name} / {self.second.name if self.second else self.change}"


def read_pairs(path: Path) -> list[Pair]:
    """pairs.json: [{"first": path, "second": path | "change": name, "label": ..., "note": ...}]; paths are
    relative to the file, "../shared/..." to the folder beside the checkout."""
    listed = json.loads(path.read_text("utf-8"))
    base = path.parent

    def located(name: str) -> Path:
        return (base / name).resolve()

    return [Pair(located(item["first"]), located(item["second"]) if item.get("second") else None,
                 item.get("change"), item["label"], item.get("note", "")) for item in listed]


def changed(statement: Statement, change: str) -> tuple[str, str]:
    """The statement as another site would post it: (file suffix, body)."""
    paragraphs = [p for p in statement.text.split("\n\n") if p.strip()]
    signers = [s.name_as_written for s in statement.signatories]
    if change == "text":
        wrapped = ["\n".join(textwrap.wrap(_straight(p), WRAP_COLUMNS)) for p in paragraphs]
        return ".txt", "\n\n".join(wrapped + ["Signed by:", "\n".join(signers)]) + "\n"
    if change == "footer":
        paragraphs = [INTRODUCTION, *paragraphs, *FOOTER]
    elif change == "trimmed":
        paragraphs = paragraphs[:max(2, round(len(paragraphs) * TRIMMED_SHARE))]
    elif change == "more signers":
        signers = signers + ADDED_SIGNERS
    elif change == "a year on":  # next year's anniversary statement, its words unchanged but for the count
        paragraphs = [re.sub(r"\b(\d+)(st|nd|rd|th)\b", lambda m: f"{int(m[1]) + 1}th", p) for p in paragraphs]
    elif change != "html":
        raise ValueError(f"no such change: {change!r}")
    return ".html", _page(statement.title or "Joint statement", paragraphs, signers)


def _straight(text: str) -> str:
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "•": "-"}))


def _page(title: str, paragraphs: list[str], signers: list[str]) -> str:
    body = "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>\n" for p in paragraphs)
    listed = "".join(f"<li>{escape(name)}</li>" for name in signers)
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>\n"
            f"{body}<h2>Signatories</h2><ul>{listed}</ul></body></html>")


def documents(pair: Pair, folder: Path) -> list[Path]:
    if pair.second is not None:
        return [pair.first, pair.second]
    statement = parse(read_file(pair.first))
    suffix, body = changed(statement, pair.change or "")
    second = folder / (re.sub(r"\W+", "-", f"{pair.first.stem}-{pair.change}") + suffix)
    second.write_text(body, "utf-8")
    dated = _a_year_on(statement.date) if pair.change == "a year on" else statement.date
    second.with_name(second.name + ".meta.json").write_text(json.dumps(
        {"url": f"https://member.example.org/{second.stem}", **({"date": dated} if dated else {})}))
    return [pair.first, second]


def _a_year_on(iso: str | None) -> str | None:
    return f"{int(iso[:4]) + 1}{iso[4:]}" if iso else None


def linked(pair: Pair) -> tuple[str, float]:
    """The link the loader makes between the pair's documents ("different" for none), and their copy score."""
    with tempfile.TemporaryDirectory() as folder:
        paths = documents(pair, Path(folder))
        db = open_database(str(Path(folder) / "pair.db"))
        try:
            keys = []
            for path in paths:
                document = read_file(path)
                load.save(db, document, parse(document), PARSER_VERSION)
                keys.append(load.statement_id(document))
            texts = [db.execute("select text from statements where id = ?", [key]).fetchone() for key in keys]
            score = families.is_copy(texts[0][0], texts[1][0])[1] if all(texts) else 0.0
            found = db.execute("select kind from statement_links where statement_id = ? and other_id = ?",
                               keys).fetchall()
        finally:
            db.close()
    kinds = {kind for (kind,) in found}
    return next((kind for kind in KINDS if kind in kinds), "different"), score


@dataclass
class Figures:
    kind: str
    found: int = 0
    right: int = 0
    labelled: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


def measure(pairs: list[Pair]) -> tuple[dict[str, Figures], list[tuple[Pair, str, float]]]:
    figures = {kind: Figures(kind) for kind in KINDS}
    rows = []
    for pair in pairs:
        found, score = linked(pair)
        rows.append((pair, found, score))
        for kind, counted in figures.items():
            counted.found += found == kind
            counted.labelled += pair.label == kind
            counted.right += found == kind == pair.label
    return figures, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=PAIRS)
    pairs = read_pairs(parser.parse_args(argv).pairs)
    figures, rows = measure(pairs)
    for pair, found, score in sorted(rows, key=lambda row: row[2]):
        mark = "ok" if found == pair.label else "WRONG"
        print(f"{score:5.2f}  {pair.label:<11} {found:<11} {mark:<5} {pair.name}")
    print(f"\n{len(pairs)} pairs; copy threshold {families.COPY_CONTAINMENT} (containment of the shorter text's "
          f"shingles); translations: {families.TRANSLATION_SHARED:.0%} of signing organisations in common, "
          f"dated within {families.TRANSLATION_DAYS} days")
    for counted in figures.values():
        print(f"{counted.kind}: precision {counted.precision:.2f} ({counted.right}/{counted.found}), "
              f"recall {counted.recall:.2f} ({counted.right}/{counted.labelled})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
