"""The login view: Django's, with failed sign-ins throttled (assessments.accounts.throttle)."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponse
from django.utils.translation import ngettext

from assessments.accounts import throttle


class ThrottledLoginMixin:
    """For an AuthenticationForm: refuse to check any password while the account or the client
    address is locked, count each wrong password, clear the account's count on success."""

    request: Any
    user_cache: Any
    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        username = str(self.cleaned_data.get("username") or "")
        address = throttle.client_address(self.request) if self.request is not None else "unknown"
        wait = throttle.wait_before_next_try(username=username, address=address)
        if wait is not None:
            # Nothing is counted while locked: a locked account must not stay locked for ever
            # because someone keeps trying, and no answer here says whether a password was right.
            minutes = throttle.minutes_to_wait(wait)
            raise ValidationError(
                ngettext(
                    "Too many failed sign-ins; try again in %(minutes)d minute.",
                    "Too many failed sign-ins; try again in %(minutes)d minutes.",
                    minutes,
                ),
                code="throttled",
                params={"minutes": minutes},
            )
        try:
            cleaned = super().clean()  # type: ignore[misc]
        except ValidationError:
            # Only a wrong username or password counts; a right password refused for another
            # reason (no admin access, say) is not a guess.
            if username and self.user_cache is None:
                throttle.failure_record(username=username, address=address)
            raise
        if username:
            throttle.failures_forget(username=username)
        return cleaned


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(ThrottledLoginMixin, AdminAuthenticationForm):
    """For the admin site's own login page (``AdminSite.login_form``)."""


class ThrottledLoginView(LoginView):
    form_class = ThrottledAuthenticationForm

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "throttled"):
            response.status_code = 429
        return response
