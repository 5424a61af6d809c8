"""Scoring the parser against hand-labelled statements (<id>.gold.json beside each document)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import IngestError
from .files import read_file
from .parse import parse
from .parse.countries import fold
from .records import Statement

DEMAND_OPENING_WORDS = 5
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = {**dict.fromkeys(map(ord, "‘’‚‛′`´"), "'"), **dict.fromkeys(map(ord, "“”„‟″«»"), '"')}
_WORD = re.compile(r"\w+")


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else float(self.expected == 0)

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else float(self.predicted == 0)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.true_positives + other.true_positives, self.predicted + other.predicted,
                     self.expected + other.expected)

    def as_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class DocumentResult:
    id: str
    organisations: Score = field(default_factory=Score)
    demands: Score = field(default_factory=Score)
    title_right: bool | None = None  # None where the gold has no title
    date_right: bool | None = None
    crash: str | None = None


def fold_name(text: str) -> str:
    """Case, dashes, quotes, diacritics and white space folded, for comparing names."""
    return fold(text.translate(_DASHES).translate(_QUOTES))


def opening_words(text: str, count: int = DEMAND_OPENING_WORDS) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold_name(text)))[:count]


def score_organisations(predicted: list[str], gold: list[str]) -> Score:
    """Names matched one to one: each gold name can be found once per time it is listed."""
    matched = Counter(map(fold_name, predicted)) & Counter(map(fold_name, gold))
    return Score(sum(matched.values()), len(predicted), len(gold))


def score_demands(predicted: list[str], gold: list[str]) -> Score:
    """A demand matches an unused gold item whose opening words agree with its own."""
    unused = [opening_words(item) for item in gold]
    hits = 0
    for text in predicted:
        words = opening_words(text)
        match = next((i for i, item in enumerate(unused) if item and words[:len(item)] == item), None)
        if match is not None:
            unused[match] = ()
            hits += 1
    return Score(hits, len(predicted), len(gold))


def _same_date(predicted: str | None, gold: str) -> bool:
    return predicted is not None and predicted[:len(gold)] == gold and len(predicted) >= len(gold)


def score_document(statement: Statement, gold: dict[str, Any]) -> DocumentResult:
    result = DocumentResult(gold["id"])
    organisations = [s.name_as_written for s in statement.signatories if s.kind == "organisation"]
    result.organisations = score_organisations(organisations, gold["signatories"]["organisations"])
    result.demands = score_demands([d.text for d in statement.demands], gold["demands"]["items"])
    if gold.get("title"):
        result.title_right = statement.title is not None and fold_name(statement.title) == fold_name(gold["title"])
    if gold.get("date"):
        result.date_right = _same_date(statement.date, gold["date"])
    return result


def document_for(gold_path: Path) -> Path | None:
    stem = gold_path.name.removesuffix(".gold.json")
    candidates = [p for p in gold_path.parent.glob(f"{stem}.*")
                  if p != gold_path and not p.name.endswith(".meta.json")]
    return min(candidates) if candidates else None


def evaluate_directory(directory: Path) -> list[DocumentResult]:
    results = []
    for gold_path in sorted(directory.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        source = document_for(gold_path)
        if source is None:
            results.append(DocumentResult(gold["id"], crash="no document beside the gold file"))
            continue
        try:
            statement = parse(read_file(source))
        except IngestError as error:
            results.append(DocumentResult(gold["id"], crash=str(error)))
            continue
        except Exception as error:  # the point of the evaluation is to count these
            results.append(DocumentResult(gold["id"], crash=f"{type(error).__name__}: {error}"))
            continue
        results.append(score_document(statement, gold))
    return results


def summary(results: list[DocumentResult]) -> dict[str, Any]:
    organisations = sum((r.organisations for r in results), Score())
    demands = sum((r.demands for r in results), Score())
    titles = [r.title_right for r in results if r.title_right is not None]
    dates = [r.date_right for r in results if r.date_right is not None]
    return {
        "documents": len(results),
        "organisations": organisations.as_dict(),
        "demands": demands.as_dict(),
        "organisations_macro_f1": _mean([r.organisations.f1 for r in results]),
        "demands_macro_f1": _mean([r.demands.f1 for r in results]),
        "title_accuracy": _mean(titles), "titles_scored": len(titles),
        "date_accuracy": _mean(dates), "dates_scored": len(dates),
        "crashes": sum(1 for r in results if r.crash),
    }


def _mean(values: list[float | bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def report_json(results: list[DocumentResult]) -> dict[str, Any]:
    documents = [{"id": r.id, "organisations": r.organisations.as_dict(), "demands": r.demands.as_dict(),
                  "title_right": r.title_right, "date_right": r.date_right, "crash": r.crash} for r in results]
    return {"documents": documents, "overall": summary(results)}


def report_text(results: list[DocumentResult]) -> str:
    lines = [f"{'document':32} {'org P':>6} {'org R':>6} {'org F1':>6} {'dem P':>6} {'dem R':>6} {'dem F1':>6}"
             f"  title date  crash"]
    for r in results:
        o, d = r.organisations, r.demands
        lines.append(f"{r.id[:32]:32} {o.precision:6.2f} {o.recall:6.2f} {o.f1:6.2f} {d.precision:6.2f} "
                     f"{d.recall:6.2f} {d.f1:6.2f}  {_mark(r.title_right):5} {_mark(r.date_right):5} {r.crash or ''}")
    overall = summary(results)
    o, d = overall["organisations"], overall["demands"]
    lines.append(f"{'overall (pooled)':32} {o['precision']:6.2f} {o['recall']:6.2f} {o['f1']:6.2f} "
                 f"{d['precision']:6.2f} {d['recall']:6.2f} {d['f1']:6.2f}")
    lines.append(f"organisation F1 {o['f1']:.3f} (macro {overall['organisations_macro_f1']}), "
                 f"demand F1 {d['f1']:.3f} (macro {overall['demands_macro_f1']}), "
                 f"titles {_fraction(overall['title_accuracy'], overall['titles_scored'])}, "
                 f"dates {_fraction(overall['date_accuracy'], overall['dates_scored'])}, "
                 f"crashes {overall['crashes']} of {overall['documents']} documents")
    return "\n".join(lines)


def _mark(right: bool | None) -> str:
    return "-" if right is None else ("ok" if right else "WRONG")


def _fraction(accuracy: float | None, scored: int) -> str:
    return "none scored" if accuracy is None else f"{accuracy:.0%} of {scored}"
