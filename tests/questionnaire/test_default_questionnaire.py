"""The questionnaire shipped with the app."""

from __future__ import annotations

import re

from assessments.questionnaire import engine
from assessments.questionnaire.model import Questionnaire, ResponseType
from assessments.questionnaire.parser import load_questionnaire_yaml
from assessments.selectors.questionnaires import default_questionnaire_path


def shipped() -> Questionnaire:
    return load_questionnaire_yaml(default_questionnaire_path().read_text(encoding="utf-8"))


def test_it_parses_with_at_least_sixty_questions_in_five_risk_areas() -> None:
    q = shipped()
    assert len(q.all_questions()) >= 60
    assert {a.key for a in q.areas} >= {
        "third_party",
        "data_privacy",
        "artificial_intelligence",
        "intellectual_property",
        "cyber_security",
    }
    assert q.area("third_party").name == "Third Party Risk"
    assert q.area("cyber_security").name == "Cyber Security & Resilience"
    assert all(re.fullmatch(r"Q-\d\d", x.id) for x in q.qualifying)
    prefixes = {
        "third_party": "TP",
        "data_privacy": "DP",
        "artificial_intelligence": "AI",
        "intellectual_property": "IP",
        "cyber_security": "CS",
    }
    for key, prefix in prefixes.items():
        assert all(re.fullmatch(rf"{prefix}-\d\d", x.id) for x in q.area(key).questions)


def test_it_uses_every_conditional_key_and_a_mix_of_response_types() -> None:
    q = shipped()
    questions = q.all_questions()
    assert any(x.depends_on for x in questions)
    assert any(x.on_yes and x.on_yes.action == "skip_questions" for x in questions)
    assert any(x.on_no and x.on_no.action == "skip_questions" for x in questions)
    assert any(x.on_no and x.on_no.action == "show_all_questions" for x in questions)
    assert any(x.show_questions for x in questions)
    assert any(x.parent_question for x in questions)
    assert any(x.skip_if for x in questions)
    assert any(x.show_if_any for x in questions)
    assert any(a.triggered_by for a in q.areas)
    kinds = [x.response_type for x in questions]
    assert kinds.count(ResponseType.YES_NO) > len(kinds) / 2
    assert kinds.count(ResponseType.FREE_TEXT) >= 5
    assert {
        ResponseType.SINGLE_CHOICE,
        ResponseType.MULTI_CHOICE,
        ResponseType.DATE,
        ResponseType.NUMBER,
    } <= set(kinds)


def test_it_switches_every_area_on_from_the_qualifying_questions() -> None:
    q = shipped()
    yes_to_all = {x.id: "Yes" for x in q.qualifying if x.response_type is ResponseType.YES_NO}
    assert engine.active_areas(q, yes_to_all) == [a.key for a in q.areas]
    # Cyber Security & Resilience comes on with the question nearly every change answers Yes to.
    assert engine.active_areas(q, {"Q-09": "Yes"}) == ["cyber_security"]
    assert engine.active_areas(q, {"Q-09": "No", "Q-10": "No"}) == ["cyber_security"]
    assert engine.active_areas(q, {"Q-08": "Yes"}) == ["intellectual_property"]


def test_it_asks_the_qualifying_questions_first() -> None:
    q = shipped()
    assert engine.next_question(q, {}).id == "Q-01"
    assert engine.progress(q, {}).overall.total == len(q.qualifying)
