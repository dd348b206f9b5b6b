"""Hypothesis strategies: random valid questionnaire files and answers for them.

References only point backwards in file order (depends_on, parent_question, skip_if,
show_if_any) or forwards (show_questions, skip_questions, a qualifying question switching an
area on), so every generated tree is acyclic, like the files people write.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from assessments.questionnaire.model import Question, Questionnaire, ResponseType

SPELLINGS = {
    ResponseType.YES_NO: ["Yes/No", "yes-no", "YES/NO"],
    ResponseType.FREE_TEXT: ["free-text", "free text", "Free-Text"],
    ResponseType.SINGLE_CHOICE: ["single-choice", "Single choice"],
    ResponseType.MULTI_CHOICE: ["multi-choice", "multi choice"],
    ResponseType.DATE: ["date"],
    ResponseType.NUMBER: ["number"],
}
# Yes/No dominates, as in real files.
TYPE_WEIGHTS = [ResponseType.YES_NO] * 5 + list(ResponseType)
OPTION_POOL = ["Low", "Medium", "High", "Critical", "Yes", "No", "Other"]


def _id(prefix: str, n: int, style: int) -> str:
    return [f"{prefix}-{n}", f"{prefix} {n}.1", f"{prefix}.{n}"][style]


@st.composite
def questionnaire_mappings(draw: st.DrawFn) -> dict[str, Any]:
    n_areas = draw(st.integers(0, 3))
    areas = []
    for i in range(n_areas):
        key = f"area_{i}"
        name = draw(st.sampled_from([f"Area {i}", f"Area {i} Risk"]))
        areas.append({"key": key, "name": name, "count": draw(st.integers(0, 6))})
    n_qual = draw(st.integers(1, 4))
    id_style = draw(st.integers(0, 2))

    # Every question's id and type first, so rules can look at their targets.
    layout: list[tuple[str | None, str, ResponseType, list[str]]] = []
    for n in range(n_qual):
        layout.append((None, _id("Q", n, id_style), draw(st.sampled_from(TYPE_WEIGHTS)), []))
    for i, area in enumerate(areas):
        for n in range(area["count"]):
            layout.append((area["key"], _id(f"A{i}", n, id_style), draw(st.sampled_from(TYPE_WEIGHTS)), []))
    for index, (_area, _qid, rtype, options) in enumerate(layout):
        if rtype.has_options:
            options.extend(draw(st.lists(st.sampled_from(OPTION_POOL), min_size=1, max_size=4, unique=True)))
        layout[index] = (_area, _qid, rtype, options)

    raw_questions: list[dict[str, Any]] = []
    for index, (area_key, qid, rtype, options) in enumerate(layout):
        q: dict[str, Any] = {
            "id": qid,
            "level": "L1" if area_key is None else draw(st.sampled_from(["L2", "L3", "L4"])),
            "question": f"Question {qid}?",
            "response_type": draw(st.sampled_from(SPELLINGS[rtype])),
            "required": draw(st.booleans()),
        }
        if options:
            q["options"] = options
        earlier = layout[:index]
        later = layout[index + 1 :]

        def condition(pool: list[Any]) -> dict[str, str]:
            _a, target, ttype, topts = draw(st.sampled_from(pool))
            answers = topts if ttype.has_options else ["Yes", "No", "yes", "NO"]
            return {"question_id": target, "answer": draw(st.sampled_from(answers))}

        if earlier and draw(st.integers(0, 4)) == 0:
            q["depends_on"] = condition(earlier)
        if earlier and draw(st.integers(0, 5)) == 0:
            q["parent_question"] = draw(st.sampled_from(earlier))[1]
        if earlier and draw(st.integers(0, 5)) == 0:
            q["skip_if"] = [condition(earlier) for _ in range(draw(st.integers(1, 2)))]
        if earlier and draw(st.integers(0, 5)) == 0:
            q["show_if_any"] = [condition(earlier) for _ in range(draw(st.integers(1, 2)))]
        if later and draw(st.integers(0, 5)) == 0:
            q["show_questions"] = sorted(
                {draw(st.sampled_from(later))[1] for _ in range(draw(st.integers(1, 2)))}
            )
        for branch in ("on_yes", "on_no"):
            choice = draw(st.integers(0, 6))
            if area_key is None and areas and choice <= 1:
                area = draw(st.sampled_from(areas))
                bare = area["name"].removesuffix(" Risk")
                loose = draw(
                    st.sampled_from([area["key"], area["name"], area["name"].upper(), bare, f"{bare} risk"])
                )
                q[branch] = {"action": "show_all_questions", "risk_area": loose, "level": "L2"}
            elif later and choice == 2:
                targets = sorted({draw(st.sampled_from(later))[1] for _ in range(draw(st.integers(1, 2)))})
                q[branch] = {"action": "skip_questions", "skip_questions": targets}
        raw_questions.append(q)

    qualifying = raw_questions[:n_qual]
    qualifying_ids = [q["id"] for q in qualifying]
    rest = raw_questions[n_qual:]
    risk_areas: dict[str, Any] = {}
    for area in areas:
        body: dict[str, Any] = {"name": area["name"], "questions": rest[: area["count"]]}
        rest = rest[area["count"] :]
        if draw(st.integers(0, 3)) == 0:
            body["triggered_by"] = draw(st.sampled_from(qualifying_ids))
        risk_areas[area["key"]] = body

    shaped: Any = risk_areas
    if draw(st.booleans()):
        shaped = [{"id": key, **body} for key, body in risk_areas.items()]
    return {
        "assessment": {"name": "Generated", "version": "1", "description": "random"},
        "navigation_rules": ["ignored"],
        "qualifying_questions": qualifying,
        "risk_areas": shaped,
        "metadata": {"seed": "hypothesis"},
    }


def valid_answer(question: Question) -> st.SearchStrategy[str | list[str]]:
    """A normalised answer the question accepts."""
    kind = question.response_type
    if kind is ResponseType.YES_NO:
        return st.sampled_from(["Yes", "No"])
    if kind is ResponseType.SINGLE_CHOICE:
        return st.sampled_from(question.options)
    if kind is ResponseType.MULTI_CHOICE:
        return st.lists(st.sampled_from(question.options), min_size=1, unique=True).map(
            lambda chosen: [o for o in question.options if o in chosen]
        )
    if kind is ResponseType.DATE:
        return st.dates().map(lambda d: d.isoformat())
    if kind is ResponseType.NUMBER:
        return st.integers(-(10**9), 10**9).map(str)
    return st.text(min_size=1, max_size=20).map(str.strip).filter(bool)


@st.composite
def answer_sets(draw: st.DrawFn, questionnaire: Questionnaire) -> dict[str, str | list[str]]:
    """Answers to a random subset of all questions, applicable or not."""
    answers: dict[str, str | list[str]] = {}
    for question in questionnaire.all_questions():
        if draw(st.booleans()):
            answers[question.id] = draw(valid_answer(question))
    return answers
