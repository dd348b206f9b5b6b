"""Words for the extractive engine: tokens, a light stemmer, and the risk domain's synonyms.

Matching a question to a sentence works on normalised terms: lower case, multi-word domain
phrases folded into one concept ("personal information" and "PII" both become ``personaldata``),
a light suffix-stripping stemmer ("encrypted", "encryption" -> ``encrypt``) and a few word-level
synonyms. Citations never see any of this; they quote the original text.
"""

from __future__ import annotations

import re

# Multi-word phrases (and acronyms) that name one concept in technology-risk writing.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), f" {concept} ")
    for pattern, concept in (
        (r"\bthird[- ]part(?:y|ies)\b", "vendor"),
        (r"\bartificial intelligence\b|\bmachine learning\b|\bgenerative ai\b|\bai\b|\bml\b", "ai"),
        (r"\blarge language models?\b|\bllms?\b|\bfoundation models?\b", "ai model"),
        (r"\bpersonal(?:ly identifiable)? (?:data|information|details)\b|\bpii\b", "personaldata"),
        (r"\bspecial categor(?:y|ies)(?: of)?(?: personal)? data\b", "specialcategory"),
        (r"\bsingle sign[- ]?on\b|\bsso\b", "sso"),
        (r"\bmulti[- ]?factor authentication\b|\btwo[- ]factor authentication\b|\bmfa\b|\b2fa\b", "mfa"),
        (r"\bsoftware[- ]as[- ]a[- ]service\b|\bsaas\b", "saas"),
        (r"\bsub[- ]?processors?\b|\bsub[- ]?contractors?\b", "subprocessor"),
        (r"\bdata protection impact assessments?\b|\bdpias?\b", "dpia"),
        (r"\bpen(?:etration)? test(?:s|ing|ed)?\b", "pentest"),
        (r"\bgo[- ]live\b|\bgoing live\b", "golive"),
        (r"\bsoc ?2\b", "soc2"),
        (r"\biso(?:/iec)? ?27001\b", "iso27001"),
        (r"\bper (?:annum|year)\b|\ba year\b|\beach year\b|\byearly\b|\bannually\b", "annual"),
        (r"\bon[- ]premises?\b", "onpremises"),
        (r"\bdata centres?\b|\bdata centers?\b", "datacentre"),
        (r"\bsecurity information and event management\b|\bsiem\b", "siem"),
        (r"\bweb application firewall\b|\bwaf\b", "waf"),
        (r"\bdisaster recovery\b", "disasterrecovery"),
    )
)

# Irregular forms and near-synonyms, after stemming.
_WORD_SYNONYMS = {
    "sent": "send",
    "kept": "keep",
    "held": "hold",
    "told": "tell",
    "inform": "tell",
    "notify": "tell",
    "notifi": "tell",
    "made": "make",
    "built": "build",
    "ran": "run",
    "supplier": "vendor",
    "information": "data",
    "notificat": "tell",
    "retent": "retain",
    "keep": "retain",
    "employ": "staff",
    "employe": "staff",
    "personnel": "staff",
    "countri": "country",
    "delet": "delete",
    "eras": "delete",
    "remov": "delete",
    "reviewer": "review",
}

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be been before being below
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself of off on once only or other our ours ourselves out over own same she should
    so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves shall may might must also etc us per via""".split()
)
# Words that frame a question rather than name what it asks about.
QUESTION_FILLER = frozenset(
    """describe explain list state name give provide please kind type part whether approximately
    many much ever currently planned expected""".split()
)
# Words so common in project documents that matching them says little.
GENERIC = frozenset(
    """data system chang project servic use company new product platform solution business
    organis organiz process application tool our""".split()
)
NEGATION_WORDS = frozenset(
    """not no never neither nor without none cannot nobody nothing nowhere""".split()
)
# Phrases that contain a negation word but state a limit, not a denial.
_NOT_NEGATIONS = re.compile(
    r"\bno (?:later|more|less|fewer|longer than|sooner)\b|\bnot only\b|\bnot just\b|\bnone other\b",
    re.IGNORECASE,
)
_NEGATED_CONTRACTION = re.compile(r"\b\w+n[’']t\b", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+")

_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("izations", "ize"),
    ("isations", "ise"),
    ("ization", "ize"),
    ("isation", "ise"),
    ("ational", "ate"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("ities", ""),
    ("ity", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ions", ""),
    ("ion", ""),
    ("ers", ""),
    ("er", ""),
    ("edly", ""),
    ("ed", ""),
    ("es", ""),
    ("ly", ""),
    ("s", ""),
)


def stem(word: str) -> str:
    """A light, consistent stemmer: both sides of every comparison go through it."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word


def normalise(text: str) -> str:
    """Lower-case text with domain phrases folded into concept words and contractions opened."""
    text = text.replace("’", "'")
    text = re.sub(r"\b(\w+)n't\b", r"\1 not", text, flags=re.IGNORECASE)
    text = re.sub(r"\bcan ?not\b", "can not", text, flags=re.IGNORECASE)
    for pattern, concept in _PHRASES:
        text = pattern.sub(concept, text)
    return text.lower()


def term(word: str) -> str:
    stemmed = stem(word)
    return _WORD_SYNONYMS.get(stemmed, _WORD_SYNONYMS.get(word, stemmed))


def terms(text: str) -> list[str]:
    """Content terms of ``text`` in order (stop words dropped, repeats kept)."""
    return [term(word) for word in _TOKEN.findall(normalise(text)) if word not in STOP_WORDS]


def negation_count(text: str) -> int:
    """How many negation cues ``text`` holds ("not", "no", "never", "won't", "without", ...)."""
    cleaned = _NOT_NEGATIONS.sub(" ", text.replace("’", "'"))
    count = len(_NEGATED_CONTRACTION.findall(cleaned))
    cleaned = _NEGATED_CONTRACTION.sub(" ", cleaned)
    cleaned = re.sub(r"\bcannot\b", " not ", cleaned, flags=re.IGNORECASE)
    return count + sum(1 for word in re.findall(r"[a-z]+", cleaned.lower()) if word in NEGATION_WORDS)
