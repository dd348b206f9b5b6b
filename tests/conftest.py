"""Shared fixtures: AWS through one moto server, both table backends, the cast of users.

Also sorts tests into the two markers `make test-fast` leaves out (registered in pyproject.toml),
by path and by what a test uses, so no test module has to remember to mark itself:

- ``stack``: starts the real local stack (``tests/stack.py``: runlocal in a subprocess) or a real
  browser against a live server (``tests/e2e``, ``live_server``);
- ``slow``: tests that need the moto server (the DynamoDB, S3 and Bedrock paths: the same
  contracts run on the local backends in the fast suite), property-based tests (Hypothesis),
  schemathesis runs, and the few others that take seconds each (measured with ``--durations``
  on the whole suite; listed in ``SLOW``).

A module may also mark itself (``pytestmark = pytest.mark.slow``); CI (`make test`) runs both.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

pytest_plugins = [
    "tests.fixtures.aws",
    "tests.fixtures.tables",
    "tests.fixtures.cast",
    "tests.fixtures.pipeline",
]

TESTS = Path(__file__).resolve().parent

# Whole files that start the real stack or a real server, relative to tests/.
STACK_PATHS = ("e2e/", "test_runlocal_durability.py", "test_processing_survives_kill.py")
# Slow by measurement (whole suite, --durations): a file, or one test by its name in a file.
SLOW = (
    "test_production_profile.py",  # PostgreSQL and Redis, the whole request/review flow: ~25 s
    "questionnaire/test_properties.py",  # Hypothesis throughout: 2-9 s a test
    "suggestions/test_quality.py::test_it_answers_what_the_brief_settles_and_abstains_on_the_rest",
    "gsi/test_check_gsis.py::test_it_exits_1_then_0_from_the_shell",  # manage.py in subprocesses
    "web/test_review.py::test_it_pages_through_a_long_queue",
    # Python started afresh in subprocesses, once per case:
    "test_settings_env.py::test_it_generates_the_local_secret_key_once_and_keeps_it",
    "test_settings_env.py::test_it_refuses_to_start_with_a_bad_setting_and_names_it",
    "web/test_error_pages.py::test_it_turns_debug_on_only_when_a_developer_asks",
    "contract/test_local_durability.py",  # several processes on one file, kill -9
    # Every API operation for every member of the cast: ~50 s of the fast suite alone.
    "api/test_authorization.py::test_it_applies_the_right_access_to_every_operation",
    "api/test_authorization.py::test_it_refuses_every_write_without_the_csrf_token_and_changes_nothing",
    # The documents role matrix (85 cases) and the query-plan sweep over every index shape: the
    # largest items left in the fast suite (~40 s of its ~160 s under a shared CPU).
    "web/test_documents_authorization.py::test_it_applies_the_right_access_to_document_and_suggestion_pages",
    "web/test_documents_authorization.py::test_it_applies_the_right_access_to_the_documents_api",
    "contract/test_local_query_plans.py::test_it_seeks_into_an_index_for_every_query_shape",
    "contract/test_local_query_plans.py::test_it_reads_a_deep_page_as_cheaply_as_the_first",
    # On moto through their own table fixture (getfixturevalue, so _uses_moto cannot see it).
    "review/test_on_dynamodb.py",
    # Every move of the workflow table for every member of the cast, each from a full assessment.
    "review/test_workflow_roles.py::test_each_move_is_made_by_its_role_and_refused_to_the_others",
    "review/test_rounds_timeline.py::test_each_round_freezes_the_ready_documents_and_the_diff_names_one_added",
    "security/test_review_bell_authorization.py",
)
# Fixtures that start or use the session's moto server (tests/fixtures/aws.py, tables.py).
MOTO_FIXTURES = frozenset({"moto_server", "aws", "dynamo_table", "tra_table_dynamo"})


def _relative(item: pytest.Item) -> str:
    try:
        return item.path.resolve().relative_to(TESTS).as_posix()
    except ValueError:
        return item.path.as_posix()


def _module_uses(module: ModuleType | None, name: str) -> bool:
    """Whether a test module imported ``name`` (a module, or anything defined in it)."""
    if module is None:
        return False
    target = sys.modules.get(name)
    return any(
        (target is not None and value is target) or getattr(value, "__module__", None) == name
        for value in vars(module).values()
    )


def _is_stack(item: pytest.Item, path: str) -> bool:
    module = getattr(item, "module", None)
    return (
        path.startswith(STACK_PATHS)
        or "live_server" in getattr(item, "fixturenames", ())
        or _module_uses(module, "tests.stack")
    )


def _uses_moto(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    params = callspec.params if callspec is not None else {}
    # A fixture parametrized over both backends (``table``) picks moto's by the value "dynamodb".
    if "dynamodb" in params.values():
        return True
    return bool(MOTO_FIXTURES.intersection(getattr(item, "fixturenames", ())))


def _is_slow(item: pytest.Item, path: str) -> bool:
    name = getattr(item, "originalname", item.name)
    function = getattr(item, "obj", None)
    module = getattr(item, "module", None)
    return (
        any(entry == path or entry == f"{path}::{name}" for entry in SLOW)
        or getattr(function, "is_hypothesis_test", False)
        or _module_uses(module, "schemathesis")
        or _uses_moto(item)
    )


@pytest.fixture(scope="session", autouse=True)
def _parse_each_questionnaire_text_once() -> Iterator[None]:
    """The cast imports the default questionnaire for every test that uses it, and parsing the
    YAML is ~50 ms a time: most of a web test's set-up. Parsing is a pure function of the text
    and gives a frozen Questionnaire, so the import service reuses the parse of a text it has
    seen; it still validates, numbers and stores each import. The parser's own tests call the
    parser directly and are untouched, and a broken text raises every time (nothing cached)."""
    from assessments.services import questionnaires

    with pytest.MonkeyPatch.context() as patch:
        parse = questionnaires.load_questionnaire_yaml
        patch.setattr(questionnaires, "load_questionnaire_yaml", functools.lru_cache(maxsize=16)(parse))
        yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        path = _relative(item)
        if path.startswith("e2e/"):
            item.add_marker(pytest.mark.e2e)
        if _is_stack(item, path):
            item.add_marker(pytest.mark.stack)
        if _is_slow(item, path):
            item.add_marker(pytest.mark.slow)
