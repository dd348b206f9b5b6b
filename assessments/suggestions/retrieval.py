"""The words a question searches the knowledge base with.

The local index matches words (Porter-stemmed), not concepts: a question about the "annual
contract value" does not find "£412,000 a year", nor one about "SaaS" the sentence calling the
product "software-as-a-service", although the engine (lexicon.py) reads both pairs as one
concept once the passage is retrieved. So a query that names one of those concepts also carries
the other ordinary ways documents name it. The table is keyed by the lexicon's concept names
and holds general English and technology-risk vocabulary only.
"""

from __future__ import annotations

import re

from assessments.suggestions import data_subjects, lexicon
from assessments.suggestions.outsiders import OUR_PEOPLE
from assessments.suggestions.restriction import restricted_subject
from assessments.suggestions.types import QuestionForSuggestion

# Concept (as lexicon.terms names it) -> other words documents use for it. "vendor", "ai" and
# "disasterrecovery" are left out on purpose: on the dev split, with the engine they feed,
# "supplier third-party", "artificial intelligence machine learning" and "disaster recovery DR"
# pulled in passages that answered an unsettled question or a choice wrongly and lost right ones.
SURFACE_FORMS: dict[str, str] = {
    "saas": "software-as-a-service",
    "annual": "year yearly annually annum",
    "personaldata": "personal information PII",
    "subprocessor": "sub-processor subcontractor",
    "golive": "go-live launch",
    "servicelevel": "SLA service level",
    "pentest": "penetration test",
    "mfa": "multi-factor MFA",
    "sso": "single sign-on SSO",
    "onpremises": "on-premises",
    # A contract's signature block says whether it was signed ("Signature | [signed]", "Date of
    # last signature"); "signed" alone is a stem the block may not share.
    "sign": "signature signatory",
}


_INTERNET = re.compile(r"\binternet\b", re.I)
_YES_NO = ("yes/no", "yes-no", "boolean")


def retrieval_query(question: QuestionForSuggestion) -> str:
    """The words to search the knowledge base with: the question's terms, its options, and the
    other names of the concepts they mention."""
    words = [w for w in re.findall(r"[\w/'-]+", question.text) if not lexicon.is_filler(w.lower())]
    if question.response_type.lower() in ("single-choice", "multi-choice"):
        words.extend(question.options)
        if data_subjects.people_options(question.options):
            words.append("data subjects")  # where documents list whose data (data_subjects.py)
    elif question.response_type.lower() in _YES_NO and _INTERNET.search(question.text):
        words.extend(("public", "website"))  # how documents say a system faces the internet
    elif question.response_type.lower() in _YES_NO and restricted_subject(question.text) & OUR_PEOPLE:
        words.extend(("public", "anonymous", "visitors"))  # who else uses it (outsiders.py)
    named = set(lexicon.terms(" ".join(words)))
    words.extend(forms for concept, forms in SURFACE_FORMS.items() if concept in named)
    return " ".join(words)
