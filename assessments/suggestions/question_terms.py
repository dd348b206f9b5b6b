"""What a questionnaire question asks about, as groups of alternative terms.

"Will the change collect, store, process or transmit personal data?" asks about two things:
one of four actions, and personal data. Lists joined by "or" become one group whose members are
alternatives; examples ("special category data (such as health ...)") become alternatives of
the words they illustrate, with part of the credit. Words that frame a question ("describe",
"materially") or name the kind of answer ("date" in a date question) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assessments.suggestions import lexicon
from assessments.suggestions.modality import DONE_VERBS, STATUS_TERM, asked_state

_EXAMPLE_MARKER = re.compile(r"\(?\s*\b(?:such as|including|for example|for instance|e\.g\.?|like)\b")
_YES_NO = ("yes/no", "yes-no", "boolean")
# Terms that only say what kind of answer is wanted; the answer's presence is checked instead.
_ANSWER_KIND_TERMS = {
    "date": frozenset({"date", "day"}),
    "number": frozenset({"number", "mani", "much", "amount", "valu", "count", "total"}),
    "single-choice": frozenset({"kind", "type", "categori", "option"}),
    "multi-choice": frozenset({"kind", "type", "categori", "option"}),
}


@dataclass(frozen=True)
class Alternative:
    terms: tuple[str, ...]
    example: bool = False  # named in "(...)" or after "such as": an instance of the thing asked


@dataclass(frozen=True)
class Group:
    """One thing the question asks about; matched when any alternative is in the sentence."""

    alternatives: tuple[Alternative, ...]


# A purpose that only restates what any change is for ("to deliver the service", "to run the
# system"): documents never say it, so asking a sentence to match it only loses the answer.
_BARE_PURPOSE = re.compile(
    r"\b(?:in order )?to (?:deliver|provide|run|operate|support|perform)\s+(?:the|this|our)\s+"
    r"(?:service|services|solution|change|system|platform|product)\b",
    re.I,
)


# A citation of a regulation or standard that qualifies what is asked ("a material outsourcing
# under PRA SS2/21 or FCA SYSC 8", "a processor under UK GDPR Article 28"): documents seldom repeat
# it next to the fact, so its words are no part of what a sentence must say.
_REFERENCE_LEAD = re.compile(
    r"\b(?:under|per|pursuant to|in line with|as defined (?:in|by)|aligned (?:to|with))\s+"
)
_REFERENCE_TOKEN = re.compile(
    r"(?:the|or|and|UK|EU|Art(?:icle)?\.?|Section|Regulation|e\.g\.|[A-Z][A-Z0-9]+(?:[/.:-][\w]+)*|\d[\w]*(?:[/.:-]\w+)*)"
    r"(?:\s+|(?=[?,.;)]|$))"
)


def without_references(text: str) -> str:
    """``text`` without its citations of regulations and standards ("under PRA SS2/21")."""
    out, at = [], 0
    for lead in _REFERENCE_LEAD.finditer(text):
        if lead.start() < at:
            continue
        end, cited = lead.end(), 0
        while token := _REFERENCE_TOKEN.match(text, end):
            cited += bool(re.match(r"[A-Z]{2,}|\d", token.group(0)))
            end = token.end()
        if cited:
            out.append(text[at : lead.start()])
            at = end
    return "".join(out) + text[at:]


def question_groups(text: str, response_type: str = "") -> list[Group]:
    """The groups of ``text``, in question order."""
    text = without_references(_BARE_PURPOSE.sub(" ", text))
    tokens = re.findall(r"[a-z0-9]+|[,;:?/()]", _EXAMPLE_MARKER.sub(" ( ", lexicon.normalise(text)))
    main: list[str] = []
    examples: list[tuple[int, list[str]]] = []  # (main tokens before it, example tokens)
    depth = 0
    for token in tokens:
        if token == "(":
            if depth == 0:
                examples.append((len(main), []))
            depth += 1
        elif depth and (token == ")" or token in (";", "?", ":")):
            depth = 0 if token != ")" else depth - 1
        elif depth:
            examples[-1][1].append(token)
        elif token != ")":
            main.append(token)
    groups, owners = _list_groups(main)
    for position, example_tokens in examples:
        alternatives = tuple(
            Alternative(alt.terms, example=True)
            for group in _list_groups(example_tokens)[0]
            for alt in group.alternatives
            # "personal data (information about people)": a generic word in the gloss ("data",
            # "system") is found in any sentence and stands in for nothing the question asks.
            if not set(alt.terms) <= lexicon.GENERIC
        )
        # An example illustrates the words just before it: "special category data (such as health)".
        owner = next((owners[p] for p in range(position - 1, -1, -1) if p in owners), None)
        # A word of the example that another part of the question already asks for ("the model
        # or its provider ... degrade gracefully (fallback model)") would let that part's match
        # stand in for this one: it is left out here.
        elsewhere = {t for i, g in enumerate(groups) if i != owner for a in g.alternatives for t in a.terms}
        alternatives = tuple(a for a in alternatives if not set(a.terms) <= elsewhere)
        if not alternatives:
            continue
        if owner is None:
            groups.append(Group(alternatives))
        else:
            groups[owner] = Group(groups[owner].alternatives + alternatives)
    answer_kind = _ANSWER_KIND_TERMS.get(response_type.lower(), frozenset())
    # "Has the DPIA been completed?" is answered by a status ("DPIA | In progress"): for a Yes/No
    # question about what has been done, a stated status stands in for the verb of doing it.
    status = response_type.lower() in _YES_NO and asked_state(text) == "done"
    kept = []
    for group in groups:
        alternatives = tuple(a for a in group.alternatives if not set(a.terms) <= answer_kind)
        if status and any(set(a.terms) <= DONE_VERBS for a in alternatives):
            alternatives += (Alternative((STATUS_TERM,)),)
        if alternatives and Group(alternatives) not in kept:
            kept.append(Group(alternatives))
    return kept


# The agent of a deed: "used to train or evaluate models, by the vendor or its providers". (A
# comma before "with" often joins a qualifier to a list's item, "personal data, with deletion
# or anonymisation at the end": kept as it was.)
_AGENT = frozenset({"by"})


def _list_groups(tokens: list[str]) -> tuple[list[Group], dict[int, int]]:
    """Groups from ``tokens`` and, for each content token's position, the group it is in."""
    items: list[list[tuple[int, str]]] = [[]]
    links: list[str] = []  # how each item joins the next: "or", "," or "|" (a break)
    pending_break = False  # a stop word ends an item unless "or" or "," comes next
    for position, token in enumerate(tokens):
        if token == "," and position + 1 < len(tokens) and tokens[position + 1] in _AGENT:
            # "train, fine-tune or evaluate models, by the vendor or its providers": the agent
            # after the comma is no item of the list before it.
            items.append([])
            links.append("|")
            pending_break = False
        elif token in ("or", ",", "/"):
            items.append([])
            links.append("," if token == "," else "or")
            pending_break = False
        elif token in (";", ":", "?", ")"):
            items.append([])
            links.append("|")
            pending_break = False
        elif token in lexicon.STOP_WORDS:
            pending_break = pending_break or bool(items[-1])
        elif not lexicon.is_filler(token):
            if pending_break:
                items.append([])
                links.append("|")
                pending_break = False
            items[-1].append((position, lexicon.term(token)))
    groups: list[Group] = []
    owners: dict[int, int] = {}

    def add(members: list[list[tuple[int, str]]]) -> None:
        groups.append(Group(tuple(Alternative(tuple(t for _, t in m)) for m in members)))
        for member in members:
            for position, _ in member:
                owners[position] = len(groups) - 1

    index = 0
    while index < len(items):
        end = index
        # Extend over "X, Y or Z": commas count only when an "or" closes the list.
        while end < len(links) and links[end] != "|":
            if links[end] == "," and "or" not in links[end : end + 4]:
                break
            end += 1
        run = [item for item in items[index : end + 1] if item]
        index = end + 1
        if len(run) < 2:
            for word in run[0] if run else []:
                add([[word]])
            continue
        # Only the last word of the first item and the first word of the last one are listed:
        # "transmit personal data" lists "transmit"; "personal data" is asked about as well.
        for word in run[0][:-1]:
            add([[word]])
        add([run[0][-1:], *run[1:-1], run[-1][:1]])
        for word in run[-1][1:]:
            add([[word]])
    return groups, owners
