"""Terms for matching: stems come from snowballstemmer, the way the local index stems."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import snowballstemmer

from assessments.suggestions import lexicon

WORDS = [
    "encrypted",
    "encryption",
    "encrypts",
    "retention",
    "licensed",
    "generated",
    "organisations",
    "reachable",
    "days",
]


def test_it_stems_words_as_snowballs_porter_stemmer_does() -> None:
    porter = snowballstemmer.stemmer("porter")
    assert [lexicon.stem(w) for w in WORDS] == [porter.stemWord(w) for w in WORDS]
    assert {lexicon.stem(w) for w in ("encrypted", "encryption", "encrypts")} == {"encrypt"}


def test_it_leaves_short_words_and_numbers_alone() -> None:
    assert [lexicon.stem(w) for w in ("us", "is", "2fa", "27001")] == ["us", "is", "2fa", "27001"]


def test_it_stems_the_same_in_many_threads_at_once() -> None:
    lexicon.stem.cache_clear()
    words = [f"{w}{'s' * (i % 3)}" for i in range(300) for w in WORDS[:3]]
    with ThreadPoolExecutor(max_workers=8) as pool:
        stems = list(pool.map(lexicon.stem, words))
    porter = snowballstemmer.stemmer("porter")
    assert stems == [porter.stemWord(w) for w in words]


def test_owning_is_a_predicate_but_our_own_staff_and_a_control_owner_are_not_ownership() -> None:
    from assessments.suggestions import lexicon

    assert "ownership" in lexicon.terms("We own the outputs the service generates.")
    assert "ownership" in lexicon.terms("All deliverables are owned by the Customer.")
    assert "ownership" not in lexicon.terms("Our own staff use the workbench.")
    assert "ownership" not in lexicon.terms("Control owner: Kieran Doyle")
