"""The inherent risk rating: computed from the answers and the questionnaire's `risk:` scoring only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assessments.domain.rating import RiskFactor, RiskLevel, inherent_rating, worst
from assessments.questionnaire.parser import load_questionnaire_yaml
from assessments.selectors.questionnaires import default_questionnaire_path
from tests.questionnaire.test_engine import FORMAT_PAGE_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]

QUESTIONNAIRE = load_questionnaire_yaml(
    """
assessment: {name: Scored, version: "1", description: d}
qualifying_questions:
  - {id: Q-1, question: Is a vendor involved?, response_type: Yes/No,
     on_yes: {action: show_all_questions, risk_area: Third Party}, risk: {Yes: medium}}
  - {id: Q-2, question: Is personal data processed?, response_type: Yes/No,
     on_yes: {action: show_all_questions, risk_area: Privacy}}
risk_areas:
  third_party:
    name: Third Party Risk
    questions:
      - {id: TP-1, question: How critical is the vendor?, response_type: single-choice,
         options: [Critical, High, Low], risk: {Critical: very_high, High: high}}
      - {id: TP-2, question: Is there a contract?, response_type: Yes/No, risk: {"No": high}}
      - {id: TP-3, question: Is there an exit plan?, response_type: Yes/No, risk: {"No": high},
         depends_on: {question_id: TP-2, answer: "Yes"}}
      - {id: TP-4, question: Which reports were provided?, response_type: multi-choice,
         options: [SOC 2, Pen test, None], risk: {None: high, Pen test: low}}
      - {id: TP-5, question: Annual value?, response_type: number,
         risk: {">= 1000": medium, ">= 100000": high}}
      - {id: TP-6, question: Who is the vendor?, response_type: free-text}
  privacy:
    name: Privacy Risk
    questions:
      - {id: DP-1, question: Is special category data processed?, response_type: Yes/No,
         risk: {"Yes": very_high}}
  unscored:
    name: Unscored Risk
    questions:
      - {id: UN-1, question: Anything else?, response_type: Yes/No}
"""
)


def test_an_area_is_rated_at_its_highest_factor_with_each_factor_listed() -> None:
    rating = inherent_rating(QUESTIONNAIRE, {"Q-1": "Yes", "TP-1": "Critical", "TP-2": "No"})
    area = rating.areas["third_party"]
    assert area.level is RiskLevel.VERY_HIGH
    assert [(f.question_id, f.answer, f.level) for f in area.factors] == [
        ("TP-1", "Critical", RiskLevel.VERY_HIGH),
        ("TP-2", "No", RiskLevel.HIGH),
    ]
    assert area.factors[0].question_text == "How critical is the vendor?"
    assert area.explanation == "Very high: TP-1 'Critical' (very high); TP-2 'No' (high)."


def test_three_factors_at_the_top_level_raise_the_area_one_step() -> None:
    answers = {"Q-1": "Yes", "TP-1": "High", "TP-2": "No", "TP-4": ["None"]}
    area = inherent_rating(QUESTIONNAIRE, answers).areas["third_party"]
    assert area.level is RiskLevel.VERY_HIGH
    assert area.raised
    assert area.explanation == (
        "Very high: 3 answers at high raise it one step: TP-1 'High' (high); TP-2 'No' (high); TP-4 'None' (high)."
    )

    two = inherent_rating(QUESTIONNAIRE, {"Q-1": "Yes", "TP-1": "High", "TP-2": "No"}).areas["third_party"]
    assert (two.level, two.raised) == (RiskLevel.HIGH, False)


def test_each_chosen_scored_option_of_a_multi_choice_answer_is_a_factor() -> None:
    answers = {"Q-1": "Yes", "TP-4": ["SOC 2", "Pen test", "None"]}
    area = inherent_rating(QUESTIONNAIRE, answers).areas["third_party"]
    assert [(f.answer, f.level) for f in area.factors] == [
        ("None", RiskLevel.HIGH),
        ("Pen test", RiskLevel.LOW),
    ]


def test_a_number_counts_once_at_its_highest_matching_comparison() -> None:
    area = inherent_rating(QUESTIONNAIRE, {"Q-1": "Yes", "TP-5": "250000"}).areas["third_party"]
    assert area.factors == (
        RiskFactor("TP-5", "Annual value?", "250000", RiskLevel.HIGH, matched=">= 100000"),
    )
    assert area.explanation == "High: TP-5 '250000' (high, >= 100000)."
    assert inherent_rating(QUESTIONNAIRE, {"Q-1": "Yes", "TP-5": "10"}).areas["third_party"].factors == ()


def test_the_overall_rating_is_the_highest_of_the_areas_and_the_qualifying_questions() -> None:
    answers = {"Q-1": "Yes", "Q-2": "Yes", "TP-2": "No", "DP-1": "Yes"}
    rating = inherent_rating(QUESTIONNAIRE, answers)
    assert rating.overall is RiskLevel.VERY_HIGH
    assert {key: area.level for key, area in rating.areas.items()} == {
        "third_party": RiskLevel.HIGH,
        "privacy": RiskLevel.VERY_HIGH,
        "unscored": None,
    }
    assert rating.explanation == (
        "Very high: the highest of Qualifying questions (medium), Third Party Risk (high), Privacy Risk (very high)."
    )
    assert [f.question_id for f in rating.factors] == ["Q-1", "TP-2", "DP-1"]


def test_qualifying_factors_count_overall_but_not_in_the_area_they_switch_on() -> None:
    rating = inherent_rating(QUESTIONNAIRE, {"Q-1": "Yes"})
    assert rating.qualifying is not None and rating.qualifying.level is RiskLevel.MEDIUM
    assert rating.areas["third_party"].level is RiskLevel.VERY_LOW
    assert rating.areas["third_party"].explanation == "Very low: no answer here raises risk."
    assert rating.overall is RiskLevel.MEDIUM


def test_answers_in_an_area_that_is_not_switched_on_raise_nothing() -> None:
    rating = inherent_rating(QUESTIONNAIRE, {"Q-1": "No", "Q-2": "No", "TP-1": "Critical", "DP-1": "Yes"})
    assert list(rating.areas) == ["unscored"]  # an area nothing switches on is always active
    assert rating.factors == ()
    assert rating.overall is RiskLevel.VERY_LOW


def test_an_answer_to_a_question_that_no_longer_applies_raises_nothing() -> None:
    # TP-3 depends on TP-2 being Yes; its kept No answer must not count once TP-2 is No.
    shown = inherent_rating(QUESTIONNAIRE, {"Q-1": "Yes", "TP-2": "Yes", "TP-3": "No"})
    hidden = inherent_rating(QUESTIONNAIRE, {"Q-1": "Yes", "TP-2": "No", "TP-3": "No"})
    assert [f.question_id for f in shown.areas["third_party"].factors] == ["TP-3"]
    assert [f.question_id for f in hidden.areas["third_party"].factors] == ["TP-2"]


def test_active_areas_narrows_the_rated_areas_but_never_adds_one() -> None:
    answers = {"Q-1": "Yes", "Q-2": "No", "TP-1": "Critical", "DP-1": "Yes"}
    rating = inherent_rating(QUESTIONNAIRE, answers, active_areas=["privacy", "unscored"])
    assert list(rating.areas) == ["unscored"]
    assert rating.overall is RiskLevel.MEDIUM  # the qualifying Q-1 only


def test_a_questionnaire_without_scoring_is_not_rated() -> None:
    questionnaire = load_questionnaire_yaml(FORMAT_PAGE_EXAMPLE)
    rating = inherent_rating(questionnaire, {"Q-1": "Yes", "DP-1": "No"})
    assert rating.overall is None
    assert rating.explanation == "Not rated: the questionnaire has no risk scoring."
    assert [(key, area.level) for key, area in rating.areas.items()] == [("data_privacy", None)]
    assert rating.areas["data_privacy"].explanation == "Not rated: no question here is scored."


def test_the_default_questionnaire_rates_a_critical_uncertified_vendor_very_high() -> None:
    questionnaire = load_questionnaire_yaml(default_questionnaire_path().read_text())
    answers = {"Q-04": "Yes", "Q-05": "No", "Q-09": "No", "Q-10": "Yes", "TP-02": "Critical", "TP-04": "No"}
    rating = inherent_rating(questionnaire, answers)
    area = rating.areas["third_party"]
    assert area.level is RiskLevel.VERY_HIGH
    assert area.explanation == "Very high: TP-02 'Critical' (very high); TP-04 'No' (high)."
    assert rating.overall is RiskLevel.VERY_HIGH


@pytest.mark.parametrize("text", ["very high", "Very High", "very-high", "VERY_HIGH", " very_high "])
def test_levels_parse_from_the_loose_spellings_people_write(text: str) -> None:
    assert RiskLevel.parse(text) is RiskLevel.VERY_HIGH


def test_a_text_that_is_not_a_level_is_refused_with_the_scale() -> None:
    with pytest.raises(ValueError, match="'severe' is not a risk level .expected one of very_low, low"):
        RiskLevel.parse("severe")


def test_levels_order_by_the_scale_not_by_their_spelling() -> None:
    # As plain text "high" < "low"; on the scale it is the other way round.
    assert RiskLevel.HIGH > RiskLevel.LOW
    assert sorted([RiskLevel.VERY_HIGH, RiskLevel.LOW, RiskLevel.HIGH, RiskLevel.VERY_LOW]) == [
        RiskLevel.VERY_LOW,
        RiskLevel.LOW,
        RiskLevel.HIGH,
        RiskLevel.VERY_HIGH,
    ]
    assert [level.label for level in RiskLevel.ordered()] == [
        "Very low",
        "Low",
        "Medium",
        "High",
        "Very high",
    ]
    assert [level.rank for level in RiskLevel.ordered()] == [0, 1, 2, 3, 4]
    assert RiskLevel.VERY_HIGH.step_up() is RiskLevel.VERY_HIGH


def test_worst_is_the_highest_level_or_none() -> None:
    assert worst([RiskLevel.LOW, RiskLevel.HIGH, RiskLevel.MEDIUM]) is RiskLevel.HIGH
    assert worst([]) is None


def test_the_format_page_example_rates_as_the_page_says() -> None:
    page = (ROOT / "docs" / "questionnaire-format.md").read_text()
    example = page.split("## Risk scoring")[1].split("```yaml")[1].split("```")[0]
    questionnaire = load_questionnaire_yaml(example)

    first = inherent_rating(questionnaire, {"Q-05": "Yes", "TP-02": "Critical", "TP-04": "No"})
    assert first.areas["third_party"].explanation in page.replace("\n", " ")
    assert (first.areas["third_party"].level, first.overall) == (RiskLevel.VERY_HIGH, RiskLevel.VERY_HIGH)
    assert first.qualifying is not None and first.qualifying.level is RiskLevel.MEDIUM

    raised = inherent_rating(
        questionnaire, {"Q-05": "Yes", "TP-02": "High", "TP-04": "No", "TP-11": "2000000"}
    )
    assert raised.areas["third_party"].explanation in page.replace("\n", " ")


def test_the_rating_serialises_for_the_api_with_labels_and_not_rated_areas() -> None:
    data = inherent_rating(QUESTIONNAIRE, {"Q-1": "Yes", "TP-5": "250000"}).as_dict()
    assert (data["level"], data["level_label"]) == ("high", "High")
    third_party, unscored = data["areas"]
    assert third_party["factors"] == [
        {
            "question_id": "TP-5",
            "question_text": "Annual value?",
            "answer": "250000",
            "matched": ">= 100000",
            "level": "high",
            "level_label": "High",
        }
    ]
    assert (unscored["area_key"], unscored["level"], unscored["level_label"]) == (
        "unscored",
        None,
        "Not rated",
    )
    assert data["qualifying"]["level"] == "medium"
    assert RiskLevel.choices()[0] == ("very_low", "Very low")


def test_the_rating_module_loads_without_django_or_aws() -> None:
    # The rating is pure domain logic: importing it must not pull in the web or AWS layers.
    probe = (
        "import sys, assessments.domain.rating; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'django', 'boto3', 'botocore', 'channels'}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
