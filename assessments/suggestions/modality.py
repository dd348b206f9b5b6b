"""What state a statement puts its fact in (done, in progress, planned, conditional), and what
state a question asks about.

"A DPIA is in draft" does not answer "Has a DPIA been completed?" with Yes, and "the vendor will
provide a report" is not a report received. A question in the future ("Will the system store
...?") is answered by a plan or a present fact; a question about what has happened ("Has ...
been completed?", "Were the targets achieved?", "Is ... in place?") only by a statement that it
has. A conditional ("may", "if approved", "could") settles neither.
"""

from __future__ import annotations

import re
from typing import Literal

Modality = Literal["plain", "done", "in_progress", "planned", "conditional"]
Asked = Literal["any", "done"]

_CONDITIONAL = re.compile(
    # "may" in lower case only: "in May" is a month.
    r"(?-i:\bmay\b)|\b(?:might|could|would|if|unless|subject to|depending on|provided that|where (?:needed|required)"
    r"|optional(?:ly)?|can be (?:enabled|configured|turned on|switched on)"
    # On demand: "where the customer requests it", "available on request", "where applicable".
    r"|(?:on|upon|by) request|if requested|when requested|at (?:the|our|your|their) (?:\w+ )?request"
    r"|where (?:(?:the|a|an|our|your) )?\w+ (?:requests?|asks?|opts?|chooses?|wants?)"
    r"|where (?:applicable|possible|feasible|practicable|appropriate)|case[- ]by[- ]case)\b",
    re.I,
)
# Not settled at all: a proposal, a recommendation, a question still to be answered, a decision
# deferred. "Recommended that data be encrypted" and "Vendor to confirm whether sub-processors are
# used" state no fact either way; they settle neither, like a condition.
_UNSETTLED = re.compile(
    r"\b(?:recommend(?:s|ed|ation)?|suggest(?:s|ed|ion)?|should|ought to|under consideration"
    r"|(?:being|to be) (?:considered|confirmed|decided|determined|clarified|discussed|agreed|explored|investigated)"
    r"|(?:was|were|is|are|it) proposed|proposed that|proposal to|propose to|considering"
    r"|propos(?:es|ed) (?:a|an|the|to|that)\b|offered (?:a|an|the)\b|asked for"
    r"|no decision|not (?:yet )?decided|undecided|deferred|open question|tbc|tbd|to be confirmed"
    # Asked for, not given: "approval was sought", "submitted for sign-off", "referred back".
    r"|(?:was|were|been|is|are|being) (?:sought|requested|submitted)|submitted for|asked for more"
    r"|referred back|sent back)\b",
    re.I,
)
# Asking whether: "to confirm whether", "checking if", "asked whether" leave the matter open.
_OPEN_QUESTION = re.compile(
    r"\b(?:confirm\w*|check\w*|clarif\w*|verif\w*|establish\w*|investigat\w*|determin\w*|ascertain\w*"
    r"|ask\w*|find(?:ing)? out|decid\w*|consider\w*|explor\w*|quer\w*|understand\w*)\s+(?:whether|if)\b",
    re.I,
)
# A minuted action ("Action: DPO to sign off the DPIA", "AP-3: vendor to confirm ...", "Legal to
# review the DPA") is work someone is to do, not a fact.
_ACTION_ITEM = re.compile(
    r"^\W*(?:actions?(?: points?| items?)?|ap[- ]?\d+|ai[- ]?\d+|to ?do|next steps?)\b"
    # "Action closed: MFA enabled" reports the action done.
    r"(?!\W*(?:[\w-]+\W+)?(?:closed|complete|completed|done|resolved|cleared)\b)\W"
    # A proposal or one of several options put to a meeting: "Proposal: ...", "Option B: ...".
    r"|^\W*(?:proposals?|proposed|suggestions?|options?(?:\s+[a-z0-9])?|recommendations?|ideas?|open questions?)\s*[:\-–]"
    # Who is to act is a name, a role or a party ("J. Smith", "DPO", "Legal", "the vendor"), never a
    # phrase with its own verb ("Staff use MFA to verify ...").
    r"|^\W*(?:the\s+|our\s+)?(?:(?!(?:access|data|information|time|ability|right|rights)\b)"
    r"(?:(?-i:[A-Z][\w.&'’-]*)|vendor|supplier|provider|customer|team|we|they)\s+){1,3}"
    r"to\s+(?:confirm|check|provide|send|sign|review|complete|update|arrange|share"
    r"|follow|chase|circulate|draft|raise|schedule|obtain|investigate|ask|agree|approve|book|produce|prepare"
    r"|write|set up|clarify|verify|look into|come back|report back|present|submit|finali[sz]e)\b"
    # A request minuted: "LB asked JvL to confirm that ...", "The DPO requested that ...".
    r"|^\W*(?:the\s+)?(?:(?-i:[A-Z][\w.&'’-]*)\s+){1,3}(?:asked|requested|invited|challenged)\s+"
    r"(?:(?:the\s+)?(?-i:[A-Z][\w.&'’-]*)\s+){0,3}(?:to\s+(?:confirm|check|provide|clarify|verify|explain|set out)"
    r"|that\b|whether\b|if\b|for\b)",
    re.I,
)
# A decision left open in the same sentence: "discussed approving go-live but deferred the
# decision", "agreed in principle; no decision taken".
_DECISION_OPEN = re.compile(
    r"\b(?:deferred|postponed|parked|left open|no decision|not (?:yet )?decided|undecided|to be revisited"
    r"|in principle|pending (?:a |the )?decision)\b",
    re.I,
)
_DECIDED = re.compile(
    r"\b(?:decision|decided|approval|approved|agreement|agreed|plan|proposal|sign-?off|acceptance|accepted"
    r"|certificat\w*|this|that)\b",
    re.I,
)
# A later sentence that undoes an earlier decision or statement.
_REVERSAL = re.compile(
    r"\b(?:revers(?:ed|al)|withdrawn|withdrew|rescinded|overturned|reopened|re-opened|revoked|cancel(?:l)?ed"
    r"|superseded|no longer (?:applies|stands|valid|the case)|changed (?:its|their|the) (?:mind|decision)"
    r"|decided against|dropped|abandoned|reconsidered|revisited|suspended|paused|put on hold|halted)\b",
    re.I,
)
_REFERS_BACK = re.compile(
    r"^\W*(?:update\W*|later\W*|subsequently\W*|however\W*)?(?:this|that|it|the (?:above|decision|proposal|plan"
    r"|agreement|approach))\b|\b(?:the|this|that) (?:decision|proposal|agreement|approach|plan|approval|sign-?off"
    r"|acceptance|arrangement|change)\b",
    re.I,
)
# Said of a plan: it is for later ("in phase 2", "by the end of the year", "next release"). A
# question about what is so is not answered by it.
_DEFERRED = re.compile(
    r"\b(?:phase [2-9]|stage [2-9]|later (?:phase|stage|release|date)|next (?:release|phase|stage|year|quarter)"
    r"|in (?:a )?future (?:release|phase|version)|after go[- ]live|post[- ]go[- ]live|by the end of|roadmap"
    r"|(?:planned|scheduled|targeted|expected) (?:for|in|by)|in q[1-4]|by q[1-4]|q[1-4] 20\d\d|in 20\d\d)\b",
    re.I,
)


_CONDITIONS_LIST = re.compile(
    r"\b(?:conditions?|criteria|prerequisites?|requirements?)(?: precedent)?\s*(?:are|is|include|:)\s*:?\s*(?:\(?[a-z0-9]{1,3}\)|\n|$)"
    # "Go-live shall not take place until: (a) each High finding has been remediated ...".
    r"|\b(?:shall|will|may|must|can|does|do)\s+not\s+(?:\w+\s+){0,4}?(?:until|unless)\b\s*:?\s*(?:\(?[a-z0-9]{1,3}\)|\n|$)",
    re.I,
)
_REPORTED_CLAIM = re.compile(
    r"\bhad\s+(?:stated|said|claimed|asserted|indicated|reported|described|confirmed)\b"
    # "Acme claims that ..." reports; "any claim that the use infringes" names a kind of claim.
    r"|(?<!\bany )(?<!\ba )(?<!\bthe )(?<!\bno )(?<!\beach )(?<!\bevery )"
    r"\b(?:claim(?:s|ed)?|allege[sd]?|purport(?:s|ed)?)\s+that\b|\ballegedly\b|\bpurportedly\b",
    re.I,
)


# A matter the sentence itself says is still open, wherever in it: "Whether fatigue alerts are
# health data is under review", "India access unresolved", "awaiting legal advice"; and a
# statement that points at its own exception ("No data leaves the UK (but see section 9)").
_OPEN_MATTER = re.compile(
    # "kept under review" is a standing practice, "if not resolved" a condition.
    r"\b(?:(?<!kept )(?<!keep )(?<!keeps )under (?:\w+ )?review|being reviewed|unresolved|awaiting"
    r"|not yet (?:confirmed|resolved|known)"
    r"|yet to be (?:confirmed|decided|agreed|resolved)|but see)\b",
    re.I,
)


def open_matter(sentence: str) -> bool:
    """Whether ``sentence`` says its matter is still open ("under review", "unresolved")."""
    return bool(_OPEN_MATTER.search(sentence))


def unsettled_sentence(sentence: str) -> bool:
    """Whether ``sentence`` as a whole leaves its matter open: a minuted action ("Action: DPO to
    sign off the DPIA"), a decision deferred in another clause, or one it says was reversed
    ("the decision to use AI features has been withdrawn")."""
    return bool(
        _ACTION_ITEM.search(sentence)
        or _DECISION_OPEN.search(sentence)
        # "TA noted that the response had stated that MFA was enforced": what another said, then.
        or _REPORTED_CLAIM.search(sentence)
        or _OPEN_MATTER.search(sentence)
        # "The Roll-out Conditions are: (i) remediation and retest of all findings; ...": a list
        # of what must hold, not of what does.
        or _CONDITIONS_LIST.search(sentence)
        # "the decision ... has been withdrawn"; not "superseded versions are dropped".
        or (_REVERSAL.search(sentence) and _DECIDED.search(sentence))
    )


def deferred(clause: str) -> bool:
    """Whether a plan in ``clause`` is for later than the change itself ("in phase 2")."""
    return bool(_DEFERRED.search(clause))


def reversed_after(sentence: str, passage_text: str, *, window: int = 2) -> bool:
    """Whether one of the next ``window`` sentences of ``passage_text`` after ``sentence`` undoes
    it ("... This was reversed at the March meeting.", "Update: the decision ... withdrawn")."""
    at = passage_text.find(sentence)
    if at < 0:
        return False
    following = re.split(r"(?<=[.!?])\s+|\n+", passage_text[at + len(sentence) :].strip())
    return any(
        _REVERSAL.search(later) and _REFERS_BACK.search(later)
        for later in following[:window]
        if later.strip()
    )


# A plan, put in words that also contain a "done" word: "expected to be in place by go-live" is
# not in place; "has committed to encrypt" has not encrypted.
_PLAN_BEFORE_DONE = re.compile(
    r"\b(?:expected to|due to be|scheduled (?:to|for)|plan(?:s|ned)? to|intends? to|intended to|aims? to"
    r"|committed to|commits to|working towards|on (?:the|its|our) roadmap|by the end of"
    # "has been scheduled" is a date set, not the work done.
    r"|(?:has|have|had) been (?:scheduled|booked|planned|arranged|requested|proposed|initiated|started|commissioned"
    r"|raised|kicked off))\b",
    re.I,
)
_IN_PROGRESS = re.compile(
    r"\b(?:in progress|in draft|draft(?:ed)?|under (?:negotiation|review|way|discussion)|ongoing"
    r"|pending|awaiting|not yet|not started|outstanding|being (?:\w+ed|\w+en)|tbc|tbd|open"
    r"|partially|in train|work(?:ing)? (?:on|towards)|rolling out|being rolled out"
    r"|(?:under|in) (?:development|construction|preparation|consideration)|being (?:renewed|recruited|set up))\b",
    re.I,
)
_PLANNED = re.compile(
    # "plans to", "planned", not the noun: "the continuity plan" states no plan to do something.
    r"\b(?:will|shall|plan(?:s|ning)? to|planned|intends?|intended|expected|proposed|to be|scheduled|due"
    r"|going to|aim(?:s|ed)? to|target(?:ed|s)?|booked|roadmap|phase \d+ candidate)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|shall|going to|is to be|are to be|to be \w+ed)\b", re.I)
_DONE = re.compile(
    r"\b(?:has been|have been|had been|was|were|completed?|implemented|signed|approved|achieved"
    r"|received|in place|confirmed|done|passed|agreed|issued|certified)\b",
    re.I,
)
# Questions about something that has happened, or a state already reached.
_ASKS_DONE = re.compile(
    r"^\s*(?:has|have|had|was|were|did)\b|\b(?:been|already|completed|achieved|in place|signed|received"
    r"|carried out|performed|conducted|obtained|approved)\b",
    re.I,
)


# What follows "that" is a reported content, not the state of the main fact ("customers will be
# told that replies may be drafted with AI" is a plan to tell, not a conditional).
_COMPLEMENT = re.compile(r"\b(?:that|which|whether)\b", re.I)


def modality(clause: str) -> Modality:
    """The state ``clause`` puts its fact in; the weakest cue wins (a draft that "will be
    completed" is in progress, an approval "if needed" is conditional)."""
    if _OPEN_QUESTION.search(clause) or _ACTION_ITEM.search(clause):
        return "conditional"  # "to confirm whether ...", "Action: ...": nothing is settled yet
    clause = _COMPLEMENT.split(clause, maxsplit=1)[0]
    if _CONDITIONAL.search(clause) or _UNSETTLED.search(clause):
        return "conditional"
    if _IN_PROGRESS.search(clause):
        return "in_progress"
    if _FUTURE.search(clause) or _PLAN_BEFORE_DONE.search(clause):
        return "planned"  # "will be completed before go-live" is not completed
    if _DONE.search(clause):
        return "done"
    if _PLANNED.search(clause):
        return "planned"
    return "plain"


def asked_state(question: str) -> Asked:
    """ "done" for a question about what has happened; a question about the future ("Will the
    contract be signed before go-live?") is answered by a plan as well."""
    if _FUTURE.search(question):
        return "any"
    return "done" if _ASKS_DONE.search(question) else "any"


def asks_future(question: str) -> bool:
    """Whether ``question`` asks about what will be ("Will the system store ...?"): a plan is then
    its direct answer. "Is data encrypted?" asks what is so; a plan answers it less surely, and
    work still in progress not at all."""
    return bool(_FUTURE.search(question))


def fits(asked: Asked, stated: Modality) -> bool:
    """Whether a statement in state ``stated`` can answer Yes to a question asking ``asked``."""
    if stated == "conditional":
        return False
    return asked == "any" or stated in ("done", "plain")


# A status a register or tracker gives unfinished work ("In progress", "Not started", "Drafted"):
# it answers "has it been done?" with No whichever verb the question uses. Only unfinished
# states: "Completed" on a row about a plan says the plan is written, not that it was tested, so
# a finished status never stands in for the verb a question asks about.
_STATUS = re.compile(
    r"\b(?:in progress|in draft|draft(?:ed)?|not (?:yet )?(?:started|written|built|done|begun|completed|agreed)"
    r"|pending|outstanding|under review|awaiting|being drafted)\b",
    re.I,
)
# Question verbs for work being done, which a status answers.
DONE_VERBS = frozenset(
    {
        "complet",
        "approv",
        "sign",
        "carri",
        "perform",
        "conduct",
        "undertaken",
        "implement",
        "finish",
        "review",
        "assess",
        "test",
        "remedi",
        "fix",
        "written",
        "agre",
        "mitig",
        "build",
    }
)
STATUS_TERM = "workstatus"


def states_status(text: str) -> bool:
    """Whether ``text`` says a piece of work is unfinished (in progress, drafted, not started)."""
    return bool(_STATUS.search(text))


STATUS_CELL = 40  # a register's status cell is short ("In progress", "Agreed - contract pending")


# Status cells that say work is unfinished. Not "Open": a risk register's open risk has been
# assessed; it is the risk that is not closed.
_UNFINISHED_CELL = re.compile(
    r"\b(?:in progress|in draft|draft(?:ed)?|pending|awaiting|outstanding|under review"
    r"|(?:under|in) (?:development|construction|preparation)|being \w+(?:ed|en)"
    r"|planned|scheduled|tbc|tbd|not (?:yet )?(?:started|begun|done|complete|completed|written|built"
    r"|agreed|signed|received|implemented|tested|reviewed|approved|assessed))\b",
    re.I,
)


_OPEN_STATUS = re.compile(r"^(?:status|state|progress)\s*:\s*(?:open|not met|not in place)\b", re.I)
_WORK_LABEL = re.compile(
    r"^(?:control(?:[ _]or[ _]metric)?|action|task|deliverable|requirement|measure|mitigation)\s*:", re.I
)


def row_in_progress(row: str) -> bool:
    """Whether a table row (cells joined by " | ") has a status cell saying the work is not
    finished ("In progress", "Not started", "Drafted")."""
    cells = [cell.strip() for cell in row.split(" | ")] if " | " in row else []
    if any(len(cell) <= STATUS_CELL and _UNFINISHED_CELL.search(cell) for cell in cells):
        return True
    # "Open" is unfinished for a control or an action, though not for a risk (assessed, not closed).
    return any(_OPEN_STATUS.match(cell) for cell in cells) and any(_WORK_LABEL.match(cell) for cell in cells)


# Work that follows the thing asked about: "Pen test remediation | In progress" says the test
# was done and its fixes are not, so its status is not the status of the test.
_FOLLOW_UP = re.compile(
    r"\b(?:remediat\w*|re-?test\w*|follow[- ]?ups?|renewals?|fix(?:es|ing)?|actions?|findings?|updates?)\b",
    re.I,
)


def follow_up_work(text: str, question: str) -> bool:
    """Whether ``text`` names follow-up work (remediation, retest, renewal) the question does not."""
    asked = {m.group(0).lower() for m in _FOLLOW_UP.finditer(question)}
    return any(m.group(0).lower() not in asked for m in _FOLLOW_UP.finditer(text))


# Words that weaken a statement without changing its answer: how generally it holds ("largely",
# "in most cases", "by default"), whose claim it is and whether it was checked ("the vendor
# states", "to be verified", "not yet evidenced"), and what it leaves out ("except for logs",
# "some data"). Such a statement may answer, but never with "high" confidence.
_HEDGED = re.compile(
    r"\b(?:generally|typically|usually|normally|mostly|largely|broadly|mainly|predominantly|in (?:most|many) cases"
    r"|in principle|by default|as standard|where possible|best[- ]efforts?|reasonable (?:endeavours|efforts)"
    r"|believe[sd]?|understand|understood|think|thought|reportedly|apparently|appears?|seems?|claims?|claimed"
    r"|(?:vendor|supplier|provider|they|he|she|sales|account manager)\s+(?:states?|stated|says|said|told us)"
    r"|according to|per (?:the )?vendor|vendor (?:claim|statement|assertion)|verbal(?:ly)?"
    r"|to be (?:verified|validated|evidenced|checked)|unverified|not (?:yet )?(?:evidenced|verified|validated)"
    r"|pending (?:confirmation|verification|evidence|validation)|awaiting (?:evidence|confirmation)"
    r"|except(?: for)?|excluding|apart from|other than|with the exception of|save for"
    r"|some|most(?!\s+(?:recent|recently|current|up[- ]to[- ]date))|certain|selected|parts? of|partial(?:ly)?"
    r"|in part)\b|\*",
    re.I,
)


def hedged(text: str) -> bool:
    """Whether ``text`` weakens what it says (see ``_HEDGED``): at most "medium" confidence."""
    return bool(_HEDGED.search(text))
