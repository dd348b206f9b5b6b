"""The admin site, extended with the assessors' review queue and decision screens.

The review screens read and write the TRA table through the same services as the requestor
pages; the Django admin's own models (users, groups, questionnaires) stay as they are.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.http import require_POST

from assessments.domain.records import Actor
from assessments.domain.workflow import Action
from assessments.errors import DomainError, NotFoundError, ValidationFailed
from assessments.forms import SendBackForm
from assessments.selectors.assessments import review_queue
from assessments.selectors.overview import assessment_overview, section_questions
from assessments.services.assessments import assessment_transition
from assessments.views.common import actor_of
from integrations.runtime import run_sync


class TRAAdminSite(admin.AdminSite):
    site_header = "TRA review"
    site_title = "TRA review"
    index_title = "Assessors' workspace"
    index_template = "admin/tra_index.html"

    def get_urls(self) -> list[Any]:
        return [
            path("review/", self.admin_view(self.review_queue_view), name="review_queue"),
            path(
                "review/<str:assessment_id>/", self.admin_view(self.review_detail_view), name="review_detail"
            ),
            path(
                "review/<str:assessment_id>/decide/",
                self.admin_view(require_POST(self.review_decide_view)),
                name="review_decide",
            ),
            *super().get_urls(),
        ]

    def _reviewer(self, request: HttpRequest) -> Actor:
        actor = actor_of(request)
        if not actor.is_reviewer:
            raise PermissionDenied("Only assessors can review assessments.")
        return actor

    def review_queue_view(self, request: HttpRequest) -> HttpResponse:
        self._reviewer(request)
        try:
            page = run_sync(review_queue, cursor=request.GET.get("cursor"), limit=25)
        except DomainError as exc:
            messages.error(request, exc.message)
            page = None
        context = {**self.each_context(request), "title": "Review queue", "page": page}
        return TemplateResponse(request, "admin/review_queue.html", context)

    def review_detail_view(
        self, request: HttpRequest, assessment_id: str, form: SendBackForm | None = None, status: int = 200
    ) -> HttpResponse:
        actor = self._reviewer(request)
        try:
            overview = run_sync(assessment_overview, actor=actor, assessment_id=assessment_id)
        except NotFoundError:
            raise Http404("No such assessment.") from None
        answers = overview.collection.answer_values()
        sections = [
            {
                "progress": s,
                "questions": [
                    {"q": q, "answer": overview.collection.answers.get(q.id)}
                    for q in section_questions(overview.questionnaire, s.key, answers)
                ],
            }
            for s in overview.sections
        ]
        context = {
            **self.each_context(request),
            "title": f"{overview.collection.assessment.id} · {overview.collection.assessment.title}",
            "o": overview,
            "a": overview.collection.assessment,
            "sections": sections,
            "form": form or SendBackForm(),
        }
        return TemplateResponse(request, "admin/review_detail.html", context, status=status)

    def review_decide_view(self, request: HttpRequest, assessment_id: str) -> HttpResponse:
        actor = self._reviewer(request)
        decision = request.POST.get("decision")
        form = SendBackForm(request.POST)
        try:
            if decision == "approve":
                run_sync(
                    assessment_transition, actor=actor, assessment_id=assessment_id, action=Action.APPROVE
                )
                messages.success(request, f"{assessment_id} approved and finalized.")
            elif decision == "send_back":
                feedback = request.POST.get("feedback", "")
                run_sync(
                    assessment_transition,
                    actor=actor,
                    assessment_id=assessment_id,
                    action=Action.SEND_BACK,
                    feedback=feedback,
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
            return self.review_detail_view(request, assessment_id, form=form, status=422)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("admin:review_detail", assessment_id=assessment_id)
        return redirect("admin:review_queue")
