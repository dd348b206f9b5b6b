"""Single- and multi-choice answers: the options the passages name, read for what they mean.

Beyond the options the best-covering sentences name (``choices.option_share``):

- a multiple choice lists options across several passages (one certificate per row of an
  assurance tracker), so an option written out in full elsewhere in the retrieved passages, in a
  passage section that is about the question, is added; it must not be denied or still to come
  ("SOC 2 Type II report | No | Expected next year");
- an option may be named by what it covers rather than by its words ("email addresses" are
  contact details, an "IP address" an online identifier): a small table of such general
  privacy and technology vocabulary (``_MEANS``);
- "Who manages X?" is answered by the agent of "managed by <agent>": the vendor when the agent
  is a name the passages give the vendor (or a company said to run the product as a service),
  whatever other words the sentence shares with an option.

Anything read these ways is "low" confidence: it is pieced together, not written as the option.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assessments.suggestions import lexicon
from assessments.suggestions.aliases import vendor_aliases
from assessments.suggestions.choices import named_verbatim, option_share
from assessments.suggestions.evidence import clauses
from assessments.suggestions.polarity import has_negation
from assessments.suggestions.question_terms import Group, question_groups

# A passage section is about the question when its best sentence covers this much of it.
SECTION_FLOOR = 0.25
_TO_COME = re.compile(
    r"\b(?:expected|planned|not yet|awaiting|requested|due (?:by|in|on)|will be (?:provided|obtained))\b",
    re.I,
)
# Option wording -> words that name it in documents (general vocabulary, any organisation).
_MEANS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(option, re.I), re.compile(evidence, re.I))
    for option, evidence in (
        (
            r"\bcontact (?:details|information)\b",
            r"\b(?:e-?mail address(?:es)?|(?:tele)?phone numbers?|mobile numbers?|postal address(?:es)?"
            r"|home address(?:es)?|post ?codes?|zip codes?)\b",
        ),
        (
            r"\bonline identifiers?\b",
            r"\b(?:IP address(?:es)?|cookie (?:ids?|identifiers?)|device (?:ids?|identifiers?)|session ids?)\b",
        ),
        (
            r"\bfinancial (?:information|data|details)\b",
            r"\b(?:account numbers?|sort codes?|card numbers?|bank (?:details|account)s?|account balances?"
            r"|income and expenditure|salar(?:y|ies)|arrears)\b",
        ),
        (
            r"\bidentification documents?\b",
            r"\b(?:passports?|driving licen[cs]es?|national insurance numbers?|identity documents?)\b",
        ),
        (r"\blocation data\b", r"\b(?:GPS|geo-?location|location tracking)\b"),
        # Whoever can reach a public website or a public-facing service is a member of the public.
        (
            r"\bmembers of the public\b",
            r"\b(?:public[- ]facing|(?:the )?public website|website visitors?|visitors to (?:the |our |its )?website"
            r"|general public)\b",
        ),
    )
)
_AGENT = re.compile(
    r"\b(?P<verb>[a-z]+?)(?:ed|d) by (?:the )?(?P<agent>[A-Z][\w&]+|vendor|supplier|provider)\b"
)
_VENDOR_WORDS = frozenset({"vendor", "supplier", "provider"})
_RUNS_AS_SERVICE = re.compile(
    r"\b(?P<name>[A-Z][\w&]+) (?:runs|operates|hosts|provides|delivers) (?:[A-Z][\w&]+ ){1,3}as an? "
    r"(?:[\w-]+ ){0,2}service\b"
)
_COMPOUND = re.compile(r"\b([a-z]+)-([a-z]+)\b", re.I)


def option_groups(option: str) -> list[Group]:
    """The option's groups without the generic ones ("New SaaS or cloud product" -> SaaS | cloud)."""
    return [
        g for g in question_groups(option) if not all(set(a.terms) <= lexicon.GENERIC for a in g.alternatives)
    ]


def option_named_share(option: str, groups: list[Group], sentence: str) -> float:
    """How much of ``option`` one undenied clause of ``sentence`` names, by its words or its meaning.

    An "Other ..." option is named only by its own words, not by a narrower word that names
    another option ("health information" is health data, not "Other special category data")."""
    direct = set(lexicon.terms(sentence))
    if option.lower().startswith("other ") and not any(
        set(a.terms) & direct for g in groups for a in g.alternatives
    ):
        return 0.0
    if _means(option, sentence):
        return 1.0
    if not all(_compound_named(first, second, sentence) for first, second in _COMPOUND.findall(option)):
        return 0.0
    return option_share(groups, sentence)


def _compound_named(first: str, second: str, sentence: str) -> bool:
    """Whether "customer-managed" is said as such ("customer-managed", "managed by the
    customer"), not as its two words apart ("each customer has keys managed by the vendor").
    A compound the lexicon reads as one concept ("third-party") is left to the word match."""
    if len(lexicon.terms(f"{first}-{second}")) < 2:
        return True
    together = rf"\b{re.escape(first)}[- ]{re.escape(second)}\b|\b{re.escape(second)} by (?:the |our |a )?{re.escape(first)}"
    return bool(re.search(together, sentence, re.I))


def _means(option: str, sentence: str) -> bool:
    for names, evidence in _MEANS:
        if names.search(option):
            row_denied = " | " in sentence and has_negation(sentence)
            return not row_denied and any(
                evidence.search(c) and not has_negation(c) for c in clauses(sentence)
            )
    return False


def listed_elsewhere(options: Sequence[str], scored: Sequence[Any], found: set[str]) -> list[tuple[str, Any]]:
    """Options of a multiple choice written out in full (or by their meaning) in sentences of a
    section about the question, not denied and not still to come, that ``found`` lacks."""
    section_best: dict[tuple[str, str | None], float] = {}
    for s in scored:
        key = (s.candidate.passage.document_id, s.candidate.passage.section)
        section_best[key] = max(section_best.get(key, 0.0), s.coverage)
    extra: list[tuple[str, Any]] = []
    for option in options:
        groups = option_groups(option)
        # A one-word option ("Customers") is named by too many sentences to be read this loosely.
        distinctive = (
            len(groups) >= 2 or bool(re.search(r"\d", option)) or any(p.search(option) for p, _ in _MEANS)
        )
        if option in found or not groups or not distinctive:
            continue
        for s in scored:
            text = s.candidate.text
            key = (s.candidate.passage.document_id, s.candidate.passage.section)
            if section_best[key] < SECTION_FLOOR or _TO_COME.search(text):
                continue
            verbatim = named_verbatim(option, text) and option_share(groups, text) == 1.0
            if verbatim or _means(option, text):
                extra.append((option, s))
                break
    return extra


def agent_option(
    question: str, options: Sequence[str], support: Sequence[Any], scored: Sequence[Any]
) -> tuple[str, Any] | None:
    """For "Who <verb>s ...?": the option naming the agent of "<verb>ed by <agent>" in a
    supporting sentence, when that agent is the vendor (a name the passages give it)."""
    asked = re.match(r"\s*who\s+(?P<verb>[a-z]+)", question, re.I)
    if not asked:
        return None
    verb = lexicon.term(asked.group("verb"))
    vendor_options = [
        o for o in options if any("vendor" in a.terms for g in option_groups(o) for a in g.alternatives)
    ]
    if len(vendor_options) != 1:
        return None
    passages = list({id(s.candidate.passage): s.candidate.passage for s in scored}.values())
    aliases = vendor_aliases(passages)
    # A company that runs the product as a service for us is its vendor ("Acme runs Ledger as a
    # managed service"), whether or not the passages call it so.
    providers = {m.group("name") for p in passages for m in _RUNS_AS_SERVICE.finditer(p.text)}
    for s in support:
        for match in _AGENT.finditer(s.candidate.text):
            if lexicon.term(match.group("verb")) != verb and lexicon.term(match.group("verb") + "e") != verb:
                continue
            agent = match.group("agent")
            if agent.lower() in _VENDOR_WORDS or agent in providers or (aliases and aliases.fullmatch(agent)):
                return vendor_options[0], s
    return None


def named_where_asked(
    question_terms: set[str], options: Sequence[str], scored: Sequence[Any]
) -> tuple[str, Any] | None:
    """For a single choice no well-covering sentence settles: the one option written out in a
    clause that also holds two of the question's own words (other than the option's), in a
    sentence covering part of the question ("Quarterly user access review" for "How often are
    user access rights reviewed?"). An option in another cell or clause than the question's
    words says nothing about it ("personal data breach | contract pending" is no lawful basis)."""
    named: dict[str, Any] = {}
    for s in scored:
        if s.coverage < SECTION_FLOOR:
            break  # ``scored`` is sorted by coverage
        for clause in clauses(s.candidate.text):
            if has_negation(clause) or _TO_COME.search(clause):
                continue
            terms = set(lexicon.terms(clause, broader=True))
            for option in options:
                own = {t for g in option_groups(option) for a in g.alternatives for t in a.terms}
                # A catch-all ("Other", "None") has no words of its own to be named by.
                if not own or option.lower().startswith(("other", "none", "not ", "no ")):
                    continue
                if (
                    option not in named
                    and named_verbatim(option, clause)
                    and len((terms & question_terms) - own) >= 2
                ):
                    named[option] = s
    if len(named) != 1:
        return None
    return next(iter(named.items()))
