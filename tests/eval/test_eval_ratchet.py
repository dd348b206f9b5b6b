"""The blind evaluation as a ratchet: no case's figures may fall below tests/eval/baseline.json.

Each case (split x questionnaire) runs the real local pipeline (upload, processing tasks, the
suggestion pre-computation for every question) and is scored against the blind gold, exactly
as ``make eval`` does; only the aggregate figures are compared. After an engine improvement,
raise the ratchet with ``python -m eval --write-baseline`` and commit it.
"""

from __future__ import annotations

from typing import Any

import pytest

from assessments.selectors.questionnaires import questionnaire_cache_clear
from eval.baseline import baseline_read, floored, regressions
from eval.gold import QUESTIONNAIRES, SPLITS, GoldAnswer, Quote, gold_case
from eval.run import evaluate, questionnaire_ensure
from eval.score import Verdict, answer_correct, figures, supports

CASES = [f"{split}/{key}" for split in SPLITS for key in QUESTIONNAIRES]


@pytest.fixture
def evaluation(db: Any, tra_table: Any, pipeline: Any) -> None:
    # A questionnaire parsed by an earlier test under the same (key, version) is not ours.
    questionnaire_cache_clear()
    yield
    questionnaire_cache_clear()


def test_it_has_a_baseline_for_every_case() -> None:
    assert sorted(baseline_read()) == sorted(CASES)


@pytest.mark.slow
@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("key", list(QUESTIONNAIRES))
def test_it_has_gold_for_every_question_of_the_questionnaire(evaluation: None, split: str, key: str) -> None:
    asked = {q.id for q in questionnaire_ensure(key).all_questions()}
    assert set(gold_case(split, key).answers) == asked


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_it_keeps_every_figure_at_or_above_the_baseline(evaluation: None, case: str) -> None:
    split, key = case.split("/")
    run, verdicts = evaluate(split, key)
    assert len(verdicts) == len(run.questions)  # every question suggested for and scored
    measured = figures(verdicts).ratchet()
    print(f"{case}: {measured}")
    assert not regressions(case, measured, baseline_read()[case])


# --- the measure itself ---------------------------------------------------------------------


def _gold(answer: Any, *, settled: bool = True, unit: str | None = None, **kw: Any) -> GoldAnswer:
    return GoldAnswer("Q", settled, answer, unit, kw.get("key_facts", ()), kw.get("quotes", ()))


def test_it_reports_a_lower_figure_and_more_high_confidence_wrong_answers_as_regressions() -> None:
    baseline = {"yes_no_precision": 0.8, "high_wrong": 2}
    assert regressions("c", {"yes_no_precision": 0.8, "high_wrong": 2}, baseline) == []
    assert len(regressions("c", {"yes_no_precision": 0.79, "high_wrong": 3}, baseline)) == 2
    assert floored({"values": 0.2857, "high_wrong": 3}) == {"values": 0.28, "high_wrong": 3}


def test_it_compares_numbers_in_the_gold_unit_dates_as_iso_and_choices_as_sets() -> None:
    assert answer_correct("number", "15 minutes", _gold(0.25, unit="hours"))
    assert answer_correct("number", "412,000", _gold(412000, unit="GBP"))
    assert not answer_correct("number", "1", _gold(0.25, unit="hours"))
    assert answer_correct("date", "12 April 2027", _gold("2027-04-12"))
    assert not answer_correct("date", "2027-04", _gold("2027-04-12"))
    assert answer_correct("multi-choice", ["b", "A"], _gold(["a", "B"]))
    assert not answer_correct("multi-choice", ["a"], _gold(["a", "b"]))
    assert answer_correct(
        "free-text",
        "Corvane  analytics LTD supplies Sable",
        _gold("x", key_facts=("Corvane Analytics Ltd", "Sable")),
    )
    assert not answer_correct(
        "free-text", "Corvane supplies it", _gold("x", key_facts=("Corvane Analytics Ltd",))
    )
    assert not answer_correct("Yes/No", "Yes", _gold(None, settled=False))


def test_it_counts_an_answer_where_the_documents_are_silent_against_precision() -> None:
    def verdict(answer: str, gold: GoldAnswer, confidence: str) -> Verdict:
        correct = answer_correct("Yes/No", answer, gold)
        return Verdict("Q", "Yes/No", gold, True, correct, confidence, 0.9, answer, ())

    f = figures([verdict("Yes", _gold("Yes"), "high"), verdict("No", _gold(None, settled=False), "high")])
    assert (f.yes_no_answered, f.yes_no_answered_correct, f.yes_no_precision) == (2, 1, 0.5)
    assert (f.yes_no_settled, f.yes_no_correct, f.abstention, f.high_wrong) == (1, 1.0, 0.0, 1)
    assert f.confidence == {"high": (2, 1), "medium": (0, 0), "low": (0, 0)}


def test_it_takes_a_citation_as_supporting_only_when_it_meets_gold_or_the_question() -> None:
    quote = Quote("a.txt", "Backups are encrypted and retained for 35 days in UK West.")
    gold = _gold("Yes", quotes=(quote,))
    question = "Is the service hosted outside the United Kingdom?"
    assert supports("Backups are encrypted and retained for 35 days.", "a.txt", question, gold)
    assert not supports("Backups are encrypted and retained for 35 days.", "b.txt", question, gold)
    assert supports("The service is hosted in the United Kingdom.", "b.txt", question, gold)
    assert not supports("Our customers are in the Kingdom of Fife.", "b.txt", question, gold)


def test_a_bare_number_is_read_in_the_unit_of_time_the_question_asks_for() -> None:
    gold = _gold(13, unit="months")
    assert answer_correct("number", "395.688", gold, "For how many days are security logs kept?")
    assert not answer_correct("number", "395.688", gold, "How many log sources are there?")
    assert not answer_correct("number", "13", gold, "For how many days are security logs kept?")
