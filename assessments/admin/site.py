"""The admin site, extended with the assessors' review queue and decision screens.

The review screens read and write the TRA table through the same services as the requestor
pages; the Django admin's own models (users, groups, questionnaires) stay as they are. The
review screens (and the index, which shows the queue) are async views, wrapped by
``async_admin_view`` because ``AdminSite.admin_view`` only wraps sync views.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import update_wrapper
from typing import Any

from asgiref.sync import sync_to_async
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from assessments.accounts.views import ThrottledAdminAuthenticationForm
from assessments.admin import queue_views, review_views
from assessments.admin.search_views import search_admin_urls
from assessments.domain.records import Actor
from assessments.errors import DomainError
from assessments.guests.admin_views import guest_admin_urls
from assessments.http import aactor_of

AsyncView = Callable[..., Awaitable[HttpResponse]]


class TRAAdminSite(admin.AdminSite):
    site_header = "TRA review"
    site_title = "TRA review"
    index_title = "Assessors' workspace"
    index_template = "admin/tra_index.html"
    # The admin's own sign-in page is throttled like the site's (per account and per address).
    login_form = ThrottledAdminAuthenticationForm
    # The review screens need the width; the models are a click away on the index.
    enable_nav_sidebar = False

    def get_urls(self) -> list[Any]:
        view, post = self.async_admin_view, self._post
        review = "review/<str:assessment_id>/"
        thread = f"{review}questions/<str:question_id>/"
        return [
            # Before the admin's own index: an assessor's index shows their work.
            path("", view(self.review_index_view), name="index"),
            path("review/", view(self.review_queue_view), name="review_queue"),
            path("review/archive/", view(self.review_archive_view), name="review_archive"),
            *search_admin_urls(self),  # before review/<assessment_id>/
            path(review, view(self.review_detail_view), name="review_detail"),
            path(f"{review}record/", view(self.review_record_view), name="review_record"),
            path(f"{review}assign/", post(self.review_assign_view), name="review_assign"),
            path(f"{review}send-back/", post(self.review_send_back_view), name="review_send_back"),
            path(f"{review}decide/", post(self.review_decide_view), name="review_decide"),
            path(f"{thread}comment/", post(self.review_comment_view), name="review_comment"),
            path(f"{thread}resolve/", post(self.review_resolve_view), name="review_resolve"),
            path(f"{thread}reopen/", post(self.review_reopen_view), name="review_reopen"),
            *guest_admin_urls(self),
            *super().get_urls(),
        ]

    def async_admin_view(self, view: AsyncView) -> AsyncView:
        """``admin_view`` for an async view: staff only, never cached, CSRF-protected."""

        async def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user: Any = await request.auser()  # type: ignore[attr-defined]
            # The same rule as AdminSite.has_permission, on the user loaded the async way.
            if not (user.is_active and user.is_staff):
                return redirect_to_login(
                    request.get_full_path(), reverse("admin:login", current_app=self.name)
                )
            return await view(request, *args, **kwargs)

        return update_wrapper(csrf_protect(never_cache(inner)), view)

    def _post(self, view: AsyncView) -> AsyncView:
        return self.async_admin_view(require_POST(view))

    async def context(self, request: HttpRequest, **extra: Any) -> dict[str, Any]:
        # each_context builds the app list from the user's permissions: database reads, so off the loop.
        return {**await sync_to_async(self.each_context)(request), **extra}

    async def reviewer(self, request: HttpRequest) -> Actor:
        actor = await aactor_of(request)
        if actor is None or not actor.is_reviewer:
            raise PermissionDenied("Only assessors can review assessments.")
        return actor

    def error(
        self, request: HttpRequest, error: DomainError, context: dict[str, Any], *, retry: str
    ) -> HttpResponse:
        """A store outage or a refusal as a page in the admin's style, with its status (never a 500)."""
        context = {**context, "title": "Review", "error": error, "retry": retry}
        return TemplateResponse(request, "admin/review_error.html", context, status=error.status)

    # The views: thin, each the reviewer check and a call into queue_views / review_views.

    async def review_index_view(self, request: HttpRequest) -> HttpResponse:
        return await queue_views.review_index(self, request, await aactor_of(request))

    async def review_queue_view(self, request: HttpRequest) -> HttpResponse:
        return await queue_views.review_list(self, request, await self.reviewer(request), archive=False)

    async def review_archive_view(self, request: HttpRequest) -> HttpResponse:
        return await queue_views.review_list(self, request, await self.reviewer(request), archive=True)

    async def review_detail_view(self, request: HttpRequest, assessment_id: str) -> HttpResponse:
        return await review_views.review_detail(self, request, await self.reviewer(request), assessment_id)

    async def review_record_view(self, request: HttpRequest, assessment_id: str) -> HttpResponse:
        return await review_views.decision_record(self, request, await self.reviewer(request), assessment_id)

    async def review_assign_view(self, request: HttpRequest, assessment_id: str) -> HttpResponse:
        return await review_views.review_assign(self, request, await self.reviewer(request), assessment_id)

    async def review_send_back_view(self, request: HttpRequest, assessment_id: str) -> HttpResponse:
        return await review_views.review_send_back(self, request, await self.reviewer(request), assessment_id)

    async def review_decide_view(self, request: HttpRequest, assessment_id: str) -> HttpResponse:
        return await review_views.review_decide(self, request, await self.reviewer(request), assessment_id)

    async def review_comment_view(
        self, request: HttpRequest, assessment_id: str, question_id: str
    ) -> HttpResponse:
        actor = await self.reviewer(request)
        return await review_views.review_comment(self, request, actor, assessment_id, question_id)

    async def review_resolve_view(
        self, request: HttpRequest, assessment_id: str, question_id: str
    ) -> HttpResponse:
        actor = await self.reviewer(request)
        return await review_views.review_thread(
            self, request, actor, assessment_id, question_id, resolve=True
        )

    async def review_reopen_view(
        self, request: HttpRequest, assessment_id: str, question_id: str
    ) -> HttpResponse:
        actor = await self.reviewer(request)
        return await review_views.review_thread(
            self, request, actor, assessment_id, question_id, resolve=False
        )
