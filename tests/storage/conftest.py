"""Private stand-ins for the shared ``moto_server`` / ``aws`` fixtures (tests/fixtures/aws.py).

Delete these once the shared fixtures exist: the names and behaviour are the same, so the
tests do not change.
"""

from __future__ import annotations

import urllib.request
from collections.abc import AsyncIterator, Iterator

import pytest
from moto.server import ThreadedMotoServer

from integrations import clients


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws(moto_server: str, settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    # Never let a developer's real credentials or profile reach a test.
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "eu-west-2",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    clients.reset_session()
    request = urllib.request.Request(f"{moto_server}/moto-api/reset", method="POST")
    urllib.request.urlopen(request, timeout=5).close()
    settings.TRA_S3_ENDPOINT_URL = moto_server
    settings.TRA_DYNAMODB_ENDPOINT_URL = moto_server
    settings.TRA_AWS_MAX_ATTEMPTS = 1
    yield moto_server
    clients.reset_session()


@pytest.fixture(autouse=True)
async def _close_loop_clients() -> AsyncIterator[None]:
    # Each test runs on its own loop; its long-lived clients end with it.
    yield
    await clients.close_loop_clients()
