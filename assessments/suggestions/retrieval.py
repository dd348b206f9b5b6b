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

from assessments.suggestions import lexicon
from assessments.suggestions.types import QuestionForSuggestion

# Concept (as lexicon.terms names it) -> other words documents use for it. "vendor" is left out
# on purpose: on the dev split, adding "supplier third-party" to every vendor question pulled
# in passages that made an unsettled question answered (wrong) and lost a right one.
SURFACE_FORMS: dict[str, str] = {
    "saas": "software-as-a-service",
    "annual": "year yearly annually annum",
    "ai": "artificial intelligence machine learning",
    "personaldata": "personal information PII",
    "subprocessor": "sub-processor subcontractor",
    "golive": "go-live launch",
    "servicelevel": "SLA service level",
    "pentest": "penetration test",
    "mfa": "multi-factor MFA",
    "sso": "single sign-on SSO",
    "onpremises": "on-premises",
    "disasterrecovery": "disaster recovery DR",
}


def retrieval_query(question: QuestionForSuggestion) -> str:
    """The words to search the knowledge base with: the question's terms, its options, and the
    other names of the concepts they mention."""
    words = [w for w in re.findall(r"[\w/'-]+", question.text) if not lexicon.is_filler(w.lower())]
    if question.response_type.lower() in ("single-choice", "multi-choice"):
        words.extend(question.options)
    named = set(lexicon.terms(" ".join(words)))
    words.extend(forms for concept, forms in SURFACE_FORMS.items() if concept in named)
    return " ".join(words)
