"""The evaluation command: its scoring rules, and its figures on the labelled corpus."""

from __future__ import annotations

import json
import shutil

import pytest

from ingest.evaluate import Score, fold_name, score_demands, score_organisations
from undersigned.cli import cli

from .conftest import REAL, SEED


def test_names_fold_case_dashes_quotes_diacritics_and_space():
    assert fold_name("Tibetan Women’s  Association – Central") == fold_name("tibetan women's association - central")
    assert fold_name("Tíbet Patria Libre") == fold_name("Tibet Patria Libre")
    assert fold_name("Free Tibet") != fold_name("Free Tibet UK")


def test_organisations_match_one_to_one():
    score = score_organisations(["Free Tibet", "Free Tibet", "Tibet Lives"], ["Free Tibet", "Tibet Lives", "SFT"])
    assert (score.true_positives, score.predicted, score.expected) == (2, 3, 3)
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(2 / 3)


def test_demands_match_on_their_opening_words_once_each():
    gold = ["Release all political prisoners held in", "End the use of"]
    score = score_demands(["Release all political prisoners held in Tibet now.", "release all political prisoners",
                           "End the use of torture."], gold)
    assert (score.true_positives, score.predicted, score.expected) == (2, 3, 2)


def test_empty_against_empty_is_perfect_and_f1_combines():
    assert Score(0, 0, 0).f1 == 1.0
    assert Score(1, 2, 4).f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_seed_scores_perfectly(runner):
    result = runner.invoke(cli, ["evaluate", str(SEED.parent), "--format", "json"])
    assert result.exit_code == 0, result.output
    overall = json.loads(result.output)["overall"]
    assert (overall["organisations"]["f1"], overall["demands"]["f1"], overall["crashes"]) == (1.0, 1.0, 0)


def test_a_document_that_cannot_be_read_counts_as_a_crash(runner, tmp_path):
    shutil.copy(REAL / "owinfs-ldc-extension.gold.json", tmp_path)
    (tmp_path / "owinfs-ldc-extension.html").write_bytes(b"")
    result = runner.invoke(cli, ["evaluate", str(tmp_path)])
    assert result.exit_code == 0
    assert "empty document" in result.output
    assert "crashes 1 of 1 documents" in result.output


def test_whole_corpus_runs_without_crashing(runner):
    result = runner.invoke(cli, ["evaluate", str(SEED.parent), str(REAL), "--format", "json"])
    report = json.loads(result.output)
    assert report["overall"]["documents"] == 11
    assert report["overall"]["crashes"] == 0


def test_a_directory_without_gold_files_is_an_error(runner, tmp_path):
    result = runner.invoke(cli, ["evaluate", str(tmp_path)])
    assert result.exit_code == 1
    assert "no <id>.gold.json files" in result.output


def test_extraction_meets_the_bars_on_the_labelled_corpus(runner):
    """The bars of the extraction issue, on ../shared/corpus (seed and real)."""
    result = runner.invoke(cli, ["evaluate", str(SEED.parent), str(REAL), "--format", "json"])
    overall = json.loads(result.output)["overall"]
    assert overall["crashes"] == 0
    assert overall["organisations"]["f1"] >= 0.95
    assert overall["demands"]["f1"] >= 0.90
    assert overall["title_accuracy"] >= 0.90
    assert overall["date_accuracy"] >= 0.90


# A floor for every labelled document, beside the pooled bars: one document can fall to 0.0 behind a pooled
# 0.99. The floors sit below today's lowest figures (organisations 0.91, h4f-umg-brief; demands 0.67,
# h4f-umg-brief), to be raised as the parser improves.
ORGANISATION_FLOOR = 0.85
DEMAND_FLOOR = 0.6
# (document, measure) pairs known to be under the floor today, each with its reason. One that rises above
# it fails this test, so that it is taken off the list.
BELOW_THE_FLOOR = {
    ("owinfs-unctad-cso-letter", "organisations"):
        "its four signatories are people signing 'on behalf of' a network; the parser keeps them as individuals "
        "and takes the 'Cc:' recipients for organisations (0.0 today)",
}


def test_every_labelled_document_meets_the_floor(runner):
    result = runner.invoke(cli, ["evaluate", str(SEED.parent), str(REAL), "--format", "json"])
    below = set()
    for document in json.loads(result.output)["documents"]:
        for measure, floor in (("organisations", ORGANISATION_FLOOR), ("demands", DEMAND_FLOOR)):
            score = document[measure]
            if score["expected"] and score["f1"] < floor:
                below.add((document["id"], measure))
    assert below == set(BELOW_THE_FLOOR)
