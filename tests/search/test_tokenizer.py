"""The tokenizer: what an assessment is found by, and how a query is read."""

from __future__ import annotations

from assessments.domain.search import (
    MAX_TOKENS,
    SearchHit,
    SearchQuery,
    assessment_tokens,
    business_unit_token,
    tokenize,
)


def test_it_lowercases_folds_accents_and_splits_on_punctuation() -> None:
    assert tokenize("Équipe Sécurité/Réseau: SAP-HANA_v2") == [
        "equipe",
        "securite",
        "reseau",
        "sap",
        "hana",
        "v2",
    ]


def test_it_drops_the_few_stop_words_only() -> None:
    assert tokenize("The migration of the CRM to a cloud") == ["migration", "crm", "cloud"]
    assert tokenize("Data lake") == ["data", "lake"]


def test_it_keeps_an_assessment_id_whole_and_its_hex_part() -> None:
    assert tokenize("TRA-2026-ABC123") == ["tra-2026-abc123", "abc123"]
    assert tokenize("see tra-2026-0f0f0f please") == ["tra-2026-0f0f0f", "0f0f0f", "see", "please"]


def test_it_does_not_index_the_pieces_of_an_id_every_assessment_of_a_year_shares() -> None:
    tokens = assessment_tokens(
        assessment_id="TRA-2026-ABC123", title="Vendor portal", project="P", system_id="", business_unit="Ops"
    )
    assert "tra" not in tokens and "2026" not in tokens
    assert tokens[:3] == ["tra-2026-abc123", "abc123", "bu:ops"]


def test_it_indexes_the_business_unit_whole_and_by_its_words() -> None:
    tokens = assessment_tokens(
        assessment_id="TRA-2026-ABC123",
        title="T",
        project="P",
        system_id="SYS-042",
        business_unit="Customer  Opérations",
    )
    assert {"bu:customer operations", "customer", "operations", "sys", "042", "t", "p"} <= set(tokens)
    assert business_unit_token("  customer operations ") == "bu:customer operations"


def test_it_caps_the_tokens_of_a_very_long_title_keeping_the_id_and_business_unit() -> None:
    title = " ".join(f"word{n}" for n in range(100))
    tokens = assessment_tokens(
        assessment_id="TRA-2026-ABC123", title=title, project="P", system_id="X1", business_unit="Ops"
    )
    assert len(tokens) == MAX_TOKENS
    assert tokens[:4] == ["tra-2026-abc123", "abc123", "bu:ops", "x1"]


def test_a_query_reads_the_rarest_looking_token_and_checks_the_rest() -> None:
    query = SearchQuery.parse("cloud SYS-042 migration", business_unit="Finance")
    assert query.driver == "042"
    assert set(query.others) == {"cloud", "sys", "migration", "bu:finance"}
    assert SearchQuery.parse("crm tra-2026-abc123").driver == "tra-2026-abc123"


def test_a_query_of_stop_words_or_punctuation_only_is_empty() -> None:
    assert SearchQuery.parse("the - of").empty
    assert not SearchQuery.parse("", business_unit="Finance").empty


def test_words_match_whole_never_as_a_prefix() -> None:
    hit = SearchHit("TRA-2026-ABC123", "Cloud", "", "", "", 1, "u", "t", ("cloud",))
    assert hit.matches(["cloud"])
    assert not hit.matches(["clou"])
