"""The demand-model experiment (bench/demand_model.py): its units, labels, model and combination with the rules."""

from __future__ import annotations

import numpy

from bench.demand_model import (
    Data,
    Doc,
    Unit,
    attach_rule_demands,
    candidate_units,
    combined_demands,
    group_folds,
    label,
    missed_found,
    model_demands,
    predict,
    train,
)
from ingest.parse.blocks import Block
from ingest.parse.lexicon import lexicon


def _doc(units: list[Unit], rules: list[str], gold: list[str], group: str = "a/b", statement: bool = True) -> Doc:
    return Doc("doc", "dev", group, statement, "en", gold, rules, units)


def _unit(text: str, *rule_demands: str) -> Unit:
    return Unit(text, "paragraph", 0, 1, False, False, list(rule_demands))


def test_units_are_a_paragraphs_sentences_and_items_whole_without_their_numbers():
    blocks = [Block("paragraph", "The river is dying. We ask the council to act now."),
              Block("paragraph", "Our demands:"),
              Block("item", "1. Close the outfall pipe. Then test the water weekly.", level=1),
              Block("item", "2. Publish every result.", level=1)]
    units = candidate_units(blocks, lexicon("en"))
    assert [u.text for u in units] == ["The river is dying.", "We ask the council to act now.", "Our demands:",
                                       "Close the outfall pipe. Then test the water weekly.", "Publish every result."]
    assert [u.in_list for u in units] == [False, False, False, True, True]
    assert [u.after_colon for u in units] == [False, False, False, True, False]


def test_a_rule_demand_is_placed_in_the_unit_it_was_read_from():
    units = [_unit("The river is dying."), _unit("We urge the council to close the outfall and to test the water.")]
    attach_rule_demands(units, ["close the outfall", "to test the water."])
    assert [u.rule_demands for u in units] == [[], ["close the outfall", "to test the water."]]


def test_a_unit_is_labelled_by_the_scorers_match_of_its_text_or_of_a_rule_demand_read_from_it():
    gold = ["test the water weekly"]
    doc = _doc([], [], gold)
    assert label(doc, _unit("Test the water weekly, and publish it."))
    assert label(doc, _unit("We urge the council to close the outfall and to test the water weekly.",
                            "close the outfall", "test the water weekly."))
    assert not label(doc, _unit("The river is dying."))


def test_the_logistic_regression_separates_what_can_be_separated():
    rng = numpy.random.default_rng(7)
    features = rng.normal(size=(200, 3))
    labels = (features[:, 0] - features[:, 2] > 0).astype(float)
    weights = train(features, labels, l2=0.1)
    assert ((predict(weights, features) > 0.5) == labels.astype(bool)).mean() > 0.95
    assert weights[0] > 0 > weights[2]


def test_the_combination_vetoes_low_rule_units_and_adds_high_other_units_in_reading_order():
    units = [_unit("Stop the dam.", "Stop the dam."), _unit("An end to the logging."),
             _unit("The forest is old."), _unit("We urge you to fund the rangers.", "fund the rangers.")]
    doc = _doc(units, ["Stop the dam.", "fund the rangers."], [])
    scores = numpy.array([0.05, 0.9, 0.4, 0.6])
    assert combined_demands(doc, scores, add=0.8, veto=0.1) == ["An end to the logging.", "fund the rangers."]
    assert combined_demands(doc, scores, add=1.01, veto=0.0) == ["Stop the dam.", "fund the rangers."]
    assert model_demands(doc, scores, 0.5) == ["An end to the logging.", "We urge you to fund the rangers."]


def test_a_page_the_parser_does_not_list_keeps_no_demands_from_the_model_either():
    doc = _doc([_unit("An end to the logging.")], [], [], statement=False)
    assert combined_demands(doc, numpy.array([0.99]), add=0.5, veto=0.0) == []
    assert model_demands(doc, numpy.array([0.99]), 0.5) == []


def test_a_repository_is_never_split_across_folds():
    docs = [_doc([], [], [], group=group) for group in ["x/1", "y/2", "x/1", "z/3", "y/2"]]
    for folds in (group_folds(docs, list(range(5))), group_folds(docs, list(range(5)), 2)):
        assert sorted(i for fold in folds for i in fold) == list(range(5))
        assert all(len({docs[i].group for i in fold} & {docs[j].group for j in other}) == 0
                   for fold in folds for other in folds if other is not fold)
    assert len(group_folds(docs, list(range(5)))) == 3


def test_the_units_missed_by_the_rules_are_counted_where_the_model_ranks_them_highest():
    docs = [_doc([_unit("A."), _unit("B.", "B."), _unit("C.")], ["B."], [])]
    data = Data(docs, [], [], [numpy.array([1.0, 1.0, 0.0])], [numpy.array([False, True, False])])
    assert missed_found(data, [numpy.array([0.9, 0.95, 0.1])], 1) == 1
    assert missed_found(data, [numpy.array([0.1, 0.95, 0.9])], 1) == 0
