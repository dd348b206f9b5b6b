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
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from assessments.accounts.views import ThrottledAdminAuthenticationForm
from assessments.domain.records import Actor
from assessments.domain.workflow import Action
from assessments.errors import DomainError, NotFoundError, ValidationFailed
from assessments.forms import SendBackForm
from assessments.http import aactor_of
from assessments.presenters.overview import assessment_overview, section_questions
from assessments.selectors.assessments import review_queue
from assessments.services.assessments import assessment_transition

AsyncView = Callable[..., Awaitable[HttpResponse]]

# How many waiting assessments the admin index lists before "see the whole queue".
INDEX_QUEUE_SIZE = 10


class TRAAdminSite(admin.AdminSite):
    site_header = "TRA review"
    site_title = "TRA review"
    index_title = "Assessors' workspace"
    index_template = "admin/tra_index.html"
    # The admin's own sign-in page is throttled like the site's (per account and per address).
    login_form = ThrottledAdminAuthenticationForm

    def get_urls(self) -> list[Any]:
        return [
            # Before the admin's own index: an assessor's index shows the review queue.
            path("", self.async_admin_view(self.review_index_view), name="index"),
            path("review/", self.async_admin_view(self.review_queue_view), name="review_queue"),
            path(
                "review/<str:assessment_id>/",
                self.async_admin_view(self.review_detail_view),
                name="review_detail",
            ),
            path(
                "review/<str:assessment_id>/decide/",
                self.async_admin_view(require_POST(self.review_decide_view)),
                name="review_decide",
            ),
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

    async def _context(self, request: HttpRequest, **extra: Any) -> dict[str, Any]:
        # each_context builds the app list from the user's permissions: database reads, so off the loop.
        return {**await sync_to_async(self.each_context)(request), **extra}

    async def _reviewer(self, request: HttpRequest) -> Actor:
        actor = await aactor_of(request)
        if actor is None or not actor.is_reviewer:
            raise PermissionDenied("Only assessors can review assessments.")
        return actor

    def _error(
        self, request: HttpRequest, error: DomainError, context: dict[str, Any], *, retry: str
    ) -> HttpResponse:
        """A store outage or a refusal as a page in the admin's style, with its status (never a 500)."""
        context = {**context, "title": "Review", "error": error, "retry": retry}
        return TemplateResponse(request, "admin/review_error.html", context, status=error.status)

    async def review_index_view(self, request: HttpRequest) -> HttpResponse:
        actor = await aactor_of(request)
        context = await self._context(request, title=self.index_title, subtitle=None)
        context["app_list"] = context["available_apps"]
        context["is_reviewer"] = actor is not None and actor.is_reviewer
        if context["is_reviewer"]:
            try:
                context["queue"] = await review_queue(cursor=None, limit=INDEX_QUEUE_SIZE)
            except DomainError as exc:
                context["queue_error"] = exc.message
        request.current_app = self.name
        return TemplateResponse(request, self.index_template, context)

    async def review_queue_view(self, request: HttpRequest) -> HttpResponse:
        await self._reviewer(request)
        context = await self._context(request, title="Review queue")
        try:
            context["page"] = await review_queue(cursor=request.GET.get("cursor"), limit=25)
        except DomainError as exc:
            return self._error(request, exc, context, retry=request.get_full_path())
        return TemplateResponse(request, "admin/review_queue.html", context)

    async def review_detail_view(
        self, request: HttpRequest, assessment_id: str, form: SendBackForm | None = None, status: int = 200
    ) -> HttpResponse:
        actor = await self._reviewer(request)
        try:
            overview = await assessment_overview(actor=actor, assessment_id=assessment_id)
        except NotFoundError:
            raise Http404("No such assessment.") from None
        except DomainError as exc:
            retry = reverse("admin:review_detail", args=[assessment_id])
            return self._error(request, exc, await self._context(request), retry=retry)
        answers = overview.collection.answer_values()
        sections = [
            {
                "progress": s,
                "questions": [
                    {"q": q, "answer": overview.collection.answers.get(q.id)}
                    for q in section_questions(
                        overview.questionnaire, s.key, answers, evaluation=overview.rules
                    )
                ],
            }
            for s in overview.sections
        ]
        context = await self._context(
            request,
            title=f"{overview.collection.assessment.id} · {overview.collection.assessment.title}",
            o=overview,
            a=overview.collection.assessment,
            sections=sections,
            form=form or SendBackForm(),
        )
        return TemplateResponse(request, "admin/review_detail.html", context, status=status)

    async def review_decide_view(self, request: HttpRequest, assessment_id: str) -> HttpResponse:
        actor = await self._reviewer(request)
        decision = request.POST.get("decision")
        form = SendBackForm(request.POST)
        try:
            if decision == "approve":
                await assessment_transition(actor=actor, assessment_id=assessment_id, action=Action.APPROVE)
                messages.success(request, f"{assessment_id} approved and finalized.")
            elif decision == "send_back":
                await assessment_transition(
                    actor=actor,
                    assessment_id=assessment_id,
                    action=Action.SEND_BACK,
                    feedback=request.POST.get("feedback", ""),
                )
                messages.success(request, f"{assessment_id} sent back to the requestor.")
            else:
                messages.error(request, "Choose approve or send back.")
                return redirect("admin:review_detail", assessment_id=assessment_id)
        except NotFoundError:
            raise Http404("No such assessment.") from None
        except ValidationFailed as exc:
            form.is_valid()
            form.add_error("feedback" if "fields" in exc.extra else None, exc.message)
            return await self.review_detail_view(request, assessment_id, form=form, status=422)
        except DomainError as exc:
            if exc.status >= 500:
                # Nothing was decided: say so on a page rather than a message on a redirect.
                retry = reverse("admin:review_detail", args=[assessment_id])
                return self._error(request, exc, await self._context(request), retry=retry)
            messages.error(request, exc.message)
            return redirect("admin:review_detail", assessment_id=assessment_id)
        return redirect("admin:review_queue")
