"""Failed sign-ins are throttled per account and per client address, across worker processes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db.models import F
from django.test import Client

from assessments.accounts.models import FailedLogin

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed sign-ins; try again in"


@pytest.fixture
def users() -> dict[str, str]:
    passwords = {f"user{i}": f"right-password-{i}" for i in range(4)}
    for name, password in passwords.items():
        User.objects.create_user(name, password=password)
    return passwords


@pytest.fixture
def limits(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRA_LOGIN_FAILURES_PER_ACCOUNT = 5
    settings.TRA_LOGIN_FAILURES_PER_ADDRESS = 8
    settings.TRA_LOGIN_FAILURE_WINDOW_SECONDS = 900
    settings.TRA_TRUSTED_PROXY_COUNT = 0


def _login(username: str, password: str, address: str = "203.0.113.7", **extra: str):  # type: ignore[no-untyped-def]
    return Client(REMOTE_ADDR=address, **extra).post("/login/", {"username": username, "password": password})


def _signed_in(response) -> bool:  # type: ignore[no-untyped-def]
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def test_it_signs_in_with_the_right_password_after_a_few_wrong_ones(users, limits) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        assert _login("user0", "wrong").status_code == 200
    assert _signed_in(_login("user0", users["user0"]))


def test_it_locks_the_account_after_five_wrong_passwords_and_refuses_the_right_one(users, limits) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        response = _login("user0", "wrong")
        assert LOCKED not in response.content.decode()
    response = _login("user0", users["user0"])
    assert response.status_code == 429
    assert not _signed_in(response)
    assert "Too many failed sign-ins; try again in 15 minutes." in response.content.decode()


def test_it_locks_the_account_from_every_address_and_whatever_the_case_of_the_username(users, limits) -> None:  # type: ignore[no-untyped-def]
    for i in range(5):
        _login("User0 " if i % 2 else "user0", "wrong", address=f"198.51.100.{i}")
    response = _login("user0", users["user0"], address="192.0.2.99")
    assert response.status_code == 429
    assert not _signed_in(response)


def test_it_does_not_count_tries_while_locked(users, limits) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        _login("user0", "wrong")
    for _ in range(10):
        _login("user0", "wrong")
    assert FailedLogin.objects.filter(scope="account").count() == 5


def test_it_limits_one_address_across_many_accounts(users, limits) -> None:  # type: ignore[no-untyped-def]
    # Eight wrong passwords spread over four accounts: no account reaches its own limit of five.
    for i in range(8):
        _login(f"user{i % 4}", "wrong")
    response = _login("user1", users["user1"])
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    # Another address is not held back by this one.
    assert _signed_in(_login("user1", users["user1"], address="192.0.2.50"))


def test_it_unlocks_once_the_failures_are_older_than_the_window(users, limits) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        _login("user0", "wrong")
    assert _login("user0", users["user0"]).status_code == 429
    FailedLogin.objects.update(at=F("at") - timedelta(seconds=901))
    assert _signed_in(_login("user0", users["user0"]))


def test_it_tells_the_minutes_left_in_the_window(users, limits) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        _login("user0", "wrong")
    FailedLogin.objects.update(at=F("at") - timedelta(minutes=13, seconds=30))
    response = _login("user0", users["user0"])
    assert "Too many failed sign-ins; try again in 2 minutes." in response.content.decode()
    FailedLogin.objects.update(at=F("at") - timedelta(minutes=1))
    response = _login("user0", users["user0"])
    assert "Too many failed sign-ins; try again in 1 minute." in response.content.decode()


def test_a_successful_sign_in_resets_the_accounts_count(users, limits, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRA_LOGIN_FAILURES_PER_ADDRESS = 20  # only the account's count is under test here
    for _ in range(4):
        _login("user0", "wrong")
    assert _signed_in(_login("user0", users["user0"]))
    for _ in range(4):
        _login("user0", "wrong")
    # Eight failures in all, but only four since the success.
    assert _signed_in(_login("user0", users["user0"]))


def test_it_counts_behind_a_trusted_proxy_by_the_forwarded_address(users, limits, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRA_TRUSTED_PROXY_COUNT = 1
    balancer = "10.0.0.2"
    for i in range(8):
        # The client may put anything at the left of X-Forwarded-For; only the last entry counts.
        _login(f"user{i % 4}", "wrong", address=balancer, HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 203.0.113.9")
    assert (
        _login("user1", users["user1"], address=balancer, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code
        == 429
    )
    assert _signed_in(_login("user1", users["user1"], address=balancer, HTTP_X_FORWARDED_FOR="203.0.113.10"))


def test_thirty_wrong_passwords_then_the_right_one_do_not_sign_in(users, settings) -> None:  # type: ignore[no-untyped-def]
    # The pen-test's probe, with the shipped defaults.
    for _ in range(30):
        _login("user0", "wrong")
    assert not _signed_in(_login("user0", users["user0"]))


def test_the_admin_login_form_is_throttled_too(users, limits) -> None:  # type: ignore[no-untyped-def]
    from django.test import RequestFactory

    from assessments.accounts.views import ThrottledAdminAuthenticationForm

    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="203.0.113.7")
    for _ in range(5):
        form = ThrottledAdminAuthenticationForm(request, data={"username": "user0", "password": "wrong"})
        assert not form.is_valid()
    form = ThrottledAdminAuthenticationForm(request, data={"username": "user0", "password": users["user0"]})
    assert not form.is_valid()
    assert form.has_error("__all__", "throttled")


def test_it_throttles_the_admin_sign_in_page_too(users, limits) -> None:  # type: ignore[no-untyped-def]
    staff = User.objects.create_user("staff", password="staff-password", is_staff=True)
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        client.post("/admin/login/", {"username": staff.username, "password": "wrong"})

    response = client.post("/admin/login/", {"username": staff.username, "password": "staff-password"})

    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
