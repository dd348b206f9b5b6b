"""The engine, step by step: the format page's example, then each conditional key."""

from __future__ import annotations

from textwrap import dedent

from assessments.questionnaire import engine
from assessments.questionnaire.engine import AreaProgress
from assessments.questionnaire.model import Questionnaire
from assessments.questionnaire.parser import load_questionnaire_yaml

FORMAT_PAGE_EXAMPLE = """
assessment: {name: Example TRA, version: "1", description: Small sample}
qualifying_questions:
  - {id: Q-1, level: L1, question: Does the change process personal information?,
     response_type: Yes/No, required: true,
     on_yes: {action: show_all_questions, risk_area: Data Privacy, level: L2}}
risk_areas:
  data_privacy:
    name: Data Privacy Risk
    questions:
      - {id: DP-1, level: L2, question: Is the personal information collected directly from people?,
         response_type: Yes/No, required: true,
         on_no: {action: skip_questions, skip_questions: [DP-2]}}
      - {id: DP-2, level: L3, question: How are people told about the collection?,
         response_type: free-text, required: true, depends_on: {question_id: DP-1, answer: "Yes"}}
"""


def load(text: str) -> Questionnaire:
    return load_questionnaire_yaml(dedent(text))


def ids(q: Questionnaire, answers: dict) -> list[str]:
    return [x.id for x in engine.applicable_questions(q, answers)]


def tree(qualifying: str, area_questions: str) -> Questionnaire:
    """A questionnaire with one area ``main`` switched on by Q-ON answered Yes."""
    return load(
        "assessment: {name: T, version: '1'}\n"
        "qualifying_questions:\n"
        "  - {id: Q-ON, question: On?, response_type: Yes/No, required: true,\n"
        "     on_yes: {action: show_all_questions, risk_area: Main}}\n"
        + qualifying
        + "risk_areas:\n  main:\n    name: Main Risk\n    questions:\n"
        + "\n".join("      " + line for line in dedent(area_questions).strip().splitlines())
        + "\n"
    )


def test_it_walks_the_format_page_example() -> None:
    q = load(FORMAT_PAGE_EXAMPLE)

    # Only the qualifying question at first; the privacy area is off.
    assert ids(q, {}) == ["Q-1"]
    assert engine.next_question(q, {}).id == "Q-1"
    assert engine.active_areas(q, {}) == []
    assert engine.progress(q, {}).overall == AreaProgress(0, 1, 0)

    # Yes switches on Data Privacy (named loosely "Data Privacy"); DP-2 waits for DP-1.
    answers = {"Q-1": "Yes"}
    assert engine.active_areas(q, answers) == ["data_privacy"]
    assert ids(q, answers) == ["Q-1", "DP-1"]
    assert engine.next_question(q, answers).id == "DP-1"
    assert engine.progress(q, answers).per_area["data_privacy"] == AreaProgress(0, 1, 0)
    assert engine.progress(q, answers).overall == AreaProgress(1, 2, 50)

    # DP-1 Yes shows DP-2, which is required and still missing.
    answers["DP-1"] = "Yes"
    assert ids(q, answers) == ["Q-1", "DP-1", "DP-2"]
    assert engine.next_question(q, answers).id == "DP-2"
    assert [x.id for x in engine.missing_required(q, answers)] == ["DP-2"]
    assert engine.progress(q, answers).overall == AreaProgress(2, 3, 66)

    answers["DP-2"] = "Privacy notice at sign-up."
    assert engine.next_question(q, answers) is None
    assert engine.progress(q, answers).overall == AreaProgress(3, 3, 100)

    # DP-1 No skips DP-2: its answer is kept but no longer counts.
    answers["DP-1"] = "No"
    assert ids(q, answers) == ["Q-1", "DP-1"]
    assert engine.progress(q, answers).overall == AreaProgress(2, 2, 100)
    assert engine.missing_required(q, answers) == []

    # Q-1 No switches the area off: progress is the qualifying question alone.
    answers["Q-1"] = "No"
    assert engine.active_areas(q, answers) == []
    assert engine.progress(q, answers).per_area == {"qualifying": AreaProgress(1, 1, 100)}
    assert "DP-2" in answers


def test_it_compares_depends_on_answers_case_insensitively() -> None:
    q = load(FORMAT_PAGE_EXAMPLE)
    assert "DP-2" in ids(q, {"Q-1": "yes", "DP-1": "YES"})


def test_it_switches_an_area_on_from_several_qualifying_questions_and_from_triggered_by() -> None:
    q = load(
        """
        assessment: {name: T}
        qualifying_questions:
          - {id: Q1, question: a?, response_type: Yes/No, on_yes: {action: show_all_questions, risk_area: Third Party}}
          - {id: Q2, question: b?, response_type: Yes/No, on_yes: {action: show_all_questions, risk_area: third party risk}}
          - {id: Q3, question: c?, response_type: Yes/No}
          - {id: Q4, question: d?, response_type: Yes/No, on_no: {action: show_all_questions, risk_area: CYBER_SECURITY}}
        risk_areas:
          third_party: {name: Third Party Risk, questions: [{id: T1, question: t?, response_type: Yes/No}]}
          ip: {name: Intellectual Property, triggered_by: Q3, questions: [{id: I1, question: i?, response_type: Yes/No}]}
          cyber_security: {name: Cyber Security & Resilience, questions: [{id: C1, question: c?, response_type: Yes/No}]}
        """
    )
    assert engine.active_areas(q, {}) == []
    assert engine.active_areas(q, {"Q1": "Yes"}) == ["third_party"]
    assert engine.active_areas(q, {"Q1": "No", "Q2": "Yes"}) == ["third_party"]
    assert engine.active_areas(q, {"Q3": "Yes"}) == ["ip"]
    assert engine.active_areas(q, {"Q3": "No", "Q4": "No"}) == ["cyber_security"]
    assert engine.active_areas(q, {"Q4": "Yes"}) == []


def test_it_hides_questions_skipped_by_on_yes_and_on_no() -> None:
    q = tree(
        "",
        """
        - {id: A, question: a?, response_type: Yes/No, on_yes: {action: skip_questions, skip_questions: [B]},
           on_no: {action: skip_questions, skip_questions: [C]}}
        - {id: B, question: b?, response_type: free-text}
        - {id: C, question: c?, response_type: free-text}
        """,
    )
    on = {"Q-ON": "Yes"}
    assert ids(q, on) == ["Q-ON", "A", "B", "C"]
    assert ids(q, {**on, "A": "Yes"}) == ["Q-ON", "A", "C"]
    assert ids(q, {**on, "A": "no"}) == ["Q-ON", "A", "B"]


def test_it_shows_show_questions_children_once_any_listing_parent_is_answered() -> None:
    q = tree(
        "",
        """
        - {id: P1, question: p1?, response_type: Yes/No, show_questions: [K]}
        - {id: P2, question: p2?, response_type: free-text, show_questions: [K]}
        - {id: K, question: k?, response_type: free-text, depends_on: {question_id: P2, answer: go}}
        - {id: L, question: l?, response_type: free-text}
        """,
    )
    on = {"Q-ON": "Yes"}
    assert ids(q, on) == ["Q-ON", "P1", "P2", "L"]
    # Answering a parent is not enough while the child's own depends_on fails.
    assert ids(q, {**on, "P1": "Yes"}) == ["Q-ON", "P1", "P2", "L"]
    assert ids(q, {**on, "P1": "Yes", "P2": "GO"}) == ["Q-ON", "P1", "P2", "K", "L"]


def test_it_shows_a_child_only_after_its_parent_question_is_answered() -> None:
    q = tree(
        "",
        """
        - {id: P, question: p?, response_type: single-choice, options: [Red, Blue]}
        - {id: C, question: c?, response_type: number, parent_question: P}
        """,
    )
    assert ids(q, {"Q-ON": "Yes"}) == ["Q-ON", "P"]
    assert ids(q, {"Q-ON": "Yes", "P": "Blue"}) == ["Q-ON", "P", "C"]


def test_it_hides_a_question_when_any_skip_if_condition_holds() -> None:
    q = tree(
        "",
        """
        - {id: A, question: a?, response_type: single-choice, options: [In-house, Vendor, Open source]}
        - {id: B, question: b?, response_type: Yes/No}
        - {id: C, question: c?, response_type: free-text,
           skip_if: [{question_id: A, answer: in-house}, {question_id: B, answer: "No"}]}
        """,
    )
    on = {"Q-ON": "Yes"}
    assert "C" in ids(q, on)
    assert "C" not in ids(q, {**on, "A": "In-house"})
    assert "C" not in ids(q, {**on, "A": "Vendor", "B": "No"})
    assert "C" in ids(q, {**on, "A": "Vendor", "B": "Yes"})


def test_it_shows_a_question_only_when_any_show_if_any_condition_holds() -> None:
    q = tree(
        "  - {id: Q-AI, question: ai?, response_type: Yes/No}\n",
        """
        - {id: A, question: a?, response_type: multi-choice, options: [Adults, Children]}
        - {id: C, question: c?, response_type: Yes/No,
           show_if_any: [{question_id: A, answer: children}, {question_id: Q-AI, answer: "Yes"}]}
        """,
    )
    on = {"Q-ON": "Yes"}
    assert "C" not in ids(q, on)
    assert "C" in ids(q, {**on, "A": ["Adults", "Children"]})
    assert "C" not in ids(q, {**on, "A": ["Adults"]})
    assert "C" in ids(q, {**on, "Q-AI": "Yes"})


def test_it_hides_a_whole_chain_when_an_early_answer_changes() -> None:
    q = tree(
        "",
        """
        - {id: A, question: a?, response_type: Yes/No}
        - {id: B, question: b?, response_type: Yes/No, depends_on: {question_id: A, answer: "Yes"}}
        - {id: C, question: c?, response_type: free-text, depends_on: {question_id: B, answer: "Yes"}}
        """,
    )
    answers = {"Q-ON": "Yes", "A": "Yes", "B": "Yes", "C": "details"}
    assert ids(q, answers) == ["Q-ON", "A", "B", "C"]
    answers["A"] = "No"
    # B is hidden, so its kept Yes no longer shows C.
    assert ids(q, answers) == ["Q-ON", "A"]
    assert engine.progress(q, answers).overall == AreaProgress(2, 2, 100)


def test_it_lets_a_qualifying_question_hide_behind_its_own_rules() -> None:
    q = load(
        """
        assessment: {name: T}
        qualifying_questions:
          - {id: Q1, question: vendor?, response_type: Yes/No}
          - {id: Q2, question: which vendor?, response_type: free-text, depends_on: {question_id: Q1, answer: "Yes"}}
        """
    )
    assert ids(q, {}) == ["Q1"]
    assert ids(q, {"Q1": "Yes"}) == ["Q1", "Q2"]


def test_it_keeps_an_area_that_nothing_switches_on_always_active() -> None:
    q = load(
        """
        assessment: {name: T}
        qualifying_questions: [{id: Q1, question: q?, response_type: Yes/No}]
        risk_areas: [{id: general, name: General, questions: [{id: G1, question: g?, response_type: date}]}]
        """
    )
    assert engine.active_areas(q, {}) == ["general"]
    assert ids(q, {}) == ["Q1", "G1"]


def test_it_reports_missing_required_questions_per_area() -> None:
    q = load(FORMAT_PAGE_EXAMPLE)
    answers = {"Q-1": "Yes"}
    assert [x.id for x in engine.missing_required(q, answers, "data_privacy")] == ["DP-1"]
    assert engine.missing_required(q, answers, "qualifying") == []


def test_it_resolves_files_whose_skip_rules_point_at_each_other() -> None:
    q = tree(
        "",
        """
        - {id: A, question: a?, response_type: Yes/No, on_yes: {action: skip_questions, skip_questions: [B]}}
        - {id: B, question: b?, response_type: Yes/No, on_yes: {action: skip_questions, skip_questions: [A]}}
        """,
    )
    # Both answered Yes: the earlier question wins, and the result does not depend on who asks.
    answers = {"Q-ON": "Yes", "A": "Yes", "B": "Yes"}
    assert ids(q, answers) == ["Q-ON", "A"]
    assert engine.is_applicable(q, "B", answers) is False
