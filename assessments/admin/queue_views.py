"""The assessor's lists: the admin index (their work at a glance), the queue and the archive.

Each list is pages of one gsi1 partition (assessments/selectors/review_queue.py); filters are
a GET form, so a filtered page is a link one can share. Bad filter values are the form's
message with a 400, never a 500.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from asgiref.sync import sync_to_async
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from assessments.accounts.reviewers import reviewer_choices
from assessments.admin.forms import QueueFilterForm
from assessments.domain.queue import QueueEntry, QueueFilters, QueueOrder, QueuePhase
from assessments.domain.records import Actor
from assessments.errors import DomainError, ValidationFailed
from assessments.selectors.questionnaires import questionnaire_get_active
from assessments.selectors.review_queue import QueuePage, review_queue_page

if TYPE_CHECKING:
    from assessments.admin.site import TRAAdminSite

PAGE_SIZE = 25


@dataclass(frozen=True)
class QueueRow:
    entry: QueueEntry
    overdue: bool
    area_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndexPanel:
    key: str
    title: str
    rows: list[QueueRow]
    more: bool  # more than the panel lists
    url: str  # the queue, filtered the same way


# How many rows each of the index's panels lists before "see all".
INDEX_PANEL_SIZE = 5


def _row(entry: QueueEntry, today: date, names: dict[str, str]) -> QueueRow:
    return QueueRow(entry, entry.is_overdue(today), tuple(names.get(k, k) for k in entry.active_areas))


async def _area_choices() -> list[tuple[str, str]]:
    try:
        _version, questionnaire = await sync_to_async(questionnaire_get_active)(key="default")
    except DomainError:
        return []
    return [(area.key, area.name) for area in questionnaire.areas]


async def _reviewer_pairs() -> list[tuple[int, str]]:
    return [(r.user_id, r.display_name) for r in await reviewer_choices()]


async def review_index(site: TRAAdminSite, request: HttpRequest, actor: Actor | None) -> HttpResponse:
    context = await site.context(request, title=site.index_title, subtitle=None)
    context["app_list"] = context["available_apps"]
    context["is_reviewer"] = actor is not None and actor.is_reviewer
    if actor is not None and actor.is_reviewer:
        today = date.today()
        queue = reverse("admin:review_queue")
        wanted = (
            (
                "mine",
                "Assigned to me",
                QueueOrder.DUE,
                QueueFilters(assignee_id=actor.user_id),
                "assignee=me&sort=due_asc",
            ),
            (
                "waiting",
                "Waiting (unassigned)",
                QueueOrder.SUBMITTED,
                QueueFilters(unassigned=True),
                "assignee=none&sort=submitted_asc",
            ),
            ("overdue", "Overdue", QueueOrder.DUE, QueueFilters(overdue=True), "overdue=on&sort=due_asc"),
        )
        panels = []
        try:
            for key, title, order, filters, query in wanted:
                page = await review_queue_page(
                    phase=QueuePhase.OPEN,
                    order=order,
                    descending=False,
                    filters=filters,
                    cursor=None,
                    limit=INDEX_PANEL_SIZE,
                    today=today,
                )
                rows = [_row(e, today, {}) for e in page.items]
                panels.append(IndexPanel(key, title, rows, page.next_cursor is not None, f"{queue}?{query}"))
        except DomainError as exc:
            context["queue_error"] = exc.message
        context["panels"] = panels
    request.current_app = site.name
    return TemplateResponse(request, site.index_template, context)


async def review_list(
    site: TRAAdminSite, request: HttpRequest, actor: Actor, *, archive: bool
) -> HttpResponse:
    reviewers = await _reviewer_pairs()
    areas = await _area_choices()
    form = QueueFilterForm(request.GET or None, archive=archive, areas=areas, reviewers=reviewers)
    title = "Archive" if archive else "Review queue"
    template = "admin/review_archive.html" if archive else "admin/review_queue.html"
    context = await site.context(request, title=title, form=form, archive=archive, today=date.today())
    if request.GET and not form.is_valid():
        return TemplateResponse(request, template, context, status=400)
    if not request.GET:
        form.is_valid()  # unbound: every filter at its default
        form.cleaned_data = {}
    order, descending = form.order()
    try:
        page: QueuePage = await review_queue_page(
            phase=QueuePhase.ARCHIVE if archive else QueuePhase.OPEN,
            order=order,
            descending=descending,
            filters=form.filters(me=actor.user_id),
            cursor=form.cleaned_data.get("cursor") or None,
            limit=PAGE_SIZE,
            today=context["today"],
        )
    except ValidationFailed as exc:  # a page link from another list, or forged
        context["cursor_error"] = exc.message
        return TemplateResponse(request, template, context, status=400)
    except DomainError as exc:
        return site.error(request, exc, context, retry=request.get_full_path())
    names = dict(areas)
    rows = [_row(e, context["today"], names) for e in page.items]
    context.update(
        page=page, rows=rows, query=form.query_without_cursor() if request.GET else "", reviewers=reviewers
    )
    context["first_page"] = not form.cleaned_data.get("cursor")
    return TemplateResponse(request, template, context)
