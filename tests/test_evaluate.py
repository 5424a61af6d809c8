"""The evaluation command: its scoring rules, and its figures on the labelled corpus."""

from __future__ import annotations

import json
import shutil

import pytest

from ingest.evaluate import (
    Score,
    fold_name,
    publisher_matches,
    score_demands,
    score_individuals,
    score_organisations,
)
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


def test_publishers_match_however_fully_named():
    gold = "FFII (Foundation for a Free Information Infrastructure) wiki"
    assert publisher_matches("FFII", gold)
    assert publisher_matches("Foundation for a Free Information Infrastructure", gold)
    assert publisher_matches("New Zealand University Students' Association", "New Zealand University Students' "
                                                                             "Association (NZUSA)")
    assert not publisher_matches("drw", "Digital Rights Watch")
    assert not publisher_matches("Free Tibet", "Tibet Justice Center")
    assert not publisher_matches(None, "Free Tibet")


def test_individuals_are_scored_by_count():
    score = score_individuals(16, 504)
    assert (score.precision, round(score.recall, 3)) == (1.0, round(16 / 504, 3))
    assert score_individuals(0, 0).f1 == 1.0


def test_the_report_names_weak_documents_and_every_accuracy(runner):
    result = runner.invoke(cli, ["evaluate", str(REAL)])
    assert result.exit_code == 0, result.output
    for label in ("languages", "publishers", "statements", "individuals F1", "under 0.5 F1:"):
        assert label in result.output
    report = json.loads(runner.invoke(cli, ["evaluate", str(REAL), "--format", "json"]).output)
    weak = {doc["id"] for doc in report["documents"]
            if (doc["organisations"]["expected"] or doc["organisations"]["predicted"])
            and doc["organisations"]["f1"] < 0.5}
    assert weak <= set(report["overall"]["weak"])


def test_a_demand_matches_with_or_without_its_lead_phrase():
    gold = ["In conclusion we request that WTO Members honour their obligation"]
    assert score_demands(["we request that WTO Members honour their obligation."], gold).true_positives == 1
    assert score_demands(["In conclusion we request that WTO Members honour it."], ["we request that WTO Members "
                                                                                     "honour"]).true_positives == 1
    assert score_demands(["we request that the Council act"], gold).true_positives == 0


def test_an_organisation_found_with_its_description_matches_its_name_alone():
    score = score_organisations(["Association Aquilenet, Fournisseur d'accès à Internet", "CGT SEMA"],
                                ["Association Aquilenet", "CGT SEMA"])
    assert score.true_positives == 2
    assert score_organisations(["Department of Journalism"], ["Department of Journalism, Baptist University"]
                               ).true_positives == 0


# A floor for every labelled document, beside the pooled bars: one document can fall to 0.0 behind a pooled
# 0.99. The floors sit below today's lowest figures (organisations 0.91, h4f-umg-brief; demands 0.67,
# h4f-umg-brief), to be raised as the parser improves.
ORGANISATION_FLOOR = 0.85
DEMAND_FLOOR = 0.6
# (document, measure) pairs known to be under the floor today, each with its reason. One that rises above
# it fails this test, so that it is taken off the list.
BELOW_THE_FLOOR: dict[tuple[str, str], str] = {}


def test_every_labelled_document_meets_the_floor(runner):
    result = runner.invoke(cli, ["evaluate", str(SEED.parent), str(REAL), "--format", "json"])
    below = set()
    for document in json.loads(result.output)["documents"]:
        for measure, floor in (("organisations", ORGANISATION_FLOOR), ("demands", DEMAND_FLOOR)):
            score = document[measure]
            if score["expected"] and score["f1"] < floor:
                below.add((document["id"], measure))
    assert below == set(BELOW_THE_FLOOR)
