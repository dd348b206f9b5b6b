"""Words for the extractive engine: tokens, stems, and the risk domain's synonyms.

Matching a question to a sentence works on normalised terms: lower case, multi-word domain
phrases folded into one concept ("personal information" and "PII" both become ``personaldata``),
the Porter stemmer from snowballstemmer ("encrypted", "encryption" -> ``encrypt``, as in the
local index, whose SQLite tokenizer is Porter's too) and a few
word-level synonyms; sentences also carry the broader terms they imply (health data is special
category data). Citations never see any of this; they quote the original text.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

import snowballstemmer

# Multi-word phrases (and acronyms) that name one concept in technology-risk writing.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), f" {concept} ")
    for pattern, concept in (
        (r"\bthird[- ]part(?:y|ies)\b", "vendor"),
        (r"\bartificial intelligence\b|\bmachine learning\b|\bgenerative ai\b|\bai\b|\bml\b", "ai"),
        (r"\b(?:large )?language models?\b|\bllms?\b|\bfoundation models?\b", "ai model"),
        (r"\bpersonal(?:ly identifiable)? (?:data|information|details)\b|\bpii\b", "personaldata"),
        (r"\bspecial categor(?:y|ies)(?: of)?(?: personal)? data\b", "specialcategory"),
        (r"\bsingle sign[- ]?on\b|\bsso\b", "sso"),
        # Signing in is one act however it is spelt ("log in", "sign-in", "logon"); "logged in
        # the SIEM" is a record kept, not a sign-in.
        (
            # "signed on 10 January" is a date of signing, not a sign-on.
            r"\b(?:sign(?:s|ed|ing)?|logs?)[- ]?(?:in|on)\b(?!\s+(?:the|an?|our|their|its|this)\b)"
            r"(?!\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))",
            "login",
        ),
        (r"\bmulti[- ]?factor authentication\b|\btwo[- ]factor authentication\b|\bmfa\b|\b2fa\b", "mfa"),
        (r"\bsoftware[- ]as[- ]a[- ]service\b", "saas software"),
        (r"\bsaas\b", "saas"),
        # Owning is a predicate, not the filler of "our own staff": "we own the outputs", "owned by",
        # "ownership of the IP", "vests in the Customer" all say who owns ("Control owner" names a
        # role, not what is owned).
        (
            r"\bown(?:s|ed)?\b(?=\s+(?:the|all|any|its|their|our|outputs?|data|intellectual|ip|copyright|rights?"
            r"|results?|content|works?|deliverables?)\b)|\b(?:owned by|ownership|vests? in|vested in)\b",
            "ownership",
        ),
        (r"\bcriminal (?:offences?|convictions?|records?)\b", "criminaloffence"),
        (r"\bdata subjects?\b", "datasubject"),
        (r"\bprivacy notices?\b|\bprivacy polic(?:y|ies)\b", "privacynotice"),
        # Reachable from the internet is one property however it is put.
        (
            r"\b(?:reachable|accessible|exposed|available|open|reached|accessed|used) (?:from|to|on|over|via|through)"
            r" the (?:public )?internet\b"
            r"|\binternet[- ]facing\b|\bpublic[- ]facing\b",
            "internetfacing",
        ),
        (r"\bopen[- ]source\b", "opensource"),
        # A REST API is an interface style, not data "at rest".
        (r"\brest(?:ful)?[- ]?(?:apis?|endpoints?|interfaces?|services?|calls?)\b|(?-i:\bREST\b)", "restapi"),
        (r"\bsource code\b", "sourcecode"),
        (r"\bservice levels?(?: agreements?)?\b|\bslas?\b", "servicelevel"),
        (r"\bdue diligence\b", "duediligence"),
        (r"\bcontact (?:details|information|data)\b", "contact"),
        (r"\b(?:lawful|legal) bas[ie]s\b", "lawfulbasis"),
        (r"\bprompt[- ]injections?\b", "promptinjection"),
        (r"\bintellectual property\b|\bip rights\b", "intellectualproperty"),
        (r"\brecovery time objectives?\b|\brto\b", "rto"),
        (r"\brecovery point objectives?\b|\brpo\b", "rpo"),
        # Questionnaires put the UK with the EU/EEA ("outside the UK/EEA"): one region to match.
        (r"\b(?:uk|eu|eea|europe|european)\b", "europe"),
        (r"\bsub[- ]?processors?\b|\bsub[- ]?contractors?\b", "subprocessor"),
        (r"\bdata protection impact assessments?\b|\bdpias?\b", "dpia"),
        (r"\bdata protection officers?\b|\bdpos?\b", "dpo"),
        (r"\bpen(?:etration)? test(?:s|ing|ed)?\b", "pentest"),
        (r"\bgo[- ]live\b|\bgoing live\b", "golive"),
        (r"\bsoc ?2\b", "soc2"),
        (r"\biso(?:/iec)? ?27001\b", "iso27001"),
        (r"\bper (?:annum|year)\b|\ba year\b|\beach year\b|\byearly\b|\bannually\b", "annual"),
        (r"\bon[- ]premises?\b", "onpremises"),
        (r"\bdata centres?\b|\bdata centers?\b", "datacentre"),
        (r"\bsecurity information and event management\b|\bsiem\b", "siem"),
        (r"\bweb application firewall\b|\bwaf\b", "waf"),
        # "DR" in capitals only: "Dr Okafor" is a doctor.
        (r"\bdisaster recovery\b|(?-i:\bDR\b)(?!\.)", "disasterrecovery"),
    )
)

# Words that imply a broader term a question may use: a sentence that mentions health data
# mentions special category data; one about customers or agents is about users.
_HYPERNYMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), f" {broader} ")
    for pattern, broader in (
        (
            r"\b(?:health|medical|biometric|genetic|ethnic origin|religio(?:n|us)|sexual orientation|trade union)\b",
            "specialcategory personaldata",
        ),
        (
            r"\b(?:e-?mail address(?:es)?|(?:tele)?phone numbers?|postal address(?:es)?|home address(?:es)?)\b",
            "contact personaldata",
        ),
        (
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty|ninety)"
            r"[ -](?:hours?|days?|weeks?|months?|years?)\b",
            "period",
        ),
        (
            r"\b(?:customers?|agents?|staff|employees?|team leaders?|members? of the public|engineers?)\b",
            "user person",
        ),
        # Liability "limited to" an amount, or that "shall not exceed" it, is capped at it.
        (r"\blimited to\b|\bcapped at\b|\bshall not exceed\b|\bwill not exceed\b", "cap"),
        # A breach of data or security is a security incident.
        (r"\b(?:data|security|personal data|privacy) breach(?:es)?\b", "security incident"),
        # A product someone else supplies or licenses comes from a third party.
        (
            # A named supplier, not "information supplied by customers".
            r"\b(?:supplied|licensed|purchased|procured|bought) (?:by \w+ )?(?:by|from) (?-i:[A-Z])"
            r"|\bsoftware[- ]as[- ]a[- ]service\b|\bsaas\b",
            "vendor",
        ),
        # Encrypted backups, databases or disks are data encrypted at rest.
        (
            r"\b(?:backups?|databases?|disks?|volumes?|storage|data stores?)\s+"
            r"(?:(?:are|is|will be|must be|also|all|fully)\s+){0,2}encrypted\b"
            r"|\bencrypted\s+(?:backups?|databases?|disks?|volumes?|storage)\b"
            r"|\b(?:disk|database|storage|volume|backup)[- ]encryption\b",
            "rest",
        ),
        # "Kept 30 days, then deleted": a period with deletion at its end is a retention period.
        (
            r"\b(?:\d+|one|two|three|six|twelve|eighteen|twenty|thirty|ninety)[ -](?:days?|weeks?|months?|years?)"
            r",? (?:and )?then (?:be )?(?:automatic(?:ally)? )?(?:delet|eras|purg|destr|anonymis|anonymiz)\w*",
            "retain",
        ),
        # Security information and event management products are SIEMs.
        (r"\b(?:microsoft|azure) sentinel\b|\bsplunk\b|\bqradar\b|\barcsight\b|\blogrhythm\b", "siem"),
        # SAML and OpenID Connect are the protocols of single sign-on.
        (r"\bsaml\b|\bopenid connect\b|\boidc\b|\bfederated (?:login|sign[- ]?in|identity)\b", "sso"),
        # A system integrated or interfaced with another is connected to it.
        (
            r"\bintegrat(?:es|ed|ing|ions?) (?:with|to|into)\b|\binterfaces? (?:with|to)\b|\bintegrations? (?:with|to)\b"
            # "integration connectors for the student records system"
            r"|\b(?:integration )?connectors? (?:for|to)\b",
            "connect",
        ),
        # Turning speech into text by machine is AI.
        (r"\bspeech[- ]to[- ]text\b|\b(?:automatic )?speech recognition\b", "ai"),
        # What the public reaches on the web is on the internet: a public page or portal, a
        # service on a website or at a web address.
        (
            r"\bpublic(?:[- ]facing)? (?:web ?sites?|web pages?|pages of the web ?site|internet)\b"
            r"|\b(?:internet|public)[- ]facing\b"
            r"|\bpublic (?:upload |web |customer )?(?:pages?|portals?)\b"
            r"|\bon (?:(?:the|our|its|their) )?(?:\w+(?:'|’)s )?(?:public )?web ?sites?\b"
            r"|\b[a-z0-9-]+\.(?:co\.uk|com|org|net|io|ie)\b",
            "internet internetfacing",
        ),
    )
)

CONCEPTS = frozenset(concept.strip() for _, concept in _PHRASES for concept in concept.split())

# Irregular forms and near-synonyms: a whole word, or a stem, to the term it counts as.
_WORD_SYNONYMS = {
    "information": "data",
    "licenc": "licens",
    "supplier": "vendor",
    "suppliers": "vendor",
    "sent": "send",
    "ingest": "send",  # logs ingested into a tool are sent to it
    "kept": "retain",
    "keep": "retain",
    "retent": "retain",
    "held": "hold",
    "told": "tell",
    "inform": "tell",
    "notifi": "tell",
    "notif": "tell",
    "notic": "tell",  # notice of a change is being told of it
    "made": "make",
    "built": "build",
    "ran": "run",
    "employe": "staff",
    "personnel": "staff",
    "human": "person",
    "peopl": "person",
    "individu": "person",
    "erasur": "delet",
    "registr": "regist",  # "registration number" / "registered under number"
    "remov": "delet",
}

_STOP_WORDS_TEXT = """a about above after again against all am an and any are as at be been before being below
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself of off on once only or other our ours ourselves out over own same she should
    so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves shall may might must also etc us per via"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
# Words that frame a question rather than name what it asks about.
_QUESTION_FILLER_TEXT = """describe explain list state name give provide please kind type part whether approximately
    many much ever currently planned expected whose"""
QUESTION_FILLER = frozenset(_QUESTION_FILLER_TEXT.split())
# Words so common in project documents that matching them says little.
_GENERIC_TEXT = """data system chang project servic us compani new product platform solut busi organis organ
    process applic tool"""
GENERIC = frozenset(_GENERIC_TEXT.split())
# Everyday words that say little about what a risk question is after ("set", "period", "end").
_COMMON_TEXT = """
set end period time way part place case point fact number level area thing make take give get go
come see know look want find need seem try let begin show put mean become leave work call move
happen bring include continue follow stop add allow offer expect remain current exist old good
high low large small big long short real full sure able clear certain main major possible whole
general specific particular relate relevant appropriate different similar various several last
next first second recent available often usual well day week month year within across each every
everi thei other anoth own around least less more most much manner regard respect term purpose
arrangement detail
"""
COMMON = frozenset(_COMMON_TEXT.split())

_NEGATION_WORDS_TEXT = """not no never neither nor without none cannot nobody nothing nowhere"""
NEGATION_WORDS = frozenset(_NEGATION_WORDS_TEXT.split())
# Phrases that contain a negation word but state a limit, not a denial.
_NOT_NEGATIONS = re.compile(
    r"\bno (?:later|more|less|fewer|longer than|sooner)\b|\bnot only\b|\bnot just\b|\bnone other\b"
    # Idioms that deny nothing: "notify without undue delay", "all users without exception".
    r"|\bwithout (?:undue |unreasonable |further )?delay\b|\bwithout exception\b|\bwithout limitation\b"
    r"|\bwithout prejudice\b|\bwithout (?:additional |extra )?charge\b|\bno (?:additional |extra )?(?:cost|charge)\b",
    re.IGNORECASE,
)
_NEGATED_CONTRACTION = re.compile(r"\b\w+n[’']t\b", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+")


_ADVERB_ENDINGS = ("ally", "ately", "ently", "antly", "ively", "ously", "ibly", "ably", "fully", "lessly")


def is_filler(word: str) -> bool:
    """A word that frames a question ("describe", "materially") rather than names its subject."""
    return (
        word in QUESTION_FILLER
        or (len(word) == 1 and not word.isdigit())
        or (len(word) > 6 and word.endswith(_ADVERB_ENDINGS))
    )


def weight_factor(term_: str) -> float:
    """How much a match on ``term_`` can say: generic and everyday words say less."""
    if term_ in GENERIC:
        return 0.35
    return 0.5 if term_ in COMMON_TERMS else 1.0


# snowballstemmer's Porter algorithm, not its newer "english" (Porter2): the local index's SQLite
# tokenizer is Porter's, and on the project brief Porter2 answers one settled Yes/No question
# fewer (23/26 against 24/26). Stemmer objects keep state while they work, so each thread has its
# own; stems are cached because the same few thousand words recur in every document and question.
_STEMMERS = threading.local()


def _stemmer() -> Any:
    stemmer = getattr(_STEMMERS, "porter", None)
    if stemmer is None:
        stemmer = _STEMMERS.porter = snowballstemmer.stemmer("porter")
    return stemmer


@functools.lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """Porter stem of a lower-case word (short words and numbers stay as they are)."""
    if len(word) <= 2 or not word.isalpha():
        return word
    return _stemmer().stemWord(word)


def normalise(text: str) -> str:
    """Lower-case text with domain phrases folded into concept words and contractions opened."""
    text = re.sub(r"['’]s\b", "", text.replace("’", "'"))
    text = re.sub(r"\b(\w+)n't\b", r"\1 not", text, flags=re.IGNORECASE)
    text = re.sub(r"\bcan ?not\b", "can not", text, flags=re.IGNORECASE)
    for pattern, concept in _PHRASES:
        text = pattern.sub(concept, text)
    return text.lower()


def expand(text: str) -> str:
    """``text`` followed by the broader terms it implies (for sentences, never questions)."""
    broader = [b for pattern, b in _HYPERNYMS if pattern.search(text)]
    return text + " " + " ".join(broader) if broader else text


def implying_terms(text: str) -> dict[str, frozenset[str]]:
    """For each broader term ``text`` implies, the terms of the words that imply it ("data
    breach" implies "incid" through "breach", "data")."""
    found: dict[str, set[str]] = {}
    for pattern, broader in _HYPERNYMS:
        sources = {t for match in pattern.finditer(text) for t in terms(match.group(0))}
        if sources:
            for implied in terms(broader):
                found.setdefault(implied, set()).update(sources)
    return {implied: frozenset(sources) for implied, sources in found.items()}


def term(word: str) -> str:
    if word in _WORD_SYNONYMS:
        return _WORD_SYNONYMS[word]
    if word in CONCEPTS:
        return word
    if len(word) > 6 and word.endswith(("able", "ible")):
        # The stemmer keeps "reachable" apart from "reached"; the root is what a sentence shares.
        word = word[:-4]
    stemmed = stem(word)
    return _WORD_SYNONYMS.get(stemmed, stemmed)


def terms(text: str, *, broader: bool = False) -> list[str]:
    """Content terms of ``text`` in order (stop words dropped, repeats kept); with ``broader``,
    also the broader terms it implies."""
    if broader:
        text = expand(text)
    return [term(word) for word in _TOKEN.findall(normalise(text)) if word not in STOP_WORDS]


def negation_count(text: str) -> int:
    """How many negation cues ``text`` holds ("not", "no", "never", "won't", "without", ...)."""
    cleaned = _NOT_NEGATIONS.sub(" ", text.replace("’", "'"))
    count = len(_NEGATED_CONTRACTION.findall(cleaned))
    cleaned = _NEGATED_CONTRACTION.sub(" ", cleaned)
    cleaned = re.sub(r"\bcannot\b", " not ", cleaned, flags=re.IGNORECASE)
    words = [word for word in re.findall(r"[a-z]+", cleaned.lower()) if word in NEGATION_WORDS]
    # "Neither A nor B" and "does not store nor process" deny once; "nor" only negates alone.
    if "nor" in words and (count or len(set(words)) > 1):
        words = [word for word in words if word != "nor"]
    return count + len(words)


COMMON_TERMS = frozenset(term(word) for word in COMMON)
