"""Scoring the parser against hand-labelled statements (<id>.gold.json beside each document)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import IngestError
from .files import read_file
from .parse import parse
from .parse.countries import fold
from .records import Document, Statement

DEMAND_OPENING_WORDS = 5
LEAD_WORDS = 12  # how far into a demand its opening words may stand, past a lead phrase
WEAK_F1 = 0.5  # a document under this on organisations or demands is named in the report
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
    individuals: Score = field(default_factory=Score)  # counted, not named: min(predicted, gold) agree
    title_right: bool | None = None  # None where the gold has no title
    date_right: bool | None = None
    language_right: bool | None = None
    publisher_right: bool | None = None
    statement_right: bool | None = None  # listed as a statement exactly when the gold says it is one
    crash: str | None = None

    def weak(self) -> list[str]:
        """The scores under WEAK_F1 where there was anything to find or anything was found."""
        return [name for name, score in (("organisations", self.organisations), ("demands", self.demands))
                if (score.expected or score.predicted) and score.f1 < WEAK_F1]


def fold_name(text: str) -> str:
    """Case, dashes, quotes, diacritics, white space and a closing full stop folded, for comparing names
    (labellers disagree on whether "Fundación Corona." ends in a full stop of its own)."""
    return fold(text.translate(_DASHES).translate(_QUOTES)).removesuffix(".").rstrip()


def opening_words(text: str, count: int = DEMAND_OPENING_WORDS) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold_name(text)))[:count]


def score_organisations(predicted: list[str], gold: list[str]) -> Score:
    """Names matched one to one: each gold name can be found once per time it is listed. A name found
    with its description after a comma matches a label that gives the name alone ("Association
    Aquilenet, Fournisseur d'accès" for "Association Aquilenet"): labellers differ on that."""
    found, wanted = Counter(map(fold_name, predicted)), Counter(map(fold_name, gold))
    matched = found & wanted
    found, wanted = found - matched, wanted - matched
    described = Counter(name.split(", ")[0] for name in found.elements() if ", " in name) & wanted
    return Score(sum(matched.values()) + sum(described.values()), len(predicted), len(gold))


def score_demands(predicted: list[str], gold: list[str]) -> Score:
    """A demand matches an unused gold item whose opening words agree with its own, or stand among the
    other's first LEAD_WORDS words: labellers differ on whether a lead phrase ("In conclusion, we
    request ...") is part of the demand, and either reading is the same demand."""
    unused: list[tuple[str, ...] | None] = [opening_words(item, LEAD_WORDS + DEMAND_OPENING_WORDS) for item in gold]
    hits = 0
    for text in predicted:
        words = opening_words(text, LEAD_WORDS + DEMAND_OPENING_WORDS)
        match = next((i for i, item in enumerate(unused) if item and _same_demand(words, item)), None)
        if match is not None:
            unused[match] = None
            hits += 1
    return Score(hits, len(predicted), len(gold))


def _same_demand(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    a, b = one[:DEMAND_OPENING_WORDS], other[:DEMAND_OPENING_WORDS]
    if a[:len(b)] == b or b[:len(a)] == a:
        return True
    return _contains(other[:LEAD_WORDS + len(a)], a) or _contains(one[:LEAD_WORDS + len(b)], b)


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return len(part) == DEMAND_OPENING_WORDS and any(
        words[i:i + len(part)] == part for i in range(min(LEAD_WORDS, len(words)) + 1))


def score_individuals(predicted: int, gold: int) -> Score:
    return Score(min(predicted, gold), predicted, gold)


def publisher_matches(predicted: str | None, gold: str) -> bool:
    """The same publisher, however fully named: "FFII" or "Foundation for a Free Information Infrastructure"
    for "FFII (Foundation for a Free Information Infrastructure) wiki"; a name given in brackets counts."""
    if not predicted:
        return False
    guess = _publisher_words(predicted)
    names = [_publisher_words(name) for name in [gold, *re.findall(r"\(([^()]+)\)", gold)]]
    names.append(_publisher_words(re.sub(r"\([^()]*\)", " ", gold)))
    return bool(guess) and any(guess == name or (guess <= name and len(guess) * 2 >= len(name)) or
                               (name <= guess and len(name) * 2 >= len(guess)) for name in names if name)


def _publisher_words(name: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold_name(name))) - {"the", "and", "of", "for", "wiki", "op", "ed"}


def gold_language(gold: dict[str, Any]) -> str | None:
    """ "en+fr" (a bilingual page) is scored on its first language."""
    language = gold.get("language")
    return re.split(r"[+/,\s]", language)[0].lower() if language else None


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
    individuals = sum(1 for s in statement.signatories if s.kind == "individual")
    result.individuals = score_individuals(individuals, gold["signatories"].get("individuals_count") or 0)
    if gold_language(gold):
        result.language_right = statement.language == gold_language(gold)
    if gold.get("publisher"):
        result.publisher_right = publisher_matches(statement.publisher, gold["publisher"])
    result.statement_right = statement.is_statement == gold.get("is_statement", True)
    return result


def crashed(gold: dict[str, Any], message: str) -> DocumentResult:
    """A document the parser failed on found nothing: its gold names and demands are all missed, and each field
    the gold gives is wrong (else a set where every document crashed would score 1.0)."""
    result = DocumentResult(gold["id"], crash=message)
    result.organisations = Score(0, 0, len(gold["signatories"]["organisations"]))
    result.demands = Score(0, 0, len(gold["demands"]["items"]))
    result.individuals = Score(0, 0, gold["signatories"].get("individuals_count") or 0)
    for name, given in (("title", gold.get("title")), ("date", gold.get("date")), ("language", gold_language(gold)),
                        ("publisher", gold.get("publisher"))):
        setattr(result, f"{name}_right", False if given else None)
    result.statement_right = False
    return result


def document_for(gold_path: Path) -> Path | None:
    stem = gold_path.name.removesuffix(".gold.json")
    candidates = [p for p in gold_path.parent.glob(f"{stem}.*")
                  if p != gold_path and not p.name.endswith(".meta.json")]
    return min(candidates) if candidates else None


def as_stored(document: Document, gold: dict[str, Any]) -> Document:
    """The document under the path it has in its repository ("_posts/2015-05-10-letter.md"), as a crawl of that
    repository or its site would have it, rather than the corpus file's own name."""
    stored = (gold.get("source") or {}).get("path")
    return replace(document, path=stored) if isinstance(stored, str) and stored else document


def evaluate_directory(directory: Path) -> list[DocumentResult]:
    results = []
    for gold_path in sorted(directory.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        source = document_for(gold_path)
        if source is None:
            results.append(DocumentResult(gold["id"], crash="no document beside the gold file"))
            continue
        try:
            statement = parse(as_stored(read_file(source), gold))
        except IngestError as error:
            results.append(crashed(gold, str(error)))
            continue
        except Exception as error:  # the point of the evaluation is to count these
            results.append(crashed(gold, f"{type(error).__name__}: {error}"))
            continue
        results.append(score_document(statement, gold))
    return results


ACCURACIES = ("title", "date", "language", "publisher", "statement")


def summary(results: list[DocumentResult]) -> dict[str, Any]:
    found: dict[str, Any] = {"documents": len(results)}
    for name in ("organisations", "demands", "individuals"):
        scores = [getattr(r, name) for r in results]
        found[name] = sum(scores, Score()).as_dict()
        found[f"{name}_macro_f1"] = _mean([score.f1 for score in scores])
    for name in ACCURACIES:
        marks = [getattr(r, f"{name}_right") for r in results if getattr(r, f"{name}_right") is not None]
        found[f"{name}_accuracy"], found[f"{name}s_scored"] = _mean(marks), len(marks)
    found["crashes"] = sum(1 for r in results if r.crash)
    found["weak"] = {r.id: r.weak() for r in results if r.weak()}
    return found


def _mean(values: list[float | bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def report_json(results: list[DocumentResult]) -> dict[str, Any]:
    documents = [{"id": r.id, "organisations": r.organisations.as_dict(), "demands": r.demands.as_dict(),
                  "individuals": r.individuals.as_dict(),
                  **{f"{name}_right": getattr(r, f"{name}_right") for name in ACCURACIES}, "crash": r.crash}
                 for r in results]
    return {"documents": documents, "overall": summary(results)}


def report_text(results: list[DocumentResult]) -> str:
    lines = [f"{'document':32} {'org P':>6} {'org R':>6} {'org F1':>6} {'dem P':>6} {'dem R':>6} {'dem F1':>6}"
             f" {'ind':>9}  title date  lang  publ  stmt  crash"]
    for r in results:
        o, d = r.organisations, r.demands
        marks = "".join(f"{_mark(getattr(r, f'{name}_right')):6}" for name in ACCURACIES)
        lines.append(f"{r.id[:32]:32} {o.precision:6.2f} {o.recall:6.2f} {o.f1:6.2f} {d.precision:6.2f} "
                     f"{d.recall:6.2f} {d.f1:6.2f} {r.individuals.predicted:>4}/{r.individuals.expected:<4}  "
                     f"{marks}{r.crash or ''}")
    overall = summary(results)
    o, d = overall["organisations"], overall["demands"]
    lines.append(f"{'overall (pooled)':32} {o['precision']:6.2f} {o['recall']:6.2f} {o['f1']:6.2f} "
                 f"{d['precision']:6.2f} {d['recall']:6.2f} {d['f1']:6.2f}")
    lines.append(", ".join(f"{label} F1 {overall[name]['f1']:.3f} (macro {_figure(overall[f'{name}_macro_f1'])})"
                           for name, label in (("organisations", "organisation"), ("demands", "demand"),
                                               ("individuals", "individuals"))))
    accuracies = [f"{name}s {_fraction(overall[f'{name}_accuracy'], overall[f'{name}s_scored'])}"
                  for name in ACCURACIES]
    lines.append(", ".join(accuracies) + f", crashes {overall['crashes']} of {overall['documents']} documents")
    weak = overall["weak"]
    lines.append(f"under {WEAK_F1} F1: " + ("; ".join(f"{id} ({', '.join(what)})" for id, what in weak.items())
                                          if weak else "none"))
    return "\n".join(lines)


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _mark(right: bool | None) -> str:
    return "-" if right is None else ("ok" if right else "WRONG")


def _fraction(accuracy: float | None, scored: int) -> str:
    return "none scored" if accuracy is None else f"{accuracy:.0%} of {scored}"
